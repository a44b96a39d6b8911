//! `pressmine fetch`: downloads press-release pages over HTTP(S) into a corpus directory
//! that `run` reads, politely (per-host concurrency and spacing, robots.txt, Retry-After),
//! with retries, size and time limits, and resumably (atomic writes, skip what is present,
//! conditional revalidation with `--refresh`). Each stored page gets a `.meta.json` sidecar
//! ([`Meta`]) and every URL's outcome goes to `fetch-log.jsonl` in the corpus directory.
//!
//! It stores raw bytes (content encodings undone) and never decodes or cleans a page: that is
//! `decode` and `clean`, run later by `run`. Listing pages are decoded only to find links.

pub mod naming;
pub mod robots;

use crate::error::FetchError;
use crate::hash::sha256_hex;
pub use crate::source::Meta;
use naming::Kind;
use regex::Regex;
use reqwest::header::{self, HeaderMap};
use reqwest::{StatusCode, Url};
use robots::Robots;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{mpsc, OnceCell, Semaphore};

/// Name of the JSON Lines log written (appended) in the corpus directory.
pub const LOG_NAME: &str = "fetch-log.jsonl";
/// Default `User-Agent`.
pub const DEFAULT_USER_AGENT: &str =
    concat!("pressmine/", env!("CARGO_PKG_VERSION"), " (+https://github.com/pressmine/pressmine)");
/// Default largest body accepted, in bytes (20 MB).
pub const DEFAULT_MAX_BYTES: u64 = 20_000_000;
/// Largest robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).
const ROBOTS_MAX_BYTES: u64 = 512 * 1024;
/// Most redirects followed for one request.
const MAX_REDIRECTS: usize = 10;

/// Options of a fetch.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Corpus directory the pages are stored in.
    pub out: PathBuf,
    /// `User-Agent` header; its first word (before `/`) is the robots.txt product token.
    pub user_agent: String,
    /// Requests in flight to one host at a time.
    pub per_host: usize,
    /// Least time between the starts of two requests to one host.
    pub delay: Duration,
    /// Requests in flight in all.
    pub concurrency: usize,
    /// TCP + TLS connect timeout.
    pub connect_timeout: Duration,
    /// Whole-request timeout (connect, redirects, body).
    pub timeout: Duration,
    /// Attempts per URL in all (1 = no retry).
    pub attempts: u32,
    /// First retry waits about this long; each further retry doubles it (with jitter).
    pub backoff: Duration,
    /// Longest `Retry-After` (or `Crawl-delay`) honoured; longer values are cut to this.
    pub max_wait: Duration,
    /// Largest body accepted, in bytes; larger responses are aborted and reported.
    pub max_bytes: u64,
    /// Honour robots.txt.
    pub robots: bool,
    /// Revalidate stored pages (If-None-Match / If-Modified-Since) instead of skipping them.
    pub refresh: bool,
    /// Runtime worker threads (None: all cores).
    pub threads: Option<usize>,
    /// Show a progress bar.
    pub progress: bool,
}

impl FetchConfig {
    /// The documented defaults, storing into `out`.
    pub fn new(out: PathBuf) -> Self {
        Self {
            out,
            user_agent: DEFAULT_USER_AGENT.to_string(),
            per_host: 2,
            delay: Duration::from_secs(1),
            concurrency: 16,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            attempts: 3,
            backoff: Duration::from_secs(1),
            max_wait: Duration::from_secs(120),
            max_bytes: DEFAULT_MAX_BYTES,
            robots: true,
            refresh: false,
            threads: None,
            progress: false,
        }
    }
}

/// A column's listing page(s) whose article links are fetched.
#[derive(Debug, Clone)]
pub struct Listing {
    /// First listing page.
    pub url: String,
    /// Article links to fetch: absolute URLs matching this.
    pub follow: Regex,
    /// The next listing page: the first link whose absolute URL or text matches this.
    pub next: Option<Regex>,
    /// Most listing pages read.
    pub max_pages: usize,
}

/// How one URL ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fetched and stored.
    Ok,
    /// Revalidated with `--refresh`: the server answered 304, the file is untouched.
    NotModified,
    /// Already stored by an earlier fetch; not requested again.
    Present,
    /// robots.txt disallows it; not requested.
    SkippedRobots,
    /// Not stored; `reason` says why.
    Failed,
}

/// One line of `fetch-log.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogRecord {
    /// URL as given.
    pub url: String,
    /// Outcome.
    pub outcome: Status,
    /// Why it failed or was skipped.
    pub reason: Option<String>,
    /// Last HTTP status seen.
    pub status: Option<u16>,
    /// Requests made for it (0 when none was needed).
    pub attempts: u32,
    /// Milliseconds from its first request (or check) to its outcome.
    pub elapsed_ms: u64,
    /// Stored file, relative to the corpus directory.
    pub path: Option<String>,
    /// Listing page that led to it, in listing mode.
    pub listing: Option<String>,
}

/// Counts reported at the end of a fetch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FetchSummary {
    /// Pages fetched and stored.
    pub ok: usize,
    /// Pages revalidated as unchanged.
    pub not_modified: usize,
    /// Pages already stored, skipped.
    pub present: usize,
    /// URLs robots.txt disallows.
    pub skipped_robots: usize,
    /// URLs that failed.
    pub failed: usize,
    /// Bytes stored.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl FetchSummary {
    fn count(&mut self, r: &LogRecord, bytes: u64) {
        match r.outcome {
            Status::Ok => self.ok += 1,
            Status::NotModified => self.not_modified += 1,
            Status::Present => self.present += 1,
            Status::SkippedRobots => self.skipped_robots += 1,
            Status::Failed => self.failed += 1,
        }
        self.bytes += bytes;
    }

    /// URLs handled in all.
    pub fn total(&self) -> usize {
        self.ok + self.not_modified + self.present + self.skipped_robots + self.failed
    }
}

impl std::fmt::Display for FetchSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rate = if self.seconds > 0.0 { self.ok as f64 / self.seconds } else { 0.0 };
        write!(
            f,
            "{} fetched, {} not modified, {} already present, {} disallowed by robots.txt, {} failed; \
             {:.1} MB in {:.2} s, {:.1} pages/s",
            self.ok,
            self.not_modified,
            self.present,
            self.skipped_robots,
            self.failed,
            self.bytes as f64 / 1e6,
            self.seconds,
            rate
        )
    }
}

/// URLs of a list file: one per line, `#` comments and blank lines ignored.
pub fn parse_url_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(before, _)| before).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Fetches `urls` and the articles of `listings` into `config.out`, appending every outcome
/// to `fetch-log.jsonl` there.
///
/// # Errors
/// Only trouble that stops the whole fetch: the corpus directory or the log cannot be
/// written, the HTTP client or runtime cannot start. A failing URL is a log line.
pub fn fetch(config: &FetchConfig, urls: &[String], listings: &[Listing]) -> Result<FetchSummary, FetchError> {
    let started = Instant::now();
    std::fs::create_dir_all(&config.out).map_err(|e| FetchError::Io(config.out.clone(), e))?;
    let log_path = config.out.join(LOG_NAME);
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)
        .map_err(|e| FetchError::Io(log_path.clone(), e))?;
    let mut log = std::io::BufWriter::new(log_file);
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.enable_all();
    if let Some(n) = config.threads {
        builder.worker_threads(n.max(1));
    }
    let runtime = builder.build().map_err(|e| FetchError::Io(PathBuf::from("tokio runtime"), e))?;
    let fetcher = Arc::new(Fetcher::new(config.clone())?);
    let mut summary = FetchSummary::default();
    let mut write_err = None;
    runtime.block_on(async {
        let mut jobs: Vec<Job> = Vec::new();
        let mut seen = HashSet::new();
        let mut early: Vec<(LogRecord, u64)> = Vec::new();
        for u in urls {
            if seen.insert(u.clone()) {
                jobs.push(Job { given: u.clone(), listing: None });
            }
        }
        for listing in listings {
            let (found, records) = fetcher.discover(listing).await;
            early.extend(records.into_iter().map(|r| (r, 0)));
            for u in found {
                if seen.insert(u.to_string()) {
                    jobs.push(Job { given: u.to_string(), listing: Some(listing.url.clone()) });
                }
            }
        }
        let bar = progress_bar(config.progress, jobs.len());
        let (tx, mut rx) = mpsc::unbounded_channel::<(LogRecord, u64)>();
        for (_, queue) in group_by_host(jobs, &mut early) {
            let queue = Arc::new(Mutex::new(queue));
            let workers = config.per_host.max(1).min(lock(&queue).len());
            for _ in 0..workers {
                let (fetcher, queue, tx) = (Arc::clone(&fetcher), Arc::clone(&queue), tx.clone());
                tokio::spawn(async move {
                    loop {
                        let next = lock(&queue).pop_front();
                        let Some((job, url)) = next else { break };
                        let result = fetcher.fetch_one(&job, &url).await;
                        if tx.send(result).is_err() {
                            break;
                        }
                    }
                });
            }
        }
        drop(tx);
        for (record, bytes) in early {
            record_line(&mut log, &record, &mut write_err);
            summary.count(&record, bytes);
        }
        while let Some((record, bytes)) = rx.recv().await {
            record_line(&mut log, &record, &mut write_err);
            summary.count(&record, bytes);
            if let Some(bar) = &bar {
                bar.inc(1);
                bar.set_message(format!("{} ok, {} failed", summary.ok + summary.present, summary.failed));
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    });
    if write_err.is_none() {
        if let Err(e) = log.flush() {
            write_err = Some(e);
        }
    }
    if let Some(e) = write_err {
        return Err(FetchError::Io(log_path, e));
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Outcome of a whole fetch as an exit status: 0 when every URL ended ok, not modified,
/// present or disallowed by robots.txt, 1 when some failed.
pub fn exit_code(summary: &FetchSummary) -> u8 {
    u8::from(summary.failed > 0)
}

fn record_line(log: &mut impl Write, record: &LogRecord, err: &mut Option<std::io::Error>) {
    if err.is_none() {
        let mut line = crate::sink::json_line(record);
        line.push('\n');
        if let Err(e) = log.write_all(line.as_bytes()) {
            *err = Some(e);
        }
    }
}

fn progress_bar(show: bool, len: usize) -> Option<indicatif::ProgressBar> {
    show.then(|| {
        let bar = indicatif::ProgressBar::new(len as u64);
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} fetch [{elapsed_precise}] {bar:30} {pos}/{len} {per_sec} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A URL to fetch and where it came from.
#[derive(Debug, Clone)]
struct Job {
    given: String,
    listing: Option<String>,
}

/// Parses every job's URL; bad ones become failure records. Groups the rest by origin,
/// keeping the given order inside each origin; URLs equal once normalized are kept once.
fn group_by_host(jobs: Vec<Job>, failures: &mut Vec<(LogRecord, u64)>) -> Vec<(String, VecDeque<(Job, Url)>)> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, VecDeque<(Job, Url)>> = HashMap::new();
    let mut seen = HashSet::new();
    for job in jobs {
        match parse_http_url(&job.given) {
            Ok(url) if !seen.insert(url.clone()) => {}
            Ok(url) => {
                let origin = url.origin().ascii_serialization();
                if !groups.contains_key(&origin) {
                    order.push(origin.clone());
                }
                groups.entry(origin).or_default().push_back((job, url));
            }
            Err(reason) => {
                let record = LogRecord {
                    url: job.given,
                    outcome: Status::Failed,
                    reason: Some(reason),
                    status: None,
                    attempts: 0,
                    elapsed_ms: 0,
                    path: None,
                    listing: job.listing,
                };
                failures.push((record, 0));
            }
        }
    }
    order.into_iter().map(|o| (o.clone(), groups.remove(&o).unwrap_or_default())).collect()
}

/// Parses an absolute http(s) URL, dropping any `#fragment`.
fn parse_http_url(s: &str) -> Result<Url, String> {
    let mut url = Url::parse(s.trim()).map_err(|e| format!("invalid URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("unsupported scheme {:?}: only http and https are fetched", url.scheme()));
    }
    if url.host_str().map_or(true, str::is_empty) {
        return Err("URL has no host".to_string());
    }
    url.set_fragment(None);
    Ok(url)
}

/// Politeness state of one origin.
struct Host {
    /// Requests in flight to this origin.
    permits: Semaphore,
    /// Earliest start of the next request, and the spacing in force (Crawl-delay may raise it).
    next: Mutex<(Instant, Duration)>,
    /// robots.txt, fetched by the first request that needs it.
    robots: OnceCell<Result<Robots, String>>,
}

/// A response that was read whole.
struct Page {
    status: StatusCode,
    final_url: Url,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// Why one attempt did not produce a page.
enum AttemptError {
    /// Worth another attempt (timeouts, connection errors, 429, 5xx); with `Retry-After`.
    Transient { reason: String, status: Option<u16>, retry_after: Option<Duration> },
    /// Final (4xx, redirect loop, too large, unsupported type).
    Fatal { reason: String, status: Option<u16> },
}

/// How a request ended after all attempts.
enum Ended {
    Page(Page),
    NotModified,
    Failed { reason: String, status: Option<u16> },
}

struct Fetcher {
    config: FetchConfig,
    client: reqwest::Client,
    robots_agent: String,
    global: Semaphore,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

impl Fetcher {
    fn new(config: FetchConfig) -> Result<Self, FetchError> {
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if !matches!(attempt.url().scheme(), "http" | "https") {
                let scheme = attempt.url().scheme().to_string();
                return attempt.error(format!("redirect to unsupported scheme {scheme:?}"));
            }
            if attempt.previous().iter().any(|u| u == attempt.url()) {
                let at = attempt.url().to_string();
                return attempt.error(format!("redirect loop at {at}"));
            }
            if attempt.previous().len() > MAX_REDIRECTS {
                return attempt.error(format!("more than {MAX_REDIRECTS} redirects"));
            }
            attempt.follow()
        });
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(policy)
            .gzip(true)
            .deflate(true)
            .brotli(true)
            .build()
            .map_err(|e| FetchError::Client(error_chain(&e)))?;
        let robots_agent =
            config.user_agent.split(['/', ' ']).next().unwrap_or("pressmine").trim().to_ascii_lowercase();
        let global = Semaphore::new(config.concurrency.max(1));
        Ok(Self { config, client, robots_agent, global, hosts: Mutex::new(HashMap::new()) })
    }

    fn host(&self, url: &Url) -> Arc<Host> {
        let origin = url.origin().ascii_serialization();
        let mut hosts = lock(&self.hosts);
        Arc::clone(hosts.entry(origin).or_insert_with(|| {
            Arc::new(Host {
                permits: Semaphore::new(self.config.per_host.max(1)),
                next: Mutex::new((Instant::now(), self.config.delay)),
                robots: OnceCell::new(),
            })
        }))
    }

    /// Waits for a turn at `host` (its concurrency, its spacing, the global cap) and returns
    /// the permits to hold while the request runs.
    async fn turn<'a>(
        &'a self,
        host: &'a Host,
    ) -> (tokio::sync::SemaphorePermit<'a>, tokio::sync::SemaphorePermit<'a>) {
        // Semaphores are never closed, so acquire cannot fail; the fallback is unreachable.
        loop {
            let Ok(host_permit) = host.permits.acquire().await else { continue };
            loop {
                let wait_until = lock(&host.next).0;
                tokio::time::sleep_until(wait_until.into()).await;
                let Ok(global) = self.global.acquire().await else { continue };
                let mut next = lock(&host.next);
                let now = Instant::now();
                if now >= next.0 {
                    next.0 = now + next.1;
                    return (host_permit, global);
                }
            }
        }
    }

    /// Pushes the host's next request back to at least `until` (Retry-After).
    fn hold_off(host: &Host, until: Instant) {
        let mut next = lock(&host.next);
        if next.0 < until {
            next.0 = until;
        }
    }

    async fn robots(&self, url: &Url, host: &Host) -> Result<Robots, String> {
        if !self.config.robots {
            return Ok(Robots::allow_all());
        }
        host.robots
            .get_or_init(|| async {
                let mut robots_url = url.clone();
                robots_url.set_path("/robots.txt");
                robots_url.set_query(None);
                let verdict = match self.get(&robots_url, host, None, ROBOTS_MAX_BYTES, false).await.0 {
                    Ended::Page(page) => Ok(Robots::parse(&String::from_utf8_lossy(&page.body), &self.robots_agent)),
                    Ended::Failed { status: Some(s), .. } if (400..500).contains(&s) => Ok(Robots::allow_all()),
                    Ended::Failed { reason, .. } => Err(format!("robots.txt unavailable ({reason}); not fetched")),
                    Ended::NotModified => Ok(Robots::allow_all()),
                };
                if let Ok(r) = &verdict {
                    if let Some(d) = r.crawl_delay {
                        let mut next = lock(&host.next);
                        next.1 = next.1.max(d.min(self.config.max_wait));
                    }
                }
                verdict
            })
            .await
            .clone()
    }

    /// GET with retries. `conditional` adds If-None-Match / If-Modified-Since; `check_type`
    /// refuses bodies that are neither HTML nor text. Returns the outcome and attempts made.
    async fn get(
        &self,
        url: &Url,
        host: &Host,
        conditional: Option<&Meta>,
        max_bytes: u64,
        check_type: bool,
    ) -> (Ended, u32) {
        let attempts = self.config.attempts.max(1);
        let mut last = Ended::Failed { reason: "not attempted".to_string(), status: None };
        for attempt in 1..=attempts {
            let result = {
                let _permits = self.turn(host).await;
                self.attempt(url, conditional, max_bytes, check_type).await
            };
            match result {
                Ok(page) if page.status == StatusCode::NOT_MODIFIED && conditional.is_some() => {
                    return (Ended::NotModified, attempt);
                }
                Ok(page) => return (Ended::Page(page), attempt),
                Err(AttemptError::Fatal { reason, status }) => return (Ended::Failed { reason, status }, attempt),
                Err(AttemptError::Transient { reason, status, retry_after }) => {
                    last = Ended::Failed { reason, status };
                    if attempt == attempts {
                        return (last, attempt);
                    }
                    match retry_after {
                        Some(wait) => Self::hold_off(host, Instant::now() + wait.min(self.config.max_wait)),
                        None => tokio::time::sleep(self.backoff(url, attempt)).await,
                    }
                }
            }
        }
        (last, attempts)
    }

    /// Exponential backoff with ±50 % jitter (from a hash of the URL, attempt and clock).
    fn backoff(&self, url: &Url, attempt: u32) -> Duration {
        let base = self.config.backoff.saturating_mul(1u32 << (attempt - 1).min(16));
        let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
        let digest = Sha256::digest(format!("{url}{attempt}{nanos}").as_bytes());
        let jitter = 0.5 + f64::from(digest[0]) / 255.0;
        base.mul_f64(jitter).min(self.config.max_wait)
    }

    async fn attempt(
        &self,
        url: &Url,
        conditional: Option<&Meta>,
        max_bytes: u64,
        check_type: bool,
    ) -> Result<Page, AttemptError> {
        let mut request = self.client.get(url.clone());
        if let Some(meta) = conditional {
            if let Some(etag) = &meta.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &meta.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status();
        let code = Some(status.as_u16());
        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            return Err(AttemptError::Transient {
                reason: format!("HTTP {status}"),
                status: code,
                retry_after: retry_after(response.headers()),
            });
        }
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Page {
                status,
                final_url: response.url().clone(),
                headers: response.headers().clone(),
                body: Vec::new(),
            });
        }
        if !status.is_success() {
            return Err(AttemptError::Fatal { reason: format!("HTTP {status}"), status: code });
        }
        if check_type && stored_kind(response.headers()).is_none() {
            let ct = header_str(response.headers(), header::CONTENT_TYPE).unwrap_or_default();
            return Err(AttemptError::Fatal { reason: format!("not HTML or text: content-type {ct}"), status: code });
        }
        if let Some(len) = response.content_length() {
            if len > max_bytes {
                return Err(AttemptError::Fatal {
                    reason: format!("body of {len} bytes is over the limit of {max_bytes}"),
                    status: code,
                });
            }
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if (body.len() + chunk.len()) as u64 > max_bytes {
                        return Err(AttemptError::Fatal {
                            reason: format!("body over the limit of {max_bytes} bytes; aborted"),
                            status: code,
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return Err(classify(e)),
            }
        }
        Ok(Page { status, final_url: response.url().clone(), headers: response.headers().clone(), body })
    }

    /// Fetches one article URL and stores it; returns its log line and the bytes stored.
    async fn fetch_one(&self, job: &Job, url: &Url) -> (LogRecord, u64) {
        let started = Instant::now();
        let mut record = LogRecord {
            url: job.given.clone(),
            outcome: Status::Failed,
            reason: None,
            status: None,
            attempts: 0,
            elapsed_ms: 0,
            path: None,
            listing: job.listing.clone(),
        };
        let mut stored_bytes = 0;
        let existing = existing(&self.config.out, url);
        if let (Some((rel, _)), false) = (&existing, self.config.refresh) {
            record.outcome = Status::Present;
            record.path = Some(rel.clone());
        } else {
            let host = self.host(url);
            match self.robots(url, &host).await {
                Err(reason) => record.reason = Some(reason),
                Ok(robots) if !robots.allowed(&path_and_query(url)) => {
                    record.outcome = Status::SkippedRobots;
                    record.reason = Some("disallowed by robots.txt".to_string());
                }
                Ok(_) => {
                    let conditional = existing.as_ref().map(|(_, m)| m);
                    let (ended, attempts) = self.get(url, &host, conditional, self.config.max_bytes, true).await;
                    record.attempts = attempts;
                    match ended {
                        Ended::NotModified => {
                            record.outcome = Status::NotModified;
                            record.status = Some(304);
                            record.path = existing.map(|(rel, _)| rel);
                        }
                        Ended::Failed { reason, status } => {
                            record.reason = Some(reason);
                            record.status = status;
                        }
                        Ended::Page(page) => {
                            record.status = Some(page.status.as_u16());
                            match store(&self.config.out, url, &page) {
                                Ok(rel) => {
                                    record.outcome = Status::Ok;
                                    record.path = Some(rel);
                                    stored_bytes = page.body.len() as u64;
                                }
                                Err(reason) => record.reason = Some(reason),
                            }
                        }
                    }
                }
            }
        }
        record.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        (record, stored_bytes)
    }

    /// Reads a listing and its next pages; returns the article URLs found (in page order,
    /// deduplicated) and log lines for listing pages that failed.
    async fn discover(&self, listing: &Listing) -> (Vec<Url>, Vec<LogRecord>) {
        let mut found = Vec::new();
        let mut records = Vec::new();
        let mut seen = HashSet::new();
        let mut visited = HashSet::new();
        let mut page_url = match parse_http_url(&listing.url) {
            Ok(u) => Some(u),
            Err(reason) => {
                records.push(listing_failure(&listing.url, reason, None, 0));
                None
            }
        };
        while let Some(url) = page_url.take() {
            if visited.len() >= listing.max_pages.max(1) || !visited.insert(url.clone()) {
                break;
            }
            let host = self.host(&url);
            match self.robots(&url, &host).await {
                Err(reason) => {
                    records.push(listing_failure(url.as_str(), reason, None, 0));
                    break;
                }
                Ok(r) if !r.allowed(&path_and_query(&url)) => {
                    let mut rec = listing_failure(url.as_str(), "disallowed by robots.txt".to_string(), None, 0);
                    rec.outcome = Status::SkippedRobots;
                    records.push(rec);
                    break;
                }
                Ok(_) => {}
            }
            let page = match self.get(&url, &host, None, self.config.max_bytes, true).await {
                (Ended::Page(page), _) => page,
                (Ended::Failed { reason, status }, attempts) => {
                    records.push(listing_failure(url.as_str(), format!("listing page: {reason}"), status, attempts));
                    break;
                }
                (Ended::NotModified, _) => break,
            };
            let charset = content_type(&page.headers).1;
            let text = crate::decode::decode(&page.body, charset.as_deref()).text;
            for (href, label) in links(&text) {
                let Ok(mut target) = page.final_url.join(&href) else { continue };
                if !matches!(target.scheme(), "http" | "https") {
                    continue;
                }
                target.set_fragment(None);
                if listing.follow.is_match(target.as_str()) && seen.insert(target.clone()) {
                    found.push(target.clone());
                }
                if page_url.is_none() && !visited.contains(&target) {
                    if let Some(next) = &listing.next {
                        if next.is_match(target.as_str()) || next.is_match(label.trim()) {
                            page_url = Some(target);
                        }
                    }
                }
            }
        }
        (found, records)
    }
}

fn listing_failure(url: &str, reason: String, status: Option<u16>, attempts: u32) -> LogRecord {
    LogRecord {
        url: url.to_string(),
        outcome: Status::Failed,
        reason: Some(reason),
        status,
        attempts,
        elapsed_ms: 0,
        path: None,
        listing: Some(url.to_string()),
    }
}

/// `href` and text of every `<a href>` of a page, in document order.
fn links(html: &str) -> Vec<(String, String)> {
    static A: std::sync::LazyLock<Option<scraper::Selector>> =
        std::sync::LazyLock::new(|| scraper::Selector::parse("a[href]").ok());
    let Some(selector) = A.as_ref() else { return Vec::new() };
    let doc = scraper::Html::parse_document(html);
    doc.select(selector)
        .filter_map(|a| a.value().attr("href").map(|h| (h.trim().to_string(), a.text().collect::<String>())))
        .filter(|(h, _)| !h.is_empty() && !h.starts_with("javascript:") && !h.starts_with("mailto:"))
        .collect()
}

fn path_and_query(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// What a stored page of `url` looks like, if an earlier fetch stored one (file + sidecar).
fn existing(out: &Path, url: &Url) -> Option<(String, Meta)> {
    Kind::ALL.iter().find_map(|&kind| {
        let rel = naming::relative_path(url, kind);
        let path = out.join(&rel);
        let side = sidecar_path(&path);
        if !path.is_file() {
            return None;
        }
        let meta = serde_json::from_slice::<Meta>(&std::fs::read(side).ok()?).ok()?;
        Some((rel, meta))
    })
}

fn sidecar_path(path: &Path) -> PathBuf {
    let mut side = path.as_os_str().to_owned();
    side.push(".meta.json");
    PathBuf::from(side)
}

/// Writes the body, then its sidecar, each atomically. Returns the relative path.
fn store(out: &Path, url: &Url, page: &Page) -> Result<String, String> {
    let kind = stored_kind(&page.headers).unwrap_or(Kind::Html);
    let rel = naming::relative_path(url, kind);
    let path = out.join(&rel);
    let (content_type, charset) = content_type(&page.headers);
    let meta = Meta {
        url: url.to_string(),
        final_url: page.final_url.to_string(),
        status: page.status.as_u16(),
        fetched_at: rfc3339(SystemTime::now()),
        content_type,
        charset,
        etag: header_str(&page.headers, header::ETAG),
        last_modified: header_str(&page.headers, header::LAST_MODIFIED),
        sha256: sha256_hex(&page.body),
        bytes: page.body.len() as u64,
    };
    crate::sink::write_atomic(&path, &page.body).map_err(|e| e.to_string())?;
    crate::sink::write_atomic(&sidecar_path(&path), crate::sink::json_pretty(&meta).as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(rel)
}

/// HTML (or no content type: most servers that omit it serve HTML) → Html, text/plain →
/// Text, anything else → None (reported and skipped).
fn stored_kind(headers: &HeaderMap) -> Option<Kind> {
    let (ct, _) = content_type(headers);
    let Some(ct) = ct else { return Some(Kind::Html) };
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "" | "text/html" | "application/xhtml+xml" => Some(Kind::Html),
        "text/plain" => Some(Kind::Text),
        _ => None,
    }
}

/// The `Content-Type` header and its `charset` parameter (lowercased, unquoted).
fn content_type(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(ct) = header_str(headers, header::CONTENT_TYPE) else { return (None, None) };
    let charset = ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
    });
    (Some(ct), charset.filter(|c| !c.is_empty()))
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers.get(name).map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_string())
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = header_str(headers, header::RETRY_AFTER)?;
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(&value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// Sorts a client error into retry-worthy or final, with its full cause chain as the reason.
fn classify(e: reqwest::Error) -> AttemptError {
    let reason = error_chain(&e);
    let status = e.status().map(|s| s.as_u16());
    if e.is_redirect() || e.is_builder() {
        AttemptError::Fatal { reason, status }
    } else {
        AttemptError::Transient { reason, status, retry_after: None }
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

/// RFC 3339 UTC timestamp with seconds.
fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_lists_skip_comments_and_blanks() {
        let list = "# header\nhttp://a.cn/1.html\n\n  http://a.cn/2.html  # second\n#http://x\n";
        assert_eq!(parse_url_list(list), vec!["http://a.cn/1.html", "http://a.cn/2.html"]);
    }

    #[test]
    fn only_http_urls_with_hosts() {
        assert!(parse_http_url("http://a.cn/x#frag").is_ok_and(|u| u.as_str() == "http://a.cn/x"));
        assert!(parse_http_url("ftp://a.cn/x").is_err());
        assert!(parse_http_url("file:///etc/passwd").is_err());
        assert!(parse_http_url("not a url").is_err());
    }

    #[test]
    fn content_types() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, "text/html; charset=\"GBK\"".parse().unwrap());
        assert_eq!(content_type(&h).1.as_deref(), Some("gbk"));
        assert_eq!(stored_kind(&h), Some(Kind::Html));
        h.insert(header::CONTENT_TYPE, "application/pdf".parse().unwrap());
        assert_eq!(stored_kind(&h), None);
        h.insert(header::CONTENT_TYPE, "text/plain".parse().unwrap());
        assert_eq!(stored_kind(&h), Some(Kind::Text));
        assert_eq!(stored_kind(&HeaderMap::new()), Some(Kind::Html));
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(100));
        h.insert(header::RETRY_AFTER, later.parse().unwrap());
        assert!(retry_after(&h).is_some_and(|d| d > Duration::from_secs(90)));
        h.insert(header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(SystemTime::UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_724_803_200 + 3661);
        assert_eq!(rfc3339(t), "2024-08-28T01:01:01Z");
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn links_in_order() {
        let html = r#"<a href="/a/1.html">一</a><a href="javascript:void(0)">x</a><a href=" 2.html ">下一页</a>"#;
        assert_eq!(links(html), vec![("/a/1.html".into(), "一".into()), ("2.html".into(), "下一页".into())]);
    }
}
