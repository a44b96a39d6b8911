//! The region or entity a figure is about: the nearest place or scope word before it in its
//! clause (else the first in its sentence), with 全省 / 全市 resolved to the document's own
//! region, and a release about one place giving its unscoped figures that place. Evidence:
//! place-tagged words, the scope vocabularies, the title, and the non-claims that hide places
//! (datelines).
//!
//! A place after a partner marker (对美国进出口) is no scope: it belongs to the metric.
//!
//! It does not give each item of a 分别 list of places its scope: that is [`super::lists`].

use super::super::rules::ClaimRules;
use super::super::Folded;
use super::Context;
use crate::model::Claim;
use crate::model::ClaimKind;
use crate::segment::Word;

/// The scope of at least three figures and of more than half of those with a scope (used
/// only when it is the document's own region or a scope word: 全省, 全国, 我国).
pub(super) fn dominant_scope(claims: &[Claim]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in claims {
        if let Some(sc) = c.scope.as_deref() {
            *counts.entry(sc).or_default() += 1;
        }
    }
    let scoped: usize = counts.values().sum();
    let (place, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (n >= 3 && n * 2 > scoped).then(|| place.to_string())
}

/// The document's own province and city, for 全省 / 全市, and the chars whose places are
/// no scope (those of the non-claims in `[scope] hidden_in`, see
/// [`Prepared::scope_hidden`](super::super::Prepared::scope_hidden)).
pub(super) struct DocRegion<'p> {
    pub(super) province: Option<String>,
    pub(super) city: Option<String>,
    pub(super) hidden: &'p [bool],
}

impl<'p> DocRegion<'p> {
    pub(super) fn find(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, hidden: &'p [bool]) -> Self {
        let title: Vec<char> = cx.title.unwrap_or("").chars().collect();
        let in_title = rules.province_words.count_in(&title);
        let in_text = rules.province_words.count_in(&f.chars);
        let count = |i: usize| in_title.get(&i).copied().unwrap_or(0) * 3 + in_text.get(&i).copied().unwrap_or(0);
        let province = (0..rules.provinces.len())
            .map(|i| (count(i), &rules.provinces[i]))
            .filter(|(n, _)| *n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, p)| p.clone());
        let mut cities: std::collections::BTreeMap<String, usize> = Default::default();
        for w in cx.words.iter().filter(|w| w.tag == "ns") {
            let name = f.slice(w.start, w.end);
            if name.ends_with('市') && name.chars().count() >= 3 {
                *cities.entry(name).or_default() += 1;
            }
        }
        // A city the headline names counts three times, as a province does (芜湖市公安局关于
        // 2025年全市户籍人口… over the 无为市 its counties' figures name).
        let headline = cx.title.unwrap_or("");
        for (name, n) in cities.iter_mut() {
            *n += headline.matches(name.as_str()).count() * 3;
        }
        let city = cities.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c);
        Self { province, city, hidden }
    }
}

/// The region or entity of a figure: the nearest place or scope word before it in its
/// clause, else the first in its sentence; references (占全国, 高于全国) are skipped, and
/// 全省 / 全市 resolve to the document's region.
pub(super) fn scope(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    sent_start: usize,
    clause_start: usize,
    pos: usize,
    region: &DocRegion,
) -> Option<String> {
    let s = &f.chars;
    let lo = cx.words.partition_point(|w| w.end <= sent_start);
    let hi = cx.words.partition_point(|w| w.end <= pos);
    let candidates: Vec<&Word> = cx.words[lo..hi]
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            // 对美国进出口: the other side of what is measured, part of the metric.
            let prev = (lo + i).checked_sub(1).map(|p| &cx.words[p]);
            let partner = super::metric::is_partner_place(rules, f, prev, w);
            let t = &s[w.start..w.end];
            let is_scope_word = rules.scope_words.at(t, 0).is_some_and(|(l, _)| l == t.len());
            // 居全国第一: the place right before a rank is the ranking's domain, not the scope.
            let rank_domain =
                s.get(w.end) == Some(&'第') || matches!(s.get(w.end..w.end + 2), Some(['首', '位'] | ['榜', '首']));
            let place = w.tag == "ns" && is_place_name(rules, t);
            // A place hidden by a non-claim (a dateline: 新华社北京9月12日电) is no scope.
            (place || is_scope_word)
                && !partner
                && !rank_domain
                && !region.hidden.get(w.start).copied().unwrap_or(false)
                && rules.reference_before.ending_at(s, w.start).is_none()
        })
        .map(|(_, w)| w)
        .collect();
    let w = candidates.iter().rev().find(|w| w.start >= clause_start).or(candidates.first())?;
    let t = &s[w.start..w.end];
    let name: String = f.text(w.start, w.end);
    if rules.own_province.at(t, 0).is_some() {
        return region.province.clone().or(Some(name));
    }
    if rules.own_city.at(t, 0).is_some() {
        return region.city.clone().or(Some(name));
    }
    Some(name)
}

/// Whether a word tagged as a place names one: two characters at least (上云 is no 云南) and
/// not a place-like word (城镇, 农村, 国内) or a word built on one (城镇人口, 农村居民).
pub(super) fn is_place_name(rules: &ClaimRules, t: &[char]) -> bool {
    t.len() >= 2 && rules.not_places.at(t, 0).is_none()
}

/// A release about one place (most of its scoped figures name it) reports its other
/// figures (ranks aside) for that place too.
pub(super) fn fill_release_scope(rules: &ClaimRules, region: &DocRegion, claims: &mut [Claim]) {
    let own = |p: &str| {
        let pc: Vec<char> = p.chars().collect();
        region.province.as_deref() == Some(p) || region.city.as_deref() == Some(p) || rules.scope_words.holds(&pc)
    };
    if let Some(place) = dominant_scope(claims).filter(|p| own(p)) {
        for c in claims.iter_mut().filter(|c| c.scope.is_none() && c.kind != ClaimKind::Rank) {
            c.scope = Some(place.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_release_about_one_place_scopes_its_other_figures() {
        let t = "全国居民消费价格同比上涨0.3%。\n全国工业生产者出厂价格下降2.8%。\n全国城镇调查失业率为5.0%。\n食品价格上涨1.2%。";
        let c = claims_of(t, None);
        assert_eq!(c[3].scope.as_deref(), Some("全国"));
        let c = claims_of("南京市增长7.1%。\n苏州市增长9.3%。\n食品价格上涨1.2%。", None);
        assert_eq!(c[2].scope, None, "no place dominates");
    }

    #[test]
    fn datelines_name_no_scope() {
        let c = claims_of("新华社北京9月12日电 截至7月底，5G基站占移动基站总数的32.1%。", None);
        assert_eq!(c[0].scope, None);
    }
}
