//! The claim recognizer: finds number literals in the body text and turns each into a
//! [`Claim`], then runs the passes that complete claims from their neighbours. This file
//! holds the entry points and the order of the steps; each attribute is decided in its own
//! module:
//!
//! - [`figure`]: literal → value, unit, range, hedge (qualifier) and change (sign, basis,
//!   reference); also the number/unit layer alone ([`scan_quantities`]);
//! - [`metric`]: the indicator a figure measures;
//! - [`scope`]: the region or entity it is about;
//! - [`period`]: the time it covers;
//! - [`modality`]: target or actual;
//! - [`section`]: in a report, the period and modality its sections give figures without
//!   a period of their own (review → last year, targets → this year, horizon);
//! - [`bound`]: which way a target binds (floor, ceiling, about, range, point);
//! - [`lists`]: what a figure takes from the others (分别 lists, shared hedges and bases,
//!   indicators inherited within a sentence, 其中 sub-items);
//! - [`table`]: figures in data-table cells;
//! - [`clause`] and [`nonclaims`]: the clause geometry and the non-claim mask the others read.
//!
//! Works on a folded copy of the text (full-width digits → ASCII, one char for one char),
//! so every span is a character span into the original text. It reads the segmentation
//! for metrics and places; it never looks at markup.

use self::clause::{clause_start, sentence_of, Clause};
use self::figure::{figure, word_figure_at, Figure};
use self::lists::{
    fan_out_respectively, framed_indicators, inherit_bases, inherit_metrics, levels_of_previous, parts_of_previous,
    places_of_previous, share_list_qualifiers, sub_items_of_previous,
};
use self::period::{fill_release_period, find_periods, period_for, PeriodMention};
use self::scope::{fill_release_scope, scope, DocRegion};
use self::table::table_claims;
use super::numbers::{self, LiteralError};
use super::reports::ReportRules;
use super::rules::ClaimRules;
use super::Folded;
use crate::model::{Claim, ClaimKind, Span, Warning, WarningCode};
use crate::segment::Word;

mod bound;
mod clause;
mod figure;
mod lists;
mod measured;
mod metric;
mod modality;
mod nonclaims;
mod period;
mod scope;
mod section;
mod surround;
mod table;

pub use figure::{scan_currency_names, scan_quantities, CurrencyName, Quantity};
pub use metric::is_nounish;
pub use nonclaims::exclusion_masks;

/// Per-document context the recognizer needs.
pub struct Context<'a> {
    /// The body text.
    pub text: &'a str,
    /// Words with POS tags.
    pub words: &'a [Word],
    /// Sentence spans.
    pub sentences: &'a [Span],
    /// Publication date (ISO), for relative periods.
    pub published: Option<&'a str>,
    /// Title, for the document's own region.
    pub title: Option<&'a str>,
}

/// Extracts claims from one document.
pub fn extract(
    rules: &ClaimRules,
    reports: &ReportRules,
    cx: &Context<'_>,
    prepared: &super::Prepared,
    warnings: &mut Vec<Warning>,
) -> Vec<Claim> {
    let f = &prepared.folded;
    let s = &f.chars;
    let mut periods = find_periods(rules, f, cx.published);
    let report = period::title_period(rules, cx);
    period::months_of_report_year(report.as_deref(), cx, s, &mut periods);
    period::joined_months(s, &mut periods);
    let region = DocRegion::find(rules, cx, f, &prepared.scope_hidden);
    // Each figure on its own: value, unit, hedge, change, metric, scope, period, modality.
    let (mut claims, mut shares) = read_figures(rules, cx, prepared, &periods, &region, warnings);
    // What figures take from one another.
    fan_out_respectively(rules, cx, f, &periods, &mut claims);
    lists::implied_respectively(s, &mut claims);
    metric::superlative_subjects(rules, cx, f, &mut claims);
    inherit_metrics(rules, s, &mut claims, &mut shares);
    levels_of_previous(rules, s, &mut claims);
    sub_items_of_previous(rules, s, &mut claims);
    parts_of_previous(rules, s, &mut claims);
    framed_indicators(rules, s, &mut claims);
    places_of_previous(rules, s, &mut claims);
    metric::averages_lead(rules, s, &mut claims);
    period::sub_items_share_period(s, &periods, &mut claims);
    period::breakdowns_share_period(rules, s, &periods, &mut claims);
    inherit_bases(s, &mut claims);
    share_list_qualifiers(rules, s, &mut claims);
    metric::rate_changes(rules, s, &mut claims);
    // Data-table cells the running text did not cover.
    table_claims(rules, cx, f, &mut claims);
    // What a heading line states for the lines under it.
    period::headed_lines(s, &periods, &mut claims);
    // In a report, what its sections state for figures without a period of their own.
    section::apply(reports, cx, s, &periods, &mut claims);
    // What the release as a whole states for figures without their own.
    fill_release_period(rules, cx, report.as_deref(), s, &periods, &mut claims);
    period::prior_baselines(rules, s, &mut claims);
    period::annual_plans(rules, s, &mut claims);
    period::stocks_at_the_end(rules, s, &periods, &mut claims);
    fill_release_scope(rules, &region, &mut claims);
    bound::fill_bounds(reports, s, &mut claims);
    // 分别减少52.1万斤、0斤: a decrease of nothing is 0, never -0 (which JSON cannot tell apart).
    for c in &mut claims {
        if c.value.is_zero() {
            c.value = rust_decimal::Decimal::ZERO;
        }
        if let Some(r) = c.range.as_mut() {
            r.iter_mut().filter(|v| v.is_zero()).for_each(|v| *v = rust_decimal::Decimal::ZERO);
        }
    }
    both_ends(claims)
}

/// 5%至5.25%, 6万至8万元: each end of a range written with both ends is a figure of its own,
/// stated right after the lower one; both keep the text, span, range and every attribute of
/// the range. A rough range (二三十家, 十七八万人) is one approximate figure.
/// Whether a unit code measures a span of time (3年, 5个月, 58天, 24小时): a duration, no
/// indicator's level.
pub(super) fn is_duration_unit(code: &str) -> bool {
    matches!(code, "year" | "month" | "day" | "h")
}

fn both_ends(claims: Vec<Claim>) -> Vec<Claim> {
    let written =
        |c: &Claim| c.text.chars().any(|ch| matches!(ch, '至' | '到' | '~' | '～' | '-' | '－' | '—' | '–' | '〜'));
    let mut out = Vec::with_capacity(claims.len());
    for c in claims {
        let upper = c.range.filter(|[low, high]| low != high && c.value == *low && written(&c)).map(|[_, high]| {
            let mut u = c.clone();
            u.value = high.normalize();
            u
        });
        out.push(c);
        out.extend(upper);
    }
    out
}

/// Reads every figure of the text in order (number literals and word figures outside the
/// non-claims): each claim, and whether its metric is a share of the previous figure's
/// indicator. Literals too large or too precise to represent are reported in `warnings`.
fn read_figures(
    rules: &ClaimRules,
    cx: &Context<'_>,
    prepared: &super::Prepared,
    periods: &[PeriodMention],
    region: &DocRegion,
    warnings: &mut Vec<Warning>,
) -> (Vec<Claim>, Vec<bool>) {
    let f = &prepared.folded;
    let s = &f.chars;
    let excluded = &prepared.excluded;
    let mut claims: Vec<Claim> = Vec::new();
    let mut shares: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(fig) = word_figure_at(rules, s, i).filter(|w| !excluded[w.start..w.end].iter().any(|x| *x)) {
            let end = fig.end;
            if let Some((claim, share)) = recognize(rules, cx, f, fig, periods, region) {
                claims.push(claim);
                shares.push(share);
            }
            i = end;
            continue;
        }
        let boundary = i == 0 || !numbers::is_numeral_char(s[i - 1]);
        if !numbers::can_start(s, i) || !boundary {
            i += 1;
            continue;
        }
        match numbers::literal_at(s, i) {
            None => i += 1,
            Some(Err(LiteralError::Overflow(a, b))) => {
                if !excluded[a..b.min(s.len())].iter().any(|x| *x) {
                    warnings.push(Warning::new(
                        WarningCode::NumberSkipped,
                        format!(
                            "literal {:?} at {a} is too large or too precise to represent exactly",
                            f.slice(a, b.min(a + 40))
                        ),
                    ));
                }
                i = b.max(i + 1);
            }
            Some(Ok(lit)) => {
                let next = lit.end.max(i + 1);
                let fig = (!excluded[lit.start..lit.end].iter().any(|x| *x)).then(|| figure(rules, s, &lit)).flatten();
                if let Some((claim, share)) = fig.and_then(|fig| recognize(rules, cx, f, fig, periods, region)) {
                    i = claim.span[1].max(next);
                    claims.push(claim);
                    shares.push(share);
                } else {
                    i = next;
                }
            }
        }
    }
    (claims, shares)
}

/// Adds the stretches whose words the recognizer reads: the sentences holding a figure
/// outside the non-claims (a number literal the unit layer reads, or a word figure: metrics,
/// baselines and places come from the words of the figure's sentence), and each 市 (the
/// document's own city is its most frequent place word ending in 市).
pub fn spans_read(rules: &ClaimRules, p: &super::Prepared, sentences: &[Span], out: &mut Vec<Span>) {
    let s = &p.folded.chars;
    let free = |a: usize, b: usize| !p.excluded[a..b.min(s.len())].iter().any(|x| *x);
    let figure_at = |i: usize| {
        word_figure_at(rules, s, i).is_some_and(|w| free(w.start, w.end))
            || ((i == 0 || !numbers::is_numeral_char(s[i - 1]))
                && numbers::can_start(s, i)
                && matches!(numbers::literal_at(s, i), Some(Ok(lit)) if free(lit.start, lit.end) && figure(rules, s, &lit).is_some()))
    };
    for &[a, b] in sentences {
        let b = b.min(s.len());
        if (a..b).any(figure_at) {
            out.push([a, b]);
        } else {
            out.extend((a..b).filter(|&i| s[i] == '市').map(|i| [i, i + 1]));
        }
    }
}

/// The claim a figure makes, and whether its metric is a share of the previous figure's
/// indicator; `None` for a bare number without an index cue.
/// A number with 万 or 亿 and no unit that a noun follows counts that noun (9899万农村贫困
/// 人口, 6.8亿用户, 近150万群众): it is a count (`unit.count`), as if 个 were written.
fn implied_count(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, mut fig: Figure) -> Figure {
    if fig.unit.is_some() || fig.kind_override.is_some() || fig.range.is_some() {
        return fig;
    }
    let s = &f.chars;
    let magnitude = s[fig.start..fig.end].iter().any(|c| matches!(c, '万' | '亿'));
    if !magnitude {
        return fig;
    }
    // 20万亿资产, 超过6万亿的资产: money named after the number.
    let hedged = fig.end + rules.qual_suffix.at(s, fig.end).map_or(0, |(len, _)| len);
    let at = if s.get(hedged) == Some(&'的') { hedged + 1 } else { hedged };
    let k = cx.words.partition_point(|w| w.start < at);
    let money = cx.words.get(k).is_some_and(|w| w.start == at && rules.money_nouns.holds(&s[w.start..w.end]));
    let noun_after = cx.words.get(k).is_some_and(|w| {
        at == fig.end
            && w.start == fig.end
            && matches!(w.tag, "n" | "nz" | "vn" | "nr" | "nt" | "ns")
            && w.end - w.start >= 2
    });
    // 观影人次2058.6万, 参保人数超1.2亿: a noun of counted persons or times right before the
    // number (past a linking word) names a count: it ends in a count unit of two characters or
    // more (人次, 场次), or in 数 after a one-character one (人数, 户数).
    let count_before = || {
        let mut j = cx.words.partition_point(|w| w.end <= fig.start);
        while j > 0 && {
            let w = &s[cx.words[j - 1].start..cx.words[j - 1].end];
            rules.metric_not_modifiers.holds(w) || rules.qual_prefix.holds(w)
        } {
            j -= 1;
        }
        let Some(e) = j.checked_sub(1).map(|j| cx.words[j].end) else { return false };
        let count_unit = |end: usize| {
            rules.unit_words.ending_at(s, end).filter(|&(_, i)| rules.units[i].code == "count").map(|(l, _)| l)
        };
        // The unit must end a name: a Han character that is no numeral stands before it.
        let named = |at: usize| at > 0 && crate::clean::is_han(s[at - 1]) && !numbers::is_numeral_char(s[at - 1]);
        match count_unit(e) {
            Some(l) if l >= 2 => named(e - l),
            _ => e > 0 && s[e - 1] == '数' && count_unit(e - 1).is_some_and(|l| l == 1 && named(e - 2)),
        }
    };
    let code = if money { "CNY" } else { "count" };
    if money || noun_after || count_before() {
        if let Some(u) = figure::unit_index(rules, code) {
            fig.unit = Some(u);
            fig.rule = rules.units[u].id.clone();
        }
    }
    fig
}

/// Whether a small Chinese count (三座, 两家: [`figure::small_count`]) counts things: what
/// follows it is no verb, adjective or idiom (两个确保, 两起爆炸) and no slogan or
/// enumeration head (两个大局, 三个方面).
fn counts_things(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, fig: &Figure) -> bool {
    let s = &f.chars;
    let small_chinese = numbers::starts_chinese(s[fig.start])
        && fig.value < rust_decimal::Decimal::TEN
        && fig.unit.is_some_and(|u| rules.units[u].code == "count");
    if !small_chinese {
        return true;
    }
    // 五家渠市, 两位数, 八家子村: a numeral inside a longer word is part of a name.
    let inside = cx.words.get(cx.words.partition_point(|w| w.end <= fig.start));
    if inside.is_some_and(|w| w.start < fig.end && w.end > fig.end) {
        return false;
    }
    let k = cx.words.partition_point(|w| w.start < fig.end);
    let next = cx.words.get(k).filter(|w| w.start == fig.end);
    // 五家子村: a short word ending a place name.
    let place =
        next.is_some_and(|w| w.end - w.start <= 2 && rules.small_count_name_suffixes.holds(&s[w.end - 1..w.end]));
    !next.is_some_and(|w| matches!(w.tag, "v" | "vn" | "a" | "ad" | "i" | "l" | "m" | "q"))
        && !place
        && rules.small_count_heads.at(s, fig.end).is_none()
}

fn recognize(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    fig: Figure,
    periods: &[PeriodMention],
    region: &DocRegion,
) -> Option<(Claim, bool)> {
    let s = &f.chars;
    let fig = implied_count(rules, cx, f, fig);
    if !counts_things(rules, cx, f, &fig) {
        return None;
    }
    let sentence = sentence_of(cx.sentences, fig.start);
    let cstart = clause_start(s, sentence[0], fig.start);
    let (qualifier, before) = figure::hedge(rules, s, &fig, cstart);
    let stated = figure::stated_change(rules, f, &fig, sentence, cstart, before);
    if !figure::is_cued(rules, s, &fig, [sentence[0], cstart], stated.before, stated.change.is_some()) {
        return None;
    }
    let clause = Clause { sentence, start: cstart, before: stated.before };
    let (metric, share_of_previous) = measured::of_figure(rules, cx, f, &fig, stated.kind, &stated.change, &clause);
    let scope = scope(rules, cx, f, sentence[0], cstart, fig.start, region);
    let duration = fig.unit.is_some_and(|u| is_duration_unit(&rules.units[u].code));
    let mention = period_for(periods, s, fig.start, sentence[0], duration);
    let modality = modality::of_figure(rules, s, cx.words, mention, sentence[0], fig.start);
    let period = period::side_of_span(s, sentence[0], fig.start, period::as_stated(mention, modality));
    // A difference from a reference (比全国平均水平少3.8个, not 比6月末) is of the same date, not
    // accrued.
    let against_reference = stated.change.as_ref().is_some_and(|c| {
        c.basis == Some(crate::model::Basis::VsReference)
            && c.reference.as_deref().is_some_and(|r| !r.chars().any(|ch| "年月季末底初期".contains(ch)))
    });
    let increment = stated.kind == ClaimKind::Change
        && !against_reference
        && fig.unit.is_some_and(|u| !matches!(rules.units[u].code.as_str(), "%" | "pp"));
    let period = period::increase_to_date(s, mention, cstart, fig.start, increment, period);
    let negative = stated.sign < 0;
    let value = if negative { -fig.value } else { fig.value };
    let range = fig.range.map(|[a, b]| if negative { [-a, -b] } else { [a, b] });
    Some((
        Claim {
            text: f.text(fig.start, fig.end),
            span: [fig.start, fig.end],
            sentence,
            value: value.normalize(),
            unit: fig.unit.map(|u| rules.units[u].code.clone()),
            surface_unit: fig.surface_unit,
            kind: stated.kind,
            change: stated.change,
            qualifier,
            range,
            metric,
            scope,
            period,
            modality,
            bound: None,
            rule: fig.rule,
        },
        share_of_previous,
    ))
}

#[cfg(test)]
mod testing {
    use super::*;
    use crate::pipeline::Pipeline;
    use std::sync::LazyLock;

    pub(super) static PIPE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::embedded().unwrap());

    /// Claims of one text, read by the whole extractor.
    pub(super) fn claims_of(text: &str, published: Option<&str>) -> Vec<Claim> {
        let seg = PIPE.segmenter().segment(text);
        PIPE.extractor().extract(text, &seg, published, None).claims
    }

    /// Claims of one text under a headline, read by the whole extractor.
    pub(super) fn claims_titled(text: &str, published: &str, title: &str) -> Vec<Claim> {
        let seg = PIPE.segmenter().segment(text);
        PIPE.extractor().extract(text, &seg, Some(published), Some(title)).claims
    }

    /// `(text, value, unit)` of each quantity the number/unit layer reads.
    pub(super) fn quantities(text: &str) -> Vec<(String, String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        scan_quantities(PIPE.extractor().claim_rules(), text)
            .into_iter()
            .map(|q| (chars[q.span[0]..q.span[1]].iter().collect(), q.value.to_string(), q.unit))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::period::find_periods;
    use super::testing::{claims_of, PIPE};

    #[test]
    fn minutes_are_figures_and_a_time_ago_is_not() {
        let c = claims_of("话务人员平均通话时长压缩至3.2分钟，94阅读，21分钟前发布。", None);
        let got: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.unit.as_deref(), c.metric.as_deref())).collect();
        assert_eq!(got, [("3.2分钟", Some("min"), Some("话务人员平均通话时长"))]);
    }

    #[test]
    fn a_decrease_of_nothing_is_zero_not_negative_zero() {
        let c = claims_of("江苏、浙江分别减少52.1万斤、0斤。", None);
        let zero = c.iter().find(|c| c.text.starts_with('0')).expect("the zero figure");
        assert!(zero.value.is_zero() && !zero.value.is_sign_negative(), "{:?}", zero.value);
        assert_eq!(zero.value.to_string(), "0");
    }

    #[test]
    fn a_written_range_is_two_figures_and_a_rough_one_is_one() {
        let c = claims_of("收购价格每斤在1.15元至1.18元之间，降幅为5%—6%，约有二三十家企业。", None);
        let got: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.is_upper_end())).collect();
        assert_eq!(
            got,
            [
                ("1.15元至1.18元", "1.15".into(), false),
                ("1.15元至1.18元", "1.18".into(), true),
                ("5%—6%", "-5".into(), false),
                ("5%—6%", "-6".into(), true),
                ("二三十家", "20".into(), false),
            ]
        );
        assert!(c[0].range.is_some() && c[0].range == c[1].range && c[2].range == c[3].range);
        assert_eq!(c[1].metric, c[0].metric);
        assert_eq!(c[3].range.map(|r| r.map(|v| v.to_string())), Some(["-5".into(), "-6".into()]));
    }

    #[test]
    fn per_mille_points_and_counts_named_before_a_bare_number() {
        let c = claims_of("出生率比上年下降0.57个千分点。观影人次2058.6万，参保人数超1.2亿，营业收入达1.2亿。", None);
        let got: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.unit.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("0.57个千分点", "-0.057".into(), Some("pp")),
                ("2058.6万", "20586000".into(), Some("count")),
                ("1.2亿", "120000000".into(), Some("count")),
                ("1.2亿", "120000000".into(), None),
            ]
        );
    }

    #[test]
    #[ignore = "debugging aid: T='…' cargo test debug_one -- --ignored --nocapture"]
    fn debug_one() {
        let t = std::env::var("T").unwrap_or_else(|_| "非食品价格上涨0.9%".into());
        let seg = PIPE.segmenter().segment(&t);
        let w: Vec<String> = seg
            .words
            .iter()
            .map(|w| format!("{}/{}", t.chars().skip(w.start).take(w.end - w.start).collect::<String>(), w.tag))
            .collect();
        eprintln!("{}", w.join(" "));
        let f = crate::extract::Folded::new(&t);
        for p in find_periods(PIPE.extractor().claim_rules(), &f, Some("2024-08-28")) {
            eprintln!("period {} {}..{} {}", f.slice(p.start, p.end), p.start, p.end, p.iso);
        }
        for c in claims_of(&t, Some("2024-08-28")) {
            eprintln!(
                "{} {} {:?} {:?} {:?} | {:?} | {:?} {:?}",
                c.text, c.value, c.kind, c.qualifier, c.change, c.metric, c.scope, c.period
            );
        }
    }
}
