//! Times `pressmine report` on a synthetic corpus output made by copying the documents of
//! `output/` (each copy with its own id) up to `PRESSMINE_REPORT_DOCS` documents (default
//! 20,000): runs the release binary three times into a fresh folder and prints each time and
//! the median.
//!
//! ```sh
//! cargo build --release && cargo run --release --example report_speed
//! ```

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let n: usize = std::env::var("PRESSMINE_REPORT_DOCS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let threads = std::env::var("PRESSMINE_REPORT_THREADS").ok();
    let bin = root.join("target/release/pressmine");
    let work = root.join("target/bench-report");
    let out = work.join("out");
    std::fs::create_dir_all(&out).expect("target/bench-report");
    let lines: Vec<String> =
        std::io::BufReader::new(std::fs::File::open(root.join("output/documents.jsonl")).expect("output/"))
            .lines()
            .map(|l| l.expect("a line"))
            .filter(|l| !l.trim().is_empty())
            .collect();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out.join("documents.jsonl")).expect("documents.jsonl"));
    let mut bytes = 0;
    for i in 0..n {
        let mut doc: serde_json::Value = serde_json::from_str(&lines[i % lines.len()]).expect("a document");
        let id = format!("copy{:05}/{}", i / lines.len(), doc["id"].as_str().unwrap_or("doc"));
        doc["id"] = serde_json::Value::String(id);
        let line = serde_json::to_string(&doc).expect("json");
        bytes += line.len() + 1;
        writeln!(w, "{line}").expect("write");
    }
    w.flush().expect("flush");
    println!("{n} documents, {:.0} MB of documents.jsonl", bytes as f64 / 1e6);
    let mut times = Vec::new();
    for run in 1..=3 {
        let site = work.join("site");
        let _ = std::fs::remove_dir_all(&site);
        let started = Instant::now();
        let mut cmd = std::process::Command::new(&bin);
        cmd.env("PRESSMINE_PATTERNS", root.join("patterns"));
        if let Some(t) = &threads {
            cmd.args(["--threads", t]);
        }
        let status = cmd
            .args(["-q", "report"])
            .arg(&out)
            .arg("-o")
            .arg(&site)
            .status()
            .expect("target/release/pressmine runs (cargo build --release)");
        assert!(status.success());
        let secs = started.elapsed().as_secs_f64();
        println!("run {run}: {secs:.2} s ({:.0} documents/s)", n as f64 / secs);
        times.push(secs);
    }
    times.sort_by(f64::total_cmp);
    println!("median: {:.2} s ({:.0} documents/s)", times[1], n as f64 / times[1]);
}
