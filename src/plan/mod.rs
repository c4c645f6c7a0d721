//! The headcount plan: how long natural attrition takes to bring the latest headcount down to
//! the `[plan]` target, what that saves in payroll, and what pay rise the saving could fund.
//!
//! The path is monthly: `H(m+1) = H(m) x (1 - a)^(1/12) + hires / 12`, starting from the latest
//! `headcount_end`. The maths is in `f64` (powers and logarithms), guarded so that no NaN or
//! infinity reaches the output; money stays exact decimal.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::money::Exact;
use crate::period::PeriodLabel;

mod course;
mod months;
mod project;
mod saving;
mod scenarios;
mod unreachable;
mod words;

pub use project::project;

/// The longest path simulated: 50 years. A target not reached by then is "never reached".
pub const MAX_MONTHS: u32 = 600;

/// How far the path runs on after the target is reached (still capped at [`MAX_MONTHS`]).
pub const PATH_MONTHS_PAST_TARGET: u32 = 120;

/// The plan's outcome. Field names are the JSON keys under `"plan"` in `metrics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountPlan {
    /// The latest period with a `headcount_end`: where the path starts.
    pub start_period: Option<PeriodLabel>,
    /// `H(0)`, that period's `headcount_end`.
    pub start_headcount: Option<Exact>,
    pub target_headcount: Exact,
    pub annual_attrition: Exact,
    pub hires_per_year: Exact,
    pub reinvest_share: Option<Exact>,
    /// The headcount the monthly recurrence settles at: `(hires / 12) / (1 - (1 - a)^(1/12))`.
    /// `None` when attrition is zero (there is no single settling point).
    pub steady_state_headcount: Option<f64>,
    /// Whether the path reaches the target within [`MAX_MONTHS`].
    pub reached: bool,
    /// The first month `m` with `H(m) <= target` (0 when already there).
    pub months_to_target: Option<u32>,
    /// Without hires the exact `ln(target / H0) / ln(1 - a)`; with hires `months_to_target / 12`.
    pub years_to_target: Option<f64>,
    /// Month 0 to the target plus [`PATH_MONTHS_PAST_TARGET`] (or [`MAX_MONTHS`]).
    pub path: Vec<PathPoint>,
    /// `H0 - target` when the target is reached (0 when already below it).
    pub people_not_replaced: Option<Exact>,
    /// Annual loaded cost per employee, from the latest period that has one.
    pub loaded_cost_per_employee: Option<Exact>,
    pub loaded_cost_period: Option<PeriodLabel>,
    /// `loaded_cost_per_employee x people_not_replaced`, to the cent.
    pub payroll_saved_per_year: Option<Exact>,
    /// `reinvest_share x saving / (target x loaded cost) x 100`: the rise for staff who stay.
    pub pay_rise_pct: Option<f64>,
    /// Attrition at 0.75, 1 and 1.25 times the plan's rate.
    pub scenarios: Vec<Scenario>,
    /// Field name -> why it is `None`.
    pub unavailable: BTreeMap<String, String>,
}

/// One month of the path. Headcounts are rounded to hundredths of a person.
#[derive(Debug, Clone, Serialize)]
pub struct PathPoint {
    pub month: u32,
    pub headcount: f64,
    /// The calendar month, "2026-01", when `company.fiscal_year_end` is known. Assumes fiscal
    /// year N ends in calendar year N.
    pub date: Option<String>,
}

/// The plan at another attrition rate.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// "slower attrition", "as planned" or "faster attrition".
    pub name: &'static str,
    pub attrition_factor: Exact,
    /// The plan's rate times the factor, at most 1.
    pub annual_attrition: Exact,
    pub reached: bool,
    pub months_to_target: Option<u32>,
    pub years_to_target: Option<f64>,
    pub headcount_after_12_months: f64,
    pub headcount_after_24_months: f64,
    /// Why the target is not reached, when it is not.
    pub not_reached_reason: Option<String>,
}

#[cfg(test)]
mod tests;
