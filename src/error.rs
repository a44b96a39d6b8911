//! Error types of the library. Stages after cleaning cannot fail: they record warnings.

use std::path::PathBuf;

/// A document that could not be turned into a [`crate::model::Document`].
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// The file could not be read.
    #[error("read failed: {0}")]
    Io(#[from] std::io::Error),
    /// The input has no bytes.
    #[error("empty input")]
    Empty,
    /// The input looks like a binary file, not text or HTML.
    #[error("binary content ({0})")]
    Binary(String),
    /// The input is larger than the configured limit.
    #[error("input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size seen.
        size: u64,
        /// Limit in force.
        limit: u64,
    },
    /// A gzip input inflates past the limit (a decompression bomb or an oversized page);
    /// inflating stopped there.
    #[error("gzip input inflates to more than {limit} bytes (the --max-bytes limit); not read")]
    InflatesTooLarge {
        /// Limit in force.
        limit: u64,
    },
    /// A gzip stream was corrupt.
    #[error("gzip: {0}")]
    Gzip(String),
}

/// A problem with the patterns/ folder: names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    /// The file could not be read (the cause is the error's source, printed after it).
    #[error("{path}: cannot read this patterns file")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The folder is missing or lacks files every patterns folder needs.
    #[error("{}: {problem}; a patterns folder (--patterns or $PRESSMINE_PATTERNS) holds {}: \
             `pressmine patterns export DIR` writes the built-in ones to edit", dir.display(), crate::patterns::FILES.join(", "))]
    Folder {
        /// The folder given.
        dir: PathBuf,
        /// What is wrong with it, e.g. which files are missing.
        problem: String,
    },
    /// The built-in patterns could not be written out.
    #[error("{}: {problem}", path.display())]
    Export {
        /// Folder or file involved.
        path: PathBuf,
        /// What went wrong and what to do.
        problem: String,
    },
    /// A syntax or validation error at a line.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// File.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Errors of a batch run that stop the whole run (usage or output I/O).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Patterns failed to load.
    #[error(transparent)]
    Patterns(#[from] PatternError),
    /// Output could not be written (the cause is the error's source, printed after it).
    #[error("{path}: cannot write")]
    Output {
        /// Path being written.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The input path does not exist or is not usable.
    #[error("{0}")]
    Input(String),
}

/// Errors that stop a whole fetch (a failing URL is a log line, not an error).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The corpus directory, the log or the runtime could not be set up.
    #[error("{path}: {source}", path = .0.display(), source = .1)]
    Io(PathBuf, std::io::Error),
    /// The HTTP client could not be built.
    #[error("HTTP client: {0}")]
    Client(String),
    /// A URL list could not be read.
    #[error("{path}: {source}", path = .0.display(), source = .1)]
    UrlList(PathBuf, std::io::Error),
}
