//! Batch orchestration for `pressmine run` and `pressmine extract`: walks inputs, processes
//! them in parallel chunks (memory stays flat), and writes results in input order so the
//! output is byte-identical for any thread count. Unchanged documents (same sha256 and
//! pressmine version) are reused from the previous run. One failed document is reported in
//! errors.jsonl and the batch goes on.

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
    /// Input bytes read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rate = if self.seconds > 0.0 { self.ok as f64 / self.seconds } else { 0.0 };
        write!(
            f,
            "{} documents ok ({} reused), {} failed; {:.1} MB in {:.2} s, {:.1} docs/s",
            self.ok,
            self.reused,
            self.failed,
            self.bytes as f64 / 1e6,
            self.seconds,
            rate
        )
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
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(&raw))) {
        Ok(doc) => Outcome::Done(Box::new(doc), false),
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            Outcome::Failed(ErrorLine {
                path: input.id.clone(),
                stage: "process".into(),
                reason: format!("internal error: {msg}"),
            })
        }
    }
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
    if !config.corpus.is_dir() {
        return Err(RunError::Input(format!("{}: not a directory", config.corpus.display())));
    }
    let out = &config.output;
    std::fs::create_dir_all(out.join("docs")).map_err(|source| RunError::Output { path: out.clone(), source })?;
    let (inputs, list_errors) = source::walk(&config.corpus);
    let version = pipeline.fingerprint().to_string();
    let previous: Manifest = std::fs::read(out.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|m: &Manifest| m.version == version)
        .unwrap_or_default();
    let reuse = |raw: &RawDoc| -> Option<Document> {
        let sha = previous.documents.get(&raw.id)?;
        if *sha != sha256_hex(&raw.bytes) {
            return None;
        }
        let bytes = std::fs::read(doc_path(out, &raw.id)).ok()?;
        serde_json::from_slice(&bytes).ok()
    };
    let mut docs_out = AtomicFile::create(&out.join("documents.jsonl"))?;
    let mut errors_out = AtomicFile::create(&out.join("errors.jsonl"))?;
    let mut claims_out = AtomicFile::create(&out.join("claims.csv"))?;
    claims_out.write(sink::claims_csv_header().as_bytes())?;
    let mut summary = RunSummary::default();
    for e in &list_errors {
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
                    }
                    written.insert(path);
                    docs_out.write_json_line(&*doc)?;
                    claims_out.write(sink::claims_csv_rows(&doc).as_bytes())?;
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
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    docs_out.finish()?;
    errors_out.finish()?;
    claims_out.finish()?;
    sink::write_atomic(&out.join(MANIFEST), sink::json_pretty(&manifest).as_bytes())?;
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
