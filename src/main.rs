//! The `pressmine` binary: parses arguments, calls the library, maps results to exit codes
//! (0 success, 1 some documents failed or differences found, 2 usage or I/O trouble).

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command};
use pressmine::pipeline::Pipeline;
use pressmine::run::{self, Outcome, RunConfig};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

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

fn dispatch(cli: Cli) -> Result<ExitCode> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().context("thread pool")?;
    }
    let dir = cli.patterns.clone().unwrap_or_else(pressmine::patterns::default_dir);
    let pipeline = Pipeline::load(&dir)?;
    match cli.command {
        Command::Run { corpus, output, max_bytes } => {
            let config =
                RunConfig { corpus, output, max_bytes, progress: !cli.quiet && std::io::stderr().is_terminal() };
            let summary = run::run(&pipeline, &config)?;
            if !cli.quiet {
                eprintln!("pressmine: {summary}");
            }
            Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Extract { paths, max_bytes } => {
            let (inputs, list_errors) = run::extract_inputs(&paths);
            let mut failed = list_errors.len();
            for e in &list_errors {
                eprintln!("pressmine: {}: {}", e.path, e.reason);
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut io_err = None;
            run::for_each_ordered(&pipeline, &inputs, max_bytes, |o| match o {
                Outcome::Done(doc, _) => {
                    if io_err.is_none() {
                        let line = pressmine::sink::json_line(&*doc);
                        if let Err(e) = writeln!(out, "{line}") {
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
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("writing to stdout");
                }
            }
            out.flush().ok();
            Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Initiatives { output, format } => {
            let mut docs = Vec::new();
            for d in pressmine::corpus::read_documents(&output).with_context(|| format!("{}", output.display()))? {
                docs.push(d.with_context(|| format!("{}: bad document line", output.display()))?);
            }
            let rows = pressmine::corpus::initiatives(docs);
            match format {
                cli::Format::Table => print!("{}", pressmine::corpus::initiatives_table(&rows)),
                cli::Format::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
                cli::Format::Csv => print!("{}", pressmine::corpus::initiatives_csv(&rows)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, format } => {
            let syn = pressmine::diff::Synonyms::load(&dir)?;
            let a = pressmine::diff::load_side(&old, &pipeline).with_context(|| format!("{}", old.display()))?;
            let b = pressmine::diff::load_side(&new, &pipeline).with_context(|| format!("{}", new.display()))?;
            let report = pressmine::diff::diff(&a, &b, &syn);
            match format {
                cli::Format::Table => {
                    print!("{}", pressmine::diff::render_table(&report, std::io::stdout().is_terminal()))
                }
                cli::Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
                cli::Format::Csv => print!("{}", pressmine::diff::render_csv(&report)),
            }
            Ok(if report.has_differences() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Series { output, metric, scope, period, format } => {
            let syn = pressmine::diff::Synonyms::load(&dir)?;
            let docs =
                pressmine::diff::load_side(&output, &pipeline).with_context(|| format!("{}", output.display()))?;
            let filter = pressmine::diff::SeriesFilter { metric, scope, period };
            let all = pressmine::diff::series(&docs, &syn, &filter);
            match format {
                cli::Format::Table => print!("{}", pressmine::diff::series_table(&all)),
                cli::Format::Json => println!("{}", serde_json::to_string_pretty(&all)?),
                cli::Format::Csv => print!("{}", pressmine::diff::series_csv(&all)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { pages, truth } => {
            let truth = truth.unwrap_or_else(|| pages.clone());
            let reference = pressmine::eval::Reference::load(&truth)
                .with_context(|| format!("{}: reference annotations", truth.display()))?;
            let scores = pressmine::eval::evaluate(&pipeline, &pages, &reference);
            print!("{}", pressmine::eval::render(&scores));
            Ok(ExitCode::SUCCESS)
        }
    }
}
