//! What a figure measures, decided in order: a reference or a from–to change moves where
//! its name ends; the name written in its clause ([`super::metric`]); for counted things,
//! amounts after a verb and attributes of a noun, the noun after it; a rank among the things
//! after 第N大; a rate reckoned into a sum; a standard's grant, a bracket's name or the
//! clause before ([`super::surround`]); else the act (首付13万元, 先后5次考察). Evidence: the
//! figure's kind, unit and change, the segmenter's words and tags, and `[metric]` vocabularies.
//!
//! It does not take a name from other figures (that is [`super::lists`]).

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::{clause_start, is_clause_break, Clause};
use super::figure::Figure;
use super::metric::{content_verb, is_nounish, is_unit_leftover, metric, metric_after, names_agent, relative_act};
use super::surround;
use super::Context;
use crate::model::{Basis, Change, ClaimKind};
use crate::segment::Word;

/// The act a figure measures, with where it starts: the verb of content right before it
/// (首付13万元, 获利10.79亿元), or for a count the verb right after it (先后5次考察); two
/// characters or more, and no linking, change, comparison or hedge word.
fn verb_measured(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    before: Option<&Word>,
    end: usize,
    kind: ClaimKind,
) -> Option<(usize, String)> {
    let content = |w: &Word| {
        let t = &f.chars[w.start..w.end];
        content_verb(rules, &f.chars, w)
            && rules.metric_not_modifiers.ending_at(t, t.len()).map_or(true, |(l, _)| l == t.len())
            && !rules.metric_nouns.holds(t)
    };
    let k = cx.words.partition_point(|w| w.start < end);
    let next = cx.words.get(k).filter(|w| w.start == end && kind == ClaimKind::Count);
    // 共造成98.7万人次受灾, 带动3.2万人就业: what the counted were made to do.
    let caused = before.is_some_and(|w| rules.metric_causative_verbs.holds(&f.chars[w.start..w.end]));
    if let Some(n) = next.filter(|n| caused && matches!(n.tag, "v" | "vi") && content(n)) {
        let ends = !cx.words.get(k + 1).is_some_and(|m| is_nounish(m.tag));
        if ends {
            return Some((n.start, f.slice(n.start, n.end)));
        }
    }
    if let Some(w) = before.filter(|w| content(w)) {
        // 参保登记, 转移就业, 再就业, 新增参保: a verb naming a kind (`[metric] inner_verbs`), an
        // adverb of repetition or a verb naming a flow (`[metric] flow_leads`) written right
        // before it belongs to the act (决定拿出 does not).
        let k = cx.words.partition_point(|p| p.start < w.start);
        let start = k
            .checked_sub(1)
            .map(|j| &cx.words[j])
            .filter(|p| p.end == w.start)
            .filter(|p| {
                let t = &f.chars[p.start..p.end];
                rules.metric_act_adverbs.holds(t)
                    || rules.metric_inner_verbs.holds(t)
                    || rules.metric_flow_leads.holds(t)
            })
            .map_or(w.start, |p| p.start);
        return Some((start, f.slice(start, w.end)));
    }
    let next = next.filter(|w| content(w))?;
    // 5次考察 ends its clause or goes on to what was inspected; 3家获得 is what the three did.
    let ends = !cx.words.get(k + 1).is_some_and(|n| matches!(n.tag, "n" | "nz" | "ns" | "nt" | "vn"));
    let times = end > 0 && matches!(f.chars[end - 1], '次' | '趟' | '遍' | '轮');
    (ends && times).then(|| (next.start, f.slice(next.start, next.end)))
}

/// Where the 从/由 of a from–to change stands when `fig` is one of its two figures
/// (起征点从改革开放之初的800元提高到目前的5000元, 减除幅度由10％调整为30％): the name is written
/// before it, and what lies between (a time, 原来的) names nothing. `None` when 从/由 opens no
/// change of a figure (由政府投资, 从业人员).
fn from_to_start(cx: &Context<'_>, f: &Folded, cstart: usize, fig: &Figure) -> Option<usize> {
    let s = &f.chars;
    let clause_end = (fig.end..s.len()).find(|&k| is_clause_break(s[k])).unwrap_or(s.len());
    let lo = cx.words.partition_point(|w| w.start < cstart);
    let hi = cx.words.partition_point(|w| w.start < fig.start);
    // The last one-character 从/由 before the figure, at most 30 characters away.
    let from = cx.words[lo..hi]
        .iter()
        .rev()
        .take_while(|w| fig.start - w.start <= 30)
        .find(|w| w.end == w.start + 1 && matches!(s[w.start], '从' | '由'))?;
    let figure_char = |c: char| c.is_ascii_digit() || numbers::is_numeral_char(c);
    // 从文盲率高达80%到减少至2.67%: a linking verb between 从 and the first figure measures a
    // name of its own, written there.
    let first_digit = (from.end..fig.start).find(|&k| figure_char(s[k])).unwrap_or(fig.start);
    let linked = cx.words[lo..hi]
        .iter()
        .filter(|w| w.start >= from.end && w.end <= first_digit)
        .any(|w| matches!(f.slice(w.start, w.end).as_str(), "达" | "高达" | "达到" | "为" | "约为" | "是"));
    if linked {
        return None;
    }
    // A "to" word (提高到, 增至, 调整为) after a figure in `a..b`.
    let to_after_figure = |a: usize, b: usize| {
        (a..b).find(|&k| figure_char(s[k])).is_some_and(|d| (d..b).any(|k| matches!(s[k], '到' | '至' | '为')))
    };
    let mid_to = to_after_figure(from.end, fig.start);
    // The second figure (…提高到5000元), or the first with its second after it (由10％调整为30％).
    let second = mid_to;
    let first = !mid_to && {
        let to = (fig.end..clause_end).find(|&k| matches!(s[k], '到' | '至' | '为'));
        to.is_some_and(|t| (t + 1..clause_end).any(|k| figure_char(s[k])))
    };
    (second || first).then_some(from.start)
}

/// Whether `metric` names a measure (规模, 处理量, 负债率: `[metric] measures` or a measure
/// suffix) and is written right before the figure at `before`, through a linking word
/// (总规模达200亿元) at most.
fn names_measure_before(rules: &ClaimRules, s: &[char], metric: &str, before: usize) -> bool {
    let mc: Vec<char> = metric.chars().collect();
    let measure = rules.metric_measures.ending_at(&mc, mc.len()).is_some()
        || mc.last().is_some_and(|c| rules.metric_measure_suffixes.holds(&[*c]));
    let at = before - rules.metric_not_modifiers.ending_at(s, before).map_or(0, |(l, _)| l);
    measure && at >= mc.len() && s[at - mc.len()..at] == mc[..]
}

/// The metric of a figure read on its own, and whether it is a share of the previous
/// figure's indicator (占GDP比重, completed by `lists::inherit_metrics`): the name before the
/// figure in its clause (which may run back across 、), or for counted things the name after
/// it.
pub(super) fn of_figure(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    fig: &Figure,
    kind: ClaimKind,
    change: &Option<Change>,
    clause: &Clause,
) -> (Option<String>, bool) {
    let s = &f.chars;
    let (sentence, cstart, before) = (clause.sentence, clause.start, clause.before);
    // 居全国第5位、省区第3位: a rank right after another past a 、 ranks the same thing in
    // another domain; what stands before it is that domain, and the metric is inherited.
    if kind == ClaimKind::Rank && cstart >= 3 && s[cstart - 1] == '、' && matches!(s[cstart - 2], '位' | '名') {
        let digits =
            s[..cstart - 2].iter().rev().take_while(|c| c.is_ascii_digit() || numbers::is_numeral_char(**c)).count();
        if digits > 0 && cstart - 2 > digits && s[cstart - 3 - digits] == '第' {
            return (None, false);
        }
    }
    // 在全球创新指数中排名第12位, 营商环境报告中的排名从第78位…: the ranking in a list.
    if kind == ClaimKind::Rank {
        if let Some(m) = ranking_in_list(rules, cx, f, cstart, before) {
            return (Some(m), false);
        }
    }
    // 工业投资增长12.8%，高于全部投资增速5.3个百分点: the reference is not the indicator.
    let metric_to = match change {
        Some(Change { basis: Some(Basis::VsReference), .. }) => {
            // Not in this clause: the reference list began in an earlier one, and nothing
            // here names the indicator.
            rules.reference_prefix.find_in(s, cstart, before).map_or(cstart, |(p, _, _)| p)
        }
        _ => before,
    };
    // 在现行最高贷款额度的基础上上浮10%: a change made on a base measures the base.
    let on_base = (cstart + 3..=metric_to)
        .rev()
        .find(|&k| s[k - 3..k] == ['基', '础', '上'])
        .filter(|&k| metric_to - k <= 4 && s[cstart..k].contains(&'在'));
    let metric_to = on_base.map_or(metric_to, |k| if k >= cstart + 4 && s[k - 4] == '的' { k - 4 } else { k - 3 });
    // 改善幅度居全国重点城市第1位: a rank is of what stands before its ranking verb, not of the
    // domain after it (when anything is named before the verb).
    let metric_to = if kind == ClaimKind::Rank {
        (cstart + 2..metric_to)
            .rev()
            .find_map(|k| rules.rank_verbs.ending_at(s, k).map(|(len, ())| k - len))
            .filter(|&v| v >= cstart + 2)
            .unwrap_or(metric_to)
    } else {
        metric_to
    };
    // 起征点从800元提高到5000元: the name of a from–to change stands before its 从/由.
    let metric_to = from_to_start(cx, f, cstart, fig).map_or(metric_to, |p| p.min(metric_to));
    // 电力、热力、燃气及水生产和供应业增长4.9%: a name may hold 、 when no figure stands
    // between it and the clause before.
    let mut metric_from = cstart;
    while metric_from > sentence[0] && s[metric_from - 1] == '、' {
        let prev = clause_start(s, sentence[0], metric_from - 1);
        if (prev..metric_from - 1).any(|k| numbers::is_numeral_char(s[k]) || s[k].is_ascii_digit()) {
            break;
        }
        metric_from = prev;
    }
    let found = metric(rules, cx, f, cstart, metric_to);
    // Only a name that runs on across the 、 (not one that lies wholly before it).
    let found = match (&found, metric_from < cstart) {
        (Some(narrow), true) => metric(rules, cx, f, metric_from, metric_to)
            .filter(|wide| wide.text.len() > narrow.text.len() && wide.text.ends_with(&narrow.text))
            .or(found),
        _ => found,
    };
    let share_of_previous = found.as_ref().is_some_and(|m| m.share_of_previous);
    // A person or an office is who acts, not what a figure measures (习近平总书记先后5次考察).
    // 儿童主任3812名, 约谈负责人2134人: an office written right before a count is what it counts.
    let counts_office = |m: &str| {
        let mc: Vec<char> = m.chars().collect();
        fig.unit.is_some_and(|u| rules.units[u].code == "count") && s[..fig.start].ends_with(&mc)
    };
    let mut metric = found.map(|m| m.text).filter(|m| counts_office(m) || !names_agent(rules, cx, f, m, metric_to));
    let unit = fig.unit.map(|u| &rules.units[u]);
    // A duration (连续12年稳定在…, 用3年时间) counts no thing after it.
    let duration = unit.is_some_and(|u| super::is_duration_unit(&u.code));
    // 1000个以上重大项目: the counted thing starts past the hedge after the unit; 14亿多人口: a
    // word the unit's character opens (人口) is the counted thing itself.
    let after_hedge = fig.end + rules.qual_suffix.at(s, fig.end).map_or(0, |(len, _)| len);
    let k = cx.words.partition_point(|w| w.end <= fig.end);
    let counted = unit.is_some_and(|u| u.code == "count");
    let opened = cx.words.get(k).filter(|w| counted && w.start < fig.end && w.end > fig.end && after_hedge == fig.end);
    let after_list = surround::list_tail(s, fig, after_hedge);
    let (from, de_after) = match (opened, after_list) {
        (Some(w), _) => (w.start, false),
        (None, Some(p)) => (p, true),
        (None, None) if s.get(after_hedge) == Some(&'的') => (after_hedge + 1, true),
        (None, None) => (after_hedge, false),
    };
    // 维持在5%至5.25%的水平: a word that never names an indicator names none after it either.
    // 0.3%的同比涨幅: a basis word opening it is no part of the name.
    let after = || {
        metric_after(rules, cx, f, from)
            .map(|m| {
                let mc: Vec<char> = m.chars().collect();
                match rules.bases.at(&mc, 0) {
                    Some((len, _)) if len < mc.len() => mc[len..].iter().collect(),
                    _ => m,
                }
            })
            .filter(|m| !rules.metric_never.contains(m))
    };
    let before_word = {
        let k = cx.words.partition_point(|w| w.end <= before);
        // 获得了500万元: past an aspect particle to the verb.
        let k = match cx.words.get(k.wrapping_sub(1)) {
            Some(w) if w.end == before && matches!(f.slice(w.start, w.end).as_str(), "了" | "过") => k - 1,
            _ => k,
        };
        // The word ends at the figure, or one char before it when 了 was passed.
        cx.words.get(k.wrapping_sub(1)).filter(|w| before - w.end <= 1)
    };
    // A verb of content (建成, 欠下, 惠及), not one that links a name to its figure (达到, 为).
    // Nouns the tagger takes for verbs (主营业务收入/v) are no verb here either.
    let verb_before = before_word.is_some_and(|w| {
        matches!(w.tag, "v" | "vd")
            && !rules.metric_not_modifiers.holds(&f.chars[w.start..w.end])
            && !rules.metric_nouns.holds(&f.chars[w.start..w.end])
    });
    // 规划确定的25项主要指标: after 的 the figure counts the noun that follows it.
    let de_before = before_word.is_some_and(|w| f.slice(w.start, w.end) == "的");
    // 2.3亿美元的总投资, 36亿元总投资, 99.35%的股权: a figure written as the attribute of a
    // noun (through 的, or right before it) measures that noun; the name before it owns it —
    // unless that name is itself a measure written right before the figure (总规模200亿元的基金).
    let noun_next = cx.words.get(cx.words.partition_point(|w| w.start < from)).is_some_and(|w| {
        w.start == from && is_nounish(w.tag) && !matches!(w.tag, "vn" | "t" | "ns" | "nr" | "i" | "l")
    });
    let measure_before = metric.as_deref().is_some_and(|m| names_measure_before(rules, s, m, before));
    // 年销售收入首次突破10亿元的企业: a figure a threshold verb (突破, 超过, 达到) links to the name
    // before it is that name's, whatever it qualifies (有20多万的存款 and 实现7%的增长目标 are not).
    let threshold = |w: &[char]| s[..fig.start].ends_with(w);
    let linked_before =
        metric.is_some() && [&['突', '破'][..], &['超', '过'], &['达', '到'], &['达']].into_iter().any(threshold);
    let attributive = (de_after || noun_next) && !measure_before && !linked_before;
    let takes_after = match kind {
        // 共建1503家研发中心, 5个税种: a counted thing named after its count is what is counted.
        ClaimKind::Count => !duration,
        // 建成501公里标准化堤防, 欠下了20多万元的债务, 新增1400多亿元留抵退税: an amount or
        // quantity after a verb (or with nothing named before it) measures the noun after it.
        // 年经营性收入50万元以上的行政村, 单户授信1000万元及以下的贷款: a bound after the unit
        // sets a threshold for the group named after it; the figure is of the name before.
        ClaimKind::Quantity | ClaimKind::Amount => {
            let threshold = after_hedge > fig.end;
            !duration && (metric.is_none() || (!threshold && (verb_before || de_before || attributive)))
        }
        // 94%的国考断面, 惠及40%以上的人口: a share of the things named after 的; 其他90%资金:
        // of the noun right after it, when nothing before names another (a pronoun right
        // before the figure, 其他/r, names nothing of its own).
        ClaimKind::Percent => {
            attributive && (de_after || metric.is_none() || before_word.is_some_and(|w| w.tag == "r"))
        }
        _ => false,
    };
    let mut counted_after = false;
    // 减按90%计入收入总额: a rate between 按 and a reckoning verb applies to the sum after it.
    let at_rate = before_word.is_some_and(|w| f.slice(w.start, w.end).ends_with('按'));
    if at_rate && kind == ClaimKind::Percent {
        let next = cx.words.get(cx.words.partition_point(|w| w.start < fig.end));
        let reckoned = next.filter(|w| w.start == fig.end && rules.metric_manner_verbs.holds(&s[w.start..w.end]));
        if let Some(a) = reckoned.and_then(|w| metric_after(rules, cx, f, w.end)) {
            return (Some(a), share_of_previous);
        }
    }
    // 按每人每月300元的标准给予生活补贴: a rate set as the standard of a grant measures what is
    // granted (or the act, 定额扣除, when nothing is named).
    if let Some(granted) = surround::standard_grant(cx, f, cstart, after_hedge) {
        return (Some(granted), share_of_previous);
    }
    // 世界第二大经济体, 国民经济第一大产业: a rank among the things named after 第N大.
    // 稳居世界第二的经济体量: a rank written as the attribute of a noun, with nothing named
    // before it, ranks that noun (经济总量跃居世界第二的历史性突破 ranks 经济总量).
    // The figure may hold its superlative (第二大).
    let rank_of = match (s.get(fig.end), s.get(fig.end.wrapping_sub(1))) {
        (_, Some('大')) => Some(fig.end),
        (Some('大'), _) => Some(fig.end + 1),
        (Some('的'), _) if metric.is_none() => Some(fig.end + 1),
        _ => None,
    };
    if let (ClaimKind::Rank, Some(after)) = (kind, rank_of) {
        if let Some(a) = metric_after(rules, cx, f, after).filter(|a| !rules.metric_never.contains(a)) {
            return (Some(a), share_of_previous);
        }
    }
    if takes_after {
        if let Some(a) = after().filter(|a| !rules.change.holds(&a.chars().collect::<Vec<_>>())) {
            metric = Some(a);
            counted_after = true;
        }
    }
    if !counted_after && kind == ClaimKind::Count && de_before {
        if let Some(act) = relative_act(rules, cx, f, cstart, metric_to) {
            metric = Some(act);
        }
    }
    if !counted_after && !duration && matches!(kind, ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Amount) {
        if let Some((at, verb)) = verb_measured(rules, cx, f, before_word.filter(|_| verb_before), fig.end, kind) {
            // 首付13万元, 获利10.79亿元, 捐出了10万元, 先后5次考察: with nothing counted after
            // it, the figure measures the act, not the one acting named before the verb; a
            // name written right before the verb is what acts in it (基本养老保险覆盖近11亿人).
            // 就业困难人员实现就业: so is one written before an owner verb (实现, 完成).
            let at = at - rules.metric_owner_verbs.ending_at(s, at).map_or(0, |(l, _)| l);
            let joined = metric.as_deref().filter(|m| {
                let mc: Vec<char> = m.chars().collect();
                at >= mc.len() && s[at - mc.len()..at] == mc[..]
            });
            metric = match (joined, metric.as_deref()) {
                (Some(m), _) => Some(format!("{m}{verb}")),
                (None, Some(m)) if m.ends_with(verb.as_str()) => Some(m.to_string()),
                (None, _) => Some(verb),
            };
        }
    }
    // 为1961年有完整气象观测记录以来第二高: what began in the year before 以来 is where the
    // record is counted from, not what is ranked (the figure before it in the sentence is).
    if kind == ClaimKind::Rank && s[..fig.start].ends_with(&['以', '来']) {
        let since = (cstart..fig.start).rev().find(|&k| s[k] == '年' && k > 0 && s[k - 1].is_ascii_digit());
        let inside = metric.as_deref().zip(since).is_some_and(|(m, y)| {
            let mc: Vec<char> = m.chars().collect();
            s[y..fig.start].windows(mc.len().max(1)).any(|w| w == mc.as_slice())
        });
        if inside {
            metric = None;
        }
    }
    // 万人, 人次: what is left of a unit is no name.
    if metric.as_deref().is_some_and(is_unit_leftover) {
        metric = None;
    }
    if metric.is_none() && !share_of_previous && !duration {
        metric = surround::bracketed_name(rules, cx, f, fig, clause)
            .or_else(|| surround::previous_subject(rules, cx, f, clause));
    }
    (metric, share_of_previous)
}

/// The ranking in a list a rank is of: `X中排名` or `X中的排名` before the figure, in its
/// clause (在全球创新指数中排名第12位 → 全球创新指数排名).
fn ranking_in_list(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, cstart: usize, before: usize) -> Option<String> {
    let s = &f.chars;
    let (end, len) =
        (cstart + 2..=before).rev().find_map(|k| rules.rank_nouns.ending_at(s, k).map(|(l, ())| (k, l)))?;
    let v = end - len;
    let list_end = match (v.checked_sub(1).map(|k| s[k]), v.checked_sub(2).map(|k| s[k])) {
        (Some('中'), _) => v - 1,
        (Some('的'), Some('中')) => v - 2,
        _ => return None,
    };
    let list = metric(rules, cx, f, cstart, list_end)?;
    let noun: String = s[v..end].iter().collect();
    Some(format!("{}{noun}", list.text))
}
