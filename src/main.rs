//! The `pressmine` binary: parses arguments, calls the library, maps results to exit codes
//! (0 success, 1 some documents failed or differences found, 2 usage or I/O trouble).

mod cli;
mod stdout;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command};
use pressmine::pipeline::Pipeline;
use pressmine::run::{self, Outcome, RunConfig};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc: pages make many small strings and vectors, which it serves faster than glibc.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pressmine: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The text of a path that is really an http(s) URL.
fn as_url(path: &std::path::Path) -> Option<&str> {
    path.to_str().filter(|p| p.starts_with("http://") || p.starts_with("https://"))
}

/// Reads a URL list file (`-`: stdin).
fn read_url_list(file: &std::path::Path) -> Result<Vec<String>> {
    let text = if file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading URLs from stdin")?
    } else {
        std::fs::read_to_string(file).with_context(|| format!("{}: reading URL list", file.display()))?
    };
    Ok(pressmine::fetch::parse_url_list(&text))
}

/// Turns the fetch flags into the library's configuration, refusing nonsense values.
fn fetch_config(
    args: &cli::FetchArgs,
    out: std::path::PathBuf,
    max_bytes: u64,
    threads: Option<usize>,
    progress: bool,
) -> Result<pressmine::fetch::FetchConfig> {
    let secs = |name: &str, v: f64| {
        std::time::Duration::try_from_secs_f64(v).map_err(|_| anyhow::anyhow!("--{name}: {v} is not a duration"))
    };
    let mut c = pressmine::fetch::FetchConfig::new(out);
    c.user_agent.clone_from(&args.user_agent);
    c.per_host = args.per_host.max(1);
    c.delay = secs("delay", args.delay)?;
    c.concurrency = args.concurrency.max(1);
    c.connect_timeout = secs("connect-timeout", args.connect_timeout)?;
    c.timeout = secs("timeout", args.timeout)?;
    c.attempts = args.attempts.max(1);
    c.backoff = secs("backoff", args.backoff)?;
    c.max_wait = secs("max-wait", args.max_wait)?;
    c.max_bytes = max_bytes;
    c.robots = !args.ignore_robots;
    c.refresh = args.refresh;
    c.threads = threads;
    c.progress = progress;
    Ok(c)
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().context("thread pool")?;
    }
    let progress = !cli.quiet && std::io::stderr().is_terminal();
    if let Command::Fetch { urls_file, output, urls, listing, follow, next, max_pages, max_bytes, args } = cli.command {
        let mut list = urls;
        if let Some(file) = urls_file {
            list.splice(0..0, read_url_list(&file)?);
        }
        let listings = match (listing, follow) {
            (Some(url), Some(follow)) => vec![pressmine::fetch::Listing {
                url,
                follow: regex::Regex::new(&follow).context("--follow")?,
                next: next.map(|n| regex::Regex::new(&n)).transpose().context("--next")?,
                max_pages,
            }],
            _ => Vec::new(),
        };
        if list.is_empty() && listings.is_empty() {
            anyhow::bail!("nothing to fetch: give a URLS_FILE, --url or --listing");
        }
        let config = fetch_config(&args, output, max_bytes, cli.threads, progress)?;
        let summary = pressmine::fetch::fetch(&config, &list, &listings)?;
        if !cli.quiet {
            eprintln!("pressmine: {summary}");
        }
        return Ok(ExitCode::from(pressmine::fetch::exit_code(&summary)));
    }
    if let Command::Patterns { action: cli::PatternsAction::Export { dir, force } } = &cli.command {
        let written = pressmine::patterns::Patterns::export(dir, *force)?;
        if !cli.quiet {
            eprintln!(
                "pressmine: {} files written to {}; use them with --patterns {} (or PRESSMINE_PATTERNS)",
                written.len(),
                dir.display(),
                dir.display()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Merge { shards, output } = &cli.command {
        let summary = pressmine::merge::merge(shards, output)?;
        if !cli.quiet {
            eprintln!("pressmine: {summary}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let patterns = pressmine::patterns::Patterns::locate(cli.patterns.as_deref())?;
    // Leaked on purpose: it lives until the process exits, and freeing the dictionaries and
    // compiled rules (tens of MB of small allocations) would only delay the exit.
    let pipeline: &'static Pipeline = Box::leak(Box::new(Pipeline::new(&patterns)?));
    match cli.command {
        Command::Run {
            corpus,
            output,
            max_bytes,
            include,
            exclude,
            shard,
            parquet,
            fetch,
            fetch_max_bytes,
            fetch_args,
        } => {
            if let Some(url) = corpus.as_deref().and_then(as_url) {
                anyhow::bail!(
                    "{url}: a URL, not a folder; fetch and read it in one step with \
                     `pressmine run --fetch URLS_FILE -o OUT` (URLS_FILE lists {url}), or `pressmine fetch --url {url} -o CORPUS` first"
                );
            }
            let select = pressmine::source::Selection::new(&include, &exclude)
                .map_err(|e| anyhow::anyhow!("--include/--exclude: {e}"))?;
            let corpus = corpus.unwrap_or_else(|| output.join("corpus"));
            let mut fetch_failed = false;
            if let Some(file) = fetch {
                let list = read_url_list(&file)?;
                let config = fetch_config(&fetch_args, corpus.clone(), fetch_max_bytes, cli.threads, progress)?;
                let summary = pressmine::fetch::fetch(&config, &list, &[])?;
                if !cli.quiet {
                    eprintln!("pressmine: fetch: {summary}");
                }
                fetch_failed = summary.failed > 0;
            }
            let config = RunConfig { corpus, output, max_bytes, progress, select, shard, parquet };
            let summary = run::run(pipeline, &config)?;
            if !cli.quiet {
                eprintln!("pressmine: {summary}");
            }
            Ok(if summary.failed > 0 || fetch_failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Fetch { .. } | Command::Merge { .. } | Command::Patterns { .. } => unreachable!("handled above"),
        Command::Extract { paths, max_bytes } => {
            if let Some(url) = paths.iter().find_map(|p| as_url(p)) {
                anyhow::bail!(
                    "{url}: a URL; extract reads files. Fetch it first with `pressmine fetch --url {url} -o CORPUS`, \
                     then `pressmine extract CORPUS`"
                );
            }
            let (inputs, list_errors) = run::extract_inputs(&paths);
            let mut failed = list_errors.len();
            for e in &list_errors {
                eprintln!("pressmine: {}: {}", e.path, e.reason);
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut io_err = None;
            // A closed pipe ends the command at once: the rest of the inputs is not read, so
            // whether they would fail is unknown (exit 141).
            run::for_each_ordered(pipeline, &inputs, max_bytes, |o| match o {
                Outcome::Done(doc, _) => {
                    if io_err.is_none() {
                        let line = pressmine::sink::json_line(&*doc);
                        let written = writeln!(out, "{line}");
                        if let Err(e) = stdout::quiet_on_closed_pipe(written, stdout::CLOSED) {
                            io_err = Some(e);
                        }
                    }
                }
                Outcome::Failed(e) => {
                    failed += 1;
                    eprintln!("pressmine: {}: {}", e.path, e.reason);
                }
            });
            if let Some(e) = io_err {
                return Err(e).context("writing to standard output");
            }
            let status = u8::from(failed > 0);
            stdout::quiet_on_closed_pipe(out.flush(), status).context("writing to standard output")?;
            Ok(ExitCode::from(status))
        }
        Command::Initiatives { output, format } => {
            let mut docs = Vec::new();
            for d in pressmine::corpus::read_documents(&output).with_context(|| format!("{}", output.display()))? {
                docs.push(d.with_context(|| format!("{}: bad document line", output.display()))?);
            }
            let rows = pressmine::corpus::initiatives(docs);
            let text = match format {
                cli::Format::Table => pressmine::corpus::initiatives_table(&rows),
                cli::Format::Json => serde_json::to_string_pretty(&rows)? + "\n",
                cli::Format::Csv => pressmine::corpus::initiatives_csv(&rows),
            };
            stdout::print(&text, 0).context("writing to standard output")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, format } => {
            let a = pressmine::diff::load_side(&old, pipeline).with_context(|| format!("{}", old.display()))?;
            let b = pressmine::diff::load_side(&new, pipeline).with_context(|| format!("{}", new.display()))?;
            let report = pressmine::diff::diff(&a, &b, pipeline.canon());
            let text = match format {
                cli::Format::Table => pressmine::diff::render_table(&report, std::io::stdout().is_terminal()),
                cli::Format::Json => serde_json::to_string_pretty(&report)? + "\n",
                cli::Format::Csv => pressmine::diff::render_csv(&report),
            };
            let status = u8::from(report.has_differences());
            stdout::print(&text, status).context("writing to standard output")?;
            Ok(ExitCode::from(status))
        }
        Command::Series { output, indicator, place, period, format } => {
            let docs =
                pressmine::diff::load_side(&output, pipeline).with_context(|| format!("{}", output.display()))?;
            let filter = pressmine::diff::SeriesFilter { indicator, place, period };
            let all = pressmine::diff::series(&docs, pipeline.canon(), &filter);
            let text = match format {
                cli::Format::Table => pressmine::diff::series_table(&all),
                cli::Format::Json => serde_json::to_string_pretty(&all)? + "\n",
                cli::Format::Csv => pressmine::diff::series_csv(&all),
            };
            stdout::print(&text, 0).context("writing to standard output")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Targets { output, format } => {
            let docs =
                pressmine::diff::load_side(&output, pipeline).with_context(|| format!("{}", output.display()))?;
            let tolerance = &pipeline.extractor().report_rules().tolerance;
            let report = pressmine::targets::targets(&docs, pipeline.canon(), tolerance);
            let text = match format {
                cli::Format::Table => pressmine::targets::render_table(&report),
                cli::Format::Json => serde_json::to_string_pretty(&report)? + "\n",
                cli::Format::Csv => pressmine::targets::render_csv(&report),
            };
            stdout::print(&text, 0).context("writing to standard output")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { input, output } => {
            let dir = output.unwrap_or_else(|| pressmine::report::default_dir(&input));
            let summary = pressmine::report::report(&input, &dir, pipeline.canon())?;
            if !cli.quiet {
                eprintln!("pressmine: {summary}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { pages, truth } => {
            let truth = truth.unwrap_or_else(|| pages.clone());
            let reference = pressmine::eval::Reference::load(&truth)
                .with_context(|| format!("{}: reference annotations", truth.display()))?;
            let scores = pressmine::eval::evaluate(pipeline, &pages, &reference);
            stdout::print(&pressmine::eval::render(&scores), 0).context("writing to standard output")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
