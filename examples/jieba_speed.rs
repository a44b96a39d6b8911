//! Profiling aid: jieba-rs cut/tag speed with and without HMM on the bodies of a directory of
//! pages (`cargo run --release --example jieba_speed [DIR]`).
use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = pressmine::pipeline::Pipeline::load(&root.join("patterns")).unwrap();
    let dir = std::env::args().nth(1).map_or_else(|| root.join("corpus/realpages"), std::path::PathBuf::from);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let b = std::fs::read(e.path()).unwrap();
        let d = pressmine::decode::decode(&b, None);
        let c = pressmine::clean::clean(&d.text, false, p.clean_rules());
        texts.push(c.paragraphs.join("\n"));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let j = jieba_rs::Jieba::new();
    type Case<'a> = (&'a str, Box<dyn Fn(&str) -> usize + 'a>);
    let cases: [Case; 4] = [
        ("cut hmm=false", Box::new(|t| j.cut(t, false).len())),
        ("cut hmm=true", Box::new(|t| j.cut(t, true).len())),
        ("tag hmm=false", Box::new(|t| j.tag(t, false).len())),
        ("tag hmm=true", Box::new(|t| j.tag(t, true).len())),
    ];
    for (name, f) in &cases {
        let s = Instant::now();
        let mut n = 0;
        for t in &texts {
            n += f(t);
        }
        let e = s.elapsed().as_secs_f64();
        println!("{name:<14} {:.1} MB/s ({n} words)", bytes as f64 / 1e6 / e);
    }
}
