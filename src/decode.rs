//! Bytes → UTF-8 text, recording how the encoding was decided.
//!
//! Order of evidence: byte-order mark; then strictly valid UTF-8 (which wins over any
//! label, since many saved pages keep a stale `gb2312` meta); then the HTTP charset, the
//! `<meta>` / XML / corpus-wrapper declaration; then chardetng over at most the first
//! 64 KiB. GB2312 and GBK labels decode as GB18030, their superset. Invalid sequences are
//! replaced with U+FFFD and counted — never a panic, never silent mojibake.
//!
//! This module does not look at markup beyond the declaration sniff, and never fails.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How many leading bytes are searched for a charset declaration.
const SNIFF_DECLARATION: usize = 4096;
/// How many leading bytes chardetng sees at most.
const SNIFF_DETECT: usize = 64 * 1024;

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedBy {
    /// A byte-order mark.
    Bom,
    /// The bytes are strictly valid UTF-8.
    ValidUtf8,
    /// The HTTP `Content-Type` charset.
    HttpHeader,
    /// A `<meta>`, XML or wrapper declaration in the document.
    Declaration,
    /// Statistical detection (no usable declaration).
    Detected,
}

/// Decoded text and the facts of its decoding.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, always valid UTF-8.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// What decided it.
    pub decided_by: DecidedBy,
    /// The declared label, if any (lowercased).
    pub declared: Option<String>,
    /// Number of malformed sequences replaced by U+FFFD.
    pub replaced: usize,
}

static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    // Safe: a constant pattern that is tested below.
    Regex::new(r#"(?i-u)(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_\-:.]{2,40})"#).expect("valid regex")
});

/// Maps a label to the encoding pressmine decodes it with (GB2312/GBK → GB18030).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::GBK {
        return Some(GB18030);
    }
    // A page never really is UTF-16 when the label sits in ASCII bytes of the page itself.
    if enc == UTF_16LE || enc == UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Finds the first charset declaration among the leading bytes.
pub fn sniff_declaration(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_DECLARATION)];
    for cap in DECLARATION.captures_iter(head) {
        let label = String::from_utf8_lossy(&cap[1]).to_ascii_lowercase();
        if Encoding::for_label(label.as_bytes()).is_some() {
            return Some(label);
        }
    }
    None
}

/// Decodes bytes to text. `http_charset` is the charset of a `Content-Type` header, if any.
pub fn decode(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_counting(enc, &bytes[bom_len..]);
        return Decoded { text, encoding: enc, decided_by: DecidedBy::Bom, declared: None, replaced };
    }
    let declared = sniff_declaration(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            decided_by: DecidedBy::ValidUtf8,
            declared,
            replaced: 0,
        };
    }
    let http = http_charset.and_then(encoding_for_label);
    let decl = declared.as_deref().and_then(encoding_for_label);
    let candidates = [(http, DecidedBy::HttpHeader), (decl, DecidedBy::Declaration)];
    for (enc, by) in candidates {
        // A UTF-8 label on bytes that are not UTF-8 is contradicted by the bytes: detect instead.
        let Some(enc) = enc.filter(|e| *e != UTF_8) else {
            continue;
        };
        let (text, replaced) = decode_counting(enc, bytes);
        // Accept the declaration unless it yields a flood of errors (more than 1 in 200 chars).
        if replaced == 0 || replaced * 200 < text.chars().count() {
            return Decoded { text, encoding: enc, decided_by: by, declared, replaced };
        }
    }
    let enc = detect(bytes);
    let (text, replaced) = decode_counting(enc, bytes);
    Decoded { text, encoding: enc, decided_by: DecidedBy::Detected, declared, replaced }
}

/// Guesses the encoding from at most the first 64 KiB.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(SNIFF_DETECT)];
    det.feed(head, head.len() == bytes.len());
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    }
}

/// Decodes without BOM sniffing, counting replaced malformed sequences.
fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
    if !had_errors {
        return (cow.into_owned(), 0);
    }
    // Slow path, only for broken input: decode again, counting each malformed sequence.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3))
        .saturating_add(16);
    let mut out = String::with_capacity(cap);
    let mut input = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = &input[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::Malformed(_, _) => {
                replaced += 1;
                out.push('\u{FFFD}');
            }
            encoding_rs::DecoderResult::OutputFull => out.reserve(input.len().saturating_mul(3) + 16),
        }
    }
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_wins_over_gb2312_label() {
        let page = "<meta charset=gb2312><p>江苏制造业</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.decided_by, DecidedBy::ValidUtf8);
        assert_eq!(d.declared.as_deref(), Some("gb2312"));
    }

    #[test]
    fn gbk_label_decodes_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("<meta charset=\"gbk\"><p>规上工业增加值</p>");
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, GB18030);
        assert_eq!(d.decided_by, DecidedBy::Declaration);
        assert!(d.text.contains("规上工业增加值"));
    }

    #[test]
    fn http_charset_used_when_no_meta() {
        let (bytes, _, _) = GB18030.encode("<p>今年1-7月，全省规上工业增加值同比增长8.2%</p>");
        let d = decode(&bytes, Some("GBK"));
        assert_eq!(d.decided_by, DecidedBy::HttpHeader);
        assert!(d.text.contains("同比增长8.2%"));
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let body = "今年以来，江苏大地“新”意盎然，频频推出引领高质量发展的创新举措。".repeat(5);
        let (bytes, _, _) = GB18030.encode(&body);
        let d = decode(&bytes, None);
        assert_eq!(d.decided_by, DecidedBy::Detected);
        assert_eq!(d.text, body);
    }

    #[test]
    fn invalid_bytes_are_counted_not_fatal() {
        let mut bytes = GB18030.encode("<meta charset=gb2312>制造变智造，培育新动能。").0.into_owned();
        bytes.insert(21, 0xFF); // between characters: a lone invalid byte
        bytes.push(0xB0); // truncated two-byte sequence at the end
        let d = decode(&bytes, None);
        assert_eq!(d.replaced, 2);
        assert!(d.text.contains("培育新动能"));
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=gbk>中文".as_bytes());
        let d = decode(&bytes, None);
        assert_eq!(d.decided_by, DecidedBy::Bom);
        assert_eq!(d.text, "<meta charset=gbk>中文");
    }

    #[test]
    fn unknown_label_falls_back_to_detection() {
        let (bytes, _, _) =
            GB18030.encode("<meta charset=x-klingon>江苏跑出发展新质生产力加速度，制造业增加值达4.66万亿元。");
        let d = decode(&bytes, None);
        assert!(d.text.contains("制造业增加值"));
    }
}
