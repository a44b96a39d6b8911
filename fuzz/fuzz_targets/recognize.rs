//! Fuzzes the number parser and the claim/initiative recognizers on arbitrary strings and
//! checks their invariants (tests/common/invariants.rs). `tests/fuzz_smoke.rs` runs the same
//! checks on stable over the seed corpus and random inputs.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use pressmine::pipeline::Pipeline;
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns")).unwrap());

fuzz_target!(|text: &str| {
    invariants::recognize(&PIPE, text);
});
