//! A value's look by its unit and place: the one rule the brief's cells, compare, the charts'
//! axes and the workbook's number formats follow, so "23.5%" reads the same everywhere.

use rust_decimal::prelude::ToPrimitive;

use super::frame::{Frame, Judge};
use super::unit::{Figure, Place, Unit};
use super::{
    change, decisive_places, decisive_places_within, grouped, grouped_fixed, judged, money_precise,
    months, pct, ChangeIn, Measure,
};

/// How a value reads: its text and, for a change, its sign as shown (-1, 0, 1), for the tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub sign: Option<i8>,
}

/// What a value that is not there reads ("n/m", [`super::NOT_MEANINGFUL`], where it is there
/// but a percent change of it is not meaningful).
pub const NOT_AVAILABLE: &str = "n/a";

fn plain(text: String) -> Shown {
    Shown { text, sign: None }
}

fn or_na(text: Option<String>) -> Shown {
    plain(text.unwrap_or_else(|| NOT_AVAILABLE.to_string()))
}

/// `figure` of `unit` as it reads at `place`: in a table (amounts in the frame's scale), on a
/// card (money compact with its currency) or as a change ("▲ +24.8%"); against a threshold,
/// with the digits that decide it. Growth and percentage points always read as changes; a
/// difference reads as compare writes one ([`super::difference`]).
pub fn text(unit: Unit, place: Place, figure: Figure, frame: &Frame, judge: Judge) -> Shown {
    if place == Place::Difference {
        let (text, sign) = super::difference(unit, figure, frame);
        return Shown {
            text,
            sign: Some(sign),
        };
    }
    let judged_value = figure.float.filter(|_| judge.is_set());
    let change_in = match (place, unit) {
        (_, Unit::Pp) => Some(ChangeIn::PercentagePoints),
        (Place::Change, Unit::Points) => Some(ChangeIn::Points),
        (Place::Change, _) | (_, Unit::Growth) => Some(ChangeIn::Percent),
        _ => None,
    };
    if let Some(change_in) = change_in {
        let Some(value) = figure.float else {
            return plain(NOT_AVAILABLE.to_string());
        };
        // A change judged against a bar shows the digit that decides it (and its sign).
        let decimals = judge.floor.map_or(1, |bar| decisive_places(value, bar, 1));
        let (text, sign) = change(value, change_in, decimals, frame.currency);
        return Shown {
            text,
            sign: Some(sign),
        };
    }
    let exact = figure.exact;
    match (place, unit) {
        (Place::Table, Unit::Amount) => {
            let in_scale = |v: f64| v / super::to_f64(frame.scale);
            let decimals = judged_value.map_or(frame.amount_decimals, |v| {
                let base = frame.amount_decimals as usize;
                decisive_places_within(in_scale(v), judge.floor, judge.ceiling, base) as u32
            });
            or_na(exact.map(|d| grouped(d / frame.scale, decimals.min(6))))
        }
        (_, Unit::Amount | Unit::Money) => or_na(exact.map(|d| {
            let text = money_precise(d.to_f64().unwrap_or(0.0), frame.currency);
            text.trim().to_string()
        })),
        (_, Unit::Pct) => match judged_value {
            Some(v) => plain(judged(v, Measure::Pct, judge.floor, judge.ceiling)),
            None => or_na(figure.float.map(|v| pct(v, false))),
        },
        (_, Unit::People) => match judged_value {
            Some(v) => plain(judged(v, Measure::Count, judge.floor, judge.ceiling)),
            None => or_na(exact.map(|d| grouped(d, 1))),
        },
        (_, Unit::Points) => {
            let decimals = match (figure.float, judge.floor) {
                (Some(v), Some(bar)) => decisive_places(v, bar, 1),
                _ => 1,
            };
            or_na(exact.map(|d| grouped_fixed(d, decimals as u32)))
        }
        (_, Unit::Months) => or_na(figure.float.map(months)),
        (_, Unit::Ratio) => match judged_value {
            Some(v) => plain(judged(v, Measure::Ratio, judge.floor, judge.ceiling)),
            None => or_na(exact.map(|d| format!("{}×", grouped_fixed(d, 2)))),
        },
        (_, Unit::Pp | Unit::Growth) => unreachable!("changes are handled above"),
    }
}

/// The decimals a table shows for `unit`, which the workbook's number format gives too (money
/// per person and people whole there, where the brief shows "$820k" and "1,250.5").
pub fn table_decimals(unit: Unit, frame: &Frame) -> usize {
    match unit {
        Unit::Amount => frame.amount_decimals as usize,
        Unit::Money | Unit::People => 0,
        Unit::Ratio => 2,
        Unit::Pct | Unit::Growth | Unit::Pp | Unit::Points | Unit::Months => 1,
    }
}

/// A value of `unit` as the workbook's cell holds it under [`excel_format`]: percentages and
/// growth as fractions (the format's `%` multiplies by 100), everything else as is.
pub fn excel_value(unit: Unit, value: f64) -> f64 {
    match unit {
        Unit::Pct | Unit::Growth => value / 100.0,
        _ => value,
    }
}

/// The workbook's number format (Excel's `num_format`) for `unit` with `decimals`: the picture
/// of [`text`]'s look. Percentages are stored as fractions; money has negatives in
/// parentheses; `_)` leaves room for a closing parenthesis, so every figure lines up with the
/// money beside it.
pub fn excel_format(unit: Unit, decimals: usize) -> String {
    let d = match decimals {
        0 => String::new(),
        n => format!(".{}", "0".repeat(n)),
    };
    match unit {
        Unit::Amount | Unit::Money => format!("#,##0{d}_);(#,##0{d});0{d}_)"),
        Unit::People => format!("#,##0{d}_)"),
        Unit::Pct => format!("0{d}%_)"),
        Unit::Growth => format!("+0{d}%_);-0{d}%_);0{d}%_)"),
        Unit::Pp => format!("+0{d} \"pp\"_);-0{d} \"pp\"_);0{d} \"pp\"_)"),
        Unit::Points | Unit::Months => format!("0{d}_)"),
        Unit::Ratio => format!("0{d}\"×\"_)"),
    }
}
