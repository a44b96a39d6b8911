//! Helpers shared by the benchmarks: running the release binary and reading its peak RSS.

use std::process::Command;

/// Runs a command to completion; returns (success, peak RSS of that child in KiB).
pub fn run_measured(cmd: &mut Command) -> (bool, i64) {
    #[allow(clippy::zombie_processes)] // reaped by wait4 below
    let child = cmd.spawn().unwrap();
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child's pid, writing into values we own.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    (pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, ru.ru_maxrss)
}
