//! How the scorecard writes its figures: percentages, points, people and money.

use rust_decimal::Decimal;

use crate::format;

/// A value as the scorecard shows it, to one decimal: a change within the flat band is judged
/// on the figure a reader sees, so "+0.5 pp" is never "improving" against a band of 0.5.
pub(super) fn shown(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// `value` against the bar it is judged by, with the digits that decide it: 39.95 against 40
/// reads "39.95", never "40.0".
pub(super) fn against(value: f64, bar: f64) -> String {
    format::places(value, format::decisive_places(value, bar, 1), false)
}

pub(super) fn pct(value: f64) -> String {
    format::pct(value, false)
}

/// A part of a sum shown with as many places as the sum needs against its bar, so the parts
/// read as adding up to it.
pub(super) fn part(value: f64, sum: f64, bar: f64) -> String {
    let decimals = format::decisive_places(sum, bar, 1);
    format!("{}%", format::places(value, decimals, false))
}

pub(super) fn signed_pct(value: f64) -> String {
    format::pct(value, true)
}

/// Percentage points, "-2.3 pp".
pub(super) fn pp(value: f64) -> String {
    format::pp(value)
}

pub(super) fn number(value: f64) -> String {
    format::threshold(value)
}

/// A whole number of people with thousands separators, "1,122,341".
pub(super) fn whole(value: Decimal) -> String {
    format::grouped(value, 0)
}

/// Money as a reader reads it, "$1.12M".
pub(super) fn money(value: Decimal, currency: &str) -> String {
    format::money_precise(format::to_f64(value), currency)
}

pub(super) fn plural(count: usize, noun: &str) -> String {
    format::plural(count, noun)
}
