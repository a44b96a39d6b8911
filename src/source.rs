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

/// Whether a file name is one pressmine reads.
pub fn is_document_name(name: &str) -> bool {
    if name.ends_with(".meta.json") {
        return false;
    }
    let n = name.strip_suffix(".gz").unwrap_or(name);
    match n.rsplit_once('.') {
        Some((_, ext)) => EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)),
        None => false,
    }
}

/// Lists the documents under `root` in a stable (sorted) order. Symlinks are followed;
/// loops and unreadable directories come back as [`ListError`]s.
pub fn walk(root: &Path) -> (Vec<Input>, Vec<ListError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by(|a, b| a.file_name().cmp(b.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let name = e.file_name().to_string_lossy();
                if !is_document_name(&name) {
                    continue;
                }
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                inputs.push(Input { id, path: Some(e.path().to_path_buf()) });
            }
            Ok(_) => {}
            Err(err) => errors.push(ListError {
                path: err.path().map(|p| p.display().to_string()).unwrap_or_default(),
                reason: err.to_string(),
            }),
        }
    }
    (inputs, errors)
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
    let gz_name = input.id.ends_with(".gz");
    let (bytes, inflated) =
        if gz_name || bytes.starts_with(&[0x1f, 0x8b]) { (inflate(&bytes, max_bytes)?, true) } else { (bytes, false) };
    if bytes.len() as u64 > max_bytes {
        return Err(DocError::TooLarge { size: bytes.len() as u64, limit: max_bytes });
    }
    check_content(&bytes)?;
    Ok(RawDoc {
        id: input.id.clone(),
        path: path_str.map(|_| input.id.clone()),
        url: [sidecar.final_url, sidecar.url].into_iter().find(|u| !u.is_empty()),
        http_charset: sidecar.charset,
        plain_text: is_plain_text_name(&input.id),
        bytes,
        inflated,
    })
}

fn inflate(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, DocError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(max_bytes + 1)
        .read_to_end(&mut out)
        .map_err(|e| DocError::Gzip(e.to_string()))?;
    Ok(out)
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
    }

    #[test]
    fn binary_and_empty() {
        assert!(matches!(check_content(b""), Err(DocError::Empty)));
        assert!(matches!(check_content(b" \n"), Err(DocError::Empty)));
        assert!(matches!(check_content(b"\x7fELF\x02\x01\x01\0\0\0"), Err(DocError::Binary(_))));
        assert!(check_content("<p>中文</p>".as_bytes()).is_ok());
    }
}
