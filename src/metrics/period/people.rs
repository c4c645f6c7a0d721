//! Headcount, its change, and amounts per employee.

use rust_decimal::Decimal;

use super::compared::{both, compared, growth_of};
use super::Context;
use crate::metrics::reason::{Compared, Reason};
use crate::money::{to_cents, Exact};

pub(super) struct People {
    pub(super) start: Option<Decimal>,
    pub(super) average: Option<Decimal>,
    pub(super) change_yoy: Option<f64>,
    pub(super) growth_minus_headcount_growth: Option<f64>,
}

/// Headcount: the start defaults to the previous period's end in the same series.
pub(super) fn headcount(cx: &mut Context, revenue_growth: Option<f64>) -> People {
    let period = cx.period;
    let label = period.label;
    let start = period
        .headcount_start
        .or_else(|| cx.previous.and_then(|p| p.headcount_end));
    let average = match (start, period.headcount_end) {
        (Some(start), Some(end)) => start
            .checked_add(end)
            .map(|sum| sum / Decimal::TWO)
            .ok_or(Reason::TooLarge),
        (None, Some(end)) => {
            // The previous period may be in the input without a period-end headcount.
            let source = match cx.previous {
                Some(_) => format!(", and {} gives no period-end headcount", label.previous()),
                None => format!(" and no {} period", label.previous()),
            };
            cx.approximations.push(format!(
                "average headcount is the period-end headcount ({}): there is no start \
                 headcount{source} to take it from",
                crate::format::grouped(end, 1),
            ));
            Ok(end)
        }
        (_, None) => Err(Reason::NotGiven {
            figure: "headcount_end",
        }),
    };
    let average = cx.na.take("avg_headcount", average);
    let change_yoy = cx.na.take(
        "headcount_change_yoy_pct",
        match period.headcount_end {
            None => Err(Reason::NotGiven {
                figure: "headcount_end",
            }),
            Some(end) => compared(
                cx.year_earlier,
                period,
                Compared::YearEarlier,
                cx.first,
                |p| {
                    p.headcount_end.ok_or(Reason::NotGivenThen {
                        compared: Compared::YearEarlier,
                        figure: "headcount_end",
                    })
                },
            )
            .and_then(|before| growth_of(end, before, Compared::YearEarlier, "headcount_end")),
        },
    );
    let growth_minus_headcount_growth = cx.na.take(
        "growth_minus_headcount_growth_pp",
        both(
            revenue_growth,
            change_yoy,
            ["revenue_growth_yoy_pct", "headcount_change_yoy_pct"],
        )
        .map(|(growth, change)| growth - change),
    );
    People {
        start,
        average,
        change_yoy,
        growth_minus_headcount_growth,
    }
}

/// The average headcount an amount is divided by: given, and not zero.
pub(super) fn people(average: Option<Decimal>) -> Result<Decimal, Reason> {
    let people = average.ok_or(Reason::Needs {
        figure: "avg_headcount",
    })?;
    if people.is_zero() {
        return Err(Reason::Zero {
            figure: "avg_headcount",
        });
    }
    Ok(people)
}

/// An amount of the period per person per year, to the cent; `months` the period covers (a
/// year to date of two quarters covers 6).
pub(super) fn per_employee(
    amount: Decimal,
    average: Option<Decimal>,
    months: u32,
) -> Result<Exact, Reason> {
    let people = people(average)?;
    let annual = amount
        .checked_mul(Decimal::from(12))
        .ok_or(Reason::TooLarge)?
        / Decimal::from(months.max(1));
    Ok(Exact(to_cents(
        annual.checked_div(people).ok_or(Reason::TooLarge)?,
    )))
}
