//! Profitability and cash of one period: gross profit, EBITDA, free cash flow, stock-based
//! compensation, net burn and cash runway. Each function is one row of `docs/metrics.md`; the
//! amounts are exact decimals, the shares of revenue floats from an exact division.

use rust_decimal::Decimal;

use super::reason::Reason;
use super::Unavailable;
use crate::input::{Period, RuleOf40Margin};
use crate::money::{percent, ratio};

/// The period's profitability and cash metrics, `None` with a reason where unavailable.
#[derive(Debug, Default)]
pub(super) struct Cash {
    pub gross_profit: Option<Decimal>,
    pub gross_margin: Option<f64>,
    pub ebitda: Option<Decimal>,
    pub ebitda_margin: Option<f64>,
    pub free_cash_flow: Option<Decimal>,
    pub fcf_margin: Option<f64>,
    pub sbc_pct_of_revenue: Option<f64>,
    pub net_burn: Option<Decimal>,
    pub runway_months: Option<f64>,
}

impl Cash {
    /// The margin the Rule of 40 adds to growth, or why it is missing.
    pub fn margin_for_rule_of_40(
        &self,
        choice: RuleOf40Margin,
        operating_margin: Option<f64>,
    ) -> Option<f64> {
        match choice {
            RuleOf40Margin::Operating => operating_margin,
            RuleOf40Margin::Ebitda => self.ebitda_margin,
            RuleOf40Margin::Fcf => self.fcf_margin,
        }
    }
}

/// `operating_income` is the period's, reported or derived (`None` when it has none).
pub(super) fn cash(
    period: &Period,
    operating_income: Option<Decimal>,
    na: &mut Unavailable,
) -> Cash {
    let statement = &period.statement;
    let revenue = period.revenue;
    let share = |amount: Result<Decimal, Reason>| {
        amount.and_then(|a| {
            percent(a, revenue)
                .ok_or_else(|| Reason::no_quotient(revenue, Reason::Zero { figure: "revenue" }))
        })
    };
    let missing = |figure: &'static str| Reason::NotGiven { figure };

    let gross_profit = statement
        .cost_of_revenue
        .ok_or_else(|| missing("cost_of_revenue"))
        .and_then(|cost| revenue.checked_sub(cost).ok_or(Reason::TooLarge));
    let gross_margin = na.take("gross_margin_pct", share(gross_profit.clone()));
    let gross_profit = na.take("gross_profit", gross_profit);

    let ebitda = match (operating_income, statement.depreciation_amortization) {
        (Some(income), Some(da)) => income.checked_add(da).ok_or(Reason::TooLarge),
        (None, Some(_)) => Err(Reason::Needs {
            figure: "operating_income",
        }),
        (_, None) => Err(missing("depreciation_amortization")),
    };
    let ebitda_margin = na.take("ebitda_margin_pct", share(ebitda.clone()));
    let ebitda = na.take("ebitda", ebitda);

    let free_cash_flow = match (statement.operating_cash_flow, statement.capex) {
        (Some(flow), Some(capex)) => flow.checked_sub(capex).ok_or(Reason::TooLarge),
        (None, Some(_)) => Err(missing("operating_cash_flow")),
        (Some(_), None) => Err(missing("capex")),
        (None, None) => Err(missing("operating_cash_flow")),
    };
    let fcf_margin = na.take("fcf_margin_pct", share(free_cash_flow.clone()));
    let sbc_pct_of_revenue = na.take(
        "sbc_pct_of_revenue",
        share(
            statement
                .stock_based_compensation
                .ok_or_else(|| missing("stock_based_compensation")),
        ),
    );
    let net_burn = free_cash_flow.clone().and_then(|fcf| {
        if fcf < Decimal::ZERO {
            Ok(-fcf)
        } else {
            Err(Reason::NotBurning)
        }
    });
    let runway = net_burn.clone().and_then(|burn| {
        let cash = statement.cash.ok_or_else(|| missing("cash"))?;
        runway_months(cash, burn, period.months())
    });
    let runway_months = na.take("runway_months", runway);
    let net_burn = na.take("net_burn", net_burn);
    let free_cash_flow = na.take("free_cash_flow", free_cash_flow);
    Cash {
        gross_profit,
        gross_margin,
        ebitda,
        ebitda_margin,
        free_cash_flow,
        fcf_margin,
        sbc_pct_of_revenue,
        net_burn,
        runway_months,
    }
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
