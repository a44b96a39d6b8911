//! Loads `patterns/clean.toml`: date, publisher, boilerplate and title-separator rules.

use crate::error::PatternError;
use crate::patterns::{Patterns, Rule, RuleSpec};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    fragments: BTreeMap<String, String>,
    date_meta: Vec<String>,
    title_meta: Vec<String>,
    publisher_meta: Vec<String>,
    #[serde(default)]
    publisher_stop: Vec<String>,
    date: Vec<RuleSpec>,
    publisher: Vec<RuleSpec>,
    boilerplate: Vec<RuleSpec>,
    #[serde(default)]
    credit: Vec<RuleSpec>,
    body_end: Vec<RuleSpec>,
    title_separator: Vec<RuleSpec>,
    lead_in: Vec<RuleSpec>,
    #[serde(default)]
    byline: Vec<RuleSpec>,
    notice: Vec<RuleSpec>,
    doc_number: Vec<RuleSpec>,
    issuer: Vec<RuleSpec>,
    signed: Vec<RuleSpec>,
}

/// Compiled cleaning rules.
#[derive(Debug, Clone)]
pub struct CleanRules {
    /// Meta names carrying the date (lowercase).
    pub date_meta: Vec<String>,
    /// Meta names carrying the headline, best first (lowercase).
    pub title_meta: Vec<String>,
    /// Meta names carrying the publisher (lowercase).
    pub publisher_meta: Vec<String>,
    /// Labels that end a publisher's name on its line (发布时间, 作者).
    pub publisher_stop: Vec<String>,
    /// Date rules in priority order; the dateline rule is the one with id `date.dateline`.
    pub date: Vec<Rule>,
    /// Publisher rules (capture group `name`).
    pub publisher: Vec<Rule>,
    /// Furniture lines.
    pub boilerplate: Vec<Rule>,
    /// Credit lines that are furniture only at the body's edges (记者：张三).
    pub credit: Vec<Rule>,
    /// `boilerplate` then `credit` as one set: a line is read once for all of them.
    furniture: regex::RegexSet,
    /// Lines after which the article is over.
    pub body_end: Vec<Rule>,
    /// Headline/site-name separators.
    pub title_separator: Vec<Rule>,
    /// Speaker lines kept when they stand just before the body.
    pub lead_in: Vec<Rule>,
    /// Lines under a report's heading naming the meeting, speaker or date: never the title.
    pub byline: Vec<Rule>,
    /// Titles and body lines that make a page an official notice.
    pub notice: Vec<Rule>,
    /// Document-number lines (capture group `number`).
    pub doc_number: Vec<Rule>,
    /// Signature lines (capture group `name`).
    pub issuer: Vec<Rule>,
    /// Date lines under a signature (groups y, m, d).
    pub signed: Vec<Rule>,
}

impl CleanRules {
    /// Loads and validates `clean.toml` in `dir`.
    ///
    /// # Errors
    /// File, syntax, regex or example failures, with file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("clean.toml")?;
        let f: File = src.parse()?;
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        let date = src.compile_rules(&f.date, &f.fragments)?;
        for r in &date {
            if r.regex.capture_names().flatten().filter(|n| ["y", "m", "d"].contains(n)).count() != 3 {
                return Err(src.error_at(&format!("\"{}\"", r.id), "a date rule needs groups y, m and d (use {date})"));
            }
        }
        let publisher = src.compile_rules(&f.publisher, &f.fragments)?;
        let doc_number = src.compile_rules(&f.doc_number, &f.fragments)?;
        let issuer = src.compile_rules(&f.issuer, &f.fragments)?;
        let signed = src.compile_rules(&f.signed, &f.fragments)?;
        for (rules, group) in [(&publisher, "name"), (&doc_number, "number"), (&issuer, "name"), (&signed, "y")] {
            for r in rules {
                if !r.regex.capture_names().flatten().any(|n| n == group) {
                    return Err(
                        src.error_at(&format!("\"{}\"", r.id), format!("this rule needs a group named {group}"))
                    );
                }
            }
        }
        let boilerplate = src.compile_rules(&f.boilerplate, &f.fragments)?;
        let credit = src.compile_rules(&f.credit, &f.fragments)?;
        let furniture = regex::RegexSet::new(boilerplate.iter().chain(&credit).map(|r| r.regex.as_str()))
            .map_err(|e| src.error_at("[[boilerplate]]", format!("the furniture rules as one set: {e}")))?;
        Ok(Self {
            date_meta: lower(f.date_meta),
            title_meta: lower(f.title_meta),
            publisher_meta: lower(f.publisher_meta),
            publisher_stop: f.publisher_stop,
            date,
            publisher,
            boilerplate,
            credit,
            furniture,
            body_end: src.compile_rules(&f.body_end, &f.fragments)?,
            title_separator: src.compile_rules(&f.title_separator, &f.fragments)?,
            lead_in: src.compile_rules(&f.lead_in, &f.fragments)?,
            byline: src.compile_rules(&f.byline, &f.fragments)?,
            notice: src.compile_rules(&f.notice, &f.fragments)?,
            doc_number,
            issuer,
            signed,
        })
    }

    /// Whether a line is page furniture (a credit line included).
    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.furniture.is_match(line)
    }

    /// Whether a line is furniture only where it stands at the body's edges: a credit that
    /// is also how a transcript names a speaker (记者：张三).
    pub fn is_edge_only(&self, line: &str) -> bool {
        let hits = self.furniture.matches(line);
        let n = self.boilerplate.len();
        hits.iter().any(|k| k >= n) && !hits.iter().any(|k| k < n)
    }

    /// Whether a line is a byline (meeting, speaker or date line): never a title.
    pub fn is_byline(&self, line: &str) -> bool {
        self.byline.iter().any(|r| r.regex.is_match(line.trim()))
    }

    /// The date a byline states (a meeting line's date), normalized to ISO 8601. A date
    /// alone on a line (`byline.date`) is left to the dateline rule, which reads it as a bare date.
    pub fn byline_date(&self, line: &str) -> Option<String> {
        self.byline
            .iter()
            .filter(|r| r.id != "byline.date")
            .find_map(|r| r.regex.captures(line.trim()).and_then(|c| iso_date(&c)))
    }

    /// The first date any rule in `ids` finds in `s`, normalized to ISO 8601.
    pub fn find_date(&self, s: &str, ids: &[&str]) -> Option<String> {
        self.date
            .iter()
            .filter(|r| ids.contains(&r.id.as_str()))
            .find_map(|r| r.regex.captures_iter(s).find_map(|c| iso_date(&c)))
    }
}

/// Formats captured y/m/d(/H/M/S) groups as ISO 8601, rejecting impossible dates.
pub fn iso_date(c: &regex::Captures<'_>) -> Option<String> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = (num("y")?, num("m")?, num("d")?);
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if let (Some(h), Some(mi)) = (num("H"), num("M")) {
        out.push_str(&format!("T{h:02}:{mi:02}"));
        if let Some(s) = num("S") {
            out.push_str(&format!(":{s:02}"));
        }
    }
    Some(out)
}

/// Days in a Gregorian month.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
