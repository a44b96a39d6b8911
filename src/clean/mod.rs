//! Cleaning: decoded HTML or plain text → title, publication date, publisher and the
//! article body as paragraphs.
//!
//! The page is flattened into text blocks (one per block-level element or line), each
//! scored on text length, link density and sentence punctuation (the CETD / GNE line of
//! work). The body is the contiguous run of blocks with the largest total score, minus
//! link-dense and furniture lines inside it. Metadata (meta tags, `<title>`, headings near
//! the body, labelled lines such as 发布时间 / 来源) decides title, date and publisher.
//! No per-site rules: everything tunable lives in `patterns/clean.toml`.
//!
//! Cleaning never looks at numbers or names in the body; that is `extract`'s job.

mod html;
mod notice;
mod rawtext;
pub mod rules;
mod text;

pub use rules::CleanRules;

use crate::model::{Warning, WarningCode};

/// Output of the cleaning stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Headline.
    pub title: Option<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    /// Publishing organisation.
    pub publisher: Option<String>,
    /// Document number of an official notice.
    pub doc_number: Option<String>,
    /// Body that signs an official notice.
    pub issuer: Option<String>,
    /// ISO date under a notice's signature.
    pub signed: Option<String>,
    /// Body paragraphs, whitespace-normalized, none empty.
    pub paragraphs: Vec<String>,
    /// Observations (no title, no date, empty body).
    pub warnings: Vec<Warning>,
}

/// A run of text from one block-level element (or one line of a text file).
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    /// Whitespace-collapsed text.
    pub text: String,
    /// Han, digit and Latin characters in the block.
    pub content: usize,
    /// Of those, characters inside links.
    pub link: usize,
    /// The block is a heading (h1–h3, or an element whose class/id says title).
    pub heading: bool,
    /// The block is a row of a data table, its cells joined by tabs.
    pub table_row: bool,
}

/// What the format-specific parsers hand to the shared logic.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub blocks: Vec<Block>,
    /// `(name, content)` of meta tags, names lowercased.
    pub metas: Vec<(String, String)>,
    /// Text of `<title>`.
    pub title_tag: Option<String>,
}

/// Whether a character counts as content for scoring and evaluation.
pub fn is_content_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_han(c)
}

/// CJK ideographs (basic block and extension A, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

fn is_sentence_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';' | '!' | '?')
}

/// Cleans a decoded page. `plain_text` selects the line-based reader for `.txt` inputs;
/// HTML is otherwise detected from the content.
pub fn clean(input: &str, plain_text: bool, rules: &CleanRules) -> Cleaned {
    if plain_text || !looks_like_html(input) {
        return assemble(&text::parse(input), input, rules);
    }
    match html::limit_depth(input) {
        None => assemble(&html::parse(input), input, rules),
        Some(flat) => {
            let mut c = assemble(&html::parse(&flat), input, rules);
            c.warnings.push(Warning::new(
                WarningCode::MarkupFlattened,
                format!("elements nested deeper than {} levels were flattened", html::MAX_DEPTH),
            ));
            c
        }
    }
}

fn looks_like_html(s: &str) -> bool {
    let head: String = s.chars().take(4096).collect::<String>().to_ascii_lowercase();
    ["<html", "<!doctype", "<body", "<div", "<p>", "<p ", "<meta", "<head", "<title", "<br", "<table"]
        .iter()
        .any(|t| head.contains(t))
}

/// Whether [`collapse_ws`] counts a character as whitespace.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}'
}

/// Collapses runs of whitespace (including U+3000 and NBSP) to one space and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn weight(b: &Block, rules: &CleanRules) -> f64 {
    let n = b.content;
    if n == 0 {
        return -1.0;
    }
    if b.link * 2 > n {
        return -(n as f64) - 3.0;
    }
    if rules.is_boilerplate(&b.text) {
        return -(n as f64) - 5.0;
    }
    if b.table_row {
        // Figures in a grid carry no punctuation but are article text.
        return n as f64 * 0.5;
    }
    let text_n = (n - b.link) as f64;
    let punct = b.text.chars().filter(|c| is_sentence_punct(*c)).count();
    // A line without punctuation is no article text: short, or a heading however long
    // (a notice's title runs to 60 characters).
    if punct == 0 && (text_n < 40.0 || b.heading) {
        return -text_n * 0.5 - 4.0;
    }
    text_n - 2.0 * b.link as f64
}

/// The `[start, end)` block range with the largest total weight (Kadane).
fn best_region(weights: &[f64]) -> Option<(usize, usize)> {
    let (mut best, mut best_range) = (0.0, None);
    let (mut sum, mut start) = (0.0, 0);
    for (i, w) in weights.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_range = Some((start, i + 1));
        }
    }
    best_range
}

fn assemble(page: &Page, raw: &str, rules: &CleanRules) -> Cleaned {
    let weights: Vec<f64> = page.blocks.iter().map(|b| weight(b, rules)).collect();
    let (start, end) = best_region(&weights).unwrap_or((page.blocks.len(), page.blocks.len()));
    let start = with_lead_in(page, start, rules);
    let mut end = cut_at_body_end(page, &weights, start, end, rules);
    // A data table right after the text (主要指标如下表) belongs to the body: its rows score
    // low (no punctuation), so the region stops before it.
    while end < page.blocks.len() && page.blocks[end].table_row {
        end += 1;
    }
    let title_idx = find_title_block(page, start, rules);
    let title = choose_title(page, title_idx, rules);
    let mut paragraphs: Vec<String> = Vec::new();
    for (i, (b, w)) in page.blocks[start..end].iter().zip(&weights[start..end]).enumerate() {
        let link_dense = b.link * 2 > b.content;
        let at_edge = i < 2 || start + i + 3 >= end;
        let furniture = || rules.is_boilerplate(&b.text) && (at_edge || !rules.is_edge_only(&b.text));
        if b.content == 0 || link_dense || (*w < 0.0 && !b.table_row && furniture()) {
            continue;
        }
        if title.as_deref().is_some_and(|t| same_text(t, &b.text)) {
            continue;
        }
        paragraphs.push(b.text.clone());
    }
    let header = header_range(title_idx, start, page.blocks.len());
    let after = end..(end + 8).min(page.blocks.len());
    let (published, bare) = choose_date(page, raw, header.clone(), after.clone(), rules).unzip();
    let publisher = choose_publisher(page, header.clone(), after, start..end, rules);
    let notice = notice::read(page, title.as_deref(), header, start..end, rules);
    // A notice is issued on the day it is signed; a bare date near its start is a date it sets.
    let published = match (&notice.signed, bare) {
        (Some(signed), None | Some(true)) => Some(signed.clone()),
        _ => published,
    };
    let mut warnings = Vec::new();
    if paragraphs.is_empty() {
        warnings.push(Warning::new(WarningCode::EmptyBody, "no block of article text found"));
    }
    if title.is_none() {
        warnings.push(Warning::new(WarningCode::NoTitle, "no headline found"));
    }
    if published.is_none() {
        warnings.push(Warning::new(WarningCode::NoDate, "no publication date found"));
    }
    Cleaned {
        title,
        published,
        publisher,
        doc_number: notice.doc_number,
        issuer: notice.issuer,
        signed: notice.signed,
        paragraphs,
        warnings,
    }
}

/// Moves the body's start back over a speaker line standing alone just before it
/// (主持人 寿小丽：): it scores low (no sentence punctuation) but opens the first turn.
fn with_lead_in(page: &Page, start: usize, rules: &CleanRules) -> usize {
    match start.checked_sub(1).map(|i| &page.blocks[i]) {
        Some(b)
            if b.link == 0
                && start < page.blocks.len()
                && !rules.is_boilerplate(&b.text)
                && rules.lead_in.iter().any(|r| r.regex.is_match(&b.text)) =>
        {
            start - 1
        }
        _ => start,
    }
}

/// Ends the body at the first comment/related/editor header once at least 70% of the
/// region's positive weight lies before it.
fn cut_at_body_end(page: &Page, weights: &[f64], start: usize, end: usize, rules: &CleanRules) -> usize {
    let total: f64 = weights[start..end].iter().filter(|w| **w > 0.0).sum();
    let mut before = 0.0;
    for (i, (w, b)) in weights[start..end].iter().zip(&page.blocks[start..end]).enumerate() {
        if before >= 0.7 * total && rules.body_end.iter().any(|r| r.regex.is_match(&b.text)) {
            return start + i;
        }
        if *w > 0.0 {
            before += w;
        }
    }
    end
}

fn same_text(a: &str, b: &str) -> bool {
    fn squash(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !c.is_whitespace())
    }
    squash(a).eq(squash(b))
}

/// Blocks worth searching for the date and publisher: from a little before the title up
/// to the body (or, with no title, the stretch just before the body), plus the body's start.
fn header_range(title_idx: Option<usize>, body_start: usize, len: usize) -> std::ops::Range<usize> {
    let from = match title_idx {
        Some(t) if t <= body_start => t.saturating_sub(3),
        _ => body_start.saturating_sub(15),
    };
    from..(body_start + 2).min(len)
}

fn strip_markup(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    collapse_ws(&out)
}

fn squash_title(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '\'' | '-' | '–' | '—' | '－' | '_'))
        .collect()
}

/// The heading block that is the headline: the last heading before the body whose text
/// the `<title>` contains (or, with no `<title>`, the last heading before the body).
fn find_title_block(page: &Page, body_start: usize, rules: &CleanRules) -> Option<usize> {
    let title_tag = page.title_tag.as_deref().map(squash_title).unwrap_or_default();
    let metas: Vec<String> = page
        .metas
        .iter()
        .filter(|(k, _)| k == "articletitle" || k == "og:title")
        .map(|(_, v)| squash_title(&strip_markup(v)))
        .collect();
    let matches = |b: &Block| {
        let t = squash_title(&b.text);
        if rules.is_boilerplate(&b.text) || rules.is_byline(&b.text) {
            return false;
        }
        t.chars().count() >= 4
            && (title_tag.contains(&t)
                || metas.iter().any(|m| m.contains(&t) || (m.len() > 6 && t.contains(m.as_str()))))
    };
    let limit = body_start.min(page.blocks.len());
    let before = (0..limit).rev().find(|&i| page.blocks[i].heading && matches(&page.blocks[i]));
    before
        .or_else(|| (0..page.blocks.len()).find(|&i| page.blocks[i].heading && matches(&page.blocks[i])))
        .or_else(|| (0..limit).rev().take(12).find(|&i| matches(&page.blocks[i]) && page.blocks[i].link == 0))
        .or_else(|| {
            if page.title_tag.is_none() {
                let headline = |i: &usize| {
                    let t = &page.blocks[*i].text;
                    page.blocks[*i].heading && !rules.is_boilerplate(t) && !rules.is_byline(t)
                };
                // A headline stands above its labelled date (发布时间：…); a speaker's line
                // between the date and the body (审计署审计长 …) is none.
                let dated = (0..limit).find(|&i| rules.find_date(&page.blocks[i].text, &["date.labelled"]).is_some());
                dated
                    .and_then(|d| (0..d).rev().take(12).find(headline))
                    .or_else(|| (0..limit).rev().take(12).find(headline))
            } else {
                None
            }
        })
}

/// A headline broken over several lines (`<br>`): joins the neighbours of block `i` while
/// the joined text still lies inside `<title>`.
fn joined_heading(page: &Page, i: usize) -> String {
    let Some(tag) = page.title_tag.as_deref().map(squash_title) else {
        return page.blocks[i].text.clone();
    };
    let fits = |a: usize, b: usize| {
        let joined: String = page.blocks[a..=b].iter().map(|b| squash_title(&b.text)).collect();
        page.blocks[a..=b].iter().all(|b| b.link == 0) && tag.contains(&joined)
    };
    if !fits(i, i) {
        return page.blocks[i].text.clone();
    }
    let (mut a, mut b) = (i, i);
    while a > 0 && fits(a - 1, b) {
        a -= 1;
    }
    while b + 1 < page.blocks.len() && fits(a, b + 1) {
        b += 1;
    }
    page.blocks[a..=b].iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("")
}

fn choose_title(page: &Page, title_idx: Option<usize>, rules: &CleanRules) -> Option<String> {
    let meta = |name: &str| {
        page.metas
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| strip_markup(v))
            .filter(|v| v.chars().count() >= 4)
    };
    if let Some(t) = meta("articletitle") {
        // A heading that extends the meta title (e.g. a longer headline) wins.
        if let Some(i) = title_idx {
            let h = &page.blocks[i].text;
            if squash_title(h).contains(&squash_title(&t)) {
                return Some(h.clone());
            }
        }
        return Some(t);
    }
    if let Some(i) = title_idx {
        return Some(joined_heading(page, i));
    }
    for name in rules.title_meta.iter().filter(|n| *n != "articletitle") {
        if let Some(t) = meta(name) {
            return Some(strip_site_suffix(&t, rules));
        }
    }
    page.title_tag.as_deref().map(|t| strip_site_suffix(t, rules)).filter(|t| !t.is_empty())
}

/// Drops the site name after a `<title>` separator, keeping the longest leading part.
fn strip_site_suffix(t: &str, rules: &CleanRules) -> String {
    let t = collapse_ws(t);
    for r in &rules.title_separator {
        if let Some(m) = r.regex.find(&t) {
            let head = t[..m.start()].trim();
            if head.chars().count() >= 4 {
                return head.to_string();
            }
        }
    }
    t
}

/// The publication date, and whether it is only a bare date near the headline (no label,
/// meta tag or CMS stamp says so).
fn choose_date(
    page: &Page,
    raw: &str,
    header: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
    rules: &CleanRules,
) -> Option<(String, bool)> {
    let usable = |i: &usize| page.blocks[*i].link * 2 <= page.blocks[*i].content;
    let in_blocks = |range: std::ops::Range<usize>, ids: &[&str]| {
        range.filter(usable).find_map(|i| rules.find_date(&page.blocks[i].text, ids))
    };
    if let Some(d) = in_blocks(header.clone(), &["date.labelled"]) {
        return Some((d, false));
    }
    for name in &rules.date_meta {
        if let Some((_, v)) = page.metas.iter().find(|(k, _)| k == name) {
            if let Some(d) = rules.find_date(v, &["date.dateline"]) {
                return Some((d, false));
            }
        }
    }
    // A report's meeting line (——2025年1月15日在…会议上) dates it.
    if let Some(d) = header.clone().filter(usable).find_map(|i| rules.byline_date(&page.blocks[i].text)) {
        return Some((d, false));
    }
    let head_end = raw.char_indices().nth(16 * 1024).map(|(i, _)| i).unwrap_or(raw.len());
    if let Some(d) = rules.find_date(&raw[..head_end], &["date.cms_comment"]) {
        return Some((d, false));
    }
    match in_blocks(header, &["date.dateline"]) {
        Some(d) => Some((d, true)),
        None => in_blocks(after, &["date.labelled"]).map(|d| (d, false)),
    }
}

fn choose_publisher(
    page: &Page,
    header: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
    body: std::ops::Range<usize>,
    rules: &CleanRules,
) -> Option<String> {
    for name in &rules.publisher_meta {
        if let Some((_, v)) = page.metas.iter().find(|(k, v)| k == name && !v.trim().is_empty()) {
            return Some(collapse_ws(v));
        }
    }
    let body_tail = body.end.saturating_sub(2).max(body.start)..body.end;
    header.chain(body_tail).chain(after).filter(|i| page.blocks[*i].link * 2 <= page.blocks[*i].content).find_map(|i| {
        rules.publisher.iter().find_map(|r| {
            r.regex
                .captures(&page.blocks[i].text)
                .and_then(|c| c.name("name"))
                .map(|m| without_next_label(m.as_str().trim(), &rules.publisher_stop))
        })
    })
}

/// A publisher's name without the label of the next field on its line (省工业和信息化厅
/// 发布时间 → 省工业和信息化厅).
fn without_next_label(name: &str, stops: &[String]) -> String {
    match name.split_once([' ', '\u{3000}']) {
        Some((first, rest)) if stops.iter().any(|w| rest.starts_with(w.as_str())) => first.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> CleanRules {
        CleanRules::load(&crate::patterns::Patterns::embedded()).unwrap()
    }

    #[test]
    fn a_label_after_the_publisher_is_no_part_of_it() {
        let stops = rules().publisher_stop;
        assert_eq!(without_next_label("省工业和信息化厅 发布时间", &stops), "省工业和信息化厅");
        assert_eq!(without_next_label("人民网 人民日报", &stops), "人民网 人民日报");
    }

    #[test]
    fn a_long_notice_title_heads_a_text_page_and_stays_out_of_the_body() {
        let page = "洛阳市人民政府关于印发洛阳市制造业数字化转型三年行动实施方案（2025—2027年）的通知\n\
            发布时间：2025年3月14日\n来源：洛阳市人民政府办公室\n\
            各县（市、区）人民政府，市人民政府各部门：\n\
            现将《洛阳市制造业数字化转型三年行动实施方案（2025—2027年）》印发给你们，请结合实际，认真贯彻落实。\n";
        let c = clean(page, true, &rules());
        assert_eq!(
            c.title.as_deref(),
            Some("洛阳市人民政府关于印发洛阳市制造业数字化转型三年行动实施方案（2025—2027年）的通知")
        );
        assert_eq!(c.publisher.as_deref(), Some("洛阳市人民政府办公室"));
        assert!(c.paragraphs[0].starts_with("各县"), "{:?}", c.paragraphs);
    }

    #[test]
    fn a_speakers_line_under_the_date_is_no_headline() {
        let page = "国务院关于2023年度中央预算执行和其他财政收支的审计工作报告（摘编）\n\
            发布时间：2024年6月25日\n来源：审计署\n\
            ——2024年6月25日在第十四届全国人民代表大会常务委员会第十次会议上\n\
            审计署审计长 某某\n\
            委员长、各位副委员长、秘书长、各位委员：\n\
            我受国务院委托，向全国人大常委会报告2023年度中央预算执行和其他财政收支的审计情况，请审议。\n";
        let c = clean(page, true, &rules());
        assert_eq!(c.title.as_deref(), Some("国务院关于2023年度中央预算执行和其他财政收支的审计工作报告（摘编）"));
    }

    #[test]
    fn data_tables_are_rows_layout_tables_are_blocks() {
        let data = "<table><tr><th>指标</th><th>绝对值</th><th>增长(%)</th></tr>\
            <tr><td>地区生产总值</td><td>12345.6</td><td>5.2</td></tr>\
            <tr><td>固定资产投资</td><td>—</td><td>-1.3</td></tr></table>";
        let page = html::parse(data);
        let rows: Vec<(&str, bool)> = page.blocks.iter().map(|b| (b.text.as_str(), b.table_row)).collect();
        assert_eq!(rows[1], ("地区生产总值\t12345.6\t5.2", true));
        let layout = "<table><tr><td>导航</td><td>今年以来，全省坚持稳中求进工作总基调，经济运行总体平稳，\
            主要指标好于预期，高质量发展取得新进展。</td></tr><tr><td>2024</td><td>版权所有</td></tr>\
            <tr><td>1</td><td>2</td></tr></table>";
        let blocks = html::parse(layout).blocks;
        assert!(
            blocks.iter().any(|b| b.text.contains("高质量发展")),
            "{:?}",
            blocks.iter().map(|b| &b.text).collect::<Vec<_>>()
        );
        assert!(blocks.iter().all(|b| !b.table_row));
    }

    #[test]
    fn reporter_credits_go_at_the_edges_and_stay_as_dialogue() {
        let long = "全省经济运行总体平稳，主要指标好于预期，高质量发展取得新进展，各项工作扎实推进。";
        let page = format!("记者：张三\n{long}\n{long}\n记者：好的\n{long}\n{long}\n{long}\n记者：李四 王五");
        let c = clean(&page, true, &rules());
        assert!(!c.paragraphs.iter().any(|p| p.contains("张三") || p.contains("李四")), "{:?}", c.paragraphs);
        assert!(c.paragraphs.iter().any(|p| p == "记者：好的"), "{:?}", c.paragraphs);
    }

    #[test]
    fn kadane_picks_dense_run() {
        assert_eq!(best_region(&[-5.0, 10.0, -2.0, 8.0, -30.0, 5.0]), Some((1, 4)));
        assert_eq!(best_region(&[-1.0, -2.0]), None);
    }

    #[test]
    fn html_article() {
        let page = r#"<html><head><title>江苏发布新政_新闻_某某网</title>
            <meta name="PubDate" content="2024-05-10 09:00"></head><body>
            <div class="nav"><a href="/">首页</a><a href="/a">新闻</a><a href="/b">政务</a></div>
            <h1>江苏发布新政</h1><div class="info">2024-05-10 来源：新华社</div>
            <div class="content"><p>今年1-7月，全省规上工业增加值同比增长8.2%，位居东部大省前列。</p>
            <p>江苏坚持把制造业作为“看家本领”，频频推出引领高质量发展的创新举措。</p></div>
            <div class="footer">版权所有 © 某某网 京ICP备12345678号</div></body></html>"#;
        let c = clean(page, false, &rules());
        assert_eq!(c.title.as_deref(), Some("江苏发布新政"));
        assert_eq!(c.published.as_deref(), Some("2024-05-10T09:00"));
        assert_eq!(c.publisher.as_deref(), Some("新华社"));
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut page = "<div>".repeat(100_000);
        page.push_str("<p>制造业是立国之本、强国之基。</p>");
        let c = clean(&page, false, &rules());
        assert_eq!(c.paragraphs, vec!["制造业是立国之本、强国之基。".to_string()]);
    }

    #[test]
    fn no_body_warns() {
        let c = clean("<html><head><title>x</title></head></html>", false, &rules());
        assert!(c.paragraphs.is_empty());
        assert!(c.warnings.iter().any(|w| w.code == WarningCode::EmptyBody));
    }
}
#[cfg(test)]
mod debug_tests {
    use super::*;
    #[test]
    #[ignore]
    fn dump_weights() {
        let path = std::env::var("PAGE").unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let d = crate::decode::decode(&bytes, None);
        let rules = CleanRules::load(&crate::patterns::Patterns::embedded()).unwrap();
        let page = if path.ends_with(".txt") { text::parse(&d.text) } else { html::parse(&d.text) };
        for (i, b) in page.blocks.iter().enumerate() {
            let t: String = b.text.chars().take(50).collect();
            eprintln!("{i:4} {:7.1} h{} c{} l{} {t}", weight(b, &rules), b.heading, b.content, b.link);
        }
    }
}
