//! The section of a report a figure lies in, and the period and modality it decides: in a
//! document whose title makes it a report (`[[report_title]]`), paragraphs matching a
//! `[[section]]` rule open a review of the year before the report, this year's targets, or a
//! horizon (到2027年, 十五五时期). A figure with no period of its own (none in its sentence or
//! carried from its paragraph's lead) takes the section's: review → the report's year minus
//! one, actual; targets → the report's year, target; horizon → the year or plan period the
//! heading names, target. A figure's own period always wins; in a targets or horizon section
//! it is read as a target's (全年 is this year). The report's year is the year of its date.
//! Evidence: `patterns/reports.toml`, the title, the date and the period mentions.
//!
//! It does nothing to documents that are no report, and it does not decide a target's bound
//! (that is [`super::bound`]).

use super::super::reports::{ReportRules, SectionKind};
use super::period::{as_stated, period_for, published_year, resolve_period, side_of_span, PeriodMention};
use super::Context;
use crate::model::{Claim, Modality};

/// A section opened at a paragraph's start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Section {
    start: usize,
    kind: SectionKind,
    /// The horizon's period (`2027`, `2026/2030`); for other kinds, unused.
    horizon: Option<String>,
}

/// The sections of a text: each paragraph matching a section rule opens one.
fn sections(reports: &ReportRules, text: &str, pub_year: Option<i32>) -> Vec<Section> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if let Some((kind, caps)) = reports.section_at(line.trim()) {
            let horizon = (kind == SectionKind::Horizon).then(|| resolve_period(&caps, pub_year)).flatten();
            // A horizon heading whose period cannot be read opens no section.
            if kind != SectionKind::Horizon || horizon.is_some() {
                out.push(Section { start, kind, horizon });
            }
        }
        start += line.chars().count() + 1;
    }
    out
}

/// Gives the figures of a report the period and modality of their section.
pub(super) fn apply(
    reports: &ReportRules,
    cx: &Context<'_>,
    s: &[char],
    periods: &[PeriodMention],
    claims: &mut [Claim],
) {
    if !cx.title.is_some_and(|t| reports.is_report(t)) {
        return;
    }
    let Some(year) = published_year(cx.published) else { return };
    let found = sections(reports, cx.text, Some(year));
    if found.is_empty() {
        return;
    }
    for c in claims.iter_mut() {
        let Some(sec) = found.iter().rev().find(|x| x.start <= c.span[0]) else { continue };
        let duration = c.unit.as_deref().is_some_and(super::is_duration_unit);
        let mention = period_for(periods, s, c.span[0], c.sentence[0], duration);
        match sec.kind {
            SectionKind::Review => {
                if mention.is_none() && c.period.is_none() {
                    c.period = Some((year - 1).to_string());
                    c.modality = Modality::Actual;
                }
            }
            SectionKind::Targets | SectionKind::Horizon => {
                let own = as_stated(mention, Modality::Target);
                let past = own
                    .as_deref()
                    .and_then(|p| p.get(..4))
                    .and_then(|y| y.parse::<i32>().ok())
                    .is_some_and(|y| y < year);
                if past {
                    continue; // a figure of an earlier year cited among the targets
                }
                c.period = match own {
                    Some(p) => side_of_span(s, c.sentence[0], c.span[0], Some(p)),
                    None if sec.kind == SectionKind::Targets => Some(year.to_string()),
                    None => sec.horizon.clone(),
                };
                c.modality = Modality::Target;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::PIPE;
    use crate::model::{Bound, Modality};

    fn claims(title: &str, text: &str, published: &str) -> Vec<crate::model::Claim> {
        let seg = PIPE.segmenter().segment(text);
        PIPE.extractor().extract(text, &seg, Some(published), Some(title)).claims
    }

    #[test]
    fn review_figures_are_last_years_and_target_figures_this_years() {
        let text = "一、2024年工作回顾\n过去一年，全省地区生产总值增长5.6%；城镇新增就业62.3万人。\n\
                    二、2025年工作安排\n今年经济社会发展的主要预期目标是：全省地区生产总值增长5.5%左右；\
                    城镇新增就业60万人以上；全年粮食产量稳定在1500万吨以上。\n三、到2027年主要发展目标\n\
                    研发经费投入强度达到2.8%。";
        let c = claims("政府工作报告", text, "2025-01-20");
        let got: Vec<(&str, Option<&str>, Modality, Option<Bound>)> =
            c.iter().map(|c| (c.text.as_str(), c.period.as_deref(), c.modality, c.bound)).collect();
        assert_eq!(
            got,
            [
                ("5.6%", Some("2024"), Modality::Actual, None),
                ("62.3万人", Some("2024"), Modality::Actual, None),
                ("5.5%", Some("2025"), Modality::Target, Some(Bound::About)),
                ("60万人", Some("2025"), Modality::Target, Some(Bound::Floor)),
                ("1500万吨", Some("2025"), Modality::Target, Some(Bound::Floor)),
                ("2.8%", Some("2027"), Modality::Target, Some(Bound::Point)),
            ]
        );
        // The same text under another title: no sections, but a heading line still dates the
        // lines under it that state no period (a heading naming none ends it).
        let c = claims("全省经济运行情况", text, "2025-01-20");
        assert_eq!(c[0].period.as_deref(), Some("2024"));
        let text = "2024年工作回顾\n全省地区生产总值增长5.6%。\n工作安排\n城镇新增就业62.3万人。";
        let c = claims("全省经济运行情况", text, "2025-01-20");
        let periods: Vec<Option<&str>> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods, [Some("2024"), None]);
    }

    #[test]
    fn a_figures_own_period_wins() {
        let text = "一、2024年工作回顾\n过去一年，全省地区生产总值增长5.6%，2020年以来年均增长5.1%。\n\
                    二、2025年工作安排\n到2026年，全省数字经济核心产业增加值达到1万亿元。";
        let c = claims("政府工作报告", text, "2025-01-20");
        let periods: Vec<Option<&str>> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods[0], Some("2024"));
        assert_ne!(periods[1], Some("2024"));
        assert_eq!(periods[2], Some("2026"));
    }
}
