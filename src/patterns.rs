//! Loads and validates the top-level `patterns/` folder: TOML rule files and the
//! segmentation dictionary. Every regex rule has an id, a description and examples that
//! must and must not match; all are compiled once here, and a bad file fails naming the
//! file and line. This module knows nothing of what the rules mean: each stage reads its
//! own section.

use crate::error::PatternError;
use regex::Regex;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A regex rule as written in a TOML file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable id, shown in output evidence.
    pub id: String,
    /// What the rule is for.
    pub description: String,
    /// Regex; `{name}` refers to a fragment of the same file.
    pub pattern: String,
    /// Strings the rule must match.
    #[serde(default, rename = "match")]
    pub must_match: Vec<String>,
    /// Strings the rule must not match.
    #[serde(default, rename = "no_match")]
    pub must_not_match: Vec<String>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What the rule is for.
    pub description: String,
    /// Compiled regex.
    pub regex: Regex,
    /// Examples that must match.
    pub must_match: Vec<String>,
    /// Examples that must not match.
    pub must_not_match: Vec<String>,
}

impl Rule {
    /// Checks the rule against its own examples; returns the failures.
    pub fn check_examples(&self) -> Vec<String> {
        let mut bad = Vec::new();
        for m in &self.must_match {
            if !self.regex.is_match(m) {
                bad.push(format!("rule {} should match {m:?}", self.id));
            }
        }
        for m in &self.must_not_match {
            if self.regex.is_match(m) {
                bad.push(format!("rule {} should not match {m:?}", self.id));
            }
        }
        bad
    }
}

/// A parsed TOML file with its path and text, for error positions.
pub struct Source {
    /// File path.
    pub path: PathBuf,
    /// File text.
    pub text: String,
}

impl Source {
    /// Reads a file.
    ///
    /// # Errors
    /// I/O failure, named with the path.
    pub fn read(path: &Path) -> Result<Self, PatternError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| PatternError::Io { path: path.to_path_buf(), source })?;
        Ok(Self { path: path.to_path_buf(), text })
    }

    /// Deserializes the file into `T`.
    ///
    /// # Errors
    /// TOML syntax or schema errors, with the line.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, PatternError> {
        toml::from_str(&self.text).map_err(|e| {
            let line = e.span().map(|s| self.line_of(s.start)).unwrap_or(0);
            PatternError::Invalid { path: self.path.clone(), line, message: e.message().to_string() }
        })
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())].matches('\n').count() + 1
    }

    /// 1-based line where `needle` first appears (0 when absent).
    pub fn line_of_text(&self, needle: &str) -> usize {
        self.text.find(needle).map(|o| self.line_of(o)).unwrap_or(0)
    }

    /// An error at the line where `needle` appears.
    pub fn error_at(&self, needle: &str, message: impl Into<String>) -> PatternError {
        PatternError::Invalid { path: self.path.clone(), line: self.line_of_text(needle), message: message.into() }
    }

    /// An error at the line holding byte `offset`.
    pub fn error_at_offset(&self, offset: usize, message: impl Into<String>) -> PatternError {
        PatternError::Invalid { path: self.path.clone(), line: self.line_of(offset), message: message.into() }
    }

    /// Compiles rules, expanding `{fragment}` references, and checks their examples.
    ///
    /// # Errors
    /// Bad regex, duplicate id, unknown fragment or a failing example, at the rule's line.
    pub fn compile_rules(
        &self,
        specs: &[RuleSpec],
        fragments: &BTreeMap<String, String>,
    ) -> Result<Vec<Rule>, PatternError> {
        let mut seen = std::collections::BTreeSet::new();
        let mut rules = Vec::with_capacity(specs.len());
        for spec in specs {
            let at = format!("\"{}\"", spec.id);
            if !seen.insert(spec.id.clone()) {
                return Err(self.error_at(&at, format!("duplicate rule id {}", spec.id)));
            }
            let pattern = expand_fragments(&spec.pattern, fragments)
                .map_err(|m| self.error_at(&at, format!("rule {}: {m}", spec.id)))?;
            let regex =
                Regex::new(&pattern).map_err(|e| self.error_at(&at, format!("rule {}: bad regex: {e}", spec.id)))?;
            let rule = Rule {
                id: spec.id.clone(),
                description: spec.description.clone(),
                regex,
                must_match: spec.must_match.clone(),
                must_not_match: spec.must_not_match.clone(),
            };
            if let Some(bad) = rule.check_examples().into_iter().next() {
                return Err(self.error_at(&at, bad));
            }
            rules.push(rule);
        }
        Ok(rules)
    }
}

/// Replaces `{name}` with the named fragment (wrapped in a non-capturing group).
/// Regex repetition braces such as `{2,4}` and classes such as `\p{Han}` are left alone.
///
/// # Errors
/// An unknown `{identifier}`.
pub fn expand_fragments(pattern: &str, fragments: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        match close {
            Some(c)
                if !["\\p", "\\P", "\\x"].iter().any(|e| out.ends_with(e))
                    && !after[..c].is_empty()
                    && after[..c].chars().all(|ch| ch.is_ascii_alphabetic() || ch == '_') =>
            {
                let name = &after[..c];
                let frag = fragments.get(name).ok_or_else(|| format!("unknown fragment {{{name}}}"))?;
                out.push_str("(?:");
                out.push_str(frag);
                out.push(')');
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The files every patterns folder holds; all are loaded and checked at start-up.
pub const FILES: &[&str] = &[
    "claims.toml",
    "clean.toml",
    "initiatives.toml",
    "indicators.toml",
    "places.toml",
    "reports.toml",
    "turns.toml",
    "admin-divisions.csv",
    "dict.txt",
];

/// Checks that `dir` is a folder holding every file of [`FILES`], naming all that are missing.
///
/// # Errors
/// [`PatternError::Folder`] when the folder does not exist, is a file, or lacks files.
pub fn check_folder(dir: &Path) -> Result<(), PatternError> {
    let problem = if !dir.exists() {
        "no such folder".to_string()
    } else if !dir.is_dir() {
        "a file, not a folder".to_string()
    } else {
        let missing: Vec<&str> = FILES.iter().copied().filter(|f| !dir.join(f).exists()).collect();
        if missing.is_empty() {
            return Ok(());
        }
        if missing.len() == FILES.len() {
            "not a patterns folder (none of its files is here)".to_string()
        } else {
            format!("not a patterns folder: {} missing", missing.join(", "))
        }
    };
    Err(PatternError::Folder { dir: dir.to_path_buf(), problem })
}

/// Where the patterns folder is: `$PRESSMINE_PATTERNS`, else `./patterns`, else the one
/// next to the crate's sources (for tests and `cargo run`).
pub fn default_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("PRESSMINE_PATTERNS") {
        return PathBuf::from(p);
    }
    let local = PathBuf::from("patterns");
    if local.join("claims.toml").is_file() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("patterns")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_expand_and_quantifiers_stay() {
        let mut f = BTreeMap::new();
        f.insert("num".to_string(), r"\d+".to_string());
        assert_eq!(expand_fragments(r"{num}年\d{2,4}", &f).unwrap(), r"(?:\d+)年\d{2,4}");
        assert!(expand_fragments("{nope}", &f).is_err());
        assert_eq!(expand_fragments(r"\p{Han}{num}", &f).unwrap(), r"\p{Han}(?:\d+)");
    }

    #[test]
    fn bad_rule_names_file_and_line() {
        let src = Source {
            path: "x.toml".into(),
            text: "# c\n[[rule]]\nid = \"a\"\ndescription = \"d\"\npattern = '(' \n".into(),
        };
        #[derive(Deserialize)]
        struct F {
            rule: Vec<RuleSpec>,
        }
        let f: F = src.parse().unwrap();
        let err = src.compile_rules(&f.rule, &BTreeMap::new()).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:3:"), "{err}");
    }

    #[test]
    fn toml_error_has_line() {
        let src = Source { path: "y.toml".into(), text: "a = 1\nb = \n".into() };
        let err = src.parse::<toml::Value>().unwrap_err().to_string();
        assert!(err.starts_with("y.toml:2:") || err.starts_with("y.toml:3:"), "{err}");
    }
}
