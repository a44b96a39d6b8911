//! Scores extracted figures and initiatives against hand annotations in the gold format
//! (`tests/gold/README.md`): claim precision and recall, and — over matched claims — how
//! often qualifier, period and metric are right; initiative precision and recall. It is a
//! faithful port of the annotators' scorer (`tests/gold/score.py`), so a figure printed by
//! the quality tests is the figure that scorer prints. It judges documents in the JSON
//! contract; it never changes them, and it does not score cleaning (see [`crate::eval`]).

use serde::Deserialize;
use serde_json::Value;
use std::fmt::Write as _;

/// An annotated set of pages.
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// One entry per page.
    pub docs: Vec<GoldDoc>,
}

/// The annotations of one page.
#[derive(Debug, Deserialize)]
pub struct GoldDoc {
    /// Short id, contained in the document's id or source path.
    pub id: String,
    /// The page file, relative to the annotators' folder (`realpages/…`).
    pub file: String,
    /// Publication date (ISO).
    pub published: String,
    /// Reference title.
    pub title: String,
    /// Every figure of the body, in document order.
    pub claims: Vec<GoldClaim>,
    /// Literals that may be reported or not.
    #[serde(default)]
    pub optional: Vec<String>,
    /// Literals that must never be reported as a figure.
    #[serde(default)]
    pub negatives: Vec<String>,
    /// Named initiatives.
    #[serde(default)]
    pub initiatives: Vec<GoldInitiative>,
    /// Initiative names that may be reported or not.
    #[serde(default)]
    pub opt_init: Vec<String>,
    /// Quoted phrases that are not initiatives.
    #[serde(default)]
    pub neg_init: Vec<String>,
}

/// One annotated figure.
#[derive(Debug, Deserialize)]
pub struct GoldClaim {
    /// The figure with a little context.
    pub anchor: String,
    /// The number literal that must stand inside the predicted claim's text.
    pub num: Option<String>,
    /// Normalized value.
    pub value: f64,
    /// Unit code (`None` for an index).
    pub unit: Option<String>,
    /// Expected qualifier, when annotated (`Some(None)` when annotated as none).
    #[serde(default, deserialize_with = "present")]
    pub qualifier: Option<Option<String>>,
    /// Expected period, when annotated.
    #[serde(default, deserialize_with = "present")]
    pub period: Option<Option<String>>,
    /// Acceptable metric substrings, when annotated.
    pub metric: Option<Vec<String>>,
}

/// Deserializes a key that is present (even as `null`) into `Some(..)`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// One annotated initiative.
#[derive(Debug, Deserialize)]
pub struct GoldInitiative {
    /// Must be contained in a predicted name or full name.
    pub key: String,
}

/// Counts of one page or of a whole set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Pages scored.
    pub docs: usize,
    /// Pages without output.
    pub missing: usize,
    /// Matched claims.
    pub tp: usize,
    /// Unmatched predicted claims outside optional literals.
    pub fp: usize,
    /// Unmatched gold claims.
    pub fn_: usize,
    /// Predicted claims on a negative literal.
    pub neg: usize,
    /// Qualifiers right / annotated (over matched claims).
    pub q_ok: usize,
    /// Qualifiers annotated on matched claims.
    pub q_n: usize,
    /// Periods right.
    pub per_ok: usize,
    /// Periods annotated on matched claims.
    pub per_n: usize,
    /// Metrics right.
    pub met_ok: usize,
    /// Metrics annotated on matched claims.
    pub met_n: usize,
    /// Matched initiatives.
    pub i_tp: usize,
    /// Extra initiatives.
    pub i_fp: usize,
    /// Missed initiatives.
    pub i_fn: usize,
    /// Predicted initiatives that are annotated as not initiatives.
    pub i_neg: usize,
    /// Titles right.
    pub title_ok: usize,
    /// Dates right.
    pub date_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        let Counts {
            docs,
            missing,
            tp,
            fp,
            fn_,
            neg,
            q_ok,
            q_n,
            per_ok,
            per_n,
            met_ok,
            met_n,
            i_tp,
            i_fp,
            i_fn,
            i_neg,
            title_ok,
            date_ok,
        } = o;
        self.docs += docs;
        self.missing += missing;
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.neg += neg;
        self.q_ok += q_ok;
        self.q_n += q_n;
        self.per_ok += per_ok;
        self.per_n += per_n;
        self.met_ok += met_ok;
        self.met_n += met_n;
        self.i_tp += i_tp;
        self.i_fp += i_fp;
        self.i_fn += i_fn;
        self.i_neg += i_neg;
        self.title_ok += title_ok;
        self.date_ok += date_ok;
    }

    /// The rates the scorer reports.
    pub fn rates(&self) -> Rates {
        let f = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        let precision = f(self.tp, self.tp + self.fp);
        let recall = f(self.tp, self.tp + self.fn_);
        let init_precision = f(self.i_tp, self.i_tp + self.i_fp);
        let init_recall = f(self.i_tp, self.i_tp + self.i_fn);
        Rates {
            precision,
            recall,
            f1: f1(precision, recall),
            qualifier: f(self.q_ok, self.q_n),
            period: f(self.per_ok, self.per_n),
            metric: f(self.met_ok, self.met_n),
            init_precision,
            init_recall,
            init_f1: f1(init_precision, init_recall),
            title: f(self.title_ok, self.docs),
            date: f(self.date_ok, self.docs),
        }
    }
}

/// Rates in 0..=1 (1 when nothing was there to score).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    /// Claim precision.
    pub precision: f64,
    /// Claim recall.
    pub recall: f64,
    /// Claim F1.
    pub f1: f64,
    /// Qualifier accuracy over matched, annotated claims.
    pub qualifier: f64,
    /// Period accuracy over matched, annotated claims.
    pub period: f64,
    /// Metric accuracy over matched, annotated claims.
    pub metric: f64,
    /// Initiative precision.
    pub init_precision: f64,
    /// Initiative recall.
    pub init_recall: f64,
    /// Initiative F1.
    pub init_f1: f64,
    /// Title accuracy.
    pub title: f64,
    /// Date accuracy.
    pub date: f64,
}

/// The score of one page: counts and one line per mismatch.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// Gold id.
    pub id: String,
    /// Counts of this page.
    pub counts: Counts,
    /// One line per mismatch, as the reference scorer prints them.
    pub detail: Vec<String>,
}

/// The score of a set of pages.
#[derive(Debug, Clone)]
pub struct Report {
    /// Per page, in gold order.
    pub pages: Vec<PageResult>,
    /// Totals.
    pub total: Counts,
}

impl Gold {
    /// Parses a gold file.
    ///
    /// # Errors
    /// The text is not a gold file.
    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// Which gold page a document (in the JSON contract) belongs to: the first whose id is
    /// contained in the document's id, source path or URL.
    fn doc_key(&self, doc: &Value) -> Option<usize> {
        let field = |v: Option<&Value>| v.map(|v| v.as_str().map(str::to_string).unwrap_or(v.to_string()));
        let source = doc.get("source");
        let hay = [doc.get("id"), source.and_then(|s| s.get("path")), source.and_then(|s| s.get("url"))]
            .into_iter()
            .map(|v| field(v).unwrap_or_else(|| "None".into()))
            .collect::<Vec<_>>()
            .join(" ");
        self.docs.iter().position(|d| hay.contains(d.id.as_str()))
    }

    /// Scores documents (each one `pressmine extract` line) against every gold page.
    pub fn score(&self, predicted: &[Value]) -> Report {
        let mut by: Vec<Option<&Value>> = vec![None; self.docs.len()];
        for p in predicted {
            if let Some(k) = self.doc_key(p) {
                by[k] = Some(p);
            }
        }
        let mut total = Counts::default();
        let pages: Vec<PageResult> = self
            .docs
            .iter()
            .zip(by)
            .map(|(d, p)| {
                let page = score_page(d, p);
                total.add(&page.counts);
                page
            })
            .collect();
        Report { pages, total }
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ".,〇零一二两三四五六七八九十百千万亿点分之".contains(c)
}

/// The number literal inside a gold anchor ("5个" → "5", "第一" → "一").
fn core(num: &str) -> &str {
    let Some(start) = num.find(is_numeral) else { return num };
    let rest = &num[start..];
    let end = rest.find(|c: char| !is_numeral(c)).unwrap_or(rest.len());
    &rest[..end]
}

fn overlaps(a: &str, b: &str) -> bool {
    a.contains(b)
        || (b.contains(a) && b.chars().any(|c| c.is_ascii_digit() || "〇零一二两三四五六七八九十百千万亿".contains(c)))
}

fn value_ok(g: &GoldClaim, p: &Value) -> bool {
    let Some(v) = p.get("value").and_then(Value::as_f64) else { return false };
    let rel = if (g.value - (g.value * 1e4).round() / 1e4).abs() > 1e-9 { 1e-3 } else { 1e-6 };
    let diff = (v - g.value).abs();
    diff <= f64::max(rel * f64::max(v.abs(), g.value.abs()), 1e-9)
}

fn unit_ok(g: &GoldClaim, p: &Value) -> bool {
    let pu = str_of(p, "unit");
    match &g.unit {
        None => matches!(pu, None | Some("") | Some("index")),
        Some(u) => pu == Some(u.as_str()),
    }
}

fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => format!("'{s}'"),
        Some(v) => v.to_string(),
    }
}

fn score_page(d: &GoldDoc, p: Option<&Value>) -> PageResult {
    let mut c = Counts { docs: 1, ..Counts::default() };
    let mut detail = Vec::new();
    let id = &d.id;
    let Some(p) = p else {
        c.missing = 1;
        c.fn_ = d.claims.len();
        c.i_fn = d.initiatives.len();
        detail.push(format!("{id}: no output"));
        return PageResult { id: id.clone(), counts: c, detail };
    };
    if squash(str_of(p, "title").unwrap_or("")) == squash(&d.title) {
        c.title_ok = 1;
    } else {
        detail.push(format!("{id}: title {}", show(p.get("title"))));
    }
    let published = str_of(p, "published").unwrap_or("");
    if published.chars().take(10).collect::<String>() == d.published {
        c.date_ok = 1;
    } else {
        detail.push(format!("{id}: published {}", show(p.get("published"))));
    }
    let empty = Vec::new();
    let preds: Vec<&Value> =
        p.get("claims").and_then(Value::as_array).unwrap_or(&empty).iter().filter(|c| c.is_object()).collect();
    let text_of = |c: &Value| str_of(c, "text").unwrap_or("").to_string();
    let mut used = vec![false; preds.len()];
    for g in &d.claims {
        let num = core(g.num.as_deref().unwrap_or(&g.anchor));
        let hit = (0..preds.len())
            .find(|&i| !used[i] && text_of(preds[i]).contains(num) && value_ok(g, preds[i]) && unit_ok(g, preds[i]));
        let Some(hit) = hit else {
            c.fn_ += 1;
            let near: Vec<String> = preds
                .iter()
                .filter(|p| text_of(p).contains(num))
                .take(2)
                .map(|p| format!("({}, {}, {})", show(p.get("text")), show(p.get("value")), show(p.get("unit"))))
                .collect();
            detail.push(format!(
                "{id}: missed {} = {} {}; near: [{}]",
                g.anchor,
                g.value,
                g.unit.as_deref().unwrap_or("None"),
                near.join(", ")
            ));
            continue;
        };
        used[hit] = true;
        c.tp += 1;
        let pc = preds[hit];
        // Qualifier and period are compared exactly when annotated.
        for (field, want, ok, n) in
            [("qualifier", &g.qualifier, &mut c.q_ok, &mut c.q_n), ("period", &g.period, &mut c.per_ok, &mut c.per_n)]
        {
            let Some(want) = want else { continue };
            *n += 1;
            if str_of(pc, field) == want.as_deref() {
                *ok += 1;
            } else {
                detail.push(format!(
                    "{id}: {} {field} {} != {}",
                    g.anchor,
                    show(pc.get(field)),
                    want.as_deref().unwrap_or("None")
                ));
            }
        }
        if let Some(metrics) = &g.metric {
            c.met_n += 1;
            let m = str_of(pc, "metric").unwrap_or("");
            if metrics.iter().any(|x| m.contains(x.as_str())) {
                c.met_ok += 1;
            } else {
                detail.push(format!("{id}: {} metric {} !~ {metrics:?}", g.anchor, show(pc.get("metric"))));
            }
        }
    }
    for (i, pc) in preds.iter().enumerate() {
        if used[i] {
            continue;
        }
        let t = text_of(pc);
        let described = || format!("'{t}' = {} {}", show(pc.get("value")), show(pc.get("unit")));
        if d.optional.iter().any(|o| o.contains(&t)) && !d.negatives.iter().any(|n| t.contains(n.as_str())) {
        } else if d.negatives.iter().any(|n| overlaps(n, &t)) {
            c.neg += 1;
            c.fp += 1;
            detail.push(format!("{id}: NEGATIVE reported: {}", described()));
        } else if !d.optional.iter().any(|o| overlaps(o, &t)) {
            c.fp += 1;
            detail.push(format!("{id}: extra claim {}", described()));
        }
    }
    let names: Vec<String> = p
        .get("initiatives")
        .and_then(Value::as_array)
        .unwrap_or(&empty)
        .iter()
        .filter(|i| i.is_object())
        .map(|i| {
            ["name", "full_name"]
                .iter()
                .map(|k| match i.get(*k) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(v) => v.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut iused = vec![false; names.len()];
    for g in &d.initiatives {
        let key = g.key.as_str();
        let hit = (0..names.len())
            .find(|&j| !iused[j] && names[j].contains(key))
            .or_else(|| names.iter().position(|n| n.contains(key)));
        match hit {
            Some(j) => {
                iused[j] = true;
                c.i_tp += 1;
            }
            None => {
                c.i_fn += 1;
                detail.push(format!("{id}: missed initiative {key}"));
            }
        }
    }
    for (j, n) in names.iter().enumerate() {
        if iused[j] || d.initiatives.iter().any(|g| n.contains(g.key.as_str())) {
            continue;
        }
        if d.neg_init.iter().any(|x| n.contains(x.as_str())) {
            c.i_neg += 1;
            c.i_fp += 1;
            detail.push(format!("{id}: NOT an initiative: '{n}'"));
        } else if !d.opt_init.iter().any(|x| n.contains(x.as_str()) || x.contains(n.trim())) {
            c.i_fp += 1;
            detail.push(format!("{id}: extra initiative '{n}'"));
        }
    }
    PageResult { id: id.clone(), counts: c, detail }
}

/// A per-page table (claims found, precision, recall, qualifier, period, metric, initiative
/// recall and precision) with a totals line.
pub fn render(report: &Report) -> String {
    let mut out = String::from(
        "page                        gold  tp  fp  recall  prec   qual    period  metric  init-R  init-P\n",
    );
    let cell = |ok: usize, n: usize| if n == 0 { "-".to_string() } else { format!("{:.3}", ok as f64 / n as f64) };
    let line = |out: &mut String, name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{:<26}{:>6}{:>4}{:>4}  {:<6}  {:<5}  {:<6}  {:<6}  {:<6}  {:<6}  {}",
            name,
            c.tp + c.fn_,
            c.tp,
            c.fp,
            cell(c.tp, c.tp + c.fn_),
            cell(c.tp, c.tp + c.fp),
            cell(c.q_ok, c.q_n),
            cell(c.per_ok, c.per_n),
            cell(c.met_ok, c.met_n),
            cell(c.i_tp, c.i_tp + c.i_fn),
            cell(c.i_tp, c.i_tp + c.i_fp),
        );
    };
    for p in &report.pages {
        line(&mut out, &p.id, &p.counts);
    }
    line(&mut out, "TOTAL", &report.total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold() -> Gold {
        Gold::from_json(
            r#"{"docs":[{"id":"p1","file":"realpages/p1.html","published":"2024-08-28","title":"T",
            "claims":[{"anchor":"增长8.2%","value":8.2,"unit":"%","period":"2024-01/2024-07","metric":["增加值"],"qualifier":null},
                      {"anchor":"达到5个","value":5,"unit":"count"}],
            "optional":["未来5年"],"negatives":["2024年"],
            "initiatives":[{"key":"智改数转","kind":"plan"}],"opt_init":[],"neg_init":["压舱石"]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn core_takes_the_number_literal() {
        assert_eq!(core("5个"), "5");
        assert_eq!(core("第一"), "一");
        assert_eq!(core("增长8.2%"), "8.2");
        assert_eq!(core("无"), "无");
    }

    #[test]
    fn scores_matches_fields_and_false_positives() {
        let doc = json!({"id":"x/p1.html","title":"T","published":"2024-08-28","claims":[
            {"text":"8.2%","value":8.2,"unit":"%","period":"2024-01/2024-07","metric":"工业增加值","qualifier":null},
            {"text":"2024年","value":2024,"unit":"year"},
            {"text":"7个","value":7,"unit":"count"}],
            "initiatives":[{"name":"智改数转","full_name":"“智改数转”"},{"name":"压舱石","full_name":""}]});
        let r = gold().score(&[doc]);
        let c = &r.total;
        assert_eq!((c.tp, c.fp, c.fn_, c.neg), (1, 2, 1, 1));
        assert_eq!((c.q_ok, c.q_n, c.per_ok, c.per_n, c.met_ok, c.met_n), (1, 1, 1, 1, 1, 1));
        assert_eq!((c.i_tp, c.i_fp, c.i_neg, c.title_ok, c.date_ok), (1, 1, 1, 1, 1));
        assert_eq!(r.pages[0].detail.len(), 4, "{:?}", r.pages[0].detail);
        let rates = c.rates();
        assert!((rates.recall - 0.5).abs() < 1e-9 && (rates.precision - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_missing_document_misses_everything() {
        let r = gold().score(&[]);
        assert_eq!((r.total.missing, r.total.fn_, r.total.i_fn), (1, 2, 1));
        assert_eq!(r.total.rates().recall, 0.0);
    }
}
