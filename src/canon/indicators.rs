//! Indicator keys: a claim's `metric` as written → its canonical `indicator`, through the
//! normalization rules and named indicators of `patterns/indicators.toml`, and a unit code →
//! its unit family and the factor to the family's base unit. Reads names and unit codes
//! only; which words form a metric is the claims stage's decision.

use crate::error::PatternError;
use crate::patterns::{Patterns, RuleSpec, Source};
use regex::Regex;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    #[serde(default)]
    normalize: Vec<NormalizeSpec>,
    #[serde(default)]
    indicator: Vec<IndicatorSpec>,
    #[serde(default)]
    family: Vec<FamilySpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NormalizeSpec {
    id: String,
    description: String,
    pattern: String,
    replace: String,
    #[serde(default)]
    examples: Vec<[String; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorSpec {
    id: String,
    name: String,
    #[allow(dead_code)]
    description: String,
    #[serde(default)]
    synonyms: Vec<String>,
    units: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilySpec {
    id: String,
    description: String,
    base: String,
    units: BTreeMap<String, String>,
    /// `[unit, value, value in the base unit]` triples checked at load.
    #[serde(default)]
    examples: Vec<[String; 3]>,
}

/// A rule rewriting metric names (`[[normalize]]`).
#[derive(Debug, Clone)]
struct Normalize {
    regex: Regex,
    replace: String,
}

/// A unit family: the units one figure may be converted between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// Family id (`mass`), or the unit code for a unit no family lists.
    pub id: String,
    /// Base unit code (`t`); empty for an index.
    pub base: String,
    /// What the family is.
    pub description: String,
}

/// A named indicator.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Rule id (`ind.gdp`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Unit families its levels take.
    pub units: Vec<String>,
}

/// The compiled `patterns/indicators.toml`.
#[derive(Debug, Clone, Default)]
pub struct Indicators {
    rules: Vec<Normalize>,
    /// Normalized name or synonym → index into `named`.
    names: BTreeMap<String, usize>,
    named: Vec<Indicator>,
    families: BTreeMap<String, Family>,
    /// Unit code → (family id, factor to the base unit).
    units: BTreeMap<String, (String, Decimal)>,
}

/// Folds full-width ASCII (ＧＤＰ, ２０２４) and the ideographic space to ASCII.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

impl Indicators {
    /// Loads and checks `indicators.toml` in `dir`.
    ///
    /// # Errors
    /// Syntax errors; a bad regex or a failing example; a canonical name not in normal form,
    /// listed twice, or a name or synonym two indicators claim; a unit family no
    /// `[[family]]` defines; a bad conversion factor; each with the file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("indicators.toml")?;
        let f: IndicatorFile = src.parse()?;
        // Normalization rules: compiled like every regex rule (ids, fragments, lines).
        let specs: Vec<RuleSpec> = f
            .normalize
            .iter()
            .map(|n| RuleSpec {
                id: n.id.clone(),
                description: n.description.clone(),
                pattern: n.pattern.clone(),
                must_match: Vec::new(),
                must_not_match: Vec::new(),
            })
            .collect();
        let compiled = src.compile_rules(&specs, &BTreeMap::new())?;
        let mut out = Self::default();
        for (spec, rule) in f.normalize.iter().zip(compiled) {
            out.rules.push(Normalize { regex: rule.regex, replace: spec.replace.clone() });
            for [written, want] in &spec.examples {
                let got = out.normalize(written);
                if got != *want {
                    return Err(src.error_at(
                        &format!("\"{}\"", spec.id),
                        format!("rule {}: {written:?} normalizes to {got:?}, not {want:?}", spec.id),
                    ));
                }
            }
        }
        // Families.
        for fam in &f.family {
            let at = entry_at(&src, &fam.id);
            if out.families.contains_key(&fam.id) {
                return Err(src.error_at_offset(at, format!("duplicate unit family {}", fam.id)));
            }
            if !fam.units.contains_key(&fam.base) {
                return Err(src.error_at_offset(
                    at,
                    format!("family {}: its base {:?} is not among its units", fam.id, fam.base),
                ));
            }
            for (code, factor) in &fam.units {
                let factor = Decimal::from_str(factor).ok().filter(|d| *d > Decimal::ZERO).ok_or_else(|| {
                    src.error_at_offset(
                        at,
                        format!("family {}: factor {factor:?} of {code} is not a positive decimal", fam.id),
                    )
                })?;
                if let Some((other, _)) = out.units.insert(code.clone(), (fam.id.clone(), factor)) {
                    return Err(src.error_at_offset(at, format!("unit {code:?} is in families {other} and {}", fam.id)));
                }
            }
            out.families.insert(
                fam.id.clone(),
                Family { id: fam.id.clone(), base: fam.base.clone(), description: fam.description.clone() },
            );
            for [code, value, want] in &fam.examples {
                let converted =
                    out.units.get(code).filter(|(f, _)| *f == fam.id).and_then(|(_, factor)| {
                        Some((Decimal::from_str(value).ok()? * factor).normalize().to_string())
                    });
                if converted.as_deref() != Some(want.as_str()) {
                    return Err(src.error_at_offset(
                        at,
                        format!("family {}: {value} {code} should be {want} {}, is {converted:?}", fam.id, fam.base),
                    ));
                }
            }
        }
        // Named indicators.
        for (k, spec) in f.indicator.iter().enumerate() {
            let at = entry_at(&src, &spec.id);
            let line_of = |needle: &str| src.text[at..].find(needle).map_or(at, |o| at + o);
            if out.named.iter().any(|n| n.id == spec.id) {
                return Err(src.error_at_offset(at, format!("duplicate indicator id {}", spec.id)));
            }
            let normal = out.normalize(&spec.name);
            if normal != spec.name {
                return Err(src.error_at_offset(
                    line_of(&format!("\"{}\"", spec.name)),
                    format!("indicator {}: name {:?} is not in normal form; write {normal:?}", spec.id, spec.name),
                ));
            }
            if let Some(other) = out.named.iter().find(|n| n.name == spec.name) {
                return Err(src.error_at_offset(
                    line_of(&format!("\"{}\"", spec.name)),
                    format!("indicator {}: canonical name {} is already the name of {}", spec.id, spec.name, other.id),
                ));
            }
            for fam in &spec.units {
                if !out.families.contains_key(fam) {
                    let known: Vec<&str> = out.families.keys().map(String::as_str).collect();
                    return Err(src.error_at_offset(
                        line_of(&format!("\"{fam}\"")),
                        format!("indicator {}: unknown unit family {fam:?} (known: {})", spec.id, known.join(", ")),
                    ));
                }
            }
            for name in std::iter::once(&spec.name).chain(&spec.synonyms) {
                let key = out.normalize(name);
                match out.names.get(&key) {
                    Some(&j) if j != k => {
                        return Err(src.error_at_offset(
                            line_of(&format!("\"{name}\"")),
                            format!(
                                "indicator {}: {name} is claimed by {} ({}) too",
                                spec.id, out.named[j].name, out.named[j].id
                            ),
                        ))
                    }
                    _ => {
                        out.names.insert(key, k);
                    }
                }
            }
            out.named.push(Indicator { id: spec.id.clone(), name: spec.name.clone(), units: spec.units.clone() });
            for ex in &spec.examples {
                let got = out.indicator(ex);
                if got.as_deref() != Some(spec.name.as_str()) {
                    return Err(src.error_at_offset(
                        line_of(&format!("\"{ex}\"")),
                        format!("indicator {}: example {ex:?} comes out as {got:?}, not {:?}", spec.id, spec.name),
                    ));
                }
            }
        }
        Ok(out)
    }

    /// A metric with width folded and every normalization rule applied.
    pub fn normalize(&self, metric: &str) -> String {
        let mut s = fold_width(metric);
        for r in &self.rules {
            if r.regex.is_match(&s) {
                s = r.regex.replace_all(&s, r.replace.as_str()).into_owned();
            }
        }
        s
    }

    /// The canonical indicator of a metric: a named indicator's name, else the normalized
    /// metric; `None` when nothing is left.
    pub fn indicator(&self, metric: &str) -> Option<String> {
        let n = self.normalize(metric);
        match self.names.get(&n) {
            Some(&k) => Some(self.named[k].name.clone()),
            None => (!n.is_empty()).then_some(n),
        }
    }

    /// The named indicators, in file order.
    pub fn named(&self) -> &[Indicator] {
        &self.named
    }

    /// The family of a unit code (`None`: a bare figure) and the factor to its base unit.
    /// A unit no family lists is a family of its own with factor 1.
    pub fn family(&self, unit: Option<&str>) -> (Family, Decimal) {
        let code = unit.unwrap_or("");
        match self.units.get(code) {
            Some((id, factor)) => (self.families[id].clone(), *factor),
            None => (Family { id: code.to_string(), base: code.to_string(), description: String::new() }, Decimal::ONE),
        }
    }
}

/// Byte offset of an entry's `id = "…"` (its quoted id), for error lines.
fn entry_at(src: &Source, id: &str) -> usize {
    src.text.find(&format!("\"{id}\"")).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load() -> Indicators {
        Indicators::load(&crate::patterns::Patterns::embedded()).unwrap()
    }

    #[test]
    fn written_two_ways_is_one_indicator() {
        let ind = load();
        for (written, want) in [
            ("规模以上工业增加值", "规上工业增加值"),
            ("全省规上工业增加值", "规上工业增加值"),
            ("社零总额", "社会消费品零售总额"),
            ("地区生产总值（GDP）", "地区生产总值"),
            ("全国城镇调查失业率", "城镇调查失业率"),
            ("ＧＤＰ", "地区生产总值"),
            ("全社会用电量", "全社会用电量"),
            ("“十四五”规划 投资", "十四五规划投资"),
        ] {
            assert_eq!(ind.indicator(written).as_deref(), Some(want), "{written}");
        }
        assert_eq!(ind.indicator(" "), None);
    }

    #[test]
    fn families_convert_to_their_base() {
        let ind = load();
        let (f, x) = ind.family(Some("jin"));
        assert_eq!((f.id.as_str(), f.base.as_str(), x.to_string().as_str()), ("mass", "t", "0.0005"));
        let (f, x) = ind.family(Some("BTC"));
        assert_eq!((f.id.as_str(), x), ("BTC", Decimal::ONE));
        assert_eq!(ind.family(None).0.id, "index");
    }
}
