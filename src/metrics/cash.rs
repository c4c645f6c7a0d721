//! Net burn and cash runway of one period: the cash metrics with a guard (only while burning)
//! that a formula tree cannot say. Gross profit, EBITDA, free cash flow and their margins are
//! formula trees on their catalogue entries; these read free cash flow once the trees are
//! computed.

use rust_decimal::Decimal;

use super::reason::Reason;
use super::PeriodMetrics;
use crate::money::{ratio, Exact};

/// Net burn (minus free cash flow, while that is below zero) and the runway it gives the
/// period-end cash; `months` the period covers.
pub(super) fn burn(period: &mut PeriodMetrics, months: u32) {
    let net_burn = period
        .free_cash_flow
        .ok_or(Reason::Needs {
            figure: "free_cash_flow",
        })
        .and_then(|fcf| {
            if fcf.0 < Decimal::ZERO {
                Ok(-fcf.0)
            } else {
                Err(Reason::NotBurning)
            }
        });
    let cash = period.cash;
    let runway = net_burn.clone().and_then(|burn| {
        let cash = cash.ok_or(Reason::NotGiven { figure: "cash" })?;
        runway_months(cash.0, burn, months)
    });
    period.runway_months = period.unavailable.take("runway_months", runway);
    period.net_burn = period.unavailable.take("net_burn", net_burn).map(Exact);
}

/// Months the cash lasts at the period's burn: cash ÷ (burn ÷ months in the period). A
/// quarter's burn is spread over 3 months, a half's over 6, a year's over 12. `burn` is above
/// zero (only a burning period has a runway), so the runway is never negative.
fn runway_months(cash: Decimal, burn: Decimal, months: u32) -> Result<f64, Reason> {
    let cash_months = cash
        .checked_mul(Decimal::from(months))
        .ok_or(Reason::TooLarge)?;
    ratio(cash_months, burn)
        .ok_or_else(|| Reason::no_quotient(burn, Reason::Zero { figure: "net_burn" }))
}

#[cfg(test)]
mod tests;
