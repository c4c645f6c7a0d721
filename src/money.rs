//! Exact amounts: money and headcounts as decimals, written to JSON with exactly their digits.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// An exact decimal that serialises as a JSON number with exactly its digits
/// (`2811000000`, `1234.56`), never through a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Exact(pub Decimal);

impl Serialize for Exact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0.normalize();
        // Most amounts are whole once scaled to full units: those go out as integers, the same
        // digits as the text below, without building and re-reading a string.
        if value.scale() == 0 {
            if let Ok(whole) = i64::try_from(value.mantissa()) {
                return serializer.serialize_i64(whole);
            }
        }
        let text = value.to_string();
        match text.parse::<serde_json::Number>() {
            Ok(number) => number.serialize(serializer),
            Err(_) => serializer.serialize_str(&text),
        }
    }
}

impl From<Decimal> for Exact {
    fn from(value: Decimal) -> Self {
        Exact(value)
    }
}

/// Rounds money to the cent, half away from zero (the rounding people do by hand).
pub fn to_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `numerator / denominator` as a float for ratios; `None` when the denominator is zero.
/// The division is exact decimal first, so 0.3 / 0.1 is 3, not 2.9999999999999996.
pub fn ratio(numerator: Decimal, denominator: Decimal) -> Option<f64> {
    if denominator.is_zero() {
        return None;
    }
    if let Some(quick) = one_division(numerator, denominator, 1) {
        return Some(quick);
    }
    numerator
        .checked_div(denominator)?
        .to_f64()
        .filter(|v| v.is_finite())
}

/// `part / whole x 100`; `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<f64> {
    if whole.is_zero() {
        return None;
    }
    if let Some(quick) = one_division(part, whole, 100) {
        return Some(quick);
    }
    let quotient = part.checked_div(whole).filter(|_| !whole.is_zero())?;
    quotient
        .checked_mul(Decimal::ONE_HUNDRED)?
        .to_f64()
        .filter(|v| v.is_finite())
}

/// `numerator x times / denominator` as one float division, when both sides, brought to the
/// same number of decimals, are whole numbers below 2^53: a float holds those exactly, so the
/// one division rounds the exact quotient once, to the nearest float. That is the common case
/// (amounts in full units) and a tenth of the cost of dividing decimals; `None` otherwise.
fn one_division(numerator: Decimal, denominator: Decimal, times: i128) -> Option<f64> {
    const EXACT_IN_A_FLOAT: i128 = 1 << 53;
    let mut top = numerator.mantissa().checked_mul(times)?;
    let mut bottom = denominator.mantissa();
    let (top_scale, bottom_scale) = (numerator.scale(), denominator.scale());
    if bottom_scale > top_scale {
        top = top.checked_mul(10i128.checked_pow(bottom_scale - top_scale)?)?;
    } else {
        bottom = bottom.checked_mul(10i128.checked_pow(top_scale - bottom_scale)?)?;
    }
    if bottom == 0 || top.abs() >= EXACT_IN_A_FLOAT || bottom.abs() >= EXACT_IN_A_FLOAT {
        return None;
    }
    // 0 / -5 is 0, not the float -0.
    Some(if top == 0 {
        0.0
    } else {
        top as f64 / bottom as f64
    })
}

/// Why a percentage change is not meaningful ("n/m"): its base is zero, or negative (a
/// loss narrowing from -1,400 to 7,300 is not "+621%": the amount change says what happened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotMeaningful {
    ZeroBase,
    NegativeBase,
}

/// Why a percent change has no value: not meaningful (its base), or past the decimal range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoPercent {
    NotMeaningful(NotMeaningful),
    /// The percent is past the decimal range (4 x 10^28 after 0.0001): n/a, not "zero".
    TooLarge,
}

/// The change from `before` to `after` in percent, or why there is none: a base of zero or
/// below gives no meaningful one.
///
/// ```
/// use ipobrief::money::{change_pct, NoPercent, NotMeaningful};
/// use rust_decimal::Decimal;
///
/// // -1,400 -> 7,300 is +8,700, but no percentage of a loss.
/// assert_eq!(
///     change_pct(Decimal::from(7300), Decimal::from(-1400)),
///     Err(NoPercent::NotMeaningful(NotMeaningful::NegativeBase))
/// );
/// assert_eq!(
///     change_pct(Decimal::from(5), Decimal::ZERO),
///     Err(NoPercent::NotMeaningful(NotMeaningful::ZeroBase))
/// );
/// ```
pub fn change_pct(after: Decimal, before: Decimal) -> Result<f64, NoPercent> {
    if before.is_zero() {
        return Err(NoPercent::NotMeaningful(NotMeaningful::ZeroBase));
    }
    if before.is_sign_negative() {
        return Err(NoPercent::NotMeaningful(NotMeaningful::NegativeBase));
    }
    after
        .checked_sub(before)
        .and_then(|difference| percent(difference, before))
        .ok_or(NoPercent::TooLarge)
}

/// The same for floats (multiples, months): a base of zero or below gives none.
pub fn change_pct_f64(after: f64, before: f64) -> Result<f64, NoPercent> {
    if before == 0.0 {
        Err(NoPercent::NotMeaningful(NotMeaningful::ZeroBase))
    } else if before < 0.0 {
        Err(NoPercent::NotMeaningful(NotMeaningful::NegativeBase))
    } else {
        Ok((after - before) / before * 100.0)
    }
}

/// Growth from `before` to `after` in percent; `None` when `before` is zero or negative (see
/// [`change_pct`] for why).
///
/// ```
/// use ipobrief::money::growth_pct;
/// use rust_decimal::Decimal;
///
/// // Klarna's revenue, 2023 to 2024: (2,811 - 2,276) / 2,276 x 100 = 23.5 %.
/// let growth = growth_pct(Decimal::from(2811), Decimal::from(2276)).unwrap();
/// assert!((growth - 23.506151142355).abs() < 1e-9);
/// assert_eq!(growth_pct(Decimal::from(5), Decimal::ZERO), None);
/// ```
pub fn growth_pct(after: Decimal, before: Decimal) -> Option<f64> {
    change_pct(after, before).ok()
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
