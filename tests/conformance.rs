//! Conformance of the number/unit layer against every case file converted from Microsoft
//! Recognizers-Text, Duckling and cn2an (tests/conformance, with their READMEs and licences).
//!
//! Each file has a pinned number of cases and checks, a floor (passing checks may only go up)
//! and a known-failures list, `tests/conformance/known_failures/<folder>/<file>.txt`. The test
//! prints a per-file report (`cargo test --test conformance -- --nocapture`) and fails when a
//! case outside its file's list fails, and when a listed case now passes (the list may only
//! shrink: it prints the lines to delete). It never writes the lists; after a deliberate change
//! they are rewritten by
//! `cargo test --test conformance -- --ignored write_known_failures`.
//! `PRESSMINE_SHOW_FAILURES=1` prints every failing case with what was wanted and what was read.
//! The report's `target` column is the pass rate aimed at; `!` marks a file below it.

use pressmine::extract::claims::{scan_currency_names, scan_quantities, Quantity};
use pressmine::extract::numbers::{find_numbers, parse_whole, Mode};
use pressmine::extract::rules::ClaimRules;
use pressmine::model::{Claim, ClaimKind, Qualifier};
use pressmine::pipeline::Pipeline;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::LazyLock;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("patterns")).unwrap());

fn rules() -> &'static ClaimRules {
    PIPE.extractor().claim_rules()
}

fn lines(file: &str) -> Vec<Value> {
    std::fs::read_to_string(dir().join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn dec_str(s: &str) -> Option<Decimal> {
    let s = s.trim().trim_end_matches('%');
    Decimal::from_str(s).ok().or_else(|| Decimal::from_scientific(s).ok()).map(|d| d.normalize())
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => dec_str(&n.to_string()),
        Value::String(s) => dec_str(s),
        _ => None,
    }
}

/// An entity as (start, end, value) for exact comparison.
type Ent = (usize, usize, Option<Decimal>);

fn expected(case: &Value, ty: &str) -> Vec<Ent> {
    case["expected"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == ty)
        .map(|e| (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize, dec(&e["value"])))
        .collect()
}

/// Recognizers-Text's values are doubles printed to 15 significant digits (1/3 → 0.333333333333333,
/// 202107211321363588510367 → 202107211321364000000000): a value matches when it agrees to within
/// a relative 1e-12; spans must match exactly.
fn close(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= b.abs().max(Decimal::ONE) * Decimal::new(1, 12),
        (a, b) => a == b,
    }
}

fn same(got: &[Ent], want: &[Ent]) -> bool {
    got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g.0 == w.0 && g.1 == w.1 && close(g.2, w.2))
}

/// One check: its id, whether it passed, and what was wanted and read (for
/// `PRESSMINE_SHOW_FAILURES`).
struct Check {
    id: String,
    pass: bool,
    detail: String,
}

fn check(case: &Value, pass: bool, detail: impl FnOnce() -> String) -> Check {
    let id = case["id"].as_str().unwrap().to_string();
    Check { id, detail: if pass { String::new() } else { detail() }, pass }
}

/// The claims pressmine reports for a text on its own.
/// The figures of a text, a range once (by its lower end, which carries the range): the
/// suites read a range as one entity.
fn claims(text: &str) -> Vec<Claim> {
    let seg = PIPE.segmenter().segment(text);
    let mut claims = PIPE.extractor().extract(text, &seg, Some("2024-08-28"), None).claims;
    claims.retain(|c| !c.is_upper_end());
    claims
}

fn quantity_ents(text: &str, keep: impl Fn(&Quantity) -> bool) -> Vec<Ent> {
    scan_quantities(rules(), text).into_iter().filter(keep).map(|q| (q.span[0], q.span[1], Some(q.value))).collect()
}

fn unit_in(q: &Quantity, codes: &[&str]) -> bool {
    q.unit.as_deref().is_some_and(|u| codes.contains(&u))
}

/// Compares the exact entity list of a Recognizers-Text sentence case with what `read` finds.
fn recognizers(case: &Value, ty: &str, read: impl Fn(&str) -> Vec<Ent>) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let (want, got) = (expected(case, ty), read(input));
    vec![check(case, same(&got, &want), || format!("{input:?}\n  want {want:?}\n  got  {got:?}"))]
}

// ---- adapters, one per kind of file ----

/// cn2an.jsonl: whole strings in each cn2an mode; must-reject inputs rejected in strict mode.
/// "direct" mode keeps leading zeros as text (003): no number reading, not checked.
fn cn2an(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let id = case["id"].as_str().unwrap();
    if case.get("error").is_some() {
        let got = parse_whole(input, Mode::Strict);
        return vec![Check {
            id: format!("{id}:strict"),
            pass: got.is_none(),
            detail: format!("{input:?} read {got:?}"),
        }];
    }
    let want = dec(&case["expected"][0]["value"]);
    let mut out = Vec::new();
    for mode in case["modes"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()) {
        let m = match mode {
            "strict" => Mode::Strict,
            "normal" => Mode::Normal,
            "smart" => Mode::Smart,
            _ => continue,
        };
        let got = parse_whole(input, m).map(|d| d.normalize());
        out.push(Check {
            id: format!("{id}:{mode}"),
            pass: got.is_some() && got == want,
            detail: format!("{input:?} want {want:?} got {got:?}"),
        });
    }
    out
}

/// an2cn.jsonl (number → Chinese text): the round trip, pressmine reads cn2an's text back as the
/// number (smart mode; rmb amounts end in 元整 or 角/分, rounded to the 分 as cn2an writes
/// them); inputs cn2an rejects are rejected.
fn an2cn(case: &Value) -> Vec<Check> {
    let input = match &case["input"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if case.get("error").is_some() {
        let got = parse_whole(&input, Mode::Smart);
        return vec![check(case, got.is_none(), || format!("{input:?} must be rejected, read {got:?}"))];
    }
    let text = case["expected_output"].as_str().unwrap();
    // cn2an writes rmb amounts to the 分 (0.4321 → 肆角叁分).
    let want = dec_str(&input).map(|d| if case["mode"] == "rmb" { d.round_dp(2).normalize() } else { d });
    // RMB text: 元整 / 元 + 角分 amounts.
    let got = parse_whole(text, Mode::Smart).or_else(|| {
        let q = scan_quantities(rules(), text);
        match q.as_slice() {
            [one] if one.span == [0, text.chars().count()] && one.unit.as_deref() == Some("CNY") => Some(one.value),
            _ => None,
        }
    });
    let got = got.map(|d| d.normalize());
    vec![check(case, got.is_some() && got == want, || format!("{text:?} want {want:?} got {got:?}"))]
}

/// transform.jsonl (sentence rewriting): pressmine reads the numbers with their units from the
/// Chinese-numeral side and from the Arabic side; the case passes when the text between them
/// is the same on both sides, each pair has the same value and unit, and every number on the
/// Arabic side is written in digits (in cn2an's `direct` mode numerals other than
/// digit-by-digit ones stay as they are, so there an identical numeral is allowed).
fn transform(case: &Value) -> Vec<Check> {
    let (input, output) = (case["input"].as_str().unwrap(), case["expected_output"].as_str().unwrap());
    let (han, arabic) = if case["method"] == "cn2an" { (input, output) } else { (output, input) };
    let direct = case["direct"] == true;
    // (text before, value, unit, written) for each quantity, then the rest.
    let read = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let mut parts = Vec::new();
        for q in scan_quantities(rules(), text) {
            let before: String = chars[at..q.span[0]].iter().collect();
            let written: String = chars[q.span[0]..q.span[1]].iter().collect();
            parts.push((before, q.value, q.unit, written));
            at = q.span[1];
        }
        (parts, chars[at..].iter().collect::<String>())
    };
    let ((h, h_rest), (a, a_rest)) = (read(han), read(arabic));
    let pass = h_rest == a_rest
        && h.len() == a.len()
        && h.iter().zip(&a).all(|(h, a)| {
            let digits = a.3.chars().any(|c| c.is_ascii_digit()) || (direct && a.3 == h.3);
            h.0 == a.0 && h.1 == a.1 && h.2 == a.2 && digits
        });
    vec![check(case, pass, || format!("{han:?} read {h:?} {h_rest:?}\n  {arabic:?} read {a:?} {a_rest:?}"))]
}

/// Duckling numerals: the whole string, smart mode.
fn duckling_numeral(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let want = dec(&case["expected"][0]["value"]);
    let got = parse_whole(input, Mode::Smart).map(|d| d.normalize());
    vec![check(case, got.is_some() && got == want, || format!("{input:?} want {want:?} got {got:?}"))]
}

/// Ranks (第一, 第二位) are read by the claim layer: its figures of kind `rank`.
fn rank_ents(text: &str) -> Vec<Ent> {
    claims(text)
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Rank)
        .map(|c| (c.span[0], c.span[1], Some(c.value)))
        .collect()
}

/// Duckling ordinals: the whole string is one rank.
fn duckling_ordinal(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let want = vec![(0, input.chars().count(), dec(&case["expected"][0]["value"]))];
    let got = rank_ents(input);
    vec![check(case, same(&got, &want), || format!("{input:?} want {want:?} got {got:?}"))]
}

/// A quantity as a claim without qualifier or range, for comparisons shared with claims.
fn as_claim(q: Quantity) -> Claim {
    Claim {
        text: String::new(),
        span: q.span,
        sentence: q.span,
        value: q.value,
        unit: q.unit,
        surface_unit: None,
        kind: q.kind,
        change: None,
        qualifier: None,
        range: None,
        metric: None,
        scope: None,
        period: None,
        modality: pressmine::model::Modality::Actual,
        bound: None,
        rule: String::new(),
    }
}

/// A unit as a dimension and the factor to that dimension's base unit; Duckling's names,
/// Recognizers-Text's and pressmine's codes.
fn base(unit: &str) -> Option<(&'static str, Decimal)> {
    let d = |s: &str| Decimal::from_str(s).unwrap();
    Some(match unit {
        "Cent" => ("CNY", d("0.01")),
        "Dollar" | "CNY" => ("CNY", Decimal::ONE),
        "HKD" => ("HKD", Decimal::ONE),
        "Microgram" => ("mass", d("0.000001")),
        "Gram" | "g" => ("mass", Decimal::ONE),
        "Liang" => ("mass", d("50")),
        "Jin" | "jin" => ("mass", d("500")),
        "Kilogram" | "kg" => ("mass", d("1000")),
        "Ton" | "t" => ("mass", d("1000000")),
        "Millimetre" | "mm" => ("length", d("0.001")),
        "Centimetre" | "Centimeter" | "cm" => ("length", d("0.01")),
        "Inch" => ("length", d("0.0254")),
        "Foot" => ("length", d("0.3048")),
        "Metre" | "Meter" | "m" => ("length", Decimal::ONE),
        "Kilometre" | "Kilometer" | "km" => ("length", d("1000")),
        "Mile" => ("length", d("1609.344")),
        "Millilitre" => ("volume", d("0.001")),
        "Litre" | "L" => ("volume", Decimal::ONE),
        "Gallon" => ("volume", d("3.785411784")),
        "m3" => ("volume", d("1000")),
        "Mu" | "mu" => ("mu", Decimal::ONE),
        "Celsius" | "Degree" | "C" => ("celsius", Decimal::ONE),
        "Fahrenheit" => ("fahrenheit", Decimal::ONE),
        _ => return None,
    })
}

/// Duckling's unit dimensions (money, quantity, distance, volume, temperature): pressmine reports
/// exactly one figure for the whole string, with the value in the same unit once both are
/// converted to a base unit (Duckling gives 3斤 as 1500 Gram, 五分 as 5 Cent), and the same
/// bound: `under` is at_most/under, `above` over/at_least, `between` a range. Duckling's
/// `ambiguous_all` case (3千米: 3 km and 3000 m) passes with either reading.
fn duckling_unit(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    // A plain amount is the number/unit layer's reading; a bound (以上, 最多, 五块六到五块七毛八)
    // is the claim layer's qualifier or range.
    let got: Vec<Claim> = if case["expected"][0]["kind"] == "simple" {
        scan_quantities(rules(), input).into_iter().filter(|q| q.unit.is_some()).map(as_claim).collect()
    } else {
        claims(input)
    };
    let in_base = |v: Decimal, unit: &str| base(unit).and_then(|(dim, f)| Some((dim, v.checked_mul(f)?.normalize())));
    let fits = |e: &Value, c: &Claim| {
        let Some(unit) = c.unit.as_deref() else { return false };
        let want_unit = e["unit"].as_str().unwrap_or("");
        let at = |v: &Value| dec(v).and_then(|v| in_base(v, want_unit));
        let read = |v: Decimal| in_base(v, unit);
        match e["kind"].as_str().unwrap() {
            "simple" => {
                c.qualifier.is_none()
                    && c.range.is_none()
                    && at(&e["value"]).is_some()
                    && at(&e["value"]) == read(c.value)
            }
            "under" => {
                matches!(c.qualifier, Some(Qualifier::AtMost | Qualifier::Under))
                    && at(&e["value"]["to"]).is_some()
                    && at(&e["value"]["to"]) == read(c.value)
            }
            "above" => {
                matches!(c.qualifier, Some(Qualifier::Over | Qualifier::AtLeast))
                    && at(&e["value"]["from"]).is_some()
                    && at(&e["value"]["from"]) == read(c.value)
            }
            _ => c.range.is_some_and(|[lo, hi]| {
                at(&e["value"]["from"]).is_some()
                    && at(&e["value"]["from"]) == read(lo)
                    && at(&e["value"]["to"]) == read(hi)
            }),
        }
    };
    let pass = match got.as_slice() {
        [one] => case["expected"].as_array().unwrap().iter().any(|e| fits(e, one)),
        _ => false,
    };
    vec![check(case, pass, || {
        let read: Vec<_> = got.iter().map(|c| (&c.text, c.value, &c.unit, c.qualifier, c.range)).collect();
        format!("{input:?} want {} got {read:?}", case["expected"])
    })]
}

/// Recognizers-Text numbers: the numbers a reader takes from running text.
fn rec_number(case: &Value) -> Vec<Check> {
    recognizers(case, "number", |t| {
        find_numbers(t).into_iter().map(|l| (l.start, l.end, Some(l.value.normalize()))).collect()
    })
}

/// Recognizers-Text percentages; it has no percentage-point type and reads 六个百分点 as 6 %,
/// which is pressmine's `pp` with the same value.
fn rec_percent(case: &Value) -> Vec<Check> {
    recognizers(case, "percentage", |t| quantity_ents(t, |q| matches!(q.kind, ClaimKind::Percent | ClaimKind::Pp)))
}

/// Recognizers-Text currencies; it also reports currencies named without an amount, with a null
/// value (pressmine: `scan_currency_names`).
fn rec_currency(case: &Value) -> Vec<Check> {
    recognizers(case, "currency", |t| {
        let mut ents = quantity_ents(t, |q| q.kind == ClaimKind::Amount);
        ents.extend(scan_currency_names(rules(), t).into_iter().map(|c| (c.span[0], c.span[1], None)));
        ents.sort_by_key(|e| (e.0, e.1));
        ents
    })
}

/// Recognizers-Text ordinals: pressmine's ranks (第一, 第二位).
fn rec_ordinal(case: &Value) -> Vec<Check> {
    recognizers(case, "ordinal", rank_ents)
}

/// Units of length, area, volume, mass, power and energy (Recognizers-Text's dimensions).
const DIMENSION_UNITS: &[&str] = &[
    "t", "kg", "g", "jin", "mu", "ha", "m2", "km2", "km", "m", "cm", "mm", "m3", "kW", "kWh", "MW", "MWh", "GW", "GWh",
    "TEU", "ug/m3", "L",
];

/// Dimensions: spans exact, values compared in a base unit where both units are known
/// (Recognizers gives 12千米 as 12 Kilometer, pressmine reads 12千 米, 12000 m).
fn rec_dimension(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let in_base = |v: Option<Decimal>, unit: Option<&str>| match (v, unit.and_then(base)) {
        (Some(v), Some((dim, f))) => (Some(dim), v.checked_mul(f).map(|x| x.normalize())),
        (v, _) => (None, v),
    };
    let want: Vec<_> = case["expected"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "dimension")
        .map(|e| {
            let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            (start, end, in_base(dec(&e["value"]), e["unit"].as_str()))
        })
        .collect();
    let got: Vec<_> = scan_quantities(rules(), input)
        .into_iter()
        .filter(|q| unit_in(q, DIMENSION_UNITS))
        .map(|q| (q.span[0], q.span[1], in_base(Some(q.value), q.unit.as_deref())))
        .collect();
    vec![check(case, got == want, || format!("{input:?}\n  want {want:?}\n  got  {got:?}"))]
}

fn rec_age(case: &Value) -> Vec<Check> {
    recognizers(case, "age", |t| quantity_ents(t, |q| unit_in(q, &["year", "month", "day"])))
}

fn rec_temperature(case: &Value) -> Vec<Check> {
    recognizers(case, "temperature", |t| quantity_ents(t, |q| unit_in(q, &["C"])))
}

/// Recognizers-Text number ranges as interval strings ("(20,35]", "[5,)"): pressmine's claims
/// with a range ([a,b]) or a bound (over → (v,), at_least → [v,), under → (,v), at_most → (,v]).
fn rec_number_range(case: &Value) -> Vec<Check> {
    let input = case["input"].as_str().unwrap();
    let want: Vec<(usize, usize, String)> = case["expected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let v = e["value"].as_str().unwrap_or("");
            let norm = |s: &str| dec_str(s).map(|d| d.to_string()).unwrap_or_default();
            let (open, close) = (&v[..1], &v[v.len() - 1..]);
            let (lo, hi) = v[1..v.len() - 1].split_once(',').unwrap_or(("", ""));
            let v = format!("{open}{},{}{close}", norm(lo), norm(hi));
            (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize, v)
        })
        .collect();
    let got: Vec<(usize, usize, String)> = claims(input)
        .into_iter()
        .filter_map(|c| {
            let v = c.value.normalize();
            let interval = match (c.range, c.qualifier) {
                (Some([lo, hi]), _) => format!("[{},{}]", lo.normalize(), hi.normalize()),
                (None, Some(Qualifier::Over)) => format!("({v},)"),
                (None, Some(Qualifier::AtLeast)) => format!("[{v},)"),
                (None, Some(Qualifier::Under)) => format!("(,{v})"),
                (None, Some(Qualifier::AtMost)) => format!("(,{v}]"),
                _ => return None,
            };
            Some((c.span[0], c.span[1], interval))
        })
        .collect();
    vec![check(case, got == want, || format!("{input:?}\n  want {want:?}\n  got  {got:?}"))]
}

// ---- the suites ----

/// A case file: its adapter, pinned case and check counts, and the floor of passing checks
/// (measured; floors may only go up).
struct Suite {
    file: &'static str,
    what: &'static str,
    cases: usize,
    checks: usize,
    floor: usize,
    /// The pass rate aimed at, in percent (reported with the gap while not reached).
    target: Option<f64>,
    run: fn(&Value) -> Vec<Check>,
}

const SUITES: &[Suite] = &[
    Suite {
        file: "cn2an/cn2an.jsonl",
        what: "whole strings, strict/normal/smart; must-reject in strict",
        cases: 196,
        checks: 399,
        floor: 391,
        target: None,
        run: cn2an,
    },
    Suite {
        file: "cn2an/an2cn.jsonl",
        what: "cn2an's Chinese text read back as the number",
        cases: 107,
        checks: 107,
        floor: 99,
        target: None,
        run: an2cn,
    },
    Suite {
        file: "cn2an/transform.jsonl",
        what: "numbers and units read from both sides of a rewrite",
        cases: 38,
        checks: 38,
        floor: 26,
        target: None,
        run: transform,
    },
    Suite {
        file: "duckling-zh/numeral.jsonl",
        what: "whole strings, smart mode",
        cases: 124,
        checks: 124,
        floor: 107,
        target: None,
        run: duckling_numeral,
    },
    Suite {
        file: "duckling-zh/ordinal.jsonl",
        what: "whole string as one rank",
        cases: 3,
        checks: 3,
        floor: 0,
        target: None,
        run: duckling_ordinal,
    },
    Suite {
        file: "duckling-zh/amount_of_money.jsonl",
        what: "one figure: value, unit, bound",
        cases: 35,
        checks: 35,
        floor: 4,
        target: None,
        run: duckling_unit,
    },
    Suite {
        file: "duckling-zh/quantity.jsonl",
        what: "one figure: value, unit, bound",
        cases: 23,
        checks: 23,
        floor: 8,
        target: None,
        run: duckling_unit,
    },
    Suite {
        file: "duckling-zh/distance.jsonl",
        what: "one figure: value, unit, bound",
        cases: 48,
        checks: 48,
        floor: 14,
        target: None,
        run: duckling_unit,
    },
    Suite {
        file: "duckling-zh/volume.jsonl",
        what: "one figure: value, unit, bound",
        cases: 44,
        checks: 44,
        floor: 8,
        target: None,
        run: duckling_unit,
    },
    Suite {
        file: "duckling-zh/temperature.jsonl",
        what: "one figure: value, unit, bound",
        cases: 20,
        checks: 20,
        floor: 2,
        target: None,
        run: duckling_unit,
    },
    Suite {
        file: "recognizers-zh/number.jsonl",
        what: "exact entity lists",
        cases: 365,
        checks: 365,
        floor: 358,
        target: Some(98.0),
        run: rec_number,
    },
    Suite {
        file: "recognizers-zh/percent.jsonl",
        what: "exact entity lists",
        cases: 152,
        checks: 152,
        floor: 148,
        target: Some(98.0),
        run: rec_percent,
    },
    Suite {
        file: "recognizers-zh/currency.jsonl",
        what: "exact entity lists",
        cases: 33,
        checks: 33,
        floor: 32,
        target: Some(98.0),
        run: rec_currency,
    },
    Suite {
        file: "recognizers-zh/dimension.jsonl",
        what: "exact entity lists",
        cases: 30,
        checks: 30,
        floor: 15,
        target: Some(90.0),
        run: rec_dimension,
    },
    Suite {
        file: "recognizers-zh/number_range.jsonl",
        what: "exact entity lists (intervals)",
        cases: 63,
        checks: 63,
        floor: 2,
        target: Some(90.0),
        run: rec_number_range,
    },
    Suite {
        file: "recognizers-zh/number_range_experimental.jsonl",
        what: "exact entity lists (intervals)",
        cases: 34,
        checks: 34,
        floor: 0,
        target: Some(90.0),
        run: rec_number_range,
    },
    Suite {
        file: "recognizers-zh/ordinal.jsonl",
        what: "exact entity lists",
        cases: 7,
        checks: 7,
        floor: 0,
        target: None,
        run: rec_ordinal,
    },
    Suite {
        file: "recognizers-zh/age.jsonl",
        what: "exact entity lists",
        cases: 10,
        checks: 10,
        floor: 1,
        target: None,
        run: rec_age,
    },
    Suite {
        file: "recognizers-zh/temperature.jsonl",
        what: "exact entity lists",
        cases: 10,
        checks: 10,
        floor: 3,
        target: None,
        run: rec_temperature,
    },
];

fn known_path(file: &str) -> PathBuf {
    dir().join("known_failures").join(file.replace(".jsonl", ".txt"))
}

fn read_known(file: &str) -> BTreeSet<String> {
    let path = known_path(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

struct Outcome {
    cases: usize,
    checks: Vec<Check>,
}

fn run(suite: &Suite) -> Outcome {
    let cases = lines(suite.file);
    let checks: Vec<Check> = cases.iter().flat_map(suite.run).collect();
    Outcome { cases: cases.len(), checks }
}

fn jsonl_files(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for folder in std::fs::read_dir(root).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for f in std::fs::read_dir(folder.path()).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if name.ends_with(".jsonl") {
                out.insert(format!("{}/{name}", folder.file_name().to_string_lossy()));
            }
        }
    }
    out
}

#[test]
fn every_vendored_case_file_is_run() {
    let run: BTreeSet<String> = SUITES.iter().map(|s| s.file.to_string()).collect();
    assert_eq!(jsonl_files(&dir()), run, "every case file in tests/conformance has a suite");
    assert_eq!(run.len(), 19);
}

#[test]
fn conformance_pass_rates() {
    let show = std::env::var_os("PRESSMINE_SHOW_FAILURES").is_some();
    let mut problems = Vec::new();
    println!("{:<48} {:>9} {:>7} {:>6} {:>6} {:>7}  what", "file", "pass", "rate", "floor", "known", "target");
    for suite in SUITES {
        let out = run(suite);
        let pass = out.checks.iter().filter(|c| c.pass).count();
        let known = read_known(suite.file);
        let rate = 100.0 * pass as f64 / out.checks.len().max(1) as f64;
        let target = suite.target.map_or("-".to_string(), |t| format!("{t:.0}%{}", if rate >= t { "" } else { "!" }));
        println!(
            "{:<48} {pass:>4}/{:<4} {rate:>6.1}% {:>6} {:>6} {target:>7}  {}",
            suite.file,
            out.checks.len(),
            suite.floor,
            known.len(),
            suite.what
        );
        if show {
            for c in out.checks.iter().filter(|c| !c.pass) {
                println!("  {} {}", c.id, c.detail);
            }
        }
        if out.cases != suite.cases || out.checks.len() != suite.checks {
            problems.push(format!(
                "{}: {} cases / {} checks, pinned {} / {}",
                suite.file,
                out.cases,
                out.checks.len(),
                suite.cases,
                suite.checks
            ));
        }
        if pass < suite.floor {
            problems.push(format!("{}: {pass} checks pass, floor {}", suite.file, suite.floor));
        }
        let failing: BTreeSet<String> = out.checks.iter().filter(|c| !c.pass).map(|c| c.id.clone()).collect();
        let new: Vec<&String> = failing.difference(&known).collect();
        let fixed: Vec<&String> = known.difference(&failing).collect();
        if !new.is_empty() {
            problems.push(format!("{}: new failures {new:?}", suite.file));
        }
        if !fixed.is_empty() {
            problems.push(format!(
                "{}: these pass now; delete their lines from {} (the list may only shrink) and raise the floor: {fixed:?}",
                suite.file,
                known_path(suite.file).display()
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Rewrites the known-failures lists from today's results. Not part of the test run: run it
/// by hand (`cargo test --test conformance -- --ignored write_known_failures`) after fixing
/// cases or adding a case file, and review the diff: a list may only shrink.
#[test]
#[ignore]
fn write_known_failures() {
    for suite in SUITES {
        let out = run(suite);
        let failing: Vec<&str> = out.checks.iter().filter(|c| !c.pass).map(|c| c.id.as_str()).collect();
        let path = known_path(suite.file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            format!(
                "# Cases of {} that fail today ({} of {} checks). This list may only shrink.\n{}",
                suite.file,
                failing.len(),
                out.checks.len(),
                failing.iter().map(|f| format!("{f}\n")).collect::<String>()
            ),
        )
        .unwrap();
    }
}
