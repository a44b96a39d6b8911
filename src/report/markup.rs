//! Highlighting in a text: turns character spans, each with an opening and a closing tag,
//! into well-nested HTML around the escaped text. Spans that contain one another nest;
//! a span that crosses the edge of a span of a lower rank (sentences 0, figures 1,
//! initiative mentions 2) is cut there first, so a figure is never cut by an initiative; any
//! crossing left (two spans of one rank) is closed and reopened. Only the first piece of a
//! span carries its `id`. Knows nothing of claims: the caller builds the tags.

use super::html::push_escaped;

/// One span to wrap.
pub struct Wrap {
    /// `[start, end)` in characters.
    pub span: [usize; 2],
    /// 0 outermost; a span is cut where it crosses a span of lower rank.
    pub rank: u8,
    /// Opening tag of the first piece (with the `id`).
    pub open: String,
    /// Opening tag of any further piece (without the `id`).
    pub open_more: String,
    /// Closing tag.
    pub close: &'static str,
}

#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    rank: u8,
    wrap: usize,
    first: bool,
}

/// `text` escaped, with every span of `wraps` wrapped in its tags. Spans out of the text or
/// empty are ignored.
pub fn render(text: &str, wraps: &[Wrap]) -> String {
    let len = text.chars().count();
    let mut pieces = cut(wraps, len);
    pieces.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), a.rank, a.wrap).cmp(&(b.start, std::cmp::Reverse(b.end), b.rank, b.wrap))
    });
    let mut bounds: Vec<usize> = pieces.iter().flat_map(|p| [p.start, p.end]).chain([0, len]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    // Byte offset of each boundary.
    let mut bytes = Vec::with_capacity(bounds.len());
    let mut b = bounds.iter().peekable();
    for (n, (i, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
        while b.peek().is_some_and(|&&x| x == n) {
            bytes.push(i);
            b.next();
        }
    }
    let mut out = String::with_capacity(text.len() + pieces.len() * 120);
    let mut stack: Vec<Piece> = Vec::new();
    let mut next = 0;
    for (k, &pos) in bounds.iter().enumerate() {
        // Close what ends here, reopening what was above it and goes on.
        if let Some(low) = stack.iter().position(|p| p.end <= pos) {
            let mut reopen = Vec::new();
            while stack.len() > low {
                let p = stack.pop().unwrap_or(Piece { start: 0, end: 0, rank: 0, wrap: 0, first: false });
                out.push_str(wraps[p.wrap].close);
                if p.end > pos {
                    reopen.push(Piece { first: false, ..p });
                }
            }
            for p in reopen.into_iter().rev() {
                out.push_str(&wraps[p.wrap].open_more);
                stack.push(p);
            }
        }
        while next < pieces.len() && pieces[next].start == pos {
            let p = pieces[next];
            let w = &wraps[p.wrap];
            out.push_str(if p.first { &w.open } else { &w.open_more });
            stack.push(p);
            next += 1;
        }
        if let Some(&to) = bytes.get(k + 1) {
            push_escaped(&mut out, &text[bytes[k]..to]);
        }
    }
    for p in stack.into_iter().rev() {
        out.push_str(wraps[p.wrap].close);
    }
    out
}

/// Each span cut at the edges of lower-ranked spans that fall strictly inside it.
fn cut(wraps: &[Wrap], len: usize) -> Vec<Piece> {
    let valid = |w: &Wrap| w.span[0] < w.span[1] && w.span[1] <= len;
    let mut edges: Vec<(u8, usize)> =
        wraps.iter().filter(|w| valid(w)).flat_map(|w| [(w.rank, w.span[0]), (w.rank, w.span[1])]).collect();
    edges.sort_unstable();
    edges.dedup();
    let mut pieces = Vec::with_capacity(wraps.len());
    for (i, w) in wraps.iter().enumerate().filter(|(_, w)| valid(w)) {
        let [s, e] = w.span;
        let mut inner: Vec<usize> =
            edges.iter().filter(|(r, _)| *r < w.rank).map(|&(_, x)| x).filter(|&x| x > s && x < e).collect();
        inner.sort_unstable();
        inner.dedup();
        let mut from = s;
        for x in inner.into_iter().chain([e]) {
            pieces.push(Piece { start: from, end: x, rank: w.rank, wrap: i, first: from == s });
            from = x;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(span: [usize; 2], rank: u8, name: &str) -> Wrap {
        Wrap {
            span,
            rank,
            open: format!("<{name} id=x>"),
            open_more: format!("<{name}>"),
            close: match name {
                "a" => "</a>",
                "b" => "</b>",
                _ => "</i>",
            },
        }
    }

    #[test]
    fn nests_contained_spans_and_escapes() {
        let html = render("x<y>z", &[w([0, 5], 0, "a"), w([1, 4], 1, "b")]);
        assert_eq!(html, "<a id=x>x<b id=x>&lt;y&gt;</b>z</a>");
    }

    #[test]
    fn cuts_the_higher_rank_where_spans_cross() {
        // An initiative (rank 2) crossing a figure (rank 1): the initiative is cut.
        let html = render("abcdef", &[w([1, 4], 1, "b"), w([3, 6], 2, "i")]);
        assert_eq!(html, "a<b id=x>bc<i id=x>d</i></b><i>ef</i>");
        let html = render("abcdef", &[w([3, 6], 1, "b"), w([1, 4], 2, "i")]);
        assert_eq!(html, "a<i id=x>bc</i><b id=x><i>d</i>ef</b>");
    }

    #[test]
    fn same_rank_crossings_close_and_reopen() {
        let html = render("abcdef", &[w([0, 3], 1, "b"), w([2, 5], 1, "a")]);
        assert_eq!(html, "<b id=x>ab<a id=x>c</a></b><a>de</a>f");
    }

    #[test]
    fn ignores_spans_outside_the_text() {
        assert_eq!(render("ab", &[w([1, 9], 1, "b"), w([1, 1], 1, "a")]), "ab");
        assert_eq!(render("", &[]), "");
    }
}
