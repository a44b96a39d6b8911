//! Extraction: numeric claims, named initiatives and the turns of a transcript from a
//! segmented body text.
//!
//! Reads the text and its segmentation only; never the page markup.

pub mod claims;
pub mod initiatives;
pub mod numbers;
pub mod reports;
pub mod rules;
pub mod scan;
pub mod turns;

use crate::error::PatternError;
use crate::model::{Claim, Initiative, Span, Turn, Warning};
use crate::patterns::Patterns;
use crate::segment::Segmented;

/// What extraction found in one document.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Numeric claims, by position.
    pub claims: Vec<Claim>,
    /// Initiatives, by first mention.
    pub initiatives: Vec<Initiative>,
    /// Turns of a transcript; empty for any other document.
    pub turns: Vec<Turn>,
    /// Skipped literals and runaway quotes.
    pub warnings: Vec<Warning>,
}

/// Compiled claim and initiative recognizers.
#[derive(Debug)]
pub struct Extractor {
    claims: rules::ClaimRules,
    initiatives: initiatives::InitiativeRules,
    turns: turns::TurnRules,
    reports: reports::ReportRules,
}

impl Extractor {
    /// Loads the recognizers' rules from `dir`.
    ///
    /// # Errors
    /// Invalid pattern files.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        Ok(Self {
            claims: rules::ClaimRules::load(patterns)?,
            initiatives: initiatives::InitiativeRules::load(patterns)?,
            turns: turns::TurnRules::load(patterns)?,
            reports: reports::ReportRules::load(patterns)?,
        })
    }

    /// The initiative lexicon.
    pub fn initiative_rules(&self) -> &initiatives::InitiativeRules {
        &self.initiatives
    }

    /// The report rules (sections, bounds, tolerance).
    pub fn report_rules(&self) -> &reports::ReportRules {
        &self.reports
    }

    /// The claim vocabulary.
    pub fn claim_rules(&self) -> &rules::ClaimRules {
        &self.claims
    }

    /// Extracts claims and initiatives.
    pub fn extract(&self, text: &str, seg: &Segmented, published: Option<&str>, title: Option<&str>) -> Extracted {
        self.extract_prepared(&self.prepare(text), text, seg, published, title)
    }

    /// Folds `text` and marks its non-claims, once for both recognizers and for
    /// [`spans_read`](Self::spans_read).
    pub fn prepare(&self, text: &str) -> Prepared {
        let folded = Folded::new(text);
        let (excluded, scope_hidden) = claims::exclusion_masks(&self.claims, &folded);
        Prepared { folded, excluded, scope_hidden }
    }

    /// [`extract`](Self::extract) over a text already prepared (`prepared` must come from
    /// [`prepare`](Self::prepare) on `text`).
    pub fn extract_prepared(
        &self,
        prepared: &Prepared,
        text: &str,
        seg: &Segmented,
        published: Option<&str>,
        title: Option<&str>,
    ) -> Extracted {
        let mut warnings = Vec::new();
        let cx = claims::Context { text, words: &seg.words, sentences: &seg.sentences, published, title };
        let claims = claims::extract(&self.claims, &self.reports, &cx, prepared, &mut warnings);
        let initiatives = initiatives::extract(&self.initiatives, &seg.words, &prepared.folded, &mut warnings);
        let turns = turns::detect(&self.turns, text, title);
        Extracted { claims, initiatives, turns, warnings }
    }

    /// The stretches of text whose words the recognizers read (char spans, sorted), given
    /// the sentence spans: the sentences with a figure, and the places around a name, a head
    /// noun after a launching verb, or 市. Extraction gives the same result whether the
    /// rest is tagged or not ([`ChineseSegmenter::segment_where`](crate::segment::ChineseSegmenter::segment_where)
    /// tags only these).
    pub fn spans_read(&self, prepared: &Prepared, sentences: &[Span]) -> Vec<Span> {
        let mut spans = Vec::new();
        claims::spans_read(&self.claims, prepared, sentences, &mut spans);
        initiatives::spans_read(&self.initiatives, &prepared.folded, sentences, &mut spans);
        spans.sort_unstable();
        spans
    }
}

/// A body text made ready for extraction: folded, with the chars non-claim rules cover.
pub struct Prepared {
    /// The folded text.
    pub folded: Folded,
    /// Chars inside a non-claim (dates, document numbers, names …).
    pub excluded: Vec<bool>,
    /// Chars inside the non-claims whose places are no scope (`[scope] hidden_in`: a
    /// dateline's 北京); empty when no rule is named there.
    pub scope_hidden: Vec<bool>,
}

/// Folded text (see [`numbers::fold`]) with a byte→char map for regex matches; built once
/// per document and shared by both recognizers.
pub struct Folded {
    /// Folded characters.
    pub chars: Vec<char>,
    /// The original characters (same length and offsets).
    pub orig: Vec<char>,
    /// The same as a string, for regexes.
    pub string: String,
    /// Byte offset of each char in `string`.
    byte_of: Vec<usize>,
}

impl Folded {
    /// Folds and indexes a text.
    pub fn new(text: &str) -> Self {
        let chars = numbers::fold(text);
        let orig: Vec<char> = text.chars().collect();
        let string: String = chars.iter().collect();
        let mut byte_of = Vec::with_capacity(chars.len() + 1);
        let mut b = 0;
        for c in &chars {
            byte_of.push(b);
            b += c.len_utf8();
        }
        byte_of.push(b);
        Self { chars, orig, string, byte_of }
    }

    /// Character index of a byte offset into `string`.
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|b| *b < byte)
    }

    /// Original characters `a..b` as a string (clamped to the text).
    pub fn text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.orig.len());
        self.orig[a.min(b)..b].iter().collect()
    }

    /// Folded characters `a..b` as a string.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(b)..b].iter().collect()
    }
}

/// The captures of every match of `re` in `hay`, like `captures_iter` but faster: the
/// matches are found with the DFA and only they are re-run for their groups.
pub fn captures<'r, 'h>(re: &'r regex::Regex, hay: &'h str) -> impl Iterator<Item = regex::Captures<'h>> + 'r
where
    'h: 'r,
{
    re.find_iter(hay).filter_map(move |m| re.captures_at(hay, m.start()))
}
