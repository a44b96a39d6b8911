//! What a number literal says by itself and with the words right around it: its value,
//! unit and surface unit, range, special shapes (百分之, 分之, 第N, 翻番, ratios, word
//! figures such as 对折), the hedge written on it (qualifier) and the change it states (sign,
//! basis, named reference). Evidence: the characters of the figure and of its clause before
//! it, and the unit, hedge, change and baseline vocabularies of `patterns/`.
//!
//! It does not decide what the figure measures, where or when: that is [`super::metric`],
//! [`super::scope`] and [`super::period`].

use super::super::numbers::{self, Literal};
use super::super::rules::{BaseClass, ClaimRules, Unit};
use super::super::Folded;
use super::clause::clause_start;
use super::clause::is_clause_break;
use super::nonclaims::mask_of;
use crate::model::Qualifier;
use crate::model::{Basis, Change, ClaimKind, Span};
use rust_decimal::Decimal;

/// A number with its unit as read from running text, before any claim filtering.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Character span.
    pub span: Span,
    /// Normalized value (percent as written, money in whole units).
    pub value: Decimal,
    /// Unit code.
    pub unit: Option<String>,
    /// Kind the unit implies.
    pub kind: ClaimKind,
}

/// The quantity a figure reads as.
pub(super) fn quantity(rules: &ClaimRules, f: Figure) -> Quantity {
    Quantity {
        span: [f.start, f.end],
        value: f.value.normalize(),
        unit: f.unit.map(|u| rules.units[u].code.clone()),
        kind: f.kind_override.or(f.unit.map(|u| rules.units[u].kind)).unwrap_or(ClaimKind::Index),
    }
}

/// A word that is a figure by itself (对折, 百分之百) at `i`.
pub(super) fn word_figure_at(rules: &ClaimRules, s: &[char], i: usize) -> Option<Figure> {
    if !rules.word_figure_starts.contains(s.get(i)?) {
        return None;
    }
    let (len, (value, idx, after)) = rules.word_figures.at(s, i)?;
    // 位居金牌榜首位: the word that overlaps this one's end and runs past it is the figure.
    if len > 1 && rules.word_figures.at(s, i + len - 1).is_some_and(|(l, _)| l > 1) {
        return None;
    }
    // 居中部六省首位, 总量居全区14个设区市首位: a rank word placed by a ranking verb earlier in
    // its clause, past the domain it ranks in.
    let ranked = || {
        let from = (i.saturating_sub(12)..i)
            .rev()
            .find(|&k| matches!(s[k], '，' | '。' | '；' | '、' | '\n'))
            .map_or(i.saturating_sub(12), |k| k + 1);
        rules.units[idx].code == "rank" && rules.rank_verbs.any_in(s, from, i)
    };
    if !after.is_empty() && after.ending_at(s, i).is_none() && !ranked() {
        return None;
    }
    if !may_follow(&rules.units[idx], s, i + len) {
        return None;
    }
    Some(Figure {
        start: i,
        end: i + len,
        value,
        unit: Some(idx),
        surface_unit: Some(s[i..i + len].iter().collect()),
        kind_override: None,
        range: None,
        rule: "word_figure".into(),
        over: false,
        approx: false,
    })
}

/// Reads every number with its unit (the number/unit layer without the claim filters):
/// numbers inside URLs (the `nonclaim.url` rule) are left out.
pub fn scan_quantities(rules: &ClaimRules, text: &str) -> Vec<Quantity> {
    let folded = Folded::new(text);
    let excluded = mask_of(rules, |r| r.id == "nonclaim.url", &folded);
    let s = folded.chars;
    let mut out = Vec::new();
    let mut words = (0..s.len()).filter_map(|i| word_figure_at(rules, &s, i)).peekable();
    for lit in numbers::find_literals(text) {
        while let Some(w) = words.next_if(|w| w.start < lit.start) {
            if !out.last().is_some_and(|q: &Quantity| q.span[1] > w.start) {
                out.push(quantity(rules, w));
            }
        }
        if out.last().is_some_and(|q: &Quantity| q.span[1] > lit.start)
            || excluded[lit.start..lit.end].iter().any(|x| *x)
        {
            continue;
        }
        let q = match figure(rules, &s, &lit) {
            Some(f) => quantity(rules, f),
            None => Quantity {
                span: [lit.start, lit.end],
                value: lit.value.normalize(),
                unit: None,
                kind: ClaimKind::Index,
            },
        };
        out.push(q);
    }
    for w in words {
        if !out.last().is_some_and(|q: &Quantity| q.span[1] > w.start) {
            out.push(quantity(rules, w));
        }
    }
    out
}

/// A currency named without an amount (人民币, 美元 in 以人民币和美元计价).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyName {
    /// Character span.
    pub span: Span,
    /// Currency code (CNY, USD …).
    pub code: String,
}

/// Currencies named in running text outside any amount: the money units' words of two or
/// more characters (a lone 元 is 元旦, 单元, 公元) that no quantity of [`scan_quantities`]
/// covers.
pub fn scan_currency_names(rules: &ClaimRules, text: &str) -> Vec<CurrencyName> {
    let quantities = scan_quantities(rules, text);
    let s: Vec<char> = numbers::fold(text);
    let mut covered = vec![false; s.len()];
    for q in &quantities {
        covered[q.span[0]..q.span[1].min(s.len())].iter_mut().for_each(|x| *x = true);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match rules.unit_words.at(&s, i) {
            Some((len, u))
                if len >= 2 && rules.units[u].kind == ClaimKind::Amount && !covered[i..i + len].iter().any(|x| *x) =>
            {
                out.push(CurrencyName { span: [i, i + len], code: rules.units[u].code.clone() });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

/// The unit right after a literal, if any: (unit index, end of unit word).
pub(super) fn unit_after(rules: &ClaimRules, s: &[char], at: usize) -> Option<(usize, usize)> {
    let mut j = at;
    while j < s.len() && matches!(s[j], ' ' | '\u{3000}') {
        j += 1;
    }
    let (len, idx) = rules.unit_words.at_spaced(s, j)?;
    let unit = &rules.units[idx];
    if unit.fraction_only {
        let digits = s[..at].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let point = at.checked_sub(digits + 1).filter(|&k| digits > 0 && s[k] == '.');
        if !point.is_some_and(|k| k > 0 && s[k - 1].is_ascii_digit()) {
            return None;
        }
    }
    may_follow(unit, s, j + len).then_some((idx, j + len))
}

/// Whether what follows a unit word ending at `end` lets it be the unit (`requires_after`:
/// 一成不变 and 半成品 are no 成).
pub(super) fn may_follow(unit: &Unit, s: &[char], end: usize) -> bool {
    unit.requires_after
        .as_ref()
        .map_or(true, |re| re.is_match(&s[end..(end + 6).min(s.len())].iter().collect::<String>()))
}

/// Everything decided about one figure before it becomes a [`Claim`].
pub(super) struct Figure {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Decimal,
    pub(super) unit: Option<usize>,
    pub(super) surface_unit: Option<String>,
    pub(super) kind_override: Option<ClaimKind>,
    pub(super) range: Option<[Decimal; 2]>,
    pub(super) rule: String,
    pub(super) over: bool,
    pub(super) approx: bool,
}

/// Literal + unit + special shapes (百分之, 分之, 第N, 翻番, ranges, ratios) → figure.
pub(super) fn figure(rules: &ClaimRules, s: &[char], lit: &Literal) -> Option<Figure> {
    // 384千瓦时, 500千瓦, 50千克: a 千 after digits that opens a unit word is the unit's.
    let unit_thousand = lit.end >= 2
        && s[lit.end - 1] == '千'
        && s[lit.end - 2].is_ascii_digit()
        && rules.unit_words.at(s, lit.end - 1).is_some_and(|(l, _)| l >= 2);
    let split;
    let lit = if unit_thousand {
        let value = lit.value.checked_div(Decimal::ONE_THOUSAND)?;
        split = Literal { end: lit.end - 1, value, scale: String::new(), ..lit.clone() };
        &split
    } else {
        lit
    };
    let starts_with = |at: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        s.get(at..at + w.len()).is_some_and(|x| x == w.as_slice())
    };
    let ends_with = |end: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        end >= w.len() && s[end - w.len()..end] == *w.as_slice()
    };
    let hundred = Decimal::ONE_HUNDRED;
    // 百分之十五点五, 千分之三, 万分之五, 百万分之五, 万万分之七 (spaces allowed: 百 分 之 2.4).
    if let Some((start, denominator)) = per_prefix(s, lit.start) {
        let surface: String = s[start..lit.start].iter().filter(|c| !matches!(c, ' ' | '\u{3000}')).collect();
        return Some(Figure {
            start,
            end: lit.end,
            value: lit.value.checked_mul(hundred)?.checked_div(denominator)?,
            unit: unit_index(rules, "%"),
            surface_unit: Some(surface),
            kind_override: Some(ClaimKind::Percent),
            range: None,
            rule: "percent.chinese".into(),
            over: lit.over,
            approx: lit.approx,
        });
    }
    // 五分之一 → 20 %; both parts whole numbers (五百分之2.2 is no fraction).
    if starts_with(lit.end, "分之") {
        if let Some(Ok(num)) = numbers::literal_at(s, lit.end + 2) {
            if !lit.value.is_zero() && lit.value.fract().is_zero() && num.value.fract().is_zero() {
                let v = num.value.checked_mul(hundred)?.checked_div(lit.value)?;
                return Some(Figure {
                    start: lit.start,
                    end: num.end,
                    value: v.round_sf(8).unwrap_or(v),
                    unit: unit_index(rules, "%"),
                    surface_unit: Some("分之".into()),
                    kind_override: Some(ClaimKind::Percent),
                    range: None,
                    rule: "percent.fraction".into(),
                    over: false,
                    approx: false,
                });
            }
        }
        return None;
    }
    // 第N: a rank after a rank cue, otherwise an ordinal (never a claim).
    if lit.start > 0 && s[lit.start - 1] == '第' {
        if rules.ordinal_after.at(s, lit.end).is_some() {
            return None;
        }
        // A cue a few characters before, in the same clause (further for 第N位/名: 居15个副省级
        // 城市第9位); a superlative after 第N needs none (为1961年以来第2高).
        let placed = matches!(s.get(lit.end), Some('位' | '名'));
        let reach = if placed { 16 } else { 7 };
        let from = (lit.start.saturating_sub(reach)..lit.start)
            .rev()
            .find(|&k| matches!(s[k], '，' | '。' | '；' | '\n'))
            .map_or(lit.start.saturating_sub(reach), |k| k + 1);
        if !rules.rank_cues.any_in(s, from, lit.start - 1) && rules.rank_superlatives.at(s, lit.end).is_none() {
            return None;
        }
        let mut end = lit.end;
        if placed {
            end += 1;
        } else if let Some((len, ())) = rules.rank_superlatives.at(s, end) {
            end += len;
        }
        return Some(Figure {
            start: lit.start - 1,
            end,
            value: lit.value,
            unit: unit_index(rules, "rank"),
            surface_unit: None,
            kind_override: Some(ClaimKind::Rank),
            range: None,
            rule: "rank.ordinal".into(),
            over: false,
            approx: false,
        });
    }
    // 翻一番 / 翻了两番 → ×2, ×4.
    if s.get(lit.end) == Some(&'番') && (ends_with(lit.start, "翻") || ends_with(lit.start, "翻了")) {
        let n = u32::try_from(lit.value.trunc().mantissa()).ok().filter(|n| *n <= 10)?;
        let start = lit.start - if ends_with(lit.start, "翻了") { 2 } else { 1 };
        return Some(Figure {
            start,
            end: lit.end + 1,
            value: Decimal::from(2u64.pow(n)),
            unit: unit_index(rules, "times"),
            surface_unit: Some("番".into()),
            kind_override: Some(ClaimKind::Multiple),
            range: None,
            rule: "multiple.fanfan".into(),
            over: false,
            approx: false,
        });
    }
    // Ratio 1.5:1.
    if s.get(lit.end) == Some(&':') && lit.arabic {
        if let Some(Ok(rhs)) = numbers::literal_at(s, lit.end + 1) {
            if rhs.arabic && !rhs.value.is_zero() {
                return Some(Figure {
                    start: lit.start,
                    end: rhs.end,
                    value: lit.value.checked_div(rhs.value)?.round_dp(6),
                    unit: None,
                    surface_unit: None,
                    kind_override: Some(ClaimKind::Ratio),
                    range: None,
                    rule: "ratio.colon".into(),
                    over: false,
                    approx: false,
                });
            }
        }
    }
    measured(rules, s, lit)
}

/// A literal with what follows it: its unit word (or a currency symbol before it), a range,
/// a unit written once at the end of a list, a written minus sign and a unit tail.
fn measured(rules: &ClaimRules, s: &[char], lit: &Literal) -> Option<Figure> {
    let mut unit = unit_after(rules, s, lit.end);
    // 1800多万新市民, 3800多万困难群众: people counted in ten-thousands without a classifier
    // (`[counted_people]`, right after the number or after a short modifier).
    if unit.is_none() && !lit.scale.is_empty() {
        let reach = (lit.end..(lit.end + 6).min(s.len())).take_while(|&k| crate::clean::is_han(s[k])).last();
        if reach.is_some_and(|r| rules.counted_people.any_in(s, lit.end, r + 1)) {
            unit = unit_index(rules, "count").map(|u| (u, lit.end));
        }
        // 注册用户突破9500万, 视力残疾人3.2万: or right before it, past a linking word or a hedge;
        // not a bound that defines a class (城区常住人口300万以上的城市).
        let people_before = |end: usize| rules.counted_people.ending_at(s, end).is_some();
        let linked = (lit.start.saturating_sub(3)..lit.start).any(|k| {
            let gap = &s[k..lit.start];
            people_before(k) && (rules.metric_not_modifiers.holds(gap) || rules.qual_prefix.holds(gap))
        });
        let class_bound = rules.qual_suffix.at(s, lit.end).is_some_and(|(l, _)| s.get(lit.end + l) == Some(&'的'));
        if unit.is_none() && !class_bound && (people_before(lit.start) || linked) {
            unit = unit_index(rules, "count").map(|u| (u, lit.end));
        }
    }
    // 7 2 折, 九 九 折 (spaced out in text taken from PDFs): two single digits before a
    // unit that reads two digits on their own (七二折 = 72 %).
    let mut lit = lit.clone();
    if unit.is_none() && lit.end == lit.start + 1 && lit.value < Decimal::TEN {
        let k = unit_word_start(s, lit.end, s.len());
        let second = (k > lit.end && k < s.len()).then(|| numbers::literal_at(s, k)).flatten();
        if let Some(Ok(b)) = second.filter(|b| matches!(b, Ok(b) if b.end == k + 1 && b.arabic == lit.arabic)) {
            let after = unit_after(rules, s, b.end).filter(|u| rules.units[u.0].two_digit_factor.is_some());
            if let (Some(u), Some(v)) =
                (after, lit.value.checked_mul(Decimal::TEN).and_then(|v| v.checked_add(b.value)))
            {
                unit = Some(u);
                lit = Literal { end: b.end, value: v, ..lit };
            }
        }
    }
    let lit = &lit;
    // ￥300, $20: a currency symbol before the number, when no unit word follows.
    let mut start = lit.start;
    if unit.is_none() {
        if let Some((len, idx)) = rules.currency_prefix.ending_at(s, lit.start) {
            unit = Some((idx, lit.end));
            start = lit.start - len;
        }
    }
    let (range, anchor, mut end) = read_range(rules, s, lit, &mut unit)?;
    let shared_unit = list_unit(rules, s, lit, &mut unit, range.is_some());
    let u: Option<&Unit> = unit.map(|u| &rules.units[u.0]);
    // 两个多月, 3个多小时: more than the number of them.
    let over_unit = unit.is_some_and(|(_, e)| s[lit.end..e.min(s.len())].contains(&'多'));
    // Small Chinese numerals before classifiers are rhetoric (三个方面, 两项制度) unless they
    // count concrete things (三座桥, 两家公司): `small_count`, with the words checked later.
    if lit.chinese && !lit.arabic {
        let ok = match u {
            Some(u) if u.arabic_only => false,
            Some(_) if over_unit => true,
            Some(u) => u.chinese_ok || lit.value >= Decimal::TEN || small_count(rules, s, lit, unit.map(|u| u.1)),
            None => false,
        };
        if !ok {
            return None;
        }
    }
    // -22.2%, 增长-2.1%, 负3.9%: a written minus sign belongs to the figure.
    let mut negative = false;
    if range.is_none() && start == lit.start {
        let with_sign = numbers::signed(s, lit.clone());
        if with_sign.start < lit.start {
            negative = true;
            start = with_sign.start;
        }
    }
    let two_digits = lit.value.fract().is_zero() && lit.value >= Decimal::TEN && lit.value < Decimal::ONE_HUNDRED;
    if two_digits && u.is_some_and(|u| u.two_digit_factor.is_some()) && (lit.value % Decimal::TEN).is_zero() {
        return None; // 十折, 20折: no such discount
    }
    let factor = match u {
        Some(Unit { two_digit_factor: Some(f), .. }) if two_digits => *f,
        Some(u) => u.factor,
        None => Decimal::ONE,
    };
    let surface_unit = surface_unit(s, lit, unit, shared_unit, start, anchor, range.is_some());
    let mut value = lit.value.checked_mul(factor)?;
    if let (Some((idx, _)), None) = (unit, range) {
        let (extra, e) = unit_tail(&rules.units[idx], s, lit, end);
        value = value.checked_add(extra)?;
        end = e;
    }
    let value = if negative { -value } else { value };
    let range = match range {
        Some([a, b]) => Some([a.checked_mul(factor)?, b.checked_mul(factor)?]),
        None => None,
    };
    Some(Figure {
        start,
        end,
        value: range.map(|r| r[0]).unwrap_or(value),
        unit: unit.map(|u| u.0),
        surface_unit,
        kind_override: None,
        range,
        rule: u.map(|u| u.id.clone()).unwrap_or_else(|| "index.bare".into()),
        over: lit.over || over_unit,
        approx: lit.approx,
    })
}

/// The range a literal opens (10%-15%, 3至5年, 20~100家, 二三十家): the range, where the unit
/// word after its high end starts looking (`anchor`) and where the figure ends; `unit` becomes
/// the high end's. `None` when the low end overflows.
fn read_range(
    rules: &ClaimRules,
    s: &[char],
    lit: &Literal,
    unit: &mut Option<(usize, usize)>,
) -> Option<(Option<[Decimal; 2]>, usize, usize)> {
    let mut unit_now = *unit;
    // Range: 10%-15%, 3至5年, 20~100家.
    let mut range = None;
    let mut anchor = lit.end;
    let mut end = unit_now.map(|u| u.1).unwrap_or(lit.end);
    if let Some(sep) = s.get(end).copied().filter(|c| matches!(c, '-' | '~' | '至' | '到')) {
        if let Some(Ok(hi)) = numbers::literal_at(s, end + 1) {
            let hi_unit = unit_after(rules, s, hi.end);
            let compatible = match (unit_now, hi_unit) {
                (Some(a), Some(b)) => a.0 == b.0,
                (None, Some(_)) => true,
                _ => false,
            };
            let same_script = hi.arabic == lit.arabic;
            if compatible && same_script && (sep != '-' || lit.arabic) {
                let scale_lo = if lit.scale.is_empty() && !hi.scale.is_empty() {
                    // 3-5万: the scale of the high end applies to both.
                    scale_value(&hi.scale)
                } else {
                    Decimal::ONE
                };
                let lo = lit.value.checked_mul(scale_lo)?;
                range = Some([lo, hi.value]);
                anchor = hi.end;
                unit_now = hi_unit;
                end = hi_unit.map(|u| u.1).unwrap_or(hi.end);
            }
        }
    }
    // 二三十家, 三四百万: a rough range written with neighbouring digits.
    if let (None, Some(high)) = (range, lit.high) {
        range = Some([lit.value, high]);
    }
    *unit = unit_now;
    Some((range, anchor, end))
}

/// The unit written once at the end of a list of numbers (6.4和4.3个百分点, 3、5、8家, 7.2个和
/// 3.8个百分点), taken by a literal with no unit word or with the classifier alone: `unit`
/// becomes it, and the words written for it are returned.
fn list_unit(
    rules: &ClaimRules,
    s: &[char],
    lit: &Literal,
    unit: &mut Option<(usize, usize)>,
    ranged: bool,
) -> Option<String> {
    // 6.4和4.3个百分点, 3、5、8家: a bare number in a list takes the unit written once at its end.
    let mut shared_unit = None;
    // 7.2个和3.8个百分点: so does a number with the classifier alone.
    if let Some((_, ue)) = unit.filter(|_| !ranged && lit.arabic && s.get(lit.end) == Some(&'个')) {
        let mut at = ue;
        for _ in 0..6 {
            if ue != lit.end + 1 || !matches!(s.get(at), Some('和' | '、' | '及' | '与' | '或')) {
                break;
            }
            let Some(Ok(next)) = numbers::literal_at(s, at + 1) else { break };
            match unit_after(rules, s, next.end) {
                Some((idx, e)) if s.get(next.end) == Some(&'个') && e > next.end + 1 => {
                    *unit = Some((idx, ue));
                    shared_unit = Some(s[next.end..e].iter().collect::<String>());
                    break;
                }
                Some((_, e)) if e == next.end + 1 => at = e,
                _ => break,
            }
        }
    }
    if unit.is_none() && !ranged && lit.arabic {
        let mut at = lit.end;
        for _ in 0..6 {
            if !matches!(s.get(at), Some('和' | '、' | '及' | '与' | '或')) {
                break;
            }
            let Some(Ok(next)) = numbers::literal_at(s, at + 1) else { break };
            if !next.arabic || next.scale != lit.scale {
                break;
            }
            if let Some((idx, ue)) = unit_after(rules, s, next.end) {
                *unit = Some((idx, lit.end));
                shared_unit = Some(s[unit_word_start(s, next.end, ue)..ue].iter().collect::<String>());
                break;
            }
            at = next.end;
        }
    }
    shared_unit
}

/// The unit as written: the list's shared unit word, the currency symbol, or the scale and
/// unit word after the literal (after its high end for a range).
fn surface_unit(
    s: &[char],
    lit: &Literal,
    unit: Option<(usize, usize)>,
    shared_unit: Option<String>,
    start: usize,
    anchor: usize,
    ranged: bool,
) -> Option<String> {
    match unit {
        Some(_) if shared_unit.is_some() => shared_unit.map(|w| format!("{}{w}", lit.scale)),
        Some(_) if start < lit.start => {
            Some(format!("{}{}", s[start..lit.start].iter().collect::<String>(), lit.scale))
        }
        Some((_, ue)) => {
            let word: String = s[unit_word_start(s, anchor, ue)..ue].iter().collect();
            let scale = if ranged { "" } else { lit.scale.as_str() };
            Some(format!("{scale}{word}"))
        }
        None if !lit.scale.is_empty() => Some(lit.scale.clone()),
        None => None,
    }
}

/// The start and the denominator of a `百分之` / `千分之` / `万分之` / `百万分之` … written
/// right before `at` (inline spaces allowed between its characters): the denominator is a
/// run of place characters of at least a hundred, with no digit before it (五百分之二 is a
/// fraction, read from its numerator's side).
pub(super) fn per_prefix(s: &[char], at: usize) -> Option<(usize, Decimal)> {
    let back = |mut k: usize| {
        while k > 0 && matches!(s[k - 1], ' ' | '\u{3000}') {
            k -= 1;
        }
        k
    };
    let zhi = back(at).checked_sub(1).filter(|k| s[*k] == '之')?;
    let fen = back(zhi).checked_sub(1).filter(|k| s[*k] == '分')?;
    let mut start = fen;
    let mut denominator = Decimal::ONE;
    loop {
        let k = back(start);
        let Some(place) = k.checked_sub(1).and_then(|p| {
            numbers::small_unit(s[p]).map(Decimal::from).or_else(|| numbers::big_unit(s[p]).map(Decimal::from))
        }) else {
            break;
        };
        denominator = denominator.checked_mul(place)?;
        start = k - 1;
    }
    let digit_before = start.checked_sub(1).is_some_and(|p| numbers::is_numeral_char(s[p]) || s[p] == '点');
    (start < fen && denominator >= Decimal::ONE_HUNDRED && !digit_before).then_some((start, denominator))
}

/// What a unit's tail adds after its word ends at `end`, and where the figure then ends:
/// tenths (七成六 → +6 %, 三成半 → +5 %) or smaller money units (50元6角三分 → +0.63,
/// 两美元又三美分 → +0.03).
pub(super) fn unit_tail(u: &Unit, s: &[char], lit: &Literal, end: usize) -> (Decimal, usize) {
    let none = (Decimal::ZERO, end);
    if !lit.value.fract().is_zero() || lit.over || lit.approx {
        return none;
    }
    let free_after =
        |k: usize| !s.get(k).is_some_and(|c| numbers::is_numeral_char(*c) || matches!(c, '点' | '分' | '之'));
    if u.tenths_after {
        let k = {
            let mut k = end;
            while matches!(s.get(k), Some(' ' | '\u{3000}')) {
                k += 1;
            }
            k
        };
        let digit =
            s.get(k).and_then(|c| if *c == '半' { Some(5) } else { numbers::chinese_digit(*c).filter(|d| *d > 0) });
        if let (Some(d), true) = (digit, free_after(k + 1)) {
            return (Decimal::from(d) * u.factor / Decimal::TEN, k + 1);
        }
        return none;
    }
    let mut total = Decimal::ZERO;
    let mut at = end;
    let mut last: Option<Decimal> = None;
    for _ in 0..2 {
        let k = if matches!(s.get(at), Some('又' | '零')) { at + 1 } else { at };
        let Some(Ok(part)) = numbers::literal_at(s, k) else { break };
        if part.value.fract() != Decimal::ZERO || part.value >= Decimal::TEN || !part.scale.is_empty() || part.over {
            break;
        }
        let Some((len, v)) = u.subunits.at(s, part.end) else { break };
        if last.is_some_and(|l| v >= l) || s.get(part.end + len).is_some_and(|c| matches!(c, '钟' | '之' | '期' | '别'))
        {
            break;
        }
        total += part.value * v;
        last = Some(v);
        at = part.end + len;
    }
    (total, at)
}

/// Where the unit word after a (possibly ranged) literal begins: skips spaces.
pub(super) fn unit_word_start(s: &[char], anchor: usize, unit_end: usize) -> usize {
    let mut j = anchor;
    while j < unit_end && s[j] == ' ' {
        j += 1;
    }
    j
}

pub(super) fn scale_value(scale: &str) -> Decimal {
    scale
        .chars()
        .filter_map(|c| numbers::big_unit(c).map(Decimal::from).or_else(|| numbers::small_unit(c).map(Decimal::from)))
        .fold(Decimal::ONE, |a, b| a.checked_mul(b).unwrap_or(a))
}

pub(super) fn unit_index(rules: &ClaimRules, code: &str) -> Option<usize> {
    rules.units.iter().position(|u| u.code == code)
}

/// Whether a small Chinese numeral (两 … 九) at `lit` with its classifier ending at
/// `unit_end` may count things (`[small_counts]`): a listed classifier, none of the
/// `not_after` words right before it, no quotation mark around it (“两个确立”), no 大 or 多
/// after the classifier (两个多月 is a duration). What it counts is checked against the
/// words in `counts_things` of the claims module.
pub(super) fn small_count(rules: &ClaimRules, s: &[char], lit: &Literal, unit_end: Option<usize>) -> bool {
    let Some(end) = unit_end else { return false };
    let small = lit.value.fract().is_zero() && lit.value >= Decimal::TWO && lit.value < Decimal::TEN;
    let quote = |c: char| matches!(c, '“' | '”' | '"' | '「' | '」');
    let open = (lit.start.saturating_sub(6)..lit.start).rev().find(|&i| quote(s[i]));
    let close = (end..(end + 8).min(s.len())).find(|&i| quote(s[i]));
    let quoted = open.is_some_and(|i| matches!(s[i], '“' | '"' | '「'))
        && close.is_some_and(|i| matches!(s[i], '”' | '"' | '」'));
    small
        && rules.small_count_classifiers.holds(&s[lit.end..end])
        && rules.small_count_not_after.ending_at(s, lit.start).is_none()
        && !matches!(s.get(end), Some('大' | '多' | '点'))
        && !quoted
}

/// Baseline of a change from the words between the clause start and the change word.
/// Baseline words are looked for up to `to` (同比增长 holds 同比); a named reference ends
/// at `verb` (比一季度加快 → 一季度).
pub(super) fn basis(rules: &ClaimRules, s: &[char], from: usize, to: usize, verb: usize) -> Change {
    if let Some((_, _, class)) = rules.bases.find_in(s, from, to) {
        let basis = match class {
            BaseClass::Yoy => Basis::Yoy,
            BaseClass::Mom => Basis::Mom,
            BaseClass::Prior => Basis::VsPriorPeriod,
        };
        return Change { basis: Some(basis), reference: None };
    }
    if let Some((p, len, _)) = rules.reference_prefix.find_in(s, from, verb) {
        if let Some(r) = reference_text(s, p + len, verb) {
            return Change { basis: Some(Basis::VsReference), reference: Some(r) };
        }
    }
    Change { basis: None, reference: None }
}

/// The reference named after 比 / 高于 …, trimmed of trailing filler.
pub(super) fn reference_text(s: &[char], from: usize, to: usize) -> Option<String> {
    // 高于全国平均水平6.4和4.3个百分点: the reference ends where the listed figures begin;
    // digits of a period opening it are part of it (较8月份, 比2023年, 比1-7月).
    let digits_after = |k: usize| (k..to).find(|&e| !s[e].is_ascii_digit()).unwrap_or(to);
    let mut digits_end = digits_after(from);
    if digits_end > from && matches!(s.get(digits_end), Some('-' | '~' | '～' | '至' | '到' | '—' | '－')) {
        let second = digits_after(digits_end + 1);
        if second > digits_end + 1 {
            digits_end = second;
        }
    }
    let skip =
        if digits_end > from && matches!(s.get(digits_end), Some('月' | '年' | '季')) { digits_end } else { from };
    let to = (skip..to).find(|&k| s[k].is_ascii_digit()).unwrap_or(to);
    let mut t: String = s[from..to.max(from)].iter().collect();
    // 比全省高0.4个百分点: the comparative after the reference is not part of it.
    for comparative in ['高', '低', '快', '慢', '多', '少'] {
        if t.ends_with(comparative) && t.chars().count() > 1 {
            t.pop();
            break;
        }
    }
    for tail in ["平均水平", "平均", "水平", "增速", "同期"] {
        if t.ends_with(tail) && t.chars().count() > tail.chars().count() {
            t.truncate(t.len() - tail.len());
        }
    }
    // 比同期工业: when the baseline is the same period, the reference is what follows.
    if let Some(rest) = t.strip_prefix("同期").filter(|r| !r.is_empty()) {
        t = rest.to_string();
    }
    let t = t.trim().to_string();
    // A 、-list of references (工业、高技术制造业) is split over the figures by 分别.
    let fits = |t: &str| t.chars().count() <= 10 || (t.contains('、') && t.chars().count() <= 24);
    (!t.is_empty() && fits(&t) && t.chars().all(|c| c == '、' || !is_clause_break(c))).then_some(t)
}

/// The hedge on a figure (超1400亿元, 100家以上, 约占…, 几十家), and where the words before
/// the figure end once a hedge before it is left out.
pub(super) fn hedge(rules: &ClaimRules, s: &[char], fig: &Figure, cstart: usize) -> (Option<Qualifier>, usize) {
    // Hedges before the number (超1400亿元) and after the unit (100家以上).
    let mut before = fig.start;
    let mut qualifier = None;
    if let Some((len, q)) = rules.qual_prefix.ending_at(s, before) {
        if before - len >= cstart {
            qualifier = Some(q);
            before -= len;
        }
    }
    // 2万元/平方米以上, 13.9元/公斤左右: the hedge may follow the unit the figure is per.
    let per_unit = matches!(s.get(fig.end), Some('/' | '／'));
    let suffix_at = (fig.end..(fig.end + 6).min(s.len()))
        .take_while(|&k| k == fig.end || (per_unit && s[k].is_alphabetic() && !numbers::is_numeral_char(s[k])))
        .find_map(|k| rules.qual_suffix.at(s, k).filter(|_| k == fig.end || k > fig.end + 1));
    if let Some((_, q)) = suffix_at {
        qualifier = qualifier.or(Some(q));
    }
    // 3个工作日内: a duration bounded by the word after it.
    let duration = fig.unit.is_some_and(|u| rules.duration_bound_units.contains(&rules.units[u].code));
    if qualifier.is_none() && duration && rules.duration_bound_words.at(s, fig.end).is_some() {
        qualifier = Some(Qualifier::AtMost);
    }
    // 低于100万元（含100万元）, 35℃（含35℃）以上: a bound that includes its figure.
    if let Some(close) = inclusive_aside(s, fig.end) {
        if let Some((_, q)) = rules.qual_suffix.at(s, close) {
            qualifier = qualifier.or(Some(q));
        }
        qualifier = qualifier.map(|q| match q {
            Qualifier::Under => Qualifier::AtMost,
            Qualifier::Over => Qualifier::AtLeast,
            q => q,
        });
    }
    // 约占全国的15%, 约为上年的1.2倍: a hedge on the copula hedges the figure it introduces.
    if qualifier.is_none() {
        let mut k = cstart;
        while let Some((p, len, q)) = rules.qual_prefix.find_in(s, k, before) {
            if matches!(s.get(p + len), Some('占' | '为' | '是' | '合')) {
                qualifier = Some(q);
                break;
            }
            // 至少要达到5400GW: a linking verb (with a modal) between the hedge and the figure
            // (not after 最高/最多: 增速最高达到25.6% is the highest of several, no cap).
            let gap = &s[p + len..before];
            // 不超过项目总投资的50%, 不到全省0.2%: what the bound is a part of, between them (not
            // after a comparative in 于: 高于全国0.5个百分点 is a difference, while 不低于当地城市
            // 低保标准的1.3倍 is a bound; nor a one-character hedge, which may end another word:
            // 超标天数占…的62.4%, 最近的5000年).
            let comparative = s[p + len - 1] == '于' && s[p] != '不';
            let part_of = gap.len() <= 12
                && len >= 2
                && !comparative
                && s[p] != '最'
                && gap.iter().all(|c| !is_clause_break(*c) && !c.is_ascii_digit())
                && (gap.last() == Some(&'的') || rules.scope_words.holds(gap));
            if part_of {
                // The whole is what the bound is measured against, not what the figure measures
                // (特困人员基本生活标准按不低于当地城市低保标准的1.3倍确定: the standard is named
                // before the bound).
                qualifier = Some(q);
                before = p;
                break;
            }
            if s[p] != '最' && !gap.is_empty() && rules.hedge_links.holds(gap) {
                qualifier = Some(q);
                break;
            }
            // 至少打造1个: a hedge of what is done holds across the one verb doing it.
            let one_word =
                gap.len() == 2 && gap.iter().all(|&c| numbers::chinese_digit(c).is_none() && !is_clause_break(c));
            if one_word && rules.hedge_across_verb.at(s, p).is_some_and(|(l, _)| l == len) {
                qualifier = Some(q);
                break;
            }
            // 贷款最高额度为110万元, 最低投资金额为10万元: a superlative bound on the name the
            // copula right before the figure links to it.
            // 最高补助500万元: so does a verb of granting between them.
            // 最高达每斤1.8元: a rate's 每 and its unit stand after the copula.
            let before = if before >= p + len + 2 && s[before - 2] == '每' { before - 2 } else { before };
            let granted = rules
                .cap_verbs
                .ending_at(s, before)
                .is_some_and(|(l, _)| before - l >= p + len && before - l - (p + len) <= 3);
            let copula = before > p + len && (matches!(s[before - 1], '为' | '是' | '达') || granted);
            if copula && s[p] == '最' && !s[p + len..before].iter().any(|c| matches!(c, '，' | '、' | '的')) {
                qualifier = Some(q);
                break;
            }
            k = p + len.max(1);
        }
    }
    if fig.over && qualifier.is_none() {
        qualifier = Some(Qualifier::Over);
    }
    if fig.approx && qualifier.is_none() {
        // 几十家 is more than ten; 二三十家 is about twenty to thirty.
        qualifier = Some(if fig.range.is_some() { Qualifier::About } else { Qualifier::Over });
    }
    (qualifier, before)
}

/// The end of a bracketed "including" aside right after a figure (（含100万元）), if any.
fn inclusive_aside(s: &[char], end: usize) -> Option<usize> {
    if !matches!(s.get(end), Some('（' | '(')) || s.get(end + 1) != Some(&'含') {
        return None;
    }
    (end + 2..(end + 20).min(s.len())).find(|&k| matches!(s[k], '）' | ')')).map(|k| k + 1)
}

/// The change a figure states, read from the words right before it.
pub(super) struct Stated {
    /// The change, if any (basis and named reference).
    pub(super) change: Option<Change>,
    /// -1 when the change is a fall (下降, 低于).
    pub(super) sign: i8,
    /// The claim's kind: [`ClaimKind::Change`] when a change is stated, else what the unit says.
    pub(super) kind: ClaimKind,
    /// End of the words before the figure, past its hedge and change word.
    pub(super) before: usize,
}

/// The change stated on a figure whose hedge-free words end at `before`: a change word right
/// before it (同比增长8.2%, 下降了2.7%), or a pp figure against a named reference without one
/// (高于全国2个百分点).
pub(super) fn stated_change(
    rules: &ClaimRules,
    f: &Folded,
    fig: &Figure,
    sentence: Span,
    cstart: usize,
    before: usize,
) -> Stated {
    let s = &f.chars;
    let mut before = before;
    // Change word right before (同比增长8.2%, 下降了2.7%, 增长超过10%).
    let mut verb_at = before;
    if verb_at > cstart && s[verb_at - 1] == '了' {
        verb_at -= 1;
    }
    let mut change = None;
    let mut sign = 1i8;
    if fig.kind_override != Some(ClaimKind::Rank) {
        let exception = rules.change_exceptions.ending_at(s, verb_at).is_some();
        if let Some((len, sg)) = rules.change.ending_at(s, verb_at).filter(|_| !exception) {
            if verb_at - len >= cstart {
                sign = sg;
                change = Some(basis(rules, s, cstart, verb_at, verb_at - len));
                before = verb_at - len;
            }
        }
    }
    // 压减一般性支出12.6%: a change verb with its object between it and the figure.
    if change.is_none() && fig.kind_override != Some(ClaimKind::Rank) {
        let object = |p: usize| {
            let o = &s[p..before];
            (2..=14).contains(&o.len())
                && o.iter().all(|&c| crate::clean::is_han(c) && !rules.change_object_stops.contains(&c))
        };
        // 减少产后损失2至3个百分点 changes a rate; 减少土地占用约560亩 states what was saved.
        let rate = fig.unit.is_some_and(|u| matches!(rules.units[u].code.as_str(), "%" | "pp"));
        let verb = (cstart..before.saturating_sub(2))
            .find_map(|p| rules.change_transitive.at(s, p).map(|(len, rates_only)| (p, len, rates_only)))
            .filter(|&(p, len, rates_only)| object(p + len) && (rate || !rates_only))
            .map(|(p, len, _)| (p, len));
        if let Some((p, len)) = verb {
            if let Some((_, sg)) = rules.change.ending_at(s, p + len) {
                sign = sg;
                change = Some(basis(rules, s, cstart, p, p));
            }
        }
    }
    let unit = fig.unit.map(|u| &rules.units[u]);
    let mut kind = fig.kind_override.unwrap_or_else(|| unit.map(|u| u.kind).unwrap_or(ClaimKind::Index));
    // pp or % stated against a named reference without a change verb: 高于全国2个百分点.
    if change.is_none() && kind == ClaimKind::Pp {
        // 分别比工业、高技术制造业高7.2个和3.8个百分点: the references may be a 、-list.
        let mut from = cstart;
        while from > sentence[0] && s[from - 1] == '、' && !rules.reference_prefix.any_in(s, from, before) {
            from = clause_start(s, sentence[0], from - 1);
        }
        if let Some((p, len, _)) = rules.reference_prefix.find_in(s, from, before) {
            let word: String = f.slice(p, p + len);
            // 低于全国, or 比全国低: the reference is below.
            let lower_after = before > 0 && matches!(s[before - 1], '低' | '慢' | '少');
            sign = if word.contains('低') || word.contains('慢') || lower_after { -1 } else { 1 };
            change = Some(Change { basis: Some(Basis::VsReference), reference: reference_text(s, p + len, before) });
        }
    }
    if change.is_some() {
        kind = ClaimKind::Change;
    }
    Stated { change, sign, kind, before }
}

/// Whether a figure stands: a bare number (no unit, no special shape) is a figure only after
/// an index cue (指数89.0) or as a change of one stated in the cue's sentence (收入比值为2.32，
/// 比上年同期缩小0.05; `sstart` is the sentence start, `cstart` the clause start).
pub(super) fn is_cued(
    rules: &ClaimRules,
    s: &[char],
    fig: &Figure,
    [sstart, cstart]: [usize; 2],
    before: usize,
    changed: bool,
) -> bool {
    if fig.unit.is_some() || fig.kind_override.is_some() || fig.surface_unit.is_some() {
        return true;
    }
    let mut k = before;
    while let Some((len, _)) = rules.index_links.ending_at(s, k) {
        if k - len < cstart {
            break;
        }
        k -= len;
    }
    // 中小企业发展指数（SMEDI）为89.3: a short aside in brackets between the cue and its link.
    if k > cstart && matches!(s[k - 1], '）' | ')') {
        if let Some(open) = (k.saturating_sub(16).max(cstart)..k - 1).rev().find(|&q| matches!(s[q], '（' | '(')) {
            k = open;
        }
    }
    let cue_here = rules.index_cues.ending_at(s, k).is_some();
    let cue_in_sentence = rules.index_cues.any_in(s, sstart, before);
    cue_here || (changed && cue_in_sentence)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Basis, ClaimKind, Modality, Qualifier};
    use rust_decimal::Decimal;

    #[test]
    fn bare_ratios_after_their_cue_and_changes_in_its_sentence() {
        let c = claims_of("前三季度，城乡居民人均收入比值为2.32，比上年同期缩小0.05。", Some("2025-10-24"));
        let got: Vec<(String, ClaimKind)> = c.iter().map(|c| (c.value.to_string(), c.kind)).collect();
        assert_eq!(got, [("2.32".to_string(), ClaimKind::Index), ("-0.05".to_string(), ClaimKind::Change)]);
        assert_eq!(c[1].metric.as_deref(), Some("城乡居民人均收入比值"));
        let c = claims_of("12月份，中国中小企业发展指数（SMEDI）为89.3，比上月上升0.3点。", Some("2024-01-10"));
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].metric.as_deref(), Some("中小企业发展指数"));
        // Without a cue a bare number is no figure.
        assert!(claims_of("全市经济运行为2.32，比上年缩小0.05。", None).is_empty());
        // 收入比 before a verb ends the name; 收入比上年 compares.
        let c = claims_of("城乡居民收入比缩小至1.81，全市收入比上年增长5%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("城乡居民收入比"));
        assert_eq!(c[1].metric.as_deref(), Some("收入"));
    }

    #[test]
    fn inclusive_bounds_and_superlative_names() {
        let q = |t: &str| claims_of(t, Some("2024-05-10")).into_iter().map(|c| c.qualifier).collect::<Vec<_>>();
        assert_eq!(q("年应纳税所得额低于100万元（含100万元）的小型微利企业。")[0], Some(Qualifier::AtMost));
        assert_eq!(q("日最高气温35℃（含35℃）以上时停止户外作业。")[0], Some(Qualifier::AtLeast));
        assert_eq!(q("个人贷款最高额度为110万元。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("单个项目最高补助500万元。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("新认定的企业最高可获20万元奖励。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("每亩最高保额提高到950元。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("日最高气温达到35℃。"), [None]);
        assert_eq!(q("最低投资金额为10万元。"), [Some(Qualifier::AtLeast)]);
        assert_eq!(q("最高的一项投资，金额为10万元。"), [None]);
    }

    #[test]
    fn spaced_out_percent_words_and_generalized_per_prefixes() {
        let q = |t: &str| quantities(t).into_iter().map(|(t, v, _)| (t, v)).collect::<Vec<_>>();
        assert_eq!(q("百 分 之2.4"), [("百 分 之2.4".to_string(), "2.4".to_string())]);
        assert_eq!(q("２．４   个百分 点")[0].1, "2.4");
        assert_eq!(q("万万分之七")[0].1, "0.000007");
        assert_eq!(q("萬分之肆")[0].1, "0.04");
        // A digit before the places makes it a fraction read from the other side; a decimal
        // numerator makes it none.
        assert_eq!(q("五百分之二")[0].1, "0.4");
        assert!(q("五百分之2.2").iter().all(|(_, v)| v != "0.44"));
    }

    #[test]
    fn unit_tails_and_words_that_are_figures() {
        let q = |t: &str| quantities(t).into_iter().map(|(_, v, u)| (v, u)).collect::<Vec<_>>();
        let pct = |v: &str| (v.to_string(), Some("%".to_string()));
        assert_eq!(q("七成六"), [pct("76")]);
        assert_eq!(q("三成半"), [pct("35")]);
        assert_eq!(q("半成"), [pct("5")]);
        assert_eq!(q("打对折"), [pct("50")]);
        assert!(q("对折").is_empty());
        assert!(q("半成品").is_empty());
        assert_eq!(q("九 九 折"), [pct("99")]);
        assert_eq!(q("50元6角三分"), [("50.63".to_string(), Some("CNY".to_string()))]);
        assert_eq!(q("两美元又三美分"), [("2.03".to_string(), Some("USD".to_string()))]);
        // 分钟 is no money unit.
        assert_eq!(q("5元3分钟")[0].0, "5");
        // A unit in Latin letters glued to the number is a unit.
        assert_eq!(q("电池产量186.5GWh"), [("186.5".to_string(), Some("GWh".to_string()))]);
        assert_eq!(q("装机300MW"), [("300".to_string(), Some("MW".to_string()))]);
        let unit = |t: &str| q(t).into_iter().next().and_then(|(_, u)| u);
        assert_eq!(unit("最大风速26.8米/秒").as_deref(), Some("m/s"));
        assert_eq!(unit("户均流量18.62GB").as_deref(), Some("GB"));
        assert_eq!(unit("算力规模560PFlops").as_deref(), Some("PFLOPS"));
        assert_eq!(unit("平均积雪12米深").as_deref(), Some("m"));
    }

    #[test]
    fn rough_ranges_are_ranges() {
        let c = claims_of("全省二三十家龙头企业参与，十七八万人参加，一百五六十家企业。", None);
        let got: Vec<_> =
            c.iter().map(|c| (c.value.to_string(), c.range.map(|r| r[1].to_string()), c.qualifier)).collect();
        assert_eq!(
            got,
            [
                ("20".to_string(), Some("30".to_string()), Some(Qualifier::About)),
                ("170000".to_string(), Some("180000".to_string()), Some(Qualifier::About)),
                ("150".to_string(), Some("160".to_string()), Some(Qualifier::About)),
            ]
        );
    }

    #[test]
    fn newly_added_is_a_count_not_a_change() {
        let c = claims_of("海关总署新增17项便利措施。", None);
        assert_eq!((c[0].kind, c[0].metric.as_deref()), (ClaimKind::Count, Some("便利措施")));
    }

    #[test]
    fn bare_hundreds_and_thousands_cutoff_dates_and_rises_of_the_previous_indicator() {
        let c = claims_of("全年完成投资超过千亿元，引进项目百余个。百姓生活千方百计改善。", None);
        let v: Vec<(&str, String)> = c.iter().map(|c| (c.text.as_str(), c.value.to_string())).collect();
        assert_eq!(v, [("千亿元", "100000000000".to_string()), ("百余个", "100".to_string())]);
        let c = claims_of("截至2024年6月底，全省累计发放稳岗返还资金15.6亿元。", Some("2024-07-10"));
        assert_eq!(c[0].modality, Modality::Actual);
        let c = claims_of("CPI同比上涨0.5%，涨幅比上月扩大0.3个百分点。", None);
        assert_eq!(c[1].metric.as_deref(), Some("CPI涨幅"));
        let c = claims_of("新建改造农村公路1200公里，惠及企业32.4万户次。", None);
        assert_eq!((c[0].scope.as_deref(), c[1].scope.as_deref()), (None, None));
    }

    #[test]
    fn comparative_after_the_reference() {
        let c = claims_of("增长5.8%，增速比全省高0.4个百分点，比全国低0.3个百分点。", None);
        let refs: Vec<(String, Option<String>)> = c[1..]
            .iter()
            .map(|c| (c.value.to_string(), c.change.as_ref().and_then(|ch| ch.reference.clone())))
            .collect();
        assert_eq!(refs, [("0.4".into(), Some("全省".into())), ("-0.3".into(), Some("全国".into()))]);
    }

    #[test]
    fn basis_points_hours_and_digits_after_a_scale() {
        let c = claims_of("一年期LPR下调25个基点，近4个小时，还有1.7亿65周岁及以上人口，1亿2000万元。", None);
        let t: Vec<(&str, String, Option<&str>)> =
            c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.unit.as_deref())).collect();
        assert_eq!(t[0], ("25个基点", "-0.25".to_string(), Some("pp")));
        assert_eq!(t[1], ("4个小时", "4".to_string(), Some("h")));
        assert_eq!(t[2].0, "1.7亿");
        assert_eq!(t[3], ("1亿2000万元", "120000000".to_string(), Some("CNY")));
    }

    #[test]
    fn a_hedge_on_the_copula_hedges_the_figure() {
        let c = claims_of("出口额达到3000亿美元，约占全国的15%。", None);
        assert_eq!(c[1].qualifier, Some(Qualifier::About));
        let c = claims_of("出口额占全国的15%。", None);
        assert_eq!(c[0].qualifier, None);
        let c = claims_of("光伏装机容量至少要达到5400GW。", None);
        assert_eq!(c[0].qualifier, Some(Qualifier::AtLeast), "a linking verb between hedge and figure");
        let c = claims_of("芯片制造业增速最高达到25.6%。", None);
        assert_eq!(c[0].qualifier, None, "the highest of several is no cap");
        // 内 right after a duration caps it; after a length it names a zone.
        let c = claims_of("不动产登记业务全部实现3个工作日内办结。", None);
        assert_eq!(c[0].qualifier, Some(Qualifier::AtMost));
        let c = claims_of("公路两侧15米范围内禁止建设。", None);
        assert_eq!(c[0].qualifier, None);
        let c = claims_of("乘客在90分钟内换乘常规公交享受优惠。", None);
        assert_eq!(c[0].qualifier, Some(Qualifier::AtMost));
        // 至少 holds across the one verb of what is done.
        let c = claims_of("每个县至少打造1个示范点，至少有2名专职人员。", None);
        assert_eq!(c[0].qualifier, Some(Qualifier::AtLeast));
        assert_eq!(c[1].qualifier, Some(Qualifier::AtLeast));
    }

    #[test]
    fn a_thousand_that_opens_a_unit_word_is_the_unit_s() {
        let t =
            |t: &str| claims_of(t, None).into_iter().map(|c| (c.text, c.value.to_string(), c.unit)).collect::<Vec<_>>();
        assert_eq!(t("人均生活用电量约384千瓦时。"), [("384千瓦时".into(), "384".into(), Some("kWh".into()))]);
        assert_eq!(t("单机容量500千瓦。"), [("500千瓦".into(), "500".into(), Some("kW".into()))]);
        assert_eq!(t("播种面积20千公顷。"), [("20千公顷".into(), "20000".into(), Some("ha".into()))]);
    }

    #[test]
    fn a_bound_holds_across_what_it_is_a_part_of_and_raised_caps() {
        let q = |t: &str| claims_of(t, None).into_iter().map(|c| c.qualifier).collect::<Vec<_>>();
        assert_eq!(q("资助资金总额不超过项目总投资的50%。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("以不到全省0.2%的面积实现进出口5320.6亿元。")[0], Some(Qualifier::Under));
        assert_eq!(q("增速高于全国0.5个百分点。"), [None], "a comparative in 于 states a difference");
        assert_eq!(q("贷款支持比例由60%最高提至90%。"), [None, Some(Qualifier::AtMost)]);
        assert_eq!(q("贴息期限最长3年。"), [Some(Qualifier::AtMost)]);
        // A negated comparative is a bound; 达到或超过 is at least.
        assert_eq!(q("生活标准按不低于当地城市低保标准的1.3倍确定。"), [Some(Qualifier::AtLeast)]);
        assert_eq!(q("农村低保标准均已达到或超过当地城市低保标准的60%。"), [Some(Qualifier::AtLeast)]);
        // A hedge after the unit a figure is per.
        assert_eq!(q("单价2万元/平方米以上。"), [Some(Qualifier::AtLeast)]);
        assert_eq!(q("成本降至13.9元/公斤左右。"), [Some(Qualifier::About)]);
    }

    #[test]
    fn caps_on_a_limit_advised_bounds_and_minimums_of_what_is_had() {
        let q = |t: &str| claims_of(t, None).into_iter().map(|c| c.qualifier).collect::<Vec<_>>();
        assert_eq!(q("最高贷款额度70万元。"), [Some(Qualifier::AtMost)], "a cap on a limit's name");
        assert_eq!(q("优质稻收购价格最高达每斤1.8元。"), [Some(Qualifier::AtMost)], "the rate's 每 after the copula");
        assert_eq!(q("单笔预付金额不宜超过5000元。"), [Some(Qualifier::AtMost)]);
        assert_eq!(q("每个乡镇至少有1个应急供应网点。"), [Some(Qualifier::AtLeast)]);
        assert_eq!(q("增速最高达到25.6%。"), [None], "the highest of several is no cap");
    }

    #[test]
    fn people_before_a_number_in_ten_thousands_are_counted_and_rates_changed_through_an_object() {
        let units = |t: &str| claims_of(t, None).into_iter().map(|c| c.unit).collect::<Vec<_>>();
        assert_eq!(units("视力残疾人3.2万，注册用户突破9500万。"), [Some("count".into()), Some("count".into())]);
        assert_eq!(units("城区常住人口300万以上的大城市。"), [None], "a bound that defines a class");
        let values = |t: &str| claims_of(t, None).into_iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(values("帮助农户减少产后损失2个百分点。"), [Decimal::from(-2)]);
        assert_eq!(values("减少土地占用约560亩。"), [Decimal::from(560)], "what was saved is a level");
    }

    #[test]
    fn a_period_range_after_bi_is_the_reference() {
        let c = claims_of("规上工业增加值增长7.5%，增速比1-7月加快0.3个百分点。", None);
        let change = c[1].change.as_ref().unwrap();
        assert_eq!((change.basis, change.reference.as_deref()), (Some(Basis::VsReference), Some("1-7月")));
    }

    #[test]
    fn days_after_a_decimal_rates_per_100000_and_ranks_further_from_their_verb() {
        let c =
            claims_of("平均住院日8.9日，比上年缩短0.2日，9日召开会议。孕产妇死亡率为9.8/10万。", Some("2022-04-26"));
        let got: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.unit.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("8.9日", "8.9".into(), Some("day")),
                ("0.2日", "-0.2".into(), Some("day")),
                ("9.8/10万", "9.8".into(), Some("1/100000"))
            ]
        );
        let c = claims_of(
            "收入总量居全省第1位、居15个副省级城市第9位，投入强度居全国第5位、省区第3位。",
            Some("2024-01-23"),
        );
        let ranks: Vec<_> = c.iter().filter(|c| c.kind == ClaimKind::Rank).map(|c| c.text.as_str()).collect();
        assert_eq!(ranks, ["第1位", "第9位", "第5位", "第3位"]);
        assert_eq!(c.last().unwrap().metric, c[c.len() - 2].metric, "a rank after a rank past 、 ranks the same thing");
        let c = claims_of("我国在全球创新指数中排名第十二位。", None);
        assert!(c[0].metric.as_deref().is_some_and(|m| m.ends_with("指数排名")), "{:?}", c[0].metric);
    }

    #[test]
    fn changes_made_to_an_object_people_counted_in_ten_thousands_and_orders_of_homes() {
        let got = |t: &str| {
            claims_of(t, Some("2024-05-24"))
                .into_iter()
                .map(|c| (c.text, c.value.to_string(), c.unit, c.kind, c.metric))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got("市级压减一般性支出12.6%，下调个人住房公积金贷款利率0.25个百分点。"),
            [
                ("12.6%".into(), "-12.6".into(), s("%"), ClaimKind::Change, s("一般性支出")),
                ("0.25个百分点".into(), "-0.25".into(), s("pp"), ClaimKind::Change, s("个人住房公积金贷款利率")),
            ]
        );
        assert_eq!(got("下调首付款比例至15%。")[0].3, ClaimKind::Percent, "a level reached is no change");
        let c = got("可解决1800多万新市民住房困难，二套住房首付比例不低于25%，降幅在0.1%—0.8%之间。");
        let texts: Vec<_> = c.iter().map(|c| (c.0.as_str(), c.1.as_str(), c.2.as_deref())).collect();
        assert_eq!(
            texts,
            [
                ("1800多万", "18000000", Some("count")),
                ("25%", "25", Some("%")),
                ("0.1%—0.8%", "-0.1", Some("%")),
                ("0.1%—0.8%", "-0.8", Some("%"))
            ]
        );
    }

    #[test]
    fn first_place_after_a_ranking_verb_past_its_domain() {
        let got = |t: &str| {
            claims_of(t, Some("2024-07-20"))
                .into_iter()
                .filter(|c| c.kind == ClaimKind::Rank)
                .map(|c| (c.text, c.metric))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got("南宁市实有经营主体86.47万户，总量居全区14个设区市首位。"),
            [("首位".into(), s("实有经营主体"))],
            "a count in the domain is not what is ranked"
        );
        assert_eq!(got("广东代表团以28枚金牌位居金牌榜首位。"), [("首位".into(), s("金牌"))]);
        assert!(got("她是我省首位女院士。").is_empty(), "first of a kind is no rank");
    }
}
