//! What a figure takes from the figures around it, after each was read on its own: 分别
//! lists (an item, place, year or reference per figure, the change of the first for all),
//! a hedge written once before a list, a baseline stated once per paragraph, the indicator
//! of the previous figure in the sentence (shares 占…比重, durations, counts after a
//! semicolon, growth after a 完成 share), and 其中 sub-items of
//! the previous sentence's indicator. Evidence: the claims already read and the text
//! between them.
//!
//! It reads no figure and decides no attribute from scratch.

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::is_clause_break;
use super::metric::{drop_leading, is_nounish, metric};
use super::period::{self, PeriodMention};
use super::scope::is_place_name;
use super::Context;
use crate::model::{Basis, Change, Claim, ClaimKind, Modality};
use crate::segment::Word;

/// 全国居民消费价格上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%: a sentence opened by 其中 breaks
/// the previous sentence's indicator down: a figure there named only by the place-like word
/// opening its clause (城市, 农村) is that part of it (城市居民消费价格).
pub(super) fn sub_items_of_previous(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let sentence = claims[k].sentence;
        if s.get(sentence[0]..sentence[0] + 2) != Some(&['其', '中'][..]) {
            continue;
        }
        // The place-like word opening the figure's clause (城市上涨0.3%), if any.
        let at = claims[k].span[0];
        let clause =
            (sentence[0]..at).rev().find(|&p| matches!(s[p], '，' | ',' | '；' | ';')).map_or(sentence[0], |p| p + 1);
        let opening = rules.not_places.at(s, clause).map(|(l, _)| s[clause..clause + l].iter().collect::<String>());
        let Some(part) = opening else { continue };
        if claims[k].metric.as_ref().is_some_and(|m| *m != part) {
            continue;
        }
        // The indicator of the sentence before.
        let Some(prev) = (0..k).rev().find(|&j| claims[j].sentence[1] <= sentence[0]) else { continue };
        let before = claims[prev].sentence;
        let parent =
            (0..=prev).rev().take_while(|&j| claims[j].sentence == before).find_map(|j| claims[j].metric.clone());
        if let Some(parent) = parent {
            claims[k].metric = Some(format!("{part}{parent}"));
        }
    }
}

/// 病床使用率为84.7%。其中，公立医院92.3%，民营医院63.8%。分级别看，三级医院98.6%: a part named
/// alone right before its figure (公立医院92.3%, 社区卫生服务中心为46.2%), opening a clause after
/// 其中 or in a sentence opened by a breakdown frame, measures the indicator it breaks down: that of
/// the last figure of its kind and unit before the 其中 in its sentence, or in the sentence before
/// (公立医院病床使用率). Rates, and measures of an average (三级医院8.9天 of 平均住院日), only: a part
/// of an amount or a count may be an indicator of its own (其中，出口1.2万亿元); nor is a part
/// that is an indicator itself (`[metric] indicator_ends`: 少儿抚养比, 玉米播种面积) or that ends
/// as the whole does (三级医院平均住院日).
pub(super) fn parts_of_previous(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    let mut parent_of: Vec<Option<String>> = vec![None; claims.len()];
    for k in 1..claims.len() {
        if !matches!(claims[k].kind, ClaimKind::Percent | ClaimKind::Quantity) {
            continue;
        }
        let Some(part) = claims[k].metric.clone() else { continue };
        let pc: Vec<char> = part.chars().collect();
        let at = claims[k].span[0];
        let end = if at > 0 && s[at - 1] == '为' { at - 1 } else { at };
        if end < pc.len() + 1 || s[end - pc.len()..end] != pc[..] {
            continue;
        }
        let pstart = end - pc.len();
        let sentence = claims[k].sentence;
        if pstart <= sentence[0] {
            continue;
        }
        // The 其中 before the part in its sentence, or a breakdown frame opening the sentence.
        let marker = (sentence[0]..pstart.saturating_sub(1)).rev().find(|&p| s[p] == '其' && s[p + 1] == '中');
        let opener = match marker {
            Some(q) => q,
            None if period::opens_breakdown(rules, s, sentence[0]) => sentence[0],
            None => continue,
        };
        // The part opens its clause (其中公立医院…, ，民营医院…, 、二级医院…).
        let opens =
            marker.is_some_and(|q| pstart == q + 2) || matches!(s[pstart - 1], '，' | ',' | '、' | '；' | ';' | '：');
        if !opens {
            continue;
        }
        let same = |j: usize| claims[j].kind == claims[k].kind && claims[j].unit == claims[k].unit;
        let parent = if opener > sentence[0] {
            (0..k)
                .rev()
                .take_while(|&j| claims[j].sentence == sentence)
                .find(|&j| claims[j].span[1] <= opener && same(j))
        } else {
            let before = (0..k).rev().find(|&j| claims[j].sentence[1] <= sentence[0]);
            before.and_then(|b| {
                let prev = claims[b].sentence;
                (0..=b).rev().take_while(|&j| claims[j].sentence == prev).find(|&j| same(j))
            })
        };
        let Some(j) = parent else { continue };
        let Some(whole) = parent_of[j].clone().or_else(|| claims[j].metric.clone()) else { continue };
        let wc: Vec<char> = whole.chars().collect();
        let same_end = wc.len() >= 2 && pc.ends_with(&wc[wc.len() - 2..]);
        let average = claims[k].kind == ClaimKind::Percent || whole.contains('均');
        if whole.starts_with(&part)
            || part.contains(&whole)
            || same_end
            || !average
            || rules.metric_indicator_ends.ending_at(&pc, pc.len()).is_some()
        {
            continue;
        }
        // 公立医院 + 医院病床使用率 → 公立医院病床使用率: the words both share are written once.
        let overlap = (2..=pc.len().min(wc.len() - 1)).rev().find(|&n| pc[pc.len() - n..] == wc[..n]).unwrap_or(0);
        let rest: String = wc[overlap..].iter().collect();
        claims[k].metric = Some(format!("{part}{rest}"));
        parent_of[k] = Some(whole);
    }
}

/// 全国研发经费投入强度为2.68%…。上海为4.46%，天津为3.51%: a figure with no metric whose clause
/// names only a place before it (its scope) measures what the last figure of its kind and unit
/// (as written: 家 is no 个) in the paragraph measured. The figure must end its phrase.
pub(super) fn places_of_previous(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        if claims[k].metric.is_some() {
            continue;
        }
        let Some(scope) = claims[k].scope.clone() else { continue };
        let at = claims[k].span[0];
        // The figure ends its phrase (上海为4.46%，), not one before what it counts (齐河县20万亩“吨半粮”核心区).
        let ends = s.get(claims[k].span[1]).map_or(true, |c| is_clause_break(*c) || matches!(c, '、' | '和' | '\n'));
        if !ends {
            continue;
        }
        let clause = (0..at).rev().find(|&p| is_clause_break(s[p]) || s[p] == '\n').map_or(0, |p| p + 1);
        let before: String = s[clause..at].iter().collect();
        // Only the place and words linking it to its figure (`[metric] place_links`: 为, 分别, 、).
        let rest: Vec<char> = before.replacen(scope.as_str(), "", 1).chars().collect();
        if !before.contains(scope.as_str()) || rest.len() > 6 || !links_only(rules, &rest) {
            continue;
        }
        let para = (0..at).rev().find(|&p| s[p] == '\n').map_or(0, |p| p + 1);
        let source = (0..k).rev().take_while(|&j| claims[j].span[0] >= para).find(|&j| {
            claims[j].metric.is_some()
                && claims[j].kind == claims[k].kind
                && claims[j].unit == claims[k].unit
                && claims[j].surface_unit == claims[k].surface_unit
        });
        if let Some(j) = source {
            claims[k].metric = claims[j].metric.clone();
        }
    }
}

/// Whether `t` is nothing but words of `[metric] place_links`.
fn links_only(rules: &ClaimRules, t: &[char]) -> bool {
    let mut i = 0;
    while i < t.len() {
        match rules.metric_place_links.at(t, i) {
            Some((len, ())) => i += len,
            None => return false,
        }
    }
    true
}

/// 从总诊疗人次看，排名前三位的是郑州市、南阳市和周口市，分别为5862.4万人次…: figures without a
/// metric in a sentence opened by a frame naming an indicator (`[metric] indicator_frame_open`,
/// `indicator_frame_close`, `indicator_ends`) measure it; a theme (从运行效率看) names none.
pub(super) fn framed_indicators(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for claim in claims.iter_mut() {
        if claim.metric.is_some() {
            continue;
        }
        let a = claim.sentence[0];
        let Some((olen, ())) = rules.metric_indicator_frame_open.at(s, a) else { continue };
        let from = a + olen;
        let Some(close) =
            (from + 2..(from + 13).min(claim.span[0])).find(|&k| rules.metric_indicator_frame_close.at(s, k).is_some())
        else {
            continue;
        };
        let name = &s[from..close];
        if name.iter().any(|c| !crate::clean::is_han(*c))
            || rules.metric_indicator_ends.ending_at(name, name.len()).is_none()
            || rules.metric_indicator_frame_themes.ending_at(name, name.len()).is_some()
        {
            continue;
        }
        let name: String = name.iter().collect();
        if !rules.metric_never.contains(&name) {
            claim.metric = Some(name);
        }
    }
}

/// `A、B、C分别增长5%、6%、7%`: pairs each figure after 分别 with its own item, and
/// gives the later figures the change (kind, sign, basis) stated for the first.
pub(super) fn fan_out_respectively(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    periods: &[PeriodMention],
    claims: &mut [Claim],
) {
    let s = &f.chars;
    let marker: Vec<char> = "分别".chars().collect();
    let ends_list = |c: char| matches!(c, '，' | ',' | '；' | ';' | '。' | '\n' | '！' | '？');
    let mut p = 0;
    while p + 1 < s.len() {
        if s[p..p + 2] != *marker.as_slice() {
            p += 1;
            continue;
        }
        let list_end = (p..s.len()).find(|&k| ends_list(s[k])).unwrap_or(s.len());
        let after: Vec<usize> =
            (0..claims.len()).filter(|&k| claims[k].span[0] > p && claims[k].span[0] < list_end).collect();
        let list_start = (0..p).rev().find(|&k| is_clause_break(s[k]) && s[k] != '、').map(|k| k + 1).unwrap_or(0);
        p += 2;
        if after.len() < 2 {
            continue;
        }
        if p - 2 == list_start || names_nothing(s, claims, &after, list_start) {
            pair_with_figures_before(claims, &after, p - 2);
        }
        let items = list_items(s, list_start, p, after.len());
        one_item_naming_parts(rules, f, &items, &after, claims);
        // Items that are periods name no indicator.
        if !one_period_each(rules, cx, f, periods, &items, &after, claims) {
            items_to_figures(rules, cx, f, items, &after, claims);
            opening_periods_each(s, periods, list_start, &after, claims);
        }
        one_year_each(claims, &after);
        one_reference_each(claims, &after);
        change_of_the_first(claims, &after);
    }
}

/// 生产指数和新订单指数分别为50.6%和49.4%，比上月下降0.7个和0.5个百分点: a clause made of a
/// comparison and a list of changes joined by 、/和/及/与 only (no 分别, nothing named before
/// the first) pairs its figures with as many figures before it in the sentence, as a clause
/// opened by 分别 does, and they share the change stated for the first.
pub(super) fn implied_respectively(s: &[char], claims: &mut [Claim]) {
    let joined = |a: &Claim, b: &Claim| {
        a.span[1] < b.span[0]
            && b.span[0] - a.span[1] == 1
            && matches!(s[a.span[1]], '、' | '和' | '及' | '与')
            && a.unit == b.unit
            && a.sentence == b.sentence
    };
    let mut k = 0;
    while k < claims.len() {
        let mut end = k + 1;
        while end < claims.len() && joined(&claims[end - 1], &claims[end]) {
            end += 1;
        }
        let after: Vec<usize> = (k..end).collect();
        k = end;
        let first = after[0];
        if after.len() < 2 || claims[first].kind != ClaimKind::Change {
            continue;
        }
        let clause =
            (0..claims[first].span[0]).rev().find(|&q| is_clause_break(s[q]) && s[q] != '、').map_or(0, |q| q + 1);
        let last_end = claims[after[after.len() - 1]].span[1];
        let clause_end = (last_end..s.len()).find(|&q| is_clause_break(s[q])).unwrap_or(s.len());
        let text: String = s[clause..clause_end].iter().collect();
        let figure_before = first > 0 && claims[first - 1].span[1] > clause;
        if text.contains("分别") || figure_before || !names_nothing(s, claims, &after, clause) {
            continue;
        }
        pair_with_figures_before(claims, &after, clause);
        change_of_the_first(claims, &after);
        // 下降0.7个和0.5个百分点: the verb before the first states the sign of all.
        if claims[first].value.is_sign_negative() {
            for &q in &after[1..] {
                if claims[q].kind == ClaimKind::Change && claims[q].value.is_sign_positive() {
                    claims[q].value = -claims[q].value;
                    claims[q].range = claims[q].range.map(|[a, b]| [-a, -b]);
                }
            }
        }
    }
}

/// The items listed before 分别 (from `list_start` to the marker ending at `p`): split on 、
/// first; only if that does not match the `count` of figures, on 和/及/与 too.
fn list_items(s: &[char], list_start: usize, p: usize, count: usize) -> Vec<(usize, usize)> {
    let split = |seps: &[char]| -> Vec<(usize, usize)> {
        let mut items = Vec::new();
        let mut a = list_start;
        for (k, c) in s.iter().enumerate().take(p - 1).skip(list_start) {
            if k == p - 2 || seps.contains(c) {
                if k > a {
                    items.push((a, k));
                }
                a = k + 1;
            }
        }
        items
    };
    let mut items = split(&['、']);
    if items.len() != count {
        items = split(&['、', '和', '及', '与']);
    }
    items
}

/// A达到86.1%，B达到66.5%，分别高于全国6.4和4.3个百分点: nothing listed before 分别 (at
/// `marker`) in its clause, so the figures pair with as many figures just before, in the
/// same sentence, and take their metrics; and their periods, when those figures were given one
/// distinct period each (6月、7月…分别为…，同比分别增长…).
fn pair_with_figures_before(claims: &mut [Claim], after: &[usize], marker: usize) {
    let sentence = claims[after[0]].sentence;
    let before: Vec<usize> =
        (0..after[0]).filter(|&k| claims[k].sentence == sentence && claims[k].span[1] <= marker).collect();
    if before.len() >= after.len() {
        let pairs = &before[before.len() - after.len()..];
        let mut periods: Vec<Option<&str>> = pairs.iter().map(|&k| claims[k].period.as_deref()).collect();
        periods.sort_unstable();
        periods.dedup();
        let one_each = periods.len() == pairs.len()
            && periods.iter().all(Option::is_some)
            && after.iter().all(|&k| claims[k].period == claims[after[0]].period);
        for (&src, &k) in pairs.iter().zip(after) {
            if claims[src].metric.is_some() {
                claims[k].metric = claims[src].metric.clone();
            }
            // 6月、7月…负荷分别为…，同比分别增长4.3%、7.9%: each change is of its level's period,
            // when the levels were given one period each.
            if one_each {
                claims[k].period = claims[src].period.clone();
            }
        }
    }
}

/// 发生事故586起、死亡521人，同比分别下降18.6%和15.3%: what stands before 分别 (at `marker`)
/// in its clause (同比, 按可比口径, 比上年同期) names no indicator for any figure after it, and
/// as many figures stand before the clause in the same sentence, not cut from a longer list
/// (三大产业分别增长3.5%、2.8%和4.1%，增速分别比…低2.3和1.6个百分点 pairs with none). Then they
/// pair with the figures before, as when 分别 opens the clause.
fn names_nothing(s: &[char], claims: &[Claim], after: &[usize], list_start: usize) -> bool {
    let sentence = claims[after[0]].sentence;
    let before: Vec<usize> =
        (0..after[0]).filter(|&k| claims[k].sentence == sentence && claims[k].span[1] <= list_start).collect();
    let Some(cut) = before.len().checked_sub(after.len()) else { return false };
    let longer_list = cut > 0 && {
        let (prev, first) = (claims[before[cut - 1]].span[1], claims[before[cut]].span[0]);
        !s[prev..first].iter().any(|&c| matches!(c, '，' | ',' | '；' | ';'))
    };
    !longer_list && after.iter().all(|&k| claims[k].metric.is_none())
}

/// 城乡居民人均可支配收入分别为7.4万元和4.0万元: one item naming both parts (`[metric] pairs`).
fn one_item_naming_parts(
    rules: &ClaimRules,
    f: &Folded,
    items: &[(usize, usize)],
    after: &[usize],
    claims: &mut [Claim],
) {
    let s = &f.chars;
    if let [(ia, ib)] = items {
        let lead = (*ia..*ib).find(|&k| !s[k].is_whitespace()).unwrap_or(*ia);
        if let Some((len, parts)) = rules.metric_pairs.at(s, lead).filter(|(_, p)| p.len() == after.len()) {
            let rest = drop_leading(rules, f.text(lead + len, *ib).trim().to_string());
            for (part, &k) in parts.iter().zip(after) {
                claims[k].metric = Some(format!("{part}{rest}"));
            }
        }
    }
}

/// Each item to its figure: items that are places give the figures their scopes (and what
/// is said after the last place their metric); other items are the figures' metrics, with
/// a head shared by one-word items or by all after a count (三大产业增加值).
fn items_to_figures(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    items: Vec<(usize, usize)>,
    after: &[usize],
    claims: &mut [Claim],
) {
    let s = &f.chars;
    // 南京、苏州、无锡分别完成…; 上海、江苏和浙江省电厂的电价分别…: items that are places
    // are the figures' scopes; what the figures measure is said after them.
    let place_at = |a: usize, b: usize| {
        let a = (a..b).find(|&k| !s[k].is_whitespace()).unwrap_or(a);
        cx.words
            .iter()
            .find(|w| w.start == a && w.end <= b)
            .filter(|w| w.tag == "ns" && is_place_name(rules, &s[w.start..w.end]))
            .map(|w| w.end)
    };
    // 六安、合肥两市小麦单产: after places, a word the tagger missed is one too when a count of
    // places (两市, 三省) follows it; the count is no part of the metric.
    let collective = |e: usize| {
        s.get(e).is_some_and(|&c| numbers::chinese_digit(c).is_some())
            && s.get(e + 1).is_some_and(|c| matches!(c, '省' | '市' | '县' | '区' | '地' | '国'))
    };
    let last_place_at = |a: usize, b: usize| {
        place_at(a, b).or_else(|| {
            let a = (a..b).find(|&k| !s[k].is_whitespace()).unwrap_or(a);
            cx.words
                .iter()
                .find(|w| w.start == a && w.end + 2 <= b)
                .filter(|w| {
                    matches!(w.tag, "n" | "nz") && is_place_name(rules, &s[w.start..w.end]) && collective(w.end)
                })
                .map(|w| w.end)
        })
    };
    if partners_to_figures(rules, cx, f, &items, after, claims) {
        return;
    }
    let places = items.len() == after.len()
        && items.split_last().is_some_and(|(&(la, lb), earlier)| {
            earlier.iter().all(|&(a, b)| place_at(a, b).is_some_and(|e| s[e..b].iter().all(|c| c.is_whitespace())))
                && last_place_at(la, lb).is_some()
        });
    if places {
        let (la, lb) = items[items.len() - 1];
        let rest_start = last_place_at(la, lb).map_or(lb, |e| if collective(e) { e + 2 } else { e });
        // Nothing after the last place: the metric is said after 分别, with the first figure.
        let rest = metric(rules, cx, f, rest_start, lb)
            .map(|m| m.text)
            .or_else(|| after.iter().find_map(|&k| claims[k].metric.clone()));
        for (&(ia, ib), &k) in items.iter().zip(after) {
            let e = last_place_at(ia, ib).unwrap_or(ib);
            let a = (ia..e).find(|&q| !s[q].is_whitespace()).unwrap_or(ia);
            claims[k].scope = Some(f.text(a, e));
            if rest.is_some() {
                claims[k].metric = rest.clone();
            }
        }
    } else if items.len() == after.len() {
        // 4G和5G用户, 城镇和农村居民人均可支配收入: one-word items before a longer last
        // one share its head (4G用户, 城镇居民人均可支配收入).
        let words_in = |a: usize, b: usize| words_within(cx.words, a, b);
        let head = items.split_last().and_then(|(&(la, lb), earlier)| {
            let last: Vec<&Word> = words_in(la, lb).collect();
            // One word each, and no places (上海、江苏和浙江省电厂 lists places, not indicators).
            let one_word = |&(a, b): &(usize, usize)| {
                let w: Vec<&Word> = words_in(a, b).collect();
                // 城镇/ns is no place (`[scope] not_places`).
                w.len() == 1 && (w[0].tag != "ns" || rules.not_places.holds(&s[w[0].start..w[0].end]))
            };
            let nouns = last.len() >= 2
                && last[1..].iter().all(|w| f.slice(w.start, w.end) != "的")
                && is_nounish(last[last.len() - 1].tag);
            // 生产指数和新订单指数: an item that already ends in the head's noun names itself.
            let tail = last.last().map(|w| f.text(w.start, w.end));
            let named = |&(a, b): &(usize, usize)| tail.as_deref().is_some_and(|t| f.text(a, b).trim().ends_with(t));
            (nouns && earlier.iter().all(one_word) && !earlier.iter().any(named)).then(|| f.text(last[1].start, lb))
        });
        // 电子信息、装备制造、新材料三大产业增加值: the items share what follows 三大.
        let (la, lb) = items[items.len() - 1];
        let counted = (la..lb.saturating_sub(3))
            .find(|&q| numbers::chinese_digit(s[q]).is_some_and(|d| d as usize == items.len()) && s[q + 1] == '大');
        let (head, items) = match counted {
            Some(q) => {
                let mut items = items;
                if let Some(last) = items.last_mut() {
                    *last = (la, q);
                }
                (Some(f.text(q + 2, lb)), items)
            }
            None => (head, items),
        };
        let shared_by_all = counted.is_some();
        for (n, (&(ia, ib), &k)) in items.iter().zip(after).enumerate() {
            let mut item = drop_leading(rules, f.text(ia, ib).trim().to_string());
            if let Some(h) = head.as_ref().filter(|_| shared_by_all || n + 1 < items.len()) {
                item.push_str(h);
            }
            let m = if (2..=16).contains(&item.chars().count()) {
                Some(item)
            } else {
                metric(rules, cx, f, ia, ib).map(|m| m.text)
            };
            if m.is_some() {
                claims[k].metric = m;
            }
        }
    }
}

/// 对美国、欧盟进出口分别为…: names after a partner marker (`[metric] partner_markers`) are the
/// other sides of what is measured; each names its figure's metric with what follows the last
/// (对拉美、非洲、中亚五国等新兴市场进出口: with the last word after 等 and the class of partners),
/// and none is a scope. Whether the items were such names.
fn partners_to_figures(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    items: &[(usize, usize)],
    after: &[usize],
    claims: &mut [Claim],
) -> bool {
    let s = &f.chars;
    let (Some(&(fa, fb)), Some(&(la, lb))) = (items.first(), items.last()) else { return false };
    let words_in = |a: usize, b: usize| words_within(cx.words, a, b);
    // The marker in the first item, with one name after it (美国, 拉美), no phrase.
    let Some(first_start) = words_in(fa, fb)
        .filter(|w| w.end < fb && super::metric::is_partner_marker(rules, f, w))
        .last()
        .map(|w| w.end)
        .filter(|&e| words_in(e, fb).any(|w| w.start == e && w.end == fb && is_nounish(w.tag)))
    else {
        return false;
    };
    let la = (la..lb).find(|&k| !s[k].is_whitespace()).unwrap_or(la);
    let listed = (la..lb).find(|&k| s[k] == '等').and_then(|q| {
        let last = words_in(q, lb).filter(|w| w.end == lb && is_nounish(w.tag)).last()?;
        Some((q, last.start))
    });
    let last_end = listed.or_else(|| {
        words_in(la, lb).next().filter(|w| w.start == la && w.end < lb && is_nounish(w.tag)).map(|w| (w.end, w.end))
    });
    let Some((name_end, rest_start)) = last_end else { return false };
    let rest = f.text(rest_start, lb).trim().to_string();
    if items.len() != after.len() || rest.chars().count() < 2 {
        return false;
    }
    for ((n, &(ia, ib)), &k) in items.iter().enumerate().zip(after) {
        let ia = if n == 0 { first_start } else { ia };
        let ib = if n + 1 == items.len() { name_end } else { ib };
        claims[k].metric = Some(format!("{}{rest}", f.text(ia, ib).trim()));
    }
    true
}

/// The words lying wholly within chars `a..b` (words sorted by start).
fn words_within(words: &[Word], a: usize, b: usize) -> impl Iterator<Item = &Word> {
    let lo = words.partition_point(|w| w.start < a);
    words[lo..].iter().take_while(move |w| w.end <= b)
}

/// 2016年-2018年的营业收入分别为A、B、C: one year each, when the figures share a span of as
/// many years.
fn one_year_each(claims: &mut [Claim], after: &[usize]) {
    let years = claims[after[0]].period.as_deref().and_then(|p| {
        let (a, b) = super::period::year_span(p)?;
        (b - a + 1 == after.len() as i32 && after.iter().all(|&k| claims[k].period.as_deref() == Some(p))).then_some(a)
    });
    if let Some(first_year) = years {
        for (n, &k) in after.iter().enumerate() {
            claims[k].period = Some(format!("{:04}", first_year + n as i32));
        }
    }
}

/// 一季度、二季度分别集中开工16个和22个: when every item listed is a period and nothing
/// else, each figure is of its own. 一季度、上半年、前三季度全省海洋生产总值分别增长…: the last item
/// may go on past its period with what the figures measure, or the first may say it before its
/// period (全省海洋生产总值一季度、上半年…); that is then the metric of all. Whether they were.
fn one_period_each(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    periods: &[PeriodMention],
    items: &[(usize, usize)],
    after: &[usize],
    claims: &mut [Claim],
) -> bool {
    if items.len() != after.len() {
        return false;
    }
    let s = &f.chars;
    let mut subject = None;
    let mut listed = Vec::with_capacity(items.len());
    for (n, &(a, b)) in items.iter().enumerate() {
        let a = (a..b).find(|&k| !s[k].is_whitespace()).unwrap_or(a);
        let exact = periods.iter().find(|p| p.start == a && month_end(s, p) == b);
        let said_after =
            || periods.iter().find(|p| p.start == a && month_end(s, p) < b).map(|p| (p, (month_end(s, p), b)));
        let said_before = || periods.iter().find(|p| p.start > a && p.end == b).map(|p| (p, (a, p.start)));
        let open = if n + 1 == items.len() { said_after() } else { None };
        let open = open.or_else(|| if n == 0 { said_before() } else { None });
        match (exact, open) {
            (Some(p), _) => listed.push(p),
            (None, Some((p, range))) => {
                listed.push(p);
                subject = Some(range);
            }
            (None, None) => return false,
        }
    }
    for (p, &k) in listed.into_iter().zip(after) {
        let prior = p.prior.as_ref().filter(|_| claims[k].modality == Modality::Actual);
        claims[k].period = Some(prior.unwrap_or(&p.iso).clone());
    }
    if let Some(m) = subject.and_then(|(a, b)| metric(rules, cx, f, a, b)) {
        for &k in after {
            claims[k].metric = Some(m.text.clone());
        }
    }
    true
}

/// Where a period mention's text ends: a single month's match takes the char after it (6月、,
/// 7月全), which is no part of the month.
fn month_end(s: &[char], p: &PeriodMention) -> usize {
    let of_month = |c: char| matches!(c, '月' | '份' | '末' | '底' | '初' | '中' | '旬' | '上' | '下' | '以' | '来');
    if p.end >= p.start + 3 && matches!(s[p.end - 2], '月' | '份') && !of_month(s[p.end - 1]) {
        p.end - 1
    } else {
        p.end
    }
}

/// 上半年、前三季度，省属企业分别完成投资1318.6亿元和2137.5亿元: a clause opening the sentence
/// that lists only periods, as many as the figures after 分别, gives one to each figure.
fn opening_periods_each(
    s: &[char],
    periods: &[PeriodMention],
    list_start: usize,
    after: &[usize],
    claims: &mut [Claim],
) {
    if list_start == 0 || !matches!(s[list_start - 1], '，' | ',') {
        return;
    }
    let clause_end = list_start - 1;
    // The clause before the list's (分季度看，一季度、上半年和前三季度，…分别增长…: a frame
    // before it is a clause of its own).
    let sent_start = s[..clause_end]
        .iter()
        .rposition(|c| matches!(c, '。' | '！' | '？' | '；' | '\n' | '，' | ','))
        .map_or(0, |k| k + 1);
    let mut listed: Vec<&PeriodMention> =
        periods.iter().filter(|p| p.start >= sent_start && p.end <= clause_end).collect();
    listed.sort_by_key(|p| p.start);
    if listed.len() != after.len() {
        return;
    }
    // The periods and the words joining them fill the clause.
    let mut at = sent_start;
    for p in &listed {
        if p.start < at || s[at..p.start].iter().any(|c| !matches!(c, '、' | '和' | '及' | ' ')) {
            return;
        }
        at = p.end;
    }
    if at != clause_end {
        return;
    }
    for (p, &k) in listed.into_iter().zip(after) {
        let prior = p.prior.as_ref().filter(|_| claims[k].modality == Modality::Actual);
        claims[k].period = Some(prior.unwrap_or(&p.iso).clone());
    }
}

/// 分别比工业、高技术制造业高7.2个和3.8个百分点: one listed reference each.
fn one_reference_each(claims: &mut [Claim], after: &[usize]) {
    let listed = claims[after[0]].change.as_ref().and_then(|c| c.reference.clone()).filter(|r| {
        r.split('、').count() == after.len()
            && after.iter().all(|&k| claims[k].change.as_ref().and_then(|c| c.reference.as_ref()) == Some(r))
    });
    if let Some(r) = listed {
        // 低2.3个和1.6个百分点: the comparative before the first figure holds for all.
        let negative = claims[after[0]].value.is_sign_negative();
        for (item, &k) in r.split('、').zip(after) {
            if let Some(c) = claims[k].change.as_mut() {
                c.reference = Some(item.to_string());
            }
            if negative && claims[k].value.is_sign_positive() {
                claims[k].value = -claims[k].value;
            }
        }
    }
}

/// The later figures of a list take the change (kind, basis, sign) stated for the first.
fn change_of_the_first(claims: &mut [Claim], after: &[usize]) {
    let first = after[0];
    if claims[first].kind == ClaimKind::Change {
        let (change, negative) = (claims[first].change.clone(), claims[first].value.is_sign_negative());
        for &k in &after[1..] {
            if claims[k].change.is_none() && claims[k].unit == claims[first].unit {
                claims[k].kind = ClaimKind::Change;
                claims[k].change = change.clone();
                if negative && claims[k].value.is_sign_positive() {
                    claims[k].value = -claims[k].value;
                    claims[k].range = claims[k].range.map(|[a, b]| [-a, -b]);
                }
            }
        }
    }
}

/// A hedge written once before a list of figures hedges each (分别超过90%、75%; 不足3%和5%):
/// a figure right after another of the same unit, joined by 、/和/及/与 only, takes the
/// hedge that stands before the first.
pub(super) fn share_list_qualifiers(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    // The bound the list so far shares: 不少于5%、10%; 分别不低于当地最低工资标准的5%、20%和40%
    // (a bound before the first figure, right before it or before what it is a part of).
    let mut shared: Option<crate::model::Qualifier> = None;
    for k in 1..claims.len() {
        let (a, b) = (claims[k - 1].span, claims[k].span);
        let joined = a[1] < b[0] && b[0] - a[1] == 1 && matches!(s[a[1]], '、' | '和' | '及' | '与');
        if !joined || claims[k].unit != claims[k - 1].unit {
            shared = None;
            continue;
        }
        let from = (a[0].saturating_sub(16)..a[0])
            .rev()
            .find(|&i| is_clause_break(s[i]))
            .map_or(a[0].saturating_sub(16), |i| i + 1);
        let bound = (from..=a[0])
            .rev()
            .find_map(|e| rules.qual_prefix.ending_at(s, e).filter(|(l, _)| *l >= 2 || e == a[0]).map(|(_, q)| q));
        let q = bound.or(shared).filter(|q| Some(*q) == claims[k - 1].qualifier);
        shared = q;
        if claims[k].qualifier.is_none() {
            claims[k].qualifier = q;
        }
    }
}

/// Changes with no stated baseline take the one stated last in the same paragraph (a
/// release says 同比 once, then lists the components).
pub(super) fn inherit_bases(s: &[char], claims: &mut [Claim]) {
    let mut last: Option<(usize, Change)> = None;
    for claim in claims.iter_mut() {
        let para = (0..claim.span[0]).rev().find(|&i| s[i] == '\n').map(|i| i + 1).unwrap_or(0);
        let Some(change) = claim.change.as_mut() else { continue };
        match (&change.basis, &last) {
            (Some(b), _) if *b != Basis::VsReference => last = Some((para, change.clone())),
            (None, Some((lp, prev))) if *lp == para => {
                change.basis = prev.basis;
            }
            _ => {}
        }
    }
}

/// 新建成省级现代农业园区2个、市级8个; 龙头企业58家，其中国家级1家: a figure named by a level
/// alone (`[metric] levels`) counts what the figure before it in its sentence counted (same
/// kind and unit), at that level; a level opening the earlier name (with 以上 / 以下) gives way.
pub(super) fn levels_of_previous(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let Some(level) = claims[k].metric.clone() else { continue };
        let lc: Vec<char> = level.chars().collect();
        // The level right before the figure (其中国家级1家), not a name after it (14个省级以上开发区).
        let at = claims[k].span[0];
        if !rules.metric_levels.holds(&lc) || at < lc.len() || s[at - lc.len()..at] != *lc.as_slice() {
            continue;
        }
        let sentence = claims[k].sentence;
        // The earlier name without its own level (and 以上 / 以下); none that is a level itself
        // (市州级17个).
        let stem = |m: &str| {
            let mc: Vec<char> = m.chars().collect();
            let cut = rules.metric_levels.at(&mc, 0).map_or(0, |(len, ())| len);
            let rest: String = mc[cut..].iter().collect();
            let rest = rest.strip_prefix("以上").or_else(|| rest.strip_prefix("以下")).unwrap_or(&rest).to_string();
            (rest.chars().count() >= 2 && !rest.ends_with('级')).then_some(rest)
        };
        let found = (0..k)
            .rev()
            .take_while(|&j| claims[j].sentence == sentence)
            .filter(|&j| claims[j].kind == claims[k].kind && claims[j].unit == claims[k].unit)
            .find_map(|j| claims[j].metric.as_deref().and_then(stem));
        if let Some(stem) = found {
            claims[k].metric = Some(format!("{level}{stem}"));
        }
    }
}

/// Claims whose metric is missing inherit the previous figure's in the same sentence
/// (江苏制造业增加值达4.66万亿元，占全国14.1%). A duration names no indicator: after one,
/// the nearest earlier figure with the same unit gives it (粮食总产量750.6亿斤，连续10年稳定在
/// 700亿斤以上 → 700亿斤 is 粮食总产量), else the nearest that is not a duration. A count, a
/// measure or an amount right after a semicolon goes on counting the previous one's thing (`s`
/// is the text).
pub(super) fn inherit_metrics(rules: &ClaimRules, s: &[char], claims: &mut [Claim], shares: &mut [bool]) {
    // 占GDP比重 (`shares`, from `metric`): a share of the previous figure's indicator.
    for k in 0..claims.len() {
        if !shares[k] {
            continue;
        }
        // A 分别 item may have replaced the metric since.
        let Some(m) = claims[k].metric.clone().filter(|m| m.starts_with('占')) else { continue };
        let sentence = claims[k].sentence;
        // A level, or a growth rate of one (投资增长10.1%，占制造业投资的比重为41.2%); not a
        // percentage-point change, which is of another share.
        let level = |j: usize| {
            matches!(claims[j].kind, ClaimKind::Amount | ClaimKind::Quantity | ClaimKind::Count)
                || (claims[j].kind == ClaimKind::Change && claims[j].unit.as_deref() != Some("pp"))
        };
        let whole = (0..k)
            .rev()
            .take_while(|&j| claims[j].sentence == sentence)
            .find(|&j| claims[j].metric.is_some() && !shares[j])
            .filter(|&j| level(j))
            .and_then(|j| claims[j].metric.clone());
        claims[k].metric = Some(match whole {
            Some(pm) => format!("{pm}{m}"),
            None if m.chars().count() > 2 => m.trim_start_matches('占').to_string(),
            None => m,
        });
        shares[k] = false;
    }
    for k in 1..claims.len() {
        if claims[k].metric.is_some() {
            continue;
        }
        let sentence = claims[k].sentence;
        // 总量居全区14个设区市首位: a count inside a rank's domain (right before it, in its
        // clause) names what is ranked among, not what is ranked.
        let in_domain = |j: usize| {
            claims[k].kind == ClaimKind::Rank
                && claims[j].kind == ClaimKind::Count
                && !s[claims[j].span[1]..claims[k].span[0]].iter().any(|&c| super::clause::is_clause_break(c))
        };
        let earlier = (0..k).rev().take_while(|&j| claims[j].sentence == sentence).filter(|&j| !in_domain(j));
        let is_duration = |j: usize| claims[j].unit.as_deref() == Some("year");
        let source = match earlier.clone().next() {
            Some(j) if is_duration(j) => earlier
                .clone()
                .find(|&j| claims[j].unit.is_some() && claims[j].unit == claims[k].unit)
                .or_else(|| earlier.clone().find(|&j| !is_duration(j))),
            other => other,
        };
        // …绿色工厂5家；曲靖市、玉溪市各有2家 / 冬季平均气温5.2℃，偏高0.9℃；春季16.9℃ / 一季度
        // 进出口额142.8亿元…；二季度168.7亿元: after a semicolon, a count, a measure or an amount
        // in the same unit goes on counting or measuring what the clause before did (the last
        // figure of its kind there).
        let source = source.or_else(|| {
            let after_semicolon = sentence[0] > 0 && matches!(s[sentence[0] - 1], '；' | ';');
            // Not a duration (信守承诺15年；…坚持15年): a span of time is no measure of a thing.
            let duration = claims[k].unit.as_deref().is_some_and(super::is_duration_unit);
            // Nor a figure before what it counts (9个县的…, 10个“二线口岸”): only one that ends
            // its phrase.
            let bare =
                s.get(claims[k].span[1]).map_or(true, |c| !crate::clean::is_han(*c) && !matches!(c, '“' | '"' | '‘'));
            if !after_semicolon
                || duration
                || !bare
                || !matches!(claims[k].kind, ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Amount)
            {
                return None;
            }
            let prev = claims[k.checked_sub(1)?].sentence;
            (0..k).rev().take_while(|&j| claims[j].sentence == prev && prev[1] <= sentence[0]).find(|&j| {
                claims[j].kind == claims[k].kind
                    && claims[j].unit == claims[k].unit
                    && claims[j].surface_unit == claims[k].surface_unit
            })
        });
        // 社会消费品零售总额增长5.3%。分季度看，一季度增长5.4%，…: a sentence breaking the
        // indicator before it down by time measures it; its first figure without a metric takes
        // the last one of the sentence before, of its kind and unit.
        let source = source.or_else(|| {
            rules.metric_time_breakdowns.at(s, sentence[0])?;
            let before = (0..k).rev().find(|&j| claims[j].sentence[1] <= sentence[0])?;
            let prev = claims[before].sentence;
            (0..=before).rev().take_while(|&j| claims[j].sentence == prev).find(|&j| {
                claims[j].metric.is_some() && claims[j].kind == claims[k].kind && claims[j].unit == claims[k].unit
            })
        });
        // 投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%: the object of a 完成 (年度计划) is
        // what a share is of, not the topic; a growth after it is the topic's before it.
        let completes = |j: usize| {
            let Some(m) = claims[j].metric.as_deref() else { return false };
            let m: Vec<char> = m.chars().collect();
            let at = claims[j].span[0];
            at >= m.len() + 2 && s[at - m.len()..at] == m[..] && s[at - m.len() - 2..at - m.len()] == ['完', '成']
        };
        let source = match source {
            Some(j) if j > 0 && completes(j) && claims[k].kind == ClaimKind::Change => {
                Some(j - 1).filter(|&i| claims[i].sentence == sentence && claims[i].metric.is_some()).or(Some(j))
            }
            other => other,
        };
        if let Some(j) = source {
            if claims[j].metric.is_some() {
                claims[k].metric = claims[j].metric.clone();
                // 占全国14.1%、全球4.2%: the place before an inherited share is its reference
                // (a scope of a 分别 list of places stays: 苏州、无锡分别为86.7%和86.1%).
                let listed =
                    claims[k].scope.as_deref().is_some_and(|sc| listed_before_respectively(s, claims[k].span[0], sc));
                if claims[k].scope.is_none() || (claims[k].kind == ClaimKind::Percent && !listed) {
                    claims[k].scope = claims[j].scope.clone();
                }
            }
        }
    }
}

/// Whether `item` is listed before a 分别 in the clause of the figure at `at`.
fn listed_before_respectively(s: &[char], at: usize, item: &str) -> bool {
    let clause = (0..at).rev().find(|&k| is_clause_break(s[k]) && s[k] != '、').map_or(0, |k| k + 1);
    let before: String = s[clause..at].iter().collect();
    before.find("分别").is_some_and(|m| before[..m].contains(item))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Basis, ClaimKind, Modality, Qualifier};
    use rust_decimal::Decimal;

    #[test]
    fn parts_of_a_rate_and_indicators_named_by_a_frame() {
        let m = |t: &str| {
            claims_of(t, Some("2025-08-06")).into_iter().map(|c| c.metric.unwrap_or_default()).collect::<Vec<_>>()
        };
        let got = m("全省医院病床使用率为84.7%。其中，公立医院92.3%，民营医院63.8%。分级别看，三级医院98.6%。");
        assert_eq!(got, ["医院病床使用率", "公立医院病床使用率", "民营医院病床使用率", "三级医院病床使用率"]);
        let got = m("全省医院出院者平均住院日为8.3天。其中，三级医院8.9天。");
        assert_eq!(got[1], "三级医院出院者平均住院日");
        // A part that is an indicator itself, and parts of a total that is no average, stay.
        let got = m("全省粮食总产量650万吨。其中，夏粮130万吨，秋粮520万吨。");
        assert_eq!(got[1], "夏粮");
        let got = m("总抚养比为31.2%。其中，少儿抚养比21.4%。");
        assert_eq!(got[1], "少儿抚养比");
        let got = m("从出院人数看，郑州市189.6万人，南阳市98.3万人。从县（市、区）看，新郑市12.1万人。");
        assert_eq!(got[..2], ["出院人数", "出院人数"]);
        assert_ne!(got[2], "县（市、区）");
    }

    #[test]
    fn single_months_listed_before_the_indicator_give_one_each_to_levels_and_their_changes() {
        let c = claims_of(
            "分月看，6月、7月全省最大用电负荷分别为1.08亿千瓦和1.24亿千瓦，同比分别增长4.3%和7.9%。",
            Some("2025-09-10"),
        );
        let got: Vec<_> = c.iter().map(|c| (c.metric.as_deref(), c.period.as_deref())).collect();
        let (m, jun, jul) = (Some("最大用电负荷"), Some("2025-06"), Some("2025-07"));
        assert_eq!(got, [(m, jun), (m, jul), (m, jun), (m, jul)]);
        // Changes of levels stated for one period keep their own.
        let c = claims_of("上半年，发生事故586起、死亡521人，同比分别下降18.6%和15.3%。", Some("2025-07-10"));
        assert!(c.iter().all(|c| c.period.as_deref() == Some("2025-01/2025-06")));
    }

    #[test]
    fn periods_opening_the_sentence_give_one_to_each_figure() {
        let p = |t: &str| claims_of(t, Some("2024-12-20")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("上半年、前三季度，省属企业分别完成投资1318.6亿元和2137.5亿元。");
        assert_eq!(got, [Some("2024-01/2024-06".to_string()), Some("2024-01/2024-09".to_string())]);
        // A clause holding more than the periods gives none of them out.
        let got = p("上半年、前三季度投资较快，省属企业分别完成投资1318.6亿元和2137.5亿元。");
        assert_ne!(got[0].as_deref(), Some("2024-01/2024-06"));
        // A frame before the periods is a clause of its own.
        let got = p("分季度看，一季度、上半年，全省居民人均消费支出分别增长4.3%和4.7%。");
        assert_eq!(got, [Some("2024-01/2024-03".to_string()), Some("2024-01/2024-06".to_string())]);
    }

    #[test]
    fn periods_listed_with_the_indicator_give_one_each_and_name_it() {
        let seg = PIPE.segmenter();
        let read = |t: &str| {
            let c =
                PIPE.extractor().extract(t, &seg.segment(t), Some("2024-06-07"), Some("2023年海洋经济统计公报")).claims;
            c.into_iter().map(|c| (c.metric, c.period)).collect::<Vec<_>>()
        };
        let want =
            |p: &[&str]| p.iter().map(|p| (Some("海洋生产总值".to_string()), Some(p.to_string()))).collect::<Vec<_>>();
        let got = read("一季度、上半年、前三季度全省海洋生产总值分别增长5.2%、5.8%和6.0%。");
        assert_eq!(got, want(&["2023-01/2023-03", "2023-01/2023-06", "2023-01/2023-09"]));
        let got = read("全省海洋生产总值一季度、上半年分别增长5.2%和5.8%。");
        assert_eq!(got, want(&["2023-01/2023-03", "2023-01/2023-06"]));
        // A paragraph breaking the year down takes none of those periods.
        let got = read("一季度、上半年全省海洋生产总值分别增长5.2%和5.8%。\n从产业构成看，海洋产业增加值10582亿元。");
        assert_eq!(got[2].1.as_deref(), Some("2023"), "{got:?}");
    }

    #[test]
    fn a_figure_named_by_a_level_counts_what_the_figure_before_did() {
        let c = claims_of("新建成省级现代农业园区2个、市级8个；龙头企业达到58家，其中国家级1家、省级12家。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        let want = ["省级现代农业园区", "市级现代农业园区", "龙头企业", "国家级龙头企业", "省级龙头企业"];
        assert_eq!(m, want.map(Some));
        // A level in a name after the figure is no level of the figure before.
        let c = claims_of("新建5G基站3000个，实现全市14个省级以上开发区全覆盖。", None);
        assert_ne!(c[1].metric.as_deref(), Some("省级5G基站"));
    }

    #[test]
    fn partners_listed_before_fenbie_name_each_figures_metric_not_its_scope() {
        let c = claims_of("福建对美国、欧盟进出口分别为2186.4亿元和1732.9亿元。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("美国进出口"), Some("欧盟进出口")]);
        assert!(c.iter().all(|c| c.scope.as_deref() == Some("福建")), "{c:?}");
        let c = claims_of("对拉美、非洲、中亚五国等新兴市场进出口分别增长11.7%、7.7%、17.9%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("拉美进出口"), Some("非洲进出口"), Some("中亚五国进出口")]);
    }

    #[test]
    fn a_growth_after_a_completion_share_is_the_topics() {
        let c = claims_of("全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("固定资产投资"), Some("年度计划"), Some("固定资产投资")]);
    }

    #[test]
    fn counts_after_a_semicolon_go_on_counting() {
        let c = claims_of("全省新增国家级绿色工厂12家，其中昆明市5家；曲靖市、玉溪市各有2家；昭通市1个。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("新增国家级绿色工厂"), Some("新增国家级绿色工厂"), Some("新增国家级绿色工厂"), None]);
        // Measures too, past a change of the clause before.
        let c = claims_of("冬季平均气温5.2℃，偏高0.9℃；春季（3—5月）16.9℃，偏高1.1℃。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("平均气温"); 4]);
        // A count of a kind of place names that kind, not what the clause before counted.
        let c = claims_of("帮扶项目12个；9个县的脱贫人口增收。", None);
        assert_eq!(c[1].metric.as_deref(), Some("县"));
        // Amounts too: a quarter's figure after the quarter before.
        let c = claims_of("一季度进出口额142.8亿元，同比增长15.1%；二季度168.7亿元，增长16.9%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("进出口额"); 4]);
    }

    #[test]
    fn a_rank_among_past_years_ranks_the_figure_before_it() {
        let c = claims_of("全年平均气温17.8℃，较常年偏高1.2℃，为历史同期第2高。", Some("2024-12-30"));
        assert_eq!((c[2].kind, c[2].metric.as_deref()), (ClaimKind::Rank, Some("平均气温")));
    }

    #[test]
    fn first_place_shared_heads_and_period_references() {
        let c =
            claims_of("全省制造业增加值居全国首位。4G和5G用户分别达到1.2亿户和8000万户。产量较8月份增长12%。", None);
        assert_eq!(
            (c[0].kind, c[0].value.to_string(), c[0].scope.as_deref()),
            (ClaimKind::Rank, "1".into(), Some("全省"))
        );
        assert_eq!(c[1].metric.as_deref(), Some("4G用户"));
        assert_eq!(c[2].metric.as_deref(), Some("5G用户"));
        let change = c[3].change.as_ref().unwrap();
        assert_eq!((change.basis, change.reference.as_deref()), (Some(Basis::VsReference), Some("8月份")));
        // 首位 without a domain or ranking verb before it is no rank (摆在首位).
        assert!(claims_of("把安全摆在首位。", None).is_empty());
    }

    #[test]
    fn year_spans_and_one_year_per_listed_figure() {
        let c = claims_of(
            "在2020年至2024年间累计投资1.2万亿元。同盾科技2016年-2018年的营业收入分别为6066万元、2.61亿元、5.42亿元。",
            Some("2024-07-25"),
        );
        assert_eq!((c[0].period.as_deref(), c[0].modality), (Some("2020/2024"), Modality::Actual));
        let years: Vec<_> = c[1..].iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(years, [Some("2016"), Some("2017"), Some("2018")]);
    }

    #[test]
    fn place_like_sub_items_break_the_previous_indicator_down() {
        let c = claims_of("全国居民消费价格同比上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%；食品价格上涨2.9%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("居民消费价格"), Some("城市居民消费价格"), Some("农村居民消费价格"), Some("食品价格")]);
    }

    #[test]
    fn one_item_naming_two_parts_fans_out() {
        let c = claims_of("城乡居民人均可支配收入分别为7.4万元和4.0万元，分别增长4.6%和6.5%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            m,
            ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
    }

    #[test]
    fn a_list_item_holding_no_word_is_no_head() {
        // Found by fuzzing (recognize): an item the segmenter gives no word.
        let t = "\u{0}\u{0}\u{0}中，用\u{4}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}品及格分别上涨1.\u{14}%1\u{0}\u{0}疗保健价格分别上涨1.4%1%。其中\u{0}\u{0}\u{0}\u{0}%。";
        let _ = claims_of(t, None);
    }

    #[test]
    fn a_list_of_changes_after_a_respectively_list_pairs_with_it_and_shares_its_sign() {
        let c = claims_of(
            "生产指数和新订单指数分别为50.6%和49.4%，比上月下降0.7个和0.5个百分点，其中生产指数仍高于临界点。",
            None,
        );
        let got: Vec<(&str, String, Option<&str>)> =
            c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.metric.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("50.6%", "50.6".to_string(), Some("生产指数")),
                ("49.4%", "49.4".to_string(), Some("新订单指数")),
                ("0.7个", "-0.7".to_string(), Some("生产指数")),
                ("0.5个百分点", "-0.5".to_string(), Some("新订单指数")),
            ]
        );
        // A list named in its own clause keeps its names.
        let c = claims_of("全年粮食产量增长2.1%，棉花和油料产量增长3.5%和4.2%。", None);
        assert_ne!(c[1].metric.as_deref(), c[0].metric.as_deref());
    }

    #[test]
    fn respectively_after_two_figures_and_a_shared_unit() {
        let c = claims_of(
            "研发设计工具普及率达到86.1%，关键工序数控化率达到66.5%，分别高于全国平均水平6.4和4.3个百分点。",
            None,
        );
        assert_eq!(c.len(), 4);
        assert_eq!((c[2].text.as_str(), c[2].unit.as_deref(), c[2].kind), ("6.4", Some("pp"), ClaimKind::Change));
        assert_eq!(c[2].metric.as_deref(), Some("研发设计工具普及率"));
        assert_eq!(c[3].metric.as_deref(), Some("关键工序数控化率"));
        assert_eq!(c[3].change.as_ref().and_then(|ch| ch.reference.as_deref()), Some("全国"));
        // Listed years are dates, not a shared unit.
        assert!(claims_of("数据行业从2013、2014年就开始兴起，在2017-2018年迎来大爆发。", None).is_empty());
    }

    #[test]
    fn respectively_after_a_baseline_pairs_with_the_figures_before() {
        let c = claims_of("全省共发生生产安全事故586起、死亡521人，同比分别下降18.6%和15.3%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref().unwrap_or("-")).collect();
        assert_eq!(m, ["生产安全事故", "死亡", "生产安全事故", "死亡"]);
        // An item before 分别 is what the figures measure, not the figures before.
        let c = claims_of("全省地区生产总值5万亿元，城乡居民人均可支配收入分别为7.4万元和4.0万元。", None);
        assert_eq!(c[1].metric.as_deref(), Some("城镇居民人均可支配收入"));
        // Two figures after 分别 are no pair of the last two of a list of three before.
        let c = claims_of(
            "种植业、畜牧业、渔业增加值分别增长3.5%、2.8%和4.1%，增速分别比二产、三产低2.3和1.6个百分点。",
            None,
        );
        // …and a point change of their 增速 is the rate's.
        let rate = c[2].metric.as_ref().map(|m| format!("{m}增速"));
        assert_eq!((c[3].metric.as_ref(), c[4].metric.as_ref()), (rate.as_ref(), rate.as_ref()));
    }

    #[test]
    fn a_breakdown_by_time_measures_the_indicator_before_it_and_periods_name_nothing() {
        let c = claims_of("全省社会消费品零售总额同比增长5.3%。分季度看，一季度增长5.4%，二季度增长5.0%。", None);
        assert!(c.iter().all(|c| c.metric.as_deref().is_some_and(|m| m.ends_with("社会消费品零售总额"))), "{c:?}");
        let c = claims_of("新开工项目38个（一季度、二季度分别开工16个和22个）。", Some("2025-07-24"));
        assert!(c[1..].iter().all(|c| c.metric.as_deref().is_some_and(|m| !m.contains("季度"))), "{c:?}");
    }

    #[test]
    fn a_hedge_before_a_list_hedges_each_figure() {
        let c = claims_of("数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。", None);
        assert_eq!((c[0].qualifier, c[1].qualifier), (Some(Qualifier::Over), Some(Qualifier::Over)));
        let c = claims_of("普及率超过90%，数控化率75%。", None);
        assert_eq!(c[1].qualifier, None, "a comma ends the list");
        // A bound before what the figures are parts of hedges each of them.
        let c = claims_of("三档补贴标准分别不低于当地最低工资标准的5%、20%和40%。", None);
        assert!(c.iter().all(|c| c.qualifier == Some(Qualifier::AtLeast)), "{c:?}");
    }

    #[test]
    fn classifiers_in_a_list_of_points_and_listed_references() {
        let c =
            claims_of("电子信息制造业增加值增长13.1%，增速分别比同期工业、高技术制造业高7.2个和3.8个百分点。", None);
        assert_eq!(c.len(), 3);
        for (k, reference) in [(1, "工业"), (2, "高技术制造业")] {
            assert_eq!((c[k].unit.as_deref(), c[k].kind), (Some("pp"), ClaimKind::Change));
            assert_eq!(c[k].metric.as_deref(), Some("电子信息制造业增加值增速"));
            assert_eq!(c[k].change.as_ref().and_then(|ch| ch.reference.as_deref()), Some(reference));
        }
        assert_eq!(c[1].surface_unit.as_deref(), Some("个百分点"));
        let c = claims_of("增加值增长3.5%，增速分别比同期第二产业、第三产业低2.3个和1.6个百分点。", None);
        assert_eq!((c[1].value, c[2].value), (Decimal::new(-23, 1), Decimal::new(-16, 1)));
        // A classifier that stays one: 3个和5个项目.
        assert_eq!(claims_of("新建3个和5个项目。", None)[0].unit.as_deref(), Some("count"));
    }

    #[test]
    fn a_list_of_places_gives_each_figure_its_scope() {
        let c = claims_of("南京、苏州、无锡分别完成地区生产总值1.8万亿元、2.5万亿元和1.6万亿元。", None);
        let got: Vec<(Option<&str>, Option<&str>)> =
            c.iter().map(|c| (c.scope.as_deref(), c.metric.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Some("南京"), Some("地区生产总值")),
                (Some("苏州"), Some("地区生产总值")),
                (Some("无锡"), Some("地区生产总值"))
            ]
        );
        // A place the tagger missed before a count of places (两市) is one too.
        let c = claims_of("六安、合肥两市小麦单产分别下降1.2%和0.8%。", None);
        let got: Vec<(Option<&str>, Option<&str>)> =
            c.iter().map(|c| (c.scope.as_deref(), c.metric.as_deref())).collect();
        assert_eq!(got, [(Some("六安"), Some("小麦单产")), (Some("合肥"), Some("小麦单产"))]);
        // 城镇 tagged as a place is none: the one-word item shares the last one's head.
        let c = claims_of("城镇、农村常住居民人均可支配收入分别达到41286元和17935元。", None);
        let got: Vec<Option<&str>> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(got, [Some("城镇常住居民人均可支配收入"), Some("农村常住居民人均可支配收入")]);
        // Shares that take the indicator of the figure before keep the listed places.
        let c = claims_of("南京城镇化率为90%，苏州、无锡分别为86.65%和86.10%。", None);
        let got: Vec<(Option<&str>, Option<&str>)> =
            c.iter().map(|c| (c.scope.as_deref(), c.metric.as_deref())).collect();
        assert_eq!(
            got,
            [(Some("南京"), Some("城镇化率")), (Some("苏州"), Some("城镇化率")), (Some("无锡"), Some("城镇化率"))]
        );
    }

    #[test]
    fn items_share_what_follows_their_count() {
        let c = claims_of("电子信息、装备制造、新材料三大产业增加值分别增长15.2%、10.8%和9.6%。", None);
        let m: Vec<Option<&str>> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("电子信息产业增加值"), Some("装备制造产业增加值"), Some("新材料产业增加值")]);
    }
}
