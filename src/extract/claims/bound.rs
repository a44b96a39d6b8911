//! Which way a target binds (`bound`): a `[[bound]]` word of `patterns/reports.toml` right
//! after the figure or ending it (以上, 以内, 左右, 区间), else one right before it, a hedge
//! between allowed (控制在, 不低于, 约); else `range` for a figure written as a range, else
//! `point`. Only targets get a bound; an actual figure's stays null. It does not decide
//! whether a figure is a target (that is [`super::modality`] and [`super::section`]).

use super::super::reports::ReportRules;
use crate::model::{Bound, Claim, Modality};

/// How far before a figure a `before` word may end (a hedge such as 约 or 在 between).
const BEFORE_GAP: usize = 2;

/// The bound of one target figure at `span` in `s`.
fn bound_of(reports: &ReportRules, s: &[char], claim: &Claim) -> Bound {
    let [a, b] = claim.span;
    // Right after the figure (60万人以上, 5%—6%之间), or ending it when the figure's text
    // took the word in.
    let after =
        reports.bound_after.at(s, b).or_else(|| reports.bound_after.ending_at(s, b).filter(|(len, _)| b - len > a));
    if let Some((_, bound)) = after {
        return bound;
    }
    // Right before it (控制在5.5%, 不低于5%), or starting it when the figure's text took a
    // hedge in (超过100亿美元).
    let sent = claim.sentence[0];
    let before = (a.saturating_sub(BEFORE_GAP).max(sent)..=a)
        .rev()
        .find_map(|e| reports.bound_before.ending_at(s, e).filter(|(len, _)| e >= sent + len))
        .or_else(|| reports.bound_before.at(s, a).filter(|(len, _)| a + len < b));
    if let Some((_, bound)) = before {
        return bound;
    }
    if claim.range.is_some() {
        Bound::Range
    } else {
        Bound::Point
    }
}

/// Gives every target its bound.
pub(super) fn fill_bounds(reports: &ReportRules, s: &[char], claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        c.bound = (c.modality == Modality::Target).then(|| bound_of(reports, s, c));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{claims_of, PIPE};
    use crate::model::{Bound, Modality};

    #[test]
    fn every_bound_example_gives_its_bound() {
        for rule in &PIPE.extractor().report_rules().bounds {
            for ex in &rule.examples {
                let c = claims_of(ex, Some("2025-01-20"));
                let first = c.first().unwrap_or_else(|| panic!("{}: no figure in {ex:?}", rule.id));
                assert_eq!(first.modality, Modality::Target, "{}: {ex:?}", rule.id);
                assert_eq!(first.bound, Some(rule.bound), "{}: {ex:?} ({first:?})", rule.id);
            }
        }
    }

    #[test]
    fn actual_figures_have_no_bound_and_bare_targets_are_points() {
        let c = claims_of("全省地区生产总值增长5.6%。力争全省地区生产总值增长6%。", Some("2025-01-20"));
        assert_eq!((c[0].bound, c[1].bound), (None, Some(Bound::Point)));
    }
}
