//! Names a figure takes from around its own clause, when the clause names nothing itself:
//! the name before a bracket holding the figure alone (其农业人口比例(8.5%)), the subject of
//! the figure-less clause before a bare predicate (贸易逆差创下历史新高，达到2275亿美元), what a
//! standard grants (按每人每月300元的标准给予生活补贴), and where the counted noun after a
//! 、-list of figures starts (2只、1只、1只企业债券). Evidence: punctuation, the segmenter's
//! words and tags, and the `[metric]` vocabularies through [`super::metric`].
//!
//! It does not read the name inside the clause (that is [`super::metric`]) nor take one from
//! another figure (that is [`super::lists`]).

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::{clause_start, is_clause_break, Clause};
use super::figure::Figure;
use super::metric::{is_nounish, is_scope, metric, metric_word, names_agent};
use super::Context;
use crate::segment::Word;

/// 2只、1只、1只企业债券, 0.26元、0.28元、0.328元的超发电价: figures of one unit listed with 、
/// share the noun written after the last of them. Where that noun starts (past a 的), when
/// `after` opens such a list.
pub(super) fn list_tail(s: &[char], fig: &Figure, after: usize) -> Option<usize> {
    let unit: Vec<char> = fig.surface_unit.as_deref().unwrap_or("").chars().collect();
    if s.get(after) != Some(&'、') || unit.is_empty() {
        return None;
    }
    let mut p = after;
    while matches!(s.get(p), Some('、' | '和')) {
        let digits = s[p + 1..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
        let q = p + 1 + digits;
        if digits == 0 || s.get(q..q + unit.len()) != Some(&unit[..]) {
            return None;
        }
        p = q + unit.len();
    }
    Some(if s.get(p) == Some(&'的') { p + 1 } else { p })
}

/// What a figure set as a standard (按…N元的标准) is the standard of: the rest of the clause
/// after 的标准, past the verbs and adverbs that grant it (发放一次性建设补贴 → 建设补贴).
pub(super) fn standard_grant(cx: &Context<'_>, f: &Folded, cstart: usize, after: usize) -> Option<String> {
    let s = &f.chars;
    let p = after + 3;
    if s.get(after..p) != Some(&['的', '标', '准'][..]) || !s[cstart..after].contains(&'按') {
        return None;
    }
    let lo = cx.words.partition_point(|w| w.start < p);
    let words: Vec<&Word> =
        cx.words[lo..].iter().take_while(|w| w.start >= p && !is_clause_break(s[w.start])).take(8).collect();
    let granting = |w: &Word| matches!(w.tag, "v" | "vd" | "d" | "ad");
    let first = words.iter().position(|w| !granting(w)).filter(|&i| words[i..].iter().any(|w| is_nounish(w.tag)));
    let from = words.get(first.unwrap_or(0))?.start;
    let m = f.text(from, words.last()?.end);
    (2..=12).contains(&m.chars().count()).then_some(m)
}

/// 其农业人口比例(8.5%), 世界上投资最大的（150亿美元）: a figure alone in brackets measures the
/// name written right before the bracket (a superlative and 的 after it left out).
pub(super) fn bracketed_name(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    fig: &Figure,
    clause: &Clause,
) -> Option<String> {
    let s = &f.chars;
    let open = clause.start.checked_sub(1).filter(|&o| o > clause.sentence[0] && matches!(s[o], '（' | '('))?;
    let after_hedge = fig.end + rules.qual_suffix.at(s, fig.end).map_or(0, |(len, _)| len);
    let closed = matches!(s.get(after_hedge), Some('）' | ')'));
    let alone =
        closed && (open + 1..fig.start).all(|k| !s[k].is_alphanumeric() || rules.qual_prefix.at(s, k).is_some());
    if !alone || is_clause_break(s[open - 1]) {
        return None;
    }
    let from = clause_start(s, clause.sentence[0], open);
    metric(rules, cx, f, from, open).filter(|m| !m.share_of_previous).map(|m| m.text)
}

/// 由此产生的贸易逆差创下历史新高，达到2275亿美元: a clause that names nothing, right after a
/// clause with no figure, measures that clause's subject — the noun chain before its first
/// verb of two characters or more (adverbs between them allowed). A clause opening with a
/// preposition or a verb (从结构看, 受此影响) has none.
pub(super) fn previous_subject(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, clause: &Clause) -> Option<String> {
    let s = &f.chars;
    let comma = clause.start.checked_sub(1).filter(|&c| c > clause.sentence[0] && matches!(s[c], '，' | ','))?;
    // The figure's clause is a bare predicate: before the figure only times, adverbs, verbs
    // and a scope (稳居世界第二位).
    let lo = cx.words.partition_point(|w| w.start < clause.start);
    let hi = cx.words.partition_point(|w| w.start < clause.before);
    let bare = |w: &Word| matches!(w.tag, "t" | "d" | "ad" | "v" | "vi" | "ul" | "uz") || is_scope(rules, f, w);
    if !cx.words[lo..hi].iter().all(bare) {
        return None;
    }
    let prev = clause_start(s, clause.sentence[0], comma);
    // A whole clause: not the tail of a 、 list; no figure in it.
    if (prev > clause.sentence[0] && s[prev - 1] == '、')
        || (prev..comma).any(|k| s[k].is_ascii_digit() || numbers::is_numeral_char(s[k]))
    {
        return None;
    }
    let lo = cx.words.partition_point(|w| w.start < prev);
    let hi = cx.words.partition_point(|w| w.start < comma);
    let words: Vec<Word> = cx.words[lo..hi].iter().map(|w| metric_word(rules, s, *w)).collect();
    // 审批时, 影响后, 今年以来: a clause of time or condition frames the figure, it has no subject.
    let frame = words.last().is_some_and(|w| w.tag == "f" || matches!(s[w.end - 1], '时' | '后' | '前' | '来' | '间'));
    if frame || words.first().map_or(true, |w| matches!(w.tag, "p" | "v")) {
        return None;
    }
    let (i, verb) = words.iter().enumerate().find(|(i, w)| {
        matches!(w.tag, "v" | "vi") && w.end - w.start >= 2 && {
            let before = words[..*i].iter().rev().find(|p| !matches!(p.tag, "d" | "ad"));
            before.is_some_and(|p| is_nounish(p.tag) && p.tag != "t")
        }
    })?;
    // 城市有轨电车以示范功能为主: a noun inside a prepositional phrase is no subject.
    if words[..i].iter().any(|w| w.tag == "p") {
        return None;
    }
    let m = metric(rules, cx, f, prev, verb.start).filter(|m| !m.share_of_previous)?.text;
    (!names_agent(rules, cx, f, &m, verb.start)).then_some(m)
}
