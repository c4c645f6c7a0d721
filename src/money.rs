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
        let text = self.0.normalize().to_string();
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
    numerator
        .checked_div(denominator)?
        .to_f64()
        .filter(|v| v.is_finite())
}

/// `part / whole x 100`; `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<f64> {
    let quotient = part.checked_div(whole).filter(|_| !whole.is_zero())?;
    quotient
        .checked_mul(Decimal::ONE_HUNDRED)?
        .to_f64()
        .filter(|v| v.is_finite())
}

/// Growth from `before` to `after` in percent; `None` when `before` is zero.
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
    percent(after.checked_sub(before)?, before.abs()).filter(|_| !before.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn serialises_exact_digits() {
        let json =
            serde_json::to_string(&[Exact(dec!(2811) * dec!(1000000)), Exact(dec!(1234.5600))])
                .unwrap();
        assert_eq!(json, "[2811000000,1234.56]");
    }

    #[test]
    fn sums_are_exact() {
        // 0.1 + 0.2 is 0.3 exactly in decimal, unlike binary floats.
        assert_eq!(dec!(0.1) + dec!(0.2), dec!(0.3));
        assert_eq!(
            serde_json::to_string(&Exact(dec!(0.1) + dec!(0.2))).unwrap(),
            "0.3"
        );
    }

    #[test]
    fn growth_and_percent_by_hand() {
        // (2811 - 2276) / 2276 x 100 = 535 / 2276 x 100 = 23.50615114235501 %
        let growth = growth_pct(dec!(2811), dec!(2276)).unwrap();
        assert!((growth - 23.506151142355).abs() < 1e-9);
        assert_eq!(percent(dec!(1), dec!(4)), Some(25.0));
        assert_eq!(percent(dec!(1), Decimal::ZERO), None);
        assert_eq!(growth_pct(dec!(5), Decimal::ZERO), None);
        // Growth from a negative base is measured against its size: -100 -> -50 is +50 %.
        assert_eq!(growth_pct(dec!(-50), dec!(-100)), Some(50.0));
    }

    #[test]
    fn rounds_cents_half_away_from_zero() {
        assert_eq!(to_cents(dec!(1.005)), dec!(1.01));
        assert_eq!(to_cents(dec!(-1.005)), dec!(-1.01));
        assert_eq!(to_cents(dec!(2.004)), dec!(2.00));
    }
}
