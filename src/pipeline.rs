//! The pipeline: patterns compiled once, then `RawDoc → Decoded → Cleaned → Segmented →
//! Document` for each input. Processing a document read into memory cannot fail; odd input
//! becomes warnings on the document; the last stages give every claim its canonical keys
//! and, in a transcript, its speaker. Batch orchestration lives in `run`.

use crate::canon::Canon;
use crate::clean::{self, CleanRules, Cleaned};
use crate::decode::{self, DecidedBy};
use crate::error::PatternError;
use crate::extract::Extractor;
use crate::hash::{hex, sha256_hex};
use crate::model::{Document, SourceInfo, Warning, WarningCode, SCHEMA};
use crate::patterns::Patterns;
use crate::segment::ChineseSegmenter;
use crate::source::RawDoc;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Longest body kept, in characters (about 6 MB of Chinese text, fifty times the longest body
/// in corpus/). A longer body is cut at the last paragraph that fits
/// (or inside a paragraph longer than the whole limit), with a `body_truncated` warning: it
/// bounds the memory and time segmenting and extraction take on a runaway page.
pub const MAX_BODY_CHARS: usize = 2_000_000;

/// Joins paragraphs with `\n`, keeping at most `limit` characters: whole paragraphs while
/// they fit, then the start of the first one when it alone is longer. Returns the text and
/// the number of characters left out.
fn join_bounded(paragraphs: &[String], limit: usize) -> (String, usize) {
    let mut text = String::new();
    let mut chars = 0;
    let mut total = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        let n = p.chars().count();
        let sep = usize::from(i > 0);
        total += n + sep;
        if chars + sep + n <= limit && chars == total - n - sep {
            if sep == 1 {
                text.push('\n');
            }
            text.push_str(p);
            chars += n + sep;
        } else if chars == 0 {
            text.extend(p.chars().take(limit));
            chars = limit.min(n);
        }
    }
    (text, total - chars)
}

/// Everything compiled from the patterns, shared read-only by all threads.
#[derive(Debug)]
pub struct Pipeline {
    patterns_digest: String,
    fingerprint: std::sync::OnceLock<String>,
    clean: CleanRules,
    segmenter: ChineseSegmenter,
    extractor: Extractor,
    canon: Canon,
}

impl Pipeline {
    /// Compiles every rule and dictionary of a [`Patterns`] set.
    ///
    /// # Errors
    /// The first invalid file, with its name and line.
    pub fn new(patterns: &Patterns) -> Result<Self, PatternError> {
        // The dictionaries take most of the start-up: built on a thread of their own beside
        // the rules, even when documents are then processed on one thread.
        let (segmenter, (clean, (extractor, canon))) = crate::parallel::side_by_side(
            || ChineseSegmenter::load(patterns),
            || (CleanRules::load(patterns), (Extractor::load(patterns), Canon::load(patterns))),
        );
        Ok(Self {
            patterns_digest: patterns.digest(),
            fingerprint: std::sync::OnceLock::new(),
            clean: clean?,
            segmenter: segmenter?,
            extractor: extractor?,
            canon: canon?,
        })
    }

    /// Loads and compiles every rule and dictionary in `patterns_dir`.
    ///
    /// # Errors
    /// A missing folder or files (all named), or the first invalid file, with its name and line.
    pub fn load(patterns_dir: &Path) -> Result<Self, PatternError> {
        Self::new(&Patterns::read_dir(patterns_dir)?)
    }

    /// The pipeline of the default rules compiled into the executable.
    ///
    /// # Errors
    /// None in a released build (the test suite loads the built-in set); the type is shared
    /// with the other loaders.
    pub fn embedded() -> Result<Self, PatternError> {
        Self::new(&Patterns::embedded())
    }

    /// The pipeline of the patterns the command line uses without `--patterns`:
    /// `$PRESSMINE_PATTERNS`, else `./patterns` when it holds `claims.toml`, else the
    /// built-in set ([`Patterns::locate`]).
    ///
    /// # Errors
    /// A folder named by `$PRESSMINE_PATTERNS` that is missing or invalid.
    pub fn load_default() -> Result<Self, PatternError> {
        Self::new(&Patterns::locate(None)?)
    }

    /// Identifies what produced a document: pressmine's version, its executable and the
    /// texts of the patterns files (the same rules built in or on disk give the same one).
    /// A previous run's output is reused only under the same one. Computed on first use
    /// (it looks at the executable), so only `run` pays for it.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint.get_or_init(|| fingerprint(&self.patterns_digest))
    }

    /// The cleaning rules.
    pub fn clean_rules(&self) -> &CleanRules {
        &self.clean
    }

    /// The segmenter.
    pub fn segmenter(&self) -> &ChineseSegmenter {
        &self.segmenter
    }

    /// The claim and initiative extractor.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// The canonical-key tables (indicators, places).
    pub fn canon(&self) -> &Canon {
        &self.canon
    }

    /// Runs every stage on one document held in memory.
    pub fn process(&self, raw: &RawDoc) -> Document {
        let mut warnings = Vec::new();
        if raw.inflated {
            warnings.push(Warning::new(WarningCode::Decompressed, "gzip input inflated"));
        }
        let decoded = decode::decode(&raw.bytes, raw.http_charset.as_deref());
        if decoded.replaced > 0 {
            warnings.push(Warning::new(
                WarningCode::DecodeReplaced,
                format!(
                    "{} invalid byte sequence(s) replaced with U+FFFD while decoding as {}",
                    decoded.replaced,
                    decoded.encoding.name()
                ),
            ));
        }
        if decoded.decided_by == DecidedBy::Detected {
            let detail = match &decoded.declared {
                Some(l) => format!("declared {l:?} contradicted by the bytes; detected {}", decoded.encoding.name()),
                None => format!("no charset declared; detected {}", decoded.encoding.name()),
            };
            warnings.push(Warning::new(WarningCode::EncodingGuessed, detail));
        }
        let cleaned: Cleaned = clean::clean(&decoded.text, raw.plain_text, &self.clean);
        warnings.extend(cleaned.warnings);
        let (text, cut) = join_bounded(&cleaned.paragraphs, MAX_BODY_CHARS);
        if cut > 0 {
            warnings.push(Warning::new(
                WarningCode::BodyTruncated,
                format!("body of {} characters cut to the first {MAX_BODY_CHARS}", cut + text.chars().count()),
            ));
        }
        let prepared = self.extractor.prepare(&text);
        let seg = self.segmenter.segment_where(&text, |s| self.extractor.spans_read(&prepared, s));
        let extracted = self.extractor.extract_prepared(
            &prepared,
            &text,
            &seg,
            cleaned.published.as_deref(),
            cleaned.title.as_deref(),
        );
        warnings.extend(extracted.warnings);
        let mut doc = Document {
            schema: SCHEMA.to_string(),
            id: raw.id.clone(),
            source: SourceInfo {
                path: raw.path.clone(),
                url: raw.url.clone(),
                sha256: sha256_hex(&raw.bytes),
                encoding: decoded.encoding.name().to_string(),
                bytes: raw.bytes.len() as u64,
            },
            title: cleaned.title,
            published: cleaned.published,
            publisher: cleaned.publisher,
            doc_number: cleaned.doc_number,
            issuer: cleaned.issuer,
            signed: cleaned.signed,
            text,
            sentences: seg.sentences,
            turns: extracted.turns,
            keywords: seg.keywords,
            claims: extracted.claims.into_iter().map(Into::into).collect(),
            initiatives: extracted.initiatives,
            warnings,
        };
        self.canon.apply(&mut doc);
        crate::extract::turns::attribute(&doc.turns, &mut doc.claims, &mut doc.initiatives);
        doc
    }
}

fn fingerprint(patterns_digest: &str) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    // The executable by size and modification time: a rebuild changes them, and hashing
    // the whole file (tens of MB with debug info) cost more than a small run's work.
    if let Some(meta) = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok()) {
        h.update(meta.len().to_le_bytes());
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        h.update(modified.map_or(0, |d| d.as_nanos()).to_le_bytes());
    }
    h.update(patterns_digest.as_bytes());
    hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::join_bounded;

    #[test]
    fn bodies_are_cut_at_paragraphs() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_bounded(&p(&["ab", "cd"]), 10), ("ab\ncd".to_string(), 0));
        assert_eq!(join_bounded(&p(&["ab", "cd", "ef"]), 5), ("ab\ncd".to_string(), 3));
        assert_eq!(join_bounded(&p(&["ab", "cdef", "g"]), 4), ("ab".to_string(), 7));
        assert_eq!(join_bounded(&p(&["江苏省统计局", "x"]), 3), ("江苏省".to_string(), 5));
        assert_eq!(join_bounded(&p(&[]), 3), (String::new(), 0));
        assert_eq!(join_bounded(&p(&["", "a"]), 3), ("\na".to_string(), 0));
    }
}
