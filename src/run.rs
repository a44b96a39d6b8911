//! Batch orchestration for `pressmine run` and `pressmine extract`: walks inputs, processes
//! them in parallel chunks (memory stays flat), and writes results in input order so the
//! output is byte-identical for any thread count. Unchanged documents (same sha256 and
//! pressmine version) are reused from the previous run. One failed document is reported in
//! errors.jsonl and the batch goes on.
//!
//! A run can be killed at any instant and started again: every finished `docs/<id>.json` is
//! recorded in a journal (`.pressmine-journal.jsonl`) as soon as it is in place, and the next
//! run reuses what the manifest of the last finished run and the journal vouch for. A line
//! marking a document as being rewritten goes to the journal before its file is touched, so a
//! half-done rewrite is never taken for the old file. Temporary files a killed run left are
//! removed at start.

use crate::error::{DocError, RunError};
use crate::hash::sha256_hex;
use crate::model::Document;
use crate::pipeline::Pipeline;
use crate::sink::{self, AtomicFile};
use crate::source::{self, Input, RawDoc};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Documents processed per parallel chunk: bounds memory whatever the corpus size.
const CHUNK: usize = 128;

/// Options of a batch run.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Corpus directory.
    pub corpus: PathBuf,
    /// Output directory.
    pub output: PathBuf,
    /// Largest input accepted, in bytes.
    pub max_bytes: u64,
    /// Show a progress bar.
    pub progress: bool,
    /// Which files of the corpus to read (`--include`, `--exclude`).
    pub select: source::Selection,
    /// Also write documents.parquet, claims.parquet and initiatives.parquet (`--parquet`).
    pub parquet: bool,
}

/// Counts reported at the end of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    /// Documents written.
    pub ok: usize,
    /// Of those, reused unchanged from the previous run.
    pub reused: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Files not read because their names say they are no pages (`.md`, `.pdf` …).
    pub skipped: usize,
    /// Where the failures are listed (`OUT/errors.jsonl`).
    pub errors_file: PathBuf,
    /// Input bytes read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rate = if self.seconds > 0.0 { self.ok as f64 / self.seconds } else { 0.0 };
        write!(f, "{} documents ok ({} reused), {} failed", self.ok, self.reused, self.failed)?;
        if self.skipped > 0 {
            let s = if self.skipped == 1 { "" } else { "s" };
            write!(f, ", {} file{s} skipped (not pages by name)", self.skipped)?;
        }
        write!(f, "; {:.1} MB in {:.2} s, {:.1} docs/s", self.bytes as f64 / 1e6, self.seconds, rate)?;
        if self.failed > 0 {
            write!(f, "; failures are listed in {}", self.errors_file.display())?;
        }
        Ok(())
    }
}

/// One line of errors.jsonl.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorLine {
    /// Input id or path.
    pub path: String,
    /// Stage that failed (`list`, `read`, `process`).
    pub stage: String,
    /// Why.
    pub reason: String,
}

/// What processing one input produced.
#[derive(Debug)]
pub enum Outcome {
    /// A document, and whether it was reused from the previous run.
    Done(Box<Document>, bool),
    /// A failure.
    Failed(ErrorLine),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: String,
    documents: BTreeMap<String, String>,
}

const MANIFEST: &str = ".pressmine-state.json";
const JOURNAL: &str = ".pressmine-journal.jsonl";

/// One line of the journal: document `id` is in place for input bytes `sha256` under build
/// and patterns `version`, or (`sha256` null) its file is being rewritten.
#[derive(Debug, Serialize, Deserialize)]
struct JournalLine {
    id: String,
    sha256: Option<String>,
    version: String,
}

/// The documents a previous run (finished or killed) left in place for this `version`: the
/// manifest of the last finished run, updated by the journal in order (a line for another
/// version or a rewrite in progress withdraws the id).
fn reusable(out: &Path, version: &str) -> BTreeMap<String, String> {
    let mut docs = std::fs::read(out.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
        .filter(|m| m.version == version)
        .map(|m| m.documents)
        .unwrap_or_default();
    let journal = std::fs::read(out.join(JOURNAL)).unwrap_or_default();
    for line in journal.split(|b| *b == b'\n') {
        let Ok(l) = serde_json::from_slice::<JournalLine>(line) else { continue };
        match l.sha256 {
            Some(sha) if l.version == version => docs.insert(l.id, sha),
            _ => docs.remove(&l.id),
        };
    }
    docs
}

/// Appends to the journal, flushing at each [`Journal::sync`].
struct Journal {
    path: PathBuf,
    file: std::io::BufWriter<std::fs::File>,
    version: String,
}

impl Journal {
    fn open(out: &Path, version: &str) -> Result<Self, RunError> {
        use std::io::{Read, Seek, Write};
        let path = out.join(JOURNAL);
        let err = |source| RunError::Output { path: path.clone(), source };
        let mut file = std::fs::OpenOptions::new().read(true).append(true).create(true).open(&path).map_err(err)?;
        // A line a killed run cut short stays alone on its line, unreadable and ignored.
        let len = file.metadata().map_err(err)?.len();
        if len > 0 {
            let mut last = [0u8];
            file.seek(std::io::SeekFrom::Start(len - 1)).and_then(|_| file.read_exact(&mut last)).map_err(err)?;
            if last[0] != b'\n' {
                file.write_all(b"\n").map_err(err)?;
            }
        }
        Ok(Self { path, file: std::io::BufWriter::new(file), version: version.to_string() })
    }

    fn record(&mut self, id: &str, sha256: Option<&str>) -> Result<(), RunError> {
        let line =
            JournalLine { id: id.to_string(), sha256: sha256.map(str::to_string), version: self.version.clone() };
        let mut text = sink::json_line(&line);
        text.push('\n');
        std::io::Write::write_all(&mut self.file, text.as_bytes())
            .map_err(|source| RunError::Output { path: self.path.clone(), source })
    }

    fn sync(&mut self) -> Result<(), RunError> {
        std::io::Write::flush(&mut self.file).map_err(|source| RunError::Output { path: self.path.clone(), source })
    }
}

/// Refuses a corpus path that does not exist, is a file, or is a pressmine output.
///
/// # Errors
/// [`RunError::Input`] saying which, and what to give instead.
pub fn check_corpus(corpus: &Path) -> Result<(), RunError> {
    let c = corpus.display();
    let problem = if !corpus.exists() {
        format!("{c}: no such folder; give the folder of saved pages to read (`pressmine fetch URLS_FILE -o {c}` fills one)")
    } else if !corpus.is_dir() {
        format!("{c}: is a file, not a folder of pages; to read one page use `pressmine extract {c}`")
    } else if corpus.join("documents.jsonl").is_file() && corpus.join("docs").is_dir() {
        format!(
            "{c}: is a pressmine output folder (it holds documents.jsonl), not a corpus; give the folder of pages \
             it was made from, or read this one with `pressmine initiatives {c}` or `pressmine series {c}`"
        )
    } else {
        return Ok(());
    };
    Err(RunError::Input(problem))
}

/// Creates the output folder, or explains why it cannot be used.
fn prepare_output(out: &Path) -> Result<(), RunError> {
    let o = out.display();
    if out.exists() && !out.is_dir() {
        return Err(RunError::Input(format!(
            "{o}: is a file, not a folder; give -o a folder (it is created if missing)"
        )));
    }
    if let Some(file) = out.ancestors().skip(1).find(|a| a.is_file()) {
        return Err(RunError::Input(format!(
            "{o}: cannot be created: {} is a file; give -o a folder path",
            file.display()
        )));
    }
    match std::fs::create_dir_all(out.join("docs")) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(RunError::Input(format!(
            "{o}: cannot write here (permission denied); give -o a folder you can write to"
        ))),
        Err(source) => Err(RunError::Output { path: out.to_path_buf(), source }),
    }
}

/// Processes one input: read, then the pipeline, with panics turned into a failure line.
pub fn process_input(
    pipeline: &Pipeline,
    input: &Input,
    max_bytes: u64,
    reuse: &dyn Fn(&RawDoc) -> Option<Document>,
) -> Outcome {
    let raw = match source::read(input, max_bytes) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(fail(input, "read", &e)),
    };
    if let Some(doc) = reuse(&raw) {
        return Outcome::Done(Box::new(doc), true);
    }
    match process_caught(pipeline, &raw) {
        Ok(doc) => Outcome::Done(Box::new(doc), false),
        Err(line) => Outcome::Failed(line),
    }
}

/// Runs the pipeline on a document in memory with a panic turned into a failure line
/// (stage `process`), so no panic leaves the library through a batch or a binding.
///
/// # Errors
/// The failure line of an internal error.
pub fn process_caught(pipeline: &Pipeline, raw: &RawDoc) -> Result<Document, ErrorLine> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(raw))).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        ErrorLine { path: raw.id.clone(), stage: "process".into(), reason: format!("internal error: {msg}") }
    })
}

fn fail(input: &Input, stage: &str, e: &DocError) -> ErrorLine {
    ErrorLine { path: input.id.clone(), stage: stage.into(), reason: e.to_string() }
}

/// Where a document's pretty JSON goes: `docs/<id>.json`, with unsafe components replaced.
pub fn doc_path(output: &Path, id: &str) -> PathBuf {
    let mut p = output.join("docs");
    for part in id.split(['/', '\\']) {
        let safe = match part {
            "" | "." | ".." => "_".to_string(),
            s => s.replace(':', "_"),
        };
        p.push(safe);
    }
    let mut s = p.into_os_string();
    s.push(".json");
    PathBuf::from(s)
}

/// Runs the pipeline over a corpus directory into an output directory.
///
/// # Errors
/// Unusable corpus path or output I/O failures (document failures are counted instead).
pub fn run(pipeline: &Pipeline, config: &RunConfig) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    check_corpus(&config.corpus)?;
    let out = &config.output;
    prepare_output(out)?;
    sink::remove_temp_files(out);
    let listing = source::list(&config.corpus, &config.select);
    let inputs = listing.inputs;
    let version = pipeline.fingerprint().to_string();
    let previous = reusable(out, &version);
    let reuse = |raw: &RawDoc| -> Option<Document> {
        let sha = previous.get(&raw.id)?;
        if *sha != sha256_hex(&raw.bytes) {
            return None;
        }
        let bytes = std::fs::read(doc_path(out, &raw.id)).ok()?;
        let doc: Document = serde_json::from_slice(&bytes).ok()?;
        (doc.source.sha256 == *sha && doc.id == raw.id).then_some(doc)
    };
    let mut journal = Journal::open(out, &version)?;
    let mut docs_out = AtomicFile::create(&out.join("documents.jsonl"))?;
    let mut errors_out = AtomicFile::create(&out.join("errors.jsonl"))?;
    let mut claims_out = AtomicFile::create(&out.join("claims.csv"))?;
    claims_out.write(sink::claims_csv_header().as_bytes())?;
    let mut tables = if config.parquet { Some(crate::columnar::ParquetTables::create(out)?) } else { None };
    let mut summary =
        RunSummary { skipped: listing.skipped.len(), errors_file: out.join("errors.jsonl"), ..RunSummary::default() };
    for e in &listing.errors {
        summary.failed += 1;
        errors_out.write_json_line(&ErrorLine {
            path: e.path.clone(),
            stage: "list".into(),
            reason: e.reason.clone(),
        })?;
    }
    let bar = if config.progress {
        let b = indicatif::ProgressBar::new(inputs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} docs {per_sec} eta {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let mut manifest = Manifest { version, documents: BTreeMap::new() };
    let mut written = BTreeSet::new();
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> =
            chunk.par_iter().map(|input| process_input(pipeline, input, config.max_bytes, &reuse)).collect();
        // Withdraw the documents about to be rewritten before touching their files.
        for outcome in &outcomes {
            if let Outcome::Done(doc, false) = outcome {
                journal.record(&doc.id, None)?;
            }
        }
        journal.sync()?;
        for outcome in outcomes {
            match outcome {
                Outcome::Done(doc, reused) => {
                    summary.ok += 1;
                    summary.bytes += doc.source.bytes;
                    let path = doc_path(out, &doc.id);
                    if reused {
                        summary.reused += 1;
                    } else {
                        sink::write_atomic(&path, sink::json_pretty(&*doc).as_bytes())?;
                        journal.record(&doc.id, Some(&doc.source.sha256))?;
                    }
                    written.insert(path);
                    docs_out.write_json_line(&*doc)?;
                    claims_out.write(sink::claims_csv_rows(&doc).as_bytes())?;
                    if let Some(t) = &mut tables {
                        t.push(&doc)?;
                    }
                    manifest.documents.insert(doc.id.clone(), doc.source.sha256.clone());
                }
                Outcome::Failed(line) => {
                    summary.failed += 1;
                    errors_out.write_json_line(&line)?;
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
        journal.sync()?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    docs_out.finish()?;
    errors_out.finish()?;
    claims_out.finish()?;
    if let Some(t) = tables {
        t.finish()?;
    }
    sink::write_atomic(&out.join(MANIFEST), sink::json_pretty(&manifest).as_bytes())?;
    drop(journal);
    // The manifest now vouches for everything the journal did.
    let _ = std::fs::remove_file(out.join(JOURNAL));
    remove_stale(&out.join("docs"), &written);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Deletes document files left from inputs that no longer exist.
fn remove_stale(docs: &Path, keep: &BTreeSet<PathBuf>) {
    for entry in walkdir::WalkDir::new(docs).into_iter().flatten() {
        if entry.file_type().is_file() && !keep.contains(entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Lists inputs for `extract`: files as given, directories walked, `-` for stdin.
pub fn extract_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ErrorLine>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input { id: "-".into(), path: None });
        } else if p.is_dir() {
            if let Err(e) = check_corpus(p) {
                let path = p.display().to_string();
                let reason = e.to_string();
                let reason = reason.strip_prefix(&format!("{path}: ")).unwrap_or(&reason).to_string();
                errors.push(ErrorLine { path, stage: "list".into(), reason });
                continue;
            }
            let (found, errs) = source::walk(p);
            inputs.extend(found);
            errors.extend(errs.into_iter().map(|e| ErrorLine { path: e.path, stage: "list".into(), reason: e.reason }));
        } else {
            inputs.push(Input { id: p.display().to_string(), path: Some(p.clone()) });
        }
    }
    (inputs, errors)
}

/// Processes inputs in parallel chunks, calling `emit` in input order.
pub fn for_each_ordered(pipeline: &Pipeline, inputs: &[Input], max_bytes: u64, mut emit: impl FnMut(Outcome)) {
    let none = |_: &RawDoc| None;
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = chunk.par_iter().map(|i| process_input(pipeline, i, max_bytes, &none)).collect();
        outcomes.into_iter().for_each(&mut emit);
    }
}
