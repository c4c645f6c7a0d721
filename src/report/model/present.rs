//! How a cell reads: the one presentation of a table or headline value, by its unit, place and
//! threshold, with the currency and the table scale it is shown in. The brief model sets every
//! cell's text and tone with it once; the `cell` template filter calls it only for a cell that
//! arrives without its text (a template's own data).

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::format::{self, ChangeIn};
use crate::input::Scale;
use crate::metrics::{Polarity, Unit};
use crate::report::cell::{Cell, Place};

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
    match cell.value {
        Some(value) => shown(format::Figure::from(value), &look),
        None => (missing(cell.not_meaningful).to_string(), None),
    }
}

/// What a cell without a value reads.
pub fn missing(not_meaningful: bool) -> &'static str {
    if not_meaningful {
        format::NOT_MEANINGFUL
    } else {
        format::NOT_AVAILABLE
    }
}

fn decimal(number: &serde_json::Number) -> Option<Decimal> {
    <Decimal as Deserialize>::deserialize(number.clone()).ok()
}

fn float(number: &serde_json::Number) -> Option<f64> {
    f64::deserialize(number.clone()).ok()
}

/// A value a template hands over as JSON (a cell it makes itself), read from its digits.
pub fn text(number: &serde_json::Number, look: &Look) -> (String, Option<&'static str>) {
    let figure = format::Figure {
        exact: decimal(number),
        float: float(number),
    };
    shown(figure, look)
}

/// A present value's text and, for a change, its tone: the look [`format::text`] gives its
/// unit and place, in the currency and scale of the table it is shown in.
fn shown(figure: format::Figure, look: &Look) -> (String, Option<&'static str>) {
    // The scale's name is the one thing a template can pass; `Scale` owns its meaning.
    let scale = Scale::parse(look.scale).map_or(Decimal::ONE, Scale::factor);
    let frame = format::Frame {
        currency: look.currency,
        scale,
        amount_decimals: look.decimals.unwrap_or(1),
    };
    let judge = format::Judge {
        floor: look.bar,
        ceiling: look.ceiling,
    };
    let shown = format::text(look.unit, look.place, figure, &frame, judge);
    let tone = shown.sign.map(|sign| look.polarity.tone(sign).name());
    (shown.text, tone)
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
