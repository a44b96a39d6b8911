//! HTML → blocks and meta tags, with an iterative walk (no recursion, so 100,000 nested
//! tags cannot overflow the stack). Scripts, styles, forms' controls, hidden elements and
//! comments are dropped here; scoring happens in the parent module.

use super::{collapse_ws, is_content_char, is_space, Block, Page};
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

/// Elements whose whole subtree carries no article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "iframe"
            | "head"
            | "svg"
            | "canvas"
            | "template"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "nav"
            | "footer"
            | "aside"
    )
}

/// Elements that start a new block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "td"
            | "th"
            | "tr"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "br"
            | "table"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "header"
            | "blockquote"
            | "pre"
            | "dd"
            | "dt"
            | "dl"
            | "center"
            | "form"
            | "tbody"
            | "figure"
            | "figcaption"
            | "hr"
            | "main"
            | "body"
            | "html"
            | "caption"
            | "address"
            | "fieldset"
            | "legend"
            | "summary"
            | "details"
    )
}

/// An attribute's value by name: `Element::attr` without interning the name on every call
/// (the names asked for here are never namespaced, so the local name decides).
fn attr<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs().find_map(|(k, v)| (k == name).then_some(v))
}

fn is_hidden(el: &Element) -> bool {
    if attr(el, "hidden").is_some() {
        return true;
    }
    attr(el, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn is_titleish(el: &Element) -> bool {
    let (class, id) = (attr(el, "class").unwrap_or(""), attr(el, "id").unwrap_or(""));
    let has = |k: &str| contains_ignore_case(class, k) || contains_ignore_case(id, k);
    ["title", "headline", "biaoti", "tit"].iter().any(|k| has(k))
        && !["subtitle", "sub-title", "list", "nav", "more"].iter().any(|k| has(k))
}

/// Whether `hay` holds `needle` (lowercase ASCII) with ASCII letters in any case.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

struct Builder {
    blocks: Vec<Block>,
    cur: String,
    content: usize,
    link: usize,
    /// Heading level of the innermost open heading-ish ancestor (0 none).
    heading_level: Vec<u8>,
    link_depth: usize,
}

impl Builder {
    fn flush(&mut self) {
        if self.content > 0 || !self.cur.trim().is_empty() {
            let text = collapse_ws(&self.cur);
            if !text.is_empty() {
                let level = self.heading_level.iter().copied().filter(|l| *l > 0).min().unwrap_or(0);
                self.blocks.push(Block {
                    text,
                    content: self.content,
                    link: self.link,
                    heading: level > 0,
                    table_row: false,
                });
            }
        }
        self.cur.clear();
        self.content = 0;
        self.link = 0;
    }

    fn text(&mut self, t: &str) {
        self.cur.push_str(t);
        let n = t.chars().filter(|c| is_content_char(*c)).count();
        self.content += n;
        if self.link_depth > 0 {
            self.link += n;
        }
    }
}

/// Deepest element nesting passed to the HTML parser. html5ever checks element scopes by
/// walking the stack of open elements, so 100,000 nested tags take minutes; real pages stay
/// far below this.
pub(crate) const MAX_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "!--", "!doctype",
];

/// When open tags nest deeper than [`MAX_DEPTH`], returns the markup with the excess
/// opening tags removed (their text is kept). `None` when the page is within the limit,
/// which is every real page: then nothing is rewritten.
pub(crate) fn limit_depth(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut depth = 0usize;
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let Some(close) = memchr::memchr(b'>', &bytes[start..]) else { break };
        let end = start + close + 1;
        let tag = &bytes[start + 1..end - 1];
        let closing = tag.first() == Some(&b'/');
        let named = &tag[tag.iter().take_while(|b| **b == b'/').count()..];
        let name = &named[..named.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'!' | b'-')).count()];
        if closing {
            depth = depth.saturating_sub(1);
        } else if !name.is_empty()
            && !VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name))
            && tag.last() != Some(&b'/')
            && name[0] != b'!'
        {
            if depth >= MAX_DEPTH {
                drop.push((start, end));
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(input.len());
    let mut last = 0;
    for (a, b) in drop {
        out.push_str(&input[last..a]);
        last = b;
    }
    out.push_str(&input[last..]);
    Some(out)
}

/// Longest cell of a data table, in characters.
const MAX_DATA_CELL: usize = 40;

/// A table cell's text, whitespace collapsed; `None` as soon as it is longer than
/// [`MAX_DATA_CELL`], which makes its table a layout table (so a cell holding a whole
/// article is not gathered only to be thrown away).
fn data_cell_text(cell: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    let mut t = String::new();
    let mut kept = 0; // characters collapse_ws keeps
    for text in cell.descendants().filter_map(|d| d.value().as_text()) {
        t.push_str(text);
        kept += text.chars().filter(|c| !is_space(*c)).count();
        if kept > MAX_DATA_CELL {
            return None;
        }
    }
    Some(collapse_ws(&t))
}

/// The rows of a data table (figures in a grid: 指标 | 单位 | 绝对值 | 同比增长), each as
/// its cells' text joined by tabs; `None` for a layout table. A data table has no table
/// inside it, three or more rows, two or more cells in most rows, short cells (20 chars on
/// average, none over 40), a figure in at least a quarter of its cells, and rows that read as
/// indicators (a name, then a figure) in at least half of the rows after the first.
fn data_table_rows(table: ego_tree::NodeRef<'_, Node>) -> Option<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for node in table.descendants().skip(1) {
        let Node::Element(el) = node.value() else { continue };
        match el.name() {
            "table" => return None,
            "tr" => {
                let cells = node
                    .children()
                    .filter(|c| c.value().as_element().is_some_and(|e| matches!(e.name(), "td" | "th")))
                    .map(data_cell_text)
                    .collect::<Option<Vec<String>>>()?;
                rows.push(cells);
            }
            _ => {}
        }
    }
    let cells: Vec<&String> = rows.iter().flatten().collect();
    let multi = rows.iter().filter(|r| r.len() >= 2).count();
    let chars: usize = cells.iter().map(|c| c.chars().count()).sum();
    let figure = |c: &String| c.chars().any(|ch| ch.is_ascii_digit()) && c.chars().count() <= 16;
    let figures = cells.iter().filter(|c| figure(c)).count();
    // Rows that read as an indicator: a name first, a figure after it.
    let indicators = rows
        .iter()
        .filter(|r| r.len() >= 2 && r[0].chars().any(super::is_han) && !figure(&r[0]) && r[1..].iter().any(figure))
        .count();
    let is_data = rows.len() >= 3
        && multi * 5 >= rows.len() * 4
        && chars <= 20 * cells.len().max(1)
        && cells.iter().all(|c| c.chars().count() <= MAX_DATA_CELL)
        && figures * 4 >= cells.len()
        && indicators >= 2
        && indicators * 2 >= rows.len() - 1
        && cells.len() <= 4000;
    is_data.then(|| rows.into_iter().filter(|r| r.iter().any(|c| !c.is_empty())).map(|r| r.join("\t")).collect())
}

/// Parses HTML into blocks, meta tags and the `<title>` text.
pub(crate) fn parse(input: &str) -> Page {
    let slim = super::rawtext::slim(input);
    walk(&Html::parse_document(slim.as_deref().unwrap_or(input)))
}

/// [`parse`] without emptying scripts and styles first: the reference the property test of
/// the `rawtext` module compares against.
#[cfg(test)]
pub(super) fn parse_unslimmed(input: &str) -> Page {
    walk(&Html::parse_document(input))
}

/// The blocks and meta tags of a parsed page.
fn walk(doc: &Html) -> Page {
    let mut page = Page::default();
    let mut b = Builder {
        blocks: Vec::new(),
        cur: String::new(),
        content: 0,
        link: 0,
        heading_level: Vec::new(),
        link_depth: 0,
    };
    let mut skip_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    // <title> and <meta> anywhere (some saved pages put them in <body>).
                    match name {
                        "title" if page.title_tag.is_none() => page.title_tag = title_text(node),
                        "meta" => page.metas.extend(meta_entry(el)),
                        _ => {}
                    }
                    if skip_depth > 0 || is_skipped(name) || name == "title" || name == "meta" || is_hidden(el) {
                        skip_depth += 1;
                        continue;
                    }
                    if name == "table" {
                        if let Some(rows) = data_table_rows(node) {
                            b.flush();
                            for text in rows {
                                let content = text.chars().filter(|c| is_content_char(*c)).count();
                                b.blocks.push(Block { text, content, link: 0, heading: false, table_row: true });
                            }
                            skip_depth += 1;
                            continue;
                        }
                    }
                    if is_block(name) {
                        b.flush();
                    }
                    let level = match name {
                        "h1" => 1,
                        "h2" | "h3" => 2,
                        _ if is_titleish(el) => 3,
                        _ => 0,
                    };
                    b.heading_level.push(level);
                    if name == "a" {
                        b.link_depth += 1;
                    }
                }
                Node::Text(t) if skip_depth == 0 => b.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    if name == "a" {
                        b.link_depth = b.link_depth.saturating_sub(1);
                    }
                    if is_block(name) || b.heading_level.last().is_some_and(|l| *l > 0) {
                        b.flush();
                    }
                    b.heading_level.pop();
                }
            }
        }
    }
    b.flush();
    page.blocks = b.blocks;
    page
}

/// The text of a `<title>` element, whitespace collapsed; `None` when blank.
fn title_text(node: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    let t: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
    Some(collapse_ws(&t)).filter(|t| !t.is_empty())
}

/// A `<meta>` tag's key (its name, property, itemprop or http-equiv; trimmed, lowercased)
/// and content.
fn meta_entry(el: &Element) -> Option<(String, String)> {
    let key = attr(el, "name")
        .or_else(|| attr(el, "property"))
        .or_else(|| attr(el, "itemprop"))
        .or_else(|| attr(el, "http-equiv"));
    Some((key?.trim().to_lowercase(), attr(el, "content")?.to_string()))
}
