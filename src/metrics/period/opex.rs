//! Operating expenses: the sum of the cost lines, like for like.

use rust_decimal::Decimal;

use super::compared::{compared, growth_of, share_of_revenue};
use super::Context;
use crate::input::Period;
use crate::metrics::reason::{Compared, Reason};
use crate::money::Exact;

pub(super) struct Opex {
    /// The total of the cost lines, or why there is none (kept for operating income's reason).
    pub(super) value: Result<Decimal, Reason>,
    pub(super) per_employee: Option<Exact>,
    pub(super) pct_of_revenue: Option<f64>,
    pub(super) growth_yoy: Option<f64>,
}

/// Operating expenses: the sum of the cost lines, like for like with every other period.
pub(super) fn opex(
    cx: &mut Context,
    per_employee: &dyn Fn(Decimal) -> Result<Exact, Reason>,
) -> Opex {
    let period = cx.period;
    let missing_lines: Vec<&str> = cx
        .all_lines
        .iter()
        .copied()
        .filter(|name| !period.costs.contains_key(*name))
        .collect();
    let value = if period.costs.is_empty() {
        Err(Reason::NoCostLines)
    } else if !missing_lines.is_empty() {
        Err(Reason::IncompleteLines {
            lines: missing_lines.iter().map(|l| l.to_string()).collect(),
        })
    } else {
        period
            .costs
            .values()
            .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
            .ok_or(Reason::TooLarge)
    };
    let per_employee = cx
        .na
        .take("opex_per_employee", value.clone().and_then(per_employee));
    let pct_of_revenue = cx.na.take(
        "opex_pct_of_revenue",
        value
            .clone()
            .and_then(|opex| share_of_revenue(opex, period.revenue)),
    );
    let all_lines = cx.all_lines;
    let first = cx.first;
    let growth_yoy = cx.na.take(
        "opex_growth_yoy_pct",
        value.clone().and_then(|opex| {
            compared(cx.year_earlier, period, Compared::YearEarlier, first, |p| {
                sum_costs(p, all_lines)
            })
            .and_then(|before| growth_of(opex, before, Compared::YearEarlier, "opex"))
        }),
    );
    cx.na.take("opex", value.clone());
    Opex {
        value,
        per_employee,
        pct_of_revenue,
        growth_yoy,
    }
}

/// Total opex of another period, only when it lists every cost line (like for like).
pub(super) fn sum_costs(period: &Period, all_lines: &[&str]) -> Result<Decimal, Reason> {
    if period.costs.is_empty()
        || all_lines
            .iter()
            .any(|name| !period.costs.contains_key(*name))
    {
        return Err(Reason::IncompleteLinesThen {
            compared: Compared::YearEarlier,
        });
    }
    period
        .costs
        .values()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
        .ok_or(Reason::TooLarge)
}
