//! Fuzzes the bytes → document entry point (decode, clean, segment, extract) and checks the
//! document invariants (tests/common/invariants.rs: sentences tile the text, claims and
//! initiative mentions inside it, exact values). `tests/fuzz_smoke.rs` runs the same checks
//! on stable over the seed corpus and random inputs.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use pressmine::{pipeline::Pipeline, source::RawDoc};
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns")).unwrap());

fuzz_target!(|data: &[u8]| {
    let txt = data.first().is_some_and(|b| b & 1 == 1);
    let doc = PIPE.process(&RawDoc::from_bytes(if txt { "f.txt" } else { "f.html" }, data.to_vec()));
    invariants::document(&doc);
});
