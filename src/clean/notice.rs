//! Official notices (通告, 通知, 决定): the document number, the issuing body that signs the
//! notice and the date under the signature, read from the page's lines with the `notice`,
//! `doc_number`, `issuer` and `signed` rules of `patterns/clean.toml`.
//!
//! A document number is looked for on any page (in the header and the body's first lines);
//! the signature and its date only on a notice, among the last lines of the body and the
//! lines just after it. This module does not decide what the body is.

use super::rules::{iso_date, CleanRules};
use super::Page;
use std::ops::Range;

/// What a notice says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeFields {
    /// 苏政发〔2024〕7号.
    pub doc_number: Option<String>,
    /// The signing body (several joined by 、).
    pub issuer: Option<String>,
    /// ISO date of the signature.
    pub signed: Option<String>,
}

/// Reads the notice fields of a page whose body is `body` and whose header is `header`.
pub(crate) fn read(
    page: &Page,
    title: Option<&str>,
    header: Range<usize>,
    body: Range<usize>,
    rules: &CleanRules,
) -> NoticeFields {
    let text = |i: usize| page.blocks[i].text.as_str();
    let number_in = |i: usize| {
        rules.doc_number.iter().find_map(|r| r.regex.captures(text(i))?.name("number").map(|m| squash(m.as_str())))
    };
    let first_body = body.start..(body.start + 3).min(body.end);
    let doc_number = header.chain(first_body).find_map(number_in);
    let is_notice = title.is_some_and(|t| rules.notice.iter().any(|r| r.regex.is_match(t)))
        || body.clone().any(|i| rules.notice.iter().any(|r| r.regex.is_match(text(i))));
    if !is_notice {
        return NoticeFields { doc_number, ..NoticeFields::default() };
    }
    let tail = body.end.saturating_sub(4).max(body.start)..(body.end + 6).min(page.blocks.len());
    let (issuer, signed) = signature(page, tail, rules);
    NoticeFields { doc_number, issuer, signed }
}

/// The last date line in `range` and the signature lines right above it.
fn signature(page: &Page, range: Range<usize>, rules: &CleanRules) -> (Option<String>, Option<String>) {
    let date_of =
        |i: usize| rules.signed.iter().find_map(|r| r.regex.captures(&page.blocks[i].text).and_then(|c| iso_date(&c)));
    let Some((at, date)) = range.clone().rev().find_map(|i| date_of(i).map(|d| (i, d))) else {
        return (None, None);
    };
    let name_of = |i: usize| {
        rules
            .issuer
            .iter()
            .find_map(|r| r.regex.captures(&page.blocks[i].text)?.name("name").map(|m| m.as_str().to_string()))
    };
    let mut names = Vec::new();
    let mut i = at;
    while i > range.start {
        i -= 1;
        match name_of(i) {
            Some(n) => names.push(n),
            None => break,
        }
    }
    names.reverse();
    ((!names.is_empty()).then(|| names.join("、")), Some(date))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> CleanRules {
        CleanRules::load(&crate::patterns::Patterns::embedded()).unwrap()
    }

    #[test]
    fn a_notice_keeps_number_signature_and_date() {
        let page = super::super::text::parse(
            "关于加强节日期间安全管理的通告\n市安委〔2024〕3号\n为切实做好节日期间安全管理工作，现通告如下。\n特此通告。\n\
             南京市安全生产委员会\n南京市公安局\n2024年1月25日",
        );
        let f = read(&page, Some("关于加强节日期间安全管理的通告"), 0..2, 2..4, &rules());
        assert_eq!(f.doc_number.as_deref(), Some("市安委〔2024〕3号"));
        assert_eq!(f.issuer.as_deref(), Some("南京市安全生产委员会、南京市公安局"));
        assert_eq!(f.signed.as_deref(), Some("2024-01-25"));
    }

    #[test]
    fn an_article_has_no_signature() {
        let page =
            super::super::text::parse("一季度全省经济运行情况\n全省经济运行总体平稳。\n江苏省统计局\n2024年4月18日");
        assert_eq!(read(&page, Some("一季度全省经济运行情况"), 0..1, 1..2, &rules()), NoticeFields::default());
    }
}
