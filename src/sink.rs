//! Writers: pretty JSON per document, JSON Lines, error lines and the claims CSV.
//! Files are written atomically (temporary file `<name>.tmp<pid>`, then rename), so a reader
//! never sees half a file; [`remove_temp_files`] clears those a killed process left.
//! Serialization only: no decisions about content are made here.

use crate::error::RunError;
use crate::model::Document;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, creating parent directories.
///
/// # Errors
/// Any I/O failure, with the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), RunError> {
    let err = |source| RunError::Output { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let tmp = temp_path(path);
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

/// The temporary name a file is written under before it is renamed into place.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    PathBuf::from(tmp)
}

/// Whether a file name is a temporary file of [`write_atomic`] or [`AtomicFile`].
pub fn is_temp_name(name: &str) -> bool {
    name.rsplit_once(".tmp")
        .is_some_and(|(stem, pid)| !stem.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Deletes the temporary files under `dir` (recursively) that a killed process left behind,
/// except this process's own; returns how many were removed.
pub fn remove_temp_files(dir: &Path) -> usize {
    let own = format!(".tmp{}", std::process::id());
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file()
            && is_temp_name(&name)
            && !name.ends_with(&own)
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// A file written line by line to a temporary path and renamed into place on `finish`.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
}

impl AtomicFile {
    /// Creates the temporary file.
    ///
    /// # Errors
    /// I/O failure, with the path.
    pub fn create(path: &Path) -> Result<Self, RunError> {
        let tmp = temp_path(path);
        let file = std::fs::File::create(&tmp).map_err(|source| RunError::Output { path: tmp.clone(), source })?;
        Ok(Self { path: path.to_path_buf(), tmp, out: std::io::BufWriter::new(file) })
    }

    /// Appends bytes.
    ///
    /// # Errors
    /// I/O failure, with the path.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), RunError> {
        self.out.write_all(bytes).map_err(|source| RunError::Output { path: self.path.clone(), source })
    }

    /// Appends one value as a JSON line.
    ///
    /// # Errors
    /// I/O failure, with the path.
    pub fn write_json_line<T: Serialize>(&mut self, value: &T) -> Result<(), RunError> {
        let mut line = json_line(value);
        line.push('\n');
        self.write(line.as_bytes())
    }

    /// Flushes and renames into place.
    ///
    /// # Errors
    /// I/O failure, with the path.
    pub fn finish(mut self) -> Result<(), RunError> {
        let err = |path: &Path, source| RunError::Output { path: path.to_path_buf(), source };
        self.out.flush().map_err(|e| err(&self.path, e))?;
        std::fs::rename(&self.tmp, &self.path).map_err(|e| err(&self.path, e))
    }
}

impl Drop for AtomicFile {
    /// A file dropped without [`AtomicFile::finish`] (an error stopped the run) leaves no
    /// temporary file; after `finish` there is none to remove.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Compact JSON on one line.
pub fn json_line<T: Serialize>(value: &T) -> String {
    // Serializing our own typed structs into a String cannot fail (no maps with non-string keys).
    serde_json::to_string(value).unwrap_or_default()
}

/// Pretty JSON with a trailing newline.
pub fn json_pretty<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Columns of `claims.csv`.
pub const CLAIM_COLUMNS: &[&str] = &[
    "doc_id",
    "title",
    "published",
    "text",
    "start",
    "end",
    "value",
    "unit",
    "surface_unit",
    "kind",
    "basis",
    "reference",
    "qualifier",
    "range_low",
    "range_high",
    "metric",
    "scope",
    "period",
    "modality",
    "sentence",
    "rule",
    "indicator",
    "place",
    "place_code",
    "period_start",
    "period_end",
    "period_kind",
    "publisher",
    "url",
    "speaker",
    "bound",
];

/// Quotes a CSV field when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn enum_text<T: Serialize>(v: &T) -> String {
    json_line(v).trim_matches('"').to_string()
}

/// The CSV header line (with a UTF-8 BOM so spreadsheet programs read it right).
pub fn claims_csv_header() -> String {
    format!("\u{feff}{}\n", CLAIM_COLUMNS.join(","))
}

/// One CSV row per claim of the document.
pub fn claims_csv_rows(doc: &Document) -> String {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out = String::new();
    for c in &doc.claims {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let sentence: String =
            chars.get(c.sentence[0]..c.sentence[1].min(chars.len())).map(|s| s.iter().collect()).unwrap_or_default();
        let (low, high) =
            c.range.map(|[a, b]| (a.normalize().to_string(), b.normalize().to_string())).unwrap_or_default();
        let fields = [
            doc.id.clone(),
            opt(&doc.title),
            opt(&doc.published),
            c.text.clone(),
            c.span[0].to_string(),
            c.span[1].to_string(),
            c.value.normalize().to_string(),
            opt(&c.unit),
            opt(&c.surface_unit),
            enum_text(&c.kind),
            c.change.as_ref().and_then(|ch| ch.basis).map(|b| enum_text(&b)).unwrap_or_default(),
            c.change.as_ref().and_then(|ch| ch.reference.clone()).unwrap_or_default(),
            c.qualifier.map(|q| enum_text(&q)).unwrap_or_default(),
            low,
            high,
            opt(&c.metric),
            opt(&c.scope),
            opt(&c.period),
            enum_text(&c.modality),
            sentence,
            c.rule.clone(),
            opt(&c.keys.indicator),
            opt(&c.keys.place),
            opt(&c.keys.place_code),
            opt(&c.keys.period_start),
            opt(&c.keys.period_end),
            c.keys.period_kind.map(|k| enum_text(&k)).unwrap_or_default(),
            opt(&doc.publisher),
            opt(&doc.source.url),
            opt(&c.said.speaker),
            c.bound.map(|b| enum_text(&b)).unwrap_or_default(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("江苏"), "江苏");
    }

    #[test]
    fn temp_names() {
        assert!(is_temp_name("documents.jsonl.tmp1234"));
        assert!(is_temp_name("a.html.json.tmp7"));
        assert!(!is_temp_name("a.tmp"));
        assert!(!is_temp_name("notes.tmpx1"));
        assert!(!is_temp_name(".tmp12"));
    }
}
