//! Command-line arguments (clap derive). Parsing only; `main.rs` dispatches.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// pressmine: Chinese press releases → figures, initiatives and diffs as data.
#[derive(Debug, Parser)]
#[command(name = "pressmine", version, about)]
pub struct Cli {
    /// Folder of rule files and dictionaries (default: $PRESSMINE_PATTERNS, ./patterns).
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
        /// Corpus directory (.html .htm .shtml .xhtml .txt, optionally .gz).
        corpus: PathBuf,
        /// Output directory.
        #[arg(short, long)]
        output: PathBuf,
        /// Largest input accepted, in bytes.
        #[arg(long, default_value_t = crate_max_bytes())]
        max_bytes: u64,
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
    /// Every indicator as a series over periods across an output directory; revisions flagged.
    Series {
        /// Output directory of `run` (or a documents.jsonl file).
        output: PathBuf,
        /// Keep metrics containing this text.
        #[arg(long)]
        metric: Option<String>,
        /// Keep scopes containing this text.
        #[arg(long)]
        scope: Option<String>,
        /// Keep periods starting with this text (e.g. 2024).
        #[arg(long)]
        period: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
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
