//! How compare writes the difference between two values, and how a chart axis labels one:
//! the looks of [`super::look`] with their arrow left out or their decimals dropped.

use rust_decimal::prelude::ToPrimitive;

use super::frame::Frame;
use super::unit::{Figure, Unit};
use super::{change, grouped, money_compact, money_precise, places, sign_at, ChangeIn};

/// The difference between two values of `unit` as compare writes it beside them: the change's
/// amount as a change in the brief reads it, without its arrow ("-2.3 pp", "+0.15×"); money in
/// the frame's scale, people grouped. Its sign as shown is the second part.
pub fn difference(unit: Unit, figure: Figure, frame: &Frame) -> (String, i8) {
    let value = figure.float.unwrap_or(0.0);
    let arrowless = |(text, sign): (String, i8)| {
        let amount = text
            .split_once(' ')
            .map_or(text.clone(), |(_, a)| a.to_string());
        (amount, sign)
    };
    let signed = |text: String| match text.starts_with('-') || text == "0" {
        true => text,
        false => format!("+{text}"),
    };
    let exact_sign = || {
        figure.exact.map_or(0, |d| match d {
            d if d.is_zero() => 0,
            d if d.is_sign_positive() => 1,
            _ => -1,
        })
    };
    match unit {
        Unit::Pct | Unit::Growth | Unit::Pp => {
            arrowless(change(value, ChangeIn::PercentagePoints, 1, ""))
        }
        Unit::Points => arrowless(change(value, ChangeIn::Points, 1, "")),
        Unit::Amount => {
            let in_scale = figure.exact.unwrap_or_default() / frame.scale;
            let text = signed(grouped(in_scale, frame.amount_decimals));
            (text, exact_sign())
        }
        Unit::Money => {
            let amount = figure.exact.and_then(|d| d.to_f64()).unwrap_or(value);
            let text = money_precise(amount, frame.currency);
            let text = if exact_sign() > 0 {
                format!("+{text}")
            } else {
                text
            };
            (text, exact_sign())
        }
        Unit::People => (
            signed(grouped(figure.exact.unwrap_or_default(), 1)),
            exact_sign(),
        ),
        Unit::Months => (
            format!("{} months", places(value, 1, true)),
            sign_at(value, 2),
        ),
        Unit::Ratio => (format!("{}×", places(value, 2, true)), sign_at(value, 2)),
    }
}

/// A chart axis's tick label for a value of `unit`: the unit's look with whole numbers, as a
/// tick needs no more ("24%", "$2.8B", "1.2k", "18 mo").
pub fn tick(unit: Unit, value: f64, currency: &str) -> String {
    match unit {
        Unit::Amount | Unit::Money => money_compact(value, currency),
        Unit::Pct | Unit::Growth => format!("{}%", places(value, 0, false)),
        Unit::Pp => format!("{} pp", places(value, 0, false)),
        Unit::People => super::compact(value),
        Unit::Months => format!("{} mo", places(value, 0, false)),
        Unit::Points | Unit::Ratio => places(value, 0, false),
    }
}
