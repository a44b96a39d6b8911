//! The period a figure covers (2024, 2024-01/2024-07, 2024-09 for 截至9月30日): the period mentions of
//! the text resolved against the publication date, the one that governs each figure (its
//! sentence's own, a lead carried over, a target year opening a paragraph), and a period
//! the headline or the whole release states for figures without one. Evidence: the
//! `[[period]]` patterns, punctuation and paragraph breaks, the title and the publication
//! date.
//!
//! It does not decide whether a figure is a target (that is [`super::modality`]), though a
//! target keeps the period as written where an actual figure takes the previous year.

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::is_clause_break;
use super::Context;
use crate::model::{Claim, ClaimKind, Modality};

/// A resolved period mention.
#[derive(Debug, Clone)]
pub(super) struct PeriodMention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) iso: String,
    /// The reading one year earlier, for a period written without its year (全年, 1-11月)
    /// that had not ended when the release came out: a figure stated as fact is of the
    /// previous year (a bulletin of March 2025 reporting 全年 means 2024); a target keeps `iso`.
    pub(super) prior: Option<String>,
    /// An estimate right before a period written without its year, in a release of January or
    /// February (预计全年实现地区生产总值166.8亿元 in a report of 2020-01-10): the year just ended,
    /// whose figures are not final yet, so the estimate takes `prior` as a fact does.
    pub(super) estimate: bool,
    /// Opens its paragraph as a target year (到2026年，… or 主要目标：到2026年，…): the
    /// paragraph's later sentences are targets of that year too.
    pub(super) target_lead: bool,
    /// A baseline's period with its own figure right after it (较2022年的38.6亿元): it holds
    /// for that figure only.
    pub(super) of_next: bool,
    /// A point at a month's end (6月末, 截至9月底), not the month as a whole.
    pub(super) month_end: bool,
    /// The dates of a named span, in brackets before a comma (国庆中秋假期（10月1日至8日），): it
    /// frames the later clauses as a lead period does.
    pub(super) span: bool,
    /// A place's own word right after it (9月份我市…, 上半年全省…): it opens a statement about
    /// that place, not an aside.
    pub(super) scoped: bool,
}

/// The period a headline names, if exactly one: not a goal's (“十四五”目标), and none for a
/// document that sets rules (`[period_rule_titles]`); a year written with a run of its months
/// names the run.
pub(super) fn title_period(rules: &ClaimRules, cx: &Context<'_>) -> Option<String> {
    let title = Folded::new(cx.title?);
    let written_end = title.chars.iter().rposition(|c| !c.is_whitespace()).map_or(0, |k| k + 1);
    if rules.period_rule_titles.ending_at(&title.chars, written_end).is_some() {
        return None;
    }
    // 提前完成“十四五”目标: the period of a goal or plan the headline names is not the one it reports.
    let names_goal = |p: &PeriodMention| {
        let k = if matches!(title.chars.get(p.end), Some('”' | '"' | '’')) { p.end + 1 } else { p.end };
        matches!(title.chars.get(k..k + 2), Some(['目', '标'] | ['规', '划'] | ['任', '务']))
    };
    let found: Vec<PeriodMention> =
        find_periods(rules, &title, cx.published).into_iter().filter(|p| !names_goal(p)).collect();
    // 关于2022年…前三季度推进情况的通报: a year and a run of its months name the run.
    let narrowest: Vec<&PeriodMention> = found
        .iter()
        .filter(|p| !(p.iso.len() == 4 && found.iter().any(|q| q.iso.len() > 4 && q.iso.starts_with(&p.iso))))
        .collect();
    match narrowest.as_slice() {
        [only] => Some(only.iso.clone()),
        _ => None,
    }
}

/// 浙江省2023年水资源公报, published in July 2024: 6月 and 4—10月 written without a year are
/// months of the year the headline reports on, not of the publication year, and a span since
/// a year (2021年以来, “十四五”以来) runs to that year. Applies when the
/// headline names one year, before the year of publication, and not after 今年 in the same
/// paragraph (今年以来，…1-2月，… is of the year of publication).
/// `report` is the headline's period ([`title_period`]).
pub(super) fn months_of_report_year(report: Option<&str>, cx: &Context<'_>, s: &[char], periods: &mut [PeriodMention]) {
    let (Some(report), Some(published)) = (report, published_year(cx.published)) else { return };
    let Ok(year) = report.parse::<i32>() else { return };
    if report.len() != 4 || year >= published {
        return;
    }
    let (from, to) = (format!("{published:04}-"), format!("{year:04}-"));
    for p in periods.iter_mut() {
        let para_start = s[..p.start].iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
        let this_year = s[para_start..p.start].windows(2).any(|w| w == ['今', '年']);
        // 上半年 and 下半年 name no year; 2024年, 今年 and 上年 do.
        let written = &s[p.start..p.end];
        let names_year = (1..written.len()).any(|k| {
            written[k] == '年'
                && (written[k - 1].is_ascii_digit()
                    || numbers::chinese_digit(written[k - 1]).is_some()
                    || matches!(written[k - 1], '今' | '去' | '明' | '前' | '本' | '上'))
        }) || written.first() == Some(&'年');
        let implicit = !this_year && !names_year && !recent_day(written, cx.published);
        if implicit && p.iso.contains('-') && p.iso.split('/').all(|part| part.starts_with(&from)) {
            p.iso = p.iso.replace(&from, &to);
            p.prior = None;
        }
        // “十四五”以来, 自1987年…以来 in a bulletin on 2024 published in March 2025: up to the
        // year it reports on, not to publication.
        let since = written.ends_with(&['以', '来']);
        if let Some((first, last)) = p.iso.split_once('/').filter(|_| since && !this_year) {
            match (first.parse::<i32>(), last.parse::<i32>()) {
                (Ok(first), Ok(last)) if last == published && first < year => p.iso = format!("{first:04}/{year:04}"),
                (Ok(first), Ok(last)) if last == published && first == year => p.iso = format!("{year:04}"),
                _ => {}
            }
        }
    }
}

/// 截至1月20日 in a release of 23 January on the year before: a day written without its year,
/// in the month of publication or the one before and not after publication, is of the year of
/// publication (a count as the release goes out), not of the year reported on.
fn recent_day(written: &[char], published: Option<&str>) -> bool {
    let Some((pm, pd)) =
        published.and_then(|p| Some((p.get(5..7)?.parse::<u32>().ok()?, p.get(8..10)?.parse::<u32>().ok()?)))
    else {
        return false;
    };
    let number = |cs: &[char]| -> Option<u32> {
        let digits: String =
            cs.iter().rev().take_while(|c| c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
        digits.parse().ok()
    };
    let Some(yue) = written.iter().position(|&c| c == '月') else { return false };
    let Some(ri) = written.iter().position(|&c| c == '日').filter(|&r| r > yue + 1) else { return false };
    let (Some(m), Some(d)) = (number(&written[..yue]), number(&written[yue + 1..ri])) else { return false };
    (m == pm && d <= pd) || (m + 1 == pm)
}

/// 1—2月和11—12月冬春干燥季节共发生火灾1587起: months of one year joined by 和 / 、 / 及 / 与
/// (and no 分别 after them, which gives one to each figure) are one period, the year they
/// lie in, as no single span holds them.
pub(super) fn joined_months(s: &[char], periods: &mut [PeriodMention]) {
    let year_of = |iso: &str| {
        let parts: Vec<&str> = iso.split('/').collect();
        let y = parts[0].get(..4)?;
        parts.iter().all(|p| p.len() == 7 && p.starts_with(y)).then(|| y.to_string())
    };
    for i in 1..periods.len() {
        let (a, b) = (&periods[i - 1], &periods[i]);
        // 2月1日至6日、2月18日至24日: two spans of one month are of that month.
        let joined = b.start == a.end + 1 && matches!(s[a.end], '和' | '、' | '及' | '与') && a.iso != b.iso;
        let each = || {
            let sentence_end = (b.end..s.len()).find(|&k| matches!(s[k], '。' | '；' | '\n')).unwrap_or(s.len());
            s[b.end..sentence_end].windows(2).any(|w| w == ['分', '别'])
        };
        let year = year_of(&a.iso).filter(|y| joined && year_of(&b.iso).as_ref() == Some(y) && !each());
        if let Some(year) = year {
            let prior = periods[i].prior.as_deref().and_then(year_of);
            for p in &mut periods[i - 1..=i] {
                p.iso = year.clone();
                p.prior = prior.clone();
                p.month_end = false;
            }
        }
    }
}

/// The one period every actual figure that has a period states, if there is exactly one and
/// the first paragraph (the lead of a release) states it (the caller checks it is recent).
pub(super) fn single_period(s: &[char], claims: &[Claim]) -> Option<String> {
    let lead_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    let mut stated = claims.iter().filter(|c| c.modality == Modality::Actual && c.period.is_some());
    let first = stated.next()?;
    let period = first.period.as_deref()?;
    (first.span[0] < lead_end && stated.all(|c| c.period.as_deref() == Some(period))).then(|| period.to_string())
}

/// The period most actual figures that state one share, when at least three do and it is at
/// least two in three of them (a year or a run of months, not a single month's stock): a
/// release whose lead names no period (省政协十三届三次会议以来，…) reports on the period its
/// dated figures mostly state (截至2025年底，…；全年新增…), with an earlier year for a
/// comparison here and there (由2023年的65.8%提高到…).
///
/// Not in a release that compares with the month before (比上月): it reports a month, and a
/// year its figures mostly state is no period of the rest.
fn dominant_period(claims: &[Claim]) -> Option<String> {
    if claims.iter().any(|c| c.change.as_ref().is_some_and(|ch| ch.basis == Some(crate::model::Basis::Mom))) {
        return None;
    }
    let stated: Vec<&str> =
        claims.iter().filter(|c| c.modality == Modality::Actual).filter_map(|c| c.period.as_deref()).collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &p in &stated {
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((p, 1)),
        }
    }
    let &(period, n) = counts.iter().max_by_key(|&&(_, n)| n)?;
    (is_reporting_period(period, false) && n >= 3 && 3 * n >= 2 * stated.len()).then(|| period.to_string())
}

/// The period of the release's lead: the period the first figure of the body's first
/// paragraph with figures states as fact (今年全省夏粮播种面积…, 今年1至6月，全省城镇新增就业…),
/// when it is a year, a month or a run of months from January (a reporting period, not a
/// deadline or a stock at a date) that ended at most a year before the release was published
/// (not the history a story opens with: 2003年6月，浙江启动…工程，计划用5年时间…).
fn lead_period(s: &[char], claims: &[Claim], published: Option<&str>) -> Option<String> {
    let first = claims.first()?;
    let para_end = (first.span[0]..s.len()).find(|&k| s[k] == '\n').unwrap_or(s.len());
    let in_lead = || claims.iter().take_while(|c| c.span[0] < para_end);
    let lead = in_lead().find(|c| c.period.is_some())?;
    let period = lead.period.as_deref()?;
    // A reporting lead states several figures of its period (a story's one dated event does not).
    if in_lead().filter(|c| c.period.as_deref() == Some(period)).count() < 2 {
        return None;
    }
    (lead.modality == Modality::Actual && is_reporting_period(period, true) && recent(period, published))
        .then(|| period.to_string())
}

/// The period the release's first paragraph opens with as the frame of what it tells
/// (龙年春节假期（2月10日至17日），我市…; 2023年，全省…), when that period ended at most a
/// year before publication: the time the release reports on, though its lead states no figure.
fn lead_frame(rules: &ClaimRules, s: &[char], periods: &[PeriodMention], published: Option<&str>) -> Option<String> {
    let lead_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    // A mention running past the lead's end (a pattern's `\s*` across the line break) frames
    // nothing.
    let first = periods.iter().filter(|p| p.start < lead_end).min_by_key(|p| p.start).filter(|p| p.end <= lead_end)?;
    // Only a few characters of the frame's own name before it (龙年春节假期（), or a reporting
    // clause (记者从…获悉，), and a comma closing it.
    let after = s[first.end..lead_end].iter().find(|c| !matches!(c, '）' | ')'));
    let stop = |c: &char| matches!(c, '，' | '。' | '；' | '：');
    let reported = first.start > 1
        && s[first.start - 1] == '，'
        && !s[..first.start - 1].iter().any(stop)
        && rules.period_report_frames.ending_at(s, first.start - 1).is_some();
    let opens = (first.start <= 8 && !s[..first.start].iter().any(stop)) || reported;
    (opens && after == Some(&'，') && !first.target_lead && first.prior.is_none() && recent(&first.iso, published))
        .then(|| first.iso.clone())
}

/// Whether `period` is one a release reports on: a year, a run of months from January within a
/// year, or (with `month`) a single month.
fn is_reporting_period(period: &str, month: bool) -> bool {
    match period.split_once('/') {
        None => period.len() == 4 || (month && period.len() == 7),
        Some((a, b)) => a.len() == 7 && a.ends_with("-01") && b.len() == 7 && a[..4] == b[..4],
    }
}

/// A release reports on a period that ended at most a year before it was published.
fn recent(period: &str, published: Option<&str>) -> bool {
    match (period_end(period), published_year(published)) {
        (Some((y, _)), Some(py)) => y >= py - 1,
        _ => true,
    }
}

/// `恢复到2019年的九成`, `达到2012年的2.4倍`: a year after 到/至 and before 的 and a share in
/// 成 or 倍 is what the figure is measured against, not a deadline or its period. (增至2023年的
/// 39218元 and 提高到2023年的66.2% state the level of that year.)
pub(super) fn year_as_baseline(s: &[char], p: usize) -> bool {
    if !matches!(s.get(p), Some('到' | '至')) {
        return false;
    }
    let digits = s[p + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || s.get(p + 5) != Some(&'年') || s.get(p + 6) != Some(&'的') {
        return false;
    }
    let numeral = s[p + 7..].iter().take_while(|c| numbers::is_numeral_char(**c) || **c == '点').count();
    numeral > 0 && matches!(s.get(p + 7 + numeral), Some('成' | '倍'))
}

/// Whether `s` holds a figure: a run of digits that is no date or time (1月12日, 2019年 and
/// 10时 are none).
fn figure_in(s: &[char]) -> bool {
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = s[i..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
        if !matches!(s.get(i + run), Some('年' | '月' | '日' | '号' | '时')) {
            return true;
        }
        i += run;
    }
    false
}

pub(super) fn period_for<'p>(
    periods: &'p [PeriodMention],
    s: &[char],
    pos: usize,
    sent_start: usize,
    duration: bool,
) -> Option<&'p PeriodMention> {
    // Nearest period ending before the figure within its paragraph; the sentence's own first.
    let para_start = (0..pos).rev().find(|&k| s[k] == '\n').map(|k| k + 1).unwrap_or(0);
    let floor = para_start.min(sent_start);
    let full_sentence = (0..pos).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '\n')).map_or(0, |k| k + 1);
    // From an earlier sentence only a lead period carries over (今年1-7月，…), and a target
    // year (到2025年) only when it opens the paragraph.
    let lead = |p: &PeriodMention| {
        let ss =
            (0..p.start).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '；' | '\n')).map(|k| k + 1).unwrap_or(0);
        // A month's match takes the char after it (4月份，); an aside in brackets may stand
        // between (2024年3月（2024年3月1日0时至3月31日24时），).
        let open = [p.end - 1, p.end].into_iter().find(|&k| matches!(s.get(k), Some('（' | '(')));
        let past_aside = open.map_or(p.end, |o| {
            s[o..].iter().take(40).position(|c| matches!(c, '）' | ')')).map_or(p.end, |k| o + k + 1)
        });
        let comma_after = matches!(s.get(past_aside), Some('，' | ',')) || matches!(s[p.end - 1], '，' | ',');
        // 根据…统计，从1981年到2002年，…: a span opening a clause after frames with no figure.
        let open = if p.start > ss && matches!(s[p.start - 1], '从' | '自') { p.start - 1 } else { p.start };
        let after_frames = open > ss
            && matches!(s[open - 1], '，' | ',')
            && p.iso.contains('/')
            && !s[ss..open].iter().any(|&c| c.is_ascii_digit() || numbers::is_numeral_char(c));
        // 2月1日至6日、2月18日至24日，…: the last of a list of periods opens where the first does.
        let mut first = p.start;
        while first > ss && matches!(s[first - 1], '、' | '和' | '及') {
            match periods.iter().find(|q| q.end == first - 1 && q.start < q.end) {
                Some(q) => first = q.start,
                None => break,
            }
        }
        // 此后一路下滑，到2023年，…；59个…城市中: a time framing a clause holds for the later
        // clauses of its sentence (to its 。), a deadline too.
        let frames_sentence = first >= full_sentence && {
            let b = if first > ss && matches!(s[first - 1], '到' | '至' | '在') { first - 1 } else { first };
            // 【吴秋莲】今年上半年，…: a speaker's name in brackets opens the turn as a colon does.
            b == ss || matches!(s[b - 1], '，' | ',' | '；' | ';' | '：' | ':' | '】')
        };
        // 全年乡村旅游接待游客…；农产品网络零售额…: a period opening its sentence holds to its
        // 。 even without a comma after it.
        let opens_sentence = first == full_sentence;
        // 经济运行稳中有进。…增长6.9%…。2016年至2019年，全县固定资产投资累计完成186.4亿元。一般公共
        // 预算收入…: a span of years opening a sentence after figures of its paragraph is an aside
        // of that sentence (a total over years); the sentences after it report the paragraph's
        // period again. A span after a heading sentence only (（五）…审计。2021年至2023年，…) leads.
        let years = p.iso.split_once('/').is_some_and(|(a, b)| a.len() == 4 && b.len() == 4);
        let aside = years && p.start < full_sentence && {
            let own =
                (para_start..p.start).rev().find(|&k| matches!(s[k], '。' | '！' | '？')).map_or(para_start, |k| k + 1);
            figure_in(&s[para_start..own])
        };
        if aside {
            return false;
        }
        // 上半年全省票房…；暑期档（6月1日—8月31日）票房5.03亿元…。国产影片票房占比…: a dated span
        // after a semicolon is an aside of its sentence, not the frame of the sentences after it.
        let aside_span = ss > 0 && matches!(s[ss - 1], '；' | ';');
        // 据…情况，9月份我市…下降0.2%；…定基指数为96.4: a time opening a statement about a
        // place frames its sentence across a semicolon (家用电器…增长14.2%，9月份增长28.7%；…
        // is an aside of its clause).
        // A deadline (到2027年全省…) holds for its own clause only.
        let deadline = p.start > 0 && matches!(s[p.start - 1], '到' | '至');
        // …；共建创新中心已建成训练场2个，累计采集数据超过10万条: what stands to date is of
        // no period.
        let to_date = states_now(&s[sent_start..pos])
            || s[sent_start..pos].contains(&'已')
            || s[sent_start..pos].windows(2).any(|w| w == ['累', '计']);
        let statement = frames_sentence
            && p.scoped
            && !deadline
            && !to_date
            && sent_start > 0
            && matches!(s[sent_start - 1], '；' | ';');
        opens_sentence
            || statement
            || (p.span && !aside_span)
            || comma_after
                && (frames_sentence
                    || ((first - ss <= 1 || heading_word_before(&s[ss..first]) || after_frames)
                        && !(p.start > 0 && matches!(s[p.start - 1], '到' | '至'))))
    };
    // 去年同期, 上年同期: the baseline a figure is compared with, not its period.
    let baseline = |p: &PeriodMention| s.get(p.end..p.end + 2) == Some(&['同', '期'][..]);
    // 扣除去年同期…、去年年中出台的政策…影响后: what an adjustment removes is no period either.
    let adjusting = |p: &PeriodMention| {
        let from = (0..p.start).rev().find(|&k| matches!(s[k], '，' | ',' | '。' | '；' | '\n')).map_or(0, |k| k + 1);
        s[from..p.start].windows(2).any(|w| matches!(w, ['扣', '除'] | ['剔', '除']))
    };
    // 从2020年的2.1%提高到2.65%: the start of a rise is that one figure's period; 是2020年的
    // 2.3倍 measures against it (增至2023年的39218元 is the level reached, and its period
    // holds on).
    let of_another = |p: &PeriodMention| {
        let before = if p.start > 0 { s[p.start - 1] } else { ' ' };
        s.get(p.end) == Some(&'的')
            && numbers::can_start(s, p.end + 1)
            && ((pos != p.end + 1 && matches!(before, '从' | '由')) || matches!(before, '是' | '为' | '于'))
    };
    // 2023年，…。基本养老保险覆盖近11亿人: a whole year stated earlier in the paragraph (not a
    // deadline or a start) holds for the sentences after it that state none.
    // A year written out (2023年, not 今年以来 or 全年), and not for a sentence about now (目前…).
    let now = states_now(&s[sent_start..pos]);
    let year_of_paragraph = |p: &PeriodMention| {
        let before = if p.start > 0 { s[p.start - 1] } else { ' ' };
        let written = &s[p.start..p.end];
        // A duration (近4年的学习) lasts; it is of no year. A year in a document's title
        // (按照《关于做好2024年暑期铁路运输工作的通知》部署) names the document only.
        let titled = s[para_start..p.start].iter().rev().find(|c| matches!(c, '《' | '》')) == Some(&'《');
        !now && !duration
            && !titled
            && p.iso.len() == 4
            && written.len() == 5
            && written[..4].iter().all(char::is_ascii_digit)
            && written[4] == '年'
            && !matches!(before, '到' | '至' | '从' | '由' | '自')
            && !matches!(s.get(p.end), Some('以' | '起' | '前' | '后' | '底' | '末'))
    };
    let usable = |p: &PeriodMention| {
        (!p.of_next || pos == p.end + 1)
            && p.end <= pos
            && p.start >= floor
            && !baseline(p)
            && !adjusting(p)
            && !of_another(p)
    };
    let found = periods
        .iter()
        .rev()
        .find(|p| usable(p) && (p.start >= sent_start || lead(p) || p.target_lead || year_of_paragraph(p)));
    // 7月1日至8月31日，为期62天的2024年铁路暑期运输圆满结束。暑运期间，…: a year carried from an
    // earlier sentence gives way to a lead period of that year stated before it.
    let carried_year = found.filter(|p| p.start < sent_start && !lead(p) && !p.target_lead);
    if let Some(year) = carried_year {
        let narrower = periods.iter().rev().find(|p| {
            p.end <= year.start && usable(p) && lead(p) && p.iso.len() > year.iso.len() && p.iso.starts_with(&year.iso)
        });
        if narrower.is_some() {
            return narrower;
        }
    }
    // 前三季度，…增长3.4%。9月份，…增长5.2%。分经济类型看，国有控股企业增长4.7%: a single month
    // opening a later sentence of a paragraph that a run of months up to it leads is an aside
    // of one sentence; the sentences after it report the run again.
    // 全年新建…412个。截至2025年12月末，…总数达到6312个。…新命名…150家: so is a month's end
    // closing the year that leads the paragraph.
    let aside_month = found.filter(|p| p.start < full_sentence && p.iso.len() == 7 && !p.span);
    if let Some(month) = aside_month {
        let run = periods.iter().rev().find(|p| {
            p.end <= month.start
                && usable(p)
                && (lead(p) || month.month_end && (p.start == 0 || matches!(s[p.start - 1], '。' | '\n')))
                && (!month.month_end
                    && p.iso.len() == 15
                    && p.iso.ends_with(&month.iso)
                    && p.iso.starts_with(&format!("{}-01/", &month.iso[..4]))
                    || month.month_end
                        && month.iso.ends_with("-12")
                        && p.prior.as_deref().unwrap_or(&p.iso) == &month.iso[..4])
        });
        if run.is_some() {
            return run;
        }
    }
    found.or_else(|| goal_section(periods, s, pos))
}

/// 二、主要目标 / 到2026年，…。 / 培育…企业50家以上，…: a target year opening the first paragraph
/// under a heading that names goals holds for the later paragraphs of that section too, up to
/// the next heading (三、重点任务, （一）…), when no other period is stated in between.
fn goal_section<'p>(periods: &'p [PeriodMention], s: &[char], pos: usize) -> Option<&'p PeriodMention> {
    let lead = periods.iter().rev().find(|p| p.end <= pos && p.target_lead)?;
    if periods.iter().any(|p| p.start >= lead.end && p.end <= pos) {
        return None;
    }
    let line_start = |at: usize| (0..at).rev().find(|&k| s[k] == '\n').map_or(0, |k| k + 1);
    let heading = |a: usize| {
        let line: Vec<char> = s[a..].iter().take_while(|&&c| c != '\n').copied().collect();
        let numeral = line.iter().take_while(|&&c| numbers::chinese_digit(c).is_some() || c == '十').count();
        let bracketed = matches!(line.first(), Some('（' | '('))
            && line.get(1).is_some_and(|&c| numbers::chinese_digit(c).is_some() || c == '十');
        (numeral > 0 && line.get(numeral) == Some(&'、')) || bracketed
    };
    let para = line_start(lead.start);
    let above = line_start(para.checked_sub(1)?);
    let goal_heading = heading(above) && s[above..para].windows(2).any(|w| w == ['目', '标']);
    if !goal_heading || line_start(pos) == para {
        return None;
    }
    // Every line from the lead's paragraph to the figure's belongs to the section.
    let breaks = (lead.end..line_start(pos)).filter(|&k| s[k] == '\n');
    breaks.into_iter().all(|k| !heading(k + 1)).then_some(lead)
}

/// Whether the period at `a..b` opens its paragraph as a target year: `到2026年，` at the
/// paragraph's start or right after a heading word and colon (主要目标：到2026年，).
pub(super) fn opens_target_paragraph(s: &[char], a: usize, b: usize) -> bool {
    let Some(to) = a.checked_sub(1) else { return false };
    if !matches!(s[to], '到' | '至') || !matches!(s.get(b), Some('，' | ',')) {
        return false;
    }
    let para_start = (0..to).rev().find(|&k| s[k] == '\n').map(|k| k + 1).unwrap_or(0);
    let head = &s[para_start..to];
    head.iter().all(|c| c.is_whitespace()) || heading_word_before(head)
}

/// A heading word or speaker with its colon opening a paragraph (主要目标：, 答：, 王建国：).
pub(super) fn heading_word_before(head: &[char]) -> bool {
    head.len() <= 12
        && matches!(head.last(), Some('：' | ':'))
        && head.iter().all(|c| crate::clean::is_han(*c) || matches!(c, '：' | ':' | '（' | '）' | ' '))
}

/// The last month a period covers, as `(year, month)`: `2024` → (2024, 12), `2024-01/2024-07`
/// → (2024, 7), `../2024-09-30` → (2024, 9).
pub(super) fn period_end(iso: &str) -> Option<(i32, u32)> {
    let last = iso.rsplit('/').next()?;
    let year = last.get(..4)?.parse().ok()?;
    let month = match last.get(5..7) {
        Some(m) => m.parse().ok()?,
        None => 12,
    };
    Some((year, month))
}

/// The year of an ISO publication date (`2024-08-28` → 2024).
pub(super) fn published_year(published: Option<&str>) -> Option<i32> {
    published.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok())
}

pub(super) fn find_periods(rules: &ClaimRules, f: &Folded, published: Option<&str>) -> Vec<PeriodMention> {
    let pub_year = published_year(published);
    let pub_month: Option<u32> = published.and_then(|p| p.get(5..7)).and_then(|m| m.parse().ok());
    let mut out: Vec<PeriodMention> = Vec::new();
    let mut taken = vec![false; f.chars.len()];
    // Ends of the mentions right after 比 or 较: a list they open is of baselines.
    let mut compared_ends: Vec<usize> = Vec::new();
    let titled = in_titles(&f.chars);
    let scan = rules.period_scanner.scan(&f.string);
    let in_ranges = |k: usize| scan.ranges(k).into_iter().map(|r| (r.start, &f.string[r]));
    for (k, r) in rules.periods.iter().enumerate() {
        for (base, c) in
            in_ranges(k).flat_map(|(base, hay)| super::super::captures(&r.regex, hay).map(move |c| (base, c)))
        {
            let Some(m) = c.get(0) else { continue };
            let (mut a, b) = (f.char_at_byte(base + m.start()), f.char_at_byte(base + m.end()));
            // Patterns may open with optional parts and `\s*`: the mention starts at its first
            // visible char, never at the line break before it.
            while a < b && f.chars[a].is_whitespace() {
                a += 1;
            }
            if taken[a..b].iter().any(|t| *t) {
                continue; // an earlier (more specific) rule already covers it
            }
            // 比上年同期, 较去年, 比1-5月, 是2012年的2.4倍: a baseline, not the period of a
            // figure; its parts (5月) are not periods either.
            let measured_against = a > 0 && year_as_baseline(&f.chars, a - 1);
            // 较2022年的38.6亿元, 比2002年（5.02亿人）: the baseline's own figure, written right
            // after it, is of that period (and no other figure is).
            let of_next = a > 0
                && matches!(f.chars[a - 1], '比' | '较')
                && matches!(f.chars.get(b), Some('的' | '（' | '('))
                && numbers::can_start(&f.chars, b + 1);
            // 较协定生效前的2021年增长5.3%: a year modified inside a 较/比 phrase and followed
            // by the change is a baseline too.
            let clause_from = (a.saturating_sub(16)..a)
                .rev()
                .find(|&k| matches!(f.chars[k], '，' | '。' | '；' | '\n'))
                .map_or(a.saturating_sub(16), |k| k + 1);
            let compared = a > 0
                && f.chars[a - 1] == '的'
                && f.chars[clause_from..a].iter().any(|c| matches!(c, '比' | '较'))
                && rules.change.at(&f.chars, b).is_some();
            // 与全国2024年平均水平（15.37%）相比，…低0.25个百分点: a time inside a 与…相比 frame
            // is what the figures after it are compared with.
            let framed = f.chars[clause_from..a].contains(&'与') && {
                let close = (b..(b + 24).min(f.chars.len()))
                    .find(|&k| matches!(f.chars[k], '，' | '。' | '；' | '\n'))
                    .unwrap_or(b);
                f.chars[b..close].windows(2).any(|w| w == ['相', '比'] || w == ['对', '比'])
            };
            // 恢复至2019年同期的136.5%, 与上年同期持平: the same time of another year is what a
            // figure is compared with.
            let same_time = f.chars.get(b..b + 2) == Some(&['同', '期'][..]);
            // 每年7月至9月, 每季度: a recurring time is no dated period.
            let recurring = (a > 0 && f.chars[a - 1] == '每')
                || (a > 1 && f.chars[a - 2] == '每' && matches!(f.chars[a - 1], '年' | '月'))
                || f.chars.get(a) == Some(&'每');
            // 完成全年目标任务的58.5%: the period of a target a figure is measured against (全年
            // 目标是…3900万吨 is the target's own).
            let of_target = {
                let mut k = b;
                while matches!(f.chars.get(k..k + 2), Some(['目', '标'] | ['任', '务'])) {
                    k += 2;
                }
                k > b && f.chars.get(k) == Some(&'的')
            };
            // 受4月上旬低温影响: the time of a cause, not of the figures after it.
            let cause = a > 0 && matches!(f.chars[a - 1], '受' | '因');
            // 四季度办理2.13万件，占全年总量的28.7%: the whole a share is of is no period of it.
            let share_of = a > 0 && f.chars[a - 1] == '占';
            // 改造2000年底前建成的老旧小区: a time before which what a noun names was done
            // describes it; it is no period of the figures.
            let describes = f.chars.get(b) == Some(&'前')
                && f.chars[b..(b + 8).min(f.chars.len())]
                    .iter()
                    .take_while(|c| !matches!(c, '，' | '。' | '；' | '、' | '\n'))
                    .any(|&c| c == '的');
            // 为1998年以来最多: the start of a record, what the figure is compared with.
            // 居1961年有完整气象记录以来第6位: what began in the year may stand before 以来.
            let since_end = if f.chars[a..b].ends_with(&['以', '来']) {
                b
            } else {
                (b..(b + 14).min(f.chars.len().saturating_sub(1)))
                    .take_while(|&k| !is_clause_break(f.chars[k]) && !f.chars[k].is_ascii_digit())
                    .find(|&k| f.chars[k..k + 2] == ['以', '来'])
                    .map_or(b + 2, |k| k + 2)
            };
            let record = f.chars.get(since_end - 2..since_end) == Some(&['以', '来'][..])
                && rules.period_records.at(&f.chars, since_end).is_some()
                // 创近五年新高: the recent years a record is set among.
                || f.chars[a] == '近' && rules.period_records.at(&f.chars, b).is_some();
            // 定基指数（2020年=100）: the base of an index, no period of it.
            let index_base = matches!(f.chars.get(b), Some('=' | '＝'));
            if (of_target || cause || share_of || record || describes || index_base)
                || (!of_next
                    && a > 0
                    && (framed
                        || matches!(f.chars[a - 1], '比' | '较' | '与' | '同' | '是')
                        // 高于2020年 compares; 关于2025年…情况的通报 names its topic.
                        || f.chars[a - 1] == '于' && !(a > 1 && matches!(f.chars[a - 2], '关' | '对'))
                        || measured_against
                        || compared
                        || recurring))
                || same_time
            {
                if !of_next && a > 0 && matches!(f.chars[a - 1], '比' | '较') {
                    compared_ends.push(b);
                }
                taken[a..b].iter_mut().for_each(|t| *t = true);
                continue;
            }
            if let Some(mut iso) = resolve_period(&c, pub_year) {
                // 8月以来 in a release of November: from August to the month of publication.
                if c.name("since").is_some() {
                    if let (Some((y, m)), Some(py), Some(pm)) = (period_end(&iso), pub_year, pub_month) {
                        // 2023年7月以来 in a release of July 2024: up to publication too.
                        if iso.len() == 7 && (y, m) < (py, pm) {
                            iso = format!("{iso}/{py:04}-{pm:02}");
                        }
                        // 2021年以来累计… in a release of 2024: the years up to publication; in
                        // one of January or February, up to the year it reports on.
                        let last = if pm <= 2 { py - 1 } else { py };
                        if iso.len() == 4 && y < last {
                            iso = format!("{iso}/{last:04}");
                        }
                    }
                }
                // “十四五”以来 in a release of 2023: the plan's years so far (2021/2023); in one
                // of January or February, those up to the year it reports on.
                if c.name("plan").is_some() && c[0].ends_with("以来") {
                    if let (Some((first, last)), Some(py), Some(pm)) = (iso.split_once('/'), pub_year, pub_month) {
                        let (first, last) = (first.parse::<i32>().unwrap_or(py), last.parse::<i32>().unwrap_or(py));
                        let now = if pm <= 2 { py - 1 } else { py }.min(last);
                        if now > first {
                            iso = format!("{first:04}/{now:04}");
                        } else if now == first {
                            iso = format!("{first:04}");
                        }
                    }
                }
                // 审计调查了…2021年至2023年…情况。三年来，…: the last N years after a span of N
                // years stated earlier in the paragraph are that span.
                let stated_span = c.name("yn").or(c.name("yp")).and_then(|_| {
                    let para = f.chars[..a].iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
                    out.iter().rev().find(|p| {
                        p.start >= para
                            && p.end <= a
                            && span_years(&p.iso).is_some()
                            && span_years(&p.iso) == span_years(&iso)
                    })
                });
                if let Some(p) = stated_span {
                    iso = p.iso.clone();
                } else if c.name("yn").or(c.name("yp")).is_some() && pub_month.is_some_and(|m| m <= 2) {
                    // 五年来 in a work report of January: the five years up to the one it reports on.
                    if let Some((first, last)) = iso.split_once('/') {
                        if let (Ok(first), Ok(last)) = (first.parse::<i32>(), last.parse::<i32>()) {
                            iso = format!("{:04}/{:04}", first - 1, last - 1);
                        }
                    }
                }
                taken[a..b].iter_mut().for_each(|t| *t = true);
                // 《…三年行动方案（2022—2024年）》, 《山东省“十四五”…规划》: the years a document
                // covers are no period of the figures near its title, unless what follows
                // the title states its content (印发《…（2019—2021年）》，明确三年内…). An
                // edition year (《2023年全球创新指数报告》) is the year its figures are of.
                if titled[a] && iso.contains('/') && !stated_by_title(&f.chars, b) {
                    continue;
                }
                let implicit_year =
                    c.name("y").is_none() && c.name("plan").is_none() && c.name("yn").or(c.name("yp")).is_none();
                let unfinished = match (period_end(&iso), pub_year, pub_month) {
                    (Some(end), Some(y), Some(m)) => end > (y, m),
                    _ => false,
                };
                // 自6月1日至12月31日 in a release of May: a window being set is of this year.
                let window = c.name("window").is_some();
                let prior = if implicit_year && unfinished && !window && !this_year_named(&f.chars, a, pub_year) {
                    resolve_period(&c, pub_year.map(|y| y - 1))
                } else {
                    None
                };
                let estimate = prior.is_some()
                    && pub_month.is_some_and(|m| m <= 2)
                    && rules.period_estimates.ending_at(&f.chars, a).is_some();
                let target_lead = opens_target_paragraph(&f.chars, a, b);
                let month_end = iso.len() == 7
                    && (c.name("end").is_some()
                        || f.chars[a..(b + 1).min(f.chars.len())].iter().any(|&c| matches!(c, '末' | '底')));
                let span = dated_span(rules, &f.chars, a, b);
                // A month's match may take the char after it (7月全): the word may start there.
                let scoped = [b - 1, b].into_iter().any(|k| rules.scope_words.at(&f.chars, k).is_some());
                out.push(PeriodMention {
                    start: a,
                    end: b,
                    iso,
                    prior,
                    estimate,
                    target_lead,
                    of_next,
                    month_end,
                    span,
                    scoped,
                });
            }
        }
    }
    span_anaphors(rules, &f.chars, &taken, &mut out);
    out.sort_by_key(|p| (p.end, p.start));
    listed_baselines(&f.chars, compared_ends, &mut out);
    relative_baselines(&f.chars, &mut out);
    out
}

/// 增速较一季度、上半年和前三季度分别提高4.1个、2.3个和0.8个百分点: the periods listed after
/// a baseline (joined by 、, 和, 及) are baselines too, no period of the figures. `compared_ends`
/// are the ends of the mentions written right after 比 or 较; `out` is sorted by position.
fn listed_baselines(s: &[char], mut compared_ends: Vec<usize>, out: &mut Vec<PeriodMention>) {
    if compared_ends.is_empty() {
        return;
    }
    out.retain(|p| {
        let listed =
            p.start > 0 && matches!(s[p.start - 1], '、' | '和' | '及') && compared_ends.contains(&(p.start - 1));
        if listed {
            compared_ends.push(p.end);
        }
        !listed
    });
}

/// `a..b` dates a span named right before its bracket (2025年国庆中秋假期（10月1日至8日），;
/// 春运期间（1月14日至2月22日），; 2025年春节档（1月28日至2月4日）圆满收官), with no other clause
/// between the span's name and the start of its clause.
fn dated_span(rules: &ClaimRules, s: &[char], a: usize, b: usize) -> bool {
    matches!(s.get(b), Some('）' | ')'))
        && span_name(rules, s, a).is_some_and(|(start, _)| {
            let clause =
                (0..start).rev().find(|&k| matches!(s[k], '，' | ',' | '。' | '；' | '\n')).map_or(0, |k| k + 1);
            start - clause <= 16
        })
}

/// The span name (`[period_spans] names`) right before the bracket that opens at `a - 1`,
/// past the span's length in days between them (春运40天（1月26日—3月5日）, 春节假期八天（…）):
/// its start and end.
fn span_name(rules: &ClaimRules, s: &[char], a: usize) -> Option<(usize, usize)> {
    if a == 0 || !matches!(s[a - 1], '（' | '(') {
        return None;
    }
    let mut end = a - 1;
    if end > 1 && matches!(s[end - 1], '天' | '日') {
        let digits =
            (0..end - 1).rev().take_while(|&k| s[k].is_ascii_digit() || numbers::is_numeral_char(s[k])).count();
        if digits > 0 {
            end -= 1 + digits;
        }
    }
    rules.period_span_names.ending_at(s, end).map(|(len, ())| (end - len, end))
}

/// 假期期间，…: a later name of a span dated in brackets (see `dated_span`) is a mention of the
/// same window, up to the next span dated. Where spans of several names are dated (春运40天
/// （…） and later 春节假期8天（…）), 春运期间 is of the span named 春运.
fn span_anaphors(rules: &ClaimRules, s: &[char], taken: &[bool], out: &mut Vec<PeriodMention>) {
    // Each span's end, period (with the year before, for a span of a year not yet ended) and name.
    let spans: Vec<(usize, String, Option<String>, &[char])> = out
        .iter()
        .filter(|p| p.span)
        .filter_map(|p| span_name(rules, s, p.start).map(|(a, b)| (p.end, p.iso.clone(), p.prior.clone(), &s[a..b])))
        .collect();
    let Some(first) = spans.first().map(|(end, ..)| *end) else { return };
    let mut k = first;
    while k < s.len() {
        let Some((len, ())) = rules.period_span_anaphors.at(s, k).filter(|_| !taken[k]) else {
            k += 1;
            continue;
        };
        let before = || spans.iter().rev().filter(|(end, ..)| *end <= k);
        let named = before().find(|(.., name)| s[k..k + len].starts_with(name));
        if let Some((_, iso, prior, _)) = named.or_else(|| before().next()) {
            out.push(PeriodMention {
                start: k,
                end: k + len,
                iso: iso.clone(),
                prior: prior.clone(),
                estimate: false,
                target_lead: false,
                of_next: false,
                month_end: false,
                span: false,
                scoped: false,
            });
        }
        k += len;
    }
}

/// The first and last year of a span of years written `YYYY/YYYY` (2021/2023 → (2021, 2023)).
pub(super) fn year_span(iso: &str) -> Option<(i32, i32)> {
    let (a, b) = iso.split_once('/').filter(|(a, b)| a.len() == 4 && b.len() == 4)?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// How many whole years `iso` spans (2021/2023 → 3), if it is a span of years.
fn span_years(iso: &str) -> Option<i32> {
    let (a, b) = year_span(iso)?;
    (b > a).then_some(b - a + 1)
}

/// The title holding `from` is followed by a verb stating its content (明确, 提出), past an
/// aside (（以下简称《方案》）) and a comma.
fn stated_by_title(s: &[char], from: usize) -> bool {
    let Some(close) = s[from..].iter().position(|c| *c == '》').map(|k| from + k + 1) else { return false };
    let mut k = close;
    if matches!(s.get(k), Some('（' | '(')) {
        match s[k..].iter().take(40).position(|c| matches!(c, '）' | ')')) {
            Some(len) => k += len + 1,
            None => return false,
        }
    }
    if matches!(s.get(k), Some('，' | ',')) {
        k += 1;
    }
    matches!(
        s.get(k..k + 2),
        Some(['明', '确'] | ['提', '出'] | ['要', '求'] | ['确', '定'] | ['规', '定'] | ['指', '出'] | ['强', '调'])
    )
}

/// Which chars stand inside a 《…》 title (at most 80 chars, on one line).
fn in_titles(s: &[char]) -> Vec<bool> {
    let mut inside = vec![false; s.len()];
    let mut i = 0;
    while i < s.len() {
        if s[i] == '《' {
            if let Some(len) = s[i + 1..].iter().take(81).position(|c| matches!(c, '》' | '《' | '\n')) {
                if s[i + 1 + len] == '》' {
                    inside[i + 1..i + 1 + len].iter_mut().for_each(|x| *x = true);
                    i += len + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    inside
}

/// 2018年销售额6532亿元，增速比上年的26.1%有所回落: a baseline's own figure named by a
/// relative year (上年, 去年, 前年) is of the year before the one its sentence states, not the
/// year before the release.
fn relative_baselines(s: &[char], periods: &mut [PeriodMention]) {
    for i in 0..periods.len() {
        let back = match &s[periods[i].start..periods[i].end] {
            ['上', '年'] | ['去', '年'] => 1,
            ['前', '年'] => 2,
            _ => continue,
        };
        if !periods[i].of_next {
            continue;
        }
        let sent_start =
            (0..periods[i].start).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '\n')).map_or(0, |k| k + 1);
        // The sentence's own year, not another baseline's (比2017年的2073.5亿元).
        let stated = periods[..i].iter().rev().find(|p| {
            !p.of_next
                && p.start >= sent_start
                && p.iso.len() == 4
                && s[p.start..p.start + 4].iter().all(char::is_ascii_digit)
        });
        if let Some(y) = stated.and_then(|p| p.iso.parse::<i32>().ok()) {
            periods[i].iso = (y - back).to_string();
        }
    }
}

pub(super) fn cn_digit(s: &str) -> Option<u32> {
    s.chars().next().and_then(|c| c.to_digit(10).or_else(|| numbers::chinese_digit(c)))
}

pub(super) fn resolve_period(c: &regex::Captures<'_>, pub_year: Option<i32>) -> Option<String> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    let num = |n: &str| g(n).and_then(|v| v.trim_end_matches(['年', '月']).parse::<u32>().ok());
    if let Some(plan) = g("plan") {
        // 十一五 = 2006-2010 … 十五五 = 2026-2030
        let n = plan.chars().nth(1).and_then(numbers::chinese_digit)? as i32;
        let start = 2006 + (n - 1) * 5;
        return Some(format!("{start}/{}", start + 4));
    }
    // 五年来, 过去五年: the last N years, up to the publication year (see `find_periods` for
    // releases of January and February).
    let whole = |v: &str| {
        v.parse::<i32>()
            .ok()
            .or_else(|| numbers::parse_whole(v, numbers::Mode::Normal).and_then(|d| i32::try_from(d.mantissa()).ok()))
    };
    if let Some(n) = g("yn").or(g("yp")).and_then(whole) {
        let now = pub_year?;
        return (2..=10).contains(&n).then(|| format!("{:04}/{now:04}", now - n + 1));
    }
    if let (Some(a), Some(b)) = (num("y1"), num("y2")) {
        // 2023年12月—2024年2月: months of two years.
        if let (Some(m1), Some(m2)) = (num("m1"), num("m2")) {
            let ok = (1..=12).contains(&m1) && (1..=12).contains(&m2) && (a, m1) < (b, m2);
            return ok.then(|| format!("{a:04}-{m1:02}/{b:04}-{m2:02}"));
        }
        return (a < b).then(|| format!("{a:04}/{b:04}"));
    }
    let year = match g("y") {
        Some(y) if y.starts_with(['1', '2']) => y.trim_end_matches('年').parse::<i32>().ok(),
        Some("今年" | "本年" | "当年") => pub_year,
        Some("去年" | "上年") => pub_year.map(|y| y - 1),
        Some("前年") => pub_year.map(|y| y - 2),
        Some("明年") => pub_year.map(|y| y + 1),
        Some(_) => None,
        None => pub_year,
    }?;
    let ym = |m: u32| format!("{year:04}-{m:02}");
    // 截至2020年底 / 2023年末: a stock at the year's end is that year's figure; 截至9月末 and
    // 截至11月20日 that month's (as annotators and statistics tables date a stock).
    if g("ye").is_some() {
        return Some(format!("{year:04}"));
    }
    if g("end").is_some() {
        let m = num("m")?;
        if !(1..=12).contains(&m) {
            return None;
        }
        return (num("d").unwrap_or(1) <= 31).then(|| ym(m));
    }
    // 2月10日至17日: a window of days within one month names that month twice.
    let m2 = num("m2").or_else(|| g("d2").and(num("m1")));
    if [num("d1"), num("d2")].iter().flatten().any(|d| *d > 31) {
        return None;
    }
    if let (Some(m1), Some(m2)) = (num("m1"), m2) {
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || m1 > m2 {
            return None;
        }
        return Some(if m1 == m2 { ym(m1) } else { format!("{}/{}", ym(m1), ym(m2)) });
    }
    if let Some(n) = g("mn").and_then(|m| {
        m.parse::<u32>()
            .ok()
            .or_else(|| numbers::parse_whole(m, numbers::Mode::Normal).and_then(|d| u32::try_from(d.mantissa()).ok()))
    }) {
        return (1..=12).contains(&n).then(|| if n == 1 { ym(1) } else { format!("{}/{}", ym(1), ym(n)) });
    }
    if let Some(q) = g("qn").and_then(cn_digit).or_else(|| g("qn").filter(|q| *q == "两").map(|_| 2)) {
        return Some(format!("{}/{}", ym(1), ym(3 * q)));
    }
    // 三季度末, 上半年末: a stock at a quarter's or half's end is its last month's.
    let at_end = g("pe").is_some();
    if let Some(q) = g("q").or(g("qq")).and_then(cn_digit) {
        if (1..=4).contains(&q) {
            return Some(if at_end { ym(3 * q) } else { format!("{}/{}", ym(3 * q - 2), ym(3 * q)) });
        }
    }
    if let Some(h) = g("half") {
        return Some(match (h == "上", at_end) {
            (true, true) => ym(6),
            (false, true) => ym(12),
            (true, false) => format!("{}/{}", ym(1), ym(6)),
            (false, false) => format!("{}/{}", ym(7), ym(12)),
        });
    }
    if let Some(m) = num("m") {
        return (1..=12).contains(&m).then(|| ym(m));
    }
    (g("y").is_some() || g("full").is_some()).then(|| format!("{year:04}"))
}

/// 今年是…的第二年，全年调剂资金规模2716亿元: the sentence names the current year before `at`,
/// so a period without its year there is this year's, stated or not.
fn this_year_named(s: &[char], at: usize, pub_year: Option<i32>) -> bool {
    let start = s[..at].iter().rposition(|c| matches!(c, '。' | '！' | '？' | '\n')).map_or(0, |i| i + 1);
    // 2024年，全省计划…，一季度将…: the year of publication written out, opening a clause
    // (not a baseline, nor the end of a range in a title: （2022—2025年）).
    let written_out = |k: usize| {
        pub_year.is_some_and(|y| writes_year(&s[k..at], y))
            && (k == start || matches!(s[k - 1], '，' | ',' | '：' | ':' | '；'))
    };
    s[start..at].windows(2).any(|w| matches!(w, ['今' | '本', '年'])) || (start..at).any(written_out)
}

/// Whether `s` starts with the year `y` written in four ASCII digits and 年.
fn writes_year(s: &[char], y: i32) -> bool {
    let Ok(y) = u32::try_from(y) else { return false };
    y < 10_000
        && s.len() >= 5
        && s[4] == '年'
        && (0..4u32).all(|i| s[i as usize].to_digit(10) == Some(y / 10u32.pow(3 - i) % 10))
}

/// 从2015年到2020年，快递业务量从8.1亿件增加到26.3亿件: over a span of years, the figure a
/// rise starts from (从/由 right before it) is of the first year, and the figure it reaches
/// (到/至 right before it, after a 从 in the sentence or a verb of change: 减少至) of the last;
/// other figures keep the span (an average over it).
pub(super) fn side_of_span(s: &[char], sent_start: usize, pos: usize, period: Option<String>) -> Option<String> {
    let p = period?;
    let years = p.split_once('/').filter(|(a, b)| a.len() == 4 && b.len() == 4);
    let Some((first, last)) = years else { return Some(p) };
    // Past a hedge between the word and the figure (增至约39.5万人).
    let mut k = pos;
    while k > sent_start && matches!(s[k - 1], '约' | '近' | '超' | '逾') {
        k -= 1;
    }
    let prev = if k > sent_start { s[k - 1] } else { ' ' };
    if matches!(prev, '从' | '由') {
        return Some(first.to_string());
    }
    let from_before = s[sent_start..k].iter().any(|c| matches!(c, '从' | '由'));
    // 2021年以来…减少至1174座: the level a change reaches, with or without where it started.
    let reached =
        k >= sent_start + 2 && matches!(s[k - 2], '少' | '加' | '长' | '升' | '高' | '低' | '大' | '多' | '降');
    if matches!(prev, '到' | '至') && (from_before || reached) {
        return Some(last.to_string());
    }
    Some(p)
}

/// The period a figure states through the mention governing it: an actual figure of a
/// period written without its year that had not ended takes the year before, and so does an
/// estimate of a year just ended (see `PeriodMention::estimate`).
pub(super) fn as_stated(mention: Option<&PeriodMention>, modality: Modality) -> Option<String> {
    mention.map(|p| match (&p.prior, modality) {
        (Some(prior), Modality::Actual) => prior.clone(),
        (Some(prior), Modality::Target) if p.estimate => prior.clone(),
        _ => p.iso.clone(),
    })
}

/// 6月末，存款余额6.78万亿元，比年初增加3526.4亿元: an increase in an amount or count (not a
/// rate) stated at a month's end (`mention`) is what accrued from the start of the year, or
/// from the month-end it is compared with (截至9月末，…比6月末增加402万人 → 2023-07/2023-09), to
/// that month. A year-on-year difference of the level (同比增加) stays the month's, as does a
/// rise against an earlier year; an increase of an increase (同比多增) is over the span again.
pub(super) fn increase_to_date(
    s: &[char],
    mention: Option<&PeriodMention>,
    clause_start: usize,
    fig_start: usize,
    increment: bool,
    period: Option<String>,
) -> Option<String> {
    let p = period?;
    if !increment || p.len() != 7 || !mention.is_some_and(|m| m.month_end) {
        return Some(p);
    }
    let (Some(year), Some(month)) = (p.get(..4), p.get(5..7).and_then(|m| m.parse::<u32>().ok())) else {
        return Some(p);
    };
    let before = &s[clause_start..fig_start];
    let has = |w: &str| {
        let w: Vec<char> = w.chars().collect();
        before.windows(w.len()).any(|x| x == w.as_slice())
    };
    let against_year = ["同比", "比上年", "较上年", "比去年", "较去年", "上年同期"].iter().any(|w| has(w));
    if against_year && !has("多增") && !has("少增") {
        return Some(p);
    }
    // 比6月末, 较3月底: the month-end compared with; else the start of the year.
    let from = before
        .windows(2)
        .enumerate()
        .rev()
        .filter(|(_, w)| w[0] == '月' && matches!(w[1], '末' | '底'))
        .find_map(|(k, _)| {
            let digits: String = before[..k].iter().rev().take_while(|c| c.is_ascii_digit()).collect();
            let at = k - digits.len();
            let compared = at > 0 && matches!(before[at - 1], '比' | '较');
            compared.then(|| digits.chars().rev().collect::<String>().parse::<u32>().ok()).flatten()
        })
        .map_or(1, |m| m + 1);
    Some(if from < month { format!("{year}-{from:02}/{year}-{month:02}") } else { p })
}

/// 上半年全区经营主体发展情况…南宁市实有经营主体86.47万户: a figure of a stock (`[period_stocks]`)
/// that was given a run of months within a year is its level at the run's last month, unless it
/// is an increase in it (比年初增加…, over the run).
/// A count of entities (企业数量, `counts`) is such a stock only when its sentence states no
/// period (前4个月，有进出口实绩的民营企业数量增加10.1% counts over the run).
pub(super) fn stocks_at_the_end(rules: &ClaimRules, s: &[char], periods: &[PeriodMention], claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        let Some(p) = c.period.as_deref() else { continue };
        let Some((a, b)) = p.split_once('/') else { continue };
        if a.len() != 7 || b.len() != 7 || a[..4] != b[..4] {
            continue;
        }
        let own = periods.iter().any(|p| p.start >= c.sentence[0] && p.end <= c.sentence[1]);
        // 村干部占立案总数比重: what a share is of is no stock of its own; a share of a flow
        // (占全部新增存款的近96%, `[metric] flow_leads`) is one over the run.
        let of_flow = c.metric.as_deref().and_then(|m| m.split_once('占')).is_some_and(|(_, d)| {
            let d: Vec<char> = d.chars().collect();
            (0..d.len()).any(|k| rules.metric_flow_leads.at(&d, k).is_some())
        });
        let stock = !of_flow
            && c.metric.as_deref().and_then(|m| m.split('占').next()).is_some_and(|m| {
                let m: Vec<char> = m.chars().collect();
                // 当期结余 (当期/t is no part of the metric): a stock word written right after a word
                // of the run's own flow is that flow.
                let written = (c.sentence[0]..c.span[0].saturating_sub(m.len()) + 1)
                    .rev()
                    .find(|&k| s.get(k..k + m.len()) == Some(&m[..]));
                let flow = (0..m.len()).any(|k| rules.period_stock_flows.at(&m, k).is_some())
                    || written.is_some_and(|k| rules.period_stock_flows.ending_at(s, k).is_some());
                !flow
                    && (0..m.len()).any(|k| {
                        rules.period_stocks.at(&m, k).is_some()
                            || (!own && rules.period_stock_counts.at(&m, k).is_some())
                    })
            });
        // 9月末贷款余额254.7万亿元；前三季度累计新增14.2万亿元: a figure whose clause states a run
        // and no stock word measures the run's flow, whatever metric it took from before.
        let before = &s[c.sentence[0]..c.span[0].min(s.len())];
        let stock_written = (0..before.len()).any(|k| rules.period_stocks.at(before, k).is_some());
        if stock && !is_increment(c) && (stock_written || !own) {
            c.period = Some(b.to_string());
        }
    }
}

/// 年度计划改造老旧院落126个, 年度目标（120部）: a level the year's plan names (`[period_stocks]
/// annual`, opening its phrase) is the year's, whatever run of months its sentence reports. Not a
/// share of the plan (完成年度计划的82.3%), nor what a clause counts against it (完成年度目标任务的
/// 14个, 超过年度目标任务279万人): those are progress over the run.
pub(super) fn annual_plans(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        let Some(p) = c.period.as_deref() else { continue };
        let level = matches!(c.kind, ClaimKind::Amount | ClaimKind::Count | ClaimKind::Quantity);
        let annual = c.metric.as_deref().is_some_and(|m| {
            let m: Vec<char> = m.chars().collect();
            let lo = c.span[0].saturating_sub(m.len() + 2);
            let at = (lo..c.span[0]).find(|&b| s[b..].starts_with(&m));
            rules.period_annual.at(&m, 0).is_some()
                && at.is_some_and(|b| {
                    let gap = &s[b + m.len()..c.span[0]];
                    (b == 0 || !crate::clean::is_han(s[b - 1])) && gap.iter().all(|c| matches!(c, '（' | '('))
                })
        });
        // Months of one year (2022-09, 2022-01/2022-09).
        let within_year =
            p.len() >= 7 && p.as_bytes()[4] == b'-' && p.split('/').all(|x| x.len() == 7 && x[..4] == p[..4]);
        if level && annual && within_year {
            c.period = Some(p[..4].to_string());
        }
    }
}

/// 【数据链接】2021年全省各级教育主要指标 / 学前教育：幼儿园8917所…: a heading line (short, without
/// sentence punctuation or a figure) that names a period gives it to the actual figures of the
/// lines under it that state none, up to the next heading (a heading naming no period ends it).
pub(super) fn headed_lines(s: &[char], periods: &[PeriodMention], claims: &mut [Claim]) {
    let mut current: Option<&str> = None;
    let mut start = 0;
    while start < s.len() {
        let end = s[start..].iter().position(|&c| c == '\n').map_or(s.len(), |p| start + p);
        let on_line = |c: &Claim| (start..end).contains(&c.span[0]);
        let heading = end > start
            && end - start <= 40
            && !s[start..end].iter().any(|c| matches!(c, '。' | '，' | ',' | '；' | ';' | '：' | ':'))
            && !claims.iter().any(on_line);
        if heading {
            current = periods.iter().find(|p| p.start >= start && p.end <= end).map(|p| p.iso.as_str());
        } else if let Some(period) = current {
            let duration = |c: &Claim| c.unit.as_deref().is_some_and(super::is_duration_unit);
            for c in claims
                .iter_mut()
                .filter(|c| on_line(c) && c.period.is_none() && c.modality == Modality::Actual && !duration(c))
            {
                c.period = Some(period.to_string());
            }
        }
        start = end + 1;
    }
}

/// An increase in an amount or count (增加3526.4亿元), not a growth rate or a level.
pub(super) fn is_increment(c: &Claim) -> bool {
    c.kind == crate::model::ClaimKind::Change && !matches!(c.unit.as_deref(), None | Some("%" | "pp"))
}

/// 4月份进出口3.64万亿元…。其中出口额和进口额分别提升…: a sentence opening with 其中 breaks
/// down the figure before it, so its figures without a period of their own sentence take
/// that figure's period (not a lead of an earlier sentence or the release's).
pub(super) fn sub_items_share_period(s: &[char], periods: &[PeriodMention], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let sentence = claims[k].sentence;
        if s.get(sentence[0]..sentence[0] + 2) != Some(&['其', '中'][..]) {
            continue;
        }
        let at = claims[k].span[0];
        if periods.iter().any(|p| p.start >= sentence[0] && p.end <= at) {
            continue;
        }
        let Some(last) = (0..k).rev().find(|&j| claims[j].sentence[1] <= sentence[0]) else { continue };
        // Levels break down a level, not the increase stated after it (…412.36万户，较年初增加
        // 21.46万户。其中，企业103.58万户).
        let before = claims[last].sentence;
        let j = (0..=last)
            .rev()
            .take_while(|&j| claims[j].sentence == before)
            .find(|&j| is_increment(&claims[j]) == is_increment(&claims[k]))
            .unwrap_or(last);
        let prev = &claims[j];
        let adjacent = !s[prev.sentence[1]..sentence[0]].contains(&'\n');
        if adjacent && prev.period.is_some() && prev.modality == claims[k].modality {
            claims[k].period = prev.period.clone();
        }
    }
}

/// 出院者平均住院日为8.3天，比去年同期的8.6天缩短0.3天: a figure written after a comparison with
/// the year before and 的 (`[period_prior_baselines]`) is the baseline's own, of the period of the
/// figure it is compared with (the last before it in its sentence with its unit) a year earlier.
pub(super) fn prior_baselines(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let at = claims[k].span[0];
        if at < 4 || s[at - 1] != '的' {
            continue;
        }
        let Some((len, ())) = rules.period_prior_words.ending_at(s, at - 1) else { continue };
        if rules.period_prior_before.ending_at(s, at - 1 - len).is_none() {
            continue;
        }
        let sentence = claims[k].sentence;
        let compared = (0..k)
            .rev()
            .take_while(|&j| claims[j].sentence == sentence)
            .find(|&j| claims[j].unit == claims[k].unit && claims[j].period.is_some());
        if let Some(p) = compared.and_then(|j| claims[j].period.as_deref()).and_then(year_before) {
            claims[k].period = Some(p);
        }
    }
}

/// A period (2025, 2025-06, 2025-01/2025-06, 2021/2025) a year earlier; none for any other form.
fn year_before(p: &str) -> Option<String> {
    let shift = |part: &str| -> Option<String> {
        let (y, rest) = part.split_at_checked(4)?;
        let y: i32 = y.parse().ok()?;
        let month = rest.len() == 3 && rest.starts_with('-') && rest[1..].bytes().all(|b| b.is_ascii_digit());
        (rest.is_empty() || month).then(|| format!("{:04}{rest}", y - 1))
    };
    let parts: Vec<String> = p.split('/').map(shift).collect::<Option<_>>()?;
    (parts.len() <= 2).then(|| parts.join("/"))
}

/// Whether a breakdown frame (从县（市、区）看，, 分级别看，: `[period_breakdowns]`) opens at `a`.
pub(super) fn opens_breakdown(rules: &ClaimRules, s: &[char], a: usize) -> bool {
    rules.period_breakdown_openers.at(s, a).is_some()
        && (a + 1..(a + 13).min(s.len())).any(|k| {
            rules.period_breakdown_closers.at(s, k).is_some()
                && !s[a..k].iter().any(|c| matches!(c, '，' | '。' | '；'))
        })
}

/// 上半年，…营业收入856.3亿元…。\n从县（市、区）看，…分别为312.4亿元: a paragraph opening with a
/// breakdown frame breaks down the paragraph right above it, so its figures without a period
/// stated in the paragraph before them take the period of that paragraph's first figure.
pub(super) fn breakdowns_share_period(rules: &ClaimRules, s: &[char], periods: &[PeriodMention], claims: &mut [Claim]) {
    let line_start = |at: usize| (0..at).rev().find(|&k| s[k] == '\n').map_or(0, |k| k + 1);
    let opens_breakdown = |a: usize| opens_breakdown(rules, s, a);
    for k in 1..claims.len() {
        let at = claims[k].span[0];
        let para = line_start(at);
        if claims[k].period.is_some() || para == 0 || !opens_breakdown(para) {
            continue;
        }
        if periods.iter().any(|p| p.start >= para && p.end <= at) {
            continue;
        }
        // The period the paragraph above opens its figures with (上半年, not the 截至6月底 of a
        // stock stated last).
        let above = line_start(para - 1);
        let Some(first) = claims[..k].iter().find(|c| c.span[0] >= above && c.span[0] < para) else { continue };
        // 一季度、上半年、前三季度…分别增长5.2%、5.8%和6.0%: a first figure of a list giving one
        // period each is of no period the paragraph states for all.
        let one_each = s[first.sentence[0]..first.span[0]].windows(2).any(|w| w == ['分', '别'])
            && claims[..k].iter().any(|c| c.sentence == first.sentence && c.period != first.period);
        if first.period.is_some() && first.modality == claims[k].modality && !one_each {
            claims[k].period = first.period.clone();
        }
    }
}

/// Gives the actual figures without a period the one the release states for all; `report`
/// is the headline's period ([`title_period`]).
pub(super) fn fill_release_period(
    rules: &ClaimRules,
    cx: &Context<'_>,
    report: Option<&str>,
    s: &[char],
    periods: &[PeriodMention],
    claims: &mut [Claim],
) {
    // A statistical release names its period in the headline (2024年上半年全省经济运行情况):
    // figures stated without one are of that period, unless they are targets.
    // Otherwise, a release whose stated figures all share one period (2024年全省粮食总产量…；
    // 其中，早稻产量…) reports the rest for it too.
    let single = single_period(s, claims).filter(|p| recent(p, cx.published));
    // 2025年春节档广东电影票房… over 2025年春节档（1月28日至2月4日）圆满收官。: a span the lead
    // dates in brackets, inside the year the headline names, is the more exact period.
    // 2024年春运收官… over 春运40天（1月26日—3月5日），…: so is the first span dated anywhere in
    // the body under a name the headline uses.
    let lead_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    let title: Vec<char> = cx.title.unwrap_or_default().chars().collect();
    let headline_names = |p: &PeriodMention| {
        span_name(rules, s, p.start).is_some_and(|(a, b)| b - a >= 2 && title.windows(b - a).any(|w| w == &s[a..b]))
    };
    let lead_span = periods
        .iter()
        .find(|p| p.span && p.end <= lead_end)
        .or_else(|| periods.iter().find(|p| p.span && headline_names(p)));
    let titled = report.map(|t| match lead_span {
        Some(p) if t.len() == 4 && p.iso.starts_with(t) => p.iso.clone(),
        _ => t.to_string(),
    });
    if let Some(period) = titled.or(single) {
        for c in claims.iter_mut().filter(|c| c.period.is_none() && c.modality == Modality::Actual) {
            c.period = Some(period.clone());
        }
    } else if let Some(period) = lead_period(s, claims, cx.published)
        .or_else(|| lead_frame(rules, s, periods, cx.published))
        .or_else(|| dominant_period(claims).filter(|p| recent(p, cx.published)))
    {
        // Not to durations (用18天), which last rather than fall in the lead's period, nor to
        // what a sentence says holds now (目前，已有近3000家企业申报).
        let duration = |c: &Claim| c.unit.as_deref().is_some_and(super::is_duration_unit);
        for c in claims.iter_mut().filter(|c| {
            c.period.is_none()
                && c.modality == Modality::Actual
                && !duration(c)
                && !states_now(&s[c.sentence[0]..c.span[0]])
        }) {
            c.period = Some(period.clone());
        }
    }
    this_year_of_paragraph(s, periods, claims);
}

/// Whether the words before a figure in its sentence say it holds now (目前, 当前, 现已): a
/// stock of today, of no period the text states before it.
fn states_now(before: &[char]) -> bool {
    before.windows(2).any(|w| matches!(w, ['目', '前'] | ['当', '前'] | ['现', '已']))
}

/// 刘建华介绍，今年全省粮食生产…再获丰收。据…数据，全省早稻播种面积1761.5万亩: 今年 written in
/// an earlier sentence of a paragraph (not 今年以来, 今年底) holds for the later figures of that
/// paragraph that state none, as a year written out does (see `period_for`). It runs after the
/// release's own period is given, so it dates only what that left open: all figures of a
/// release that states no period for all, and targets and forecasts (力争…) in any release. Not
/// for durations, nor for what holds now (目前…).
fn this_year_of_paragraph(s: &[char], periods: &[PeriodMention], claims: &mut [Claim]) {
    // Claims mostly come in text order: from the last claim's paragraph start, only the text
    // between the two is scanned.
    let (mut para_start, mut scanned) = (0, 0);
    for c in claims.iter_mut().filter(|c| c.period.is_none()) {
        let at = c.span[0];
        let from = if at >= scanned { scanned } else { 0 };
        para_start = match (from..at).rev().find(|&k| s[k] == '\n') {
            Some(k) => k + 1,
            None if from == 0 => 0,
            None => para_start,
        };
        scanned = at;
        if states_now(&s[c.sentence[0]..at]) || c.unit.as_deref().is_some_and(super::is_duration_unit) {
            continue;
        }
        let this_year = periods.iter().rev().find(|p| {
            p.start >= para_start
                && p.end <= c.sentence[0]
                && s[p.start..p.end] == ['今', '年']
                && !matches!(s.get(p.end), Some('以' | '起' | '前' | '后' | '底' | '末' | '初'))
        });
        if let Some(p) = this_year {
            c.period = Some(p.iso.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::year_before;
    use crate::model::Modality;

    #[test]
    fn a_baseline_of_the_year_before_is_a_year_before_the_figure_it_is_compared_with() {
        let p = |t: &str| claims_of(t, Some("2025-08-06")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("上半年，全省医院出院者平均住院日为8.3天，比去年同期的8.6天缩短0.3天。");
        assert_eq!(got[1].as_deref(), Some("2024-01/2024-06"));
        assert_eq!(got[2].as_deref(), Some("2025-01/2025-06"));
        assert_eq!(year_before("2021/2025").as_deref(), Some("2020/2024"));
        assert_eq!(year_before("2025-06").as_deref(), Some("2024-06"));
        assert_eq!(year_before("2025-W3"), None);
    }

    #[test]
    fn a_recent_day_is_of_the_year_of_publication_and_a_class_of_its_year() {
        let read = |t: &str| {
            let seg = PIPE.segmenter();
            let c = PIPE
                .extractor()
                .extract(t, &seg.segment(t), Some("2026-01-23"), Some("2025年森林防灭火工作新闻发布会"))
                .claims;
            c.into_iter().map(|c| (c.text, c.period)).collect::<Vec<_>>()
        };
        let got = read("截至1月20日，全省2600余个森林防火检查站全部上岗到位。1月份，全省完成造林5万亩。");
        assert_eq!(got[0].1.as_deref(), Some("2026-01"));
        assert_eq!(got[1].1.as_deref(), Some("2025-01"));
        let got = read("2025届全省高校毕业生规模达到59.6万人。");
        assert_eq!(got, [("59.6万人".to_string(), Some("2025".to_string()))]);
    }

    #[test]
    fn ends_of_a_rise_over_a_span_baselines_with_their_figure_and_stocks_at_an_end() {
        let p = |t: &str| claims_of(t, Some("2024-05-10")).into_iter().map(|c| (c.text, c.period)).collect::<Vec<_>>();
        let got = p("从2015年到2020年，快递业务量从8.1亿件增加到26.3亿件，年均增长26.6%。");
        let want = [("8.1亿件", "2015"), ("26.3亿件", "2020"), ("26.6%", "2015/2020")];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((text, period), (t, w)) in got.iter().zip(want) {
            assert_eq!((text.as_str(), period.as_deref()), (t, Some(w)));
        }
        let got = p("今年一季度亏损较2022年的38.6亿元收窄。");
        assert_eq!(got[0].1.as_deref(), Some("2022"), "{got:?}");
        let got = p("截至2023年末，城镇化率达到66.16%。截至4月末，贷款余额8.1万亿元。截至4月30日，存款12万亿元。");
        let periods: Vec<_> = got.iter().map(|(_, p)| p.as_deref()).collect();
        assert_eq!(periods, [Some("2023"), Some("2024-04"), Some("2024-04")]);
        // Since a month: up to the month of publication.
        let got = p("3月以来，全省新增企业1.2万户；5月份以来新增8000户。");
        let periods: Vec<_> = got.iter().map(|(_, p)| p.as_deref()).collect();
        assert_eq!(periods, [Some("2024-03/2024-05"), Some("2024-05")]);
    }

    #[test]
    fn a_dated_span_after_a_semicolon_frames_its_sentence_only() {
        let p = |t: &str| claims_of(t, Some("2024-10-08")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("今年1—9月，全省票房16.8亿元。上半年票房10.37亿元；暑期档（6月1日—8月31日）票房5.03亿元。\
                     国产影片票房占比达82.7%。");
        let want = ["2024-01/2024-09", "2024-01/2024-06", "2024-06/2024-08", "2024-01/2024-09"];
        assert_eq!(got, want.map(|p| Some(p.to_string())));
        // Opening its sentence, it frames the sentences after it.
        let got = p("暑期档（6月1日—8月31日），全省票房5.03亿元。国产影片票房占比达82.7%。");
        assert_eq!(got, [Some("2024-06/2024-08".to_string()), Some("2024-06/2024-08".to_string())]);
        // Since what began in a year: to the year of publication.
        let got = p("该活动自2022年启动以来已累计开展公益放映5600余场。");
        assert_eq!(got, [Some("2022/2024".to_string())]);
    }

    #[test]
    fn a_month_opening_a_sentence_of_a_paragraph_led_by_its_run_is_an_aside() {
        let p = |t: &str| claims_of(t, Some("2023-10-25")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("前三季度，全省工业稳步回升。工业增加值增长3.4%。9月份，工业增加值增长5.2%；出口增长2.1%。\
                     分经济类型看，国有控股企业增长4.7%。");
        let run = Some("2023-01/2023-09".to_string());
        let month = Some("2023-09".to_string());
        assert_eq!(got, [run.clone(), month.clone(), month, run]);
    }

    #[test]
    fn a_span_of_years_after_figures_of_its_paragraph_is_an_aside() {
        let p = |t: &str| claims_of(t, Some("2020-01-10")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("2019年，经济运行稳中有进。工业增加值增长9.3%。2016年至2019年，固定资产投资累计完成186.4亿元。\
                     一般公共预算收入完成10.37亿元。");
        let (year, span) = (Some("2019".to_string()), Some("2016/2019".to_string()));
        assert_eq!(got, [year.clone(), span.clone(), year]);
        // After a heading sentence with no figure, the span leads its paragraph.
        let got = p("（五）专项资金审计。2016年至2019年，累计安排资金318.6亿元。审计发现，43家企业骗取补助。");
        assert_eq!(got, [span.clone(), span.clone()]);
        // A date before the span is no figure: the span still leads.
        let got = p("1月12日，县政府召开发布会。2016年至2019年，累计安排资金318.6亿元。完成投资52亿元。");
        assert_eq!(got, [span.clone(), span]);
    }

    #[test]
    fn an_estimate_of_the_whole_year_in_january_is_of_the_year_just_ended() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let text = "预计全年实现地区生产总值166.8亿元。";
        assert_eq!(p(text, "2020-01-10"), [Some("2019".to_string())]);
        // Later in the year it forecasts the year under way.
        assert_eq!(p(text, "2020-07-10"), [Some("2020".to_string())]);
    }

    #[test]
    fn this_year_in_an_earlier_sentence_holds_for_its_paragraph() {
        let p = |t: &str| claims_of(t, Some("2024-11-14")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("刘建华介绍，今年全省粮食生产再获丰收。据统计，全省早稻播种面积1761.5万亩。");
        assert_eq!(got, [Some("2024".to_string())]);
        // Not in the next paragraph, nor for what holds now.
        let got = p("今年全省粮食生产再获丰收。\n全省早稻播种面积1761.5万亩。");
        assert_eq!(got, [None]);
        let got = p("11月13日上午，省政府举行发布会。\n今年粮食丰收。目前，全省库点386个。");
        assert_eq!(got, [None]);
    }

    #[test]
    fn the_last_years_up_to_now_end_with_the_year_reported_on() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        // A work report of January looks back on the five years before it.
        let got = p("五年来，全省共批准逮捕犯罪嫌疑人13.8万人。", "2024-01-26");
        assert_eq!(got, [Some("2019/2023".to_string())]);
        let got = p("过去五年，全县高速公路通车里程达到86公里。", "2022-02-10");
        assert_eq!(got, [Some("2017/2021".to_string())]);
        // Later in the year, the years up to this one.
        let got = p("三年来，共引进顶尖人才28人。", "2024-05-10");
        assert_eq!(got, [Some("2022/2024".to_string())]);
        // 近三年 without 来 too; but 近五年新高 is a record set among those years.
        let got = p("近三年，全市累计新增新能源公交车1126辆。", "2026-01-22");
        assert_eq!(got, [Some("2023/2025".to_string())]);
        let got = p("2024年全省粮食产量达到600亿斤，创近五年新高。", "2025-03-10");
        assert_eq!(got, [Some("2024".to_string())]);
    }

    #[test]
    fn a_span_dated_in_brackets_frames_its_sentence_and_is_named_again_later() {
        let p = |t: &str| claims_of(t, Some("2025-10-09")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let text = "2025年国庆中秋假期（10月1日至8日），口岸查验出入境人员28.6万人次；查验交通工具4126架次。\n\
                    今年以来，查验人员986万人次。\n假期期间，共有1.27万名外国人免签入境。";
        let got = p(text);
        let want = ["2025-10", "2025-10", "2025", "2025-10"];
        assert_eq!(got, want.map(|w| Some(w.to_string())));
        // Dates in a bracket not after a span's name frame nothing beyond their clause.
        let got = p("今年以来，全省调度重点项目（7月1日至8日），开展巡查；新开工项目120个。");
        assert_eq!(got, [Some("2025".to_string())]);
    }

    #[test]
    fn the_same_time_of_another_year_is_a_baseline_and_a_plan_so_far_ends_now() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        // 2019年同期 is what the ratio is measured against, not its period.
        let got = p("旅游收入恢复至2019年同期的128.2%。", "2024-02-18");
        assert_eq!(got, [None]);
        // “十四五”以来: the plan's years up to the release's (in January, the year before).
        let got = p("“十四五”以来，全省累计投入资金680亿元。", "2023-10-24");
        assert_eq!(got, [Some("2021/2023".to_string())]);
        let got = p("“十四五”以来，全省累计投入资金680亿元。", "2024-01-30");
        assert_eq!(got, [Some("2021/2023".to_string())]);
        let got = p("“十四五”期间，全省计划投入资金680亿元。", "2023-10-24");
        assert_eq!(got, [Some("2021/2025".to_string())]);
    }

    #[test]
    fn a_level_the_years_plan_names_is_the_years() {
        let p = |t: &str| claims_of(t, Some("2022-10-10")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("截至9月底，项目完成投资15.2亿元，年度计划投资17.4亿元，完成年度计划的87.4%。");
        assert_eq!(got, [Some("2022-09".into()), Some("2022".into()), Some("2022-09".into())]);
        assert_eq!(p("截至9月底，已完成年度目标任务的14个。"), [Some("2022-09".to_string())]);
    }

    #[test]
    fn months_across_two_years() {
        let c = claims_of("冬季（2023年12月—2024年2月）平均气温5.2℃。", Some("2024-12-30"));
        assert_eq!(c[0].period.as_deref(), Some("2023-12/2024-02"));
        let c = claims_of("2024年1-7月，全省工业增加值增长8.2%。", Some("2024-08-28"));
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-07"));
    }

    #[test]
    fn increases_to_a_month_end_accrue_and_stocks_stand_at_a_span_end() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("6月末，存款余额6.78万亿元，同比增长7.2%，比年初增加3526.4亿元，同比多增218.7亿元。", "2024-07-16");
        let want = ["2024-06", "2024-06", "2024-01/2024-06", "2024-01/2024-06"];
        assert_eq!(got, want.map(|w| Some(w.to_string())));
        let got = p("截至9月末，持卡人数13.77亿人，比6月末增加402万人，贷款余额同比增加1200亿元。", "2023-10-25");
        assert_eq!(got, ["2023-09", "2023-07/2023-09", "2023-09"].map(|w| Some(w.to_string())));
        // A stock given a run of months is its level at the end; a flow keeps the run.
        let got = p("上半年，全区新设企业8.92万户。南宁市实有经营主体86.47万户。", "2024-07-26");
        assert_eq!(got, ["2024-01/2024-06", "2024-06"].map(|w| Some(w.to_string())));
        // A share of a stock's total (立案总数) is no stock: it keeps the run.
        let got = p("前三季度，立案查处村干部5218人，占立案总数的22.1%。", "2024-10-20");
        assert_eq!(got, ["2024-01/2024-09", "2024-01/2024-09"].map(|w| Some(w.to_string())));
        // 当期结余 is what the run added; 累计结余 the balance at its end.
        let got = p("1—9月，基金总收入1862.4亿元，收支相抵当期结余116.5亿元，累计结余3126.7亿元。", "2024-10-24");
        assert_eq!(got, ["2024-01/2024-09", "2024-01/2024-09", "2024-09"].map(|w| Some(w.to_string())));
        // A share of a flow (新增存款) is over the run, whatever stock owns it.
        let got = p("上半年，住户存款余额1.86万亿元，上半年增加1689.7亿元，占全部新增存款的近96%。", "2023-07-20");
        assert_eq!(got[2], Some("2023-01/2023-06".to_string()));
    }

    #[test]
    fn a_year_end_closing_the_year_of_the_paragraph_frames_its_own_sentence_only() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let text = "全年新建工会驿站412个。截至2025年12月末，全省工会驿站总数达到6312个。新命名模范职工之家150家。";
        assert_eq!(p(text, "2026-01-15"), ["2025", "2025-12", "2025"].map(|w| Some(w.to_string())));
    }

    #[test]
    fn a_release_without_a_lead_period_reports_the_one_its_dated_figures_mostly_state() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let text = "省政协十三届三次会议以来，提案工作稳步推进。\n共收到提案1026件。\n截至2025年底，立案896件，办复率100%。全年新增托位1.2万个。A类占比由2023年的65.8%提高到70.5%。";
        let got = p(text, "2026-01-08");
        assert_eq!(got[0].as_deref(), Some("2025"), "{got:?}");
        assert_eq!(got[4].as_deref(), Some("2023"), "{got:?}");
    }

    #[test]
    fn a_target_year_opening_a_goals_section_holds_to_the_next_heading() {
        let text = "二、主要目标\n到2026年，能效水平显著提升，电机产量达到2.5亿千瓦以上。\n培育企业50家以上。\n三、重点任务\n推广电机1000万台。";
        let c = claims_of(text, Some("2024-09-20"));
        let got: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.period.as_deref(), c.modality)).collect();
        assert_eq!(got[1], ("50家", Some("2026"), Modality::Target), "{got:?}");
        assert_ne!(got[2].1, Some("2026"), "{got:?}");
    }

    #[test]
    fn a_month_lead_carries_over_and_a_baseline_is_no_period() {
        let c = claims_of("9月份，我国进出口3.8万亿元。其中，出口2.21万亿元。", Some("2024-10-14"));
        assert_eq!(c[1].period.as_deref(), Some("2024-09"));
        let c = claims_of("1-9月，全国收入16亿元，扣除去年同期基数影响后，可比增长0.6%左右。", Some("2024-10-18"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-09"));
    }

    #[test]
    fn a_span_of_years_after_framing_clauses_leads_its_sentences() {
        let c = claims_of(
            "根据投资统计，从1981年到2002年，政府投资从745.9亿元增至18877.4亿元；民间投资从165亿元增至24622.5亿元，平均年增26.9%。",
            Some("2004-01-10"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods, [Some("1981"), Some("2002"), Some("1981"), Some("2002"), Some("1981/2002")]);
        // Not after a clause with a figure of its own.
        let c = claims_of("收入增长5%，从2020年到2022年，投资平稳。其中，出口2.21万亿元。", Some("2024-10-14"));
        assert_eq!(c[1].period, None);
    }

    #[test]
    fn a_time_framing_a_clause_holds_for_the_rest_of_its_sentence() {
        let c = claims_of(
            "2019年，比重为6.2%。此后一路下滑，到2023年，里程为578公里；59个城市中，有23座城市运营了电车线路。",
            Some("2024-05-10"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods, [Some("2019"), Some("2023"), Some("2023"), Some("2023")]);
        // Not from the next sentence on.
        let c = claims_of("产量逐年下降，到2023年，产量为100万吨。全省已有企业50家。", Some("2024-05-10"));
        assert_eq!(c[1].period, None);
    }

    #[test]
    fn a_target_year_after_a_heading_colon_holds_for_every_clause() {
        let c = claims_of(
            "行动计划明确了发展目标：到2027年，营业收入达到4000亿元以上；培育2家龙头企业。",
            Some("2023-08-01"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods, [Some("2027"), Some("2027")]);
    }

    #[test]
    fn years_a_document_title_covers_are_no_period_unless_its_content_follows() {
        let c = claims_of(
            "深入实施《宾川县水果产业三年行动方案（2022—2024年）》，新建高标准农田3万亩。\n\
             6月，印发《四川省职业技能提升行动实施方案（2019—2021年）》，明确三年内开展培训300万人次以上。\n\
             据《2023年全球创新指数报告》，中国排名第十二位。",
            Some("2022-01-10"),
        );
        let periods: Vec<_> = c.iter().map(|c| (c.text.as_str(), c.period.as_deref())).collect();
        assert_eq!(periods[0], ("3万亩", None), "{periods:?}");
        assert_eq!(periods[1], ("300万人次", Some("2019/2021")), "{periods:?}");
        assert_eq!(periods[2], ("第十二位", Some("2023")), "{periods:?}");
    }

    #[test]
    fn a_breakdown_opening_with_qizhong_takes_the_period_of_the_figure_before() {
        let c = claims_of(
            "前4个月，进出口13.81万亿元。4月份进出口3.64万亿元，同比增长8%。其中出口额和进口额分别提升8.9个百分点和10.2个百分点。",
            Some("2024-05-09"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods[3..], [Some("2024-04"), Some("2024-04")]);
    }

    #[test]
    fn records_history_and_periods_opening_a_sentence() {
        // The start of a record is no period; the year stated before it holds.
        let c = claims_of(
            "今年全国共发生编号洪水26次，为1998年以来最多，有1071条河流发生超警以上洪水。",
            Some("2024-11-14"),
        );
        assert_eq!(c[1].period.as_deref(), Some("2024"));
        // A story opening with its history has no reporting lead.
        let c = claims_of(
            "2003年6月，浙江启动“千村示范、万村整治”工程，计划用5年时间整治1万个村，建成示范村1000个。\n\
             农民专业合作社4.3万家。",
            Some("2023-06-15"),
        );
        assert_eq!(c.last().unwrap().period, None);
        // 全年 opening a sentence holds past its ；.
        let c = claims_of("全年乡村旅游接待游客3.3亿人次；农产品网络零售额1260亿元。", Some("2023-06-15"));
        assert_eq!(c[1].period.as_deref(), Some("2022"));
    }

    #[test]
    fn a_reporting_lead_holds_for_the_release_and_targets_and_causes_give_no_period() {
        let c = claims_of(
            "今年1至6月，全省城镇新增就业55.6万人，完成全年目标任务的58.5%，同比增加1.3万人。\n\
             受4月上旬低温影响，部分地区单产下降1.2%。\n从单产看，全省平均单产404.2公斤/亩，仅用18天完成收获。\n\
             6月末，全省参保人数8367万人。",
            Some("2019-07-24"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        let h1 = Some("2019-01/2019-06");
        assert_eq!(periods, [h1, h1, h1, h1, h1, None, Some("2019-06")]);
        // A story's one dated event is no reporting lead.
        let c =
            claims_of("2001年除夕，他获得了500万元大奖。\n他的山庄有500亩。\n2004年他欠债20万元。", Some("2005-03-31"));
        assert_eq!(c[1].period, None);
    }

    #[test]
    fn first_months_is_a_period_not_a_duration() {
        let c = claims_of("今年前4个月，我国货物贸易进出口总值13.81万亿元，同比增长5.7%。", Some("2024-05-09"));
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["13.81万亿元", "5.7%"]);
        assert!(c.iter().all(|c| c.period.as_deref() == Some("2024-01/2024-04")));
    }

    #[test]
    fn lead_period_on_a_new_line_carries_over() {
        let c = claims_of(
            "上半年，全省地区生产总值6.3万亿元。\n1—6月，全省规上工业增加值同比增长7.9%，降幅比1-5月收窄1.3个百分点。",
            Some("2024-07-18"),
        );
        assert!(c.iter().all(|c| c.period.as_deref() == Some("2024-01/2024-06")), "{c:?}");
    }

    #[test]
    fn a_quarter_or_half_end_is_its_last_month_and_this_year_named_keeps_full_year() {
        let c = claims_of("三季度末，农村外出务工劳动力总量18962万人。上半年末，存款余额3万亿元。", Some("2023-10-25"));
        assert_eq!(c[0].period.as_deref(), Some("2023-09"));
        assert_eq!(c[1].period.as_deref(), Some("2023-06"));
        let c = claims_of("今年是实施全国统筹的第二年，全年调剂资金规模2716亿元。", Some("2023-10-25"));
        assert_eq!(c[0].period.as_deref(), Some("2023"));
    }

    #[test]
    fn a_window_being_set_is_of_its_year() {
        let p = |t: &str| claims_of(t, Some("2022-05-26")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("自6月1日至12月31日阶段性减征车辆购置税，减税规模约600亿元。");
        assert_eq!(got.last().cloned().flatten().as_deref(), Some("2022-06/2022-12"));
        // A reported range after the month of publication is last year's.
        assert_eq!(p("6月至12月，减税规模约600亿元。"), [Some("2021-06/2021-12".into())]);
    }

    #[test]
    fn a_year_left_unwritten_is_the_last_one_that_ended() {
        // A bulletin of March reports the previous year; a target keeps the current one.
        let c = claims_of("全年粮食总产量3800.6万吨。全年目标是粮食总产量达到3900万吨。", Some("2025-03-10"));
        assert_eq!(c[0].period.as_deref(), Some("2024"));
        assert_eq!(c[1].period.as_deref(), Some("2025"));
        assert_eq!(c[1].modality, Modality::Target);
        let c = claims_of("1-11月，规上工业增加值增长6.1%。", Some("2025-01-05"));
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-11"));
        // Ended by publication, or written with its year: as written.
        let c = claims_of("1-7月，规上工业增加值增长8.2%。全年接待游客2亿人次。", Some("2024-12-20"));
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-07"));
        assert_eq!(c[1].period.as_deref(), Some("2024"));
        let c = claims_of("2025年全年地区生产总值增长5%。", Some("2025-03-10"));
        assert_eq!(c[0].period.as_deref(), Some("2025"));
    }

    #[test]
    fn a_target_year_opening_a_paragraph_holds_for_the_paragraph() {
        let c = claims_of(
            "主要目标：到2026年，全省数字经济核心产业增加值占GDP比重达到13%。培育千亿级产业集群15个。\n全省共有产业集群12个。",
            Some("2024-06-18"),
        );
        assert_eq!((c[1].period.as_deref(), c[1].modality), (Some("2026"), Modality::Target));
        assert_eq!((c[2].period.as_deref(), c[2].modality), (None, Modality::Actual));
        // Not a paragraph's lead: stays in its sentence.
        let c = claims_of("全省产值增长8%，到2026年达到1万亿元。培育企业15家。", Some("2024-06-18"));
        assert_eq!(c[2].modality, Modality::Actual);
    }

    #[test]
    fn the_headline_period_applies_to_figures_without_one() {
        let text = "社会消费品零售总额2.3万亿元，同比增长6.1%。到2025年，力争达到3万亿元。";
        let seg = PIPE.segmenter().segment(text);
        let c = PIPE.extractor().extract(text, &seg, Some("2024-07-18"), Some("2024年上半年全省经济运行情况")).claims;
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-06"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-06"));
        assert_eq!(c[2].period.as_deref(), Some("2025"));
    }

    #[test]
    fn a_headline_about_a_year_or_a_run_of_its_months_names_the_period() {
        let c = claims_titled(
            "截至2025年12月31日，全市户籍总人口387.46万人。\n全市户籍人口城镇化率为58.74%。",
            "2026-02-06",
            "芜湖市公安局关于2025年全市户籍人口情况的通报",
        );
        assert_eq!(c[0].period.as_deref(), Some("2025-12"));
        assert_eq!(c[1].period.as_deref(), Some("2025"), "关于2025年 names the topic, not a baseline");
        let c = claims_titled("新增学位4860个。", "2022-10-20", "关于2022年区政府十件民生实事前三季度推进情况的通报");
        assert_eq!(c[0].period.as_deref(), Some("2022-01/2022-09"));
        let c = claims_titled(
            "城镇居民具备科学素质的比例为18.43%。",
            "2025-11-25",
            "全省公民具备科学素质的比例达到15.12% 提前完成“十四五”目标",
        );
        assert_eq!(c[0].period, None, "the goal's period is not the one reported");
        let c = claims_of(
            "2025年，全省比例为15.12%。与全国2024年平均水平（15.37%）相比，低0.25个百分点。",
            Some("2025-11-25"),
        );
        assert_eq!(c[2].period.as_deref(), Some("2025"), "与…2024年…相比 compares");
        // A notice sets rules for the time its headline names; its figures are of no period.
        let c = claims_titled(
            "违反本通告规定燃放烟花爆竹的，处500元以下罚款。",
            "2025-01-20",
            "关于2025年春节期间烟花爆竹燃放管理的通告",
        );
        assert_eq!(c[0].period, None);
        let c = claims_of("2023年，全省降水量1350毫米，低于2020年的1520毫米。", Some("2024-01-20"));
        assert_eq!(c[0].period.as_deref(), Some("2023"));
        assert_eq!(c[1].period.as_deref(), Some("2023"), "低于2020年 compares: no period of its own");
    }

    #[test]
    fn a_lead_period_after_a_speaker_carries_over() {
        let c = claims_of("答：上半年，全省进出口2.61万亿元。其中，出口1.93万亿元。", Some("2024-07-25"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-06"));
    }

    #[test]
    fn one_period_stated_holds_for_the_whole_release() {
        let c = claims_of("2024年全省粮食总产量438.6亿斤。\n其中，早稻产量128.3亿斤。", Some("2024-12-13"));
        assert_eq!(c[1].period.as_deref(), Some("2024"));
        let c = claims_of("2024年粮食总产量438.6亿斤。\n1-11月，工业增长5%。\n早稻产量128.3亿斤。", Some("2024-12-13"));
        assert_eq!(c[2].period, None, "two periods: the rest stays unknown");
    }

    #[test]
    fn a_period_running_across_the_lead_s_line_break_frames_nothing() {
        // Found by the fuzzer: 2\n~\n…11月 once panicked slicing past the lead's end.
        let t = "2\n~\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n11月\u{fffd}\0\u{fffd}.1";
        let _ = claims_of(t, Some("2024-11-20"));
        let _ = claims_of(t, None);
    }

    #[test]
    fn a_breakdown_paragraph_takes_the_period_the_paragraph_above_opens_with() {
        let c = claims_of(
            "上半年，全市核心产业营业收入856.3亿元。截至6月底，规上企业达到427家。\n从县（市、区）看，信州区营业收入138.6亿元；余干县增速达到28.6%。",
            Some("2023-08-22"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(
            periods[..4],
            [Some("2023-01/2023-06"), Some("2023-06"), Some("2023-01/2023-06"), Some("2023-01/2023-06")]
        );
        // 少 is a fall, but not in 缺少 or 至少; a difference from a reference is of the stock's date.
        let c = claims_of(
            "截至10月底，每万人拥有5G基站25.6个，比全国平均水平少3.8个，缺少3名，至少5家。",
            Some("2024-11-20"),
        );
        let got: Vec<_> = c.iter().map(|c| (c.value.to_string(), c.period.as_deref().map(str::to_string))).collect();
        let oct = Some("2024-10".to_string());
        assert_eq!(
            got,
            [("25.6".into(), oct.clone()), ("-3.8".into(), oct.clone()), ("3".into(), oct.clone()), ("5".into(), oct)]
        );
        // A speaker's name in brackets opens the turn: the period after it leads the sentence.
        let c =
            claims_of("【吴秋莲】今年上半年，全省新设外商投资企业1086家；实际使用外资71.8亿元。", Some("2025-07-29"));
        assert_eq!(c[1].period.as_deref(), Some("2025-01/2025-06"));
    }

    #[test]
    fn a_window_of_days_is_its_month_and_a_lead_opening_with_it_frames_the_release() {
        let c = claims_of(
            "春节假期（2月10日至17日），各地举办活动。\n全市接待游客586.24万人次，同比增长42.3%。",
            Some("2024-02-18"),
        );
        assert_eq!(c[0].period.as_deref(), Some("2024-02"));
        assert_eq!(c[1].period.as_deref(), Some("2024-02"));
        let c = claims_of("9月29日至10月6日，全省共接待游客5726万人次。", Some("2023-10-07"));
        assert_eq!(c[0].period.as_deref(), Some("2023-09/2023-10"));
        let c = claims_of("近日，2月10日至17日的活动圆满结束。\n全市接待游客586.24万人次。", Some("2024-02-18"));
        assert_eq!(c[0].period, None, "a window inside the lead's clause is no frame");
        // A reporting clause may stand before the frame; a year of the same frame said later
        // in the lead, or a year in a document's title, does not replace it.
        let c = claims_of(
            "记者从铁路局获悉，7月1日至8月31日，2024年暑期运输结束。暑运期间，发送旅客1.61亿人次。\n按照《关于做好2024年暑期运输工作的通知》部署。暑运期间，加开列车1.26万列。",
            Some("2024-09-01"),
        );
        let periods: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(periods, [Some("2024-07/2024-08"), Some("2024-07/2024-08")]);
    }

    #[test]
    fn the_start_of_a_rise_keeps_its_period_to_itself() {
        let c = claims_of("2023年，研发经费投入强度从2020年的2.1%提高到2.65%。", None);
        assert_eq!((c[0].period.as_deref(), c[1].period.as_deref()), (Some("2020"), Some("2023")));
        let c = claims_of("收入从2012年的16510元增至2023年的39218元，是2012年的2.4倍。", None);
        assert_eq!(c[1].period.as_deref(), Some("2023"));
        assert_eq!(c[2].period.as_deref(), Some("2023"));
    }

    #[test]
    fn baselines_named_through_modifiers_or_relative_years_and_recurring_times() {
        let periods = |t: &str| claims_of(t, Some("2024-08-28")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        assert_eq!(periods("2023年，进出口额约12.6万亿元，较协定生效前的2021年增长5.3%。"), some(&["2023", "2023"]));
        // 上年 after 比 is the year before the sentence's own, not before the release.
        assert_eq!(
            periods("2018年销售收入为2519.3亿元，比2017年的2073.5亿元增长21.5%，增速比上年的26.1%回落4.6个百分点。"),
            some(&["2018", "2017", "2018", "2017", "2018"])
        );
        assert_eq!(periods("每年7月至9月为汛期，日均降雨量达20毫米。"), vec![None]);
        let c = claims_of("工期两个多月。", None);
        assert_eq!((c[0].unit.as_deref(), c[0].qualifier), (Some("month"), Some(crate::model::Qualifier::Over)));
    }

    #[test]
    fn counts_of_entities_are_stocks_unless_their_sentence_states_a_run() {
        let p = |t: &str| claims_of(t, Some("2024-07-20")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(p("上半年全区经营主体发展情况\n全区企业数量增速居西部12个省份第3位。").last(), Some(&s("2024-06")));
        assert_eq!(p("前4个月，有进出口实绩的民营企业数量增加10.1%。"), [s("2024-01/2024-04")]);
    }
    #[test]
    fn a_span_named_by_its_slot_months_of_the_reported_year_and_this_reporting_year() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let span = Some("2025-01/2025-02".to_string());
        // A film slot dated in brackets, with no comma after them, and named again later.
        let got = p("2025年春节档（1月28日至2月4日）圆满收官。\n春节档期间，全省电影票房达10.86亿元。", "2025-02-06");
        assert_eq!(got, [span]);
        // 本年度 in an annual report of January is the year reported on.
        assert_eq!(p("本年度新收政府信息公开申请187件。", "2024-01-26"), [Some("2023".to_string())]);
        // Months without a year in a report on a year before publication are of that year,
        // unless 今年 stands before them in their paragraph.
        let seg = |t: &str| PIPE.segmenter().segment(t);
        let titled = |t: &str| {
            let title = Some("浙江省2023年水资源公报");
            PIPE.extractor().extract(t, &seg(t), Some("2024-07-10"), title).claims
        };
        let c = titled("6月，全省平均降水量为268.7毫米。\n今年以来，1-6月全省用水总量85亿立方米。");
        let got: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(got, [Some("2023-06"), Some("2024-01/2024-06")]);
        // A lead period holds on past an aside in brackets before its comma.
        let got = p(
            "2024年3月（2024年3月1日0时至3月31日24时），全省报告法定传染病96874例。与上月相比，报告发病数上升9.8%。",
            "2024-04-12",
        );
        assert_eq!(got, [Some("2024-03".to_string()), Some("2024-03".to_string())]);
        // A span the lead dates, inside the year the headline names, is the release's period.
        let text = "2025年春节档（1月28日至2月4日）圆满收官。\n档期预售表现强劲。单日票房达2.21亿元。";
        let c = PIPE
            .extractor()
            .extract(text, &seg(text), Some("2025-02-06"), Some("2025年春节档广东电影票房10.86亿元"))
            .claims;
        assert_eq!(c[0].period.as_deref(), Some("2025-01/2025-02"));
    }

    #[test]
    fn spans_named_with_their_length_listed_periods_and_years_stated_before() {
        let seg = |t: &str| PIPE.segmenter().segment(t);
        let titled = |t: &str, d: &str, title: &str| PIPE.extractor().extract(t, &seg(t), Some(d), Some(title)).claims;
        let periods = |c: &[crate::model::Claim]| {
            c.iter()
                .filter(|c| c.unit.as_deref() != Some("day"))
                .map(|c| c.period.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        // A span dated in brackets past its length in days, under a headline naming it, is the
        // release's period; 春运期间 is of the span named 春运, not of the holiday dated later.
        let text = "2月20日，2024年春运结束。\n一、客流\n春运40天（1月26日—3月5日），全市客运量1.2亿人次。\n\
                    铁路发送旅客300万人次。春节假期8天（2月10日—17日），客运量2000万人次。\n春运期间，高速公路通行车辆900万辆次。";
        let c = titled(text, "2024-03-07", "2024年春运收官");
        assert_eq!(periods(&c), ["2024-01/2024-03", "2024-01/2024-03", "2024-02", "2024-01/2024-03"]);
        // The last of a list of periods opening a sentence leads the paragraph, over the
        // headline's year.
        let c = titled(
            "2月1日至6日、2月18日至24日，全省遭遇两轮冰冻天气。全省累计出动人员12.6万人次。",
            "2024-03-07",
            "2024年春运收官",
        );
        assert_eq!(periods(&c), ["2024-02", "2024-02"]);
        // N年来 after a span of N years stated in its paragraph is that span.
        let c = claims_of("调查了2021年至2023年补助资金。三年来，累计发放补贴12.6亿元。", Some("2024-07-31"));
        assert_eq!(periods(&c), ["2021/2023"]);
        // Since a month of last year: up to publication.
        let c = claims_of("2023年7月以来，共移送问题线索68件。", Some("2024-07-31"));
        assert_eq!(periods(&c), ["2023-07/2024-07"]);
        // Periods listed before 分别 give one to each figure.
        let c = claims_of("上半年，新开工项目38个（一季度、二季度分别开工16个和22个）。", Some("2025-07-24"));
        assert_eq!(periods(&c), ["2025-01/2025-06", "2025-01/2025-03", "2025-04/2025-06"]);
        // The year of publication written before a quarter in its sentence: not the year before.
        let c = claims_of("2024年，全省计划新建高标准农田420万亩，一季度将开工项目1260个。", Some("2024-02-07"));
        assert_eq!(periods(&c), ["2024", "2024-01/2024-03"]);
        // A time before which what a noun names was done describes the noun.
        let c = claims_of("今年全市计划改造2000年底前建成的老旧小区186个。", Some("2026-04-10"));
        assert_eq!(periods(&c), ["2026"]);
    }

    #[test]
    fn periods_listed_after_a_baseline_are_baselines() {
        let p = |t: &str| claims_of(t, Some("2024-12-20")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let got = p("1—11月，利润总额同比增长7.2%，增速较一季度、上半年和前三季度分别提高4.1个、2.3个和0.8个百分点。");
        assert!(got.iter().all(|x| x.as_deref() == Some("2024-01/2024-11")), "{got:?}");
        // Periods listed with no baseline before them give one to each figure.
        let got = p("一季度、二季度分别集中开工16个和22个。");
        assert_eq!(got, [Some("2024-01/2024-03".to_string()), Some("2024-04/2024-06".to_string())]);
    }

    #[test]
    fn since_a_year_runs_to_the_year_reported_and_a_change_reaches_its_last() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let some = |v: &[&str]| v.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>();
        let t = "2021年以来累计关闭退出非煤矿山312座，全省非煤矿山减少至1174座。";
        assert_eq!(p(t, "2025-01-16"), some(&["2021/2024", "2024"]));
        assert_eq!(p(t, "2024-07-16"), some(&["2021/2024", "2024"]));
        // A span dated in brackets and named again later keeps the year it was of.
        let t = "汛期（4—9月），全省平均降雨量1286毫米。汛期累计发布预警信息2.3万条次。";
        assert_eq!(p(t, "2025-01-16"), some(&["2024-04/2024-09", "2024-04/2024-09"]));
    }

    #[test]
    fn the_base_year_of_an_index_is_no_period() {
        let c = claims_of("9月份，新建商品住宅销售价格定基指数（2020年=100）为96.4。", Some("2025-10-20"));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].period.as_deref(), Some("2025-09"));
        // A month opening a statement about the city frames its sentence across a semicolon; an
        // aside month and a deadline do not.
        let p = |t: &str| claims_of(t, Some("2025-11-07")).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let text = "10月，全市均价环比下降0.6%。据统计，9月份我市新建住宅价格指数环比下降0.2%；定基指数为96.4。";
        assert_eq!(p(text)[1..], [Some("2025-09".to_string()), Some("2025-09".to_string())]);
        let text = "1-10月，零售额增长14.2%，9月份增长28.7%；汽车类零售额下降2.3%。";
        assert_eq!(p(text)[2], Some("2025-01/2025-10".to_string()));
        let text = "1-10月，投资增长5%，到2027年全省新增蓄水能力5亿立方米；年内新建水库3座。";
        assert_ne!(p(text)[2], Some("2027".to_string()));
    }

    #[test]
    fn years_written_and_spans_of_years() {
        use super::{span_years, writes_year, year_span};
        let chars = |t: &str| t.chars().collect::<Vec<char>>();
        assert!(writes_year(&chars("2024年，全省"), 2024));
        assert!(!writes_year(&chars("2023年，全省"), 2024));
        assert!(!writes_year(&chars("2024"), 2024));
        assert!(!writes_year(&chars("20245年"), 2024));
        assert!(!writes_year(&chars("0999年"), 10_999));
        assert_eq!(year_span("2021/2023"), Some((2021, 2023)));
        assert_eq!(year_span("2024-01/2024-03"), None);
        assert_eq!(span_years("2021/2023"), Some(3));
        assert_eq!(span_years("2023/2023"), None);
    }

    #[test]
    fn shares_of_a_whole_joined_months_and_spans_since_up_to_the_reported_year() {
        let p = |t: &str, d: &str| claims_of(t, Some(d)).into_iter().map(|c| c.period).collect::<Vec<_>>();
        let some = |v: &[&str]| v.iter().map(|x| Some(x.to_string())).collect::<Vec<_>>();
        // The whole a share is of (占全年, 占前三季度) is no period of the share.
        assert_eq!(
            p("全年办理案件7.42万件；四季度办理案件2.13万件，占全年总量的28.7%。", "2025-01-23"),
            some(&["2024", "2024-10/2024-12", "2024-10/2024-12"])
        );
        // Months joined by 和 are the year they lie in; with 分别, one each.
        assert_eq!(p("1—2月和11—12月冬春干燥季节共发生火灾1587起。", "2023-02-10"), some(&["2022"]));
        assert_eq!(
            p("2月1日至6日、2月18日至24日，最多时有14条高速公路实施交通管制。", "2024-03-10"),
            some(&["2024-02"])
        );
        // A record since what began in a year is no period of the figure.
        assert_eq!(
            p("全年全省平均降水量1586毫米，居1961年有完整气象记录以来第6位。", "2025-01-16"),
            some(&["2024", "2024"])
        );
        // Since a year, in a bulletin on the year before publication: up to that year.
        let seg = |t: &str| PIPE.segmenter().segment(t);
        let titled = |t: &str| {
            let title = Some("湖南省福利彩票发行中心2024年度福利彩票销售和公益金筹集使用情况公告");
            PIPE.extractor().extract(t, &seg(t), Some("2025-03-18"), title).claims
        };
        let c = titled(
            "“十四五”以来，全省累计筹集福彩公益金91.36亿元；自1987年我省发行福利彩票以来，累计销售福利彩票1136.8亿元。",
        );
        let got: Vec<_> = c.iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(got, [Some("2021/2024"), Some("1987/2024")]);
    }
}
