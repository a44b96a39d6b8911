//! Where documents come from: a corpus directory walked in a stable order, single files,
//! or standard input. Reads bytes (inflating `.gz`), and the `.meta.json` sidecar written by
//! `pressmine fetch` ([`Meta`]: URL and HTTP charset). Never decodes or parses: that is `decode`'s job.

use crate::error::DocError;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Sidecar that `fetch` stores beside each page as `<file>.meta.json`; read back here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// URL as requested.
    pub url: String,
    /// URL after redirects.
    pub final_url: String,
    /// HTTP status of the stored response.
    pub status: u16,
    /// When it was fetched (UTC, RFC 3339).
    pub fetched_at: String,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// Charset named by the `Content-Type` header (lowercased).
    pub charset: Option<String>,
    /// `ETag` header.
    pub etag: Option<String>,
    /// `Last-Modified` header.
    pub last_modified: Option<String>,
    /// sha256 of the stored bytes (hex).
    pub sha256: String,
    /// Stored bytes.
    pub bytes: u64,
}

/// File extensions that hold documents (optionally followed by `.gz`).
pub const EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml", "txt"];

/// Extensions of server pages saved under their script's name (`index.php`, `detail.jsp`):
/// read like pages without an extension, HTML or text by their content.
pub const SNIFFED_EXTENSIONS: &[&str] = &["asp", "aspx", "php", "jsp", "jspx", "cgi", "do", "shtm"];

/// Default upper bound on one input's size (after inflation).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One input located but not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Stable id (path relative to the corpus root with `/`, or as given).
    pub id: String,
    /// Where to read it; `None` means standard input.
    pub path: Option<PathBuf>,
}

/// A located input that could not even be listed (e.g. a symlink loop).
#[derive(Debug, Clone)]
pub struct ListError {
    /// Path involved.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// Raw bytes and what is known about them before decoding.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Stable id.
    pub id: String,
    /// Path as given, if any.
    pub path: Option<String>,
    /// URL from the fetch sidecar.
    pub url: Option<String>,
    /// Charset from the HTTP header (sidecar).
    pub http_charset: Option<String>,
    /// Raw bytes (inflated when the file was gzip).
    pub bytes: Vec<u8>,
    /// Whether the bytes were inflated.
    pub inflated: bool,
    /// Whether the name says plain text (`.txt`).
    pub plain_text: bool,
}

impl RawDoc {
    /// A document from memory (tests, library users).
    pub fn from_bytes(id: impl Into<String>, bytes: Vec<u8>) -> Self {
        let id = id.into();
        let plain_text = is_plain_text_name(&id);
        Self { id, path: None, url: None, http_charset: None, bytes, inflated: false, plain_text }
    }
}

fn is_plain_text_name(name: &str) -> bool {
    let n = name.strip_suffix(".gz").unwrap_or(name);
    n.rsplit('.').next().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Whether a file name is one pressmine reads: a page extension ([`EXTENSIONS`], optionally
/// `.gz`), no extension at all, or a server page's ([`SNIFFED_EXTENSIONS`]); the last two are
/// HTML or text by their content (the cleaner looks for markup). WARC files (`.warc`,
/// `.warc.gz`) are read too, record by record (see `run`).
pub fn is_document_name(name: &str) -> bool {
    if name.ends_with(".meta.json") {
        return false;
    }
    if crate::warc::is_warc_name(name) {
        return true;
    }
    let n = name.strip_suffix(".gz").unwrap_or(name);
    match n.rsplit_once('.') {
        Some((_, ext)) => EXTENSIONS.iter().chain(SNIFFED_EXTENSIONS).any(|e| e.eq_ignore_ascii_case(ext)),
        None => true,
    }
}

/// Files pressmine itself writes into a corpus, and hidden files: not counted as skipped.
fn is_own_file(name: &str) -> bool {
    name.ends_with(".meta.json") || name == "fetch-log.jsonl" || name.starts_with('.')
}

/// Which files of a corpus are read: `--include` and `--exclude` globs over the path relative
/// to the corpus root (`*` and `?` within a name, `**` across folders, `[abc]`, `{a,b}`); a
/// glob without `/` is matched against the file name alone. No include means every page.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    include: Vec<Glob>,
    exclude: Vec<Glob>,
}

#[derive(Debug, Clone)]
struct Glob {
    regex: regex::Regex,
    whole_path: bool,
}

impl Glob {
    fn new(glob: &str) -> Result<Self, String> {
        let mut re = String::from("^");
        let chars: Vec<char> = glob.chars().collect();
        let mut depth = 0usize;
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    let slash = chars.get(i + 2) == Some(&'/');
                    re.push_str(if slash { "(?:.*/)?" } else { ".*" });
                    i += if slash { 3 } else { 2 };
                    continue;
                }
                '*' => re.push_str("[^/]*"),
                '?' => re.push_str("[^/]"),
                '[' => {
                    let close = chars[i + 1..].iter().skip(1).position(|c| *c == ']').map(|p| i + 2 + p);
                    let Some(close) = close else { return Err(format!("{glob}: `[` without `]`")) };
                    re.push('[');
                    for (k, c) in chars[i + 1..close].iter().enumerate() {
                        match c {
                            '!' if k == 0 => re.push('^'),
                            '\\' | '[' | '&' | '~' => {
                                re.push('\\');
                                re.push(*c);
                            }
                            c => re.push(*c),
                        }
                    }
                    re.push(']');
                    i = close;
                }
                '{' => {
                    depth += 1;
                    re.push_str("(?:");
                }
                ',' if depth > 0 => re.push('|'),
                '}' if depth > 0 => {
                    depth -= 1;
                    re.push(')');
                }
                c => re.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            }
            i += 1;
        }
        if depth > 0 {
            return Err(format!("{glob}: `{{` without `}}`"));
        }
        re.push('$');
        let regex = regex::Regex::new(&re).map_err(|e| format!("{glob}: not a glob ({e})"))?;
        Ok(Self { regex, whole_path: glob.contains('/') })
    }

    fn matches(&self, id: &str) -> bool {
        let name = if self.whole_path { id } else { id.rsplit('/').next().unwrap_or(id) };
        self.regex.is_match(name)
    }
}

impl Selection {
    /// Compiles the globs.
    ///
    /// # Errors
    /// A glob with an unclosed `[` or `{`, named.
    pub fn new(include: &[String], exclude: &[String]) -> Result<Self, String> {
        let compile = |globs: &[String]| globs.iter().map(|g| Glob::new(g)).collect::<Result<Vec<_>, _>>();
        Ok(Self { include: compile(include)?, exclude: compile(exclude)? })
    }

    /// Whether the file with this id (path relative to the corpus root, `/`-separated) is read.
    pub fn selects(&self, id: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(id)))
            && !self.exclude.iter().any(|g| g.matches(id))
    }
}

/// What walking a corpus found.
#[derive(Debug, Default)]
pub struct Listing {
    /// Pages to read, sorted.
    pub inputs: Vec<Input>,
    /// Paths that could not be listed.
    pub errors: Vec<ListError>,
    /// Ids of files that are not pages by their name (`.md`, `.pdf`, `.json` …) and were not read.
    pub skipped: Vec<String>,
}

/// Lists the documents under `root` in a stable (sorted) order. Symlinks are followed;
/// loops and unreadable directories come back as [`ListError`]s.
pub fn walk(root: &Path) -> (Vec<Input>, Vec<ListError>) {
    let l = list(root, &Selection::default());
    (l.inputs, l.errors)
}

/// Lists the documents under `root` that `select` selects, in a stable (sorted) order, with
/// the files skipped for not being pages. Symlinks are followed; loops and unreadable
/// directories come back as [`ListError`]s.
pub fn list(root: &Path, select: &Selection) -> Listing {
    let mut listing = Listing::default();
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by(|a, b| a.file_name().cmp(b.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let name = e.file_name().to_string_lossy();
                let page = is_document_name(&name);
                if !page && is_own_file(&name) {
                    continue;
                }
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                if !select.selects(&id) {
                    continue;
                }
                if page {
                    listing.inputs.push(Input { id, path: Some(e.path().to_path_buf()) });
                } else {
                    listing.skipped.push(id);
                }
            }
            Ok(_) => {}
            Err(err) => listing.errors.push(ListError {
                path: err.path().map(|p| p.display().to_string()).unwrap_or_default(),
                reason: err.to_string(),
            }),
        }
    }
    listing
}

/// Reads an input's bytes, inflating gzip and reading the sidecar.
///
/// # Errors
/// I/O failures, empty or oversized inputs and corrupt gzip streams.
pub fn read(input: &Input, max_bytes: u64) -> Result<RawDoc, DocError> {
    let (bytes, path_str, sidecar) = match &input.path {
        None => {
            let mut buf = Vec::new();
            std::io::stdin().lock().take(max_bytes + 1).read_to_end(&mut buf)?;
            (buf, None, Meta::default())
        }
        Some(p) => {
            let meta = std::fs::metadata(p)?;
            if meta.len() > max_bytes {
                return Err(DocError::TooLarge { size: meta.len(), limit: max_bytes });
            }
            let buf = std::fs::read(p)?;
            let mut side = PathBuf::from(p);
            side.as_mut_os_string().push(".meta.json");
            let sidecar =
                std::fs::read(&side).ok().and_then(|b| serde_json::from_slice::<Meta>(&b).ok()).unwrap_or_default();
            (buf, Some(p.display().to_string()), sidecar)
        }
    };
    let mut raw = from_memory(input.id.clone(), bytes, max_bytes)?;
    raw.path = path_str.map(|_| input.id.clone());
    raw.url = [sidecar.final_url, sidecar.url].into_iter().find(|u| !u.is_empty());
    raw.http_charset = sidecar.charset;
    Ok(raw)
}

/// A document held in memory, accepted as [`read`] accepts a file's bytes: gzip (by the
/// `.gz` id or the magic bytes) inflated up to `max_bytes`, empty and binary input refused;
/// `.txt` ids are plain text. `path`, `url` and `http_charset` are left empty for the caller
/// to fill (the bindings and engines that hold pages in memory call this, as `read` does).
///
/// # Errors
/// Empty, binary or oversized input and corrupt gzip streams.
pub fn from_memory(id: String, bytes: Vec<u8>, max_bytes: u64) -> Result<RawDoc, DocError> {
    let gz_name = id.ends_with(".gz");
    let (bytes, inflated) =
        if gz_name || bytes.starts_with(&[0x1f, 0x8b]) { (inflate(&bytes, max_bytes)?, true) } else { (bytes, false) };
    // Standard input is read up to one byte past the limit: over it, too large.
    if bytes.len() as u64 > max_bytes {
        return Err(DocError::TooLarge { size: bytes.len() as u64, limit: max_bytes });
    }
    check_content(&bytes)?;
    let plain_text = is_plain_text_name(&id);
    Ok(RawDoc { id, path: None, url: None, http_charset: None, plain_text, bytes, inflated })
}

/// Inflates gzip (one or more members) into at most `max_bytes`: the output buffer never
/// grows past the limit, so a decompression bomb costs `max_bytes` of memory, not what it
/// would inflate to.
pub(crate) fn inflate(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, DocError> {
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match decoder.read(&mut chunk) {
            Ok(0) => return Ok(out),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(DocError::Gzip(e.to_string())),
        };
        if out.len() + n > limit {
            return Err(DocError::InflatesTooLarge { limit: max_bytes });
        }
        if out.capacity() - out.len() < n {
            // Double, but never past the limit (Vec's own growth could reach twice it).
            let want = out.capacity().saturating_mul(2).max(out.len() + n).min(limit);
            out.reserve_exact(want - out.len());
        }
        out.extend_from_slice(&chunk[..n]);
    }
}

/// Rejects empty and binary inputs. Text in UTF-16 has NULs too, so a BOM exempts it.
///
/// # Errors
/// [`DocError::Empty`] or [`DocError::Binary`].
pub fn check_content(bytes: &[u8]) -> Result<(), DocError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DocError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|b| **b == 0).count();
    let ctrl = head.iter().filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    if nul > 0 || ctrl * 10 > head.len() {
        return Err(DocError::Binary(format!("{nul} NUL and {ctrl} control bytes in the first {} bytes", head.len())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_document_name("a.html"));
        assert!(is_document_name("a.SHTML.gz"));
        assert!(is_document_name("a.txt"));
        assert!(!is_document_name("a.html.meta.json"));
        assert!(!is_document_name("SOURCES.md"));
        assert!(is_plain_text_name("x/y.txt.gz"));
        assert!(is_document_name("index"));
        assert!(is_document_name("detail.jsp"));
        assert!(!is_document_name("notes.pdf"));
        assert!(!is_document_name(".pressmine-state.json"));
    }

    #[test]
    fn globs_select_paths() {
        let s = Selection::new(&["**/2024/*.html".into(), "*.txt".into()], &["draft-*".into()]).unwrap();
        assert!(s.selects("gov/2024/a.html"));
        assert!(s.selects("2024/a.html"));
        assert!(!s.selects("gov/2023/a.html"));
        assert!(s.selects("deep/er/seed.txt"));
        assert!(!s.selects("deep/draft-1.txt"));
        let s = Selection::new(&["{a,b}/[!x]?.htm*".into()], &[]).unwrap();
        assert!(s.selects("a/y1.html") && s.selects("b/z2.htm"));
        assert!(!s.selects("a/x1.html") && !s.selects("c/y1.html"));
        assert!(Selection::new(&["[ab".into()], &[]).is_err());
        assert!(Selection::default().selects("anything"));
    }

    #[test]
    fn gzip_is_inflated_up_to_the_limit_only() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&[b'a'; 10_000]).unwrap();
        let member = gz.finish().unwrap();
        assert_eq!(inflate(&member, 10_000).unwrap().len(), 10_000);
        // Three members inflate to 30,000 bytes: over a limit of 25,000, an error; memory
        // never held more than the limit.
        let three = [member.as_slice(), &member, &member].concat();
        assert_eq!(inflate(&three, 30_000).unwrap().len(), 30_000);
        assert!(matches!(inflate(&three, 25_000), Err(DocError::InflatesTooLarge { limit: 25_000 })));
        assert!(matches!(inflate(&member[..member.len() / 2], 10_000), Err(DocError::Gzip(_))));
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(check_content(b""), Err(DocError::Empty)));
        assert!(matches!(check_content(b" \n"), Err(DocError::Empty)));
        assert!(matches!(check_content(b"\x7fELF\x02\x01\x01\0\0\0"), Err(DocError::Binary(_))));
        assert!(check_content("<p>中文</p>".as_bytes()).is_ok());
    }
}
