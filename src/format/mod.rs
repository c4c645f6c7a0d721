//! How numbers read, decided once for every output: a value's look by its [`Unit`] and
//! [`Place`] ([`text`]: the brief's cells, compare, the PDF), the difference compare writes
//! beside two values ([`difference`]), a chart axis's tick ([`tick`]) and the workbook's number
//! format of each unit ([`excel_format`]), and the primitives they are made of: compact money
//! (2.8B), thousands separators, percentages and percentage points, a figure judged against a
//! threshold with the digit that decides it ([`judged`], [`bar`]), months, and "n/m" for a
//! percent change that is not meaningful. The scorecard (`check`) uses the same primitives.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::money::NotMeaningful;

mod difference;
mod frame;
mod look;
mod unit;
mod words;

pub use difference::{difference, tick};
pub use frame::{Frame, Judge};
pub use look::{excel_format, excel_value, table_decimals, text, Shown, NOT_AVAILABLE};
pub use unit::{Figure, Place, Unit};
pub use words::{listed, year_end_in_words};

/// The prefix written before an amount: a symbol where it is unambiguous, else the ISO code.
pub fn currency_prefix(code: &str) -> String {
    match code {
        "USD" => "$".to_string(),
        "EUR" => "€".to_string(),
        "GBP" => "£".to_string(),
        "JPY" => "¥".to_string(),
        other => format!("{other} "),
    }
}

/// The divisor and suffix that write `value` in thousands (k), millions (M), billions (B) or
/// trillions (T); `(1, "")` below a thousand.
fn magnitude_unit(value: f64) -> (f64, &'static str) {
    match value.abs() {
        m if m >= 1e12 => (1e12, "T"),
        m if m >= 1e9 => (1e9, "B"),
        m if m >= 1e6 => (1e6, "M"),
        m if m >= 1e3 => (1e3, "k"),
        _ => (1.0, ""),
    }
}

/// 1.2k, 3.4M, 2.8B, 1.1T; one decimal below 100 of the unit, none above.
pub fn compact(value: f64) -> String {
    let (divisor, suffix) = magnitude_unit(value);
    let scaled = value / divisor;
    let text = if suffix.is_empty() && scaled.fract() == 0.0 {
        fixed(scaled, 0)
    } else if scaled.abs() < 99.95 {
        fixed(scaled, 1)
    } else {
        fixed(scaled, 0)
    };
    let text = if text.starts_with("-0") && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text.trim_start_matches('-').to_string()
    } else {
        text
    };
    format!("{text}{suffix}")
}

/// Three significant digits for tables and headline figures: 3.51B, 1.12M, 723k, 40.0k.
pub fn compact_precise(value: f64) -> String {
    let (divisor, suffix) = magnitude_unit(value);
    if suffix.is_empty() {
        return compact(value);
    }
    let scaled = value / divisor;
    let text = match scaled.abs() {
        s if s < 9.995 => fixed(scaled, 2),
        s if s < 99.95 => fixed(scaled, 1),
        _ => fixed(scaled, 0),
    };
    format!("{text}{suffix}")
}

/// Money with three significant digits: "$3.51B", "$1.12M".
pub fn money_precise(value: f64, currency: &str) -> String {
    with_currency(compact_precise(value), currency)
}

fn with_currency(text: String, currency: &str) -> String {
    match text.strip_prefix('-') {
        Some(positive) => format!("-{}{positive}", currency_prefix(currency)),
        None => format!("{}{text}", currency_prefix(currency)),
    }
}

/// An amount in the input's own scale, with the scale's suffix and the currency: 82 (millions)
/// reads "$82M", -121 "-$121M", 1600 (thousands) "SEK 1,600k"; at most one decimal, as the
/// input gives it. For sentences about figures the user typed.
pub fn money_in_scale(in_scale: Decimal, suffix: &str, currency: &str) -> String {
    with_currency(format!("{}{suffix}", grouped(in_scale, 1)), currency)
}

/// Money with every digit (to the cent) and the currency: "-$1,234.5", "SEK 2,811,000,000".
pub fn money_full(value: Decimal, currency: &str) -> String {
    with_currency(grouped(value, 2), currency)
}

/// Compact money with the currency: "$2.8B", "-$121.0M", "SEK 723k".
pub fn money_compact(value: f64, currency: &str) -> String {
    with_currency(compact(value), currency)
}

/// An exact amount with thousands separators and at most `decimals` places (trailing zeros
/// dropped): 2811000000 -> "2,811,000,000", 634.6795 with 1 -> "634.7".
pub fn grouped(value: Decimal, decimals: u32) -> String {
    let rounded = value
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = rounded.abs().to_string();
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut out = String::new();
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(&fraction);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.insert(0, '-');
    }
    out
}

/// Like [`grouped`], but always with exactly `decimals` places: 57 with 1 -> "57.0".
pub fn grouped_fixed(value: Decimal, decimals: u32) -> String {
    let text = grouped(value, decimals);
    let places = text.split_once('.').map_or(0, |(_, f)| f.len()) as u32;
    if decimals == 0 || places == decimals {
        return text;
    }
    let mut padded = if places == 0 {
        format!("{text}.")
    } else {
        text
    };
    padded.push_str(&"0".repeat((decimals - places) as usize));
    padded
}

/// One decimal and a percent sign; `signed` adds "+" to positive changes.
pub fn pct(value: f64, signed: bool) -> String {
    format!("{}%", one_decimal(value, signed))
}

/// Percentage points: "+44.9 pp".
pub fn pp(value: f64) -> String {
    format!("{} pp", one_decimal(value, true))
}

/// `decimals` places, rounding half away from zero (as people round), not half to even.
fn fixed(value: f64, decimals: usize) -> String {
    let factor = 10f64.powi(decimals as i32);
    let rounded = (value * factor).round() / factor;
    format!("{rounded:.decimals$}")
}

/// `decimals` places, rounding half away from zero; `signed` puts "+" before a positive value.
/// A value that rounds to zero is written without a sign ("0.00", never "-0.00").
pub fn places(value: f64, decimals: usize, signed: bool) -> String {
    let text = fixed(value, decimals);
    let is_zero = text
        .trim_start_matches('-')
        .trim_matches(['0', '.'])
        .is_empty();
    match (is_zero, text.strip_prefix('-')) {
        (true, Some(positive)) => positive.to_string(),
        (true, None) => text,
        (false, Some(_)) => text,
        (false, None) if signed => format!("+{text}"),
        (false, None) => text,
    }
}

fn one_decimal(value: f64, signed: bool) -> String {
    places(value, 1, signed)
}

/// The fewest decimals (at least `decimals`, at most 4) at which `value` does not read as being
/// on the other side of `bar` than it is: 39.95 against 40 shows as "39.95", never "40.0", so a
/// shown figure never contradicts its verdict.
pub fn decisive_places(value: f64, bar: f64, decimals: usize) -> usize {
    decisive_places_within(value, Some(bar), None, decimals)
}

/// Like [`decisive_places`] for a figure judged against a floor (at least) and a ceiling (at
/// most), either or both: a take rate of 1.38% against a floor of 1.4 reads "1.38%", and 1.42%
/// against a ceiling of 1.4 "1.42%", never "1.4%" beside "outside the threshold".
pub fn decisive_places_within(
    value: f64,
    floor: Option<f64>,
    ceiling: Option<f64>,
    decimals: usize,
) -> usize {
    (decimals..=4)
        .find(|&d| {
            let shown: f64 = fixed(value, d).parse().unwrap_or(value);
            floor.is_none_or(|bar| (shown >= bar) == (value >= bar))
                && ceiling.is_none_or(|bar| (shown <= bar) == (value <= bar))
        })
        .unwrap_or(4)
        .max(decimals)
}

/// What a figure judged against a threshold measures, for [`judged`] and [`bar`]: the looks the
/// brief's tables give these units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure<'a> {
    /// A percentage, one decimal: "1.4%".
    Pct,
    /// A multiple, two decimals: "341.67×".
    Ratio,
    /// A count or plain number, grouped, at most one decimal: "1,250.5".
    Count,
    /// Money in the company's scale, with its suffix and currency: "SEK 12.5M".
    Money { suffix: &'a str, currency: &'a str },
}

impl Measure<'_> {
    /// The decimals the brief's tables give this measure.
    fn decimals(self) -> usize {
        match self {
            Measure::Ratio => 2,
            // Money in full units (per customer, per person) reads in whole units: "SEK 357".
            Measure::Money { suffix: "", .. } => 0,
            Measure::Pct | Measure::Count | Measure::Money { .. } => 1,
        }
    }

    /// `value` with `decimals` places, as this measure reads.
    fn write(self, value: f64, decimals: usize) -> String {
        let exact = || Decimal::from_f64_retain(value).unwrap_or_default();
        match self {
            Measure::Pct => format!("{}%", places(value, decimals, false)),
            Measure::Ratio => format!("{}×", places(value, decimals, false)),
            Measure::Count => grouped(exact(), decimals as u32),
            Measure::Money { suffix, currency } => with_currency(
                format!("{}{suffix}", grouped(exact(), decimals as u32)),
                currency,
            ),
        }
    }
}

/// A figure judged against a floor and/or a ceiling, as the brief shows its unit but with the
/// digits that decide it (the Rule of 40's rule): a take rate of 1.38% against ">= 1.4%" reads
/// "1.38%"; a revenue per customer of 341.666... reads "341.67×", never the raw float. Money is
/// in the company's scale, like its threshold.
pub fn judged(value: f64, measure: Measure, floor: Option<f64>, ceiling: Option<f64>) -> String {
    let decimals = decisive_places_within(value, floor, ceiling, measure.decimals());
    measure.write(value, decimals)
}

/// A threshold as the user wrote it, in its figure's measure: 1.4 "1.4%", 0.014 "0.014%"
/// (never rounded to "0.0%"), 300 "300×", 12.5 (millions) "SEK 12.5M".
pub fn bar(value: Decimal, measure: Measure) -> String {
    let written = value.normalize();
    let digits = grouped(written, written.scale());
    match measure {
        Measure::Pct => format!("{digits}%"),
        Measure::Ratio => format!("{digits}×"),
        Measure::Count => digits,
        Measure::Money { suffix, currency } => with_currency(format!("{digits}{suffix}"), currency),
    }
}

/// The fewest decimals (at least `decimals`, at most 4) at which two different values read
/// differently: opex growth of 24.76% against revenue growth of 24.84% is "24.76% vs 24.84%",
/// never "24.8% vs 24.8%" next to a verdict that one is slower.
pub fn distinct_places(a: f64, b: f64, decimals: usize) -> usize {
    if a == b {
        return decimals;
    }
    (decimals..=4)
        .find(|&d| fixed(a, d) != fixed(b, d))
        .unwrap_or(4)
}

/// The sign of `value` as shown with `decimals` places: a value that rounds to zero has none.
pub fn sign_at(value: f64, decimals: usize) -> i8 {
    if fixed(value, decimals)
        .trim_start_matches('-')
        .trim_matches(['0', '.'])
        .is_empty()
    {
        0
    } else if value > 0.0 {
        1
    } else {
        -1
    }
}

/// How a percent change that is not meaningful is shown, where n/a would show: "n/m".
pub const NOT_MEANINGFUL: &str = "n/m";

/// A percent change that is not meaningful, beside its amount: "% n/m: negative base".
pub fn not_meaningful_short(why: NotMeaningful) -> String {
    match why {
        NotMeaningful::ZeroBase => format!("% {NOT_MEANINGFUL}: zero base"),
        NotMeaningful::NegativeBase => format!("% {NOT_MEANINGFUL}: negative base"),
    }
}

/// Why a percent change is not meaningful, in a sentence about `base` ("the first value",
/// "operating income in 2024"): "... is negative, so a percent change is not meaningful (n/m)".
pub fn not_meaningful_reason(why: NotMeaningful, base: &str) -> String {
    let is = match why {
        NotMeaningful::ZeroBase => "zero",
        NotMeaningful::NegativeBase => "negative",
    };
    format!("{base} is {is}, so a percent change is not meaningful ({NOT_MEANINGFUL})")
}

/// What a change is measured in, for [`change`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeIn {
    Percent,
    PercentagePoints,
    Points,
    Money,
}

/// A change as the brief shows it: "▲ +23.5%", "▼ -2.3 pp", "● 0.0 pts", "▲ +$1.2M", with
/// `decimals` places, and its sign as shown (-1, 0, 1) for the tone.
pub fn change(value: f64, unit: ChangeIn, decimals: usize, currency: &str) -> (String, i8) {
    let sign = sign_at(value, decimals);
    let marker = match sign {
        0 => "●",
        1 => "▲",
        _ => "▼",
    };
    let amount = match unit {
        ChangeIn::Percent => format!("{}%", places(value, decimals, true)),
        ChangeIn::PercentagePoints => format!("{} pp", places(value, decimals, true)),
        ChangeIn::Points => format!("{} pts", places(value, decimals, true)),
        ChangeIn::Money => {
            let text = money_compact(value, currency);
            if sign > 0 {
                format!("+{text}")
            } else {
                text
            }
        }
    };
    (format!("{marker} {amount}"), sign)
}

/// A whole number of people or periods: "1 year", "3 years".
pub fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

/// A threshold as written: 20 not 20.0, 17.5 as is.
pub fn threshold(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// A cost line's key as a reader sees it: "customer_service" -> "Customer service".
pub fn line_name(key: &str) -> String {
    let spaced = key.replace(['_', '-'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A decimal as f64 for drawing (charts only; never for arithmetic).
pub fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The longest runway shown as a number of months: beyond it a runway reads "more than 10
/// years" (and a chart draws it at this height), as a figure of hundreds of months only says
/// the company is not burning much.
pub const MAX_SHOWN_MONTHS: f64 = 120.0;

/// A runway or other span in months: "18.5 months", or "more than 10 years" beyond
/// [`MAX_SHOWN_MONTHS`].
pub fn months(value: f64) -> String {
    if value > MAX_SHOWN_MONTHS {
        "more than 10 years".to_string()
    } else {
        format!("{} months", places(value, 1, false))
    }
}

/// A duration in years as a reader says it, to at most one decimal: "1 year", "2.2 years",
/// "0.5 years" (the noun follows the number as shown, so 0.96 reads "1 year").
pub fn years(value: f64) -> String {
    use rust_decimal::prelude::FromPrimitive;
    let shown = Decimal::from_f64(value).map_or_else(|| places(value, 1, false), |d| grouped(d, 1));
    let noun = if shown == "1" { "year" } else { "years" };
    format!("{shown} {noun}")
}

#[cfg(test)]
mod tests;
