//! Standard output of the report commands. A reader that stops early (`| head -1`) closes
//! the pipe and the next write fails with `BrokenPipe`; the command then ends at once and
//! quietly, with the exit status it already knew (diff's 0 or 1), or [`CLOSED`] when it did
//! not know it yet (`extract` stops before reading the rest of its inputs). Other write
//! errors are returned as usual.

use std::io::Write;

/// Exit status when the pipe closed before the command knew its own: 128 + SIGPIPE, what a
/// shell reports for a process that a closed pipe ended.
pub const CLOSED: u8 = 141;

/// Writes `text` to standard output and flushes it; exits with `status` when the reader has gone.
///
/// # Errors
/// Write errors other than a closed pipe.
pub fn print(text: &str, status: u8) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    quiet_on_closed_pipe(out.write_all(text.as_bytes()).and_then(|()| out.flush()), status)
}

/// Passes `result` through, except that a closed pipe ends the process with `status`.
///
/// # Errors
/// The error of `result` when it is not a closed pipe.
pub fn quiet_on_closed_pipe<T>(result: std::io::Result<T>, status: u8) -> std::io::Result<T> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(i32::from(status)),
        other => other,
    }
}
