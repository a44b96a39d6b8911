//! Figures in data tables (the cleaner writes each row as one line of tab-separated cells):
//! the indicator from a row's first cell, the unit and whether a column is a change from
//! the header row, the row's 单位 cell or a unit in brackets ending the row's first cell
//! (人均预期寿命（岁）). It leaves cells that the running-text reading already made claims of;
//! rows of places (a header opening with 市（区）, 地区) take the indicator from the column and
//! the place as scope; a column headed by a year (2025年目标) gives its cells that year, and
//! otherwise a caption line right above the header that states a period (…情况（截至11月底）)
//! gives it to the cells. A cell may carry a hedge (7左右) or brackets (［14.5］). Decides no
//! modality (see [`super::extract`] for the release-wide fills).

use super::super::numbers;
use super::super::rules::ClaimRules;
use super::super::Folded;
use super::clause::sentence_of;
use super::figure::{basis, scan_quantities};
use super::Context;
use crate::model::{Basis, Change, Claim, ClaimKind, Modality};
use rust_decimal::Decimal;

/// Figures in data tables (the cleaner writes each row as one line of tab-separated cells):
/// a row's first cell names the indicator, the header row names what each column holds. A
/// column is a change when its header says so (同比增长(%), 比上年增减); its unit is the
/// one in the header's brackets ((%), （亿元）) or the row's 单位 cell. Cells the running-text
/// reading already made a claim of are left to it.
pub(super) fn table_claims(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, claims: &mut Vec<Claim>) {
    let s = &f.chars;
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for (i, c) in s.iter().enumerate().chain(std::iter::once((s.len(), &'\n'))) {
        if *c == '\n' {
            lines.push((a, i));
            a = i + 1;
        }
    }
    // Cells are split by tabs (tables the cleaner read from HTML) or, in a line without a tab,
    // by vertical bars (指标｜余额（亿元）｜同比增长（%）, | 地区 | 产值 |: tables typed as text);
    // the empty cells outside a bar at either end of the line are none.
    // A line of three or more cells split by spaces, without punctuation of running text
    // (成都市 23.65 16.8 under 市（州） 快递业务量（亿件） 同比增长（%）), is a row too; its figures are
    // read only under a header of as many cells. Its first cell may hold a colon (其中：国有控股企业).
    let bar = |c: char| matches!(c, '|' | '｜');
    let space = |c: char| matches!(c, ' ' | '\u{3000}');
    let is_spaced = |&(a, b): &(usize, usize)| {
        let line = &s[a..b];
        let first = line.iter().position(|&c| !space(c)).unwrap_or(0);
        let first_end = line[first..].iter().position(|&c| space(c)).map_or(line.len(), |k| first + k);
        let running = |c: char| matches!(c, '，' | '。' | '；' | '、' | ',' | ';');
        !line.iter().any(|&c| c == '\t' || bar(c) || running(c))
            && !line[first_end..].iter().any(|&c| matches!(c, '：' | ':'))
            && line.split(|&c| space(c)).filter(|t| !t.is_empty()).count() >= 3
    };
    let spaced_lines: Vec<bool> = lines.iter().map(is_spaced).collect();
    let spaced = |line: (usize, usize)| lines.binary_search(&line).is_ok_and(|i| spaced_lines[i]);
    let is_row = |(a, b): (usize, usize)| spaced((a, b)) || s[a..b].iter().any(|&c| c == '\t' || bar(c));
    let cells_of = |(a, b): (usize, usize)| -> Vec<(usize, usize)> {
        if spaced((a, b)) {
            let mut out = Vec::new();
            let mut k = a;
            while k < b {
                if space(s[k]) {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < b && !space(s[k]) {
                    k += 1;
                }
                out.push((start, k));
            }
            return out;
        }
        let tabbed = s[a..b].contains(&'\t');
        let sep = |c: char| if tabbed { c == '\t' } else { bar(c) };
        let mut out = Vec::new();
        let mut start = a;
        for k in (a..b).filter(|&k| sep(s[k])) {
            out.push((start, k));
            start = k + 1;
        }
        out.push((start, b));
        let blank = |&(x, y): &(usize, usize)| s[x..y].iter().all(|c| c.is_whitespace());
        if !tabbed {
            if out.last().is_some_and(blank) {
                out.pop();
            }
            if out.first().is_some_and(blank) {
                out.remove(0);
            }
        }
        out
    };
    let text_of = |(a, b): (usize, usize)| f.slice(a, b).trim().to_string();
    let number_cell = |t: &str| cell_figure(rules, t).is_some();
    let mut new = Vec::new();
    let mut header: Option<Vec<String>> = None;
    // Each column's own year, read once per header: 2020年基数, 2025年目标 (全年 or 本月
    // resolve against the caption, not the publication date); none for a change column.
    let mut column_years: Vec<Option<String>> = Vec::new();
    // The line above a table (2023年全省…开工情况（截至11月底）) and the period it states.
    let mut caption: Option<(usize, usize)> = None;
    let mut caption_period: Option<super::period::PeriodMention> = None;
    for &line in &lines {
        if !is_row(line) {
            header = None;
            caption = Some(line).filter(|&(a, b)| b > a && b - a <= 60);
            continue;
        }
        let cells = cells_of(line);
        let texts: Vec<String> = cells.iter().map(|&c| text_of(c)).collect();
        if texts.iter().skip(1).all(|t| !number_cell(t)) {
            // A row of column names (two or more named cells); a row of dashes keeps the header.
            if texts.iter().filter(|t| t.chars().any(|c| crate::clean::is_han(c) || c == '%')).count() >= 2 {
                column_years = (0..texts.len())
                    .map(|j| {
                        let hc: Vec<char> = texts[j].chars().collect();
                        (names_period(&hc) && !is_change_header(rules, &texts, j))
                            .then(|| super::period::find_periods(rules, &Folded::new(&texts[j]), cx.published).pop())
                            .flatten()
                            .map(|p| p.iso)
                    })
                    .collect();
                header = Some(texts);
                caption_period = caption.take().and_then(|(a, b)| {
                    let text = Folded::new(&f.slice(a, b));
                    super::period::find_periods(rules, &text, cx.published).pop()
                });
            }
            continue;
        }
        let Some(head) = header.as_ref() else { continue };
        if spaced(line) && head.len() != cells.len() {
            continue;
        }
        // 其中：普惠小微贷款: the row's indicator without the words that only link it.
        let label = super::metric::drop_leading(rules, texts[0].clone()).trim_start_matches([':', '：']).to_string();
        if label.is_empty() || number_cell(&label) {
            continue;
        }
        // 人均预期寿命（岁）, 城镇调查失业率（%）: a unit in the row's first cell, for columns
        // whose header states none; the indicator is the cell without it.
        let label_unit = bracketed_unit(rules, &label);
        let label = match &label_unit {
            Some(_) => label[..label.rfind(['(', '（']).unwrap_or(label.len())].trim_end().to_string(),
            None => label,
        };
        // 居民人均可支配收入增长（%）, 单位地区生产总值能耗下降（%）: a row naming a change.
        let lc: Vec<char> = label.chars().collect();
        let row_change = rules.change.ending_at(&lc, lc.len()).map(|(_, sign)| sign);
        // 市（区） | 开工改造小区（个） | …: rows of places under a header naming the places
        // (设区市, 地区, 市（区）) hold each column's indicator for that place.
        let by_place = head.first().is_some_and(|h0| {
            let hc: Vec<char> = h0.chars().collect();
            rules.table_place_headers.any_in(&hc, 0, hc.len())
        });
        let unit_col = head.iter().position(|h| h.contains("单位"));
        for (j, &(ca, cb)) in cells.iter().enumerate().skip(1) {
            let t = &texts[j];
            if Some(j) == unit_col || claims.iter().any(|c| c.span[0] < cb && ca < c.span[1]) {
                continue;
            }
            let Some((t, qualifier)) = cell_figure(rules, t) else { continue };
            let t = &t;
            let h = head.get(j).map(String::as_str).unwrap_or("");
            let hc: Vec<char> = h.chars().collect();
            let bracketed = h
                .find(['(', '（'])
                .map(|o| h[o..].trim_matches(|c| matches!(c, '(' | '（' | ')' | '）')).to_string())
                .filter(|u| !u.is_empty());
            // 同比（上年同月=100）: a bracket naming the base set to 100 heads index levels, not
            // changes, and no unit.
            let index_column = bracketed.as_deref().is_some_and(|b| b.contains(['=', '＝']));
            let bracketed = bracketed.filter(|_| !index_column);
            let column_change = is_change_header(rules, head, j);
            let change = column_change || row_change.is_some();
            let unit = bracketed
                .or_else(|| {
                    unit_col
                        .and_then(|u| texts.get(u))
                        .filter(|u| !u.is_empty() && !u.contains(['—', '-', '－']))
                        .cloned()
                })
                .or_else(|| label_unit.clone())
                .or_else(|| change.then(|| "%".to_string()));
            let written = format!(
                "{}{}",
                t.trim_end_matches('%'),
                if t.ends_with('%') { "%" } else { unit.as_deref().unwrap_or("") }
            );
            let Some(q) =
                scan_quantities(rules, &written).into_iter().next().filter(|q| q.span == [0, written.chars().count()])
            else {
                continue;
            };
            let lead = (ca..cb).find(|&k| !s[k].is_whitespace()).unwrap_or(ca);
            let end = (lead..cb).rev().find(|&k| !s[k].is_whitespace()).map_or(cb, |k| k + 1);
            let basis = basis(rules, &hc, 0, hc.len(), hc.len()).basis.filter(|b| *b != Basis::VsReference);
            // The column's indicator: its header without the bracketed unit; a change column
            // (同比增长（%）) measures the indicator of the column before it.
            let column_name = |k: usize| {
                head.get(k)
                    .map(|h| h.split(['(', '（']).next().unwrap_or("").trim().to_string())
                    .filter(|n| !n.is_empty())
            };
            let named = if column_change {
                (1..j).rev().find(|&k| !is_change_header(rules, head, k)).and_then(column_name)
            } else {
                column_name(j)
            };
            // 营业收入（亿元） over 其中：国有控股企业: the row's part of the column's indicator;
            // 1-6月, 数值, 本月 or 环比 name none.
            let nc: Vec<char> = named.as_deref().unwrap_or("").chars().collect();
            let indicator = named.clone().filter(|_| {
                nc.iter().any(|&c| crate::clean::is_han(c))
                    && !nc.iter().any(|c| c.is_ascii_digit() || numbers::is_numeral_char(*c))
                    && !rules.table_plain_columns.any_in(&nc, 0, nc.len())
            });
            let metric = if by_place {
                // Under places any named column is the indicator (5G基站, 供应总量), but not one
                // that only names a period or basis (1—9月平均, 环比).
                named
                    .filter(|_| !names_period(&nc) && !rules.table_plain_columns.holds(&nc))
                    .or_else(|| Some(label.clone()))
            } else {
                let lc: Vec<char> = label.chars().collect();
                match indicator {
                    Some(n) if rules.table_total_rows.holds(&lc) => Some(n),
                    Some(n) if !label.ends_with(n.as_str()) => Some(format!("{label}{n}")),
                    _ => Some(label.clone()),
                }
            };
            let increment = change && !matches!(q.unit.as_deref(), None | Some("%" | "pp"));
            let column_period = column_years.get(j).cloned().flatten();
            let value = if row_change == Some(-1) && !column_change { -q.value } else { q.value };
            new.push(Claim {
                text: f.text(lead, end),
                span: [lead, end],
                sentence: sentence_of(cx.sentences, lead),
                value,
                unit: q.unit,
                surface_unit: unit.filter(|_| !t.ends_with('%')).or_else(|| t.ends_with('%').then(|| "%".to_string())),
                kind: if change { ClaimKind::Change } else { q.kind },
                change: change.then_some(Change { basis, reference: None }),
                qualifier,
                range: None,
                metric,
                scope: by_place.then(|| label.clone()),
                // 比年初增加（亿元） under 2023年6月末…: an increase accrued since the start of the
                // year (or the month-end the header compares with), as in running text.
                period: column_period.or_else(|| {
                    super::period::increase_to_date(
                        &hc,
                        caption_period.as_ref(),
                        0,
                        hc.len(),
                        increment,
                        caption_period.as_ref().map(|p| p.iso.clone()),
                    )
                }),
                modality: Modality::Actual,
                bound: None,
                rule: "table.cell".into(),
            });
        }
    }
    if !new.is_empty() {
        claims.extend(new);
        claims.sort_by_key(|c| (c.span[0], c.span[1]));
    }
}

/// A cell's figure without what surrounds it: the number (with its %), and the qualifier of a
/// hedge after it (7左右, 5.5以内); brackets around it (［14.5］, a total over a plan's years)
/// are dropped. `None` when the cell holds anything else.
fn cell_figure(rules: &ClaimRules, t: &str) -> Option<(String, Option<crate::model::Qualifier>)> {
    let t = t.trim().trim_start_matches(['［', '[']).trim_end_matches(['］', ']']);
    let tc: Vec<char> = t.chars().collect();
    let (t, qualifier) = match rules.qual_suffix.ending_at(&tc, tc.len()) {
        Some((len, q)) if len < tc.len() => (tc[..tc.len() - len].iter().collect::<String>(), Some(q)),
        _ => (t.to_string(), None),
    };
    let number = t.trim_end_matches('%');
    (!number.is_empty() && number.parse::<Decimal>().is_ok()).then_some((t, qualifier))
}

/// The unit in brackets at the end of a table's row label (人均预期寿命（岁） → 岁), when what
/// the brackets hold reads as a unit after a number.
fn bracketed_unit(rules: &ClaimRules, label: &str) -> Option<String> {
    let inner = label.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let unit = &inner[open..].trim_start_matches(['（', '(']);
    let written = format!("1{unit}");
    let whole = written.chars().count();
    scan_quantities(rules, &written)
        .first()
        .filter(|q| q.span == [0, whole] && q.unit.is_some())
        .map(|_| unit.to_string())
}

/// A header that names a year or month in digits (2025年目标, 1—9月平均).
fn names_period(h: &[char]) -> bool {
    h.windows(2).any(|w| w[0].is_ascii_digit() && matches!(w[1], '年' | '月'))
}

/// Column `k`'s header says it holds changes (同比增长（%）, 比上年增减), and names no base set
/// to 100 (同比（上年同月=100） heads index levels).
fn is_change_header(rules: &ClaimRules, head: &[String], k: usize) -> bool {
    let hc: Vec<char> = head.get(k).map_or(Vec::new(), |h| h.chars().collect());
    !hc.iter().any(|c| matches!(c, '=' | '＝')) && rules.table_change_headers.any_in(&hc, 0, hc.len())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Basis, ClaimKind};

    #[test]
    fn rows_typed_with_spaces_are_read_under_a_header_of_as_many_cells() {
        let t = "2023年全省快递业务量前五位市（州）情况\n市（州） 快递业务量（亿件） 同比增长（%）\n成都市 23.65 16.8\n绵阳市 1.62 24.5\n全省 合计 45.62 17.4 备注";
        let got: Vec<(String, Option<String>, Option<String>, ClaimKind)> = claims_of(t, Some("2024-01-25"))
            .iter()
            .map(|c| (c.text.clone(), c.metric.clone(), c.scope.clone(), c.kind))
            .collect();
        let m = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("23.65".into(), m("快递业务量"), m("成都市"), ClaimKind::Count),
                ("16.8".into(), m("快递业务量"), m("成都市"), ClaimKind::Change),
                ("1.62".into(), m("快递业务量"), m("绵阳市"), ClaimKind::Count),
                ("24.5".into(), m("快递业务量"), m("绵阳市"), ClaimKind::Change),
            ],
            "a row of another number of cells is no row of the table"
        );
        assert!(
            claims_of("我们 今年 完成 12 15 任务", None).iter().all(|c| c.rule != "table.cell"),
            "no header, no table"
        );
        // The first cell may hold a colon (其中：); no other cell may. A row names its part of
        // the column's indicator; a row of totals is the column's.
        let t = "分组  营业收入（亿元）  同比增长（%）\n总计  986845.7  2.1\n其中：国有控股企业  274816.3  -0.5\n说明  比例：1  2";
        let got: Vec<(String, Option<String>)> =
            claims_of(t, None).iter().map(|c| (c.text.clone(), c.metric.clone())).collect();
        let m = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("986845.7".into(), m("营业收入")),
                ("2.1".into(), m("营业收入")),
                ("274816.3".into(), m("国有控股企业营业收入")),
                ("-0.5".into(), m("国有控股企业营业收入")),
            ]
        );
    }

    #[test]
    fn rows_typed_with_bars_are_read_like_tabbed_ones() {
        let t = "附表：主要金融指标\n指标｜余额（亿元）｜同比增长（%）\n其中：普惠小微贷款｜3215.8｜24.7\n| 绿色贷款 | 4127.6 | 31.5 |";
        let got: Vec<(String, Option<String>, ClaimKind)> =
            claims_of(t, None).iter().map(|c| (c.text.clone(), c.metric.clone(), c.kind)).collect();
        let m = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("3215.8".into(), m("普惠小微贷款余额"), ClaimKind::Amount),
                ("24.7".into(), m("普惠小微贷款余额"), ClaimKind::Change),
                ("4127.6".into(), m("绿色贷款余额"), ClaimKind::Amount),
                ("31.5".into(), m("绿色贷款余额"), ClaimKind::Change),
            ]
        );
    }

    #[test]
    fn increases_since_the_start_of_the_year_accrue_to_the_captions_month() {
        let t = "附表：2023年6月末主要金融指标\n指标｜余额（亿元）｜比年初增加（亿元）\n绿色贷款｜4127.6｜538.2";
        let got: Vec<(String, Option<String>, ClaimKind)> =
            claims_of(t, Some("2023-07-20")).iter().map(|c| (c.text.clone(), c.period.clone(), c.kind)).collect();
        let p = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("4127.6".into(), p("2023-06"), ClaimKind::Amount),
                ("538.2".into(), p("2023-01/2023-06"), ClaimKind::Change)
            ]
        );
    }

    #[test]
    fn table_rows_become_figures_under_their_header() {
        let t = "指标\t单位\t绝对值\t同比增长(%)\n地区生产总值\t亿元\t12345.6\t5.2\n工业\t—\t—\t—\n投资\t—\t—\t-1.3";
        let c = claims_of(t, None);
        let got: Vec<(String, String, Option<String>, ClaimKind)> =
            c.iter().map(|c| (c.text.clone(), c.value.to_string(), c.metric.clone(), c.kind)).collect();
        let m = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("12345.6".into(), "1234560000000".into(), m("地区生产总值"), ClaimKind::Amount),
                ("5.2".into(), "5.2".into(), m("地区生产总值"), ClaimKind::Change),
                ("-1.3".into(), "-1.3".into(), m("投资"), ClaimKind::Change),
            ]
        );
        assert_eq!(c[1].change.as_ref().and_then(|ch| ch.basis), Some(Basis::Yoy));
    }

    #[test]
    fn rows_of_places_take_the_column_indicator_and_the_caption_period() {
        let t = "2023年全省老旧小区改造开工情况（截至11月底）\n市（区）\t开工改造小区（个）\t同比增长（%）\n西安市\t1286\t12.5";
        let c = claims_of(t, Some("2023-12-28"));
        let got: Vec<_> =
            c.iter().map(|c| (c.text.as_str(), c.metric.as_deref(), c.scope.as_deref(), c.period.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("1286", Some("开工改造小区"), Some("西安市"), Some("2023-11")),
                ("12.5", Some("开工改造小区"), Some("西安市"), Some("2023-11")),
            ]
        );
        assert_eq!(c[1].kind, ClaimKind::Change);
    }

    #[test]
    fn a_row_may_name_its_unit_and_a_column_its_year_and_cells_may_be_hedged() {
        let t = "指标名称 | 2020年基数 | 2025年目标 | 2022年实际\n人均预期寿命（岁） | 80.36 | 81.2 | 80.81\n\
                 城镇调查失业率（%） | 4.1 | 5.5以内 | 4.6\n单位地区生产总值能耗下降（%） | — | ［14.5］ | ［4.3］";
        let c = claims_of(t, Some("2023-12-15"));
        let got: Vec<_> = c
            .iter()
            .map(|c| {
                (c.text.as_str(), c.value.to_string(), c.unit.as_deref(), c.metric.as_deref(), c.period.as_deref())
            })
            .collect();
        let life = Some("人均预期寿命");
        let jobless = Some("城镇调查失业率");
        let energy = Some("单位地区生产总值能耗下降");
        assert_eq!(
            got,
            [
                ("80.36", "80.36".into(), Some("year"), life, Some("2020")),
                ("81.2", "81.2".into(), Some("year"), life, Some("2025")),
                ("80.81", "80.81".into(), Some("year"), life, Some("2022")),
                ("4.1", "4.1".into(), Some("%"), jobless, Some("2020")),
                ("5.5以内", "5.5".into(), Some("%"), jobless, Some("2025")),
                ("4.6", "4.6".into(), Some("%"), jobless, Some("2022")),
                ("［14.5］", "-14.5".into(), Some("%"), energy, Some("2025")),
                ("［4.3］", "-4.3".into(), Some("%"), energy, Some("2022")),
            ]
        );
        assert_eq!(c[4].qualifier, Some(crate::model::Qualifier::AtMost));
        assert_eq!(c[6].kind, ClaimKind::Change);
    }

    #[test]
    fn columns_naming_a_base_of_100_hold_index_levels_of_each_place() {
        let t = "表1　2023年9月份新建商品住宅销售价格指数\n城市　环比（上月=100）　同比（上年同月=100）　1—9月平均（上年同期=100）\n\
                 北京　100.2　101.9　102.8";
        let got: Vec<_> = claims_of(t, Some("2023-10-19"))
            .into_iter()
            .map(|c| (c.text, c.unit, c.kind, c.metric, c.scope, c.period))
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            [
                ("100.2".into(), None, ClaimKind::Index, s("北京"), s("北京"), s("2023-09")),
                ("101.9".into(), None, ClaimKind::Index, s("北京"), s("北京"), s("2023-09")),
                ("102.8".into(), None, ClaimKind::Index, s("北京"), s("北京"), s("2023-01/2023-09")),
            ]
        );
    }
}
