//! The non-claim mask: which characters the `[[non_claim]]` rules (dates, document numbers,
//! phone numbers, URLs, names holding numbers) cover, so that no figure is read there.
//! Decides nothing about the figures that remain.

use super::super::rules::ClaimRules;
use super::super::Folded;

/// The chars the non-claim rules cover, and the chars of those among them that hide places
/// from scopes (`[scope] hidden_in`; empty when there are none), from one scan.
pub fn exclusion_masks(rules: &ClaimRules, f: &Folded) -> (Vec<bool>, Vec<bool>) {
    let mut all = vec![false; f.chars.len()];
    let mut hiding = if rules.scope_hidden_in.is_empty() { Vec::new() } else { vec![false; f.chars.len()] };
    for_each_match(
        rules,
        |_| true,
        f,
        |k, a, b| {
            all[a..b].iter_mut().for_each(|x| *x = true);
            if rules.scope_hidden_in.contains(&k) {
                hiding[a..b].iter_mut().for_each(|x| *x = true);
            }
        },
    );
    (all, hiding)
}

/// The chars the non-claim rules that `keep` selects match.
pub(super) fn mask_of(rules: &ClaimRules, keep: impl Fn(&crate::patterns::Rule) -> bool, f: &Folded) -> Vec<bool> {
    let mut mask = vec![false; f.chars.len()];
    for_each_match(rules, keep, f, |_, a, b| mask[a..b].iter_mut().for_each(|x| *x = true));
    mask
}

/// Calls `mark(rule index, start char, end char)` for each match of the non-claim rules that
/// `keep` selects, searching each only where the scanner says it can match.
fn for_each_match(
    rules: &ClaimRules,
    keep: impl Fn(&crate::patterns::Rule) -> bool,
    f: &Folded,
    mut mark: impl FnMut(usize, usize, usize),
) {
    let scan = rules.non_claim_scanner.scan(&f.string);
    for (k, r) in rules.non_claims.iter().enumerate().filter(|(_, r)| keep(r)) {
        for range in scan.ranges(k) {
            for m in r.regex.find_iter(&f.string[range.clone()]) {
                mark(k, f.char_at_byte(range.start + m.start()), f.char_at_byte(range.start + m.end()));
            }
        }
    }
}
