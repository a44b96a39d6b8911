//! Extraction: numeric claims and named initiatives from a segmented body text.
//!
//! Reads the text and its segmentation only; never the page markup.

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
pub struct Extractor {}

impl Extractor {
    /// Loads the recognizers' rules from `dir`.
    ///
    /// # Errors
    /// Invalid pattern files.
    pub fn load(_dir: &Path) -> Result<Self, PatternError> {
        Ok(Self {})
    }

    /// Extracts claims and initiatives.
    pub fn extract(
        &self,
        _text: &str,
        _seg: &Segmented,
        _published: Option<&str>,
        _title: Option<&str>,
    ) -> Extracted {
        Extracted::default()
    }
}
