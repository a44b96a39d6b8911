//! The indicator a figure measures (规上工业增加值, 社会消费品零售总额): the noun chain
//! before the figure (or before its change word) in its clause, or for counted things the
//! noun chain after it: the readers [`super::measured`] chooses among. Evidence: the
//! segmenter's words and tags, the clause, and the `[metric]` vocabularies of `patterns/`.
//!
//! It does not complete a metric from other figures (a share of the previous indicator, a
//! 分别 list, an inherited name): that is [`super::lists`].

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::{is_clause_break, parenthesized};
use super::scope::is_place_name;
use super::Context;
use crate::segment::Word;

/// Whether a POS tag can be part of a noun phrase.
pub fn is_nounish(tag: &str) -> bool {
    matches!(
        tag,
        "n" | "nz"
            | "vn"
            | "nt"
            | "j"
            | "l"
            | "an"
            | "ng"
            | "b"
            | "eng"
            | "ns"
            | "nrt"
            | "nr"
            | "nrfg"
            | "i"
            | "h"
            | "k"
    )
}

/// An indicator read before a figure.
pub(super) struct Metric {
    /// As written (asides removed).
    pub(super) text: String,
    /// `text` is a share with nothing before its 占 (占GDP比重): a share of the previous
    /// figure's indicator, completed by `inherit_metrics`.
    pub(super) share_of_previous: bool,
}

/// The indicator: the noun chain ending just before the figure (or its verb), minus
/// leading places, scope and time words.
pub(super) fn metric(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, from: usize, to: usize) -> Option<Metric> {
    let (words, inside) = clause_words(rules, cx, f, from, to);
    let s = &f.chars;
    let words: Vec<&Word> = words.iter().collect();
    let text_of = |w: &Word| f.slice(w.start, w.end);
    // 和 / 及 / 与 at `j` between two nouns (no place on either side).
    let joins = |j: usize| {
        j >= 1
            && j + 1 < words.len()
            && matches!(text_of(words[j]).as_str(), "和" | "及" | "及其" | "与" | "、")
            && is_nounish(words[j - 1].tag)
            && words[j - 1].tag != "t"
            && !is_scope(rules, f, words[j - 1])
            && (is_nounish(words[j + 1].tag) || words[j + 1].tag == "attr")
            && !is_scope(rules, f, words[j + 1])
    };
    // 降息25个基点, 连续加息十次: a change word that names its act measures the figure after it.
    let named_change = |at: usize| rules.metric_named_changes.at(s, at).map(|(len, _)| (at, at + len));
    if let Some(span) = named_change(to).or_else(|| words.last().and_then(|w| named_change(w.start))) {
        return written_name(rules, f, &[], span, false, false);
    }
    if let Some(alias) = bracketed_alias(rules, s, from, to) {
        return written_name(rules, f, &[], alias, false, false);
    }
    let mut k = words.len();
    // Skip trailing non-nouns (达, 为, 同比, 增长, 占), references (占全国) and the words that
    // link a name to its figure whatever their tag (高达/nr).
    let links = |w: &Word| rules.metric_not_modifiers.holds(&s[w.start..w.end]);
    // 最高达每斤1.8元, 普及率达到每百人121.3部: the unit a rate is per (每斤, 每亩, 每百人)
    // measures nothing.
    let per_unit = |w: &Word| w.end - w.start >= 2 && w.end - w.start <= 4 && s[w.start] == '每';
    while k > 0
        && (!is_nounish(words[k - 1].tag)
            || is_scope(rules, f, words[k - 1])
            || words[k - 1].tag == "t"
            || links(words[k - 1])
            || per_unit(words[k - 1]))
    {
        k -= 1;
    }
    let end = k;
    // 用户申诉按期办结率, 平均上架率: a verb glued to a one-character measure word is its stem,
    // whatever stands before it.
    let stem_of_measure = |i: usize| {
        i + 1 < end
            && words[i].end == words[i + 1].start
            && words[i + 1].end - words[i + 1].start == 1
            && rules.metric_measure_suffixes.holds(&s[words[i + 1].start..words[i + 1].end])
    };
    // Inside a run of verbs glued to the head noun (see below).
    let mut in_run = false;
    // 举办招聘活动42场: a verbal noun standing alone names the act with the verb of content
    // glued before it (招聘活动), not the act alone (活动); not inside a run of nouns (洪水防御
    // 应急响应).
    let lone_act = |k: usize| {
        k + 1 == end
            && words[k].tag == "vn"
            && words[k - 1].end == words[k].start
            && content_verb(rules, s, words[k - 1])
            && !(k > 1 && is_nounish(words[k - 2].tag))
    };
    let measure_head = end > 0 && {
        let h = &s[words[end - 1].start..words[end - 1].end];
        matches!(h, ['比', '重'] | ['比', '例'] | ['份', '额']) || rules.metric_measures.holds(h)
    };
    while k > 0 {
        let w = words[k - 1];
        let mut glued_step = false;
        if is_nounish(w.tag) && w.tag != "t" {
            k -= 1;
        } else if k < end && k > 1 && text_of(w) == "级" && words[k - 2].tag == "m" {
            // 千亿级产业集群, 国家级: a class word with its numeral.
            k -= 2;
        } else if k < end
            && w.tag == "attr"
            && ((k > 1 && (is_nounish(words[k - 2].tag) || words[k - 2].tag == "attr" || joins(k - 2)))
                || stem_of_measure(k - 1)
                || opens_clause(rules, f, &words[..k - 1])
                || follows_clause_verb(rules, f, &words, k - 1))
        {
            // 国有控股企业, 工业互联网平台连接设备数: an attribute between nouns; 参保人数,
            // 登记率: one opening the clause.
            k -= 1;
        } else if k < end
            && w.tag == "attr"
            && k > 1
            && words[k - 2].end == w.start
            && (words[k - 2].tag == "v" || (words[k - 2].tag == "a" && words[k - 2].end - words[k - 2].start == 1))
        {
            // 审结破产案件, 增开查验通道, 新签约项目: an attribute glued after the clause's verb
            // (or 新) names a kind; the verb before it predicates and ends the name, unless it
            // names a flow opening the clause (新增参保).
            k -= 1;
            let flow = rules.metric_flow_leads.holds(&s[words[k - 1].start..words[k - 1].end]);
            if flow && opens_clause(rules, f, &words[..k - 1]) {
                k -= 1;
            }
            break;
        } else if k < end && k > 1 && text_of(w) == "之" && is_nounish(words[k - 2].tag) {
            // GDP之比, 楼层差与朝向差之和: 之 between a noun and what is measured of it.
            k -= 1;
        } else if k < end && joins(k - 1) {
            // 社会保障和就业支出, 教育文化和娱乐: nouns joined inside one indicator name.
            k -= 1;
        } else if k < end && k > 1 && matches!(text_of(w).as_str(), "类" | "型" | "性") && is_nounish(words[k - 2].tag)
        {
            // 食品烟酒类价格, 外向型经济, 生产性服务业: a class suffix on a noun.
            k -= 1;
        } else if k < end
            && k > 1
            && matches!(text_of(w).as_str(), "类" | "型" | "性")
            && words[k - 2].tag == "v"
            && words[k - 2].end - words[k - 2].start >= 2
        {
            // 居住类价格, 服务型消费: a class suffix on a verb names a class with it.
            k -= 2;
        } else if k < end
            && w.tag == "zg"
            && w.end == words[k].start
            && !(w.start > 0
                && (f.chars[w.start - 1].is_ascii_digit() || numbers::is_numeral_char(f.chars[w.start - 1])))
        {
            // 畜/zg 肉类价格: a bound morpheme belongs to the word it is glued to.
            k -= 1;
        } else if k < end && matches!(w.tag, "a" | "ad" | "z") {
            // 平均浓度, 优良天数比率
            k -= 1;
        } else if k < end
            && w.tag == "v"
            && (!in_run && verb_modifies_name(rules, f, &words, k, end)
                || {
                    // 改造安置住房, 接种覆盖人数: verbs glued between another verb and the head noun
                    // modify it; the verb before them predicates (领取租赁补贴) and ends the name. Not
                    // before a measure word (加计扣除比例 is named whole, below).
                    let glued = k > 1
                        && (k + 1 == end && !measure_head || in_run)
                        && words[k - 2].tag == "v"
                        && words[k - 2].end == w.start
                        && w.end == words[k].start;
                    glued_step = glued;
                    glued
                }
                || lone_act(k))
            && w.end - w.start >= 2
            && (!rules.metric_not_modifiers.holds(&s[w.start..w.end])
                || rules.metric_flow_leads.holds(&s[w.start..w.end]))
            && !rules.change.holds(&s[w.start..w.end])
            && !rules.reference_prefix.holds(&s[w.start..w.end])
            && !rules.qual_prefix.holds(&s[w.start..w.end])
        {
            // 发放稳岗返还资金, 惠及退休人员: verbs after the clause's own verb modify the noun
            // they precede; so does a verb opening the clause (出生人口, 调解成功率). A verb naming
            // a flow opens the name: what stands before it owns the flow (银行新增贷款 → 新增贷款).
            k -= 1;
            if rules.metric_flow_leads.holds(&s[w.start..w.end]) {
                break;
            }
        } else if k < end && k > 1 && size_class(&text_of(w)) && words[k - 2].tag == "m" {
            // 亿元以上项目, 5000万元以上项目: a size class leads the name.
            k -= 2;
            while k > 0 && words[k - 1].tag == "m" && words[k - 1].end == words[k].start {
                k -= 1;
            }
        } else if k < end && w.tag == "m" && w.end == words[k].start && size_class(&text_of(words[k])) {
            // 5000/m 万元以上/l 项目: the amount of a size class the segmenter glued to its unit.
            k -= 1;
        } else if k < end && w.tag == "m" && text_of(w).ends_with('级') && w.end == words[k].start {
            // 一级资本充足率, 三级医院: a grade written as one numeral word leads the name.
            k -= 1;
        } else if k < end && w.tag == "m" && is_ordinal(&text_of(w)) && w.end == words[k].start {
            // 第一种形态, 第二套住房: an ordinal glued to the noun after it names a kind and
            // opens the name (公布第一批示范县: the verb before it predicates).
            k -= 1;
            break;
        } else if k < end && w.tag == "m" && text_of(w).starts_with('每') {
            // 每万人口发明专利拥有量: a per-head denominator leads the name.
            k -= 1;
        } else if k < end
            && k > 1
            && w.tag == "f"
            && text_of(w) == "中"
            && is_nounish(words[k - 2].tag)
            && words[k - 2].tag != "t"
            && !is_scope(rules, f, words[k - 2])
        {
            // 就业人员中女性, 低保对象中女性: the group a part is counted within names it too.
            k -= 1;
        } else {
            break;
        }
        in_run |= glued_step;
    }
    // 24小时自助签注服务区9个, 8条主要河流: a word opening with a unit, glued after the digits
    // of another number, is that number's unit; the name starts after it.
    while k < end
        && words[k].start > 0
        && s[words[k].start - 1].is_ascii_digit()
        && rules.unit_words.at(s, words[k].start).is_some()
    {
        k += 1;
    }
    // 生产性服务业完成投资39.66亿元: a bare measure after 完成/实现 is the measure of the noun
    // chain before the verb; the verb becomes an aside of the name.
    let mut inside = inside;
    if end == k + 1 && k >= 2 {
        let t = &s[words[k].start..words[k].end];
        let bare = rules.metric_measures.holds(t) || rules.money_nouns.holds(t);
        let verb = words[k - 1];
        let owner = |w: &Word| is_nounish(w.tag) && w.tag != "t" && !is_scope(rules, f, w);
        if bare && rules.metric_owner_verbs.holds(&s[verb.start..verb.end]) && owner(words[k - 2]) {
            inside.push((verb.start, verb.end));
            k -= 2;
            while k > 0 && owner(words[k - 1]) {
                k -= 1;
            }
        }
    }
    // 发行规模达到8461.98亿元, 总诊疗人次达95.6亿人次: a name that alone names nothing (规模,
    // 人次) takes the verb of content before it, and the nouns before that.
    // 研发费用加计扣除比例: so does a share or measure word after verbs (more than one may stand).
    let measure_word =
        |t: &str| matches!(t, "比重" | "比例" | "份额") || rules.metric_measures.holds(&t.chars().collect::<Vec<_>>());
    let head = if end == k + 1 { text_of(words[k]) } else { String::new() };
    if end == k + 1 && k > 0 && (weak_name(rules, &head) || measure_word(&head)) && content_verb(rules, s, words[k - 1])
    {
        k -= 1;
        while k > 0 && measure_word(&head) && content_verb(rules, s, words[k - 1]) {
            k -= 1;
        }
        while k > 0 && is_nounish(words[k - 1].tag) && words[k - 1].tag != "t" && !is_scope(rules, f, words[k - 1]) {
            k -= 1;
        }
    }
    // 数字经济核心产业增加值占GDP比重: a share names what it is a share of.
    let share = |w: &Word| matches!(text_of(w).as_str(), "比重" | "比例" | "份额" | "占比");
    // With nothing before 占 in the clause (…营业收入1.2万亿元，占GDP比重为10.2%), the metric is
    // completed from the previous figure's (inherit_metrics).
    let mut share_of_previous = false;
    // 占制造业投资的比重为41.2%: look through 的 for the 占; a verb of content between nouns is part
    // of what it is a share of (占总诊疗人次的比例: 总/b 诊疗/v 人次/n).
    let inner_word = |j: usize| {
        (is_nounish(words[j].tag) && words[j].tag != "t")
            || (words[j].tag == "b" && j + 1 < words.len() && words[j].end == words[j + 1].start)
            || (content_verb(rules, s, words[j]) && j + 1 < words.len() && is_nounish(words[j + 1].tag))
    };
    if k > 1 && k < end && share(words[end - 1]) && text_of(words[k - 1]) == "的" {
        let mut j = k - 1;
        while j > 0 && inner_word(j - 1) {
            j -= 1;
        }
        if j > 0 && j < k - 1 && text_of(words[j - 1]) == "占" {
            k = j;
        }
    }
    // 非农人口约占全国总人口的10%: what a share is of is the noun chain before the 占 at `z`
    // (adverbs between them are asides); its first word and the asides.
    let owner_of_share = |z: usize| {
        let mut j = z;
        let mut asides = Vec::new();
        while j > 0 && matches!(words[j - 1].tag, "d" | "ad") {
            j -= 1;
            asides.push((words[j].start, words[j].end));
        }
        let owner = |w: &Word| is_nounish(w.tag) && w.tag != "t" && !is_scope(rules, f, w);
        if j == 0 || !owner(words[j - 1]) {
            return None;
        }
        // 基层医疗卫生机构诊疗人次占…: a verb of content between two nouns is inside the owner.
        while j > 0
            && (owner(words[j - 1])
                || (j > 1 && content_verb(rules, s, words[j - 1]) && owner(words[j - 2]) && owner(words[j])))
        {
            j -= 1;
        }
        Some((j, asides))
    };
    // 占我国外贸总值的65%: a share without 比重 written, named like one.
    let zhan_at = |j: usize| j > 0 && text_of(words[j - 1]) == "占";
    let mut share_named = false;
    if k < end && !share(words[end - 1]) {
        let z = if zhan_at(k) {
            Some(k - 1)
        } else {
            (k > 1 && is_scope(rules, f, words[k - 1]) && zhan_at(k - 1)).then(|| k - 2)
        };
        if let Some(z) = z {
            // 占比近六成 (占 and 比 segmented apart) is the share itself.
            share_named = !(end == k + 1 && text_of(words[k]) == "比");
            match owner_of_share(z).filter(|_| share_named) {
                Some((j, asides)) => {
                    k = j;
                    inside.extend(asides);
                }
                None => share_of_previous = true,
            }
        }
    }
    if k > 0 && k < end && share(words[end - 1]) && text_of(words[k - 1]) == "占" {
        match owner_of_share(k - 1) {
            Some((j, asides)) => {
                k = j;
                inside.extend(asides);
            }
            None => share_of_previous = true,
        }
    }
    // 具备科学素质的比例达到15.12%, 通过电视获取的比例降至62.4%: a share word standing alone
    // after 的 is the share of what the words before 的 say (their verbs and nouns), not a bare 比例.
    let de_head = |w: &Word| share(w) || rules.metric_de_heads.holds(&s[w.start..w.end]);
    if end == k + 1 && k > 1 && de_head(words[k]) && text_of(words[k - 1]) == "的" && !share_named && !share_of_previous
    {
        let said = |w: &Word| {
            (is_nounish(w.tag) && w.tag != "t" && !is_scope(rules, f, w))
                || (matches!(w.tag, "v" | "vn")
                    && !links(w)
                    && !rules.change.holds(&s[w.start..w.end])
                    && !rules.reference_prefix.holds(&s[w.start..w.end]))
        };
        let mut j = k - 1;
        while j > 0 && (said(words[j - 1]) || joins(j - 1)) {
            j -= 1;
        }
        // Not a share of something (占全天消费的比重: the owner stands before 占), nor a phrase cut
        // at a place (来自粤东粤西粤北地区的占比).
        let of_something = words[..k].iter().any(|w| text_of(w) == "占");
        let mut i = j;
        while i > 0 && is_scope(rules, f, words[i - 1]) {
            i -= 1;
        }
        let cut = i < j && i > 0 && said(words[i - 1]);
        if !of_something && !cut && j < k - 1 && words[j..k - 1].iter().any(|w| is_nounish(w.tag) && w.tag != "t") {
            k = j;
        }
    }
    // 产量45.6万辆，是去年同期的1.8倍 / 为全国平均水平的1.2倍: what the figure is measured
    // against, not what it measures (the indicator comes from the previous figure); a subject
    // written before the link is what it measures (城镇居民人均可支配收入是农村居民的2.33倍).
    if k > 0
        && k < end
        && words.get(end).is_some_and(|w| text_of(w) == "的")
        && matches!(text_of(words[k - 1]).as_str(), "是" | "为" | "相当于")
    {
        let link = words[k - 1].start;
        let subject = k > 1 && is_nounish(words[k - 2].tag) && words[k - 2].end == link;
        return subject.then(|| metric(rules, cx, f, from, link)).flatten();
    }
    // 不良品率, 不合格样品: a negation glued to the name is part of it.
    if k > 0 && k < end && text_of(words[k - 1]) == "不" && words[k - 1].end == words[k].start {
        k -= 1;
    }
    // Drop leading places, scope words and numerals.
    let class_numeral = |k: usize| {
        let class = |j: usize| j < end && (text_of(words[j]) == "级" || size_class(&text_of(words[j])));
        (is_ordinal(&text_of(words[k])) && k + 1 < end && words[k].end == words[k + 1].start)
            || class(k + 1)
            || (class(k + 2) && words[k + 1].tag == "m")
            || text_of(words[k]).starts_with('每')
            || (text_of(words[k]).ends_with('级') && k + 1 < end && words[k].end == words[k + 1].start)
    };
    // 对美国进出口: a place after a partner marker is the other side of the trade, kept.
    let partner = |k: usize| is_partner_place(rules, f, k.checked_sub(1).map(|p| words[p]), words[k]);
    while k < end
        && ((is_scope(rules, f, words[k]) && !partner(k))
            || words[k].tag == "t"
            || (words[k].tag == "m" && !class_numeral(k)))
    {
        k += 1;
    }
    if k >= end {
        // 户籍人口中，0—17周岁63.12万人: an age band right before the figure is the group it counts.
        let band = age_band_before(s, from, to);
        return (band < to).then(|| written_name(rules, f, &[], (band, to), false, false)).flatten();
    }
    let start = age_band_before(s, from, words[k].start);
    written_name(rules, f, &inside, (start, words[end - 1].end), share_named, share_of_previous)
}

/// 采纳或部分采纳的632件, 获得表彰的30人, 作出说明解释的67件: a figure right after a verb and 的
/// counts what the verb did, the head noun left out; the verbs glued before 的 name it, with one
/// two-character word glued before the first of them (部分/n 采纳, 基本/n 解决). Not the words that
/// link a name to its figure (为, 占), changes (增长的), nor what a share or a range is of. The
/// caller applies it to counts with nothing counted after them.
pub(super) fn relative_act(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, from: usize, to: usize) -> Option<String> {
    let (words, inside) = clause_words(rules, cx, f, from, to);
    let s = &f.chars;
    let n = words.len();
    let [.., verb, de] = words.as_slice() else { return None };
    if s[de.start..de.end] != ['的'] || de.end != words[n - 1].end {
        return None;
    }
    let act = |w: &Word| {
        w.tag == "v"
            && w.end - w.start >= 2
            && !rules.metric_not_modifiers.holds(&s[w.start..w.end])
            && !rules.change.holds(&s[w.start..w.end])
            && !rules.reference_prefix.holds(&s[w.start..w.end])
            && !rules.qual_prefix.holds(&s[w.start..w.end])
    };
    if !act(verb) || verb.end != de.start {
        return None;
    }
    let mut j = n - 2;
    while j > 0 && act(&words[j - 1]) && words[j - 1].end == words[j].start {
        j -= 1;
    }
    // 占全部投资的, 有期徒刑至死刑的: what a share or a range is of, not an act.
    if words[..j].iter().any(|w| matches!(f.slice(w.start, w.end).as_str(), "占" | "至" | "到")) {
        return None;
    }
    let lead = j
        .checked_sub(1)
        .map(|p| &words[p])
        .filter(|w| w.end == words[j].start && w.end - w.start == 2 && matches!(w.tag, "d" | "n" | "ad"));
    let start = lead.map_or(words[j].start, |w| w.start);
    written_name(rules, f, &inside, (start, verb.end), false, false).map(|m| m.text)
}

/// 城镇人口占常住人口比重（城镇化率）为95.07%: the name of a measure in brackets right before the
/// words linking it to its figure is the indicator's own name: its span. The name ends in a
/// measure suffix (`[metric] measure_suffixes`) or 比 (抚养比); what relates two things
/// (R&D经费投入强度（与营业收入之比）) explains the name before it and is none.
fn bracketed_alias(rules: &ClaimRules, s: &[char], from: usize, to: usize) -> Option<(usize, usize)> {
    let &(a, b) = parenthesized(s, from, to).last()?;
    let (name, rest) = (&s[a + 1..b - 1], &s[b..to]);
    let linked = rest.is_empty() || rules.metric_not_modifiers.holds(rest);
    let measure = name.last().is_some_and(|c| *c == '比' || rules.metric_measure_suffixes.holds(&[*c]));
    (linked
        && measure
        && (3..=8).contains(&name.len())
        && name.iter().all(|c| crate::clean::is_han(*c))
        && !matches!(name[0], '含' | '即' | '指' | '按' | '不' | '较' | '比')
        && !name.iter().any(|c| matches!(c, '与' | '和' | '之' | '占')))
    .then_some((a + 1, b - 1))
}

/// Where an age band written right before a name starts (0—14岁人口, 60岁及以上人口, 15至59
/// 周岁人口): the band names the group; `at` when none stands there (not before `from`).
fn age_band_before(s: &[char], from: usize, at: usize) -> usize {
    let mut k = at;
    for tail in [&['及', '以', '上'][..], &['及', '以', '下'], &['以', '上'], &['以', '下']] {
        if k >= from + tail.len() && s[k - tail.len()..k] == *tail {
            k -= tail.len();
            break;
        }
    }
    if k > from && s[k - 1] == '岁' {
        k -= 1;
        if k > from && s[k - 1] == '周' {
            k -= 1;
        }
    } else {
        return at;
    }
    let digits = |k: usize| (from..k).rev().take_while(|&j| s[j].is_ascii_digit()).count();
    let n = digits(k);
    if n == 0 {
        return at;
    }
    k -= n;
    // 0—14岁, 15-59岁, 15至59岁: the lower end of a band.
    if k > from && matches!(s[k - 1], '—' | '-' | '－' | '~' | '～' | '至' | '到') && digits(k - 1) > 0 {
        k -= 1 + digits(k - 1);
    }
    k
}

/// Whether `w` marks the place after it as the other side of what is measured (对美国).
pub(super) fn is_partner_marker(rules: &ClaimRules, f: &Folded, w: &Word) -> bool {
    rules.metric_partner_markers.holds(&f.chars[w.start..w.end])
}

/// Whether `w` is a place that the word before it (`prev`) marks as the other side of what is
/// measured (美国 in 对美国进出口): part of the metric, never the figure's scope.
pub(super) fn is_partner_place(rules: &ClaimRules, f: &Folded, prev: Option<&Word>, w: &Word) -> bool {
    w.tag == "ns" && prev.is_some_and(|p| is_partner_marker(rules, f, p))
}

/// Whether a word closes a size class (以上, 以下, or a unit glued to one: 万元以上/l).
fn size_class(t: &str) -> bool {
    t.ends_with("以上") || t.ends_with("以下")
}

/// Whether the verb `words[k - 1]` before the name `words[k..end]` modifies it rather than
/// predicates it: a verb opening the clause (出生人口, 调解成功率; not before a bare measure,
/// 设立总规模, a never-word, 扣除价格因素, or a time, 返校时), a verb right after the clause's
/// own verb with no subject before (惠及退休人员), or a verb between nouns after the clause's
/// verb (发放稳岗返还资金).
fn verb_modifies_name(rules: &ClaimRules, f: &Folded, words: &[&Word], k: usize, end: usize) -> bool {
    let text_of = |w: &Word| f.slice(w.start, w.end);
    // 储能领域拥有国家级专精特新企业: a verb no name starts with (`[metric] drop_leading`) predicates
    // (before a word that alone names nothing it names the act: 无讼村创建数量).
    if rules.metric_drop_leading.holds(&f.chars[words[k - 1].start..words[k - 1].end])
        && !weak_name(rules, &text_of(words[k]))
        && rules.metric_keep_leading.at(&f.chars, words[k - 1].start).is_none()
    {
        return false;
    }
    // After 其中, a linking verb predicates the figure (其中用于灾害救助3200万元).
    let linking = || {
        rules.metric_not_modifiers.holds(&f.chars[words[k - 1].start..words[k - 1].end])
            && words[..k - 1].iter().any(|p| rules.metric_clause_openers.holds(&f.chars[p.start..p.end]))
    };
    // 其中严重损坏房屋3400余间: so does one after a manner word glued to it (严重/a 损坏/v) when
    // nothing but that word stands before it in the clause.
    let manner_opens = k >= 2
        && matches!(words[k - 2].tag, "a" | "ad")
        && words[k - 2].end - words[k - 2].start >= 2
        && words[k - 2].end == words[k - 1].start
        && opens_clause(rules, f, &words[..k - 2]);
    if (opens_clause(rules, f, &words[..k - 1]) || manner_opens) && !linking() {
        let chain = f.text(words[k].start, words[end - 1].end);
        let measure = rules.metric_measures.holds(&f.chars[words[k].start..words[end - 1].end]);
        let never =
            rules.metric_never.iter().any(|n| chain == *n || (n.chars().count() >= 3 && chain.starts_with(n.as_str())));
        if text_of(words[k]) != "时" && !measure && !never {
            return true;
        }
    }
    if k < 2 {
        return false;
    }
    let prev = words[k - 2];
    let before = &words[..k - 2];
    let verb = &f.chars[words[k - 1].start..words[k - 1].end];
    follows_clause_verb(rules, f, words, k - 1)
        || (is_nounish(prev.tag)
            && !prev.tag.starts_with("nr")
            && !rules.target.holds(&f.chars[prev.start..words[k - 1].end])
            && !is_scope(rules, f, prev)
            && (before.iter().any(|p| p.tag == "v") || !rules.metric_owner_verbs.holds(verb)))
}

/// Whether `words[i]` comes right after the clause's own verb with no subject before that verb
/// (达成就业意向), or only places, times and numerals (全省组织招聘活动, 全省投入联合收割机; not
/// 全市累计实施, where the verb is a `[metric] drop_leading` word): it opens the object the
/// figure counts.
fn follows_clause_verb(rules: &ClaimRules, f: &Folded, words: &[&Word], i: usize) -> bool {
    if i < 1 || !matches!(words[i - 1].tag, "v" | "attr") {
        return false;
    }
    let verb = &f.chars[words[i - 1].start..words[i - 1].end];
    let before = &words[..i - 1];
    verb.last() != Some(&'是')
        && (!before.iter().any(|p| is_nounish(p.tag))
            || (opens_clause(rules, f, before) && !rules.metric_drop_leading.holds(verb)))
}

/// Whether only places, scope words, times, numerals (not an enumerator, 一是) and
/// `[metric] clause_openers` (其中) stand before a word of the clause: `before` are the words
/// before it.
fn opens_clause(rules: &ClaimRules, f: &Folded, before: &[&Word]) -> bool {
    before.iter().all(|p| {
        is_scope(rules, f, p)
            || p.tag == "t"
            || (p.tag == "m" && !f.slice(p.start, p.end).ends_with('是'))
            || rules.metric_clause_openers.holds(&f.chars[p.start..p.end])
    })
}

/// Whether a word alone names no indicator: a `[metric] never` word (规模, 数量) or what is
/// left of a unit (人次, 万人).
fn weak_name(rules: &ClaimRules, t: &str) -> bool {
    rules.metric_never.iter().any(|n| n == t) || is_unit_leftover(t)
}

/// Whether a numeral word is an ordinal, 第 and a numeral (第一, 第二套, 第3).
fn is_ordinal(t: &str) -> bool {
    let mut c = t.chars();
    c.next() == Some('第') && c.next().is_some_and(numbers::is_numeral_char)
}

/// Whether `t` is made of unit and numeral characters only (万人, 人次): no name.
pub(super) fn is_unit_leftover(t: &str) -> bool {
    t.chars().all(|c| "万亿千百十人次元个家项件名位".contains(c))
}

/// Whether a word is a verb of content, two characters or more, that can lead a name
/// (发行, 招生, 诊疗): not one that links a name to its figure, states a change, a
/// comparison or a hedge.
pub(super) fn content_verb(rules: &ClaimRules, s: &[char], w: &Word) -> bool {
    let t = &s[w.start..w.end];
    matches!(w.tag, "v" | "vn" | "vd")
        && t.len() >= 2
        && !rules.metric_not_modifiers.holds(t)
        && !rules.change.holds(t)
        && !rules.reference_prefix.holds(t)
        && !rules.qual_prefix.holds(t)
        && !rules.metric_drop_leading.holds(t)
}

/// Whether a word names a place or scope (全省, 我国) rather than a part of a metric.
pub(super) fn is_scope(rules: &ClaimRules, f: &Folded, w: &Word) -> bool {
    let t = f.slice(w.start, w.end);
    // A one-character place (巴, 云) is no scope, but no part of a metric either.
    (w.tag == "ns" && (t.chars().count() < 2 || is_place_name(rules, &t.chars().collect::<Vec<_>>())))
        || rules.scope_words.at(&t.chars().collect::<Vec<_>>(), 0).is_some_and(|(l, _)| l == t.chars().count())
}

/// The words of `from..to` as metrics see them ([`metric_word`], short quotes and `&` names
/// merged, asides left out, a baseline before `to` cut off), and the spans of the short
/// asides in it.
fn clause_words(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    from: usize,
    to: usize,
) -> (Vec<Word>, Vec<(usize, usize)>) {
    // 居民消费价格比上年同期上涨0.1%: the baseline between the indicator and the verb goes.
    let mut to = to;
    while let Some((len, _)) = rules.bases.ending_at(&f.chars, to).filter(|(l, _)| to - l >= from) {
        to -= len;
    }
    let lo = cx.words.partition_point(|w| w.end <= from);
    let hi = cx.words.partition_point(|w| w.start < to);
    // A word that runs past `to` (价格下降 before 2.7%) is clipped there and counts as a noun.
    let s = &f.chars;
    let mut inside = parenthesized(s, from, to);
    inside.extend(manner_asides(rules, &cx.words[lo..hi], f, from, to));
    let words: Vec<Word> = cx.words[lo..hi]
        .iter()
        .filter(|w| w.start >= from && !inside.iter().any(|&(a, b)| w.start >= a && w.start < b))
        .map(|w| match w.end > to {
            // 平均年增 before 16.6%: a lone 年 / 月 / 日 left of it is a time word.
            true if to == w.start + 1 && matches!(s[w.start], '年' | '月' | '日') => {
                Word { start: w.start, end: to, tag: "t" }
            }
            true => Word { start: w.start, end: to, tag: "n" },
            false => *w,
        })
        .flat_map(|w| split_measure_link(rules, s, w))
        .map(|w| metric_word(rules, s, w))
        .collect();
    let words = ratio_before_verb(s, words);
    let words = merge_class_words(rules, s, merge_ampersand_names(s, merge_short_quotes(s, words)));
    (words, inside)
}

/// 城乡居民收入比/p 缩小/v 至1.81: a 比 the tagger read as a preposition, right after a word
/// and right before a verb, compares with nothing (比上年 has its object after it); it is the
/// measure ending the name, a noun.
fn ratio_before_verb(s: &[char], mut words: Vec<Word>) -> Vec<Word> {
    for i in 1..words.len().saturating_sub(1) {
        let (prev, w, next) = (words[i - 1], words[i], words[i + 1]);
        if s[w.start..w.end] == ['比'] && w.tag == "p" && prev.end == w.start && w.end == next.start && next.tag == "v"
        {
            words[i].tag = "n";
        }
    }
    words
}

/// A class word glued to the name of what it classes is one noun (咨询/vn 类/q, 求助/v 类/q,
/// 意见建议/l 类/q): 求助类98.3万件 counts 求助类, whatever the tagger made of the stem.
/// Not after a pronoun or numeral (各类, 两类, 此类). So does a `[metric] noun_suffixes` word
/// glued to a verb (收集/v 点/m → 收集点).
fn merge_class_words(rules: &ClaimRules, s: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        let t = &s[w.start..w.end];
        let stem = out.last().filter(|p| {
            p.end == w.start
                && p.end - p.start >= 2
                && ((t == ['类'] && matches!(p.tag, "n" | "nz" | "vn" | "v" | "l" | "attr"))
                    || (t.len() == 1 && rules.metric_noun_suffixes.holds(t) && matches!(p.tag, "v" | "vn" | "attr")))
        });
        match stem {
            Some(&p) => *out.last_mut().expect("a stem was found") = Word { start: p.start, end: w.end, tag: "n" },
            None => out.push(w),
        }
    }
    out
}

/// A measure word the segmenter glued to the linking word after it (资产证券化率仅为, GDP之比达):
/// the measure (率, 比, 额, 量) and the link as two words.
fn split_measure_link(rules: &ClaimRules, s: &[char], w: Word) -> impl Iterator<Item = Word> {
    let t = &s[w.start..w.end];
    let glued = t.len() >= 2
        && (t[0] == '比' || rules.metric_measure_suffixes.holds(&t[..1]))
        && t[1..].iter().all(|c| matches!(c, '仅' | '达' | '为' | '超' | '近' | '约' | '逾' | '均'));
    let (a, b) = if glued {
        (Word { start: w.start, end: w.start + 1, tag: "n" }, Some(Word { start: w.start + 1, end: w.end, tag: "d" }))
    } else {
        (w, None)
    };
    std::iter::once(a).chain(b)
}

/// The manner adjuncts in `from..to` (按年平均汇率折算, 按照常住人口计算): 按/按照 and, at most
/// 12 characters on, a verb of `[metric] manner_verbs`; how a figure is reckoned, not what it
/// measures.
fn manner_asides(rules: &ClaimRules, words: &[Word], f: &Folded, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.start >= from) {
        // 按 may be segmented with what follows it (按年/m 平均汇率).
        let t = f.slice(w.start, w.end);
        if !(t == "按照" || (t.starts_with('按') && t.chars().count() <= 2)) {
            continue;
        }
        let close = words[i + 1..]
            .iter()
            .take_while(|v| v.end <= to && v.end - w.end <= 12 && !is_clause_break(f.chars[v.start]))
            .find(|v| rules.metric_manner_verbs.holds(&f.chars[v.start..v.end]));
        if let Some(v) = close {
            out.push((w.start, v.end));
        }
    }
    out
}

/// The metric written at `ma..mb`, without the asides inside it, its leading and trailing
/// words cut, one spelling for a share, and 比重 / 占 added for a share named without them;
/// `None` for a name that is never a metric or is too short or too long.
fn written_name(
    rules: &ClaimRules,
    f: &Folded,
    inside: &[(usize, usize)],
    (ma, mb): (usize, usize),
    share_named: bool,
    share_of_previous: bool,
) -> Option<Metric> {
    let mut m = String::new();
    let mut at = ma;
    let mut asides: Vec<(usize, usize)> = inside.iter().copied().filter(|&(a, b)| a >= ma && b <= mb).collect();
    asides.sort_unstable();
    for (a, b) in asides {
        if a < at {
            continue; // inside an aside already left out
        }
        m.push_str(&f.text(at, a));
        at = b;
    }
    m.push_str(&f.text(at, mb));
    let mut m = drop_leading(rules, m);
    // 居民消费价格同比 → 居民消费价格; 同比名义 → (nothing: inherited)
    loop {
        let mc: Vec<char> = m.chars().collect();
        let base = rules.bases.ending_at(&mc, mc.len()).map(|(l, _)| (l, ()));
        match base.or_else(|| rules.metric_drop_trailing.ending_at(&mc, mc.len())) {
            Some((len, _)) if len <= mc.len() => m = mc[..mc.len() - len].iter().collect(),
            _ => break,
        }
    }
    // 占制造业投资的比重 → 占制造业投资比重: one spelling for one indicator.
    for w in ["的比重", "的比例", "的份额", "的占比"] {
        if m.ends_with(w) && m.chars().count() > 3 {
            m = format!("{}{}", &m[..m.len() - w.len()], &w['的'.len_utf8()..]);
        }
    }
    // 大学文化程度的人口 → 大学文化程度人口 (`[metric] de_heads`).
    if let Some((before, head)) = m.rsplit_once('的') {
        let hc: Vec<char> = head.chars().collect();
        if !before.is_empty() && rules.metric_de_heads.holds(&hc) {
            m = format!("{before}{head}");
        }
    }
    let mc: Vec<char> = m.chars().collect();
    // 新能源公交车1126辆，占比96.8%: a share word alone is a share of the previous figure's
    // indicator.
    if !share_of_previous && m == "占比" {
        return Some(Metric { text: m, share_of_previous: true });
    }
    if rules.metric_never.contains(&m) || rules.metric_drop_leading.at(&mc, 0).is_some_and(|(l, _)| l == mc.len()) {
        return None;
    }
    if share_named {
        m.push_str("比重");
    }
    if share_of_previous {
        m.insert(0, '占');
    }
    (m.chars().count() >= 2 && m.chars().count() <= 24).then_some(Metric { text: m, share_of_previous })
}

/// A word as metrics see it: the vocabulary's nouns (收入/v, 国内/s) and distinguishing words
/// (国有/b) are nouns; words tagged as verbs that name a kind inside an
/// indicator (控股, 连接, 制造) or stand before a measure that needs them (回收量, 授信户数) are
/// tagged `attr`, kept only between nouns.
pub(super) fn metric_word(rules: &ClaimRules, s: &[char], w: Word) -> Word {
    let t = &s[w.start..w.end];
    let measure_word = t.len() == 1 && rules.metric_measure_suffixes.holds(t);
    // 5A级旅游景区: a grade written with a Latin letter is part of the name.
    let grade = t == ['级'] && w.start > 0 && s[w.start - 1].is_ascii_uppercase();
    if w.tag == "b" || rules.metric_nouns.holds(t) || measure_word || grade {
        // 机械化率: a measure word the tagger took for a verb (率/v) is a noun.
        Word { tag: "n", ..w }
    } else if w.tag == "ns" && rules.not_places.holds(t) {
        // 惠及/ns, 新建/ns: verbs the tagger took for places (inner ones name a kind).
        let tag = if rules.metric_inner_verbs.holds(t) { "attr" } else { "v" };
        Word { tag, ..w }
    } else if w.tag == "t" && rules.metric_measure_suffixes.at(s, w.end).is_some_and(|(l, _)| l == 1) {
        // 贷款逾期额: 逾期/t 额/n, a word the tagger took for a time is the measure's stem.
        Word { tag: "attr", ..w }
    } else if matches!(w.tag, "v" | "vd" | "vi" | "vg")
        && (rules.metric_inner_verbs.holds(t)
            || rules.metric_measure_suffixes.at(s, w.end).is_some_and(|(l, _)| l == 1)
            || rules.metric_bare_heads.at(s, w.end).is_some())
    {
        Word { tag: "attr", ..w }
    } else {
        w
    }
}

/// Cuts the words a metric never starts with: 4月份进出口 → 进出口, 其中风电 → 风电 (all of
/// it stays when one character or nothing would be left: 完成率).
pub(super) fn drop_leading(rules: &ClaimRules, mut m: String) -> String {
    loop {
        let mc: Vec<char> = m.chars().collect();
        match rules.metric_drop_leading.at(&mc, 0) {
            Some((len, _)) if len + 1 < mc.len() && rules.metric_keep_leading.at(&mc, 0).is_none() => {
                m = mc[len..].iter().collect()
            }
            _ => return m,
        }
    }
}

/// Latin names joined by `&` are one word (R&D: R/eng &/x D/eng).
pub(super) fn merge_ampersand_names(s: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        let n = out.len();
        if n >= 2
            && w.tag == "eng"
            && out[n - 1].tag == "x"
            && s[out[n - 1].start..out[n - 1].end] == ['&']
            && out[n - 2].tag == "eng"
        {
            let start = out[n - 2].start;
            out.truncate(n - 2);
            out.push(Word { start, end: w.end, tag: "eng" });
        } else {
            out.push(w);
        }
    }
    out
}

/// Longest quoted word kept inside a metric, in chars (专精特新“小巨人”企业).
pub(super) const QUOTED_WORD_MAX: usize = 8;

/// A short quoted name (“小巨人”) becomes one noun, so a metric can run through it.
pub(super) fn merge_short_quotes(s: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if s[w.start] == '“' && w.end == w.start + 1 {
            let close = (i + 1..words.len())
                .take_while(|&j| words[j].end - w.start <= QUOTED_WORD_MAX + 2)
                .find(|&j| s[words[j].start] == '”');
            // Names led by numerals or with digits (“十三五”, “1650”) are periods or programmes,
            // not parts of a metric (“新三样”产品出口 is one).
            let numeral =
                |j: usize| numbers::starts_chinese(s[w.end]) || (w.end..words[j].start).any(|k| s[k].is_ascii_digit());
            if let Some(j) = close.filter(|&j| j > i + 1 && !numeral(j)) {
                out.push(Word { start: w.start, end: words[j].end, tag: "nz" });
                i = j + 1;
                continue;
            }
        }
        out.push(w);
        i += 1;
    }
    out
}

/// The noun chain right after a counted figure (6大传统行业 → 传统行业), up to the clause end.
pub(super) fn metric_after(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, from: usize) -> Option<String> {
    let lo = cx.words.partition_point(|w| w.start < from);
    let mut end = None;
    let mut relative = false;
    let mut inner_verb_before = false;
    // Where the noun after a level's bound ends (县级以上城市), should the whole name run long.
    let mut graded_end = None;
    let words: Vec<Word> = cx.words[lo..].iter().take(12).map(|w| metric_word(rules, &f.chars, *w)).collect();
    let text_of = |w: &Word| f.slice(w.start, w.end);
    if let Some(kind) = counted_place(rules, f, &words, from) {
        return Some(kind);
    }
    if let Some(head) = relative_head(rules, f, &words) {
        return Some(head);
    }
    for (k, w) in words.iter().enumerate() {
        // 60多名养老服务管理专业首届毕业生: an ordinal of a cohort (首届, 首批) inside the name.
        if end.is_some()
            && w.tag == "m"
            && text_of(w).starts_with('首')
            && words.get(k + 1).is_some_and(|n| is_nounish(n.tag) && n.tag != "t")
        {
            continue;
        }
        // 38项相关法律, 42种退休制度, 6部高速电梯: a verb or adverb right after the count
        // modifies the noun that follows it.
        let modifier = end.is_none()
            && k == 0
            && matches!(w.tag, "v" | "d" | "vd")
            && w.end - w.start >= 2
            && !rules.metric_not_modifiers.holds(&f.chars[w.start..w.end])
            && !rules.change.holds(&f.chars[w.start..w.end])
            && words
                .get(k + 1)
                .is_some_and(|n| is_nounish(n.tag) && !matches!(n.tag, "t" | "ns" | "nr" | "nrt" | "nrfg" | "i" | "l"));
        if modifier {
            relative = true;
            continue;
        }
        // 20多万元的开支, 90%以上的覆盖: right after 的, a verb that nothing nominal follows
        // stands for its act, as a noun would.
        let nominal_verb = k == 0
            && from > 0
            && f.chars[from - 1] == '的'
            && matches!(w.tag, "v" | "vd")
            && w.end - w.start >= 2
            && !rules.metric_not_modifiers.holds(&f.chars[w.start..w.end])
            && !rules.change.holds(&f.chars[w.start..w.end])
            && !words.get(k + 1).is_some_and(|n| is_nounish(n.tag) || matches!(n.tag, "v" | "vd" | "a" | "m"));
        if nominal_verb {
            end = Some(w.end);
            break;
        }
        // 59个开通城轨交通运营线路的城市: a clause led by a verb ends in 的 before what is
        // counted.
        if relative && end.is_some() && text_of(w) == "的" {
            let head = words[k + 1..].iter().take_while(|n| is_nounish(n.tag) && n.tag != "t").last();
            if let Some(h) = head {
                let m = f.text(w.end, h.end);
                return (2..=14).contains(&m.chars().count()).then_some(m);
            }
        }
        // 160个重点帮扶县, 300余种珍稀濒危野生动植物: inside the counted name, a verb before a
        // one-character bound noun (县/zg), or between an adjective and a distinguishing word
        // (珍稀/a 濒危/v 野生/b), modifies it (15家企业入选国家级绿色工厂 goes on to its verb).
        let after_inner_verb = std::mem::take(&mut inner_verb_before);
        if end.is_some()
            && content_verb(rules, &f.chars, w)
            && cx.words.get(lo + k + 1).is_some_and(|n| {
                (n.tag == "b" && k > 0 && cx.words[lo + k - 1].tag == "a")
                    || (n.end - n.start == 1 && matches!(n.tag, "ng" | "zg"))
                    // 托育机构照护补贴: a verb between a noun and a sum of money names its use.
                    // (a noun proper: 获得投资/vn is what the counted did).
                    || (k > 0
                        && is_nounish(words[k - 1].tag)
                        && n.tag == "n"
                        && rules.money_nouns.holds(&f.chars[n.start..n.end]))
            })
        {
            inner_verb_before = true;
            continue;
        }
        if after_inner_verb {
            end = Some(w.end);
            continue;
        }
        // 140多个国家和地区: two nouns joined inside the counted name (not a second count).
        let joined = end.is_some()
            && matches!(text_of(w).as_str(), "和" | "与" | "及")
            && words
                .get(k + 1)
                .is_some_and(|n| is_nounish(n.tag) && !matches!(n.tag, "t" | "m" | "nr" | "nrt" | "nrfg"))
            && !words.get(k + 2).is_some_and(|n| n.tag == "m" || n.tag == "q");
        if joined {
            continue;
        }
        // 14个省级以上开发区, 339个地级及以上城市: a bound on a level of government or grade
        // (`[metric] levels`, or a word ending in 级) is part of the counted name.
        let graded = |j: usize| {
            j > 0 && {
                let t = &f.chars[words[j - 1].start..words[j - 1].end];
                rules.metric_levels.holds(t) || t.last() == Some(&'级')
            }
        };
        let bound_word = |n: &Word| size_class(&text_of(n)) && n.end - n.start == 2;
        let joiner = |n: &Word| matches!(text_of(n).as_str(), "及" | "和");
        let level_bound = end.is_some()
            && ((bound_word(w) && (graded(k) || k > 1 && joiner(&words[k - 1]) && graded(k - 1)))
                || (joiner(w) && graded(k) && words.get(k + 1).is_some_and(bound_word)));
        // The graded noun the bound stands before ends the name when what follows runs long.
        let graded_noun =
            || words[k + 1..].iter().find(|n| !bound_word(n)).filter(|n| is_nounish(n.tag) && n.tag != "t");
        if let Some(noun) = level_bound.then(graded_noun).flatten() {
            graded_end = Some(noun.end);
            continue;
        }
        // 7%左右的经济增长目标: a change word between nouns is part of the name.
        let inner_change = end.is_some()
            && rules.change.holds(&f.chars[w.start..w.end])
            && words.get(k + 1).is_some_and(|n| is_nounish(n.tag) && n.tag != "t");
        if inner_change {
            continue;
        }
        // 山庄难以为继: an idiom after the counted noun is what is said of it.
        if end.is_some() && w.tag == "i" {
            break;
        }
        // 国家级智能制造示范工厂, 100个就业岗位: attributes count while a noun follows them
        // (also right after the count).
        let attr_then_noun = w.tag == "attr"
            && (end.is_some() || k == 0)
            && words[k + 1..].iter().find(|n| n.tag != "attr").is_some_and(|n| is_nounish(n.tag));
        // 5个万亿级支柱产业: a class numeral with its 级.
        let class_word = |n: &Word| n.tag == "m" && text_of(n).ends_with('级');
        let class = class_word(w)
            || (w.tag == "m" && words.get(k + 1).is_some_and(|n| text_of(n) == "级" || class_word(n)))
            || (text_of(w) == "级" && k > 0 && words[k - 1].tag == "m");
        // 重点配套项目: an adjective or distinguishing word between nouns.
        let inner_adjective = matches!(w.tag, "a" | "b")
            && (end.is_none() || words.get(k + 1).is_some_and(|n| is_nounish(n.tag) && n.tag != "t"));
        if is_nounish(w.tag) || attr_then_noun || class || inner_adjective {
            end = Some(w.end);
        } else {
            break;
        }
    }
    let end = end?;
    let mut m: String = f.text(from, end);
    // 90个县级以上城市PM2.5平均浓度: what is said of the graded things is no part of their name.
    if m.chars().count() > 14 {
        if let Some(g) = graded_end.filter(|&g| g < end) {
            m = f.text(from, g);
        }
    }
    // 1.2万亿元同比增长: a basis word alone names nothing.
    let mc: Vec<char> = m.chars().collect();
    if rules.bases.at(&mc, 0).is_some_and(|(l, _)| l == mc.len()) {
        return None;
    }
    (2..=14).contains(&m.chars().count()).then_some(m)
}

/// 59个县, 38个县（市、区）, 31个二线城市中: a kind of place (`[metric] counted_places`) right
/// after the figure, past a grade written as a numeral word (二线), is what the figure counts,
/// when it ends a word and no noun follows it (10个村集体 is read as other names are); never
/// after a sum of money and 的 (超过千亿元的省).
fn counted_place(rules: &ClaimRules, f: &Folded, words: &[Word], from: usize) -> Option<String> {
    // 超过千亿元的省: a sum of money is what those places hold, not how many there are.
    if f.chars[..from].ends_with(&['元', '的']) {
        return None;
    }
    let first = words.first().filter(|w| w.start == from)?;
    let graded = first.tag == "m" && !f.chars[first.start..first.end].iter().any(char::is_ascii_digit);
    let at = if graded { first.end } else { from };
    let (len, ()) = rules.metric_counted_places.at(&f.chars, at)?;
    let end = at + len;
    let k = words.iter().position(|w| w.end == end)?;
    // 129个县全部接入: a word that names nothing alone (全部, 其中) is no noun the kind modifies.
    let noun_after = |n: &&Word| n.start == end && is_nounish(n.tag) && !weak_name(rules, &f.text(n.start, n.end));
    if words.get(k + 1).is_some_and(|n| noun_after(&n)) {
        return None;
    }
    Some(f.text(from, end))
}

/// 23座投运了现代有轨电车的城市: after a count, a relative clause led by a verb of content
/// and ending in 的 modifies the counted noun after it; that noun, or `None` when the words do
/// not read so (no 的 within ten words, or a break, figure or preposition before it).
fn relative_head(rules: &ClaimRules, f: &Folded, words: &[Word]) -> Option<String> {
    let first = words.first()?;
    let t = &f.chars[first.start..first.end];
    let leads = matches!(first.tag, "v" | "vn" | "vd")
        && t.len() >= 2
        && !rules.metric_not_modifiers.holds(t)
        && !rules.change.holds(t)
        && words.get(1).is_some_and(|n| matches!(f.chars[n.start], '了' | '过') && n.end == n.start + 1);
    if !leads {
        return None;
    }
    let j = words.iter().take(10).position(|w| f.chars[w.start] == '的' && w.end == w.start + 1)?;
    if words[1..j].iter().any(|w| matches!(w.tag, "x" | "m" | "q" | "p")) {
        return None;
    }
    let head = words[j + 1..].iter().take_while(|n| is_nounish(n.tag) && n.tag != "t").last()?;
    let m = f.text(words[j].end, head.end);
    (2..=14).contains(&m.chars().count()).then_some(m)
}

/// Whether the name before a figure ends in a person (习近平, tagged nr) or an office or role
/// word (`[metric] agents`: 总书记, 记者, 先生): who acts, not what is measured.
pub(super) fn names_agent(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, metric: &str, end: usize) -> bool {
    let mc: Vec<char> = metric.chars().collect();
    if rules.metric_agents.ending_at(&mc, mc.len()).is_some() {
        return true;
    }
    // The last word of the name as the segmenter tagged it.
    let k = cx.words.partition_point(|w| w.end <= end);
    // Only words that can still end the name: it lies in the clause before the figure.
    let lo = cx.words[..k].partition_point(|w| w.end + 40 < end);
    cx.words[lo..k].iter().rev().find(|w| metric.ends_with(f.slice(w.start, w.end).as_str())).is_some_and(|w| {
        // The tagger calls many unknown words names (贡献率/nr): a person's name here is
        // two or three characters opening with a common surname.
        let name = &f.chars[w.start..w.end];
        // A name right before its figure (夏粮1380万吨) is what it measures.
        matches!(w.tag, "nr" | "nrfg" | "nrt")
            && w.end < end
            && (2..=3).contains(&name.len())
            && rules.metric_surnames.holds(&name[..1])
    })
}

/// 水资源总量最多的是丽水市，为158.42亿立方米 / 舟山市用水量最小，为2.43亿立方米: a figure with no
/// metric, only a linking word before it in its clause, measures the indicator the clause before
/// names ahead of a superlative (`[metric] superlatives`) that ends the clause or has 的是 after
/// it, read as a metric is.
pub(super) fn superlative_subjects(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    claims: &mut [crate::model::Claim],
) {
    let s = &f.chars;
    let comma = |c: char| matches!(c, '，' | ',');
    for c in claims.iter_mut().filter(|c| c.metric.is_none()) {
        let at = c.span[0];
        let Some(k) = (c.sentence[0]..at).rev().find(|&k| comma(s[k])) else { continue };
        let gap = &s[k + 1..at];
        if !(gap.is_empty() || rules.metric_not_modifiers.holds(gap) || rules.qual_prefix.holds(gap)) {
            continue;
        }
        let from = (c.sentence[0]..k).rev().find(|&j| is_clause_break(s[j])).map_or(c.sentence[0], |j| j + 1);
        // The superlative predicates: it ends the clause or 的是/的为 follows it (not 最低标准).
        let predicates = |j: usize| {
            rules.metric_superlatives.at(s, j).is_some_and(|(len, ())| {
                let after = j + len;
                after == k || matches!(s.get(after..after + 2), Some(['的', '是' | '为']))
            })
        };
        let Some(sup) = (from..k).find(|&j| predicates(j)) else { continue };
        if sup > from {
            c.metric = metric(rules, cx, f, from, sup).filter(|m| !m.share_of_previous).map(|m| m.text);
        }
    }
}

/// 客运量1309万人次，日均7.0万人次; 场均观影人次: an average word (`[metric] averages`) right
/// before a figure, past only a hedge or a linking word, leads the figure's metric when the metric
/// came from elsewhere (日均客运量). A metric already holding it is left as it is.
pub(super) fn averages_lead(rules: &ClaimRules, s: &[char], claims: &mut [crate::model::Claim]) {
    for c in claims.iter_mut() {
        let Some(m) = c.metric.as_deref() else { continue };
        let at = c.span[0];
        let from = at.saturating_sub(6).max(c.sentence[0]);
        let found = (from..at).find_map(|k| {
            let (len, ()) = rules.metric_averages.at(s, k)?;
            let gap = &s[k + len..at];
            let linking = gap.is_empty() || rules.metric_not_modifiers.holds(gap) || rules.qual_prefix.holds(gap);
            linking.then(|| s[k..k + len].iter().collect::<String>())
        });
        if let Some(avg) = found.filter(|a| !m.contains(a.as_str())) {
            c.metric = Some(format!("{avg}{m}"));
        }
    }
}

/// 增速比上年回落4.2个百分点, 增速高于全省农村居民8个百分点: a change in percentage points in a
/// clause that names a growth rate before it changes that rate, so the rate word joins the
/// metric (研究与试验发展经费增速; the rate word alone when there is none).
pub(super) fn rate_changes(rules: &ClaimRules, s: &[char], claims: &mut [crate::model::Claim]) {
    for c in claims.iter_mut().filter(|c| c.unit.as_deref() == Some("pp")) {
        let from = (c.sentence[0]..c.span[0])
            .rev()
            .find(|&k| matches!(s[k], '，' | ',' | '；' | ';' | '：'))
            .map_or(c.sentence[0], |k| k + 1);
        let Some(rate) = (from..c.span[0]).find_map(|k| rules.metric_rate_words.at(s, k).map(|(len, ())| (k, len)))
        else {
            continue;
        };
        let word: String = s[rate.0..rate.0 + rate.1].iter().collect();
        c.metric = match c.metric.take() {
            Some(m) if m.contains(word.as_str()) => Some(m),
            Some(m) => Some(format!("{m}{word}")),
            None => Some(word),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{ClaimKind, Modality};
    use rust_decimal::Decimal;

    /// The metric of each claim of `t`, read without a publication date.
    fn metrics(t: &str) -> Vec<Option<String>> {
        claims_of(t, None).into_iter().map(|c| c.metric).collect()
    }

    #[test]
    fn a_rate_set_to_a_level_and_scores_and_cargo_named() {
        // 调整为 sets the level: the verb links, it names nothing.
        assert_eq!(metrics("贷款利率调整为2.6%。"), [Some("贷款利率".into())]);
        // dict.txt: 得分 is a noun (the tagger cut 得/ud 分居/v); 商品车 is one noun.
        assert_eq!(metrics("我省综合得分居全国第6位。"), [Some("综合得分".into())]);
        assert_eq!(metrics("完成商品车滚装65.8万辆。"), [Some("商品车滚装".into())]);
    }

    #[test]
    fn a_count_after_a_verb_and_de_counts_what_the_verb_did() {
        let got = metrics("建议被采纳或部分采纳的632件，作出说明解释的67件，获得表彰的30人。");
        assert_eq!(got, [Some("部分采纳".into()), Some("作出说明解释".into()), Some("获得表彰".into())]);
        // Not what a range runs to, nor a share of an act.
        assert!(!metrics("判处五年以上有期徒刑至死刑的1.08万人。").contains(&Some("死刑".into())));
        assert_eq!(metrics("工业投资占全部投资的41.3%。"), [Some("工业投资占全部投资比重".into())]);
    }

    #[test]
    fn a_manner_word_belongs_to_the_act_or_the_name_it_opens() {
        assert_eq!(metrics("全省紧急转移8.7万人次。"), [Some("紧急转移".into())]);
        assert_eq!(metrics("其中严重损坏房屋3400余间。"), [Some("严重损坏房屋".into())]);
    }

    #[test]
    fn a_flow_verb_opening_the_clause_leads_the_name_and_ordinals_open_it() {
        let got = metrics("全省新增耕地15.2万亩，耕地新增2万亩。");
        assert_eq!(got, [Some("新增耕地".into()), Some("耕地".into())]);
        assert_eq!(metrics("全年银行新增贷款300亿元。"), [Some("新增贷款".into())]);
        assert_eq!(metrics("全区新增加装电梯142部。"), [Some("新增加装电梯".into())]);
        assert_eq!(metrics("运用第一种形态6.63万人次。"), [Some("第一种形态".into())]);
        assert_eq!(metrics("公布第一批示范县12个。"), [Some("第一批示范县".into())]);
    }

    #[test]
    fn a_verb_glued_to_a_noun_suffix_is_one_noun() {
        // 收集/v 点/m, 救护/v 员/zg; 标准煤 belongs to the unit.
        assert_eq!(metrics("全市标准化分类收集点2150个。"), [Some("标准化分类收集点".into())]);
        assert_eq!(metrics("全省持证救护员达到312万人。"), [Some("持证救护员".into())]);
        assert_eq!(metrics("人均综合能耗318.6千克标准煤。"), [Some("人均综合能耗".into())]);
    }

    #[test]
    fn a_bare_figure_after_a_superlative_measures_what_is_ranked() {
        let got = metrics("各设区市中，水资源总量最多的是丽水市，为158.42亿立方米；舟山市用水量最小，为2.43亿立方米。");
        assert_eq!(got, [Some("水资源总量".into()), Some("用水量".into())]);
        // Not a superlative inside a name (最低标准).
        let got = metrics("城乡居民基础养老金省定最低标准每人每月提高20元，达到163元。");
        assert_ne!(got[1].as_deref(), Some("城乡居民基础养老金省定"));
    }

    #[test]
    fn per_units_single_quarters_and_people_of_an_age() {
        // 每百人 is the unit a rate is per; 单季 alone names nothing.
        assert_eq!(metrics("移动电话普及率达到每百人121.3部。"), [Some("移动电话普及率".into())]);
        let got = metrics("一季度进出口额142.8亿元；三季度单季达到174.8亿元。");
        assert_eq!(got, [Some("进出口额".into()), Some("进出口额".into())]);
        // dict.txt: 青年 is a noun, not jieba's time word.
        assert_eq!(metrics("全省参与青年4.3万人次。"), [Some("参与青年".into())]);
        // 票 counts declarations; 清单/a is a noun.
        assert_eq!(metrics("跨境电商申报清单3.2亿票。"), [Some("跨境电商申报清单".into())]);
    }

    #[test]
    fn an_average_leads_the_metric_and_a_bare_share_is_of_the_previous_figure() {
        let got = metrics("全年公交客运量1309万人次，日均7.0万人次。");
        assert_eq!(got, [Some("公交客运量".into()), Some("日均公交客运量".into())]);
        let got = metrics("新能源公交车1126辆，占比96.8%。");
        assert_eq!(got, [Some("新能源公交车".into()), Some("新能源公交车占比".into())]);
    }

    #[test]
    fn a_lone_verbal_noun_names_its_act_with_the_verb_glued_before_it() {
        assert_eq!(metrics("各地累计举办线上线下招聘活动5.8万场。"), [Some("招聘活动".into())]);
        // Not inside a run of nouns.
        assert_eq!(metrics("启动洪水防御应急响应52次。"), [Some("应急响应".into())]);
    }

    #[test]
    fn zones_a_report_counts_are_nouns() {
        // dict.txt: jieba tags 高新区 nr (a person) and 经开区 ns (a place).
        assert_eq!(
            metrics("全省国家高新区达到10家，经开区达到35家。"),
            [Some("国家高新区".into()), Some("经开区".into())]
        );
    }

    #[test]
    fn a_verb_between_nouns_names_a_kind_and_a_change_may_name_its_act() {
        let one = |t: &str| metrics(t).into_iter().next().flatten();
        assert_eq!(one("全省专利转让许可6083次。").as_deref(), Some("专利转让许可"));
        assert_eq!(one("全省邮政行业寄递业务量累计完成45.62亿件。").as_deref(), Some("邮政行业寄递业务量"));
        // An owner verb between nouns is the clause's own verb, an aside of the name.
        assert_eq!(one("全市企业实现利润52亿元。").as_deref(), Some("企业利润"));
        assert_eq!(one("欧洲央行再降息20个基点。").as_deref(), Some("降息"));
        assert_eq!(one("美联储已连续加息十次。").as_deref(), Some("加息"));
    }

    #[test]
    fn rates_keep_their_stem_and_names_their_attributive_words() {
        let one = |t: &str| metrics(t).into_iter().last().flatten();
        // A verb glued to 率 is the rate's stem, whatever stands before it.
        assert_eq!(one("全省数据中心标准机架达4.6万架，平均上架率为63.5%。").as_deref(), Some("平均上架率"));
        assert_eq!(one("1-10月，电信用户申诉量下降18.6%，用户申诉按期办结率保持100%。").as_deref(), Some("办结率"));
        // 完成 opens no name when only the measure word would be left.
        assert_eq!(one("截至10月底已完成1.38万个，完成率达92%。").as_deref(), Some("完成率"));
        // Words the tagger takes for adverbs open an indicator's name.
        assert_eq!(one("经常账户顺差546亿美元。").as_deref(), Some("经常账户顺差"));
        assert_eq!(one("永久基本农田保护面积3686.9万亩。").as_deref(), Some("永久基本农田保护面积"));
        assert_eq!(one("所有者权益合计73.92万亿元。").as_deref(), Some("所有者权益"));
        assert_eq!(one("无人机飞行时长2880万小时。").as_deref(), Some("无人机飞行时长"));
        assert_eq!(one("全年同城快递业务量完成5.27亿件。").as_deref(), Some("同城快递业务量"));
        assert_eq!(one("全省康复机构在岗人员达1.53万人。").as_deref(), Some("康复机构在岗人员"));
        assert_eq!(one("个人住房贷款逾期额96.34万元。").as_deref(), Some("个人住房贷款逾期额"));
        assert_eq!(one("全省海洋生产总值9856亿元。").as_deref(), Some("海洋生产总值"));
        assert_eq!(one("全年涉海企业3.74万家。").as_deref(), Some("涉海企业"));
        assert_eq!(one("管理人员1.2万人，其他人员0.26万人。").as_deref(), Some("其他人员"));
        // The unit a rate is per measures nothing.
        assert_eq!(one("品牌稻谷收购价最高达每斤1.8元。").as_deref(), Some("品牌稻谷收购价"));
    }
    #[test]
    fn a_point_change_of_a_named_growth_rate_is_the_rate_s() {
        let m = metrics("全省农村居民人均可支配收入30396元，增长7.2%，增速快于全省平均0.6个百分点。");
        assert_eq!(m[2].as_deref(), Some("农村居民人均可支配收入增速"));
        // A point change of a share keeps its metric.
        let m = metrics("城镇化率达到65.2%，比上年提高1.1个百分点。");
        assert_eq!(m[1].as_deref(), Some("城镇化率"));
    }

    #[test]
    fn counted_things_after_figures_agents_and_unit_leftovers() {
        let m = |t: &str| claims_of(t, Some("2024-05-10")).into_iter().map(|c| c.metric).collect::<Vec<_>>();
        let one = |t: &str| m(t).into_iter().next().flatten();
        assert_eq!(one("全面落实增值税、印花税5个税种的减免政策。").as_deref(), Some("税种"));
        assert_eq!(one("当年他欠下了20多万元的债务。").as_deref(), Some("债务"));
        assert_eq!(one("美国安排了75亿美元资金支持充电设施建设。").as_deref(), Some("资金"));
        assert_eq!(one("该政策覆盖了40%以上的人口。").as_deref(), Some("人口"));
        assert_eq!(one("我国拥有14亿多人口。").as_deref(), Some("人口"));
        assert_eq!(one("习近平总书记先后5次考察河南。"), None);
        // An office right before a count of people is what it counts.
        assert_eq!(one("全市配备村（居）儿童主任3812名。").as_deref(), Some("儿童主任"));
        // A verb no name starts with predicates the name after it.
        assert_eq!(one("金融机构发放碳减排贷款76.9亿元。").as_deref(), Some("碳减排贷款"));
        assert_eq!(one("基层法院“无讼村”创建数量达到3000个。").as_deref(), Some("基层法院“无讼村”创建数量"));
        assert_eq!(one("其中，夏粮1380万吨。").as_deref(), Some("夏粮"));
        assert_eq!(one("红河州8座城市列入其中。").as_deref(), Some("城市"));
        assert_eq!(one("美对华出口支撑了美国近百万个就业岗位。").as_deref(), Some("就业岗位"));
        assert_eq!(one("4月份0.3%的同比涨幅中，翘尾影响约为-0.1个百分点。"), None);
    }

    #[test]
    fn kinds_of_place_right_after_a_figure_are_what_it_counts() {
        let one = |t: &str| claims_of(t, Some("2024-05-10")).into_iter().next().and_then(|c| c.metric);
        assert_eq!(one("全省59个县开展了健康县城建设。").as_deref(), Some("县"));
        assert_eq!(one("今年新增38个县（市、区）通过督导评估。").as_deref(), Some("县（市、区）"));
        assert_eq!(one("31个二线城市中，新建商品住宅销售价格下降。").as_deref(), Some("二线城市"));
        assert_eq!(one("已有96.8%的县开展社区康复服务。").as_deref(), Some("县"));
        // A word that names nothing alone (全部) after the kind is no noun it modifies.
        assert_eq!(one("全省86个县（市、区）全部通过评估认定。").as_deref(), Some("县（市、区）"));
        // A noun after the kind makes a longer name; a sum of money counts no places.
        assert_ne!(one("10个村集体经济收入超过50万元。").as_deref(), Some("村"));
        assert_ne!(one("R&D经费投入超过千亿元的省（市）有12个。").as_deref(), Some("省"));
    }

    #[test]
    fn acts_keep_their_kind_and_names_opening_a_clause_keep_their_verb() {
        let one = |t: &str| metrics(t).into_iter().next().flatten();
        // The act a count measures keeps an adverb of repetition or a verb naming a kind.
        assert_eq!(one("城镇失业人员再就业17.2万人。").as_deref(), Some("城镇失业人员再就业"));
        assert_eq!(one("农村劳动力转移就业46.7万人。").as_deref(), Some("农村劳动力转移就业"));
        // …and the one acting, across an owner verb.
        assert_eq!(one("就业困难人员实现就业6.1万人。").as_deref(), Some("就业困难人员就业"));
        // A control verb is no part of the act.
        assert_eq!(one("他决定拿出10万元。").as_deref(), Some("拿出"));
        // A verb naming a kind that opens the clause opens the name.
        assert_eq!(one("登记率接近99%。").as_deref(), Some("登记率"));
        assert_eq!(one("参保人数2668.2万人。").as_deref(), Some("参保人数"));
        assert_eq!(one("转移输出总量达到2510.3万人。").as_deref(), Some("转移输出总量"));
        // A class suffix on a verb, and a bound morpheme glued to a noun, are in the name.
        assert_eq!(one("居住类价格下降0.3%。").as_deref(), Some("居住类价格"));
        assert_eq!(one("畜肉类价格下降3.2%。").as_deref(), Some("畜肉类价格"));
    }

    #[test]
    fn bracketed_figures_and_bare_predicates_take_the_name_before_them() {
        let m = metrics;
        assert_eq!(
            m("其农业人口比例(8.5%)仍然高于全欧洲的平均水平(8.2%)。"),
            [Some("农业人口比例".to_string()), Some("平均水平".to_string())]
        );
        assert_eq!(m("这是世界上投资最大的（150亿美元）竣工项目。")[0].as_deref(), Some("投资"));
        assert_eq!(m("由此产生的贸易逆差创下历史新高，达到2275亿美元。")[0].as_deref(), Some("贸易逆差"));
        assert_eq!(m("中国经济总量快速攀升，目前已经稳居世界第二位。")[0].as_deref(), Some("经济总量"));
        // A clause of time or condition, or a prepositional phrase, names no subject.
        assert_eq!(m("当企业债券的发行由银行审批时，百分之百批给政府公司。")[0], None);
        assert_eq!(m("有轨电车以示范功能为主，数量只有1~2条。")[0], None);
        // Nor does a clause with a name of its own take one from before.
        assert_eq!(m("副院长罗娟告诉记者，在首届32名毕业生中。")[0].as_deref(), Some("毕业生"));
    }

    #[test]
    fn shares_of_a_subject_relative_clauses_and_cohorts() {
        let m = metrics;
        assert_eq!(m("农村的非农人口约占全国总人口的10%。")[0].as_deref(), Some("非农人口占全国总人口比重"));
        assert_eq!(m("23座投运了现代有轨电车的城市。")[0].as_deref(), Some("城市"));
        assert_eq!(
            m("除了60多名养老服务管理专业首届毕业生，还有其他同学。")[0].as_deref(),
            Some("养老服务管理专业首届毕业生")
        );
        assert_eq!(m("今年两校共迎来近100名本科毕业生。")[0].as_deref(), Some("本科毕业生"));
        // A part counted within a group (X中Y) is named with the group.
        assert_eq!(m("城乡低保对象中女性占52.8%。")[0].as_deref(), Some("城乡低保对象中女性"));
        assert_eq!(m("全省就业人员中女性为186.4万人。")[0].as_deref(), Some("就业人员中女性"));
    }

    #[test]
    fn bases_glued_links_time_leftovers_and_ranks_of_a_noun() {
        let m = metrics;
        assert_eq!(m("在现行最高贷款额度的基础上上浮10%。")[0].as_deref(), Some("现行最高贷款额度"));
        assert_eq!(m("南方电网的资产证券化率仅为0.79%。")[0].as_deref(), Some("资产证券化率"));
        assert_eq!(m("经费支出3.3万亿元，与GDP之比达2.64%。")[1].as_deref(), Some("GDP之比"));
        assert_eq!(m("政府投资从745.9亿元增至18877.4亿元，平均年增16.6%。")[2].as_deref(), Some("政府投资"));
        assert_eq!(m("稳居世界第二的经济体量。")[0].as_deref(), Some("经济体量"));
        assert_eq!(m("经济总量跃居世界第二的历史性突破。")[0].as_deref(), Some("经济总量"));
    }

    #[test]
    fn standards_of_a_grant_name_what_is_granted() {
        let m = metrics;
        assert_eq!(m("按每人每月300元的标准给予生活补贴。")[0].as_deref(), Some("生活补贴"));
        assert_eq!(m("按每托位500元的标准发放一次性建设补贴。")[0].as_deref(), Some("建设补贴"));
        assert_eq!(m("按照每个婴幼儿每月2000元的标准定额扣除。")[0].as_deref(), Some("定额扣除"));
        assert_eq!(m("给予家庭每人每年600元的托育机构照护补贴。")[0].as_deref(), Some("托育机构照护补贴"));
        // What the counted did is no part of them.
        assert_eq!(m("有192家企业获得投资。")[0].as_deref(), Some("企业"));
    }

    #[test]
    fn measures_after_verbs_and_thresholds_of_what_qualifies() {
        let m = metrics;
        assert_eq!(m("将研发费用加计扣除比例由75%提高至100%。")[1].as_deref(), Some("研发费用加计扣除比例"));
        assert_eq!(m("对年销售收入首次突破10亿元的企业，一次性奖励100万元。")[0].as_deref(), Some("销售收入"));
        assert_eq!(m("银行账户上已经有20多万的存款。")[0].as_deref(), Some("存款"));
        // 完成投资 is how investment releases name the investment made (`patterns/dict.txt`).
        assert_eq!(m("全市完成投资350亿元。")[0].as_deref(), Some("完成投资"));
    }

    #[test]
    fn listed_counts_share_the_noun_after_the_last() {
        let m = metrics;
        let e = Some("企业债券".to_string());
        assert_eq!(m("取消省会城市、地级市、县级市每年发行2只、1只、1只企业债券。"), [e.clone(), e.clone(), e]);
        // Items of other units are no list of one unit.
        assert_eq!(m("建成2个、3家企业。")[0].as_deref(), None);
    }

    #[test]
    fn a_class_word_after_any_stem_is_what_is_counted() {
        let one = |t: &str| metrics(t).into_iter().next().flatten();
        assert_eq!(
            metrics("按诉求类型分，咨询类402.1万件、求助类98.3万件、投诉举报类87.6万件、意见建议类19.5万件。"),
            [Some("咨询类".into()), Some("求助类".into()), Some("投诉举报类".into()), Some("意见建议类".into())]
        );
        assert_eq!(one("就业类资金2486万元。").as_deref(), Some("就业类资金"));
        // 各类, 两类: a pronoun or a numeral classes nothing (and 各类 is cut as a leading word).
        assert_eq!(one("受理各类案件98.62万件。").as_deref(), Some("案件"));
    }

    #[test]
    fn indicator_names_with_joins_class_suffixes_and_unwritten_shares() {
        let m = |t: &str| claims_of(t, Some("2024-10-18")).into_iter().map(|c| c.metric).collect::<Vec<_>>();
        assert_eq!(m("社会保障和就业支出32877亿元。")[0].as_deref(), Some("社会保障和就业支出"));
        assert_eq!(
            m("食品烟酒类价格同比上涨2.0%，影响CPI上涨约0.59个百分点。"),
            [Some("食品烟酒类价格".to_string()), Some("CPI".to_string())]
        );
        assert_eq!(
            m("一般贸易进出口21.01万亿元，占我国外贸总值的65%。")[1].as_deref(),
            Some("一般贸易进出口占外贸总值比重")
        );
        assert_eq!(m("地方一般公共预算本级收入92722亿元。")[0].as_deref(), Some("地方一般公共预算本级收入"));
    }

    #[test]
    fn month_words_do_not_lead_a_metric() {
        let c = claims_of("4月份进出口3.64万亿元，其中出口额增长8%。", Some("2024-05-09"));
        assert_eq!(c[0].metric.as_deref(), Some("进出口"));
        assert_eq!(c[0].period.as_deref(), Some("2024-04"));
        assert_eq!(c[1].metric.as_deref(), Some("出口额"));
    }

    #[test]
    fn indicator_names_run_through_attributes_and_mistagged_nouns() {
        let metrics =
            |t: &str| claims_of(t, None).into_iter().map(|c| c.metric.unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(metrics("国有控股企业增长5.5%，民营企业增长7.8%。"), ["国有控股企业", "民营企业"]);
        assert_eq!(metrics("工业互联网平台连接设备数突破1亿台。"), ["工业互联网平台连接设备数"]);
        assert_eq!(metrics("实现国内旅游收入1.26万亿元。"), ["国内旅游收入"]);
        assert_eq!(metrics("培育千亿级产业集群15个、百亿级企业50家。"), ["千亿级产业集群", "百亿级企业"]);
        assert_eq!(metrics("其中风电、光伏装机分别为2263万千瓦和6014万千瓦。"), ["风电", "光伏装机"]);
        assert_eq!(metrics("规上工业企业实现营业收入5.82万亿元。"), ["营业收入"]);
        assert_eq!(metrics("规模以上工业增加值年均增长6%以上。"), ["规模以上工业增加值"]);
        // Place-like words open metrics (城镇人口) and are no scope; nor is a one-character place.
        let c = claims_of("其中，城镇人口6590万人。三年内推动1万家以上企业上云用云。", None);
        assert_eq!((c[0].metric.as_deref(), c[0].scope.as_deref()), (Some("城镇人口"), None));
        assert_eq!(c[1].scope, None);
    }

    #[test]
    fn shares_through_de_counted_things_after_the_figure_and_years_measured_against() {
        let c = claims_of("技术改造投资增长10.1%，占制造业投资的比重为41.2%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("技术改造投资占制造业投资比重"));
        let c = claims_of("累计建成421家国家级智能制造示范工厂。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家级智能制造示范工厂"));
        let c = claims_of("入境游客人数恢复到2019年的九成以上。", Some("2025-07-15"));
        assert_eq!((c[0].period.as_deref(), c[0].modality), (None, Modality::Actual));
        let c = claims_of("居民人均可支配收入从2012年的16510元增至2023年的39218元。", None);
        assert_eq!(c[1].period.as_deref(), Some("2023"));
    }

    #[test]
    fn shares_through_verbs_of_content_and_mistagged_nouns() {
        let m = |t: &str| claims_of(t, None).into_iter().map(|c| c.metric.unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(
            m("全省基层医疗卫生机构诊疗人次占总诊疗人次的比例为53.1%。"),
            ["基层医疗卫生机构诊疗人次占总诊疗人次比例"]
        );
        assert_eq!(m("公立医院门诊次均费用276.3元。"), ["公立医院门诊次均费用"]);
        assert_eq!(m("全省共有入海排污口4615个。"), ["入海排污口"]);
        assert_eq!(m("其中省级河湖长12名。"), ["省级河湖长"]);
        // A subject before 是…的N倍 is what the multiple measures; with none, the figure before.
        assert_eq!(m("城镇居民人均可支配收入是农村居民的2.33倍。"), ["城镇居民人均可支配收入"]);
        assert_eq!(m("产量45.6万辆，是去年同期的1.8倍。"), ["产量", "产量"]);
    }

    #[test]
    fn how_a_change_is_measured_is_not_its_metric() {
        let c = claims_of(
            "一般公共预算收入5123.4亿元，同口径增长4.1%。全体居民人均可支配收入26543元，同比名义增长5.3%，扣除价格因素实际增长5.0%。",
            None,
        );
        let m: Vec<&str> = c.iter().map(|c| c.metric.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            m,
            [
                "一般公共预算收入",
                "一般公共预算收入",
                "全体居民人均可支配收入",
                "全体居民人均可支配收入",
                "全体居民人均可支配收入"
            ]
        );
    }

    #[test]
    fn asides_durations_and_shares() {
        let c = claims_of("6月份，制造业采购经理指数（PMI）为50.2%，比上月上升0.4个百分点。", Some("2024-07-18"));
        assert_eq!(c[0].metric.as_deref(), Some("制造业采购经理指数"));
        assert_eq!(c[1].metric.as_deref(), Some("制造业采购经理指数"));
        // How a change is reckoned (按可比口径) names nothing: the metric is inherited.
        let c = claims_of("保险业实现原保险保费收入4.6万亿元，按可比口径同比增长9.7%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("原保险保费收入"));
        // A note with a comma in it is an aside too.
        let c = claims_of("9月末，各项贷款余额（本外币，下同）254.7万亿元，同比增长8.1%。", Some("2024-10-18"));
        assert_eq!(c[0].metric.as_deref(), Some("贷款余额"));
        assert_eq!(c[1].metric.as_deref(), Some("贷款余额"));
        let c = claims_of("全省粮食总产量达到750.6亿斤，连续10年稳定在700亿斤以上。", None);
        assert_eq!(c[2].metric.as_deref(), Some("粮食总产量"));
        let c = claims_of("到2025年，数字经济核心产业增加值占GDP比重达到12%左右。", Some("2024-07-18"));
        assert_eq!(c[0].metric.as_deref(), Some("数字经济核心产业增加值占GDP比重"));
        assert_eq!(c[0].modality, Modality::Target);
        let c = claims_of("城镇新增就业67.3万人，完成年度目标的53.8%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("城镇新增就业"));
        assert_eq!(c[1].modality, Modality::Actual);
    }

    #[test]
    fn bounds_joined_by_ji_and_nouns_the_tagger_takes_for_verbs() {
        // 收入/v before the figure is no verb of content: the figure is of the indicator, not of
        // the group its bound defines.
        let c = claims_of("规模以上工业企业：年主营业务收入2000万元及以上的工业法人单位。", None);
        assert_eq!(c[0].qualifier, Some(crate::model::Qualifier::AtLeast));
        assert_eq!(c[0].metric.as_deref(), Some("主营业务收入"));
        // A bound after the unit makes the figure a threshold: of the name before it, not of
        // the group after it; with nothing named before, of the group.
        let c = claims_of("单户授信1000万元及以下的普惠型小微企业贷款平均期限2.1年。", None);
        assert_eq!(c[0].qualifier, Some(crate::model::Qualifier::AtMost));
        assert_eq!(c[0].metric.as_deref(), Some("单户授信"));
        let c = claims_of("年经营性收入50万元以上的行政村占比达到60%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("经营性收入"));
    }

    #[test]
    fn shares_quotes_and_leading_verbs() {
        let c = claims_of("数字经济核心产业营业收入达到1.2万亿元，占GDP比重为10.2%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("数字经济核心产业营业收入占GDP比重"));
        let c = claims_of("累计培育国家级专精特新“小巨人”企业1200余家。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家级专精特新“小巨人”企业"));
        let c = claims_of("力争培育省级智能工厂300家左右。", None);
        assert_eq!(c[0].metric.as_deref(), Some("省级智能工厂"));
        let c = claims_of("1—4月平均，全国居民消费价格比上年同期上涨0.1%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("居民消费价格"));
    }

    #[test]
    fn a_metric_that_starts_with_zhan_is_not_a_share() {
        let c = claims_of("该项目总投资5亿元，占地面积120亩。", None);
        assert_eq!(c[1].metric.as_deref(), Some("占地面积"));
    }

    #[test]
    fn what_a_multiple_is_of_is_no_metric() {
        let c = claims_of("新能源汽车产量达到45.6万辆，是去年同期的1.8倍。", None);
        assert_eq!(c[1].metric.as_deref(), Some("新能源汽车产量"));
        // Nor is the whole a bound is a part of.
        assert_eq!(metrics("资助资金总额原则上不超过项目总投资的50%。"), [Some("资助资金总额".into())]);
        assert_eq!(
            metrics("特困人员基本生活标准按不低于当地城市低保标准的1.3倍确定。"),
            [Some("特困人员基本生活标准".into())]
        );
    }

    #[test]
    fn verbs_glued_before_the_head_noun_modify_it() {
        assert_eq!(metrics("新开工棚户区改造安置住房1万套。"), [Some("安置住房".to_string())]);
        assert_eq!(metrics("违规领取租赁补贴8960万元。"), [Some("租赁补贴".to_string())]);
        assert_eq!(metrics("开发区亩均税收35万元。"), [Some("开发区亩均税收".to_string())]);
        // Not before a measure word, where the verbs are named whole.
        assert_eq!(metrics("企业研发费用税前加计扣除比例由75%提高到100%。")[0].as_deref(), Some("加计扣除比例"));
    }

    #[test]
    fn a_verb_before_a_measure_word_is_part_of_the_name() {
        let c = claims_of("二手车交易量较2023年增长45%，废旧家电回收量较2023年增长30%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("废旧家电回收量"));
    }

    #[test]
    fn latin_names_and_ranking_words_in_metrics() {
        let c = claims_of("全省R&D经费投入强度达到2.8%左右，工业互联网发展指数排名第5位。", None);
        assert_eq!(c[0].metric.as_deref(), Some("R&D经费投入强度"));
        assert_eq!(c[1].metric.as_deref(), Some("工业互联网发展指数"));
    }

    #[test]
    fn per_head_names_measure_words_and_harvest_changes() {
        let c = claims_of("每万人口高价值发明专利拥有量达到12.8件，每万人拥有5G基站数达到26个。", None);
        assert_eq!(c[0].metric.as_deref(), Some("每万人口高价值发明专利拥有量"));
        assert_eq!(c[1].metric.as_deref(), Some("每万人拥有5G基站数"));
        let c = claims_of("农作物耕种收综合机械化率达到80.5%。早稻产量128.3亿斤，减产0.9%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("综合机械化率"));
        assert_eq!(
            (c[2].kind, c[2].value, c[2].metric.as_deref()),
            (ClaimKind::Change, Decimal::new(-9, 1), Some("早稻产量"))
        );
    }

    #[test]
    fn verbs_after_the_clause_verb_modify_the_indicator() {
        let c =
            claims_of("全省发放稳岗返还资金18.7亿元，累计发放创业担保贷款156.3亿元，企业实现营业收入1.2万亿元。", None);
        let m: Vec<Option<&str>> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("稳岗返还资金"), Some("创业担保贷款"), Some("营业收入")]);
        let c = claims_of("每年滚动推进1000个以上重大项目。", None);
        assert_eq!(c[0].metric.as_deref(), Some("重大项目"), "past the hedge after the unit");
    }

    #[test]
    fn objects_of_the_clause_verb_size_classes_and_negations_stay_whole() {
        let m = metrics("全省组织招聘活动5.8万场，达成就业意向627万人次。");
        assert_eq!(m, [Some("组织招聘活动".into()), Some("就业意向".into())]);
        // A drop_leading verb (累计) is no predicate that opens an object.
        let m = metrics("全市累计实施智能化改造项目6280个。");
        assert_eq!(m[0].as_deref(), Some("智能化改造项目"));
        assert_eq!(metrics("全省新开工亿元以上项目2046个。")[0].as_deref(), Some("新开工亿元以上项目"));
        let m = metrics("总投资5000万元以上项目施工个数1280个。");
        assert_eq!(m.last().cloned().flatten().as_deref(), Some("总投资5000万元以上项目施工个数"));
        // 不合格 is one noun (dict.txt): the verb before it opens the object as 组织 does.
        let m = metrics("全年抽检不合格样品2364批次，不良品率平均降低33.5%。");
        assert_eq!(m, [Some("抽检不合格样品".into()), Some("不良品率".into())]);
    }

    #[test]
    fn names_holding_a_list() {
        let c = claims_of("制造业增长8.6%，电力、热力、燃气及水生产和供应业增长4.9%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("电力、热力、燃气及水生产和供应业"));
        let c = claims_of("已设立海南热带雨林、武夷山首批5个国家公园。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家公园"));
    }

    #[test]
    fn counted_things_after_de_and_class_numerals() {
        let c = claims_of("规划纲要确定的25项主要指标中，19项达到预期。", None);
        assert_eq!(c[0].metric.as_deref(), Some("主要指标"));
        let c = claims_of("打造5个万亿级支柱产业、10个五千亿级优势产业。", None);
        assert_eq!(c[0].metric.as_deref(), Some("万亿级支柱产业"));
        assert_eq!(c[1].metric.as_deref(), Some("五千亿级优势产业"));
        let c = claims_of("粮食总产量438.6亿斤，连续12年稳定在430亿斤以上。", None);
        assert_eq!(c[1].metric.as_deref(), Some("粮食总产量"), "a duration counts nothing after it");
        let c = claims_of("“新三样”产品出口1286亿元。", None);
        assert_eq!(c[0].metric.as_deref(), Some("“新三样”产品出口"));
        let c = claims_of("每年至少需要20多万元的开支。", None);
        assert_eq!(c[0].metric.as_deref(), Some("开支"), "a verb after 的 stands for its act");
        let c = claims_of("实现90%以上的覆盖。", None);
        assert_eq!(c[0].metric.as_deref(), Some("覆盖"));
        let c = claims_of("洪涝灾害共造成98.7万人次受灾，带动3.2万人就业。", None);
        assert_eq!(c[0].metric.as_deref(), Some("受灾"), "a count after a causative verb does what follows it");
        assert_eq!(c[1].metric.as_deref(), Some("就业"));
        // dict.txt: 不合格 is one word, 台风 no place; 批次 is a count unit.
        let c = claims_of("对抽查发现的412批次不合格产品，全部依法处理。", None);
        assert_eq!((c[0].text.as_str(), c[0].metric.as_deref()), ("412批次", Some("不合格产品")));
        let c = claims_of("西北太平洋和南海共生成台风26个。", None);
        assert_eq!(c[0].metric.as_deref(), Some("台风"));
    }

    #[test]
    fn figures_written_as_attributes_measure_the_noun_they_modify() {
        let m = metrics;
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        assert_eq!(m("在甬金高速公路宁波段2.3亿美元的总投资中，持有99.35％的股权。"), some(&["总投资", "股权"]));
        assert_eq!(m("在绕城高速公路36亿元总投资中，吸引其他90％资金入股。"), some(&["总投资", "资金"]));
        // A measure written right before the figure is what it measures.
        assert_eq!(m("设立总规模200亿元的产业基金。"), some(&["总规模"]));
        assert_eq!(m("已远高于负债率90%的国际警戒线。"), some(&["负债率"]));
        // Modifiers after a count, relative clauses ending in 的, a change word inside a name.
        assert_eq!(m("列举出38项相关法律、42种退休制度和6部高速电梯。"), some(&["相关法律", "退休制度", "高速电梯"]));
        assert_eq!(m("全国有59个开通城轨交通运营线路的城市。"), some(&["城市"]));
        assert_eq!(m("力争实现7%左右的经济增长目标。"), some(&["经济增长目标"]));
        // Linking words are no metric, whatever their tag; marks a figure is set against neither.
        assert_eq!(m("证券交易印花税月均同比增长高达314.2%。"), some(&["证券交易印花税"]));
        assert_eq!(m("国内生产总值突破百万亿元大关。")[0].as_deref(), Some("国内生产总值"));
    }

    #[test]
    fn small_chinese_counts_of_things_are_figures_and_numbered_slogans_are_not() {
        let texts = |t: &str| claims_of(t, None).into_iter().map(|c| (c.text, c.metric)).collect::<Vec<_>>();
        let got = texts("上海转让了三座黄浦江桥，配备三部高速电梯，杭州的两家数据公司被查，公布了十起典型案例。");
        let want = [("三座", "黄浦江桥"), ("三部", "高速电梯"), ("两家", "数据公司"), ("十起", "典型案例")];
        assert_eq!(got, want.map(|(t, m)| (t.to_string(), Some(m.to_string()))));
        for rhetoric in [
            "坚持两个确保，做好三个转变。",
            "从三个方面推进，记住八个字。",
            "牢记“两个确立”，实施十大工程。",
            "学习党的二十大精神，优化三次产业结构。",
            "五家子村和八家户村。",
            "第二次会议，每两个月一次，两位数增长。",
        ] {
            assert_eq!(texts(rhetoric), vec![], "{rhetoric}");
        }
    }

    #[test]
    fn a_figure_after_a_verb_of_content_measures_the_act() {
        let m = metrics;
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        assert_eq!(m("平台获利10.79亿元。"), some(&["平台获利"]));
        assert_eq!(m("美联储连续加息十次。"), some(&["加息"]));
        assert_eq!(m("习近平总书记先后5次考察。"), some(&["考察"]));
        assert_eq!(m("全省生猪出栏2615.3万头。"), some(&["生猪出栏"]));
        // Linking and conversion verbs and nouns the tagger calls verbs are no act.
        assert_eq!(m("增加主营业务收入约3400万元。"), some(&["主营业务收入"]));
        assert_eq!(m("每万人拥有5G基站数达27.6个。"), some(&["每万人拥有5G基站"]));
        assert_eq!(m("科学家数量增至1169人次。"), some(&["科学家数量"]));
    }

    #[test]
    fn bare_large_numbers_before_money_are_yuan_and_before_people_counts() {
        let c = claims_of("超过6万亿的资产将要上市，完成30万黄河滩区居民迁建。", None);
        assert_eq!(c[0].unit.as_deref(), Some("CNY"));
        assert_eq!(c[0].metric.as_deref(), Some("资产"));
        assert_eq!(c[1].unit.as_deref(), Some("count"));
        assert_eq!(c[1].metric.as_deref(), Some("黄河滩区居民"));
    }

    #[test]
    fn a_from_to_change_is_named_before_its_from() {
        let m = metrics;
        let named = |v: &str| Some(v.to_string());
        assert_eq!(
            m("个人所得税起征点从改革开放之初的800元提高到目前的5000元。"),
            [named("个人所得税起征点"), named("个人所得税起征点")]
        );
        assert_eq!(m("粮食产量从6000万吨增加到6500万吨。"), [named("粮食产量"), named("粮食产量")]);
        assert_eq!(m("受教育程度从文盲率高达80%到减少至2.67%。")[0], named("文盲率"));
        assert_eq!(m("企业所得税税率由10％调整为30％。"), [named("企业所得税税率"), named("企业所得税税率")]);
        // 由 opening an agent, not the start of a change, leaves the name where it is.
        assert_eq!(m("由政府投资100亿元建设。")[0], named("政府投资"));
    }

    #[test]
    fn weak_names_take_their_verb_and_manner_adjuncts_are_left_out() {
        let m = metrics;
        let named = |v: &str| Some(v.to_string());
        // 规模 or 人次 alone names nothing: the verb before it is part of the name.
        assert_eq!(m("全年地方政府债券发行规模达到了4.2万亿元。")[0], named("地方政府债券发行规模"));
        assert_eq!(m("每年招生规模在2000人左右。")[0], named("招生规模"));
        assert_eq!(m("全市总诊疗人次达1.3亿人次。")[0], named("总诊疗人次"));
        // How a figure is reckoned is no name; the clause's figure takes the previous one's.
        let c = m("全省人均地区生产总值81000元，按年平均汇率折算达1.2万美元。");
        assert_eq!(c, [named("人均地区生产总值"), named("人均地区生产总值")]);
    }

    #[test]
    fn counted_names_run_through_modifying_verbs_and_joined_nouns() {
        let m = metrics;
        let one = |t: &str| m(t).into_iter().next().flatten();
        assert_eq!(one("政策覆盖全部83个重点帮扶县。").as_deref(), Some("重点帮扶县"));
        assert!(one("全省200余种珍稀濒危野生动植物种群得到恢复。").is_some_and(|m| m.contains("野生动植物")));
        assert_eq!(one("产品出口到120多个国家和地区。").as_deref(), Some("国家和地区"));
        // A second count after 和 is its own figure.
        assert_eq!(m("新建5个产业园和3个孵化器。")[1].as_deref(), Some("孵化器"));
        // A verb after the counted noun is what the things did.
        assert_eq!(one("全省15家企业入选国家级绿色工厂。").as_deref(), Some("企业"));
        assert_eq!(one("将42种补贴制度合并成一个。").as_deref(), Some("补贴制度"));
    }

    #[test]
    fn a_rank_among_the_largest_ranks_the_things_named_after_it() {
        let one = |t: &str| claims_of(t, None).into_iter().next().and_then(|c| c.metric);
        assert_eq!(one("本省已成为全国第三大汽车产地。").as_deref(), Some("汽车产地"));
        assert_eq!(one("中国是该国全球第二大贸易伙伴。").as_deref(), Some("贸易伙伴"));
    }

    #[test]
    fn a_record_counted_since_a_year_ranks_the_figure_before_it() {
        let c = claims_of("全国平均气温10.85℃，较常年偏高0.93℃，为1961年有完整气象观测记录以来第二高。", None);
        assert_eq!(c[2].metric.as_deref(), Some("平均气温"));
    }

    #[test]
    fn a_rank_after_a_ranking_verb_is_of_what_stands_before_the_verb_and_superlatives_rank() {
        let c = claims_of("全省技术合同成交额居西部省份第3位。", None);
        assert_eq!(c[0].metric.as_deref(), Some("技术合同成交额"));
        let c = claims_of("全市年平均气温17.5℃，较常年偏高0.9℃，为1961年以来第2高。冬季偏低0.6℃。", Some("2025-01-14"));
        let got: Vec<(&str, ClaimKind, String)> =
            c.iter().map(|c| (c.text.as_str(), c.kind, c.value.to_string())).collect();
        assert_eq!(got[2], ("第2高", ClaimKind::Rank, "2".to_string()));
        assert_eq!(c[2].period, None, "1961年以来 starts the record");
        assert_eq!((got[1].1, got[3].1, got[3].2.as_str()), (ClaimKind::Change, ClaimKind::Change, "-0.6"));
    }

    #[test]
    fn rates_reckoned_into_a_sum_and_per_period_equivalents() {
        let m = metrics;
        assert_eq!(m("企业取得的收入，减按70%计入收入总额。")[0].as_deref(), Some("收入总额"));
        // 按季 restates the figure before it per quarter: the same name.
        let c = m("对月销售额10万元以下（按季30万元以下）的纳税人免征增值税。");
        assert_eq!(c[1], c[0]);
    }

    #[test]
    fn a_bare_measure_after_its_owner_and_verb_is_the_owners() {
        let one = |t: &str| claims_of(t, None).into_iter().next().and_then(|c| c.metric);
        assert_eq!(one("高技术制造业实现营收52.3亿元。").as_deref(), Some("高技术制造业营收"));
        // 完成投资 is one word, the name as written (its indicator drops the verb:
        // `norm.investment_made`).
        let c = claims_of("高技术制造业完成投资52.3亿元。", None);
        assert_eq!(c[0].metric.as_deref(), Some("高技术制造业完成投资"));
        assert_eq!(one("规模以上工业企业实现利润1200亿元。").as_deref(), Some("规模以上工业企业利润"));
        // A place or scope before the verb is no owner.
        assert_eq!(one("全市实现利润500亿元。").as_deref(), Some("利润"));
    }

    #[test]
    fn heads_that_need_their_verb_averages_and_comparisons_with_a_reference() {
        let all = |t: &str| claims_of(t, None).into_iter().map(|c| c.metric).collect::<Vec<_>>();
        // 户数, 比率, 能力 need what they count: the verb before them is part of the name.
        assert_eq!(all("普惠小微授信户数112.6万户。")[0].as_deref(), Some("普惠小微授信户数"));
        assert_eq!(all("危险废物利用处置能力达到1450万吨/年。")[0].as_deref(), Some("危险废物利用处置能力"));
        // 日均 alone names nothing: the figure is the daily average of what the clause before
        // counted.
        let m = all("全省铁路累计发送旅客1284.6万人次，日均160.6万人次。");
        assert_eq!(m[1].as_deref(), Some("日均旅客"));
        // 同比多增 is a change of the balance; 高出全国平均水平 names a reference.
        let c = claims_of("全省存款余额6.78万亿元，同比多增218.7亿元，同比少增12亿元。", None);
        assert_eq!(c[1].metric.as_deref(), Some("存款余额"));
        assert!(c[2].value.is_sign_negative(), "{:?}", c[2].value);
        let m = all("综合机械化率达到89.5%，高出全国平均水平17.5个百分点。");
        assert_eq!(m[1].as_deref(), Some("综合机械化率"));
        // A grade written with a Latin letter stays in the counted name.
        assert_eq!(all("全省共有15家5A级旅游景区。")[0].as_deref(), Some("5A级旅游景区"));
    }

    #[test]
    fn an_indicator_name_keeps_a_leading_word_that_is_otherwise_dropped() {
        let c = claims_of("西安新建商品住宅销售价格同比上涨5.1%，新建学校3所。", Some("2023-10-19"));
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("新建商品住宅销售价格"), Some("学校")]);
    }

    #[test]
    fn a_place_after_a_partner_marker_stays_in_the_metric_and_is_no_scope() {
        let c = claims_of("江苏对美国进出口6725.8亿元，增长2.1%。", None);
        let m: Vec<_> = c.iter().map(|c| (c.metric.as_deref(), c.scope.as_deref())).collect();
        assert_eq!(m, [(Some("美国进出口"), Some("江苏")), (Some("美国进出口"), Some("江苏"))]);
        let c = claims_of("美国进出口6725.8亿元。", None);
        assert_eq!((c[0].metric.as_deref(), c[0].scope.as_deref()), (Some("进出口"), Some("美国")));
    }

    #[test]
    fn investment_made_and_planned_keep_their_verbs() {
        let c = claims_of("重大项目完成投资985.7亿元，计划总投资8635.4亿元；支出进度77.9%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("重大项目完成投资"), Some("计划总投资"), Some("支出进度")]);
    }

    #[test]
    fn a_bound_on_a_level_and_a_grade_numeral_are_part_of_the_name() {
        let m = metrics("全市共有14个省级以上开发区。全国339个地级及以上城市全面建立协调机制。");
        assert_eq!(m, [Some("省级以上开发区".to_string()), Some("地级及以上城市".to_string())]);
        // What is said of the graded things is no part of the name that counts them.
        let m = metrics("全省90个县级以上城市PM2.5平均浓度为24.8微克/立方米。");
        assert_eq!(m[0].as_deref(), Some("县级以上城市"));
        let m = metrics("9月末，核心一级资本充足率为10.97%。全市有三级医院20家。");
        assert_eq!(m, [Some("核心一级资本充足率".to_string()), Some("三级医院".to_string())]);
    }

    #[test]
    fn a_verb_after_qizhong_opens_the_name_unless_it_links_the_figure() {
        let c = claims_of("吸纳就业1860人，其中脱贫人口740人。下拨资金8600万元，其中用于灾害救助3200万元。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m[1], Some("脱贫人口"));
        assert_eq!(m[3], Some("灾害救助"));
    }
    #[test]
    fn a_kind_glued_after_the_verb_age_bands_and_a_measure_named_in_brackets() {
        // An attribute right after the clause's verb (or 新) names a kind; the verb does not.
        let m = metrics("全省法院审结破产案件2684件。今年新签约项目486个。机场增开查验通道32条。");
        assert_eq!(m, [Some("破产案件".to_string()), Some("签约项目".to_string()), Some("查验通道".to_string())]);
        // After an adverb the attribute is the verb of the clause (共投入 stays out).
        let m = metrics("全社会共投入研究与试验发展经费3.08万亿元。");
        assert_eq!(m[0].as_deref(), Some("研究与试验发展经费"));
        // An age band names the group.
        let m = metrics("0—14岁人口为156.69万人，60岁及以上人口为106.44万人，15至59周岁人口为698万人。");
        let want = ["0—14岁人口", "60岁及以上人口", "15至59周岁人口"];
        assert_eq!(m, want.map(|w| Some(w.to_string())));
        // A measure's own name in brackets before its link; an explanation in brackets is none.
        let m = metrics("城镇人口占常住人口比重（城镇化率）为95.07%。R&D经费投入强度（与营业收入之比）为1.41%。");
        assert_eq!(m, [Some("城镇化率".to_string()), Some("R&D经费投入强度".to_string())]);
        // Census terms are one word each (patterns/dict.txt).
        let m = metrics("平均受教育年限为11.28年，家庭户人口为868.35万人，少儿抚养比为21.38%，人口自然增长率为5.68‰。");
        let want = ["平均受教育年限", "家庭户人口", "少儿抚养比", "人口自然增长率"];
        assert_eq!(m, want.map(|w| Some(w.to_string())));
    }

    #[test]
    fn a_share_word_alone_after_de_is_the_share_of_what_the_words_before_say() {
        let m = metrics("全省公民具备科学素质的比例达到15.12%。通过电视获取的比例降至62.4%。");
        assert_eq!(m, [Some("公民具备科学素质比例".to_string()), Some("电视获取比例".to_string())]);
        let m = metrics("购买新能源乘用车的占比为62.3%。");
        assert_eq!(m[0].as_deref(), Some("购买新能源乘用车占比"));
        // Not what 占 names (the owner stands before it), nor a phrase cut at a place.
        let m = metrics("夜间消费占全天消费的比重为38.6%。");
        assert_ne!(m[0].as_deref(), Some("消费比重"));
        let m = metrics("来自粤东粤西粤北地区的占比超过七成。");
        assert_ne!(m[0].as_deref(), Some("地区占比"));
        // A head of `[metric] de_heads` alone after 的 likewise (拥有 is a leading verb dropped).
        let m = metrics("拥有大学文化程度的人口为187.45万人。");
        assert_eq!(m[0].as_deref(), Some("大学文化程度人口"));
    }

    #[test]
    fn an_age_band_before_the_figure_and_the_registrations_done() {
        let m = metrics("全市户籍人口中，0—17周岁63.12万人；60周岁及以上98.27万人。");
        assert_eq!(m, [Some("0—17周岁".to_string()), Some("60周岁及以上".to_string())]);
        // 办理 predicates what is registered (patterns/dict.txt: 出生登记), unless it names a time.
        let m = metrics("全年全市共办理出生登记2.41万人。审批办理时限压缩至3个工作日。");
        assert_eq!(m, [Some("出生登记".to_string()), Some("审批办理时限".to_string())]);
    }

    #[test]
    fn the_side_of_a_boundary_a_flow_crosses_belongs_to_the_act() {
        let m = metrics("全年迁入2.41万人，其中省外迁入1.34万人。境外输入病例12例。");
        assert_eq!(m[..2], [Some("迁入".to_string()), Some("省外迁入".to_string())]);
    }

    #[test]
    fn the_unit_of_another_number_opens_no_name() {
        let m = metrics("全市设立24小时自助签注服务区9个。全省8条主要河流水质优良比例为95%。");
        assert_eq!(m[0].as_deref(), Some("自助签注服务区"));
        assert_eq!(m[2].as_deref(), Some("主要河流水质优良比例"));
        // Exit-entry documents are nouns (patterns/dict.txt), 签注 among them.
        let m = metrics("往来港澳通行证及签注17.52万本（件）。");
        assert_eq!(m, [Some("往来港澳通行证及签注".to_string())]);
    }

    #[test]
    fn the_rows_of_a_disclosure_report_name_what_they_count() {
        // patterns/dict.txt: the national template's rows (予以公开, 不予处理 …) are nouns.
        let m = metrics(
            "从申请方式看，当面申请43件，网上申请121件。予以公开61件，部分公开17件，不予公开9件，不予处理24件。",
        );
        let want = ["当面申请", "网上申请", "予以公开", "部分公开", "不予公开", "不予处理"];
        assert_eq!(m, want.map(|w| Some(w.to_string())));
    }
}
