//! Whether a figure is a target or an actual: a target cue before it in its sentence (力争,
//! 到2025年), unless a false cue covers it (截至), the year is a baseline or 已 between the
//! cue and the figure says it is done; or a target year that opens its paragraph. Evidence:
//! the `[modality]` vocabularies and the period mention governing the figure. It does not
//! decide the period itself.

use super::super::numbers;
use super::super::rules::{ClaimRules, Words};
use super::clause::is_clause_break;
use super::metric::is_nounish;
use super::period::year_as_baseline;
use super::period::PeriodMention;
use crate::model::Modality;
use crate::segment::Word;

/// Target or actual: a target cue in the sentence before the figure, unless a false cue
/// covers it (截至, 虚拟) or it puts an object before its verb ([`disposes`]).
pub(super) fn modality(rules: &ClaimRules, s: &[char], words: &[Word], sent_start: usize, pos: usize) -> Modality {
    let mut i = sent_start;
    while let Some((p, len, _)) = rules.target.find_in(s, i, pos) {
        let shadowed = (p.saturating_sub(8)..=p).any(|q| rules.not_target.at(s, q).is_some_and(|(l, _)| q + l > p))
            || disposes(rules, s, words, p, len)
            // 共争取中央专项彩票公益金…2.35亿元: what was obtained.
            || object_after(&rules.acquire, s, words, p, len).is_some();
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

/// The index in `words` of the word after the cue at `p..p + len` when the cue is a word of
/// its own, one of `cues`, and a noun, pronoun or number follows it right away.
fn object_after(cues: &Words<()>, s: &[char], words: &[Word], p: usize, len: usize) -> Option<usize> {
    if !cues.at(s, p).is_some_and(|(l, _)| l == len) {
        return None;
    }
    let at = words.partition_point(|w| w.start < p);
    if !words.get(at).is_some_and(|w| w.start == p && w.end == p + len) {
        return None;
    }
    let numeral = |w: &Word| s[w.start].is_ascii_digit() || numbers::starts_chinese(s[w.start]);
    words
        .get(at + 1)
        .is_some_and(|n| {
            n.start == p + len && n.tag != "vn" && (is_nounish(n.tag) || n.tag == "r" || (n.tag == "m" && numeral(n)))
        })
        .then_some(at + 1)
}

/// Whether the cue at `p..p + len` is a disposal marker with its object after it and a verb
/// bringing that object to a result later in its clause (将/d 热线/n 工单/n 直派/v 至/p…,
/// 将/d 3.2万户 个体工商户 纳入/v…): it moves the object before the verb and says nothing of
/// time.
fn disposes(rules: &ClaimRules, s: &[char], words: &[Word], p: usize, len: usize) -> bool {
    let Some(object) = object_after(&rules.disposal, s, words, p, len) else { return false };
    let complement = |a: usize, b: usize| rules.disposal_complements.holds(&s[a..b]);
    let clause = words[object..].iter().take_while(|w| !is_clause_break(s[w.start]) && w.start < p + 40);
    let mut prev: Option<&Word> = None;
    for w in clause {
        let ends_in = w.tag == "v" && w.end - w.start >= 2 && complement(w.end - 1, w.end);
        let after_verb = prev.is_some_and(|v| v.tag == "v" && v.end == w.start) && complement(w.start, w.end);
        if ends_in || after_verb {
            return true;
        }
        prev = Some(w);
    }
    false
}

/// The modality of a figure: a target when the period governing it is a target year that
/// opened an earlier sentence's paragraph, else as its own sentence's cues say.
pub(super) fn of_figure(
    rules: &ClaimRules,
    s: &[char],
    words: &[Word],
    mention: Option<&PeriodMention>,
    sent_start: usize,
    pos: usize,
) -> Modality {
    let inherited_target = mention.is_some_and(|p| p.target_lead && p.start < sent_start);
    if inherited_target {
        Modality::Target
    } else {
        modality(rules, s, words, sent_start, pos)
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

    #[test]
    fn an_object_put_before_its_verb_is_no_future() {
        let m = |t: &str| claims_of(t, Some("2023-01-18")).iter().map(|c| c.modality).collect::<Vec<_>>();
        // 将 + noun + a verb bringing it to a result: done, not planned.
        assert_eq!(m("将热线工单直派至全市172个街道。"), [Modality::Actual]);
        assert_eq!(m("全省已将3.2万户个体工商户纳入名录。"), [Modality::Actual]);
        assert_eq!(m("将注册资本最低限额由3亿元提高至10亿元。"), [Modality::Actual, Modality::Actual]);
        // 将 + verb, adverb or preposition, or no result verb in the clause: the future.
        assert_eq!(m("明年将新建学校20所。"), [Modality::Target]);
        assert_eq!(m("全市将锚定全年签约项目650个以上目标。"), [Modality::Target]);
        assert_eq!(m("公司将在三年内投资10亿元。"), [Modality::Target]);
        assert_eq!(m("将首次设立项目，资助额度为100万元。"), [Modality::Target]);
        // 争取 + noun: obtained; 争取 + verb or time: striven for.
        assert_eq!(m("全年共争取中央专项彩票公益金2.35亿元。"), [Modality::Actual]);
        assert_eq!(m("争取实现增长5%。"), [Modality::Target]);
    }
}
