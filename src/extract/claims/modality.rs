//! Whether a figure is a target or an actual: a target cue before it in its sentence (力争,
//! 到2025年), unless a false cue covers it (截至), the year is a baseline or 已 between the
//! cue and the figure says it is done; or a target year that opens its paragraph. Evidence:
//! the `[modality]` vocabularies and the period mention governing the figure. It does not
//! decide the period itself.

use super::super::rules::ClaimRules;
use super::period::year_as_baseline;
use super::period::PeriodMention;
use crate::model::Modality;

/// Target or actual: a target cue in the sentence before the figure, unless a false cue
/// covers it (截至, 虚拟).
pub(super) fn modality(rules: &ClaimRules, s: &[char], sent_start: usize, pos: usize) -> Modality {
    let mut i = sent_start;
    while let Some((p, len, _)) = rules.target.find_in(s, i, pos) {
        let shadowed = (p.saturating_sub(8)..=p).any(|q| rules.not_target.at(s, q).is_some_and(|(l, _)| q + l > p));
        // 计划建设筹集170万套，今年前4个月已开工58.6万套，完成年度计划的34.5%: 已 after the
        // cue states what is done.
        let done = s[p + len..pos].contains(&'已');
        if !shadowed && !done && !year_as_baseline(s, p) {
            return Modality::Target;
        }
        i = p + len.max(1);
    }
    Modality::Actual
}

/// The modality of a figure: a target when the period governing it is a target year that
/// opened an earlier sentence's paragraph, else as its own sentence's cues say.
pub(super) fn of_figure(
    rules: &ClaimRules,
    s: &[char],
    mention: Option<&PeriodMention>,
    sent_start: usize,
    pos: usize,
) -> Modality {
    let inherited_target = mention.is_some_and(|p| p.target_lead && p.start < sent_start);
    if inherited_target {
        Modality::Target
    } else {
        modality(rules, s, sent_start, pos)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::Modality;

    #[test]
    fn false_target_cues_and_phrases_that_set_targets() {
        let c = claims_of("我国累计建成5G行业虚拟专网超过3万个。全省拟投资50亿元。", None);
        assert_eq!((c[0].modality, c[1].modality), (Modality::Actual, Modality::Target));
        let c = claims_of("会议要求，今冬明春全县要完成小麦播种40万亩以上。", None);
        assert_eq!(c[0].modality, Modality::Target);
        let c = claims_of("19项达到或超过预期进度，占76%。", None);
        assert!(c.iter().all(|c| c.modality == Modality::Actual));
    }

    #[test]
    fn a_plan_stated_with_its_verb_and_what_is_already_done_after_it() {
        let m = |t: &str| claims_of(t, Some("2024-05-20")).iter().map(|c| c.modality).collect::<Vec<_>>();
        assert_eq!(m("全年计划投入补贴资金12.5亿元。"), [Modality::Target]);
        assert_eq!(
            m("今年计划建设筹集170万套，前4个月已开工58.6万套，完成年度计划的34.5%。"),
            [Modality::Target, Modality::Actual, Modality::Actual]
        );
    }
}
