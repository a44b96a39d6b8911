//! Fuzzes the number parser and the claim/initiative recognizers on arbitrary strings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmine::extract::numbers::{find_literals, find_numbers, parse_whole, Mode};
use pressmine::pipeline::Pipeline;
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../patterns")).unwrap());

fuzz_target!(|text: &str| {
    for m in [Mode::Strict, Mode::Normal, Mode::Smart] {
        let _ = parse_whole(text, m);
    }
    let _ = find_literals(text);
    let _ = find_numbers(text);
    let seg = PIPE.segmenter().segment(text);
    let out = PIPE.extractor().extract(text, &seg, Some("2024-08-28"), None);
    let chars: Vec<char> = text.chars().collect();
    for c in &out.claims {
        assert_eq!(chars[c.span[0]..c.span[1]].iter().collect::<String>(), c.text);
    }
});
