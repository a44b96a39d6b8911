//! Prints the words and part-of-speech tags pressmine's segmenter gives a sentence (debugging
//! aid for metrics and scopes): `cargo run --release --example tags -- 其中，城镇人口6590万人`.
fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = pressmine::pipeline::Pipeline::load(&root.join("patterns")).expect("patterns load");
    for text in std::env::args().skip(1) {
        let chars: Vec<char> = text.chars().collect();
        let words: Vec<String> = p
            .segmenter()
            .words(&text)
            .iter()
            .map(|w| format!("{}/{}", chars[w.start..w.end].iter().collect::<String>(), w.tag))
            .collect();
        println!("{}", words.join(" "));
    }
}
