//! Extraction: numeric claims and named initiatives from a segmented body text.
//!
//! Reads the text and its segmentation only; never the page markup.

pub mod claims;
pub mod numbers;
pub mod rules;

use crate::error::PatternError;
use crate::model::{Claim, Initiative, Warning};
use crate::segment::Segmented;
use std::path::Path;

/// What extraction found in one document.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Numeric claims, by position.
    pub claims: Vec<Claim>,
    /// Initiatives, by first mention.
    pub initiatives: Vec<Initiative>,
    /// Skipped literals and runaway quotes.
    pub warnings: Vec<Warning>,
}

/// Compiled claim and initiative recognizers.
#[derive(Debug)]
pub struct Extractor {
    claims: rules::ClaimRules,
}

impl Extractor {
    /// Loads the recognizers' rules from `dir`.
    ///
    /// # Errors
    /// Invalid pattern files.
    pub fn load(dir: &Path) -> Result<Self, PatternError> {
        Ok(Self { claims: rules::ClaimRules::load(dir)? })
    }

    /// The claim vocabulary.
    pub fn claim_rules(&self) -> &rules::ClaimRules {
        &self.claims
    }

    /// Extracts claims and initiatives.
    pub fn extract(&self, text: &str, seg: &Segmented, published: Option<&str>, title: Option<&str>) -> Extracted {
        let mut warnings = Vec::new();
        let cx = claims::Context { text, words: &seg.words, sentences: &seg.sentences, published, title };
        let claims = claims::extract(&self.claims, &cx, &mut warnings);
        Extracted { claims, initiatives: Vec::new(), warnings }
    }
}
