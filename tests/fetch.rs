//! `pressmine fetch` and `run --fetch` against servers started here on 127.0.0.1: charsets
//! in headers, retries, Retry-After, timeouts, redirects, size limits, robots.txt, gzip,
//! revalidation, listings with pagination, hostile paths, politeness measured from the
//! server side, and hostile servers (a gzip bomb, a trickle, a thousand URLs failing in every
//! way). No test touches the internet.

mod common;

use common::http::{Hit, Reply, Server};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const PAGE: &str = "<html><head><title>江苏工业经济运行情况</title></head><body><h1>江苏工业经济运行情况</h1>\
    <p>今年1-7月，全省规上工业增加值同比增长8.2%，高于全国2.3个百分点。</p></body></html>";

fn pressmine(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pressmine")).args(args).output().expect("run pressmine")
}

/// Fetch with test-friendly timing: no spacing, quick backoff, short timeouts.
fn fetch(out: &Path, extra: &[&str]) -> Output {
    fetch_command(out, extra).output().expect("run pressmine")
}

/// The command [`fetch`] runs.
fn fetch_command(out: &Path, extra: &[&str]) -> Command {
    let mut args = vec!["-q", "fetch", "-o", out.to_str().unwrap(), "--delay", "0"];
    for (option, default) in [("--timeout", "2"), ("--backoff", "0.05")] {
        if !extra.contains(&option) {
            args.extend([option, default]);
        }
    }
    args.extend_from_slice(extra);
    let mut command = Command::new(env!("CARGO_BIN_EXE_pressmine"));
    command.args(args);
    command
}

fn log(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("fetch-log.jsonl")).unwrap_or_default();
    text.lines().map(|l| serde_json::from_str(l).expect("log line is JSON")).collect()
}

fn outcome<'a>(log: &'a [Value], url: &str) -> &'a Value {
    log.iter().rev().find(|r| r["url"] == url).unwrap_or_else(|| panic!("no log line for {url}: {log:?}"))
}

fn meta(out: &Path, rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(out.join(format!("{rel}.meta.json"))).expect("sidecar")).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn gbk_page_with_charset_only_in_the_header_decodes_right() {
    let gbk = encoding_rs::GBK.encode(PAGE).0.into_owned();
    let server = Server::start(move |_, _| Reply::with_type(200, "text/html; charset=GBK", gbk.clone()));
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/news/2024/art_1.html");
    let o = fetch(dir.path(), &["--url", &url]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let log = log(dir.path());
    let rec = outcome(&log, &url);
    assert_eq!(rec["outcome"], "ok");
    let rel = rec["path"].as_str().unwrap();
    assert!(rel.ends_with("news/2024/art_1.html"), "{rel}");
    let m = meta(dir.path(), rel);
    assert_eq!(m["charset"], "gbk");
    assert_eq!(m["url"], url.as_str());
    assert_eq!(m["status"], 200);
    assert_eq!(m["bytes"].as_u64().unwrap() as usize, std::fs::read(dir.path().join(rel)).unwrap().len());
    // The stored bytes are the raw GBK response; extract decodes them with the header charset.
    let x = pressmine(&["-q", "extract", dir.path().join(rel).to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&x.stdout).expect("one document");
    assert_eq!(doc["title"], "江苏工业经济运行情况");
    assert_eq!(doc["source"]["url"], url.as_str());
    assert_eq!(doc["source"]["encoding"], "gb18030");
    assert!(doc["text"].as_str().unwrap().contains("规上工业增加值"));
}

#[test]
fn server_errors_are_retried_then_succeed() {
    let server = Server::start(|_, n| if n == 0 { Reply::status(500) } else { Reply::html(PAGE) });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/a.html");
    let o = fetch(dir.path(), &["--url", &url]);
    assert_eq!(code(&o), 0);
    let rec = outcome(&log(dir.path()), &url).clone();
    assert_eq!(rec["outcome"], "ok");
    assert_eq!(rec["attempts"], 2);
    assert_eq!(server.hits_for("/a.html").len(), 2);
}

#[test]
fn retry_after_on_429_is_honoured() {
    let server =
        Server::start(|_, n| if n == 0 { Reply::status(429).header("Retry-After", "1") } else { Reply::html(PAGE) });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/busy.html");
    assert_eq!(code(&fetch(dir.path(), &["--url", &url])), 0);
    let hits = server.hits_for("/busy.html");
    assert_eq!(hits.len(), 2);
    let gap = hits[1].start - hits[0].start;
    assert!(gap >= Duration::from_millis(950), "retried after {gap:?}, Retry-After said 1 s");
}

/// How long the stalled server holds a reply: far beyond the 0.5 s timeout.
const STALL: Duration = Duration::from_secs(20);

#[test]
fn stalled_server_times_out_and_is_reported() {
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/robots.txt" => Reply::status(404),
        _ => Reply::html(PAGE).delayed(STALL),
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/slow.html");
    let t = Instant::now();
    let o = fetch(dir.path(), &["--url", &url, "--timeout", "0.5", "--attempts", "2"]);
    assert_eq!(code(&o), 1);
    let rec = outcome(&log(dir.path()), &url).clone();
    assert_eq!(rec["outcome"], "failed");
    assert_eq!(rec["attempts"], 2);
    assert!(rec["reason"].as_str().unwrap().contains("timed out"), "{rec}");
    let hits = server.hits_for("/slow.html");
    assert_eq!(hits.len(), 2);
    // Ordered by the server's clock, not by a wall-clock budget: the second attempt arrived
    // before the server would have answered the first (0.5 s timeout + at most 1.5 s backoff,
    // against a 20 s stall, leaves any load room), and the whole fetch ended before one stall.
    assert!(
        hits[1].start - hits[0].start < STALL,
        "second attempt {:?} after the first",
        hits[1].start - hits[0].start
    );
    assert!(t.elapsed() < STALL, "took {:?}: the timeout did not cut the stall", t.elapsed());

    // A robots.txt that cannot be read means "disallow all" (RFC 9309): reported, not fetched.
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/robots.txt" => Reply::status(503),
        _ => Reply::html(PAGE),
    });
    let url = server.url("/guarded.html");
    assert_eq!(code(&fetch(dir.path(), &["--url", &url, "--attempts", "1"])), 1);
    assert!(outcome(&log(dir.path()), &url)["reason"].as_str().unwrap().contains("robots.txt unavailable"));
    assert!(server.hits_for("/guarded.html").is_empty());
}

#[test]
fn redirect_chains_are_followed_and_loops_detected() {
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/r1" => Reply::redirect("/r2"),
        "/r2" => Reply::redirect("/r3"),
        "/r3" => Reply::redirect("/final.html"),
        "/final.html" => Reply::html(PAGE),
        "/loop1" => Reply::redirect("/loop2"),
        "/loop2" => Reply::redirect("/loop1"),
        "/ftp" => Reply::redirect("ftp://127.0.0.1/x"),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().unwrap();
    let (chain, looped, ftp) = (server.url("/r1"), server.url("/loop1"), server.url("/ftp"));
    let o = fetch(dir.path(), &["--url", &chain, "--url", &looped, "--url", &ftp]);
    assert_eq!(code(&o), 1);
    let log = log(dir.path());
    let rec = outcome(&log, &chain);
    assert_eq!(rec["outcome"], "ok");
    let m = meta(dir.path(), rec["path"].as_str().unwrap());
    assert_eq!(m["final_url"], server.url("/final.html"));
    assert_eq!(m["url"], chain.as_str());
    let rec = outcome(&log, &looped);
    assert_eq!(rec["outcome"], "failed");
    assert!(rec["reason"].as_str().unwrap().contains("redirect loop"), "{rec}");
    assert_eq!(rec["attempts"], 1, "a loop is not retried");
    assert!(outcome(&log, &ftp)["reason"].as_str().unwrap().contains("unsupported scheme"));
}

#[test]
fn bodies_over_the_limit_are_aborted_with_or_without_length() {
    let big = vec![b'a'; 30_000_000];
    let server = Server::start(move |hit, _| {
        let mut r = Reply::html(big.clone());
        r.no_length = hit.path == "/stream.html";
        r
    });
    let dir = tempfile::tempdir().unwrap();
    let (sized, streamed) = (server.url("/big.html"), server.url("/stream.html"));
    let o = fetch(dir.path(), &["--url", &sized, "--url", &streamed]);
    assert_eq!(code(&o), 1);
    let log = log(dir.path());
    for url in [&sized, &streamed] {
        let rec = outcome(&log, url);
        assert_eq!(rec["outcome"], "failed");
        assert!(rec["reason"].as_str().unwrap().contains("limit"), "{rec}");
    }
    let stored: Vec<_> = walk(dir.path()).into_iter().filter(|p| p.ends_with(".html")).collect();
    assert!(stored.is_empty(), "nothing half-written: {stored:?}");
}

#[test]
fn robots_txt_disallow_is_honoured_unless_ignored() {
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/robots.txt" => Reply::with_type(200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        _ => Reply::html(PAGE),
    });
    let dir = tempfile::tempdir().unwrap();
    let (open, private) = (server.url("/public/1.html"), server.url("/private/1.html"));
    let o = fetch(dir.path(), &["--url", &open, "--url", &private]);
    assert_eq!(code(&o), 0, "robots skips are not failures");
    let log = log(dir.path());
    assert_eq!(outcome(&log, &open)["outcome"], "ok");
    assert_eq!(outcome(&log, &private)["outcome"], "skipped_robots");
    assert!(server.hits_for("/private/1.html").is_empty(), "a disallowed URL is never requested");
    assert_eq!(server.hits_for("/robots.txt").len(), 1, "robots.txt read once per host");
    assert!(server.hits()[0].headers["user-agent"].starts_with("pressmine/"));
    let dir2 = tempfile::tempdir().unwrap();
    assert_eq!(code(&fetch(dir2.path(), &["--url", &private, "--ignore-robots"])), 0);
    assert_eq!(server.hits_for("/private/1.html").len(), 1);
}

#[test]
fn gzip_bodies_are_stored_decoded() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let zipped = gz.finish().unwrap();
    let server = Server::start(move |hit, _| {
        assert!(hit.headers.get("accept-encoding").is_some_and(|a| a.contains("gzip")));
        Reply::html(zipped.clone()).header("Content-Encoding", "gzip")
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/z.html");
    assert_eq!(code(&fetch(dir.path(), &["--url", &url])), 0);
    let rel = outcome(&log(dir.path()), &url)["path"].as_str().unwrap().to_string();
    assert_eq!(std::fs::read(dir.path().join(rel)).unwrap(), PAGE.as_bytes());
}

#[test]
fn second_run_skips_and_refresh_revalidates_with_304() {
    let server = Server::start(|hit, _| {
        if hit.headers.get("if-none-match").is_some_and(|v| v == "\"v1\"") {
            let mut r = Reply::status(304);
            r.body.clear();
            r
        } else {
            Reply::html(PAGE).header("ETag", "\"v1\"").header("Last-Modified", "Wed, 28 Aug 2024 02:00:00 GMT")
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/p.html");
    assert_eq!(code(&fetch(dir.path(), &["--url", &url])), 0);
    let rel = outcome(&log(dir.path()), &url)["path"].as_str().unwrap().to_string();
    let m = meta(dir.path(), &rel);
    assert_eq!(m["etag"], "\"v1\"");
    let modified = std::fs::metadata(dir.path().join(&rel)).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));

    assert_eq!(code(&fetch(dir.path(), &["--url", &url])), 0);
    assert_eq!(outcome(&log(dir.path()), &url)["outcome"], "present");
    assert_eq!(server.hits_for("/p.html").len(), 1, "present pages are not requested again");

    assert_eq!(code(&fetch(dir.path(), &["--url", &url, "--refresh"])), 0);
    assert_eq!(outcome(&log(dir.path()), &url)["outcome"], "not_modified");
    let hits = server.hits_for("/p.html");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[1].headers["if-modified-since"], "Wed, 28 Aug 2024 02:00:00 GMT");
    assert_eq!(std::fs::metadata(dir.path().join(&rel)).unwrap().modified().unwrap(), modified);
    assert_eq!(log(dir.path()).len(), 3, "the log is appended, one line per URL per run");
}

#[test]
fn listing_pages_are_paginated_and_links_resolved() {
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/col/index.html" => Reply::html(
            r#"<ul><li><a href="../art/2024/1.html">一</a></li><li><a href="/art/2024/2.html#top">二</a></li>
               <li><a href="/about.html">关于</a></li></ul><a href="index_1.html">下一页</a>"#,
        ),
        "/col/index_1.html" => Reply::html(
            r#"<a href="http://other.invalid/x.html">外链</a><a href="../art/2024/2.html">二</a>
               <a href="../art/2024/3.html">三</a><a href="index.html">首页</a><a href="index_2.html">下一页</a>"#,
        ),
        "/col/index_2.html" => Reply::html(r#"<a href="../art/2024/4.html">四</a>"#),
        p if p.starts_with("/art/") => Reply::html(PAGE),
        _ => Reply::status(404),
    });
    let dir = tempfile::tempdir().unwrap();
    let listing = server.url("/col/index.html");
    let follow = r"/art/\d+/\d+\.html$";
    let o = fetch(dir.path(), &["--listing", &listing, "--follow", follow, "--next", "下一页", "--max-pages", "2"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let fetched: Vec<String> = log(dir.path())
        .iter()
        .filter(|r| r["outcome"] == "ok")
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = fetched.clone();
    sorted.sort();
    assert_eq!(sorted, ["/art/2024/1.html", "/art/2024/2.html", "/art/2024/3.html"].map(|p| server.url(p)));
    assert!(server.hits_for("/col/index_2.html").is_empty(), "--max-pages 2 stops pagination");
    assert!(server.hits_for("/about.html").is_empty());
    assert!(log(dir.path()).iter().all(|r| r["listing"] == listing.as_str()));
}

#[test]
fn hostile_paths_stay_inside_the_corpus() {
    let server = Server::start(|_, _| Reply::html(PAGE));
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let urls = [
        format!("http://{}/../../etc/passwd", server.addr),
        format!("http://{}/%2e%2e/%2e%2e/etc/passwd", server.addr),
        format!("http://{}/a/..%2f..%2f..%2fetc/passwd?x=../../y", server.addr),
    ];
    let mut args = Vec::new();
    for u in &urls {
        args.extend(["--url", u.as_str()]);
    }
    assert_eq!(code(&fetch(&corpus, &args)), 0);
    for p in walk(dir.path()) {
        assert!(p.starts_with(corpus.to_str().unwrap()), "{p} escaped the corpus");
    }
    // The first two are the same URL once normalized (WHATWG), so they are fetched once.
    let stored = walk(&corpus).into_iter().filter(|p| p.ends_with(".html")).count();
    assert_eq!(stored, 2);
    assert_eq!(log(&corpus).len(), 2);
}

#[test]
fn non_html_and_bad_urls_fail_and_the_rest_is_kept() {
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/doc.pdf" => Reply::with_type(200, "application/pdf", "%PDF-1.4"),
        "/missing.html" => Reply::status(404),
        "/notes.txt" => Reply::with_type(200, "text/plain; charset=utf-8", "江苏新闻\n正文"),
        _ => Reply::html(PAGE),
    });
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("urls.txt");
    let good = server.url("/ok.html");
    std::fs::write(
        &list,
        format!(
            "# press releases\n{good}\n\n{}\n{}\nftp://example.cn/x\n{} # text\n{good}\n",
            server.url("/doc.pdf"),
            server.url("/missing.html"),
            server.url("/notes.txt")
        ),
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let o = fetch(&corpus, &[list.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let log = log(&corpus);
    assert_eq!(log.len(), 5, "duplicates are fetched once: {log:?}");
    assert_eq!(outcome(&log, &good)["outcome"], "ok");
    assert!(outcome(&log, &server.url("/doc.pdf"))["reason"].as_str().unwrap().contains("application/pdf"));
    assert_eq!(outcome(&log, &server.url("/missing.html"))["status"], 404);
    assert_eq!(outcome(&log, &server.url("/missing.html"))["attempts"], 1, "4xx is not retried");
    assert!(outcome(&log, "ftp://example.cn/x")["reason"].as_str().unwrap().contains("scheme"));
    assert!(outcome(&log, &server.url("/notes.txt"))["path"].as_str().unwrap().ends_with("notes.txt"));
    // Usage errors exit 2.
    assert_eq!(code(&pressmine(&["fetch", "-o", corpus.to_str().unwrap()])), 2);
}

#[test]
fn politeness_spacing_and_per_host_concurrency_measured_by_the_server() {
    // Each reply takes 150 ms (400 ms in the concurrency half, so three requests surely overlap).
    let server = Server::start(|hit, _| {
        Reply::html(PAGE).delayed(Duration::from_millis(if hit.path.starts_with("/c/") { 400 } else { 150 }))
    });
    let dir = tempfile::tempdir().unwrap();
    let urls: Vec<String> = (0..6).map(|i| server.url(&format!("/s/{i}.html"))).collect();
    let mut args: Vec<&str> = vec!["-q", "fetch", "-o", dir.path().to_str().unwrap(), "--delay", "0.25"];
    for u in &urls {
        args.extend(["--url", u.as_str()]);
    }
    assert_eq!(code(&pressmine(&args)), 0);
    let mut starts: Vec<Instant> = server.hits().iter().map(|h| h.start).collect();
    starts.sort();
    assert_eq!(starts.len(), 7, "robots.txt + 6 pages");
    // The server sees arrivals, and a loaded machine may hold one back: one late arrival
    // shortens one gap and lengthens the next. So the median gap and the whole span are
    // checked (without spacing, two in flight at a time arrive 0 and 150 ms apart).
    let mut gaps: Vec<Duration> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort();
    assert!(gaps[gaps.len() / 2] >= Duration::from_millis(240), "gaps {gaps:?}, delay is 250 ms");
    let span = starts[starts.len() - 1] - starts[0];
    assert!(span >= Duration::from_millis(5 * 250), "7 requests {span:?} from first to last, delay is 250 ms");

    // No spacing: the per-host cap alone bounds requests in flight.
    let dir = tempfile::tempdir().unwrap();
    let urls: Vec<String> = (0..10).map(|i| server.url(&format!("/c/{i}.html"))).collect();
    let mut args: Vec<&str> =
        vec!["-q", "fetch", "-o", dir.path().to_str().unwrap(), "--delay", "0", "--per-host", "3"];
    for u in &urls {
        args.extend(["--url", u.as_str()]);
    }
    assert_eq!(code(&pressmine(&args)), 0);
    let peak = server.hits().iter().filter(|h| h.path.starts_with("/c/")).map(|h| h.in_flight).max().unwrap();
    assert_eq!(peak, 3, "per-host concurrency 3 reached and never exceeded");
}

#[test]
fn run_with_fetch_goes_from_urls_to_documents_in_one_step() {
    let server = Server::start(|_, _| Reply::html(PAGE));
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("urls.txt");
    std::fs::write(&list, format!("{}\n{}\n", server.url("/1.html"), server.url("/2.html"))).unwrap();
    let out = dir.path().join("out");
    let o = pressmine(&["-q", "run", "--fetch", list.to_str().unwrap(), "-o", out.to_str().unwrap(), "--delay", "0"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let docs = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    let docs: Vec<Value> = docs.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| d["source"]["url"].as_str().unwrap().starts_with("http://127.0.0.1")));
    assert!(docs.iter().all(|d| !d["claims"].as_array().unwrap().is_empty()));
    assert!(out.join("corpus").join("fetch-log.jsonl").is_file());
}

#[test]
fn gzip_bomb_is_cut_at_max_bytes_after_decoding_and_the_batch_goes_on() {
    // 1 GiB of zeros as about 1 MB of gzip: under the 5 MB limit as sent, far over it inflated.
    let bomb = common::gzip_zeros(Vec::new(), 1 << 30);
    assert!(bomb.len() < 5_000_000, "bomb of {} bytes", bomb.len());
    let server = Server::start(move |hit, _| match hit.path.as_str() {
        "/bomb.html" => Reply::html(bomb.clone()).header("Content-Encoding", "gzip"),
        _ => Reply::html(PAGE),
    });
    let dir = tempfile::tempdir().unwrap();
    let (bomb_url, good) = (server.url("/bomb.html"), server.url("/good.html"));
    let mut command =
        fetch_command(dir.path(), &["--url", &bomb_url, "--url", &good, "--max-bytes", "5000000", "--timeout", "10"]);
    let (code, peak_mib) = common::exit_and_peak_rss(&mut command);
    assert_eq!(code, Some(1));
    eprintln!("peak RSS {peak_mib} MiB");
    assert!(peak_mib < 300, "peak RSS {peak_mib} MiB: the body was not cut while inflating");
    let log = log(dir.path());
    assert_eq!(log.len(), 2, "{log:?}");
    let rec = outcome(&log, &bomb_url);
    assert_eq!(rec["outcome"], "failed");
    assert!(rec["reason"].as_str().unwrap().contains("over the limit of 5000000 bytes"), "{rec}");
    assert_eq!(rec["attempts"], 1, "an oversized body is not retried");
    assert_eq!(outcome(&log, &good)["outcome"], "ok");
    let stored: Vec<_> = walk(dir.path()).into_iter().filter(|p| p.ends_with(".html")).collect();
    assert_eq!(stored.len(), 1, "only the good page is stored: {stored:?}");
}

#[test]
fn trickling_server_hits_the_total_timeout_and_the_batch_goes_on() {
    // A byte every 200 ms: no read ever waits long, so only a whole-request deadline ends it
    // (the page would take about a minute to arrive; the attempts stop after 2 s each).
    let server = Server::start(|hit, _| match hit.path.as_str() {
        "/robots.txt" => Reply::status(404),
        "/trickle.html" => Reply::trickle(PAGE, Duration::from_millis(200)),
        _ => Reply::html(PAGE),
    });
    let dir = tempfile::tempdir().unwrap();
    let (slow, good) = (server.url("/trickle.html"), server.url("/good.html"));
    let t = Instant::now();
    let o = fetch(dir.path(), &["--url", &slow, "--url", &good, "--timeout", "2", "--attempts", "2"]);
    assert_eq!(code(&o), 1);
    let log = log(dir.path());
    assert_eq!(log.len(), 2, "{log:?}");
    let rec = outcome(&log, &slow);
    assert_eq!(rec["outcome"], "failed");
    assert_eq!(rec["attempts"], 2, "a timeout is retried");
    assert!(rec["reason"].as_str().unwrap().contains("timed out"), "{rec}");
    assert_eq!(outcome(&log, &good)["outcome"], "ok");
    assert!(t.elapsed() < STALL, "took {:?}", t.elapsed());
}

/// How the thousand-URL server treats page `i`: 30 % fail for good in five ways (60 each),
/// 10 % fail once then succeed, the rest succeed at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fate {
    NotFound,
    ServerError,
    Reset,
    WrongType,
    RedirectLoop,
    FailsOnce,
    Ok,
}

fn fate(i: usize) -> Fate {
    match i % 50 {
        0..=2 => Fate::NotFound,
        3..=5 => Fate::ServerError,
        6..=8 => Fate::Reset,
        9..=11 => Fate::WrongType,
        12..=14 => Fate::RedirectLoop,
        15..=19 => Fate::FailsOnce,
        _ => Fate::Ok,
    }
}

fn numbered_page(i: usize) -> String {
    format!("<html><head><title>第{i}号公告</title></head><body><p>第{i}号：同比增长{i}.5%。</p></body></html>")
}

fn thousand_url_server(hit: &Hit, seen: usize) -> Reply {
    if hit.path == "/robots.txt" {
        return Reply::status(404);
    }
    // /p/{i}.html, or /loop/{i} (the loop's other end).
    let digits: String = hit.path.chars().filter(char::is_ascii_digit).collect();
    let Ok(i) = digits.parse::<usize>() else { return Reply::status(400) };
    if hit.path.starts_with("/loop/") {
        return Reply::redirect(&format!("/p/{i}.html"));
    }
    match fate(i) {
        Fate::NotFound => Reply::status(404),
        Fate::ServerError => Reply::status(500),
        Fate::Reset => Reply::reset(),
        Fate::WrongType => Reply::with_type(200, "application/pdf", "%PDF-1.4"),
        Fate::RedirectLoop => Reply::redirect(&format!("/loop/{i}")),
        Fate::FailsOnce if seen == 0 && i % 2 == 0 => Reply::reset(),
        Fate::FailsOnce if seen == 0 => Reply::status(503),
        Fate::FailsOnce | Fate::Ok => Reply::html(numbered_page(i)),
    }
}

#[test]
fn thousand_urls_failing_every_way_log_each_once_and_store_every_success_whole() {
    let server = Server::start(thousand_url_server);
    let dir = tempfile::tempdir().unwrap();
    let urls: Vec<String> = (0..1000).map(|i| server.url(&format!("/p/{i}.html"))).collect();
    let list = dir.path().join("urls.txt");
    std::fs::write(&list, urls.join("\n")).unwrap();
    let corpus = dir.path().join("corpus");
    let t = Instant::now();
    // No request here stalls: a generous timeout keeps a loaded machine from adding retries.
    let args = [list.to_str().unwrap(), "--per-host", "4", "--attempts", "2", "--backoff", "0.01", "--timeout", "20"];
    let o = fetch(&corpus, &args);
    let took = t.elapsed();
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let log = log(&corpus);
    assert_eq!(log.len(), 1000, "one line per URL");
    let logged: HashSet<&str> = log.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(logged, urls.iter().map(String::as_str).collect(), "every URL exactly once");
    let mut by_fate: BTreeMap<Fate, usize> = BTreeMap::new();
    for (i, url) in urls.iter().enumerate() {
        let rec = outcome(&log, url);
        *by_fate.entry(fate(i)).or_default() += 1;
        let reason = rec["reason"].as_str().unwrap_or("");
        let failed = |needle: &str, attempts: u32| {
            assert_eq!(rec["outcome"], "failed", "{rec}");
            assert!(reason.contains(needle), "{:?}: {rec}", fate(i));
            assert_eq!(rec["attempts"], attempts, "{rec}");
        };
        match fate(i) {
            Fate::NotFound => failed("HTTP 404", 1),
            Fate::ServerError => failed("HTTP 500", 2),
            Fate::Reset => failed("error sending request", 2),
            Fate::WrongType => failed("application/pdf", 1),
            Fate::RedirectLoop => failed("redirect loop", 1),
            Fate::FailsOnce | Fate::Ok => {
                assert_eq!(rec["outcome"], "ok", "{rec}");
                assert_eq!(rec["attempts"], if fate(i) == Fate::Ok { 1 } else { 2 }, "{rec}");
                let rel = rec["path"].as_str().unwrap();
                let stored = std::fs::read(corpus.join(rel)).unwrap();
                assert_eq!(stored, numbered_page(i).as_bytes(), "{rel} complete");
                assert_eq!(meta(&corpus, rel)["bytes"], stored.len());
            }
        }
    }
    assert_eq!(by_fate.values().copied().collect::<Vec<_>>(), [60, 60, 60, 60, 60, 100, 600]);
    let pages = walk(&corpus).into_iter().filter(|p| p.ends_with(".html")).count();
    assert_eq!(pages, 700, "every success stored, nothing else");
    eprintln!("1,000 URLs fetched in {took:?}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}
