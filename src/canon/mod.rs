//! Canonical keys, the stage after extraction: fills each claim's [`Keys`] — `indicator`
//! from its `metric` ([`indicators`]), `place` and `place_code` from its `scope`
//! ([`places`]), `period_start`, `period_end` and `period_kind` from its `period`
//! ([`period`]) — so that figures line up across releases. It reads only those three
//! fields, never the text: it does not decide what a figure's metric, scope or period is
//! (the claims stage does), and it changes no field the claims stage wrote.
//!
//! ```
//! let canon = pressmine::canon::Canon::load(&pressmine::patterns::Patterns::embedded()).unwrap();
//! assert_eq!(canon.indicators().indicator("全省规模以上工业增加值").as_deref(), Some("规上工业增加值"));
//! assert_eq!(canon.places().place("我国").map(|p| p.name.as_str()), Some("全国"));
//! ```

pub mod indicators;
pub mod period;
pub mod places;

use crate::error::PatternError;
use crate::model::{Claim, Document, Keys};
use crate::patterns::Patterns;

pub use indicators::{Family, Indicators};
pub use places::{Place, Places};

/// The compiled indicator and place tables.
#[derive(Debug, Clone, Default)]
pub struct Canon {
    indicators: Indicators,
    places: Places,
}

impl Canon {
    /// Loads `indicators.toml`, `places.toml` and `admin-divisions.csv` from `dir`.
    ///
    /// # Errors
    /// The first invalid file, with its name and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        Ok(Self { indicators: Indicators::load(patterns)?, places: Places::load(patterns)? })
    }

    /// The indicator table.
    pub fn indicators(&self) -> &Indicators {
        &self.indicators
    }

    /// The place table.
    pub fn places(&self) -> &Places {
        &self.places
    }

    /// The canonical keys of one claim.
    pub fn keys(&self, c: &Claim) -> Keys {
        let (place, place_code) = match c.scope.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => (None, None),
            Some(scope) => match self.places.place(scope) {
                Some(p) => (Some(p.name.clone()), p.code.clone()),
                None => (Some(scope.to_string()), None),
            },
        };
        let period = c.period.as_deref().and_then(period::keys);
        Keys {
            indicator: c.metric.as_deref().and_then(|m| self.indicators.indicator(m)),
            place,
            place_code,
            period_start: period.as_ref().and_then(|p| p.start.clone()),
            period_end: period.as_ref().map(|p| p.end.clone()),
            period_kind: period.map(|p| p.kind),
        }
    }

    /// Fills the keys of every claim of a document (replacing any it had).
    pub fn apply(&self, doc: &mut Document) {
        for c in &mut doc.claims {
            c.keys = self.keys(&c.claim);
        }
    }
}
