//! Comparing figures across releases: `diff` pairs the claims of two documents or corpora
//! by their canonical key (indicator, place, period start and end, kind, unit family and
//! change basis, from [`crate::canon`]), picking the most similar sentence where several
//! share a key, and reports changed, added and removed figures and same-key conflicts;
//! `series` lines each indicator up over periods and tells revisions (documents stating
//! different values for one period) from conflicts (one document stating several). Values
//! are compared in the base unit of their family (万吨 and 斤 as tonnes). Reads documents
//! and recomputes their keys with the current patterns; never re-extracts, except that a
//! page given to `diff` is run through the pipeline first.

use crate::canon::Canon;
use crate::model::{Basis, ClaimKind, Document, KeyedClaim, PeriodKind};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What a figure measures, for alignment: its canonical keys.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Key {
    /// Canonical indicator.
    pub indicator: Option<String>,
    /// Canonical place.
    pub place: Option<String>,
    /// GB/T 2260 code of the place.
    pub place_code: Option<String>,
    /// First day of the period (`None`: open start, or no period).
    pub period_start: Option<String>,
    /// Last day of the period (the period as written when it has no ISO form).
    pub period_end: Option<String>,
    /// What span the period is.
    pub period_kind: Option<PeriodKind>,
    /// Kind.
    pub kind: ClaimKind,
    /// Unit family (`mass`, `money`, or a unit code no family lists).
    pub family: String,
    /// The family's base unit, which every value of this key is in (null for an index).
    pub unit: Option<String>,
    /// Change basis.
    pub basis: Option<Basis>,
}

impl Key {
    /// The key of a claim and its value in the family's base unit.
    pub fn of(c: &KeyedClaim, canon: &Canon) -> (Self, Decimal) {
        let keys = canon.keys(&c.claim);
        let (family, factor) = canon.indicators().family(c.unit.as_deref());
        let key = Self {
            indicator: keys.indicator,
            place: keys.place,
            place_code: keys.place_code,
            period_start: keys.period_start,
            period_end: keys.period_end.or_else(|| c.period.clone()),
            period_kind: keys.period_kind,
            kind: c.kind,
            unit: (!family.base.is_empty()).then(|| family.base.clone()),
            family: family.id,
            basis: c.change.as_ref().and_then(|ch| ch.basis),
        };
        // Saturating: a value past Decimal's range in the base unit (read from an edited or
        // foreign JSON; no release states one) stays at the range's end instead of panicking.
        (key, c.value.saturating_mul(factor).normalize())
    }

    /// The period in its short ISO form (`2024`, `2024-04`, `2024-01/2024-07`,
    /// `../2024-09-30`), or `-`.
    pub fn period(&self) -> String {
        period_label(self.period_start.as_deref(), self.period_end.as_deref(), self.period_kind)
    }
}

/// The short ISO form of a period given by its first and last day.
fn period_label(start: Option<&str>, end: Option<&str>, kind: Option<PeriodKind>) -> String {
    let Some(end) = end else { return "-".into() };
    let Some(start) = start else { return format!("../{end}") };
    if kind.is_none() {
        return end.to_string();
    }
    let whole_months = start.ends_with("-01")
        && end.len() == 10
        && end[8..].parse::<u32>().ok()
            == end[..4]
                .parse::<u32>()
                .ok()
                .zip(end[5..7].parse::<u32>().ok())
                .map(|(y, m)| crate::clean::rules::days_in_month(y, m));
    if !whole_months {
        return format!("{start}/{end}");
    }
    let (sy, sm, ey, em) = (&start[..4], &start[..7], &end[..4], &end[..7]);
    if start.ends_with("-01-01") && end.ends_with("-12-31") {
        return if sy == ey { sy.to_string() } else { format!("{sy}/{ey}") };
    }
    if sm == em {
        sm.to_string()
    } else {
        format!("{sm}/{em}")
    }
}

/// One side's figure, with where it was stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Document id.
    pub doc: String,
    /// The document's publication date.
    pub published: Option<String>,
    /// The document's publisher.
    pub publisher: Option<String>,
    /// The document's URL.
    pub url: Option<String>,
    /// The figure as written (万亿元, a table cell's bare number …).
    pub text: String,
    /// The value in the key's base unit.
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
    /// new − old, in the key's unit (saturated at Decimal's range).
    #[serde(with = "crate::model::decimal_number")]
    pub abs_change: Decimal,
    /// (new − old) / |old|, when old ≠ 0 (and the quotient is within Decimal's range).
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

/// Result of a diff (schema `pressmine-diff/2`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// Always `pressmine-diff/2`.
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

fn items(docs: &[Document], canon: &Canon) -> BTreeMap<Key, Vec<Item>> {
    let mut out: BTreeMap<Key, Vec<Item>> = BTreeMap::new();
    for d in docs {
        let chars: Vec<char> = d.text.chars().collect();
        // A range counts once, by its lower end (which carries the range).
        for c in d.claims.iter().filter(|c| !c.is_upper_end()) {
            let sentence: String =
                chars.get(c.sentence[0]..c.sentence[1].min(chars.len())).unwrap_or(&[]).iter().collect();
            let (key, value) = Key::of(c, canon);
            out.entry(key).or_default().push(Item {
                doc: d.id.clone(),
                published: d.published.clone(),
                publisher: d.publisher.clone(),
                url: d.source.url.clone(),
                text: c.text.clone(),
                value,
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
        .filter(|(k, v)| k.indicator.is_some() && v.iter().map(|i| i.value).collect::<BTreeSet<_>>().len() > 1)
        .map(|(k, v)| Conflict { side: side.into(), key: k.clone(), items: v.clone() })
        .collect()
}

/// Compares the figures of two sets of documents.
pub fn diff(old: &[Document], new: &[Document], canon: &Canon) -> DiffReport {
    let (a, b) = (items(old, canon), items(new, canon));
    let mut report = DiffReport {
        schema: "pressmine-diff/2".into(),
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
                // Saturating and checked: values near Decimal's range (only in edited or
                // foreign JSON) must not panic; a relative change past the range is left out.
                let abs = n.value.saturating_sub(o.value);
                let rel = if o.value.is_zero() { None } else { abs.checked_div(o.value.abs()).map(|r| r.round_dp(6)) };
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

fn enum_text<T: Serialize>(v: &T) -> String {
    crate::sink::json_line(v).trim_matches('"').to_string()
}

/// A value with its unit: `8.4 %`, `43860000000 t`, `102.3` (an index).
fn with_unit(v: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} {u}", v.normalize()),
        None => v.normalize().to_string(),
    }
}

fn place_label(place: Option<&str>, code: Option<&str>) -> String {
    match (place, code) {
        (Some(p), Some(c)) => format!("{p} ({c})"),
        (Some(p), None) => p.to_string(),
        (None, _) => "-".into(),
    }
}

fn key_label(k: &Key) -> String {
    let basis = k.basis.map(|b| format!(" {}", enum_text(&b))).unwrap_or_default();
    format!(
        "{} | {} | {} | {}{basis}",
        k.indicator.as_deref().unwrap_or("?"),
        place_label(k.place.as_deref(), k.place_code.as_deref()),
        k.period(),
        enum_text(&k.kind),
    )
}

/// A readable report; `color` adds ANSI colours. Values are shown in the key's base unit.
pub fn render_table(r: &DiffReport, color: bool) -> String {
    let paint = |code: &str, s: String| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s };
    let mut out = String::new();
    for c in &r.changed {
        let u = c.key.unit.as_deref();
        let rel =
            c.rel_change.map(|x| format!(", {:+.2}%", (x * Decimal::ONE_HUNDRED).round_dp(2))).unwrap_or_default();
        out.push_str(&paint(
            "33",
            format!(
                "~ {}: {} → {} ({:+}{rel})  [{} → {}]\n",
                key_label(&c.key),
                with_unit(c.old.value, u),
                with_unit(c.new.value, u),
                c.abs_change,
                c.old.doc,
                c.new.doc
            ),
        ));
    }
    for s in &r.added {
        let v = with_unit(s.item.value, s.key.unit.as_deref());
        out.push_str(&paint("32", format!("+ {}: {v}  [{}]\n", key_label(&s.key), s.item.doc)));
    }
    for s in &r.removed {
        let v = with_unit(s.item.value, s.key.unit.as_deref());
        out.push_str(&paint("31", format!("- {}: {v}  [{}]\n", key_label(&s.key), s.item.doc)));
    }
    for c in &r.conflicts {
        let vals: Vec<String> =
            c.items.iter().map(|i| format!("{} [{}]", with_unit(i.value, c.key.unit.as_deref()), i.doc)).collect();
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

/// The key's columns of the diff and series CSVs.
const KEY_COLUMNS: &str = "indicator,place,place_code,period,period_start,period_end,period_kind,kind,unit,basis";

fn key_cols(k: &Key) -> String {
    use crate::sink::csv_field as q;
    [
        q(k.indicator.as_deref().unwrap_or("")),
        q(k.place.as_deref().unwrap_or("")),
        k.place_code.clone().unwrap_or_default(),
        q(&k.period()),
        k.period_start.clone().unwrap_or_default(),
        q(k.period_end.as_deref().unwrap_or("")),
        k.period_kind.map(|p| enum_text(&p)).unwrap_or_default(),
        enum_text(&k.kind),
        q(k.unit.as_deref().unwrap_or("")),
        k.basis.map(|b| enum_text(&b)).unwrap_or_default(),
    ]
    .join(",")
}

/// CSV (UTF-8 with BOM): one row per changed, added or removed figure. `old_value` and
/// `new_value` are in `unit`; `old_text` and `new_text` are the figures as written.
pub fn render_csv(r: &DiffReport) -> String {
    use crate::sink::csv_field as q;
    let mut out = format!(
        "\u{feff}change,{KEY_COLUMNS},old_value,new_value,abs_change,rel_change,old_doc,new_doc,old_text,new_text,old_sentence,new_sentence\n"
    );
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
            let cols = [i.value.normalize().to_string(), q(&i.doc), q(&i.text), q(&i.sentence)];
            let e = String::new();
            let [v, d, t, st] = &cols;
            let (ov, nv, od, nd, ot, nt, os, ns) =
                if old { (v, &e, d, &e, t, &e, st, &e) } else { (&e, v, &e, d, &e, t, &e, st) };
            out.push_str(&format!("{tag},{},{ov},{nv},,,{od},{nd},{ot},{nt},{os},{ns}\n", key_cols(&s.key)));
        }
    }
    out
}

/// One point of a series: a period and every statement of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The period in short ISO form (`2024-01/2024-07`).
    pub period: String,
    /// First day.
    pub period_start: Option<String>,
    /// Last day.
    pub period_end: Option<String>,
    /// What span it is.
    pub period_kind: Option<PeriodKind>,
    /// The value: the first statement of the latest-published document stating it.
    #[serde(with = "crate::model::decimal_number")]
    pub value: Decimal,
    /// Different documents state different values (no value in common): the publisher
    /// changed a figure it had published.
    pub revision: bool,
    /// One document states several values for the period (parts of a total given the
    /// total's indicator, say); reported, never a revision.
    pub conflict: bool,
    /// Every statement, by publication date, document and position.
    pub sources: Vec<Item>,
}

/// An indicator over periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Canonical indicator.
    pub indicator: String,
    /// Canonical place.
    pub place: Option<String>,
    /// GB/T 2260 code of the place.
    pub place_code: Option<String>,
    /// Kind.
    pub kind: ClaimKind,
    /// Unit family.
    pub family: String,
    /// The family's base unit, which every value is in.
    pub unit: Option<String>,
    /// Change basis.
    pub basis: Option<Basis>,
    /// Points in period order (by last day, then first).
    pub points: Vec<Point>,
}

/// Filters for `series` (substring matches; `None` keeps all).
#[derive(Debug, Clone, Default)]
pub struct SeriesFilter {
    /// Indicator contains.
    pub indicator: Option<String>,
    /// Place contains (or its code is).
    pub place: Option<String>,
    /// The period's short form starts with.
    pub period: Option<String>,
}

/// indicator, place, code, kind, family, unit, basis: a series without its period.
type SeriesKey = (String, Option<String>, Option<String>, ClaimKind, String, Option<String>, Option<Basis>);

/// Every indicator with a period, as series over periods, keyed by (indicator, place,
/// kind, unit family, change basis).
pub fn series(docs: &[Document], canon: &Canon, filter: &SeriesFilter) -> Vec<Series> {
    type PeriodKey = (Option<String>, Option<String>);
    let mut groups: BTreeMap<SeriesKey, BTreeMap<PeriodKey, (Key, Vec<Item>)>> = BTreeMap::new();
    for (key, its) in items(docs, canon) {
        let Some(indicator) = key.indicator.clone() else { continue };
        if key.period_end.is_none() {
            continue;
        }
        let label = key.period();
        if filter.indicator.as_ref().is_some_and(|m| !indicator.contains(m.as_str()))
            || filter.place.as_ref().is_some_and(|s| {
                !key.place.as_deref().unwrap_or("").contains(s.as_str()) && key.place_code.as_deref() != Some(s)
            })
            || filter.period.as_ref().is_some_and(|p| !label.starts_with(p.as_str()))
        {
            continue;
        }
        let sk = (
            indicator,
            key.place.clone(),
            key.place_code.clone(),
            key.kind,
            key.family.clone(),
            key.unit.clone(),
            key.basis,
        );
        let pk = (key.period_end.clone(), key.period_start.clone());
        groups.entry(sk).or_default().entry(pk).or_insert_with(|| (key.clone(), Vec::new())).1.extend(its);
    }
    groups
        .into_iter()
        .map(|((indicator, place, place_code, kind, family, unit, basis), periods)| Series {
            indicator,
            place,
            place_code,
            kind,
            family,
            unit,
            basis,
            points: periods.into_values().map(|(key, sources)| point(&key, sources)).collect(),
        })
        .collect()
}

/// A point from its statements: revision and conflict flags and the current value.
fn point(key: &Key, mut sources: Vec<Item>) -> Point {
    sources.sort_by(|a, b| (&a.published, &a.doc, a.span).cmp(&(&b.published, &b.doc, b.span)));
    let mut by_doc: BTreeMap<&str, BTreeSet<Decimal>> = BTreeMap::new();
    for s in &sources {
        by_doc.entry(s.doc.as_str()).or_default().insert(s.value.normalize());
    }
    let sets: Vec<&BTreeSet<Decimal>> = by_doc.values().collect();
    let revision = sets.iter().enumerate().any(|(i, a)| sets[i + 1..].iter().any(|b| a.is_disjoint(b)));
    let conflict = sets.iter().any(|s| s.len() > 1);
    let latest = sources.last().map(|s| s.doc.clone()).unwrap_or_default();
    let value = sources.iter().find(|s| s.doc == latest).map(|s| s.value).unwrap_or_default();
    Point {
        period: key.period(),
        period_start: key.period_start.clone(),
        period_end: key.period_end.clone(),
        period_kind: key.period_kind,
        value,
        revision,
        conflict,
        sources,
    }
}

/// Long-form CSV (UTF-8 with BOM): one row per point and statement, one value a row.
/// `current` marks the statement that is the point's value.
pub fn series_csv(all: &[Series]) -> String {
    use crate::sink::csv_field as q;
    let mut out = String::from(
        "\u{feff}indicator,place,place_code,kind,unit,basis,period,period_start,period_end,period_kind,value,current,revision,conflict,doc,published,publisher,url,text\n",
    );
    for s in all {
        let head = [
            q(&s.indicator),
            q(s.place.as_deref().unwrap_or("")),
            s.place_code.clone().unwrap_or_default(),
            enum_text(&s.kind),
            q(s.unit.as_deref().unwrap_or("")),
            s.basis.map(|b| enum_text(&b)).unwrap_or_default(),
        ]
        .join(",");
        for p in &s.points {
            let current = p.sources.last().map(|l| l.doc.as_str());
            let mut first_of_latest = true;
            for i in &p.sources {
                let is_current = Some(i.doc.as_str()) == current && std::mem::take(&mut first_of_latest);
                out.push_str(&format!(
                    "{head},{},{},{},{},{},{is_current},{},{},{},{},{},{},{}\n",
                    q(&p.period),
                    p.period_start.clone().unwrap_or_default(),
                    q(p.period_end.as_deref().unwrap_or("")),
                    p.period_kind.map(|k| enum_text(&k)).unwrap_or_default(),
                    i.value.normalize(),
                    p.revision,
                    p.conflict,
                    q(&i.doc),
                    i.published.clone().unwrap_or_default(),
                    q(i.publisher.as_deref().unwrap_or("")),
                    q(i.url.as_deref().unwrap_or("")),
                    q(&i.text),
                ));
            }
        }
    }
    out
}

/// A readable series listing: each series headed by its indicator, place, kind, change
/// basis and unit; each point with its flags and every statement.
pub fn series_table(all: &[Series]) -> String {
    let mut out = String::new();
    for s in all {
        let basis = s.basis.map(|b| format!(" {}", enum_text(&b))).unwrap_or_default();
        out.push_str(&format!(
            "{} | {} | {}{basis} | unit {}\n",
            s.indicator,
            place_label(s.place.as_deref(), s.place_code.as_deref()),
            enum_text(&s.kind),
            s.unit.as_deref().unwrap_or("-"),
        ));
        for p in &s.points {
            let flag = match (p.revision, p.conflict) {
                (true, true) => "  REVISED CONFLICT",
                (true, false) => "  REVISED",
                (false, true) => "  CONFLICT",
                _ => "",
            };
            let vals: Vec<String> = p
                .sources
                .iter()
                .map(|i| format!("{} [{} {}]", i.value.normalize(), i.doc, i.published.as_deref().unwrap_or("-")))
                .collect();
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
        return parse_side(&bytes, false);
    }
    crate::source::check_content(&bytes).map_err(std::io::Error::other)?;
    let raw = crate::source::RawDoc::from_bytes(name.to_string(), bytes);
    Ok(vec![pipeline.process(&raw)])
}

/// Reads one side of a diff held in memory: a document's JSON (`jsonl` false), or the lines
/// of a `documents.jsonl` (`jsonl` true, blank lines skipped). [`load_side`] reads its
/// `.json` files through it, and its `.jsonl` files through the same line reader
/// ([`crate::corpus::parse_documents`]).
///
/// # Errors
/// Input that is not a document (or, for `jsonl`, a line that is not UTF-8 or not one).
pub fn parse_side(bytes: &[u8], jsonl: bool) -> std::io::Result<Vec<Document>> {
    if jsonl {
        return crate::corpus::parse_documents(bytes).collect();
    }
    let doc: Document = serde_json::from_slice(bytes).map_err(std::io::Error::other)?;
    Ok(vec![doc])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Figures near Decimal's range (from an edited or foreign JSON) are compared without
    /// overflowing: found by the `diff` fuzz target (subtraction overflowed).
    #[test]
    fn values_at_the_decimal_range_do_not_overflow() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let pipe = crate::pipeline::Pipeline::load(&root.join("patterns")).unwrap();
        let bytes = std::fs::read(root.join("output/docs/own/fiscal-release.txt.json")).unwrap();
        let mut old = parse_side(&bytes, false).unwrap();
        let mut new = old.clone();
        fn claim(docs: &mut [Document]) -> &mut crate::model::Claim {
            &mut docs[0].claims[0].claim
        }
        claim(&mut old).value = Decimal::MAX;
        claim(&mut new).value = Decimal::MIN;
        let report = diff(&old, &new, pipe.canon());
        let changed = report.changed.iter().find(|c| c.old.value == Decimal::MAX).expect("the figure changed");
        assert_eq!(changed.abs_change, Decimal::MIN);
        assert_eq!(changed.rel_change, Some(Decimal::NEGATIVE_ONE));
        // Tiny old value: the relative change is past the range and left out.
        claim(&mut old).value = Decimal::new(1, 28);
        let report = diff(&old, &new, pipe.canon());
        assert!(report.changed.iter().any(|c| c.old.value == Decimal::new(1, 28) && c.rel_change.is_none()));
        // A unit scaled to its family's base unit saturates too.
        claim(&mut old).value = Decimal::MAX;
        claim(&mut old).unit = Some("km2".into());
        assert_eq!(Key::of(&old[0].claims[0], pipe.canon()).1, Decimal::MAX);
        assert!(!diff(&old, &old, pipe.canon()).has_differences());
    }
}
