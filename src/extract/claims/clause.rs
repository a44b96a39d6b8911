//! Clause geometry shared by every attribute: the sentence holding a position, where its
//! clause starts (short bracketed asides belong to the clause around them) and which
//! characters break a clause. Decides no attribute itself.

use crate::model::Span;

pub(super) fn sentence_of(sentences: &[Span], pos: usize) -> Span {
    let k = sentences.partition_point(|s| s[1] <= pos);
    sentences.get(k).filter(|s| s[0] <= pos).copied().unwrap_or([pos, pos])
}

pub(super) fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | ':' | '！' | '？' | '!' | '?' | '\n' | '、' | '（' | '(' | '）' | ')')
}

/// Start of the clause holding `pos` (after the last clause break before it). A space
/// between two Han characters counts as a break: it is usually lost punctuation. A short
/// aside in brackets (制造业采购经理指数（PMI）为50.2%) belongs to the clause around it.
pub(super) fn clause_start(s: &[char], floor: usize, pos: usize) -> usize {
    let lost_punct = |k: usize| {
        s[k] == ' ' && k > 0 && k + 1 < s.len() && !s[k - 1].is_ascii_alphanumeric() && crate::clean::is_han(s[k + 1])
    };
    let mut k = pos;
    while k > floor {
        k -= 1;
        if matches!(s[k], '）' | ')') {
            if let Some(open) = aside_open(s, floor, k) {
                k = open;
                continue;
            }
        }
        if is_clause_break(s[k]) || lost_punct(k) {
            return k + 1;
        }
    }
    floor
}

/// Longest bracketed aside kept inside a clause, in chars.
pub(super) const ASIDE_MAX: usize = 16;

/// The opening bracket of a short aside closing at `close`: no sentence or clause-list
/// punctuation inside, but a comma may stand in a note (本外币，下同).
pub(super) fn aside_open(s: &[char], floor: usize, close: usize) -> Option<usize> {
    let lo = close.saturating_sub(ASIDE_MAX + 1).max(floor);
    let open = (lo..close).rev().find(|&j| matches!(s[j], '（' | '('))?;
    let inner = &s[open + 1..close];
    let plain =
        !inner.is_empty() && !inner.iter().any(|&c| matches!(c, '；' | ';' | '。' | '\n' | '（' | '(' | '）' | ')'));
    // An aside qualifies what precedes it: there must be something before the bracket.
    (plain && open > floor && !is_clause_break(s[open - 1])).then_some(open)
}

/// Spans [open, close] of short asides in `s[from..to]`.
pub(super) fn parenthesized(s: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in from..to {
        if matches!(s[k], '）' | ')') {
            if let Some(open) = aside_open(s, from, k) {
                out.push((open, k + 1));
            }
        }
    }
    out
}

/// Where a figure stands in its text: its sentence, the start of its clause, and where the
/// words before it end (its hedge and change word left out).
pub(super) struct Clause {
    /// The figure's sentence.
    pub(super) sentence: Span,
    /// Start of the figure's clause.
    pub(super) start: usize,
    /// End of the words before the figure, past its hedge and change word.
    pub(super) before: usize,
}
