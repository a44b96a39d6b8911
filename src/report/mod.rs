//! The review report: reads a run's output (`documents.jsonl`) and writes a static site
//! that opens from disk with no server and no network — `index.html` (every document,
//! sortable and filterable, with corpus totals), one page per document under `docs/` (the
//! body with each figure and initiative mention highlighted, a card per figure, the
//! figures in text order, the warnings), `indicators.html` (every series of
//! [`crate::diff::series`] as an inline SVG chart whose points link to the statements) and
//! `initiatives.html` ([`crate::corpus::initiatives`]), with one stylesheet and one small
//! script under `assets/`.
//!
//! The passes, in order: documents are streamed in batches (a reader thread parses the next
//! batch while the pool renders and writes this one's pages), keeping only what the corpus
//! pages need (no text); then the corpus pages and the assets are written, and pages of an
//! earlier report that no document produced are removed from `docs/`. Every page is a pure
//! function of the documents, so the site is byte-identical for any thread count.
//!
//! It only reads output: it never re-extracts, and it decides nothing about figures —
//! series are computed by [`crate::diff::series`] with the current patterns' keys. All
//! document text is HTML-escaped ([`html`]); source links are kept only for http(s) URLs.

mod document;
mod html;
mod index;
mod indicators;
mod markup;

use crate::canon::Canon;
use crate::diff::{Key, SeriesFilter};
use crate::model::Document;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Documents rendered per batch: bounds memory (one batch parsed, one rendered).
const BATCH: usize = 256;

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The run's output could not be read.
    #[error("{path}: {cause}\nhelp: give the output directory of `pressmine run` (or its documents.jsonl)", path = .path.display())]
    Input {
        /// The file tried.
        path: PathBuf,
        /// Cause (shown in the message, so not a `source`: printed once).
        cause: std::io::Error,
    },
    /// A line of `documents.jsonl` is not a document.
    #[error("{path}:{line}: not a pressmine document: {message}", path = .path.display())]
    BadLine {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A page could not be written.
    #[error(transparent)]
    Output(#[from] crate::error::RunError),
}

/// What a report wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// The report folder.
    pub dir: PathBuf,
    /// Document pages written.
    pub documents: usize,
    /// Series charted.
    pub series: usize,
    /// Initiatives listed.
    pub initiatives: usize,
}

impl std::fmt::Display for ReportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "report: {} documents, {} series, {} initiatives → {}",
            self.documents,
            self.series,
            self.initiatives,
            self.dir.join("index.html").display()
        )
    }
}

/// The default report folder of a run's output: `OUT/report` (beside a `.jsonl` file given
/// instead of the folder).
pub fn default_dir(output: &Path) -> PathBuf {
    if output.is_dir() {
        output.join("report")
    } else {
        output.parent().unwrap_or(Path::new(".")).join("report")
    }
}

/// One document as the corpus pages need it: its index row and a copy without text.
pub(crate) struct Entry {
    /// File name of its page under `docs/`.
    pub page: String,
    /// Number of figures, initiatives and warnings.
    pub counts: [usize; 3],
    /// The document without text, sentences and keywords, and with only the figures a
    /// series can use.
    pub doc: Document,
}

/// Writes the report for the output at `input` (a run's output folder or a
/// `documents.jsonl`) into `dir`.
///
/// # Errors
/// The documents cannot be read or a line is not a document ([`ReportError::Input`],
/// [`ReportError::BadLine`]); a page cannot be written ([`ReportError::Output`]).
pub fn report(input: &Path, dir: &Path, canon: &Canon) -> Result<ReportSummary, ReportError> {
    let is_jsonl = input.extension().is_some_and(|e| e == "jsonl");
    let file = if input.is_dir() || (!is_jsonl && !input.exists()) {
        input.join("documents.jsonl")
    } else {
        input.to_path_buf()
    };
    let lines =
        crate::corpus::read_documents(&file).map_err(|cause| ReportError::Input { path: file.clone(), cause })?;
    let docs_dir = dir.join("docs");
    let mut entries: Vec<Entry> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<Document>, ReportError>>(1);
    std::thread::scope(|scope| -> Result<(), ReportError> {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for (n, doc) in lines.enumerate() {
                match doc {
                    Ok(d) => batch.push(d),
                    Err(e) => {
                        let err = ReportError::BadLine { path: file.clone(), line: n + 1, message: e.to_string() };
                        let _ = tx.send(Err(err));
                        return;
                    }
                }
                if batch.len() == BATCH && tx.send(Ok(std::mem::take(&mut batch))).is_err() {
                    return;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(Ok(batch));
            }
        });
        for batch in rx {
            let batch = batch?;
            // Names are chosen in document order, so they do not depend on the thread count.
            let named: Vec<(String, Document)> =
                batch.into_iter().map(|d| (unique_name(&d.id, &mut used), d)).collect();
            let done: Vec<Result<Entry, ReportError>> = named
                .into_par_iter()
                .map(|(page, doc)| {
                    let html = document::page(&doc);
                    crate::sink::write_atomic(&docs_dir.join(&page), html.as_bytes())?;
                    Ok(slim(page, doc, canon))
                })
                .collect();
            for e in done {
                entries.push(e?);
            }
        }
        Ok(())
    })?;

    let docs: Vec<Document> = entries.iter().map(|e| e.doc.clone()).collect();
    let series = crate::diff::series(&docs, canon, &SeriesFilter::default());
    let initiatives = crate::corpus::initiatives(docs);
    let pages: BTreeMap<&str, &Entry> = entries.iter().rev().map(|e| (e.doc.id.as_str(), e)).collect();
    let files = [
        ("index.html", index::index_page(&entries, &series, initiatives.len())),
        ("indicators.html", indicators::page(&series, &pages)),
        ("initiatives.html", index::initiatives_page(&initiatives, &pages)),
        ("assets/report.css", html::CSS.to_string()),
        ("assets/report.js", html::JS.to_string()),
    ];
    files.par_iter().try_for_each(|(name, text)| crate::sink::write_atomic(&dir.join(name), text.as_bytes()))?;
    remove_stale(&docs_dir, &used);
    Ok(ReportSummary {
        dir: dir.to_path_buf(),
        documents: entries.len(),
        series: series.len(),
        initiatives: initiatives.len(),
    })
}

/// The document without what the corpus pages do not need.
fn slim(page: String, mut doc: Document, canon: &Canon) -> Entry {
    let counts = [doc.claims.len(), doc.initiatives.len(), doc.warnings.len()];
    doc.text = String::new();
    doc.sentences = Vec::new();
    doc.keywords = Vec::new();
    doc.claims.retain(|c| {
        let (key, _) = Key::of(c, canon);
        key.indicator.is_some() && key.period_end.is_some()
    });
    doc.claims.shrink_to_fit();
    Entry { page, counts, doc }
}

/// A file name for a document's page: its id with every character but letters, digits,
/// `.`, `-` and `_` replaced by `_`, at most 100 characters, `-2`, `-3` … appended when
/// an earlier document took the name (compared without case).
fn unique_name(id: &str, used: &mut BTreeSet<String>) -> String {
    let mut base: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .take(100)
        .collect();
    if base.is_empty() || base.starts_with('.') {
        base.insert(0, '_');
    }
    let mut name = format!("{base}.html");
    let mut n = 1;
    while !used.insert(name.to_lowercase()) {
        n += 1;
        name = format!("{base}-{n}.html");
    }
    name
}

/// Removes pages of an earlier report that no document wrote this time.
fn remove_stale(docs_dir: &Path, used: &BTreeSet<String>) {
    let Ok(read) = std::fs::read_dir(docs_dir) else { return };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".html") && !used.contains(&name.to_lowercase()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_safe_and_unique_without_case() {
        let mut used = BTreeSet::new();
        assert_eq!(unique_name("own/bulletin.txt", &mut used), "own_bulletin.txt.html");
        assert_eq!(unique_name("own_bulletin.txt", &mut used), "own_bulletin.txt-2.html");
        assert_eq!(unique_name("OWN/bulletin.txt", &mut used), "OWN_bulletin.txt-3.html");
        assert_eq!(unique_name("../x", &mut used), "_.._x.html");
        assert_eq!(unique_name("https://a.gov.cn/新闻?id=1", &mut used), "https___a.gov.cn_新闻_id_1.html");
    }
}
