//! Plain text (a page saved as text) → blocks, one per non-empty line. A line is a heading
//! candidate when it is short, has no sentence-final punctuation and is no document number
//! (国办发〔2024〕7号); there are no links.

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
                && !text.contains(['。', '；', '！', '？', '|', '>', ':', '：'])
                && !is_document_number(&text);
            Block { content, link: 0, heading, text }
        })
        .collect();
    Page { blocks, metas: Vec::new(), title_tag: None }
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
    fn document_numbers_are_no_headings() {
        let page = parse("国务院办公厅关于印发行动方案的通知\n国办发〔2024〕7号\n正文第一段。");
        assert!(page.blocks[0].heading);
        assert!(!page.blocks[1].heading);
        assert!(is_document_number("苏政发[2023]12号"));
        assert!(!is_document_number("关于2024年项目的通知"));
    }
}
