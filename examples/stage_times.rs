//! Prints the time per page of each stage over the real pages, or the pages of a directory
//! given as the first argument (profiling aid): `cargo run --release --example stage_times [DIR]`.
//! `PRESSMINE_PASSES` sets how many times the pages are run (default 3); raise it under `perf`
//! so that loading the patterns does not weigh in the profile.
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
    let stages = ["decode", "clean", "prepare", "spans", "tag+keywords", "claims", "initiatives"];
    let mut t = [0f64; 7];
    let ex = p.extractor();
    let passes: usize = std::env::var("PRESSMINE_PASSES").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    for b in std::iter::repeat(&pages).take(passes).flatten() {
        let mut s = Instant::now();
        let mut lap = |k: usize| {
            t[k] += s.elapsed().as_secs_f64();
            s = Instant::now();
        };
        let d = pressmine::decode::decode(b, None);
        lap(0);
        let c = pressmine::clean::clean(&d.text, false, p.clean_rules());
        let text = c.paragraphs.join("\n");
        lap(1);
        let prep = ex.prepare(&text);
        lap(2);
        let sentences = pressmine::segment::sentences(&text);
        let spans = ex.spans_read(&prep, &sentences);
        lap(3);
        let seg = p.segmenter().segment_where(&text, |_| spans);
        let (words, keywords) = (seg.words, seg.keywords);
        lap(4);
        let cx = pressmine::extract::claims::Context {
            text: &text,
            words: &words,
            sentences: &sentences,
            published: c.published.as_deref(),
            title: c.title.as_deref(),
        };
        let claims =
            pressmine::extract::claims::extract(ex.claim_rules(), ex.report_rules(), &cx, &prep, &mut Vec::new());
        lap(5);
        let inits =
            pressmine::extract::initiatives::extract(ex.initiative_rules(), &words, &prep.folded, &mut Vec::new());
        lap(6);
        std::hint::black_box((keywords, claims, inits));
    }
    let n = (passes * pages.len()) as f64;
    let parts: Vec<String> = stages.iter().zip(t).map(|(s, x)| format!("{s} {:.3}", x * 1e3 / n)).collect();
    println!("ms per page: {} (sum {:.3})", parts.join(", "), t.iter().sum::<f64>() * 1e3 / n);
}
