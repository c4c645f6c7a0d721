//! The monthly recurrence of the headcount: its path, its limit and when it meets the target.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{MAX_MONTHS, PATH_MONTHS_PAST_TARGET};

/// One run of the monthly recurrence, in `f64`.
pub(super) struct Course {
    pub(super) start: f64,
    pub(super) target: f64,
    pub(super) annual_attrition: f64,
    pub(super) hires_per_year: f64,
    /// `(1 - a)^(1/12)`: the share of staff still there a month later.
    pub(super) monthly_retention: f64,
    pub(super) monthly_hires: f64,
}

impl Course {
    pub(super) fn new(
        start: Decimal,
        annual_attrition: Decimal,
        hires_per_year: Decimal,
        target: Decimal,
    ) -> Self {
        let float = |value: Decimal| value.to_f64().filter(|v| v.is_finite()).unwrap_or(0.0);
        let annual_attrition = float(annual_attrition).clamp(0.0, 1.0);
        let hires_per_year = float(hires_per_year).max(0.0);
        Course {
            start: float(start),
            target: float(target),
            annual_attrition,
            hires_per_year,
            monthly_retention: (1.0 - annual_attrition).powf(1.0 / 12.0),
            monthly_hires: hires_per_year / 12.0,
        }
    }

    pub(super) fn next(&self, headcount: f64) -> f64 {
        headcount * self.monthly_retention + self.monthly_hires
    }

    /// The fixed point `H = H x r + h`, i.e. `h / (1 - r)`; none when nobody leaves.
    pub(super) fn steady_state(&self) -> Option<f64> {
        let leaving = 1.0 - self.monthly_retention;
        (leaving > 0.0)
            .then(|| self.monthly_hires / leaving)
            .filter(|v| v.is_finite())
    }

    /// The headcount after `months` months.
    pub(super) fn after(&self, months: u32) -> f64 {
        (0..months).fold(self.start, |headcount, _| self.next(headcount))
    }

    /// Whether `headcount` has reached the target, from above (a shrinking plan) or from below
    /// (a growing one).
    pub(super) fn at_target(&self, headcount: f64) -> bool {
        if self.grows() {
            headcount >= self.target
        } else {
            headcount <= self.target
        }
    }

    /// The first month at the target.
    pub(super) fn months_to_target(&self) -> Result<u32, String> {
        if let Some(reason) = self.unreachable() {
            return Err(reason);
        }
        let mut headcount = self.start;
        for month in 0..=MAX_MONTHS {
            if self.at_target(headcount) {
                return Ok(month);
            }
            headcount = self.next(headcount);
        }
        Err(format!("not reached within {} years", MAX_MONTHS / 12))
    }

    /// Exact continuous years without hires; months / 12 with them.
    pub(super) fn years_to_target(&self) -> Result<f64, String> {
        let months = self.months_to_target()?;
        let continuous = if self.hires_per_year == 0.0
            && months > 0
            && self.annual_attrition < 1.0
            && !self.grows()
        {
            let years = (self.target / self.start).ln() / (1.0 - self.annual_attrition).ln();
            Some(years).filter(|y| y.is_finite() && *y >= 0.0)
        } else {
            None
        };
        Ok(continuous.unwrap_or(f64::from(months) / 12.0))
    }

    /// The headcounts from month 0 to the target plus [`PATH_MONTHS_PAST_TARGET`], at most
    /// [`MAX_MONTHS`].
    pub(super) fn path(&self) -> Vec<f64> {
        let last = match self.months_to_target() {
            Ok(month) => (month + PATH_MONTHS_PAST_TARGET).min(MAX_MONTHS),
            Err(_) => MAX_MONTHS,
        };
        let mut headcount = self.start;
        let mut path = Vec::with_capacity(last as usize + 1);
        for _ in 0..=last {
            path.push(headcount);
            headcount = self.next(headcount);
        }
        path
    }
}
