//! Fetch throughput with politeness off against a local server (`cargo bench --bench fetch`).
//!
//! A keep-alive HTTP server on 127.0.0.1 (tests/common/http.rs) serves a ~50 KB real page
//! at every path; the real binary fetches `PRESSMINE_BENCH_URLS` distinct URLs (default
//! 10,000; also 1,000 to show memory stays flat) with `--delay 0`, 32 requests in flight,
//! into a fresh directory. Median of 3 runs → pages/s and MB/s, and the child's peak RSS.

mod common;

#[path = "../tests/common/http.rs"]
mod http;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let page = std::fs::read(root().join("corpus/realpages/03-people-finance.html")).unwrap();
    let mut body = page.clone();
    while body.len() < 50_000 {
        body.extend_from_slice(&page);
    }
    let size = body.len();
    let server = http::Server::start(move |_, _| http::Reply::html(body.clone()));
    let bin = root().join("target/release/pressmine");
    let big: usize = std::env::var("PRESSMINE_BENCH_URLS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    for n in [1_000, big] {
        let dir = std::env::temp_dir().join("pressmine-bench-fetch");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let list = dir.join("urls.txt");
        let urls: String = (0..n).map(|i| server.url(&format!("/art/{}/{i}.html", i % 100)) + "\n").collect();
        std::fs::write(&list, urls).unwrap();
        let mut times = Vec::new();
        let mut rss = 0;
        for k in 0..3 {
            let out = dir.join(format!("corpus-{k}"));
            let t = Instant::now();
            let (ok, peak) =
                common::run_measured(Command::new(&bin).args(["-q", "fetch"]).arg(&list).arg("-o").arg(&out).args([
                    "--delay",
                    "0",
                    "--per-host",
                    "32",
                    "--concurrency",
                    "32",
                ]));
            times.push(t.elapsed().as_secs_f64());
            assert!(ok, "fetch failed");
            rss = rss.max(peak);
            let _ = std::fs::remove_dir_all(&out);
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let m = times[1];
        println!(
            "fetch {n:>6} URLs  {:>7.0} pages/s  {:>6.1} MB/s  (median {m:.2} s, {} KB a page)  peak RSS {} MB",
            n as f64 / m,
            (n * size) as f64 / 1e6 / m,
            size / 1000,
            rss / 1024
        );
    }
}
