//! Helpers shared by integration tests and benchmarks.

#![allow(dead_code)]

pub mod http;

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

/// A JSON value as a table cell: strings bare, null as `-`, anything else as JSON.
pub fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "-".into(),
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the built `pressmine` binary with the project's patterns and asserts it succeeded.
pub fn pressmine(args: &[&str]) -> std::process::Output {
    let o = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .args(args)
        .output()
        .expect("binary runs");
    assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    o
}

/// Writes the gzip of `n` zero bytes into `w`, compressing one MiB at a time so that nothing
/// of size `n` is ever held: a decompression bomb (1 GiB of zeros is about 1 MB of gzip).
pub fn gzip_zeros<W: Write>(w: W, n: u64) -> W {
    let block = vec![0u8; 1 << 20];
    let mut gz = flate2::write::GzEncoder::new(w, flate2::Compression::best());
    let mut left = n;
    while left > 0 {
        let step = left.min(block.len() as u64);
        gz.write_all(&block[..step as usize]).expect("compress");
        left -= step;
    }
    gz.finish().expect("finish gzip")
}

/// Runs a command to completion (its output discarded); returns its exit code and its peak
/// resident memory in MiB, as the kernel measured it (wait4's rusage).
pub fn exit_and_peak_rss(cmd: &mut Command) -> (Option<i32>, i64) {
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    #[allow(clippy::zombie_processes)] // reaped by wait4 below
    let child = cmd.spawn().expect("spawn");
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 on our own child's pid writes into values we own.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    assert!(pid > 0, "wait4 failed");
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, ru.ru_maxrss / 1024)
}
