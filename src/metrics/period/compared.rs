//! Comparing with an earlier period: the figure it reads, growth, shares and pairs.

use rust_decimal::Decimal;

use crate::input::{Coverage, Period};
use crate::metrics::reason::{Compared, Reason};
use crate::money::{change_pct, percent, NoPercent, NotMeaningful};
use crate::period::PeriodLabel;

/// A value from the period `relation` looks back to from `label`, or why it is missing:
/// before `first`, the first period of the series, or a gap in the series.
/// The figure `value` reads from `other`, the period `relation` looks back to from `this`, or
/// why there is none. A year to date is never compared with a year (either way).
pub(super) fn compared(
    other: Option<&Period>,
    this: &Period,
    relation: Compared,
    first: PeriodLabel,
    value: impl Fn(&Period) -> Result<Decimal, Reason>,
) -> Result<Decimal, Reason> {
    let label = this.label;
    if relation == Compared::YearEarlier {
        let partial = [Some(this), other]
            .into_iter()
            .flatten()
            .find_map(|p| match p.coverage {
                Coverage::YearToDate { months } => Some((p.label, months)),
                _ => None,
            });
        if let Some((year, months)) = partial {
            return Err(Reason::PartialYear { year, months });
        }
    }
    let other_label = match relation {
        Compared::YearEarlier => label.year_earlier(),
        Compared::Previous => label.previous(),
    };
    match other {
        Some(period) => value(period),
        None if other_label.ordinal() < first.ordinal() => Err(Reason::BeforeFirst { first }),
        None => Err(Reason::NoPeriod { compared: relation }),
    }
}

pub(super) fn growth_of(
    after: Decimal,
    before: Decimal,
    relation: Compared,
    figure: &'static str,
) -> Result<f64, Reason> {
    change_pct(after, before).map_err(|why| match why {
        NoPercent::NotMeaningful(NotMeaningful::ZeroBase) => Reason::ZeroThen {
            compared: relation,
            figure,
        },
        NoPercent::NotMeaningful(NotMeaningful::NegativeBase) => Reason::NegativeThen {
            compared: relation,
            figure,
        },
        NoPercent::TooLarge => Reason::TooLarge,
    })
}

pub(super) fn share_of_revenue(amount: Decimal, revenue: Decimal) -> Result<f64, Reason> {
    percent(amount, revenue)
        .ok_or_else(|| Reason::no_quotient(revenue, Reason::Zero { figure: "revenue" }))
}

/// Two inputs of a combined metric (their catalogue keys in `keys`), or the first that is
/// missing, whose own reason the combined metric takes.
pub(super) fn both(
    a: Option<f64>,
    b: Option<f64>,
    keys: [&'static str; 2],
) -> Result<(f64, f64), Reason> {
    match (a, b) {
        (Some(a), Some(b)) => Ok((a, b)),
        (None, _) => Err(Reason::Needs { figure: keys[0] }),
        (Some(_), None) => Err(Reason::Needs { figure: keys[1] }),
    }
}
