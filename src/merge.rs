//! Joins the outputs of `run --shard 1/N` … `run --shard N/N` into one output directory that
//! is byte-identical to what a single `run` over the whole corpus writes: `documents.jsonl`,
//! `claims.csv`, `errors.jsonl`, `docs/` and the run state `.pressmine-state.json`.
//!
//! Each shard wrote its part in the order `run` reads inputs ([`order_key`]), so the merge
//! is a streaming k-way merge holding one document per shard: memory does not grow with the
//! corpus. Documents keep their exact bytes (`documents.jsonl` lines and `docs/*.json` are
//! copied); `claims.csv` rows are written from each document as `run` writes them.
//!
//! It refuses shards made by different builds or patterns (their run states name different
//! versions) and shards that overlap (one id in two of them). It never re-extracts anything.

use crate::error::RunError;
use crate::model::Document;
use crate::run::{doc_path, ErrorLine};
use crate::sink::{self, AtomicFile};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// What a merge wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Output directories read.
    pub shards: usize,
    /// Documents written.
    pub documents: usize,
    /// Lines of errors.jsonl written.
    pub failed: usize,
}

impl std::fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} outputs merged: {} documents, {} failed inputs", self.shards, self.documents, self.failed)
    }
}

/// The run state as `run` writes it (`.pressmine-state.json`).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: String,
    documents: BTreeMap<String, String>,
}

const MANIFEST: &str = ".pressmine-state.json";

/// Where an input id comes in the order `run` reads inputs: the `/`-separated components of
/// its path (a corpus is walked depth-first, names sorted byte-wise, which is the order of
/// these component lists), then, for a WARC record id `<file>#<offset>` (the file ending in
/// `.warc` or `.warc.gz`), the record offset as a number.
pub fn order_key(id: &str) -> (Vec<&str>, Option<u64>) {
    if let Some((file, offset)) = id.rsplit_once('#') {
        let warc = crate::warc::is_warc_name(file);
        if let (true, Ok(n)) = (warc, offset.parse::<u64>()) {
            if !offset.is_empty() && offset.bytes().all(|b| b.is_ascii_digit()) {
                return (file.split('/').collect(), Some(n));
            }
        }
    }
    (id.split('/').collect(), None)
}

/// Order of errors.jsonl lines: listing failures first (as `run` writes them), then by input.
fn error_key(line: &ErrorLine) -> (bool, (Vec<&str>, Option<u64>)) {
    (line.stage != "list", order_key(&line.path))
}

fn input_err(message: String) -> RunError {
    RunError::Input(message)
}

fn read_err(path: &Path) -> impl Fn(std::io::Error) -> RunError + '_ {
    move |source| RunError::Output { path: path.to_path_buf(), source }
}

/// One shard's documents.jsonl, read a line ahead.
struct DocStream {
    dir: PathBuf,
    lines: std::io::Lines<std::io::BufReader<std::fs::File>>,
    head: Option<(String, Document)>,
    file: PathBuf,
    line_no: usize,
}

impl DocStream {
    fn open(dir: &Path) -> Result<Self, RunError> {
        let file = dir.join("documents.jsonl");
        let f = std::fs::File::open(&file).map_err(read_err(&file))?;
        let mut s =
            Self { dir: dir.to_path_buf(), lines: std::io::BufReader::new(f).lines(), head: None, file, line_no: 0 };
        s.advance()?;
        Ok(s)
    }

    fn advance(&mut self) -> Result<(), RunError> {
        self.head = None;
        for line in self.lines.by_ref() {
            self.line_no += 1;
            let line = line.map_err(read_err(&self.file))?;
            if line.trim().is_empty() {
                continue;
            }
            let doc: Document = serde_json::from_str(&line).map_err(|e| {
                input_err(format!("{}:{}: not a pressmine document ({e})", self.file.display(), self.line_no))
            })?;
            self.head = Some((line, doc));
            break;
        }
        Ok(())
    }
}

/// One shard's errors.jsonl, read a line ahead.
struct ErrorStream {
    lines: std::io::Lines<std::io::BufReader<std::fs::File>>,
    head: Option<(String, ErrorLine)>,
    file: PathBuf,
}

impl ErrorStream {
    fn open(dir: &Path) -> Result<Self, RunError> {
        let file = dir.join("errors.jsonl");
        let f = std::fs::File::open(&file).map_err(read_err(&file))?;
        let mut s = Self { lines: std::io::BufReader::new(f).lines(), head: None, file };
        s.advance()?;
        Ok(s)
    }

    fn advance(&mut self) -> Result<(), RunError> {
        self.head = None;
        for line in self.lines.by_ref() {
            let line = line.map_err(read_err(&self.file))?;
            if line.trim().is_empty() {
                continue;
            }
            let parsed: ErrorLine = serde_json::from_str(&line)
                .map_err(|e| input_err(format!("{}: not a pressmine error line ({e})", self.file.display())))?;
            self.head = Some((line, parsed));
            break;
        }
        Ok(())
    }
}

/// Checks that `dir` is a finished `run` output and reads its run state.
fn read_shard(dir: &Path) -> Result<Manifest, RunError> {
    let d = dir.display();
    if !dir.is_dir() {
        return Err(input_err(format!("{d}: no such folder; give the output folders of `pressmine run --shard K/N`")));
    }
    for f in ["documents.jsonl", "errors.jsonl", MANIFEST] {
        if !dir.join(f).is_file() {
            return Err(input_err(format!(
                "{d}: not a finished pressmine output ({f} missing); run `pressmine run CORPUS --shard K/N -o {d}` to the end first"
            )));
        }
    }
    let path = dir.join(MANIFEST);
    let bytes = std::fs::read(&path).map_err(read_err(&path))?;
    serde_json::from_slice(&bytes).map_err(|e| input_err(format!("{}: unreadable run state ({e})", path.display())))
}

/// Merges shard outputs into `output` (created if missing; files a previous merge or run left
/// there are replaced, stale `docs/` files removed).
///
/// # Errors
/// A shard folder that is missing or unfinished, shards of different builds or patterns,
/// overlapping shards, an output folder that is one of the shards, or I/O failures.
pub fn merge(shards: &[PathBuf], output: &Path) -> Result<MergeSummary, RunError> {
    if shards.is_empty() {
        return Err(input_err("nothing to merge: give the output folders of the shards".into()));
    }
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut seen = BTreeSet::new();
    for s in shards {
        if !seen.insert(canonical(s)) {
            return Err(input_err(format!("{}: given twice", s.display())));
        }
    }
    if seen.contains(&canonical(output)) {
        return Err(input_err(format!("{}: is one of the shards; give -o a new folder", output.display())));
    }
    let manifests = shards.iter().map(|s| read_shard(s)).collect::<Result<Vec<_>, _>>()?;
    let version = manifests[0].version.clone();
    for (s, m) in shards.iter().zip(&manifests).skip(1) {
        if m.version != version {
            return Err(input_err(format!(
                "{} and {}: made by different builds or patterns (run states {} and {}); run every shard with the same \
                 pressmine executable and patterns",
                shards[0].display(),
                s.display(),
                &version[..version.len().min(12)],
                &m.version[..m.version.len().min(12)]
            )));
        }
    }
    if output.exists() && !output.is_dir() {
        return Err(input_err(format!("{}: is a file, not a folder; give -o a folder", output.display())));
    }
    std::fs::create_dir_all(output.join("docs")).map_err(read_err(output))?;
    sink::remove_temp_files(output);

    let mut summary = MergeSummary { shards: shards.len(), ..MergeSummary::default() };
    let mut docs_out = AtomicFile::create(&output.join("documents.jsonl"))?;
    let mut claims_out = AtomicFile::create(&output.join("claims.csv"))?;
    let mut errors_out = AtomicFile::create(&output.join("errors.jsonl"))?;
    claims_out.write(sink::claims_csv_header().as_bytes())?;
    let mut manifest = Manifest { version, documents: BTreeMap::new() };
    let mut written = BTreeSet::new();

    let mut streams = shards.iter().map(|s| DocStream::open(s)).collect::<Result<Vec<_>, _>>()?;
    loop {
        let next = streams
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.head.as_ref().map(|(_, d)| (i, d)))
            .min_by(|a, b| order_key(&a.1.id).cmp(&order_key(&b.1.id)))
            .map(|(i, _)| i);
        let Some(i) = next else { break };
        let stream = &mut streams[i];
        let Some((line, doc)) = stream.head.take() else { break };
        if manifest.documents.contains_key(&doc.id) {
            return Err(input_err(format!(
                "{}: document {} is in another shard too; merge the outputs of one split (--shard K/N with one N)",
                stream.dir.display(),
                doc.id
            )));
        }
        let from = doc_path(&stream.dir, &doc.id);
        let to = doc_path(output, &doc.id);
        let bytes = std::fs::read(&from).map_err(read_err(&from))?;
        sink::write_atomic(&to, &bytes)?;
        written.insert(to);
        docs_out.write(line.as_bytes())?;
        docs_out.write(b"\n")?;
        claims_out.write(sink::claims_csv_rows(&doc).as_bytes())?;
        manifest.documents.insert(doc.id.clone(), doc.source.sha256.clone());
        summary.documents += 1;
        stream.advance()?;
    }

    let mut streams = shards.iter().map(|s| ErrorStream::open(s)).collect::<Result<Vec<_>, _>>()?;
    loop {
        let next = streams
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.head.as_ref().map(|(_, l)| (i, l)))
            .min_by(|a, b| error_key(a.1).cmp(&error_key(b.1)))
            .map(|(i, _)| i);
        let Some(i) = next else { break };
        let Some((line, _)) = streams[i].head.take() else { break };
        errors_out.write(line.as_bytes())?;
        errors_out.write(b"\n")?;
        summary.failed += 1;
        streams[i].advance()?;
    }

    docs_out.finish()?;
    claims_out.finish()?;
    errors_out.finish()?;
    sink::write_atomic(&output.join(MANIFEST), sink::json_pretty(&manifest).as_bytes())?;
    let _ = std::fs::remove_file(output.join(".pressmine-journal.jsonl"));
    for entry in walkdir::WalkDir::new(output.join("docs")).into_iter().flatten() {
        if entry.file_type().is_file() && !written.contains(entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::order_key;

    #[test]
    fn order_is_the_walk_order() {
        let mut ids = ["a-c.html", "a/b.html", "a.warc.gz#1000", "a.warc.gz#999", "a.warc.gz", "b#5", "a.warc.gz.html"];
        ids.sort_by(|x, y| order_key(x).cmp(&order_key(y)));
        assert_eq!(
            ids,
            ["a/b.html", "a-c.html", "a.warc.gz", "a.warc.gz#999", "a.warc.gz#1000", "a.warc.gz.html", "b#5"]
        );
    }
}
