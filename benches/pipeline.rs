//! Throughput benchmarks (a harness of its own: `cargo bench --bench pipeline`).
//!
//! 1. End to end: the real binary runs `pressmine run` over a synthetic corpus built from
//!    the real pages (their layouts as templates, bodies re-filled with real sentences from
//!    the corpus, to about 50 KB a page), with 1 and 2 threads; median wall time of 3 runs → pages/s and MB/s,
//!    and the peak RSS of the child. `PRESSMINE_BENCH_PAGES` sets the corpus size
//!    (default 20000 pages of about 50 KB); `PRESSMINE_BENCH_OUT` the folder the runs write
//!    to (default: the temporary directory).
//! 2. The same over corpus/realpages repeated 20 times.
//! 3. In process, one thread: time per stage over the real pages (decode+clean+segment vs
//!    claims+initiatives), and the recognizer alone in MB/s of body text.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn real_pages() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("corpus/realpages"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// Sentences of real body text, from the committed output.
fn sentences() -> Vec<String> {
    let jsonl = std::fs::read_to_string(root().join("output/documents.jsonl")).unwrap();
    let mut out = Vec::new();
    for line in jsonl.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        out.extend(text.split_inclusive('。').map(|s| s.trim().to_string()).filter(|s| s.chars().count() > 10));
    }
    out
}

/// Writes `n` synthetic pages of about 50 KB into `dir` (deterministic).
fn synthetic_corpus(dir: &Path, n: usize) -> u64 {
    let templates: Vec<String> = real_pages()
        .into_iter()
        .filter_map(|(_, b)| String::from_utf8(b).ok())
        .filter(|s| s.contains("</body>") && s.len() <= 45_000)
        .collect();
    let sents = sentences();
    std::fs::create_dir_all(dir).unwrap();
    let mut total = 0;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..n {
        let t = &templates[i % templates.len()];
        let mut body = String::from("<div class=\"article\">");
        while t.len() + body.len() < 50_000 {
            body.push_str("<p>");
            for _ in 0..4 {
                body.push_str(&sents[(next() % sents.len() as u64) as usize]);
            }
            body.push_str("</p>\n");
        }
        body.push_str(&format!("<!-- page {i} --></div></body>"));
        let page = t.replacen("</body>", &body, 1);
        total += page.len() as u64;
        std::fs::write(dir.join(format!("{:05}.html", i)), page).unwrap();
    }
    total
}

/// Where the runs write: `PRESSMINE_BENCH_OUT` if set (a tmpfs such as /dev/shm leaves the
/// file system out of the timing), else the temporary directory.
fn out_dir() -> PathBuf {
    std::env::var_os("PRESSMINE_BENCH_OUT").map(PathBuf::from).unwrap_or_else(std::env::temp_dir)
}

fn bench_run(label: &str, corpus: &Path, bytes: u64, pages: usize) {
    let bin = root().join("target/release/pressmine");
    for threads in ["1", "2"] {
        let mut times = Vec::new();
        let mut rss = 0;
        for k in 0..3 {
            let out = out_dir().join(format!("pressmine-bench-out-{threads}-{k}"));
            let _ = std::fs::remove_dir_all(&out);
            let t = Instant::now();
            let (ok, peak) = common::run_measured(
                Command::new(&bin).args(["-q", "--threads", threads, "run"]).arg(corpus).arg("-o").arg(&out),
            );
            times.push(t.elapsed().as_secs_f64());
            assert!(ok);
            rss = rss.max(peak);
            let _ = std::fs::remove_dir_all(&out);
        }
        let m = median(times);
        println!(
            "{label:<28} threads={threads}  {:>8.0} pages/s  {:>6.1} MB/s  (median {m:.2} s, {pages} pages, {:.0} MB)  peak RSS {} MB",
            pages as f64 / m,
            bytes as f64 / 1e6 / m,
            bytes as f64 / 1e6,
            rss / 1024
        );
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // `cargo test --benches` probes; nothing to list.
    }
    let st = Command::new(env!("CARGO")).args(["build", "--release", "-q"]).current_dir(root()).status().unwrap();
    assert!(st.success());
    let pages: usize = std::env::var("PRESSMINE_BENCH_PAGES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let synth = root().join("target/bench-corpus/synthetic");
    let _ = std::fs::remove_dir_all(&synth);
    let bytes = synthetic_corpus(&synth, pages);
    bench_run("synthetic corpus", &synth, bytes, pages);

    let real = root().join("target/bench-corpus/realpages-x20");
    let _ = std::fs::remove_dir_all(&real);
    std::fs::create_dir_all(&real).unwrap();
    let mut real_bytes = 0;
    let mut n = 0;
    for r in 0..20 {
        for (name, b) in real_pages() {
            // A trailing comment keeps each copy's sha256 distinct.
            let mut b = b.clone();
            b.extend_from_slice(format!("\n<!-- copy {r} -->\n").as_bytes());
            real_bytes += b.len() as u64;
            n += 1;
            std::fs::write(real.join(format!("{r:02}-{name}")), b).unwrap();
        }
    }
    bench_run("realpages x20", &real, real_bytes, n);

    // In process, one thread: stage times over the real pages.
    let pipeline = pressmine::pipeline::Pipeline::load(&root().join("patterns")).unwrap();
    let pages = real_pages();
    let mut front = Vec::new();
    let mut extract = Vec::new();
    let mut text_bytes = 0usize;
    for _ in 0..5 {
        let (mut f, mut e) = (0.0, 0.0);
        text_bytes = 0;
        for (name, b) in &pages {
            let t = Instant::now();
            let d = pressmine::decode::decode(b, None);
            let c = pressmine::clean::clean(&d.text, false, pipeline.clean_rules());
            let text = c.paragraphs.join("\n");
            let seg = pipeline.segmenter().segment(&text);
            f += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let x = pipeline.extractor().extract(&text, &seg, c.published.as_deref(), c.title.as_deref());
            e += t.elapsed().as_secs_f64();
            std::hint::black_box((name, x));
            text_bytes += text.len();
        }
        front.push(f);
        extract.push(e);
    }
    let (f, e) = (median(front), median(extract));
    println!(
        "in-process, 1 thread, {} real pages: decode+clean+segment {:.1} ms, claims+initiatives {:.1} ms ({:.0}% of the total); recognizers {:.1} MB/s of body text",
        pages.len(),
        f * 1e3,
        e * 1e3,
        100.0 * e / (f + e),
        text_bytes as f64 / 1e6 / e
    );
}
