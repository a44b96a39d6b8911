//! Where a fetched URL is stored: a stable, safe relative path derived from the URL alone.
//!
//! `host[_port]/` then the URL path with every segment reduced to `[A-Za-z0-9._-]`, bounded
//! in length, never `.` or `..`, ending in an extension `run` reads. Whenever the mapping
//! loses information (a query string, a replaced character, a truncation) a short hash of
//! the whole URL is appended, so two URLs never share a file. It does not touch the file
//! system: `fetch` decides what to write there.

use reqwest::Url;
use sha2::{Digest, Sha256};

/// Longest stored segment, in bytes (file systems allow 255).
const MAX_SEGMENT: usize = 80;
/// Most path segments kept below the host directory.
const MAX_DEPTH: usize = 12;
/// Extensions that `run` reads as documents; a directory segment with one gets a `_`.
const DOC_EXTENSIONS: [&str; 5] = [".html", ".htm", ".shtml", ".xhtml", ".txt"];

/// Stored file kind, chosen from the response's content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// HTML or XHTML: stored as `.html` unless the name already ends in an HTML extension.
    Html,
    /// Plain text: stored as `.txt`.
    Text,
}

impl Kind {
    /// Both kinds, for looking up what an earlier fetch stored.
    pub const ALL: [Kind; 2] = [Kind::Html, Kind::Text];
}

/// Relative path (with `/` separators) at which `url`'s body of `kind` is stored.
pub fn relative_path(url: &Url, kind: Kind) -> String {
    let mut lossy = url.query().is_some();
    let mut out = host_dir(url, &mut lossy);
    let raw: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
    let trailing_slash = url.path().ends_with('/') || raw.is_empty();
    if raw.len() > MAX_DEPTH + 1 {
        lossy = true;
    }
    let keep_from = raw.len().saturating_sub(MAX_DEPTH + 1);
    let mut segments: Vec<String> = raw[keep_from..].iter().map(|s| sanitize(s, &mut lossy)).collect();
    if trailing_slash {
        segments.push("index".to_string());
    }
    let last = segments.pop().unwrap_or_else(|| "index".to_string());
    for dir in segments {
        out.push('/');
        out.push_str(&dir);
        if DOC_EXTENSIONS.iter().any(|e| dir.to_ascii_lowercase().ends_with(e)) {
            out.push('_');
        }
    }
    let (stem, ext) = split_name(&last, kind);
    out.push('/');
    out.push_str(&stem);
    if lossy {
        out.push_str("_h");
        out.push_str(&url_hash(url));
    }
    out.push_str(&ext);
    out
}

/// `host` (lower case), `_port` when the URL names one; IPv6 brackets and colons replaced.
fn host_dir(url: &Url, lossy: &mut bool) -> String {
    let host = url.host_str().unwrap_or("nohost");
    let mut dir = sanitize(host, lossy);
    if let Some(port) = url.port() {
        dir.push('_');
        dir.push_str(&port.to_string());
    }
    dir
}

/// Keeps `[A-Za-z0-9._-]`, replaces anything else by `_`, bounds the length and refuses
/// names made only of dots. Sets `lossy` when the result differs from the input.
fn sanitize(segment: &str, lossy: &mut bool) -> String {
    let mut s: String = segment
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    if s.len() > MAX_SEGMENT {
        s.truncate(MAX_SEGMENT);
    }
    if s.chars().all(|c| c == '.') {
        s = format!("_{}", s.len());
    }
    if s != segment {
        *lossy = true;
    }
    s
}

/// Splits the last segment into a stem and the extension it will be stored with.
fn split_name(last: &str, kind: Kind) -> (String, String) {
    let lower = last.to_ascii_lowercase();
    let keep = match kind {
        Kind::Html => [".html", ".htm", ".shtml", ".xhtml"].iter().find(|e| lower.ends_with(*e)),
        Kind::Text => [".txt"].iter().find(|e| lower.ends_with(*e)),
    };
    match keep {
        Some(ext) if last.len() > ext.len() => {
            let cut = last.len() - ext.len();
            (last[..cut].to_string(), last[cut..].to_string())
        }
        _ => {
            let ext = match kind {
                Kind::Html => ".html",
                Kind::Text => ".txt",
            };
            (last.to_string(), ext.to_string())
        }
    }
}

/// First 10 hex digits of the URL's sha256.
fn url_hash(url: &Url) -> String {
    let digest = Sha256::digest(url.as_str().as_bytes());
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(u: &str) -> String {
        relative_path(&Url::parse(u).unwrap(), Kind::Html)
    }

    #[test]
    fn plain_article_urls_keep_their_shape() {
        assert_eq!(
            path("http://www.js.gov.cn/art/2024/8/28/art_60096_1.html"),
            "www.js.gov.cn/art/2024/8/28/art_60096_1.html"
        );
        assert_eq!(path("https://tjj.sh.gov.cn/tjxw/index.shtml"), "tjj.sh.gov.cn/tjxw/index.shtml");
        assert_eq!(path("http://127.0.0.1:8080/a/b"), "127.0.0.1_8080/a/b.html");
        assert_eq!(path("http://example.cn/"), "example.cn/index.html");
        assert_eq!(path("http://example.cn/news/"), "example.cn/news/index.html");
        assert_eq!(relative_path(&Url::parse("http://e.cn/a.txt").unwrap(), Kind::Text), "e.cn/a.txt");
        assert_eq!(relative_path(&Url::parse("http://e.cn/a.html").unwrap(), Kind::Text), "e.cn/a.html.txt");
    }

    #[test]
    fn queries_and_replaced_characters_get_a_hash() {
        let a = path("http://e.cn/content.jsp?id=1");
        let b = path("http://e.cn/content.jsp?id=2");
        assert!(a.starts_with("e.cn/content.jsp_h") && a.ends_with(".html"), "{a}");
        assert_ne!(a, b);
        let c = path("http://e.cn/a%20b");
        let d = path("http://e.cn/a_b");
        assert_ne!(c, d);
        assert_eq!(d, "e.cn/a_b.html");
    }

    #[test]
    fn traversal_and_hostile_names_stay_inside() {
        for u in [
            "http://e.cn/../../etc/passwd",
            "http://e.cn/%2e%2e/%2e%2e/etc/passwd",
            "http://e.cn/a/..%2f..%2fetc/passwd",
            "http://e.cn/a/%00/b",
            "http://[::1]:81/x",
            "http://e.cn/中文/路径.html",
        ] {
            let p = path(u);
            assert!(!p.starts_with('/'), "{u} → {p}");
            assert!(p.split('/').all(|s| !s.is_empty() && s != "." && s != ".."), "{u} → {p}");
            assert!(p.chars().all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c)), "{u} → {p}");
        }
        assert_eq!(path("http://e.cn/../../etc/passwd"), "e.cn/etc/passwd.html");
    }

    #[test]
    fn long_and_deep_paths_are_bounded() {
        let long = format!("http://e.cn/{}", "x".repeat(1000));
        let p = path(&long);
        assert!(p.split('/').all(|s| s.len() <= MAX_SEGMENT + 20), "{p}");
        let deep = format!("http://e.cn/{}", "d/".repeat(100));
        assert!(path(&deep).split('/').count() <= MAX_DEPTH + 3);
    }

    #[test]
    fn directories_never_clash_with_documents() {
        assert_eq!(path("http://e.cn/a.html/b"), "e.cn/a.html_/b.html");
    }
}
