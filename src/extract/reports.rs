//! Loads `patterns/reports.toml`: what makes a document a government work report, a plan
//! report or a statistics bulletin (its title), the section rules that open a review of last
//! year, this year's targets or a plan horizon, the words that say which way a target binds,
//! and the tolerance `pressmine targets` judges targets by. It decides nothing about a given
//! text by itself: the claims stage ([`super::claims`]) applies sections and bounds to
//! figures, and [`crate::targets`] the tolerance.

use super::rules::Words;
use crate::error::PatternError;
use crate::model::Bound;
use crate::patterns::{Patterns, Rule, RuleSpec};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

/// What a section of a report states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A review of the year before the report (工作回顾, 过去一年).
    Review,
    /// This year's targets and tasks (工作安排, 主要预期目标).
    Targets,
    /// A horizon year or plan period (到2027年, 十五五时期).
    Horizon,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionSpec {
    id: String,
    kind: SectionKind,
    description: String,
    pattern: String,
    #[serde(default, rename = "match")]
    must_match: Vec<String>,
    #[serde(default, rename = "no_match")]
    must_not_match: Vec<String>,
}

/// A bound's words as written in `reports.toml`, with its example sentences.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundRule {
    /// Stable id.
    pub id: String,
    /// The bound these words give.
    pub bound: Bound,
    /// What the words mean.
    pub description: String,
    /// Words right before the figure (a hedge between allowed).
    #[serde(default)]
    pub before: Vec<String>,
    /// Words right after the figure, or ending it.
    #[serde(default)]
    pub after: Vec<String>,
    /// Target sentences whose first figure must get this bound (run by the tests).
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToleranceSpec {
    percent_points: String,
    relative: String,
    #[serde(default)]
    lower_is_better: Vec<String>,
    #[serde(default)]
    rate_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    fragments: BTreeMap<String, String>,
    report_title: Vec<RuleSpec>,
    section: Vec<SectionSpec>,
    bound: Vec<BoundRule>,
    tolerance: ToleranceSpec,
}

/// When a target counts as met (`[tolerance]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tolerance {
    /// Margin of an `about` target stated in %, in percentage points.
    pub percent_points: Decimal,
    /// Margin of an `about` target in any other unit, as a fraction of the target.
    pub relative: Decimal,
    /// Canonical indicators where lower is better.
    pub lower_is_better: Vec<String>,
    /// Words after an indicator that make a percent figure its change (涨幅, 增速).
    pub rate_words: Vec<String>,
}

/// A section rule: where it matches, a section of `kind` opens.
#[derive(Debug, Clone)]
pub struct SectionRule {
    /// The compiled rule (a horizon rule has group `y` or `plan`).
    pub rule: Rule,
    /// What the section states.
    pub kind: SectionKind,
}

/// Compiled report rules.
#[derive(Debug, Clone)]
pub struct ReportRules {
    /// Titles that make a document a report.
    pub titles: Vec<Rule>,
    /// Section rules, tried in order at each paragraph's start.
    pub sections: Vec<SectionRule>,
    /// The bound rules as written (for their examples).
    pub bounds: Vec<BoundRule>,
    /// Words before a target's figure, with the bound they give.
    pub bound_before: Words<Bound>,
    /// Words after (or ending) a target's figure, with the bound they give.
    pub bound_after: Words<Bound>,
    /// When a target counts as met.
    pub tolerance: Tolerance,
}

impl ReportRules {
    /// Loads and validates `reports.toml` in `dir`.
    ///
    /// # Errors
    /// File, syntax, regex, example or number failures, with file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("reports.toml")?;
        let f: File = src.parse()?;
        let titles = src.compile_rules(&f.report_title, &f.fragments)?;
        let specs: Vec<RuleSpec> = f
            .section
            .iter()
            .map(|s| RuleSpec {
                id: s.id.clone(),
                description: s.description.clone(),
                pattern: s.pattern.clone(),
                must_match: s.must_match.clone(),
                must_not_match: s.must_not_match.clone(),
            })
            .collect();
        let compiled = src.compile_rules(&specs, &f.fragments)?;
        let mut sections = Vec::new();
        for (rule, spec) in compiled.into_iter().zip(&f.section) {
            let named = |n: &str| rule.regex.capture_names().flatten().any(|g| g == n);
            if spec.kind == SectionKind::Horizon && !named("y") && !named("plan") {
                return Err(src.error_at(&format!("\"{}\"", spec.id), "a horizon rule needs a group y or plan"));
            }
            sections.push(SectionRule { rule, kind: spec.kind });
        }
        let mut seen = std::collections::BTreeSet::new();
        for b in &f.bound {
            if !seen.insert(b.id.clone()) {
                return Err(src.error_at(&format!("\"{}\"", b.id), format!("duplicate rule id {}", b.id)));
            }
        }
        let words = |pick: fn(&BoundRule) -> &Vec<String>| {
            Words::new(f.bound.iter().flat_map(|b| pick(b).iter().map(move |w| (w.clone(), b.bound))).collect())
        };
        let bound_before = words(|b| &b.before);
        let bound_after = words(|b| &b.after);
        let number = |name: &str, text: &str| {
            Decimal::from_str(text.trim())
                .ok()
                .filter(|d| !d.is_sign_negative())
                .ok_or_else(|| src.error_at(name, format!("{name} must be a non-negative decimal, not {text:?}")))
        };
        let tolerance = Tolerance {
            percent_points: number("percent_points", &f.tolerance.percent_points)?,
            relative: number("relative", &f.tolerance.relative)?,
            lower_is_better: f.tolerance.lower_is_better,
            rate_words: f.tolerance.rate_words,
        };
        Ok(Self { titles, sections, bounds: f.bound, bound_before, bound_after, tolerance })
    }

    /// Whether a document with this title is a report (work report, plan, bulletin).
    pub fn is_report(&self, title: &str) -> bool {
        self.titles.iter().any(|r| r.regex.is_match(title))
    }

    /// The section a paragraph opens, if any: its kind and the rule's captures.
    pub fn section_at<'h>(&self, paragraph: &'h str) -> Option<(SectionKind, regex::Captures<'h>)> {
        self.sections.iter().find_map(|s| s.rule.regex.captures(paragraph).map(|c| (s.kind, c)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> ReportRules {
        ReportRules::load(&crate::patterns::Patterns::embedded()).unwrap()
    }

    #[test]
    fn sections_open_at_headings_and_cues() {
        let r = rules();
        let kind = |p: &str| r.section_at(p).map(|(k, _)| k);
        assert_eq!(kind("一、2024年工作回顾"), Some(SectionKind::Review));
        assert_eq!(kind("今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。"), Some(SectionKind::Targets));
        let (k, c) = r.section_at("三、到2027年主要发展目标").unwrap();
        assert_eq!((k, c.name("y").map(|m| m.as_str())), (SectionKind::Horizon, Some("2027")));
        assert_eq!(kind("全省地区生产总值增长5.6%。"), None);
        assert!(r.is_report("政府工作报告"));
        assert!(!r.is_report("一季度全省经济运行情况"));
    }

    #[test]
    fn a_bad_tolerance_names_the_file() {
        let mut p = crate::patterns::Patterns::embedded();
        let text = p.text("reports.toml").unwrap().replace("\"0.2\"", "\"lots\"");
        p.set_text("reports.toml", text);
        let err = ReportRules::load(&p).unwrap_err().to_string();
        assert!(err.contains("reports.toml") && err.contains("percent_points"), "{err}");
    }
}
