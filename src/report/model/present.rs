//! How a cell reads: the one presentation of a table or headline value, by its unit, place and
//! threshold, with the currency and the table scale it is shown in. The brief model sets every
//! cell's text and tone with it once; the `cell` template filter calls it only for a cell that
//! arrives without its text (a template's own data).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::format::{self, ChangeIn};
use crate::input::Scale;
use crate::metrics::{Number, Polarity, Unit};
use crate::report::cell::{Cell, Place};

const NA: &str = "n/a";

/// What decides a present value's look besides the number.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub unit: Unit,
    pub polarity: Polarity,
    pub place: Place,
    pub bar: Option<f64>,
    pub ceiling: Option<f64>,
    pub decimals: Option<u32>,
    /// The currency an amount is in ("" for none).
    pub currency: &'a str,
    /// The table scale's name ("millions"); "units" where amounts are not scaled.
    pub scale: &'a str,
}

/// A cell's text and, for a change, its tone ("good", "bad", "neutral"): "n/a" (or "n/m" for a
/// value that is not meaningful) with no tone when it has no value.
pub fn cell(cell: &Cell, currency: &str, scale: &str) -> (String, Option<&'static str>) {
    let look = Look {
        unit: cell.unit,
        polarity: cell.polarity,
        place: cell.place,
        bar: cell.bar,
        ceiling: cell.ceiling,
        decimals: cell.decimals,
        currency,
        scale,
    };
    match cell.value.and_then(json_number) {
        Some(number) => text(&number, &look),
        None => (missing(cell.not_meaningful).to_string(), None),
    }
}

/// What a cell without a value reads.
pub fn missing(not_meaningful: bool) -> &'static str {
    if not_meaningful {
        format::NOT_MEANINGFUL
    } else {
        NA
    }
}

/// A value as JSON writes it, keeping every digit: an amount's decimal is read from the same
/// digits, so money is never rounded through a float on its way to the page.
fn json_number(value: Number) -> Option<serde_json::Number> {
    match serde_json::to_value(value).ok()? {
        serde_json::Value::Number(number) => Some(number),
        _ => None,
    }
}

fn decimal(number: &serde_json::Number) -> Option<Decimal> {
    <Decimal as Deserialize>::deserialize(number.clone()).ok()
}

fn float(number: &serde_json::Number) -> Option<f64> {
    f64::deserialize(number.clone()).ok()
}

/// A present value's text and, for a change, its tone.
pub fn text(number: &serde_json::Number, look: &Look) -> (String, Option<&'static str>) {
    let judged_value = (look.bar.is_some() || look.ceiling.is_some())
        .then(|| float(number))
        .flatten();
    // A figure judged against a threshold (a company KPI's) reads as its unit does, with the
    // digits that decide it, as the scorecard shows it.
    let judged = |measure: format::Measure| {
        judged_value.map(|v| format::judged(v, measure, look.bar, look.ceiling))
    };
    let na = || NA.to_string();
    let text = match (look.place, look.unit) {
        (Place::Change, Unit::Pp) => return change(number, ChangeIn::PercentagePoints, look),
        (Place::Change, Unit::Points) => return change(number, ChangeIn::Points, look),
        (Place::Change, _) | (_, Unit::Growth) => return change(number, ChangeIn::Percent, look),
        (_, Unit::Pp) => return change(number, ChangeIn::PercentagePoints, look),
        (Place::Table, Unit::Amount) => in_scale(number, look, judged_value),
        (_, Unit::Amount | Unit::Money) => decimal(number).map_or_else(na, |amount| {
            let text = format::money_precise(amount.to_f64().unwrap_or(0.0), look.currency);
            text.trim().to_string()
        }),
        (_, Unit::Pct) => judged(format::Measure::Pct)
            .or_else(|| float(number).map(|v| format::pct(v, false)))
            .unwrap_or_else(na),
        (_, Unit::People) => judged(format::Measure::Count)
            .or_else(|| decimal(number).map(|d| format::grouped(d, 1)))
            .unwrap_or_else(na),
        (_, Unit::Points) => {
            let places = match (float(number), look.bar) {
                (Some(v), Some(bar)) => format::decisive_places(v, bar, 1),
                _ => 1,
            };
            decimal(number).map_or_else(na, |d| format::grouped_fixed(d, (places as u32).min(6)))
        }
        (_, Unit::Months) => float(number).map_or_else(na, format::months),
        (_, Unit::Ratio) if judged_value.is_some() => {
            judged(format::Measure::Ratio).unwrap_or_else(na)
        }
        (_, Unit::Ratio) => format!(
            "{}×",
            decimal(number).map_or_else(na, |d| format::grouped_fixed(d, 2))
        ),
    };
    (text, None)
}

/// An amount in a table, in the table's scale: against a threshold (in the company's scale),
/// with the digits that decide it.
fn in_scale(number: &serde_json::Number, look: &Look, judged: Option<f64>) -> String {
    let Some(amount) = decimal(number) else {
        return NA.to_string();
    };
    let scale = Scale::parse(look.scale);
    let decimals = look.decimals.unwrap_or(1);
    let decimals = judged.map_or(decimals, |v| {
        let factor = scale.map_or(1.0, |s| format::to_f64(s.factor()));
        format::decisive_places_within(v / factor, look.bar, look.ceiling, decimals as usize) as u32
    });
    let divisor = scale.map_or(Decimal::ONE, Scale::factor);
    let text = format::grouped(amount / divisor, decimals.min(6));
    text.trim().to_string()
}

/// A change with its marker and tone: "▲ +3.2%", bad for a cost. A change judged against a
/// bar shows the digit that decides it (and its sign).
fn change(
    number: &serde_json::Number,
    unit: ChangeIn,
    look: &Look,
) -> (String, Option<&'static str>) {
    let Some(change) = float(number) else {
        return (NA.to_string(), None);
    };
    let decimals = look
        .bar
        .map_or(1, |bar| format::decisive_places(change, bar, 1));
    let (text, tone) = delta(change, unit, look.polarity, decimals, look.currency);
    (text, Some(tone))
}

/// A change as text and its tone, typed: the one path the `delta` filters and cells share.
pub fn delta(
    change: f64,
    unit: ChangeIn,
    polarity: Polarity,
    decimals: usize,
    currency: &str,
) -> (String, &'static str) {
    let (text, sign) = format::change(change, unit, decimals, currency);
    (text, polarity.tone(sign).name())
}
