//! Loads and validates the rule files and the segmentation dictionary: from a `patterns/`
//! folder, or the copy of the repository's `patterns/` compiled into the executable (so an
//! installed binary works in any folder). [`Patterns`] holds the files' texts by name; each
//! stage's loader reads its own file from it. Every regex rule has an id, a description and
//! examples that must and must not match; all are compiled once here, and a bad file fails
//! naming the file and line. This module knows nothing of what the rules mean.

use crate::error::PatternError;
use regex::Regex;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sha2::{Digest, Sha256};
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
        // On a clone, with a cache pool of its own: the first thread to search with a regex
        // takes its cache without a lock from then on, and that should be a thread that
        // reads documents, not the one that loaded the rules.
        let regex = self.regex.clone();
        let mut bad = Vec::new();
        for m in &self.must_match {
            if !regex.is_match(m) {
                bad.push(format!("rule {} should match {m:?}", self.id));
            }
        }
        for m in &self.must_not_match {
            if regex.is_match(m) {
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

/// The repository's `patterns/` as compiled into the executable: every file of [`FILES`],
/// then the files exported beside them for the reader ([`DOC_FILES`]).
const EMBEDDED: &[(&str, &str)] = &[
    ("claims.toml", include_str!("../patterns/claims.toml")),
    ("clean.toml", include_str!("../patterns/clean.toml")),
    ("initiatives.toml", include_str!("../patterns/initiatives.toml")),
    ("indicators.toml", include_str!("../patterns/indicators.toml")),
    ("places.toml", include_str!("../patterns/places.toml")),
    ("reports.toml", include_str!("../patterns/reports.toml")),
    ("turns.toml", include_str!("../patterns/turns.toml")),
    ("admin-divisions.csv", include_str!("../patterns/admin-divisions.csv")),
    ("dict.txt", include_str!("../patterns/dict.txt")),
    ("README.md", include_str!("../patterns/README.md")),
    ("admin-divisions.LICENSE", include_str!("../patterns/admin-divisions.LICENSE")),
];

/// Files of the built-in set that no loader reads (documentation and licences), written out
/// by [`Patterns::export`] beside the rule files.
pub const DOC_FILES: &[&str] = &["README.md", "admin-divisions.LICENSE"];

/// Environment variable naming a patterns folder (after `--patterns`, before `./patterns`).
pub const ENV_VAR: &str = "PRESSMINE_PATTERNS";

/// Where a [`Patterns`] set was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The copy compiled into the executable.
    BuiltIn,
    /// A folder on disk.
    Folder(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in patterns"),
            Origin::Folder(d) => write!(f, "{}", d.display()),
        }
    }
}

/// The texts of the patterns files, by file name: what every loader reads.
#[derive(Debug, Clone)]
pub struct Patterns {
    origin: Origin,
    files: BTreeMap<String, String>,
}

impl Patterns {
    /// The default rules compiled into the executable (the repository's `patterns/`).
    pub fn embedded() -> Self {
        let files = EMBEDDED
            .iter()
            .filter(|(name, _)| FILES.contains(name))
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        Self { origin: Origin::BuiltIn, files }
    }

    /// Reads every file of [`FILES`] from a folder.
    ///
    /// # Errors
    /// A missing folder or files (all named), or a file that cannot be read.
    pub fn read_dir(dir: &Path) -> Result<Self, PatternError> {
        check_folder(dir)?;
        let mut files = BTreeMap::new();
        for name in FILES {
            let path = dir.join(name);
            let text =
                std::fs::read_to_string(&path).map_err(|source| PatternError::Io { path: path.clone(), source })?;
            files.insert(name.to_string(), text);
        }
        Ok(Self { origin: Origin::Folder(dir.to_path_buf()), files })
    }

    /// Finds the patterns to use, in this order: `explicit` (`--patterns DIR`), then
    /// `$PRESSMINE_PATTERNS`, then `./patterns` when it holds `claims.toml`, then the
    /// built-in set.
    ///
    /// # Errors
    /// A folder named by `explicit` or the environment that is missing, incomplete or
    /// unreadable (no fallback then: the user asked for that folder).
    pub fn locate(explicit: Option<&Path>) -> Result<Self, PatternError> {
        if let Some(dir) = explicit {
            return Self::read_dir(dir);
        }
        if let Some(dir) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
            return Self::read_dir(Path::new(&dir));
        }
        let local = Path::new("patterns");
        if local.join("claims.toml").is_file() {
            return Self::read_dir(local);
        }
        Ok(Self::embedded())
    }

    /// Where the texts came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The text of one file, by name (`claims.toml`).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }

    /// Replaces (or adds) the text of one file, e.g. to try an edited rule in memory.
    pub fn set_text(&mut self, name: &str, text: impl Into<String>) {
        self.files.insert(name.to_string(), text.into());
    }

    /// The path errors in file `name` are reported at: the file in the folder, or
    /// `<built-in>/name`.
    pub fn path_of(&self, name: &str) -> PathBuf {
        match &self.origin {
            Origin::BuiltIn => Path::new("<built-in>").join(name),
            Origin::Folder(d) => d.join(name),
        }
    }

    /// One file as a [`Source`] for a loader.
    ///
    /// # Errors
    /// [`PatternError::Folder`] when the set lacks the file.
    pub fn source(&self, name: &str) -> Result<Source, PatternError> {
        let text = self.files.get(name).ok_or_else(|| PatternError::Folder {
            dir: self.path_of(""),
            problem: format!("not a patterns folder: {name} missing"),
        })?;
        Ok(Source { path: self.path_of(name), text: text.clone() })
    }

    /// SHA-256 (hex) over the names and texts of the files of [`FILES`]: the same rules give
    /// the same digest whether built in or read from a folder.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        for name in FILES {
            let text = self.text(name).unwrap_or_default();
            h.update(name.as_bytes());
            h.update((text.len() as u64).to_le_bytes());
            h.update(text.as_bytes());
        }
        crate::hash::hex(&h.finalize())
    }

    /// Writes the built-in files (the rule files, the dictionary, the division table, their
    /// README and licence) into `dir`, creating it; returns the paths written. Existing files
    /// are kept unless `force`.
    ///
    /// # Errors
    /// [`PatternError::Export`] when a file exists and `force` is off (nothing is written
    /// then), or on I/O failure.
    pub fn export(dir: &Path, force: bool) -> Result<Vec<PathBuf>, PatternError> {
        let export_err = |path: &Path, problem: String| PatternError::Export { path: path.to_path_buf(), problem };
        if dir.exists() && !dir.is_dir() {
            return Err(export_err(dir, "is a file, not a folder; give a folder (it is created if missing)".into()));
        }
        if !force {
            let existing: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).filter(|n| dir.join(n).exists()).collect();
            if !existing.is_empty() {
                return Err(export_err(
                    dir,
                    format!("already holds {}; nothing written (add --force to overwrite)", existing.join(", ")),
                ));
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| export_err(dir, format!("cannot create the folder ({e})")))?;
        let mut written = Vec::new();
        for (name, text) in EMBEDDED {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| export_err(&path, format!("cannot write ({e})")))?;
            written.push(path);
        }
        Ok(written)
    }
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
    fn built_in_set_is_the_repository_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns");
        let disk = Patterns::read_dir(&dir).unwrap();
        let built_in = Patterns::embedded();
        assert_eq!(disk.digest(), built_in.digest());
        for name in FILES {
            assert_eq!(disk.text(name), built_in.text(name), "{name}");
        }
        assert_eq!(built_in.source("claims.toml").unwrap().path, Path::new("<built-in>/claims.toml"));
        let mut edited = built_in.clone();
        edited.set_text("dict.txt", "新词 5 n\n");
        assert_ne!(edited.digest(), built_in.digest());
    }

    #[test]
    fn toml_error_has_line() {
        let src = Source { path: "y.toml".into(), text: "a = 1\nb = \n".into() };
        let err = src.parse::<toml::Value>().unwrap_err().to_string();
        assert!(err.starts_with("y.toml:2:") || err.starts_with("y.toml:3:"), "{err}");
    }
}
