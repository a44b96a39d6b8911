//! `diff` and `series` on two synthetic corpora of 10,000 documents (about 300,000 claims
//! each; 5 % of the values changed): `cargo bench --bench diff`. Reports the median of 3
//! runs and the process's peak RSS.

use pressmine::canon::Canon;
use pressmine::diff::{diff, series, SeriesFilter};
use pressmine::model::{Claim, ClaimKind, Document, Modality, SourceInfo, SCHEMA};
use rust_decimal::Decimal;
use std::time::Instant;

fn corpus(docs: usize, per_doc: usize, changed_every: usize) -> Vec<Document> {
    let metrics: Vec<String> = (0..300).map(|i| format!("指标{i}")).collect();
    let scopes = ["江苏", "浙江", "广东", "山东", "河南", "四川", "湖北", "福建"];
    (0..docs)
        .map(|d| {
            let claims = (0..per_doc)
                .map(|k| {
                    let n = d * per_doc + k;
                    let mut v = Decimal::from((n * 7919) % 100_000) / Decimal::from(10);
                    if changed_every > 0 && n % changed_every == 0 {
                        v += Decimal::ONE;
                    }
                    pressmine::model::KeyedClaim::from(Claim {
                        text: format!("{v}%"),
                        span: [k * 20, k * 20 + 5],
                        sentence: [k * 20, k * 20 + 19],
                        value: v,
                        unit: Some("%".into()),
                        surface_unit: Some("%".into()),
                        kind: ClaimKind::Percent,
                        change: None,
                        qualifier: None,
                        range: None,
                        metric: Some(metrics[n % metrics.len()].clone()),
                        scope: Some(scopes[d % scopes.len()].into()),
                        period: Some(format!("20{:02}-{:02}", 10 + d % 15, 1 + k % 12)),
                        modality: Modality::Actual,
                        bound: None,
                        rule: "bench".into(),
                    })
                })
                .collect();
            Document {
                schema: SCHEMA.into(),
                id: format!("doc{d:05}"),
                source: SourceInfo {
                    path: None,
                    url: None,
                    sha256: "0".repeat(64),
                    encoding: "UTF-8".into(),
                    bytes: 0,
                },
                title: None,
                published: None,
                publisher: None,
                doc_number: None,
                issuer: None,
                signed: None,
                text: "今年1-7月，全省规上工业增加值同比增长8.2%。".repeat(per_doc),
                sentences: Vec::new(),
                turns: Vec::new(),
                keywords: Vec::new(),
                claims,
                initiatives: Vec::new(),
                warnings: Vec::new(),
            }
        })
        .collect()
}

fn peak_rss_mb() -> i64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills a struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_maxrss / 1024
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let syn = Canon::load(
        &pressmine::patterns::Patterns::read_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns"))
            .unwrap(),
    )
    .unwrap();
    let (old, new) = (corpus(10_000, 30, 0), corpus(10_000, 30, 20));
    let mut times = Vec::new();
    let mut changed = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let r = diff(&old, &new, &syn);
        times.push(t.elapsed().as_secs_f64());
        changed = r.changed.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let t = Instant::now();
    let s = series(&new, &syn, &SeriesFilter::default());
    let ts = t.elapsed().as_secs_f64();
    println!(
        "diff of 2 × 10,000 documents (300,000 claims each): median {:.2} s, {changed} changed; series: {:.2} s, {} series; peak RSS {} MB",
        times[1],
        ts,
        s.len(),
        peak_rss_mb()
    );
}
