//! WARC input (ISO 28500, versions 1.0 and 1.1): reads the records of a web archive one at a
//! time and turns each `response` record holding an HTML or text page into a [`Page`]: its
//! WARC-Target-URI, the HTTP `Content-Type` charset (a decoding hint) and the payload with
//! HTTP chunking and gzip content encoding undone.
//!
//! What is a page: a `response` record whose HTTP status is 200 and whose `Content-Type` is
//! `text/html`, `application/xhtml+xml` or `text/plain` (or missing, then HTML or text by
//! content). Other responses (redirects, errors, images, PDFs …) and every other record type
//! (`request`, `metadata`, `warcinfo`, `revisit` …) are skipped and counted. A record that
//! cannot be read (bad version line, missing or bad `Content-Length`, unterminated HTTP
//! header, truncated block) is reported with its offset and a reason; reading goes on at the
//! next line starting `WARC/`, or stops at the end of a truncated file.
//!
//! Memory: one record at a time. A block larger than the size limit is skipped without being
//! held (a page that large is reported). Offsets count bytes of the inflated stream, so the
//! same file gives the same offsets plain or gzip-compressed (one member per record as
//! Common Crawl writes them, or one member for the whole file).
//!
//! This module does not decode text or look inside the HTML: that is `decode`'s and
//! `clean`'s job.
//!
//! A small reader of its own rather than the `warc` crate (0.4): that crate yields no record
//! offsets (needed for stable ids), buffers a header with an unbounded `read_until` (bytes
//! without a newline grow it without limit), ends silently on a file cut inside a header,
//! and after a bad header goes on reading the block as the next header instead of finding
//! the next record; it would also bring nom, chrono, uuid 0.8 and a second gzip
//! implementation (libflate) for what is here about 300 lines over flate2.

use std::io::{BufRead, Read};

/// Longest WARC or HTTP header line kept, in bytes (longer ones are cut, and their rest read
/// and dropped).
const MAX_LINE: usize = 16 * 1024;
/// Largest WARC header block accepted, in bytes.
const MAX_HEADER: usize = 256 * 1024;

/// Whether a file name is a WARC file pressmine reads (`.warc` or `.warc.gz`).
pub fn is_warc_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".warc") || n.ends_with(".warc.gz")
}

/// A page found in a WARC file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Offset of the record in the (inflated) file.
    pub offset: u64,
    /// WARC-Target-URI.
    pub url: Option<String>,
    /// Charset of the HTTP `Content-Type` header (lowercased).
    pub http_charset: Option<String>,
    /// Whether the HTTP `Content-Type` says plain text.
    pub plain_text: bool,
    /// Whether the payload was inflated (HTTP `Content-Encoding: gzip`).
    pub inflated: bool,
    /// The HTTP payload.
    pub body: Vec<u8>,
}

/// What reading one record gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A page to process.
    Page(Page),
    /// A record that holds no page (another record type, a non-200 status, another media
    /// type), with why.
    Skipped {
        /// Offset of the record.
        offset: u64,
        /// Why it is not a page, e.g. `request record` or `HTTP status 301`.
        reason: String,
    },
    /// A record that could not be read.
    Malformed {
        /// Offset of the record (or of the bytes that were no record).
        offset: u64,
        /// What was wrong.
        reason: String,
    },
}

impl Entry {
    /// Offset of the record in the inflated stream.
    pub fn offset(&self) -> u64 {
        match self {
            Entry::Page(p) => p.offset,
            Entry::Skipped { offset, .. } | Entry::Malformed { offset, .. } => *offset,
        }
    }
}

/// Reads the records of a WARC stream one by one (an iterator of [`Entry`]). Give it the
/// inflated stream: [`open`] does that for a file.
pub struct Records<R> {
    reader: R,
    pos: u64,
    max_bytes: u64,
    done: bool,
    /// After a malformed record: skip lines until one starts a record.
    resync: bool,
}

impl<R: BufRead> Records<R> {
    /// Reads records from `reader`; pages over `max_bytes` are reported, not held.
    pub fn new(reader: R, max_bytes: u64) -> Self {
        Self { reader, pos: 0, max_bytes, done: false, resync: false }
    }

    /// Reads one line (up to and including `\n`), keeping at most [`MAX_LINE`] bytes.
    /// `Ok(None)` at the end of the stream.
    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut out = Vec::new();
        let mut any = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(any.then_some(out));
            }
            any = true;
            let (take, end) = match buf.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_LINE.saturating_sub(out.len()).min(take);
            out.extend_from_slice(&buf[..room]);
            self.reader.consume(take);
            self.pos += take as u64;
            if end {
                return Ok(Some(out));
            }
        }
    }

    /// Reads `len` bytes into memory, or drops them when `keep` is false. Returns the bytes
    /// kept and how many were there (fewer than `len` when the stream ends).
    fn block(&mut self, len: u64, keep: bool) -> std::io::Result<(Vec<u8>, u64)> {
        let mut take = (&mut self.reader).take(len);
        let (bytes, n) = if keep {
            let mut v = Vec::with_capacity(usize::try_from(len).unwrap_or(0).min(1 << 20));
            let n = take.read_to_end(&mut v)? as u64;
            (v, n)
        } else {
            (Vec::new(), std::io::copy(&mut take, &mut std::io::sink())?)
        };
        self.pos += n;
        Ok((bytes, n))
    }

    fn malformed(&mut self, offset: u64, reason: impl Into<String>) -> Entry {
        self.resync = true;
        Entry::Malformed { offset, reason: reason.into() }
    }

    fn stop(&mut self, offset: u64, reason: impl Into<String>) -> Entry {
        self.done = true;
        Entry::Malformed { offset, reason: reason.into() }
    }

    fn read_entry(&mut self) -> Option<Entry> {
        // Find the version line, skipping the blank lines between records (and, after a
        // malformed record, everything up to the next record).
        let (start, version) = loop {
            let start = self.pos;
            let line = match self.line() {
                Ok(Some(l)) => l,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => return Some(self.stop(start, format!("read failed: {e}; the rest of the file is not read"))),
            };
            if line.starts_with(b"WARC/") {
                self.resync = false;
                break (start, line);
            }
            if self.resync || line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).trim_end().to_string();
            return Some(self.malformed(start, format!("expected a WARC/1.x version line, found {shown:?}")));
        };
        let _ = version;
        // Header fields up to the blank line.
        let mut warc_type = None;
        let mut length = None;
        let mut target = None;
        let mut header_bytes = 0;
        loop {
            let line = match self.line() {
                Ok(Some(l)) => l,
                Ok(None) => return Some(self.stop(start, "truncated: the file ends inside the record's WARC header")),
                Err(e) => return Some(self.stop(start, format!("read failed: {e}; the rest of the file is not read"))),
            };
            if !line.ends_with(b"\n") {
                return Some(self.stop(start, "truncated: the file ends inside the record's WARC header"));
            }
            header_bytes += line.len();
            if header_bytes > MAX_HEADER {
                return Some(self.malformed(start, format!("WARC header longer than {MAX_HEADER} bytes")));
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
            let text = String::from_utf8_lossy(&line);
            let Some((name, value)) = text.split_once(':') else {
                if line.starts_with(b" ") || line.starts_with(b"\t") {
                    continue; // a folded continuation line of a field pressmine does not read
                }
                let shown = text.trim_end().chars().take(40).collect::<String>();
                return Some(self.malformed(start, format!("WARC header line without a colon: {shown:?}")));
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => warc_type = Some(value.to_ascii_lowercase()),
                "content-length" => length = Some(value),
                "warc-target-uri" => target = Some(value.trim_start_matches('<').trim_end_matches('>').to_string()),
                _ => {}
            }
        }
        let Some(length) = length else {
            return Some(self.malformed(start, "no Content-Length in the WARC header"));
        };
        let Ok(length) = length.parse::<u64>() else {
            return Some(self.malformed(start, format!("Content-Length {length:?} is not a number of bytes")));
        };
        let is_response = warc_type.as_deref() == Some("response");
        let keep = is_response && length <= self.max_bytes.saturating_add(MAX_HEADER as u64);
        let (block, got) = match self.block(length, keep) {
            Ok(b) => b,
            Err(e) => return Some(self.stop(start, format!("read failed: {e}; the rest of the file is not read"))),
        };
        if got < length {
            return Some(
                self.stop(start, format!("truncated: Content-Length says {length} bytes, the file ends after {got}")),
            );
        }
        if !is_response {
            let kind = warc_type.unwrap_or_else(|| "untyped".into());
            return Some(Entry::Skipped { offset: start, reason: format!("{kind} record") });
        }
        if !keep {
            return Some(Entry::Malformed {
                offset: start,
                reason: format!("response of {length} bytes exceeds the limit of {} bytes", self.max_bytes),
            });
        }
        Some(http_page(start, target, &block, self.max_bytes))
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        self.read_entry()
    }
}

/// Opens a WARC file, inflating it when its name ends in `.gz` or it starts with the gzip
/// magic bytes (any number of members).
///
/// # Errors
/// The file cannot be opened or read.
pub fn open(path: &std::path::Path, max_bytes: u64) -> std::io::Result<Records<Box<dyn BufRead + Send>>> {
    let mut file = std::io::BufReader::with_capacity(256 * 1024, std::fs::File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn BufRead + Send> = if gzip {
        Box::new(std::io::BufReader::with_capacity(256 * 1024, flate2::bufread::MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    };
    Ok(Records::new(reader, max_bytes))
}

/// The page of a `response` record's block (an HTTP response), or why there is none.
fn http_page(offset: u64, url: Option<String>, block: &[u8], max_bytes: u64) -> Entry {
    let bad = |reason: String| Entry::Malformed { offset, reason };
    let skip = |reason: String| Entry::Skipped { offset, reason };
    let (head_len, body_start) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return bad("HTTP header of the response not terminated by a blank line".into()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let status = match (parts.next(), parts.next().map(str::parse::<u16>)) {
        (Some(v), Some(Ok(s))) if v.starts_with("HTTP/") => s,
        _ => {
            let shown = status_line.chars().take(40).collect::<String>();
            return bad(format!("not an HTTP status line: {shown:?}"));
        }
    };
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    if status != 200 {
        return skip(format!("HTTP status {status}"));
    }
    let mime = content_type.as_deref().map(|c| c.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    let plain_text = match mime.as_deref() {
        None | Some("") | Some("text/html") | Some("application/xhtml+xml") => false,
        Some("text/plain") => true,
        Some(other) => return skip(format!("content type {other}")),
    };
    let http_charset = content_type.as_deref().and_then(charset_of);
    let mut body = block[body_start..].to_vec();
    if chunked {
        match dechunk(&body) {
            Some(b) => body = b,
            None => return bad("HTTP body with Transfer-Encoding: chunked is not well chunked".into()),
        }
    }
    let inflated = match encoding.as_deref() {
        None | Some("") | Some("identity") => false,
        Some("gzip") | Some("x-gzip") => {
            match crate::source::inflate(&body, max_bytes) {
                Ok(b) => body = b,
                Err(e) => return bad(format!("Content-Encoding gzip: {e}")),
            }
            true
        }
        Some(other) => return bad(format!("Content-Encoding {other} is not supported")),
    };
    Entry::Page(Page { offset, url, http_charset, plain_text, inflated, body })
}

/// The `charset` parameter of a `Content-Type` value, lowercased and unquoted.
fn charset_of(content_type: &str) -> Option<String> {
    content_type
        .split(';')
        .skip(1)
        .find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
        })
        .filter(|c| !c.is_empty())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer coding; `None` when the chunks are malformed.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?.trim();
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn entries(bytes: &[u8]) -> Vec<Entry> {
        Records::new(bytes, 1 << 20).collect()
    }

    #[test]
    fn responses_are_pages_and_the_rest_is_skipped() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n<p>hi</p>";
        let moved = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        let text = b"HTTP/1.0 200 OK\nContent-Type: text/plain\n\nplain";
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        let bytes = [
            record("warcinfo", "", b"software: x"),
            record("request", "http://a/", b"GET / HTTP/1.1\r\n\r\n"),
            record("response", "<http://a/>", page),
            record("response", "http://a/m", moved),
            record("response", "http://a/t", text),
            record("response", "http://a/p", png),
        ]
        .concat();
        let got = entries(&bytes);
        assert_eq!(got.len(), 6);
        let Entry::Page(p) = &got[2] else { panic!("{:?}", got[2]) };
        assert_eq!(p.url.as_deref(), Some("http://a/"));
        assert_eq!(p.http_charset.as_deref(), Some("gbk"));
        assert_eq!(p.body, b"<p>hi</p>");
        assert_eq!(&bytes[p.offset as usize..p.offset as usize + 8], b"WARC/1.0");
        assert!(matches!(&got[3], Entry::Skipped { reason, .. } if reason == "HTTP status 301"));
        assert!(matches!(&got[4], Entry::Page(p) if p.plain_text && p.body == b"plain"));
        assert!(matches!(&got[5], Entry::Skipped { reason, .. } if reason == "content type image/png"));
    }

    #[test]
    fn a_bad_record_is_reported_and_reading_goes_on() {
        let page = b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>";
        let bytes = [
            b"garbage line\r\nmore garbage\r\n".to_vec(),
            record("response", "http://a/", page),
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n".to_vec(),
            record("response", "http://b/", page),
            record("response", "http://c/", page)[..60].to_vec(),
        ]
        .concat();
        let got = entries(&bytes);
        let kinds: Vec<&str> = got
            .iter()
            .map(|e| match e {
                Entry::Page(_) => "page",
                Entry::Skipped { .. } => "skip",
                Entry::Malformed { .. } => "bad",
            })
            .collect();
        assert_eq!(kinds, ["bad", "page", "bad", "page", "bad"], "{got:?}");
        assert!(matches!(&got[4], Entry::Malformed { reason, .. } if reason.starts_with("truncated")));
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").unwrap(), b"abcde");
        assert!(dechunk(b"zz\r\nabc").is_none());
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>packed</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        let got = entries(&record("response", "http://z/", &block));
        assert!(matches!(&got[0], Entry::Page(p) if p.inflated && p.body == b"<p>packed</p>"), "{got:?}");
    }
}
