//! Fuzzes the bytes → document entry point (decode, clean, segment, extract).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmine::{pipeline::Pipeline, source::RawDoc};
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns")).unwrap());

fuzz_target!(|data: &[u8]| {
    let txt = data.first().is_some_and(|b| b & 1 == 1);
    let doc = PIPE.process(&RawDoc::from_bytes(if txt { "f.txt" } else { "f.html" }, data.to_vec()));
    let chars: Vec<char> = doc.text.chars().collect();
    for c in &doc.claims {
        assert_eq!(chars[c.span[0]..c.span[1]].iter().collect::<String>(), c.text);
    }
});
