//! Exchange rates given with `--fx "SEK=0.095,EUR=1.08"`: units of the company's currency per
//! unit of another. Without a rate, amounts in that currency are never compared.

use rust_decimal::Decimal;
use serde::Serialize;

/// One rate: `rate` units of the company's currency buy one unit of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub currency: String,
    pub rate: Decimal,
}

/// The rates given, and the date they are as of (`--as-of`), if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rates {
    pub rates: Vec<Rate>,
    /// The report date the rates are taken to be of; None: "rates as given".
    pub as_of: Option<String>,
}

impl Rates {
    /// The rate for `currency`, if given.
    pub fn rate(&self, currency: &str) -> Option<Decimal> {
        self.rates
            .iter()
            .find(|r| r.currency == currency)
            .map(|r| r.rate)
    }

    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }
}

/// Reads `--fx`: `CODE=rate` pairs separated by commas; each code ISO 4217 and given once,
/// each rate a decimal above zero. The error says which pair is wrong and why.
pub fn parse(text: &str) -> Result<Vec<Rate>, String> {
    let mut rates: Vec<Rate> = Vec::new();
    for pair in text.split(',').map(str::trim) {
        if pair.is_empty() {
            continue;
        }
        let Some((code, value)) = pair.split_once('=') else {
            return Err(format!(
                "\"{pair}\" is not CODE=rate: write the currency, an equals sign and how many units of the company's currency one unit buys, e.g. SEK=0.095"
            ));
        };
        let code = code.trim().to_ascii_uppercase();
        if iso_currency::Currency::from_code(&code).is_none() {
            return Err(format!(
                "\"{}\" in \"{pair}\" is not an ISO 4217 currency code (such as SEK, EUR, USD)",
                code
            ));
        }
        let value = value.trim();
        let rate = crate::input::raw::parse_decimal(value)
            .ok()
            .filter(|r| *r > Decimal::ZERO)
            .ok_or_else(|| {
                format!("\"{value}\" in \"{pair}\" is not a rate above zero: write a decimal such as 0.095")
            })?;
        if rates.iter().any(|r| r.currency == code) {
            return Err(format!("{code} is given twice"));
        }
        rates.push(Rate {
            currency: code,
            rate: rate.normalize(),
        });
    }
    if rates.is_empty() {
        return Err("no rate is given: write CODE=rate pairs, e.g. \"SEK=0.095,EUR=1.08\"".into());
    }
    Ok(rates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_exactly() {
        let rates = parse("SEK=0.095, eur=1.08").unwrap();
        assert_eq!(rates[0].currency, "SEK");
        assert_eq!(rates[0].rate, Decimal::new(95, 3));
        assert_eq!(rates[1].currency, "EUR");
        assert_eq!(rates[1].rate, Decimal::new(108, 2));
    }

    #[test]
    fn bad_pairs_say_what_is_wrong() {
        assert!(parse("SEK").unwrap_err().contains("not CODE=rate"));
        assert!(parse("XYZ=1").unwrap_err().contains("ISO 4217"));
        assert!(parse("SEK=0").unwrap_err().contains("above zero"));
        assert!(parse("SEK=-1").unwrap_err().contains("above zero"));
        assert!(parse("SEK=abc").unwrap_err().contains("above zero"));
        assert!(parse("SEK=1,SEK=2").unwrap_err().contains("twice"));
        assert!(parse(" , ").unwrap_err().contains("no rate"));
    }
}
