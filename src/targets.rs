//! Targets against actuals (`pressmine targets`): every target figure of an output folder
//! (a work report's 主要预期目标, a plan's 到2027年 goals) paired with the actual stated for
//! the same indicator, place and period in any document (a later statistics bulletin, the
//! next year's report reviewing this one, a statistics release), by the canonical keys of
//! [`crate::canon`] as `diff` and `series` use them. Each pair gets a verdict: `met`,
//! `missed`, `pending` (no actual stated yet) or `unclear` (actuals stated, none in a
//! comparable unit: a growth target and a level). A percent figure of an indicator named
//! with a rate word (居民消费价格涨幅3%) is the indicator's change. `about` targets are met
//! within the margin of `[tolerance]` in `patterns/reports.toml`; on indicators where lower is
//! better a target is met at or below it.
//!
//! A figure that names no place is of the place most figures of its document name.
//! Reads documents and recomputes their keys with the current patterns; never re-extracts,
//! and decides no figure's modality, period or bound (the claims stage does).

use crate::canon::Canon;
use crate::diff::Key;
use crate::extract::reports::Tolerance;
use crate::model::{Basis, Bound, ClaimKind, Document, KeyedClaim, Modality};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// Schema tag of the JSON report.
pub const SCHEMA: &str = "pressmine-targets/1";

/// Whether a target was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The actual reaches the target (within the margin of an `about` target).
    Met,
    /// The actual falls short.
    Missed,
    /// No document states an actual for the indicator, place and period yet.
    Pending,
    /// Actuals are stated, none in a unit the target can be compared with.
    Unclear,
}

impl Verdict {
    fn label(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Missed => "missed",
            Self::Pending => "pending",
            Self::Unclear => "unclear",
        }
    }
}

/// One figure with where it was stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Document id.
    pub doc: String,
    /// The document's date.
    pub published: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// The figure as written.
    pub text: String,
    /// The value in the base unit of its family (signed: a fall is negative).
    #[serde(with = "crate::model::decimal_number")]
    pub value: Decimal,
    /// The base unit.
    pub unit: Option<String>,
    /// What kind of figure it is (a change, a level …).
    pub kind: ClaimKind,
    /// Span in the document's text.
    pub span: [usize; 2],
    /// The sentence.
    pub sentence: String,
}

/// A target and the actual it is judged against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// Canonical indicator.
    pub indicator: String,
    /// Canonical place (the document's usual place when the target names none; null when no
    /// figure of its document names one).
    pub place: Option<String>,
    /// GB/T 2260 code of the place.
    pub place_code: Option<String>,
    /// The target's period in short ISO form (`2024`, `2026/2030`).
    pub period: String,
    /// Which way the target binds.
    pub bound: Bound,
    /// `[low, high]` of a range target, in the base unit.
    #[serde(with = "crate::model::decimal_range")]
    pub range: Option<[Decimal; 2]>,
    /// Margin an `about` target is met within, in the base unit (percentage points for %).
    #[serde(with = "crate::model::decimal_range_single")]
    pub margin: Option<Decimal>,
    /// The indicator is one where lower is better (`lower_is_better`).
    pub lower_is_better: bool,
    /// The verdict.
    pub verdict: Verdict,
    /// The target as stated.
    pub target: Statement,
    /// The actual judged against (for `unclear`, the first actual stated in another unit);
    /// null when pending.
    pub actual: Option<Statement>,
}

/// Result of `targets` (schema `pressmine-targets/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetsReport {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Every target, by period, indicator, place and where it is stated.
    pub targets: Vec<TargetRow>,
}

/// A figure read for pairing: its key (a rate read as a change), value in the base unit and
/// statement.
struct Figure {
    key: Key,
    statement: Statement,
    range: Option<[Decimal; 2]>,
    percent: bool,
}

/// The key of a claim with a rate word after its indicator (居民消费价格涨幅 3%) read as
/// the change of the indicator alone.
fn figure(d: &Document, c: &KeyedClaim, chars: &[char], canon: &Canon, tol: &Tolerance) -> Figure {
    let (mut key, value) = Key::of(c, canon);
    let factor = canon.indicators().family(c.unit.as_deref()).1;
    if c.kind == ClaimKind::Percent {
        let rate = c
            .metric
            .as_deref()
            .and_then(|m| tol.rate_words.iter().find_map(|w| m.strip_suffix(w.as_str())).filter(|m| !m.is_empty()));
        if let Some(ind) = rate.and_then(|m| canon.indicators().indicator(m)) {
            key.indicator = Some(ind);
            key.kind = ClaimKind::Change;
        }
    }
    let sentence = chars.get(c.sentence[0]..c.sentence[1].min(chars.len())).unwrap_or(&[]).iter().collect();
    Figure {
        range: c.range.map(|[a, b]| {
            let (a, b) = (a.saturating_mul(factor).normalize(), b.saturating_mul(factor).normalize());
            if a <= b {
                [a, b]
            } else {
                [b, a]
            }
        }),
        percent: c.unit.as_deref() == Some("%"),
        statement: Statement {
            doc: d.id.clone(),
            published: d.published.clone(),
            title: d.title.clone(),
            text: c.text.clone(),
            value,
            unit: key.unit.clone(),
            kind: key.kind,
            span: c.span,
            sentence,
        },
        key,
    }
}

/// The place most figures of a document name (ties to the first in name order), with its
/// code: a figure that names none (全年城镇调查失业率为5.2% in a province's bulletin) is of it.
fn home_place(d: &Document) -> (Option<String>, Option<String>) {
    let mut count: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    for c in d.claims.iter().filter(|c| !c.is_upper_end()) {
        if let Some(p) = c.keys.place.as_deref() {
            *count.entry((p, c.keys.place_code.as_deref())).or_default() += 1;
        }
    }
    let best = count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    best.map_or((None, None), |((p, code), _)| (Some(p.to_string()), code.map(str::to_string)))
}

/// Whether two change bases can be compared: month-on-month only with itself; 同比 and 比上年
/// (or none stated) alike for a year.
fn same_basis(a: Option<Basis>, b: Option<Basis>) -> bool {
    let mom = |x: Option<Basis>| x == Some(Basis::Mom);
    mom(a) == mom(b)
}

/// Whether the actual meets the target.
fn meets(t: &Figure, bound: Bound, margin: Option<Decimal>, lower: bool, a: Decimal) -> bool {
    let v = t.statement.value;
    match bound {
        Bound::Floor => a >= v,
        Bound::Ceiling => a <= v,
        Bound::About => {
            let m = margin.unwrap_or_default();
            if lower {
                a <= v.saturating_add(m)
            } else {
                a >= v.saturating_sub(m)
            }
        }
        Bound::Point => {
            if lower {
                a <= v
            } else {
                a >= v
            }
        }
        Bound::Range => {
            let [lo, hi] = t.range.unwrap_or([v, v]);
            if lower {
                a <= hi
            } else {
                a >= lo
            }
        }
    }
}

/// Pairs every target of `docs` with its actual and judges it.
pub fn targets(docs: &[Document], canon: &Canon, tol: &Tolerance) -> TargetsReport {
    type Slot = (String, Option<String>, Option<String>);
    let mut targets: Vec<(Figure, Bound)> = Vec::new();
    let mut actuals: BTreeMap<Slot, Vec<Figure>> = BTreeMap::new();
    for d in docs {
        let chars: Vec<char> = d.text.chars().collect();
        let home = home_place(d);
        for c in &d.claims {
            if c.said.in_question || c.is_upper_end() {
                continue;
            }
            let mut f = figure(d, c, &chars, canon, tol);
            if f.key.place.is_none() {
                f.key.place.clone_from(&home.0);
                f.key.place_code.clone_from(&home.1);
            }
            let (Some(ind), Some(_)) = (f.key.indicator.clone(), f.key.period_end.as_ref()) else { continue };
            match c.modality {
                Modality::Target => targets.push((f, c.bound.unwrap_or(Bound::Point))),
                Modality::Actual => {
                    let slot = (ind, f.key.period_start.clone(), f.key.period_end.clone());
                    actuals.entry(slot).or_default().push(f);
                }
            }
        }
    }
    for list in actuals.values_mut() {
        list.sort_by(|a, b| {
            let k = |f: &Figure| (f.statement.published.clone(), f.statement.doc.clone(), f.statement.span);
            k(a).cmp(&k(b))
        });
    }
    let mut rows: Vec<TargetRow> = targets
        .into_iter()
        .map(|(t, bound)| {
            let indicator = t.key.indicator.clone().unwrap_or_default();
            let slot = (indicator.clone(), t.key.period_start.clone(), t.key.period_end.clone());
            let stated = actuals.get(&slot).map(Vec::as_slice).unwrap_or(&[]);
            let candidates: Vec<&Figure> = stated.iter().filter(|a| a.key.place == t.key.place).collect();
            let comparable: Vec<&&Figure> = candidates
                .iter()
                .filter(|a| {
                    a.key.kind == t.key.kind && a.key.family == t.key.family && same_basis(a.key.basis, t.key.basis)
                })
                .collect();
            let lower = tol.lower_is_better.contains(&indicator);
            let margin = (bound == Bound::About).then(|| {
                if t.percent {
                    tol.percent_points
                } else {
                    t.statement.value.abs().saturating_mul(tol.relative).normalize()
                }
            });
            // The latest document's first statement, as a series takes its value.
            let latest = comparable.last().map(|a| a.statement.doc.clone());
            let actual = comparable.iter().find(|a| Some(&a.statement.doc) == latest.as_ref());
            let (verdict, actual) = match (actual, candidates.first()) {
                (Some(a), _) => {
                    let v =
                        if meets(&t, bound, margin, lower, a.statement.value) { Verdict::Met } else { Verdict::Missed };
                    (v, Some(a.statement.clone()))
                }
                (None, Some(a)) => (Verdict::Unclear, Some(a.statement.clone())),
                (None, None) => (Verdict::Pending, None),
            };
            TargetRow {
                indicator,
                place: t.key.place.clone(),
                place_code: t.key.place_code.clone(),
                period: t.key.period(),
                bound,
                range: t.range,
                margin,
                lower_is_better: lower,
                verdict,
                actual,
                target: t.statement,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let k = |r: &TargetRow| {
            (r.period.clone(), r.indicator.clone(), r.place.clone(), r.target.doc.clone(), r.target.span)
        };
        k(a).cmp(&k(b))
    });
    TargetsReport { schema: SCHEMA.to_string(), targets: rows }
}

fn bound_label(b: Bound) -> &'static str {
    match b {
        Bound::Floor => "floor",
        Bound::Ceiling => "ceiling",
        Bound::About => "about",
        Bound::Range => "range",
        Bound::Point => "point",
    }
}

fn kind_label(k: ClaimKind) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A value with its unit: `5.5%`, `600000 count`, `15000000 t`.
fn with_unit(v: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{}%", v.normalize()),
        Some(u) if !u.is_empty() => format!("{} {u}", v.normalize()),
        _ => v.normalize().to_string(),
    }
}

/// The target as a short phrase: `about 5.5% (±0.2)`, `floor 600000 count`, `range 2–3%`.
fn target_phrase(r: &TargetRow) -> String {
    let unit = r.target.unit.as_deref();
    let value = match r.range.filter(|_| r.bound == Bound::Range) {
        Some([a, b]) => format!("{}–{}", a.normalize(), with_unit(b, unit)),
        None => with_unit(r.target.value, unit),
    };
    let margin = r.margin.map(|m| format!(" (±{})", m.normalize())).unwrap_or_default();
    format!("{} {value}{margin}", bound_label(r.bound))
}

/// A readable listing: one line per target with its verdict, then the target's and the
/// actual's document, date, figure and sentence.
pub fn render_table(r: &TargetsReport) -> String {
    let mut out = String::new();
    for t in &r.targets {
        let actual = t
            .actual
            .as_ref()
            .map(|a| format!("{} ({})", with_unit(a.value, a.unit.as_deref()), kind_label(a.kind)))
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "{:<8}{} | {} | {} | {}: {} → {}\n",
            t.verdict.label(),
            t.indicator,
            t.place.as_deref().unwrap_or("-"),
            t.period,
            kind_label(t.target.kind),
            target_phrase(t),
            actual,
        ));
        let line = |tag: &str, s: &Statement| {
            format!(
                "        {tag} {} ({}): {} | {}\n",
                s.doc,
                s.published.as_deref().unwrap_or("-"),
                s.text,
                s.sentence.trim()
            )
        };
        out.push_str(&line("target", &t.target));
        if let Some(a) = &t.actual {
            out.push_str(&line("actual", a));
        }
    }
    out
}

/// CSV (UTF-8 with BOM), one row per target.
pub fn render_csv(r: &TargetsReport) -> String {
    use crate::sink::csv_field as q;
    let mut out = String::from(
        "\u{feff}verdict,indicator,place,place_code,period,kind,bound,target,range_low,range_high,margin,lower_is_better,unit,actual,actual_kind,target_doc,target_published,target_text,target_sentence,actual_doc,actual_published,actual_text,actual_sentence\n",
    );
    for t in &r.targets {
        let a = t.actual.as_ref();
        let s = |f: fn(&Statement) -> String| a.map(f).unwrap_or_default();
        let [lo, hi] = t.range.map(|[a, b]| [a.to_string(), b.to_string()]).unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{lo},{hi},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
            t.verdict.label(),
            q(&t.indicator),
            q(t.place.as_deref().unwrap_or("")),
            t.place_code.clone().unwrap_or_default(),
            q(&t.period),
            kind_label(t.target.kind),
            bound_label(t.bound),
            t.target.value.normalize(),
            t.margin.map(|m| m.normalize().to_string()).unwrap_or_default(),
            t.lower_is_better,
            q(t.target.unit.as_deref().unwrap_or("")),
            s(|a| a.value.normalize().to_string()),
            s(|a| kind_label(a.kind)),
            q(&t.target.doc),
            t.target.published.clone().unwrap_or_default(),
            q(&t.target.text),
            q(t.target.sentence.trim()),
            s(|a| q(&a.doc)),
            s(|a| a.published.clone().unwrap_or_default()),
            s(|a| q(&a.text)),
            s(|a| q(a.sentence.trim())),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(value: i64, range: Option<[i64; 2]>) -> Figure {
        let d = |v: i64| Decimal::from(v);
        Figure {
            key: Key {
                indicator: Some("x".into()),
                place: None,
                place_code: None,
                period_start: None,
                period_end: None,
                period_kind: None,
                kind: ClaimKind::Change,
                family: "%".into(),
                unit: Some("%".into()),
                basis: None,
            },
            statement: Statement {
                doc: "d".into(),
                published: None,
                title: None,
                text: String::new(),
                value: d(value),
                unit: Some("%".into()),
                kind: ClaimKind::Change,
                span: [0, 0],
                sentence: String::new(),
            },
            range: range.map(|[a, b]| [d(a), d(b)]),
            percent: true,
        }
    }

    #[test]
    fn bounds_read_which_way_is_better() {
        let m = Some(Decimal::new(2, 1));
        let at = |v: i64, e: u32| Decimal::new(v, e);
        // About 5 (±0.2), higher better: 4.8 and anything above is met, 4.7 missed.
        assert!(meets(&target(5, None), Bound::About, m, false, at(48, 1)));
        assert!(meets(&target(5, None), Bound::About, m, false, at(70, 1)));
        assert!(!meets(&target(5, None), Bound::About, m, false, at(47, 1)));
        // About 3 on prices (lower better): 3.2 met, 3.3 missed, 0.4 met.
        assert!(meets(&target(3, None), Bound::About, m, true, at(32, 1)));
        assert!(!meets(&target(3, None), Bound::About, m, true, at(33, 1)));
        assert!(meets(&target(3, None), Bound::About, m, true, at(4, 1)));
        // A fall of about 2.5 (lower better): a fall of 2.4 is within the margin, 2.2 is not.
        assert!(meets(&target(-25, None).scaled(), Bound::About, m, true, at(-24, 1)));
        assert!(!meets(&target(-25, None).scaled(), Bound::About, m, true, at(-22, 1)));
        // Floors, ceilings, ranges.
        assert!(meets(&target(5, None), Bound::Floor, None, false, at(5, 0)));
        assert!(!meets(&target(5, None), Bound::Ceiling, None, false, at(51, 1)));
        assert!(meets(&target(2, Some([2, 3])), Bound::Range, None, false, at(25, 1)));
        assert!(!meets(&target(2, Some([2, 3])), Bound::Range, None, false, at(19, 1)));
    }

    impl Figure {
        /// The target's value read in tenths (−25 → −2.5).
        fn scaled(mut self) -> Self {
            self.statement.value = Decimal::new(self.statement.value.mantissa() as i64, 1);
            self
        }
    }
}
