//! Times each claim rule over the body texts of a directory, whole text vs sentence scan
//! (profiling aid): `cargo run --release --example rule_times DIR`.
use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = pressmine::pipeline::Pipeline::load(&root.join("patterns")).unwrap();
    let dir = std::env::args().nth(1).map_or_else(|| root.join("corpus/realpages"), std::path::PathBuf::from);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let Ok(b) = std::fs::read(e.path()) else { continue };
        let d = pressmine::decode::decode(&b, None);
        let t = pressmine::clean::clean(&d.text, false, p.clean_rules()).paragraphs.join("\n");
        texts.push(pressmine::extract::Folded::new(&t).string);
    }
    let r = p.extractor().claim_rules();
    for (rules, sc) in [(&r.non_claims, &r.non_claim_scanner), (&r.periods, &r.period_scanner)] {
        let t = Instant::now();
        let scans: Vec<_> = texts.iter().map(|h| sc.scan(h)).collect();
        println!("scan {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
        for (k, rule) in rules.iter().enumerate() {
            let t = Instant::now();
            let mut n = 0;
            for h in &texts {
                n += rule.regex.find_iter(h).count();
            }
            let whole = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            for (h, s) in texts.iter().zip(&scans) {
                for r in s.ranges(k) {
                    n += rule.regex.find_iter(&h[r]).count();
                }
            }
            println!("{:<28} whole {whole:7.2} ms  scanned {:7.2} ms  ({n})", rule.id, t.elapsed().as_secs_f64() * 1e3);
        }
    }
}
