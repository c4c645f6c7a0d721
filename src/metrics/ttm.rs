//! Trailing twelve months: the latest quarter and the three before it, added up, so a company
//! that reports quarters has a year's figures at its latest quarter, not only at its last
//! fiscal year end.

use rust_decimal::Decimal;
use serde::Serialize;

use super::PeriodMetrics;
use crate::money::{percent, Exact};
use crate::period::{PeriodKind, PeriodLabel};

/// The twelve months to the end of the latest quarter.
#[derive(Debug, Clone, Serialize)]
pub struct TrailingTwelveMonths {
    /// The first and the last quarter added up, canonical as in `label` ("2025-Q1").
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub from: PeriodLabel,
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub to: PeriodLabel,
    pub revenue: Exact,
    /// When each of the four quarters has one (reported or derived).
    pub operating_income: Option<Exact>,
    pub operating_margin_pct: Option<f64>,
}

/// The trailing twelve months of the latest quarter, when the input has it and the three
/// quarters before it; None otherwise.
pub fn trailing_twelve_months(periods: &[PeriodMetrics]) -> Option<TrailingTwelveMonths> {
    let latest = periods
        .iter()
        .rev()
        .find(|p| p.kind == PeriodKind::Quarter)?;
    let mut quarters = vec![latest];
    for _ in 0..3 {
        let before = quarters[quarters.len() - 1].label.previous();
        quarters.push(periods.iter().find(|p| p.label == before)?);
    }
    let revenue = quarters
        .iter()
        .try_fold(Decimal::ZERO, |sum, q| sum.checked_add(q.revenue.0))?;
    let operating_income = quarters.iter().try_fold(Decimal::ZERO, |sum, q| {
        sum.checked_add(q.operating_income?.0)
    });
    Some(TrailingTwelveMonths {
        from: quarters[3].label,
        to: latest.label,
        revenue: Exact(revenue),
        operating_income: operating_income.map(Exact),
        operating_margin_pct: operating_income.and_then(|income| percent(income, revenue)),
    })
}
