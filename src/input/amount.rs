//! A number as the input writes it, kept exact: integers, finite floats and (from JSON)
//! arbitrary-precision numbers, refusing NaN, infinities and numbers written as strings.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// A number as written in the input, kept exact. Accepts integers, finite floats and (from
/// JSON) arbitrary-precision numbers; rejects NaN, infinities and numbers written as strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount(pub Decimal);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number (no quotes, no thousands separators)")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
        Ok(Amount(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
        if !v.is_finite() {
            return Err(E::custom(format!(
                "expected a finite number, found {v}: write the amount as an ordinary number"
            )));
        }
        if let Some(exact) = few_decimals(v) {
            return Ok(Amount(exact));
        }
        parse_decimal(&v.to_string()).map(Amount).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
        Err(E::custom(format!(
            "expected a number, found the text \"{v}\": write numbers without quotes, \
             thousands separators or currency signs (e.g. 1234.5)"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Amount, E> {
        Err(E::custom(format!("expected a number, found {v}")))
    }

    // serde_json with `arbitrary_precision` hands numbers over as a one-entry map holding the
    // number's exact text; reading that text keeps every digit.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Amount, A::Error> {
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some("$serde_json::private::Number") => {
                let text: String = map.next_value()?;
                parse_decimal(&text).map(Amount).map_err(de::Error::custom)
            }
            _ => Err(de::Error::custom("expected a number, found a table")),
        }
    }
}

/// The float as the decimal with the fewest digits after the point (at most 6) that reads back
/// as exactly this float: the number as written in the file, the same decimal as reading the
/// float's shortest text (`18.7`) gives, without building that text. A large run reads half a
/// million amounts. `None` for zero, beyond 2^33 or more than 6 decimals: read the text then.
///
/// Why it is the same decimal: `m / 10^k` with `m` and `10^k` exact floats is one correctly
/// rounded division, so the check is exactly "reads back as `v`"; the smallest such `k` is the
/// shortest text's; and below 2^33 floats are less than 10^-6 apart, so two decimals 10^-k
/// apart cannot both read back as `v`: only one candidate exists at that `k`.
pub(super) fn few_decimals(v: f64) -> Option<Decimal> {
    if v == 0.0 || v.abs() >= (1u64 << 33) as f64 {
        return None;
    }
    let mut power = 1.0;
    for scale in 0..=6 {
        let m = (v * power).round();
        if m / power == v {
            return Some(Decimal::new(m as i64, scale));
        }
        power *= 10.0;
    }
    None
}

/// Parses a plain decimal number ("1234.56", "-121", "1e6") exactly.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let text = text.trim();
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        text.parse::<Decimal>()
    };
    parsed.map_err(|_| {
        if text.eq_ignore_ascii_case("nan") || text.to_ascii_lowercase().contains("inf") {
            format!("expected a finite number, found {text}")
        } else if text.contains(|c: char| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
        {
            format!(
                "the number {text} is out of range: amounts must stay below 10^28 in full units"
            )
        } else {
            format!(
                "expected a number, found \"{text}\": write numbers without thousands separators \
                 or currency signs, with a dot for decimals (e.g. 1234.5)"
            )
        }
    })
}
