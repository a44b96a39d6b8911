//! A `run` killed at any instant (SIGKILL) and started again reuses the documents it had
//! finished, writes the same documents.jsonl, claims.csv and errors.jsonl as a run never
//! interrupted, and leaves no temporary file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pressmine"));
    c.env("PRESSMINE_PATTERNS", root().join("patterns"));
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies every page of corpus/ `times` times into `dir`, with one broken input.
fn corpus(dir: &Path, times: usize) {
    let pages: Vec<PathBuf> = walkdir(&root().join("corpus"))
        .into_iter()
        .filter(|p| pressmine::source::is_document_name(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    for n in 0..times {
        let sub = dir.join(format!("copy{n:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for (i, p) in pages.iter().enumerate() {
            let name = format!("{i:03}-{}", p.file_name().unwrap().to_string_lossy());
            std::fs::copy(p, sub.join(name)).unwrap();
        }
    }
    std::fs::write(dir.join("empty.html"), "").unwrap();
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn aggregates(out: &Path) -> Vec<(String, Vec<u8>)> {
    ["documents.jsonl", "claims.csv", "errors.jsonl"]
        .iter()
        .map(|f| (f.to_string(), std::fs::read(out.join(f)).unwrap_or_default()))
        .collect()
}

fn temp_files(out: &Path) -> Vec<PathBuf> {
    walkdir(out)
        .into_iter()
        .filter(|p| pressmine::sink::is_temp_name(&p.file_name().unwrap().to_string_lossy()))
        .collect()
}

#[test]
fn killed_runs_resume_to_the_same_output() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("corpus");
    corpus(&c, 4);
    let args = |out: &Path| {
        vec!["-q".to_string(), "run".into(), c.display().to_string(), "-o".into(), out.display().to_string()]
    };
    // The uninterrupted run, timed to choose when to kill the others.
    let whole = tmp.path().join("whole");
    let started = Instant::now();
    let o = bin().args(args(&whole)).output().unwrap();
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let want = aggregates(&whole);

    let out = tmp.path().join("killed");
    // Five kills at random moments, one in each fifth of the uninterrupted run's length
    // (the resumed runs are faster, so late kills may find the run finished).
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    eprintln!("kill delays from seed {seed}");
    for k in 0..5 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = took.mul_f64((k as f64 + (seed % 1000) as f64 / 1000.0) / 5.0);
        let mut child = bin().args(args(&out)).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
    }
    let o = bin().args(["run", &c.display().to_string(), "-o", &out.display().to_string()]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&o.stderr);
    let reused: usize = summary
        .split(" reused)")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no reuse count in {summary}"));
    assert!(reused > 0, "nothing reused after the killed runs: {summary}");
    for ((name, got), (_, want)) in aggregates(&out).iter().zip(&want) {
        assert!(got == want, "{name} differs from the uninterrupted run's");
    }
    assert_eq!(temp_files(&out), Vec::<PathBuf>::new());
    assert!(!out.join(".pressmine-journal.jsonl").exists());

    // A temporary file a dead process left is removed at start.
    let stale = out.join("documents.jsonl.tmp999999");
    std::fs::write(&stale, "half").unwrap();
    std::fs::write(out.join("docs/copy00/x.json.tmp424242"), "half").unwrap();
    let o = bin().args(args(&out)).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(temp_files(&out), Vec::<PathBuf>::new());
    assert_eq!(aggregates(&out), want);
}
