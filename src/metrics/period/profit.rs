//! Operating income, reported or derived, its margins and the costs the lines leave out.

use rust_decimal::Decimal;

use super::compared::share_of_revenue;
use super::Context;
use crate::metrics::reason::Reason;

pub(super) struct Profit {
    pub(super) operating_income: Option<Decimal>,
    pub(super) source: Option<&'static str>,
    pub(super) margin: Option<f64>,
    pub(super) adjusted_margin: Option<f64>,
    pub(super) unlisted: Option<Decimal>,
}

/// Operating income (reported, else derived), margins and unlisted costs.
pub(super) fn profitability(cx: &mut Context, opex_value: &Result<Decimal, Reason>) -> Profit {
    let period = cx.period;
    let opex = opex_value.as_ref().ok().copied();
    let (operating_income, source) = match (period.operating_income, opex) {
        (Some(reported), _) => (Some(reported), Some("reported")),
        (None, Some(opex)) => match period.revenue.checked_sub(opex) {
            Some(derived) => (Some(derived), Some("derived")),
            None => {
                cx.na.take::<()>("operating_income", Err(Reason::TooLarge));
                (None, None)
            }
        },
        (None, None) => {
            // Not reported, and not derivable for the reason opex is missing.
            cx.na
                .take::<()>("operating_income", Err(Reason::Needs { figure: "opex" }));
            (None, None)
        }
    };
    let margin = cx.na.take(
        "operating_margin_pct",
        operating_income
            .ok_or(Reason::Needs {
                figure: "operating_income",
            })
            .and_then(|oi| share_of_revenue(oi, period.revenue)),
    );
    let adjusted_margin = cx.na.take(
        "adjusted_operating_margin_pct",
        period
            .adjusted_operating_income
            .ok_or(Reason::NotGiven {
                figure: "adjusted_operating_income",
            })
            .and_then(|oi| share_of_revenue(oi, period.revenue)),
    );
    let unlisted = cx.na.take(
        "unlisted_costs",
        match (period.operating_income, opex) {
            (Some(reported), Some(opex)) => period
                .revenue
                .checked_sub(opex)
                .and_then(|derived| derived.checked_sub(reported))
                .ok_or(Reason::TooLarge)
                .and_then(|gap| {
                    if gap.is_zero() {
                        Err(Reason::NothingUnlisted)
                    } else {
                        Ok(gap)
                    }
                }),
            (_, None) => Err(Reason::Needs { figure: "opex" }),
            (None, Some(_)) => Err(Reason::NotGiven {
                figure: "operating_income",
            }),
        },
    );
    Profit {
        operating_income,
        source,
        margin,
        adjusted_margin,
        unlisted,
    }
}
