//! Prints per-stage time over the real pages, or the pages of a directory given as the first
//! argument (profiling aid): `cargo run --release --example stage_times [DIR]`.
use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = pressmine::pipeline::Pipeline::load(&root.join("patterns")).unwrap();
    let mut pages = Vec::new();
    let dir = std::env::args().nth(1).map_or_else(|| root.join("corpus/realpages"), std::path::PathBuf::from);
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            pages.push(std::fs::read(e.path()).unwrap());
        }
    }
    let mut t = [0f64; 7];
    for b in pages.iter().chain(&pages).chain(&pages) {
        let s = Instant::now();
        let d = pressmine::decode::decode(b, None);
        t[0] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let c = pressmine::clean::clean(&d.text, false, p.clean_rules());
        t[1] += s.elapsed().as_secs_f64();
        let text = c.paragraphs.join("\n");
        let s = Instant::now();
        let w = p.segmenter().words(&text);
        t[2] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let prep0 = p.extractor().prepare(&text);
        let seg = p.segmenter().segment_where(&text, |s| p.extractor().spans_read(&prep0, s));
        t[3] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let _ = p.extractor().extract(&text, &seg, None, None);
        t[4] += s.elapsed().as_secs_f64();
        let prep = p.extractor().prepare(&text);
        let f = &prep.folded;
        let cx = pressmine::extract::claims::Context {
            text: &text,
            words: &seg.words,
            sentences: &seg.sentences,
            published: None,
            title: None,
        };
        let s = Instant::now();
        let _ = pressmine::extract::claims::extract(p.extractor().claim_rules(), &cx, &prep, &mut Vec::new());
        t[5] += s.elapsed().as_secs_f64();
        let s = Instant::now();
        let _ =
            pressmine::extract::initiatives::extract(p.extractor().initiative_rules(), &seg.words, f, &mut Vec::new());
        t[6] += s.elapsed().as_secs_f64();
        std::hint::black_box(w);
    }
    println!(
        "decode {:.1} ms, clean {:.1} ms, words {:.1} ms, segment(all) {:.1} ms, extract {:.1} ms (claims {:.1} ms, initiatives {:.1} ms)",
        t[0] * 1e3,
        t[1] * 1e3,
        t[2] * 1e3,
        t[3] * 1e3,
        t[4] * 1e3,
        t[5] * 1e3,
        t[6] * 1e3
    );
}
