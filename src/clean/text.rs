//! Plain text (a page saved as text) → blocks, one per non-empty line. A line is a heading
//! candidate when it is short, has no sentence-final punctuation and is no document number
//! (国办发〔2024〕7号); there are no links. A line of cells split by vertical bars, or by
//! spaces without punctuation of running text, two or more of them figures, is a table row.

use super::{collapse_ws, is_content_char, Block, Page};

/// Parses a text page into line blocks.
pub(crate) fn parse(input: &str) -> Page {
    let blocks = input
        .lines()
        .map(collapse_ws)
        .filter(|l| !l.is_empty())
        .map(|text| {
            let content = text.chars().filter(|c| is_content_char(*c)).count();
            let n = text.chars().count();
            let han = text.chars().filter(|c| super::is_han(*c)).count();
            let heading = (5..=80).contains(&n)
                && han >= 4
                && !text.contains(['。', '；', '！', '？', '|', '>'])
                && !is_label_line(&text)
                && !is_document_number(&text);
            // 本外币各项存款｜25318.4｜10.9: a table typed as text, one row a line, cells split by
            // vertical bars, two or more of them figures (not 供稿: | 2024-08-28).
            let figure = |c: &str| {
                let c = c.trim().trim_end_matches('%');
                !c.is_empty()
                    && c.chars().all(|x| x.is_ascii_digit() || matches!(x, '.' | ',' | '-'))
                    && c.chars().any(|x| x.is_ascii_digit())
                    && !c[1..].contains('-')
            };
            // 北京　100.2　101.9　102.8: a row typed with spaces, three or more cells and no
            // punctuation of running text.
            let spaced = !text.contains(['，', '、', '|', '｜'])
                && text.split(' ').count() >= 3
                && text.split(' ').filter(|c| figure(c)).count() >= 2;
            let table_row =
                !text.contains(['。', '；']) && (spaced || text.split(['|', '｜']).filter(|c| figure(c)).count() >= 2);
            Block { content, link: 0, heading, text, table_row }
        })
        .collect();
    Page { blocks, metas: Vec::new(), title_tag: None }
}

/// A `label：value` line (发布时间：…, 来源：…, 当前位置：…), as opposed to a headline that names
/// its source before a colon (省工业和信息化厅：我省…): the label is short and the value holds
/// fewer than eight Han characters, or the label is one a page's metadata uses.
fn is_label_line(line: &str) -> bool {
    let Some((label, value)) = line.split_once(['：', ':']) else { return false };
    const LABELS: &[&str] = &[
        "来源",
        "时间",
        "日期",
        "作者",
        "编辑",
        "记者",
        "发布",
        "浏览",
        "点击",
        "字号",
        "分享",
        "位置",
        "索引号",
        "文号",
        "主题",
        "分类",
        "发文机关",
        "成文日期",
        "发布机构",
        "责任",
        "审核",
        "校对",
        "电话",
        "地址",
        "邮编",
    ];
    let han = value.chars().filter(|c| super::is_han(*c)).count();
    han < 8 || label.chars().count() > 14 || LABELS.iter().any(|l| label.trim_end().ends_with(l)) || value.contains(':')
}

/// A line that is a document number: an issuer, a bracketed year and a serial (国办发〔2024〕7号,
/// 苏政发[2023]12号).
fn is_document_number(line: &str) -> bool {
    let t = line.trim();
    let Some(open) = t.find(['〔', '[', '［']) else { return false };
    let rest = &t[open..];
    let year: String = rest.chars().skip(1).take(4).collect();
    t.ends_with('号') && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && t.chars().count() <= 24
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_figures_split_by_bars_are_table_rows() {
        let page = parse("指标｜余额（亿元）｜同比增长（%）\n本外币各项存款｜25318.4｜10.9%\n| 地区 | 12 | 3.5 |\n供稿: | 2024-08-28\n正文｜一段。12｜13");
        let rows: Vec<bool> = page.blocks.iter().map(|b| b.table_row).collect();
        assert_eq!(rows, [false, true, true, false, false]);
        let page =
            parse("城市　环比　同比\n北京　100.2　101.9\n成都市 23.65 16.8\n共 12 个，增长 3.5 %\n2024年 3月 5日");
        let rows: Vec<bool> = page.blocks.iter().map(|b| b.table_row).collect();
        assert_eq!(rows, [false, true, true, false, false]);
    }

    #[test]
    fn document_numbers_are_no_headings() {
        let page = parse("国务院办公厅关于印发行动方案的通知\n国办发〔2024〕7号\n正文第一段。");
        assert!(page.blocks[0].heading);
        assert!(!page.blocks[1].heading);
        assert!(is_document_number("苏政发[2023]12号"));
        assert!(!is_document_number("关于2024年项目的通知"));
        let page = parse(
            "省工业和信息化厅：我省制造业发展指数居全国第一\n发布时间：2024-05-08\n来源：江苏省人民政府办公厅\n正文。",
        );
        let headings: Vec<bool> = page.blocks.iter().map(|b| b.heading).collect();
        assert_eq!(headings, [true, false, false, false]);
    }
}
