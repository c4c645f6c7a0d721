//! Each cost line's share of revenue and growth, and the unlisted-costs warning.

use rust_decimal::Decimal;

use super::compared::{compared, share_of_revenue};
use super::{CostLineMetrics, PeriodMetrics};
use crate::input::{Company, LineMap, Period, Warning, WarningKind};
use crate::metrics::reason::{Compared, Reason};
use crate::metrics::Unavailable;
use crate::money::{change_pct, Exact, NoPercent, NotMeaningful};
use crate::period::PeriodLabel;

pub(super) fn cost_lines(
    period: &Period,
    company: &Company,
    year_earlier: Option<&Period>,
    first: PeriodLabel,
    na: &mut Unavailable,
) -> LineMap<CostLineMetrics> {
    period
        .costs
        .iter()
        .map(|(name, &amount)| {
            let pct_of_revenue = na.take_with(
                || format!("cost_lines.{name}.pct_of_revenue"),
                share_of_revenue(amount, period.revenue),
            );
            let yoy_pct = na.take_with(
                || format!("cost_lines.{name}.yoy_pct"),
                compared(year_earlier, period, Compared::YearEarlier, first, |p| {
                    p.costs
                        .get(name)
                        .copied()
                        .ok_or_else(|| Reason::NoLineThen {
                            compared: Compared::YearEarlier,
                            line: name.clone(),
                        })
                })
                .and_then(|before| {
                    change_pct(amount, before).map_err(|why| {
                        let (compared, line) = (Compared::YearEarlier, name.clone());
                        match why {
                            NoPercent::NotMeaningful(NotMeaningful::ZeroBase) => {
                                Reason::LineZeroThen { compared, line }
                            }
                            NoPercent::NotMeaningful(NotMeaningful::NegativeBase) => {
                                Reason::LineNegativeThen { compared, line }
                            }
                            NoPercent::TooLarge => Reason::TooLarge,
                        }
                    })
                }),
            );
            let line = CostLineMetrics {
                amount: Exact(amount),
                pct_of_revenue,
                yoy_pct,
                ai_exposed: company.ai_exposed.contains(name),
            };
            (name.clone(), line)
        })
        .collect()
}

/// The "unlisted costs" warning for a period whose reported operating income differs from
/// revenue minus its listed cost lines.
pub fn unlisted_costs_warning(metrics: &PeriodMetrics, company: &Company) -> Option<Warning> {
    let unlisted = metrics.unlisted_costs?.0;
    // In the scale the user typed the figures in: "$82M", as the input reads, not "$82.0M".
    let money = |v: Decimal| {
        crate::format::money_in_scale(
            v / company.scale.factor(),
            company.scale.suffix(),
            &company.currency,
        )
    };
    let reported = money(metrics.operating_income?.0);
    let derived = money(metrics.revenue.0.checked_sub(metrics.opex?.0)?);
    let (kind, word) = if unlisted.is_sign_positive() {
        ("unlisted costs such as D&A", "below")
    } else {
        ("unlisted income or credits", "above")
    };
    Some(Warning::new(
        Some(metrics.label.to_string()),
        WarningKind::UnlistedCosts,
        format!(
            "{}: reported operating income of {reported} is {} {word} revenue minus the listed \
             cost lines ({derived}): {kind}",
            metrics.label,
            money(unlisted.abs()),
        ),
    ))
}
