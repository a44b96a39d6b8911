//! Period keys: `period_start`, `period_end` and `period_kind` from a claim's ISO `period`
//! string (`2023`, `2024-04`, `2024-01/2024-07`, `2021/2023`, `../2024-09-30`). Reads the
//! string only; deciding which period a figure has is the claims stage's work.

use crate::model::PeriodKind;

/// A period's first and last day and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodKeys {
    /// First day (ISO), `None` for an open start.
    pub start: Option<String>,
    /// Last day (ISO).
    pub end: String,
    /// What span it is.
    pub kind: PeriodKind,
}

/// A point in a period string: a year, a year-month or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Year(u32),
    Month(u32, u32),
    Day(u32, u32, u32),
}

fn point(s: &str) -> Option<Point> {
    let parts: Vec<&str> = s.split('-').collect();
    let num =
        |p: &str, len: usize| (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?;
    match parts.as_slice() {
        [y] => Some(Point::Year(num(y, 4)?)),
        [y, m] => {
            let m = num(m, 2)?;
            (1..=12).contains(&m).then_some(Point::Month(num(y, 4)?, m))
        }
        [y, m, d] => {
            let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
            ((1..=12).contains(&m) && (1..=crate::clean::rules::days_in_month(y, m)).contains(&d))
                .then_some(Point::Day(y, m, d))
        }
        _ => None,
    }
}

fn first_day(p: Point) -> String {
    match p {
        Point::Year(y) => format!("{y:04}-01-01"),
        Point::Month(y, m) => format!("{y:04}-{m:02}-01"),
        Point::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

fn last_day(p: Point) -> String {
    match p {
        Point::Year(y) => format!("{y:04}-12-31"),
        Point::Month(y, m) => format!("{y:04}-{m:02}-{:02}", crate::clean::rules::days_in_month(y, m)),
        Point::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// The keys of a period string; `None` when it is not one pressmine writes.
///
/// A span of months within one year is a year (01–12), a half (01–06, 07–12), a quarter
/// (three months starting 01, 04, 07 or 10; 一季度 and 1-3月 are one span), year-to-date
/// (any other span from January) or a span.
pub fn keys(period: &str) -> Option<PeriodKeys> {
    if let Some(end) = period.strip_prefix("../") {
        return Some(PeriodKeys { start: None, end: last_day(point(end)?), kind: PeriodKind::ToDate });
    }
    let (a, b) = match period.split_once('/') {
        Some((a, b)) => (point(a)?, Some(point(b)?)),
        None => (point(period)?, None),
    };
    let kind = match (a, b) {
        (Point::Year(_), None) => PeriodKind::Year,
        (Point::Month(..), None) => PeriodKind::Month,
        (Point::Month(y1, m1), Some(Point::Month(y2, m2))) if y1 == y2 && m1 < m2 => match (m1, m2) {
            (1, 12) => PeriodKind::Year,
            (1, 6) | (7, 12) => PeriodKind::Half,
            (m1, m2) if m2 == m1 + 2 && m1 % 3 == 1 => PeriodKind::Quarter,
            (1, _) => PeriodKind::Ytd,
            _ => PeriodKind::Span,
        },
        _ => PeriodKind::Span,
    };
    Some(PeriodKeys { start: Some(first_day(a)), end: last_day(b.unwrap_or(a)), kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(p: &str) -> (Option<String>, String, PeriodKind) {
        let k = keys(p).unwrap();
        (k.start, k.end, k.kind)
    }

    #[test]
    fn every_period_form_has_start_end_and_kind() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(k("2023"), (s("2023-01-01"), "2023-12-31".into(), PeriodKind::Year));
        assert_eq!(k("2024-02"), (s("2024-02-01"), "2024-02-29".into(), PeriodKind::Month));
        assert_eq!(k("2024-01/2024-07"), (s("2024-01-01"), "2024-07-31".into(), PeriodKind::Ytd));
        assert_eq!(k("2024-01/2024-03"), (s("2024-01-01"), "2024-03-31".into(), PeriodKind::Quarter));
        assert_eq!(k("2024-07/2024-09"), (s("2024-07-01"), "2024-09-30".into(), PeriodKind::Quarter));
        assert_eq!(k("2024-01/2024-06"), (s("2024-01-01"), "2024-06-30".into(), PeriodKind::Half));
        assert_eq!(k("2004-07/2004-12"), (s("2004-07-01"), "2004-12-31".into(), PeriodKind::Half));
        assert_eq!(k("2024-01/2024-12"), (s("2024-01-01"), "2024-12-31".into(), PeriodKind::Year));
        assert_eq!(k("2024-02/2024-05"), (s("2024-02-01"), "2024-05-31".into(), PeriodKind::Span));
        assert_eq!(k("2021/2025"), (s("2021-01-01"), "2025-12-31".into(), PeriodKind::Span));
        assert_eq!(k("../2024-06-30"), (None, "2024-06-30".into(), PeriodKind::ToDate));
        for bad in ["", "24", "2024-13", "2024-02-30", "../", "2024/x", "２０２４"] {
            assert_eq!(keys(bad), None, "{bad}");
        }
    }
}
