//! HTML text for the report: escaping of everything that comes from documents, links that
//! are safe to follow, the page shell, and the stylesheet and script (`assets/`). Knows
//! nothing of documents or series.

use std::fmt::Write;

/// The stylesheet every page links (`assets/report.css`).
pub const CSS: &str = include_str!("assets/report.css");
/// The script every page loads (`assets/report.js`): sorting, filtering, figure cards.
pub const JS: &str = include_str!("assets/report.js");

/// Appends `s` with `& < > " '` escaped, for text and attribute values alike.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// A page file name as a relative URL: every byte outside `[A-Za-z0-9._-]` percent-encoded.
pub fn href_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A link to a document's source when it is an http(s) URL (anything else, `javascript:`
/// included, is shown as text).
pub fn source_link(url: Option<&str>) -> String {
    match url {
        Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
            format!("<a class=\"source\" href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(u))
        }
        Some(u) => esc(u),
        None => String::new(),
    }
}

/// Opens a page: doctype, head with the title and the stylesheet (`root` is the relative
/// path to the report folder: `""` or `"../"`), the navigation bar.
pub fn head(title: &str, root: &str, body_class: &str) -> String {
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{root}assets/report.css\">\n</head>\n\
         <body class=\"{body_class}\">\n<nav><a href=\"{root}index.html\">Documents</a> \
         <a href=\"{root}indicators.html\">Indicators</a> <a href=\"{root}initiatives.html\">Initiatives</a></nav>\n",
        esc(title)
    );
    out
}

/// Closes a page, loading the script.
pub fn foot(out: &mut String, root: &str) {
    let _ = write!(out, "<script src=\"{root}assets/report.js\"></script>\n</body>\n</html>\n");
}

/// An enum's JSON name (`change`, `vs_prior_period`).
pub fn enum_text<T: serde::Serialize>(v: &T) -> String {
    crate::sink::json_line(v).trim_matches('"').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('1')</script> & \"x\""),
            "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; &quot;x&quot;"
        );
    }

    #[test]
    fn links_only_http_sources() {
        assert!(source_link(Some("https://www.gov.cn/a?b=1&c=2")).contains("href=\"https://www.gov.cn/a?b=1&amp;c=2\""));
        assert_eq!(source_link(Some("javascript:alert(1)")), "javascript:alert(1)");
        assert_eq!(href_name("a b/新.html"), "a%20b%2F%E6%96%B0.html");
    }
}
