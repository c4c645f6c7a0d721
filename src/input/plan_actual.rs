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
    /// The figure's key, as written: `revenue`.
    pub key: &'static str,
    #[serde(skip)]
    pub field: Field,
    pub low: Decimal,
    pub high: Decimal,
}

#[cfg(test)]
#[path = "plan_actual_tests.rs"]
mod tests;
