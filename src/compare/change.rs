//! The change from the first column to another: absolute, in percent and, for percentages, in
//! percentage points; good or bad by the metric's polarity. A change that cannot be made says
//! why ("n/a: different currencies"), never a silent 0.00%.

use serde::Serialize;

use super::{Column, Number, Polarity, Unit};
use crate::format;
use crate::money::{change_pct, change_pct_f64, percent, Exact, NoPercent, NotMeaningful};
use crate::period::PeriodKind;

pub use crate::metrics::catalogue::Tone;

/// One column against the first.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The index of the column compared with the first.
    pub column: usize,
    /// The difference: full currency units for money, people for headcounts, the multiple
    /// for ratios. Null for percentages (see `pp`) and when the change cannot be made.
    pub absolute: Option<Number>,
    /// The relative change in percent, against the first column's value. Null when that value
    /// is zero or negative (see `not_meaningful`) or the change cannot be made.
    pub pct: Option<f64>,
    /// The percent change is not meaningful ("n/m"): the first column's value is zero or
    /// negative. `pct` is then null, `absolute` keeps the amount and `reason` says why.
    pub not_meaningful: bool,
    /// The difference in percentage points (or Rule-of-40 points) for percentage rows.
    pub pp: Option<f64>,
    pub tone: Tone,
    /// How the change reads: "+698 (+24.8%)", "-2.25 pp", "n/a: different currencies".
    pub text: String,
    /// Why the change (or its percent) cannot be given.
    pub reason: Option<String>,
    /// The change cannot be made because a value is missing (the value's own note says why);
    /// false when it cannot be made for another reason, such as different currencies.
    pub missing_value: bool,
}

/// What a percent change is taken over: the first value (a change from zero or below is
/// not meaningful), or its size (a variance against a budget: −4 against −5 is +20%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    First,
    FirstSize,
}

/// The two values of a row to compare, and the columns they are in.
pub struct Pair<'a> {
    pub basis: Basis,
    pub unit: Unit,
    pub polarity: Polarity,
    pub base: Option<Number>,
    pub base_column: &'a Column,
    pub other: Option<Number>,
    pub other_column: &'a Column,
}

fn not_comparable(column: usize, reason: String) -> Change {
    Change {
        column,
        absolute: None,
        pct: None,
        not_meaningful: false,
        pp: None,
        tone: Tone::Na,
        text: format!("n/a: {reason}"),
        reason: Some(reason),
        missing_value: false,
    }
}

fn missing_value(column: usize, reason: String) -> Change {
    Change {
        missing_value: true,
        ..not_comparable(column, reason)
    }
}

fn kind_noun(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "year",
        PeriodKind::Half => "half-year",
        PeriodKind::Quarter => "quarter",
    }
}

/// Compares `pair.other` with `pair.base`; `column` is the other value's column index.
pub fn compare(pair: Pair, column: usize) -> Change {
    let money = matches!(pair.unit, Unit::Amount | Unit::Money);
    if money && pair.base_column.currency != pair.other_column.currency {
        return not_comparable(column, "different currencies".to_string());
    }
    if pair.unit == Unit::Amount && pair.base_column.kind != pair.other_column.kind {
        return not_comparable(
            column,
            format!(
                "a {} against a {}",
                kind_noun(pair.other_column.kind),
                kind_noun(pair.base_column.kind)
            ),
        );
    }
    let (base, other) = match (pair.base, pair.other) {
        (Some(base), Some(other)) => (base, other),
        (None, _) => {
            return missing_value(column, format!("no value in {}", pair.base_column.heading))
        }
        (_, None) => {
            return missing_value(column, format!("no value in {}", pair.other_column.heading))
        }
    };
    let frame = format::Frame {
        currency: &pair.base_column.currency,
        scale: pair.base_column.scale.factor(),
        amount_decimals: pair
            .base_column
            .amount_decimals
            .max(pair.other_column.amount_decimals),
    };
    match (pair.unit, base, other) {
        (Unit::Pct | Unit::Growth | Unit::Pp | Unit::Points, _, _) => {
            let points = other.as_f64() - base.as_f64();
            let (text, sign) = format::difference(pair.unit, format::Figure::float(points), &frame);
            Change {
                column,
                absolute: None,
                pct: None,
                not_meaningful: false,
                pp: Some(points),
                tone: pair.polarity.tone(sign),
                text,
                reason: None,
                missing_value: false,
            }
        }
        (_, Number::Exact(base), Number::Exact(other)) => {
            let Some(difference) = other.0.checked_sub(base.0) else {
                return not_comparable(column, "the values are too large to subtract".to_string());
            };
            let (amount, sign) =
                format::difference(pair.unit, format::Figure::exact(difference), &frame);
            let pct = match pair.basis {
                Basis::First => change_pct(other.0, base.0),
                Basis::FirstSize => match base.0.is_zero() {
                    true => Err(NoPercent::NotMeaningful(NotMeaningful::ZeroBase)),
                    false => percent(difference, base.0.abs()).ok_or(NoPercent::TooLarge),
                },
            };
            let absolute = Some(Number::Exact(Exact(difference)));
            with_pct(column, absolute, amount, pct, sign, pair.polarity)
        }
        (_, base, other) => {
            let (base, other) = (base.as_f64(), other.as_f64());
            let difference = other - base;
            let pct = match pair.basis {
                Basis::First => change_pct_f64(other, base),
                Basis::FirstSize => change_pct_f64(difference + base.abs(), base.abs()),
            };
            let (amount, sign) =
                format::difference(pair.unit, format::Figure::float(difference), &frame);
            let absolute = Some(Number::Float(difference));
            with_pct(column, absolute, amount, pct, sign, pair.polarity)
        }
    }
}

fn with_pct(
    column: usize,
    absolute: Option<Number>,
    amount: String,
    pct: Result<f64, NoPercent>,
    sign: i8,
    polarity: Polarity,
) -> Change {
    let (text, reason) = match pct {
        Ok(pct) => (
            format!("{amount} ({}%)", format::places(pct, 1, true)),
            None,
        ),
        Err(NoPercent::NotMeaningful(why)) => (
            format!("{amount} ({})", format::not_meaningful_short(why)),
            Some(format::not_meaningful_reason(why, "the first value")),
        ),
        Err(NoPercent::TooLarge) => {
            let reason = "the percent change is too large to represent exactly".to_string();
            (format!("{amount} (% n/a: too large)"), Some(reason))
        }
    };
    Change {
        column,
        absolute,
        pct: pct.ok(),
        not_meaningful: matches!(pct, Err(NoPercent::NotMeaningful(_))),
        pp: None,
        tone: polarity.tone(sign),
        text,
        reason,
        missing_value: false,
    }
}
