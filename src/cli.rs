//! Command-line arguments (clap derive). Parsing only; `main.rs` dispatches.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// pressmine: Chinese press releases → figures, initiatives and diffs as data.
#[derive(Debug, Parser)]
#[command(name = "pressmine", version, about)]
pub struct Cli {
    /// Folder of rule files and dictionaries (default: $PRESSMINE_PATTERNS, else ./patterns
    /// when it holds claims.toml, else the rules built into pressmine).
    #[arg(long, global = true)]
    pub patterns: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, global = true)]
    pub threads: Option<usize>,
    /// No progress bar or summary.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Process a corpus directory into OUTPUT (docs/, documents.jsonl, claims.csv, errors.jsonl).
    Run {
        /// Corpus directory (.html .htm .shtml .xhtml .txt, optionally .gz; .warc and .warc.gz
        /// files are read record by record), or one WARC file. With --fetch, the pages are
        /// fetched into it first (default: OUTPUT/corpus).
        #[arg(required_unless_present = "fetch")]
        corpus: Option<PathBuf>,
        /// Output directory.
        #[arg(short, long)]
        output: PathBuf,
        /// Largest input accepted, in bytes.
        #[arg(long, default_value_t = crate_max_bytes())]
        max_bytes: u64,
        /// Read only files matching this glob (repeatable): `*` `?` within a name, `**` across
        /// folders, `[abc]`, `{a,b}`; without `/` it is matched against the file name.
        #[arg(long, value_name = "GLOB")]
        include: Vec<String>,
        /// Skip files matching this glob (repeatable; wins over --include).
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// Process only shard K of N: the documents whose id hashes to K (first 8 bytes of
        /// the id's SHA-256, big-endian, mod N, plus 1). Join the N outputs with `merge`.
        #[arg(long, value_name = "K/N")]
        shard: Option<pressmine::shard::Shard>,
        /// Also write documents.parquet, claims.parquet and initiatives.parquet (exact values as
        /// decimal text beside a float column, periods as dates).
        #[arg(long)]
        parquet: bool,
        /// Fetch the URLs of this file (one per line) into the corpus first, then process it.
        #[arg(long, value_name = "URLS_FILE")]
        fetch: Option<PathBuf>,
        /// Largest body fetched, in bytes (with --fetch).
        #[arg(long, default_value_t = pressmine::fetch::DEFAULT_MAX_BYTES)]
        fetch_max_bytes: u64,
        /// Fetch options (with --fetch).
        #[command(flatten)]
        fetch_args: FetchArgs,
    },
    /// Join the outputs of `run --shard 1/N` … `N/N` into one output, identical to a single run's.
    Merge {
        /// Output folders of the shards.
        #[arg(required = true, value_name = "OUT")]
        shards: Vec<PathBuf>,
        /// Folder to write the merged output into.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// The rule files and dictionaries: `patterns export DIR` writes the built-in ones out to edit.
    Patterns {
        /// What to do.
        #[command(subcommand)]
        action: PatternsAction,
    },
    /// Download pages over HTTP(S) into a corpus directory, politely and resumably.
    Fetch {
        /// File of URLs, one per line (`#` comments and blank lines ignored; `-` for stdin).
        urls_file: Option<PathBuf>,
        /// Corpus directory to store pages in (with .meta.json sidecars and fetch-log.jsonl).
        #[arg(short, long)]
        output: PathBuf,
        /// A URL to fetch (repeatable).
        #[arg(long = "url", value_name = "URL")]
        urls: Vec<String>,
        /// A listing (column) page whose article links are fetched.
        #[arg(long, requires = "follow")]
        listing: Option<String>,
        /// Regex: article links to follow from the listing (matched on the absolute URL).
        #[arg(long, requires = "listing")]
        follow: Option<String>,
        /// Regex: the next listing page (matched on the link's absolute URL or its text, e.g. 下一页).
        #[arg(long, requires = "listing")]
        next: Option<String>,
        /// Most listing pages read.
        #[arg(long, default_value_t = 10, requires = "listing")]
        max_pages: usize,
        /// Largest body accepted, in bytes; larger responses are aborted and reported.
        #[arg(long, default_value_t = pressmine::fetch::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        /// Fetch options.
        #[command(flatten)]
        args: FetchArgs,
    },
    /// Print one JSON document per line for files, directories or `-` (stdin), in input order.
    Extract {
        /// Inputs.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Largest input accepted, in bytes.
        #[arg(long, default_value_t = crate_max_bytes())]
        max_bytes: u64,
    },
    /// Every initiative across an output directory: kind, aliases, documents, first/last date.
    Initiatives {
        /// Output directory of `run` (or a documents.jsonl file).
        output: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Compare the figures of two releases or corpora (exit 0: same, 1: differences, 2: trouble).
    Diff {
        /// Old side: a page, a document .json, a documents.jsonl or an output directory.
        old: PathBuf,
        /// New side, the same kinds.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Every indicator as a series over periods across an output directory; revisions (documents
    /// disagreeing) and conflicts (one document stating several values) flagged.
    Series {
        /// Output directory of `run` (or a documents.jsonl file).
        output: PathBuf,
        /// Keep indicators containing this text (canonical names: 规上工业增加值).
        #[arg(long, alias = "metric")]
        indicator: Option<String>,
        /// Keep places containing this text (江苏省, 全国) or with this code (320000).
        #[arg(long, alias = "scope")]
        place: Option<String>,
        /// Keep periods whose short form starts with this text (e.g. 2024).
        #[arg(long)]
        period: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Every target (work reports, plans: 增长5%左右, 60万人以上) paired with the actual stated for
    /// the same indicator, place and period in any document, with a verdict: met, missed,
    /// pending (no actual yet) or unclear (no comparable unit).
    Targets {
        /// Output directory of `run` (or a documents.jsonl file).
        #[arg(value_name = "OUT")]
        output: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write a static review site of an output directory (no server, no network needed):
    /// index.html, a page per document with its figures and initiatives highlighted,
    /// indicators.html (every series as a chart) and initiatives.html.
    Report {
        /// Output directory of `run` (or a documents.jsonl file).
        #[arg(value_name = "OUT")]
        input: PathBuf,
        /// Folder to write the site into (default: OUT/report).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Score cleaning on annotated pages (body F1, title, date) and print a per-page table.
    Eval {
        /// Folder of pages.
        pages: PathBuf,
        /// Folder with REFERENCE_ANNOTATIONS.json and *.truth.json (default: PAGES).
        #[arg(long)]
        truth: Option<PathBuf>,
    },
}

/// Subcommands of `patterns`.
#[derive(Debug, Subcommand)]
pub enum PatternsAction {
    /// Write the built-in rule files, dictionary and division table into DIR, to edit and use
    /// with --patterns DIR (or $PRESSMINE_PATTERNS).
    Export {
        /// Folder to write into (created if missing).
        dir: PathBuf,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
}

/// Politeness, fault and resume options shared by `fetch` and `run --fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// User-Agent header (its first word is the robots.txt product token).
    #[arg(long, default_value = pressmine::fetch::DEFAULT_USER_AGENT)]
    pub user_agent: String,
    /// Requests in flight to one host.
    #[arg(long, default_value_t = 2)]
    pub per_host: usize,
    /// Least seconds between the starts of two requests to one host.
    #[arg(long, default_value_t = 1.0)]
    pub delay: f64,
    /// Requests in flight in all.
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,
    /// Connect timeout, seconds.
    #[arg(long, default_value_t = 10.0)]
    pub connect_timeout: f64,
    /// Whole-request timeout, seconds.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Attempts per URL in all (retries on timeouts, connection errors, 429 and 5xx).
    #[arg(long, default_value_t = 3)]
    pub attempts: u32,
    /// Seconds before the first retry; doubled for each further one, with jitter.
    #[arg(long, default_value_t = 1.0)]
    pub backoff: f64,
    /// Longest Retry-After or Crawl-delay honoured, seconds.
    #[arg(long, default_value_t = 120.0)]
    pub max_wait: f64,
    /// Fetch URLs that robots.txt disallows.
    #[arg(long)]
    pub ignore_robots: bool,
    /// Revalidate stored pages (If-None-Match / If-Modified-Since) instead of skipping them.
    #[arg(long)]
    pub refresh: bool,
}

/// Output formats of the report commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text.
    Table,
    /// JSON.
    Json,
    /// CSV (UTF-8 with BOM).
    Csv,
}

fn crate_max_bytes() -> u64 {
    pressmine::source::DEFAULT_MAX_BYTES
}
