//! Comparing figures across releases: `diff` pairs the claims of two documents or corpora
//! by an indicator key (metric through the synonym table, scope, period, kind, unit and
//! change basis), picking the most similar sentence where several share a key, and reports
//! changed, added and removed figures and same-key conflicts; `series` lines each
//! indicator up over periods and flags revisions. Reads documents; never re-extracts,
//! except that a page given to `diff` is run through the pipeline first.

use crate::error::PatternError;
use crate::model::{Basis, Claim, ClaimKind, Document};
use crate::patterns::Source;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymFile {
    metric: Vec<SynonymSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymSpec {
    canonical: String,
    synonyms: Vec<String>,
}

/// Metric names that mean the same indicator (`patterns/synonyms.toml`).
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    map: BTreeMap<String, String>,
}

impl Synonyms {
    /// Loads `synonyms.toml` from `dir`.
    ///
    /// # Errors
    /// Syntax errors, or a name listed under two canonical names (with its line).
    pub fn load(dir: &Path) -> Result<Self, PatternError> {
        let src = Source::read(&dir.join("synonyms.toml"))?;
        let f: SynonymFile = src.parse()?;
        let mut map = BTreeMap::new();
        for e in &f.metric {
            for name in std::iter::once(&e.canonical).chain(&e.synonyms) {
                let key = squash(name);
                if let Some(prev) = map.insert(key, e.canonical.clone()) {
                    if prev != e.canonical {
                        return Err(src.error_at(&format!("\"{name}\""), format!("{name} is listed under {prev} too")));
                    }
                }
            }
        }
        Ok(Self { map })
    }

    /// The canonical form of a metric name.
    pub fn canonical(&self, metric: &str) -> String {
        let k = squash(metric);
        self.map.get(&k).cloned().unwrap_or(k)
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '（' | '）' | '(' | ')')).collect()
}

/// What a figure measures, for alignment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Key {
    /// Canonical metric.
    pub metric: Option<String>,
    /// Scope.
    pub scope: Option<String>,
    /// Period.
    pub period: Option<String>,
    /// Kind.
    pub kind: ClaimKind,
    /// Unit code.
    pub unit: Option<String>,
    /// Change basis.
    pub basis: Option<Basis>,
}

impl Key {
    /// The key of a claim.
    pub fn of(c: &Claim, syn: &Synonyms) -> Self {
        Self {
            metric: c.metric.as_deref().map(|m| syn.canonical(m)),
            scope: c.scope.clone(),
            period: c.period.clone(),
            kind: c.kind,
            unit: c.unit.clone(),
            basis: c.change.as_ref().and_then(|ch| ch.basis),
        }
    }
}

/// One side's figure, with where it was stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Document id.
    pub doc: String,
    /// Claim text.
    pub text: String,
    /// Value.
    #[serde(with = "crate::model::decimal_number")]
    pub value: Decimal,
    /// Span in the document's text.
    pub span: [usize; 2],
    /// The sentence.
    pub sentence: String,
}

/// A figure present on both sides with different values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    /// The indicator.
    pub key: Key,
    /// Old figure.
    pub old: Item,
    /// New figure.
    pub new: Item,
    /// new − old.
    #[serde(with = "crate::model::decimal_number")]
    pub abs_change: Decimal,
    /// (new − old) / |old|, when old ≠ 0.
    #[serde(with = "crate::model::decimal_range_single")]
    pub rel_change: Option<Decimal>,
}

/// A figure on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Single {
    /// The indicator.
    pub key: Key,
    /// The figure.
    pub item: Item,
}

/// The same key stated with different values within one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// `old` or `new`.
    pub side: String,
    /// The indicator.
    pub key: Key,
    /// The differing statements.
    pub items: Vec<Item>,
}

/// Result of a diff (schema `pressmine-diff/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// Always `pressmine-diff/1`.
    pub schema: String,
    /// Figures whose value changed.
    pub changed: Vec<Changed>,
    /// Figures only in NEW.
    pub added: Vec<Single>,
    /// Figures only in OLD.
    pub removed: Vec<Single>,
    /// Figures present on both sides with the same value.
    pub unchanged: usize,
    /// Same key, different values, within one side.
    pub conflicts: Vec<Conflict>,
}

impl DiffReport {
    /// Whether anything differs.
    pub fn has_differences(&self) -> bool {
        !(self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty())
    }
}

fn items(docs: &[Document], syn: &Synonyms) -> BTreeMap<Key, Vec<Item>> {
    let mut out: BTreeMap<Key, Vec<Item>> = BTreeMap::new();
    for d in docs {
        let chars: Vec<char> = d.text.chars().collect();
        for c in &d.claims {
            let sentence: String =
                chars.get(c.sentence[0]..c.sentence[1].min(chars.len())).unwrap_or(&[]).iter().collect();
            out.entry(Key::of(c, syn)).or_default().push(Item {
                doc: d.id.clone(),
                text: c.text.clone(),
                value: c.value,
                span: c.span,
                sentence,
            });
        }
    }
    out
}

/// Dice similarity of character bigrams, ignoring whitespace and punctuation width.
pub fn similarity(a: &str, b: &str) -> f64 {
    let norm = |s: &str| -> Vec<char> {
        crate::extract::numbers::fold(s)
            .into_iter()
            .filter(|c| c.is_alphanumeric() || crate::clean::is_han(*c))
            .collect()
    };
    let bigrams = |v: &[char]| -> BTreeMap<(char, char), usize> {
        let mut m = BTreeMap::new();
        for w in v.windows(2) {
            *m.entry((w[0], w[1])).or_insert(0) += 1;
        }
        m
    };
    let (x, y) = (bigrams(&norm(a)), bigrams(&norm(b)));
    let total: usize = x.values().sum::<usize>() + y.values().sum::<usize>();
    if total == 0 {
        return 1.0;
    }
    let common: usize = x.iter().map(|(k, n)| (*n).min(*y.get(k).unwrap_or(&0))).sum();
    2.0 * common as f64 / total as f64
}

fn conflicts(side: &str, map: &BTreeMap<Key, Vec<Item>>) -> Vec<Conflict> {
    map.iter()
        .filter(|(k, v)| k.metric.is_some() && v.iter().map(|i| i.value).collect::<BTreeSet<_>>().len() > 1)
        .map(|(k, v)| Conflict { side: side.into(), key: k.clone(), items: v.clone() })
        .collect()
}

/// Compares the figures of two sets of documents.
pub fn diff(old: &[Document], new: &[Document], syn: &Synonyms) -> DiffReport {
    let (a, b) = (items(old, syn), items(new, syn));
    let mut report = DiffReport {
        schema: "pressmine-diff/1".into(),
        changed: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        unchanged: 0,
        conflicts: conflicts("old", &a).into_iter().chain(conflicts("new", &b)).collect(),
    };
    let keys: BTreeSet<&Key> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let olds = a.get(key).map(Vec::as_slice).unwrap_or(&[]);
        let news = b.get(key).map(Vec::as_slice).unwrap_or(&[]);
        // Greedy pairing by sentence similarity (same document id and same value win ties).
        // Large groups (a key shared by many documents) pair within the same document only,
        // so the work stays proportional to the claims.
        let large = olds.len() * news.len() > 4096;
        let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        if large {
            for (j, n) in news.iter().enumerate() {
                by_doc.entry(n.doc.as_str()).or_default().push(j);
            }
        }
        let all: Vec<usize> = if large { Vec::new() } else { (0..news.len()).collect() };
        let mut cands: Vec<(f64, usize, usize)> = Vec::new();
        for (i, o) in olds.iter().enumerate() {
            let js = if large { by_doc.get(o.doc.as_str()).map(Vec::as_slice).unwrap_or(&[]) } else { &all };
            for &j in js {
                let n = &news[j];
                let bonus = if o.doc == n.doc { 0.01 } else { 0.0 } + if o.value == n.value { 0.5 } else { 0.0 };
                cands.push((similarity(&o.sentence, &n.sentence) + bonus, i, j));
            }
        }
        cands.sort_by(|x, y| {
            y.0.partial_cmp(&x.0).unwrap_or(std::cmp::Ordering::Equal).then((x.1, x.2).cmp(&(y.1, y.2)))
        });
        let (mut used_o, mut used_n) = (vec![false; olds.len()], vec![false; news.len()]);
        let mut pairs = Vec::new();
        for (_, i, j) in cands {
            if !used_o[i] && !used_n[j] {
                used_o[i] = true;
                used_n[j] = true;
                pairs.push((i, j));
            }
        }
        pairs.sort();
        for (i, j) in pairs {
            let (o, n) = (&olds[i], &news[j]);
            if o.value == n.value {
                report.unchanged += 1;
            } else {
                let abs = n.value - o.value;
                let rel = (!o.value.is_zero()).then(|| (abs / o.value.abs()).round_dp(6));
                report.changed.push(Changed {
                    key: key.clone(),
                    old: o.clone(),
                    new: n.clone(),
                    abs_change: abs.normalize(),
                    rel_change: rel.map(|r| r.normalize()),
                });
            }
        }
        for (_, o) in olds.iter().enumerate().filter(|(i, _)| !used_o[*i]) {
            report.removed.push(Single { key: key.clone(), item: o.clone() });
        }
        for (_, n) in news.iter().enumerate().filter(|(j, _)| !used_n[*j]) {
            report.added.push(Single { key: key.clone(), item: n.clone() });
        }
    }
    report
}

fn key_label(k: &Key) -> String {
    let kind = crate::sink::json_line(&k.kind).trim_matches('"').to_string();
    let basis = k.basis.map(|b| format!(" {}", crate::sink::json_line(&b).trim_matches('"'))).unwrap_or_default();
    format!(
        "{} | {} | {} | {kind}{basis} {}",
        k.metric.as_deref().unwrap_or("?"),
        k.scope.as_deref().unwrap_or("-"),
        k.period.as_deref().unwrap_or("-"),
        k.unit.as_deref().unwrap_or("")
    )
}

/// A readable report; `color` adds ANSI colours.
pub fn render_table(r: &DiffReport, color: bool) -> String {
    let paint = |code: &str, s: String| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s };
    let mut out = String::new();
    for c in &r.changed {
        let rel = c.rel_change.map(|x| format!(", {:+.2}%", x * Decimal::ONE_HUNDRED)).unwrap_or_default();
        out.push_str(&paint(
            "33",
            format!("~ {}: {} → {} ({:+}{rel})\n", key_label(&c.key), c.old.text, c.new.text, c.abs_change),
        ));
    }
    for s in &r.added {
        out.push_str(&paint("32", format!("+ {}: {}  [{}]\n", key_label(&s.key), s.item.text, s.item.doc)));
    }
    for s in &r.removed {
        out.push_str(&paint("31", format!("- {}: {}  [{}]\n", key_label(&s.key), s.item.text, s.item.doc)));
    }
    for c in &r.conflicts {
        let vals: Vec<String> = c.items.iter().map(|i| format!("{} [{}]", i.text, i.doc)).collect();
        out.push_str(&format!("! conflict in {}: {}: {}\n", c.side, key_label(&c.key), vals.join(" vs ")));
    }
    out.push_str(&format!(
        "{} changed, {} added, {} removed, {} unchanged, {} conflicts\n",
        r.changed.len(),
        r.added.len(),
        r.removed.len(),
        r.unchanged,
        r.conflicts.len()
    ));
    out
}

/// CSV (UTF-8 with BOM): one row per changed, added or removed figure.
pub fn render_csv(r: &DiffReport) -> String {
    use crate::sink::csv_field as q;
    let mut out = String::from("\u{feff}change,metric,scope,period,kind,unit,basis,old_value,new_value,abs_change,rel_change,old_doc,new_doc,old_text,new_text,old_sentence,new_sentence\n");
    let key_cols = |k: &Key| {
        [
            q(k.metric.as_deref().unwrap_or("")),
            q(k.scope.as_deref().unwrap_or("")),
            q(k.period.as_deref().unwrap_or("")),
            crate::sink::json_line(&k.kind).trim_matches('"').to_string(),
            q(k.unit.as_deref().unwrap_or("")),
            k.basis.map(|b| crate::sink::json_line(&b).trim_matches('"').to_string()).unwrap_or_default(),
        ]
        .join(",")
    };
    for c in &r.changed {
        out.push_str(&format!(
            "changed,{},{},{},{},{},{},{},{},{},{},{}\n",
            key_cols(&c.key),
            c.old.value.normalize(),
            c.new.value.normalize(),
            c.abs_change,
            c.rel_change.map(|x| x.to_string()).unwrap_or_default(),
            q(&c.old.doc),
            q(&c.new.doc),
            q(&c.old.text),
            q(&c.new.text),
            q(&c.old.sentence),
            q(&c.new.sentence)
        ));
    }
    for (tag, list, old) in [("added", &r.added, false), ("removed", &r.removed, true)] {
        for s in list {
            let i = &s.item;
            let (ov, nv, od, nd, ot, nt, os, ns) = if old {
                (
                    i.value.normalize().to_string(),
                    String::new(),
                    q(&i.doc),
                    String::new(),
                    q(&i.text),
                    String::new(),
                    q(&i.sentence),
                    String::new(),
                )
            } else {
                (
                    String::new(),
                    i.value.normalize().to_string(),
                    String::new(),
                    q(&i.doc),
                    String::new(),
                    q(&i.text),
                    String::new(),
                    q(&i.sentence),
                )
            };
            out.push_str(&format!("{tag},{},{ov},{nv},,,{od},{nd},{ot},{nt},{os},{ns}\n", key_cols(&s.key)));
        }
    }
    out
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// Period.
    pub period: String,
    /// The value (the latest-published statement when revised).
    #[serde(with = "crate::model::decimal_number")]
    pub value: Decimal,
    /// More than one distinct value was stated for this period.
    pub revision: bool,
    /// Every statement: value and document.
    pub sources: Vec<Item>,
}

/// An indicator over periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Canonical metric.
    pub metric: String,
    /// Scope.
    pub scope: Option<String>,
    /// Kind.
    pub kind: ClaimKind,
    /// Unit.
    pub unit: Option<String>,
    /// Change basis.
    pub basis: Option<Basis>,
    /// Points in period order.
    pub points: Vec<Point>,
}

/// Filters for `series` (substring matches; `None` keeps all).
#[derive(Debug, Clone, Default)]
pub struct SeriesFilter {
    /// Metric contains.
    pub metric: Option<String>,
    /// Scope contains.
    pub scope: Option<String>,
    /// Period starts with.
    pub period: Option<String>,
}

/// metric, scope, kind, unit, basis: a series without its period.
type SeriesKey = (String, Option<String>, ClaimKind, Option<String>, Option<Basis>);

/// Every indicator with a metric and a period, as series over periods.
pub fn series(docs: &[Document], syn: &Synonyms, filter: &SeriesFilter) -> Vec<Series> {
    let mut groups: BTreeMap<SeriesKey, BTreeMap<String, Vec<Item>>> = BTreeMap::new();
    for (key, its) in items(docs, syn) {
        let (Some(metric), Some(period)) = (key.metric.clone(), key.period.clone()) else { continue };
        if filter.metric.as_ref().is_some_and(|m| !metric.contains(m.as_str()))
            || filter.scope.as_ref().is_some_and(|s| !key.scope.as_deref().unwrap_or("").contains(s.as_str()))
            || filter.period.as_ref().is_some_and(|p| !period.starts_with(p.as_str()))
        {
            continue;
        }
        groups
            .entry((metric, key.scope.clone(), key.kind, key.unit.clone(), key.basis))
            .or_default()
            .entry(period)
            .or_default()
            .extend(its);
    }
    groups
        .into_iter()
        .map(|((metric, scope, kind, unit, basis), periods)| Series {
            metric,
            scope,
            kind,
            unit,
            basis,
            points: periods
                .into_iter()
                .map(|(period, sources)| {
                    let distinct: BTreeSet<Decimal> = sources.iter().map(|s| s.value).collect();
                    Point {
                        period,
                        value: sources.last().map(|s| s.value).unwrap_or_default(),
                        revision: distinct.len() > 1,
                        sources,
                    }
                })
                .collect(),
        })
        .collect()
}

/// Long-form CSV: one row per point (UTF-8 with BOM).
pub fn series_csv(all: &[Series]) -> String {
    use crate::sink::csv_field as q;
    let mut out = String::from("\u{feff}metric,scope,kind,unit,basis,period,value,revision,values,documents\n");
    for s in all {
        for p in &s.points {
            let values: Vec<String> = p.sources.iter().map(|i| i.value.normalize().to_string()).collect();
            let docs: Vec<&str> = p.sources.iter().map(|i| i.doc.as_str()).collect();
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{}\n",
                q(&s.metric),
                q(s.scope.as_deref().unwrap_or("")),
                crate::sink::json_line(&s.kind).trim_matches('"'),
                q(s.unit.as_deref().unwrap_or("")),
                s.basis.map(|b| crate::sink::json_line(&b).trim_matches('"').to_string()).unwrap_or_default(),
                q(&p.period),
                p.value.normalize(),
                p.revision,
                q(&values.join("|")),
                q(&docs.join("|"))
            ));
        }
    }
    out
}

/// A readable series listing.
pub fn series_table(all: &[Series]) -> String {
    let mut out = String::new();
    for s in all {
        out.push_str(&format!(
            "{} | {} | {} {}\n",
            s.metric,
            s.scope.as_deref().unwrap_or("-"),
            crate::sink::json_line(&s.kind).trim_matches('"'),
            s.unit.as_deref().unwrap_or("")
        ));
        for p in &s.points {
            let flag = if p.revision { "  REVISED" } else { "" };
            let vals: Vec<String> = p.sources.iter().map(|i| format!("{} [{}]", i.value.normalize(), i.doc)).collect();
            out.push_str(&format!(
                "  {:<22} {:>16}{flag}  {}\n",
                p.period,
                p.value.normalize().to_string(),
                vals.join(", ")
            ));
        }
    }
    out
}

/// Reads one side of a diff: an output directory, a `.jsonl`, a document `.json`, or a page.
///
/// # Errors
/// Unreadable or unparsable input.
pub fn load_side(path: &Path, pipeline: &crate::pipeline::Pipeline) -> std::io::Result<Vec<Document>> {
    let name = path.to_string_lossy();
    if path.is_dir() || name.ends_with(".jsonl") {
        return crate::corpus::read_documents(path)?.collect();
    }
    let bytes = std::fs::read(path)?;
    if name.ends_with(".json") {
        let doc: Document = serde_json::from_slice(&bytes).map_err(std::io::Error::other)?;
        return Ok(vec![doc]);
    }
    crate::source::check_content(&bytes).map_err(std::io::Error::other)?;
    let raw = crate::source::RawDoc::from_bytes(name.to_string(), bytes);
    Ok(vec![pipeline.process(&raw)])
}
