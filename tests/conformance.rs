//! Conformance of the number/unit layer against cases converted from Microsoft
//! Recognizers-Text, Duckling and cn2an (tests/conformance, with their licences).
//! Pass rates are printed per file. `tests/conformance/known_failures.txt` lists the cases
//! that fail today; a new failure fails the test, and so does a listed case that now
//! passes (the list may only shrink: delete its line).

use pressmine::extract::claims::{scan_currency_names, scan_quantities};
use pressmine::extract::numbers::{find_numbers, parse_whole, Mode};
use pressmine::model::ClaimKind;
use pressmine::pipeline::Pipeline;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::str::FromStr;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn lines(file: &str) -> Vec<Value> {
    std::fs::read_to_string(dir().join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => {
            let s = n.to_string();
            Decimal::from_str(&s).ok().or_else(|| Decimal::from_scientific(&s).ok())
        }
        Value::String(s) => {
            let s = s.trim_end_matches('%');
            Decimal::from_str(s).ok().or_else(|| Decimal::from_scientific(s).ok())
        }
        _ => None,
    }
    .map(|d| d.normalize())
}

/// Entities as (start, end, value) for exact comparison.
type Ent = (usize, usize, Option<Decimal>);

fn expected(case: &Value, types: &[&str]) -> Vec<Ent> {
    case["expected"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| types.contains(&e["type"].as_str().unwrap_or("")))
        .map(|e| (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize, dec(&e["value"])))
        .collect()
}

/// Recognizers-Text's values are doubles printed to 15 significant digits (1/3 → 0.333333333333333,
/// 202107211321363588510367 → 202107211321364000000000): a value matches when it agrees to within
/// a relative 1e-12; spans must match exactly.
fn same(got: &[Ent], want: &[Ent]) -> bool {
    let close = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => {
            let tol = b.abs().max(Decimal::ONE) * Decimal::new(1, 12);
            (a - b).abs() <= tol
        }
        (a, b) => a == b,
    };
    got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g.0 == w.0 && g.1 == w.1 && close(g.2, w.2))
}

struct Report {
    failures: BTreeSet<String>,
    lines: Vec<String>,
}

impl Report {
    fn file(&mut self, name: &str, results: Vec<(String, bool)>) {
        let pass = results.iter().filter(|r| r.1).count();
        self.lines.push(format!(
            "{name:<40} {pass:>4}/{:<4} {:>6.1}%",
            results.len(),
            100.0 * pass as f64 / results.len().max(1) as f64
        ));
        self.failures.extend(results.into_iter().filter(|r| !r.1).map(|r| r.0));
    }
}

#[test]
fn conformance_pass_rates() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let rules = pipeline.extractor().claim_rules();
    let mut report = Report { failures: BTreeSet::new(), lines: Vec::new() };

    // cn2an: whole strings in each mode; must-reject inputs rejected in strict mode.
    let mut valid = Vec::new();
    let mut reject = Vec::new();
    for case in lines("cn2an/cn2an.jsonl") {
        let id = case["id"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        if case.get("error").is_some() {
            reject.push((format!("{id}:strict"), parse_whole(input, Mode::Strict).is_none()));
            continue;
        }
        let want = dec(&case["expected"][0]["value"]);
        for mode in case["modes"].as_array().unwrap() {
            let m = match mode.as_str().unwrap() {
                "strict" => Mode::Strict,
                "normal" => Mode::Normal,
                "smart" => Mode::Smart,
                _ => continue, // "direct" keeps leading zeros as text: not a number reading
            };
            let got = parse_whole(input, m).map(|d| d.normalize());
            valid.push((format!("{id}:{}", mode.as_str().unwrap()), got.is_some() && got == want));
        }
    }
    report.file("cn2an/cn2an.jsonl valid", valid);
    report.file("cn2an/cn2an.jsonl must-reject (strict)", reject);

    // Recognizers-Text: the exact entity list of each sentence.
    let literal_ents = |input: &str| -> Vec<Ent> {
        find_numbers(input).into_iter().map(|l| (l.start, l.end, Some(l.value.normalize()))).collect()
    };
    let quantity_ents = |input: &str, kind: ClaimKind| -> Vec<Ent> {
        scan_quantities(rules, input)
            .into_iter()
            // Recognizers-Text has no percentage-point type: it reads 六个百分点 as 6 %, which
            // is pressmine's "pp" with the same value.
            .filter(|q| q.kind == kind || (kind == ClaimKind::Percent && q.kind == ClaimKind::Pp))
            .map(|q| (q.span[0], q.span[1], Some(q.value)))
            .collect()
    };
    for (file, types) in [
        ("recognizers-zh/number.jsonl", &["number"][..]),
        ("recognizers-zh/percent.jsonl", &["percentage"][..]),
        ("recognizers-zh/currency.jsonl", &["currency"][..]),
    ] {
        let mut results = Vec::new();
        for case in lines(file) {
            let input = case["input"].as_str().unwrap();
            let want = expected(&case, types);
            let got = match types[0] {
                "number" => literal_ents(input),
                "percentage" => quantity_ents(input, ClaimKind::Percent),
                _ => {
                    // Recognizers-Text also reports currencies named without an amount, with
                    // a null value.
                    let mut ents = quantity_ents(input, ClaimKind::Amount);
                    ents.extend(scan_currency_names(rules, input).into_iter().map(|c| (c.span[0], c.span[1], None)));
                    ents.sort_by_key(|e| (e.0, e.1));
                    ents
                }
            };
            if !same(&got, &want) && std::env::var_os("PRESSMINE_SHOW_FAILURES").is_some() {
                println!("{} {input:?}\n  want {want:?}\n  got  {got:?}", case["id"].as_str().unwrap());
            }
            results.push((case["id"].as_str().unwrap().to_string(), same(&got, &want)));
        }
        report.file(file, results);
    }

    // Duckling numerals: whole strings.
    let mut results = Vec::new();
    for case in lines("duckling-zh/numeral.jsonl") {
        let input = case["input"].as_str().unwrap();
        let want = dec(&case["expected"][0]["value"]);
        let got = parse_whole(input, Mode::Smart).map(|d| d.normalize());
        results.push((format!("duckling-{}", case["id"].as_str().unwrap()), got.is_some() && got == want));
    }
    report.file("duckling-zh/numeral.jsonl", results);

    println!("{}", report.lines.join("\n"));
    let known: BTreeSet<String> = std::fs::read_to_string(dir().join("known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    if std::env::var_os("PRESSMINE_WRITE_KNOWN_FAILURES").is_some() {
        let body: Vec<&str> = report.failures.iter().map(|s| s.as_str()).collect();
        std::fs::write(
            dir().join("known_failures.txt"),
            format!("# Conformance cases that fail today (regenerate: PRESSMINE_WRITE_KNOWN_FAILURES=1 cargo test --test conformance).\n# This list may only shrink.\n{}\n", body.join("\n")),
        )
        .unwrap();
        return;
    }
    let new: Vec<_> = report.failures.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&report.failures).collect();
    assert!(new.is_empty(), "new conformance failures: {new:?}");
    assert!(fixed.is_empty(), "these now pass; remove them from known_failures.txt: {fixed:?}");
}
