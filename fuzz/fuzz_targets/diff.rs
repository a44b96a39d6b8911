//! Fuzzes what `pressmine diff` does with its two inputs, in memory: the first byte picks
//! how each side is read (one document's JSON or `documents.jsonl` lines), the rest is split
//! at the first `0xFF` byte into the old and the new side (or both are the same bytes), and
//! the readable sides are compared and the report rendered. Checks (tests/common/invariants.rs,
//! `diff`): no panic, unreadable input is an `Err`, every claim is accounted for once, and a
//! side compared with itself reports no change. `tests/fuzz_smoke.rs` runs the same checks on
//! stable over the committed corpus and mutants of it.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use pressmine::pipeline::Pipeline;
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns")).unwrap());

fuzz_target!(|data: &[u8]| {
    invariants::diff(PIPE.canon(), data);
});
