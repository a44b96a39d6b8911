//! Time and peak memory on one runaway page (`cargo bench --bench huge`): the release binary
//! runs over a corpus holding a single ~50 MB HTML page of 1.3 million short paragraphs
//! (about 17 million characters of body), whose body is cut at
//! `pressmine::pipeline::MAX_BODY_CHARS`. Prints wall-clock seconds and the child's peak RSS.
//! `PRESSMINE_BENCH_MB` sets the page size in MB.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let mb: usize = std::env::var("PRESSMINE_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join("pressmine-bench-huge");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    let mut page = String::from("<html><body>");
    while page.len() < mb * 1024 * 1024 {
        page.push_str("<div><p>今年1-7月，全省规上工业增加值同比增长8.2%。</p></div>\n");
    }
    std::fs::write(dir.join("corpus/big.html"), &page).unwrap();
    let started = Instant::now();
    let (ok, rss_kib) = common::run_measured(
        Command::new(root.join("target/release/pressmine"))
            .env("PRESSMINE_PATTERNS", root.join("patterns"))
            .args(["-q", "run"])
            .arg(dir.join("corpus"))
            .arg("-o")
            .arg(dir.join("out")),
    );
    assert!(ok, "the run failed");
    println!(
        "one {:.0} MB page: {:.2} s, peak RSS {} MB",
        page.len() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        rss_kib / 1024
    );
    let _ = std::fs::remove_dir_all(&dir);
}
