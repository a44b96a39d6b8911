//! Batch orchestration for `pressmine run` and `pressmine extract`: walks inputs, processes
//! them in parallel chunks (memory stays flat), and writes results in input order so the
//! output is byte-identical for any thread count. `run` writes a chunk on a thread of its own
//! while the next one is processed. Unchanged documents (same sha256 and
//! pressmine version) are reused from the previous run. One failed document is reported in
//! errors.jsonl and the batch goes on. WARC files (`.warc`, `.warc.gz`) among the inputs are
//! read record by record ([`crate::warc`]): each page record is a document with the id
//! `<file id>#<record offset>`. With a [`Shard`], only the documents (and failures) whose id
//! belongs to it are processed and written; `merge` joins the shards' outputs.
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
use crate::shard::Shard;
use crate::sink::{self, AtomicFile};
use crate::source::{self, Input, RawDoc};
use crate::warc;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Documents processed per parallel chunk: bounds memory whatever the corpus size.
const CHUNK: usize = 128;
/// Most bytes of WARC pages held for one chunk (a chunk ends early past it).
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

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
    /// Process only the documents of this shard (`--shard K/N`); `None` for all.
    pub shard: Option<Shard>,
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
    /// WARC records that hold no page (requests, metadata, redirects, images …).
    pub records_skipped: usize,
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
        if self.records_skipped > 0 {
            let s = if self.records_skipped == 1 { "" } else { "s" };
            write!(f, ", {} WARC record{s} skipped (no HTTP 200 HTML or text response)", self.records_skipped)?;
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
    } else if corpus.is_file() && is_warc_path(corpus) {
        return Ok(());
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
    match source::read(input, max_bytes) {
        Ok(raw) => process_raw(pipeline, &raw, reuse),
        Err(e) => Outcome::Failed(fail(input, "read", &e)),
    }
}

/// Processes a document read into memory (or reuses the previous run's), with panics turned
/// into a failure line.
pub fn process_raw(pipeline: &Pipeline, raw: &RawDoc, reuse: &dyn Fn(&RawDoc) -> Option<Document>) -> Outcome {
    if let Some(doc) = reuse(raw) {
        return Outcome::Done(Box::new(doc), true);
    }
    match process_caught(pipeline, raw) {
        Ok(doc) => Outcome::Done(Box::new(doc), false),
        Err(line) => Outcome::Failed(line),
    }
}

/// Whether a path names a WARC file (`.warc`, `.warc.gz`).
fn is_warc_path(path: &Path) -> bool {
    path.file_name().is_some_and(|n| warc::is_warc_name(&n.to_string_lossy()))
}

/// One unit of work, in input order: a file to read, a page read from a WARC file, or an
/// input that failed before processing.
enum Work {
    File(Input),
    Record(Box<RawDoc>),
    Failed(ErrorLine),
}

/// The work of a list of inputs in order: files as they are; WARC files opened and read one
/// record at a time (only the pages are work; other records are counted). With a shard, only
/// the work whose id belongs to it.
struct Works<'a> {
    inputs: std::slice::Iter<'a, Input>,
    warc: Option<(String, warc::Records<Box<dyn std::io::BufRead + Send>>)>,
    max_bytes: u64,
    shard: Option<Shard>,
    records_skipped: usize,
}

impl<'a> Works<'a> {
    fn new(inputs: &'a [Input], max_bytes: u64, shard: Option<Shard>) -> Self {
        Self { inputs: inputs.iter(), warc: None, max_bytes, shard, records_skipped: 0 }
    }

    fn mine(&self, id: &str) -> bool {
        self.shard.map_or(true, |s| s.contains(id))
    }

    /// The next chunk: up to [`CHUNK`] items, fewer once the WARC pages held pass [`CHUNK_BYTES`].
    fn chunk(&mut self) -> Vec<Work> {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < CHUNK && bytes < CHUNK_BYTES {
            let Some(w) = self.next() else { break };
            if let Work::Record(r) = &w {
                bytes += r.bytes.len();
            }
            out.push(w);
        }
        out
    }

    fn record(&mut self, file: &str, entry: warc::Entry) -> Option<Work> {
        let id = format!("{file}#{}", entry.offset());
        if !self.mine(&id) {
            return None;
        }
        let failed = |reason: String| Some(Work::Failed(ErrorLine { path: id.clone(), stage: "read".into(), reason }));
        match entry {
            warc::Entry::Page(p) => {
                if p.body.len() as u64 > self.max_bytes {
                    let e = DocError::TooLarge { size: p.body.len() as u64, limit: self.max_bytes };
                    return failed(e.to_string());
                }
                if let Err(e) = source::check_content(&p.body) {
                    return failed(e.to_string());
                }
                Some(Work::Record(Box::new(RawDoc {
                    id: id.clone(),
                    path: Some(file.to_string()),
                    url: p.url,
                    http_charset: p.http_charset,
                    bytes: p.body,
                    inflated: p.inflated,
                    plain_text: p.plain_text,
                })))
            }
            warc::Entry::Skipped { .. } => {
                self.records_skipped += 1;
                None
            }
            warc::Entry::Malformed { reason, .. } => failed(reason),
        }
    }
}

impl Iterator for Works<'_> {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        loop {
            if let Some((file, records)) = &mut self.warc {
                match records.next() {
                    Some(entry) => {
                        let file = file.clone();
                        match self.record(&file, entry) {
                            Some(w) => return Some(w),
                            None => continue,
                        }
                    }
                    None => {
                        self.warc = None;
                        continue;
                    }
                }
            }
            let input = self.inputs.next()?;
            match &input.path {
                Some(path) if warc::is_warc_name(&input.id) || is_warc_path(path) => {
                    match warc::open(path, self.max_bytes) {
                        Ok(records) => self.warc = Some((input.id.clone(), records)),
                        Err(e) if self.mine(&input.id) => {
                            return Some(Work::Failed(fail(input, "read", &DocError::Io(e))));
                        }
                        Err(_) => {}
                    }
                }
                _ if self.mine(&input.id) => return Some(Work::File(input.clone())),
                _ => {}
            }
        }
    }
}

fn process_work(
    pipeline: &Pipeline,
    work: &Work,
    max_bytes: u64,
    reuse: &dyn Fn(&RawDoc) -> Option<Document>,
) -> Outcome {
    match work {
        Work::File(input) => process_input(pipeline, input, max_bytes, reuse),
        Work::Record(raw) => process_raw(pipeline, raw, reuse),
        Work::Failed(line) => Outcome::Failed(line.clone()),
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

/// The output files of a run being written, chunk by chunk in input order.
struct Written<'a> {
    out: &'a Path,
    journal: Journal,
    docs_out: AtomicFile,
    errors_out: AtomicFile,
    claims_out: AtomicFile,
    tables: Option<crate::columnar::ParquetTables>,
    bar: Option<indicatif::ProgressBar>,
    summary: RunSummary,
    manifest: Manifest,
    /// The document files in place.
    files: BTreeSet<PathBuf>,
}

impl Written<'_> {
    /// Writes one chunk's outcomes.
    fn chunk(&mut self, outcomes: Vec<Outcome>) -> Result<(), RunError> {
        // Withdraw the documents about to be rewritten before touching their files.
        for outcome in &outcomes {
            if let Outcome::Done(doc, false) = outcome {
                self.journal.record(&doc.id, None)?;
            }
        }
        self.journal.sync()?;
        for outcome in outcomes {
            match outcome {
                Outcome::Done(doc, reused) => {
                    self.summary.ok += 1;
                    self.summary.bytes += doc.source.bytes;
                    let path = doc_path(self.out, &doc.id);
                    if reused {
                        self.summary.reused += 1;
                    } else {
                        sink::write_atomic(&path, sink::json_pretty(&*doc).as_bytes())?;
                        self.journal.record(&doc.id, Some(&doc.source.sha256))?;
                    }
                    self.files.insert(path);
                    self.docs_out.write_json_line(&*doc)?;
                    self.claims_out.write(sink::claims_csv_rows(&doc).as_bytes())?;
                    if let Some(t) = &mut self.tables {
                        t.push(&doc)?;
                    }
                    self.manifest.documents.insert(doc.id.clone(), doc.source.sha256.clone());
                }
                Outcome::Failed(line) => {
                    self.summary.failed += 1;
                    self.errors_out.write_json_line(&line)?;
                }
            }
            if let Some(b) = &self.bar {
                b.inc(1);
            }
        }
        self.journal.sync()
    }
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
    let listing = if config.corpus.is_file() {
        // A single WARC file (check_corpus lets no other file through).
        let name = config.corpus.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        source::Listing { inputs: vec![Input { id: name, path: Some(config.corpus.clone()) }], ..Default::default() }
    } else {
        source::list(&config.corpus, &config.select)
    };
    let inputs = listing.inputs;
    let has_warc = inputs.iter().any(|i| warc::is_warc_name(&i.id));
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
    let journal = Journal::open(out, &version)?;
    let docs_out = AtomicFile::create(&out.join("documents.jsonl"))?;
    let mut errors_out = AtomicFile::create(&out.join("errors.jsonl"))?;
    let mut claims_out = AtomicFile::create(&out.join("claims.csv"))?;
    claims_out.write(sink::claims_csv_header().as_bytes())?;
    let tables = if config.parquet { Some(crate::columnar::ParquetTables::create(out)?) } else { None };
    let skipped = listing.skipped.iter().filter(|id| config.shard.map_or(true, |s| s.contains(id))).count();
    let mut summary = RunSummary { skipped, errors_file: out.join("errors.jsonl"), ..RunSummary::default() };
    for e in listing.errors.iter().filter(|e| config.shard.map_or(true, |s| s.contains(&e.path))) {
        summary.failed += 1;
        errors_out.write_json_line(&ErrorLine {
            path: e.path.clone(),
            stage: "list".into(),
            reason: e.reason.clone(),
        })?;
    }
    let bar = if config.progress {
        // WARC files hold an unknown number of pages: a count without a bar.
        let (b, template) = if has_warc || config.shard.is_some() {
            (indicatif::ProgressBar::no_length(), "{pos} docs {per_sec}")
        } else {
            (indicatif::ProgressBar::new(inputs.len() as u64), "{bar:40} {pos}/{len} docs {per_sec} eta {eta}")
        };
        b.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let mut written = Written {
        out,
        journal,
        docs_out,
        errors_out,
        claims_out,
        tables,
        bar,
        summary,
        manifest: Manifest { version, documents: BTreeMap::new() },
        files: BTreeSet::new(),
    };
    let mut works = Works::new(&inputs, config.max_bytes, config.shard);
    // The next chunk is processed while the writer thread puts the last one in place; the
    // rendezvous channel keeps at most two chunks in memory.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(0);
    let writer = std::thread::scope(|s| {
        let writer = s.spawn(move || -> Result<Written<'_>, RunError> {
            for outcomes in rx {
                written.chunk(outcomes)?;
            }
            Ok(written)
        });
        loop {
            let chunk = works.chunk();
            if chunk.is_empty() {
                break;
            }
            let outcomes: Vec<Outcome> =
                chunk.par_iter().map(|work| process_work(pipeline, work, config.max_bytes, &reuse)).collect();
            drop(chunk);
            if tx.send(outcomes).is_err() {
                break; // the writer failed; its error is returned below
            }
        }
        drop(tx);
        writer.join()
    });
    let Written {
        journal, docs_out, errors_out, claims_out, tables, bar, mut summary, manifest, files: written, ..
    } = writer.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    summary.records_skipped = works.records_skipped;
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

/// Processes inputs in parallel chunks, calling `emit` in input order; a WARC file's pages
/// come one by one in the order of its records.
pub fn for_each_ordered(pipeline: &Pipeline, inputs: &[Input], max_bytes: u64, mut emit: impl FnMut(Outcome)) {
    let none = |_: &RawDoc| None;
    let mut works = Works::new(inputs, max_bytes, None);
    loop {
        let chunk = works.chunk();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = chunk.par_iter().map(|w| process_work(pipeline, w, max_bytes, &none)).collect();
        outcomes.into_iter().for_each(&mut emit);
    }
}
