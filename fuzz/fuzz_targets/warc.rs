//! Fuzzes the WARC reader: arbitrary bytes read as a WARC stream (`pressmine::warc::Records`).
//! Checks (tests/common/invariants.rs, `warc`): no panic, no hang, every entry's offset
//! inside the input and increasing, a page's record starting with `WARC/`.
//! `tests/warc.rs` runs the same checks on stable over random bytes and mutated archives.
#![no_main]

#[path = "../../tests/common/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    invariants::warc(data);
});
