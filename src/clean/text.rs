//! Plain text (a page saved as text) → blocks, one per non-empty line. A line is a heading
//! candidate when it is short and has no sentence-final punctuation; there are no links.

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
            let heading =
                (5..=80).contains(&n) && han >= 4 && !text.contains(['。', '；', '！', '？', '|', '>', ':', '：']);
            Block { content, link: 0, heading, text }
        })
        .collect();
    Page { blocks, metas: Vec::new(), title_tag: None }
}
