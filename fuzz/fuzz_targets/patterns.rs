//! Fuzzes the patterns loader: the first byte picks one file of the patterns folder
//! (`pressmine::patterns::FILES`), the rest becomes its content, the other files stay as in
//! the repository's `patterns/` (copied once per process to a temporary folder), and the
//! loader `Pipeline::load` runs for that file is called on the folder. Checks (tests/common/invariants.rs,
//! `patterns`): no panic, no hang, and a failure is an `Err` whose message names the file.
//! `tests/fuzz_smoke.rs` runs the same checks on stable over the committed corpus and
//! mutants of it.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// This process's copy of `patterns/`.
static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns");
    let to = std::env::temp_dir().join(format!("pressmine-fuzz-patterns-{}", std::process::id()));
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    to
});

fuzz_target!(|data: &[u8]| {
    invariants::patterns(&DIR, data);
});
