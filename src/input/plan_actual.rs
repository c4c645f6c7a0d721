//! A period's plan, validated: `[period.budget]`, the figures the company
//! planned (any figure a period has, cost lines included), and `[period.guidance]`, the ranges
//! it told investors or its board before the period. As written: `raw_guidance.rs` and a
//! `RawPeriod`; validation is in `validate_budget.rs`; the
//! comparison with the actual figures is in `metrics/plan_actual/`.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Field, Period};
use crate::period::PeriodLabel;

/// A period's plan, validated. Money is in full currency units (scale applied).
#[derive(Debug, Clone, Serialize)]
pub struct PeriodPlan {
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub label: PeriodLabel,
    pub budget: Option<Budget>,
    pub guidance: Option<Guidance>,
}

/// `[period.budget]`: the budgeted figures as a period of their own, so every metric that
/// can be computed from them is computed the one way (`metrics::plan_actual`).
#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// The budgeted figures; a figure not budgeted is `None`, revenue 0 when not budgeted.
    pub period: Period,
    /// Whether the budget gives revenue: without it no revenue-based metric is compared.
    pub revenue_given: bool,
}

/// `[period.guidance]`: the guided figures and when they were given.
#[derive(Debug, Clone, Serialize)]
pub struct Guidance {
    /// `YYYY-MM-DD`, when written.
    pub given: Option<String>,
    /// In the order written.
    pub ranges: Vec<GuidanceRange>,
}

/// One guided figure: `low == high` for a point guidance.
#[derive(Debug, Clone, Serialize)]
pub struct GuidanceRange {
    /// The figure's key, as written: `revenue`, or `values.product_revenue` for a
    /// `[period.guidance.values]` entry.
    pub key: String,
    #[serde(skip)]
    pub figure: Guided,
    /// Whether it is money (scaled to full units), as the figure or the value's unit says.
    #[serde(skip)]
    pub money: bool,
    pub low: Decimal,
    pub high: Decimal,
}

/// What a guidance range is about: one of a period's own figures, or one of its
/// `[period.values]` (a figure the company guides on that is not a statement line, such as
/// Snowflake's product revenue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guided {
    Figure(Field),
    Value(String),
}

impl Guided {
    /// The period's actual figure, when it gives it.
    pub fn get(&self, period: &Period) -> Option<Decimal> {
        match self {
            Guided::Figure(field) => field.get(period),
            Guided::Value(name) => period.values.get(name).copied(),
        }
    }
}

#[cfg(test)]
#[path = "plan_actual_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "plan_actual_values_tests.rs"]
mod values_tests;
