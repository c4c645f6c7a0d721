//! One value as a template gets it: the number with its unit and polarity (from the catalogue),
//! or null with a note number pointing at the reason (see `notes.rs`), and its text and tone,
//! which the brief model sets once (`model::present`).

use serde::Serialize;

use super::notes::Notes;
use crate::metrics::catalogue::{metric, Metric};
use crate::metrics::{Number, PeriodMetrics, Polarity, Reason, Unit};

pub use crate::format::Place;

/// A value for a template. The fields that only present the value (`bar`, `ceiling`,
/// `decimals`, `not_meaningful`) are left out of the templates' data when unset: the model has
/// presented every cell's `text` already, and a brief has thousands of cells, each an object
/// for tera.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub value: Option<Number>,
    pub unit: Unit,
    pub polarity: Polarity,
    pub place: Place,
    pub note: Option<usize>,
    /// The threshold the value is judged against, when there is one: the value is then shown
    /// with the digits that decide it (39.95 against 40, never "40.0").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bar: Option<f64>,
    /// The most the value may be, when a threshold says so (a KPI's `max`): the value is then
    /// shown with the digits that decide it against this too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<f64>,
    /// The value is not missing but not meaningful ("n/m": a percent change from a zero or
    /// negative base); `note` says why.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_meaningful: bool,
    /// Decimals for an amount in a table, when the table decides them for all its rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// The value as it reads ("2,811", "▲ +23.5%", "n/a"), set once by the brief model
    /// ([`crate::report::model::present`]) with the currency and scale it is shown in.
    pub text: String,
    /// For a change, how it reads: "good", "bad" or "neutral".
    pub tone: Option<&'static str>,
}

impl Cell {
    /// A value in its unit, polarity and place, with no note, bar or ceiling, not yet
    /// presented: the one way a cell is made (set the other fields with `..Cell::new(...)`).
    pub fn new(value: Option<Number>, unit: Unit, polarity: Polarity, place: Place) -> Cell {
        Cell {
            value,
            unit,
            polarity,
            place,
            note: None,
            bar: None,
            ceiling: None,
            not_meaningful: false,
            decimals: None,
            text: String::new(),
            tone: None,
        }
    }

    /// A change shown beside a value (a headline card's "▲ +24.8%"), with no footnote.
    pub fn change(value: Option<f64>, unit: Unit, polarity: Polarity) -> Option<Cell> {
        value.map(|v| Cell::new(Some(Number::Float(v)), unit, polarity, Place::Change))
    }

    pub fn is_na(&self) -> bool {
        self.value.is_none()
    }
}

/// A period's value of `metric`: the value, or null with the note group of its reason.
pub fn of_metric(period: &PeriodMetrics, metric: &Metric, place: Place, notes: &mut Notes) -> Cell {
    with_reason(
        period,
        metric.key,
        metric.value(period),
        metric.unit,
        metric.polarity,
        place,
        notes,
    )
}

/// A cell for `value`, or null with the note group of `key`'s reason in `period`. A value
/// with no recorded reason is a figure the input does not give.
pub fn with_reason(
    period: &PeriodMetrics,
    key: &str,
    value: Option<Number>,
    unit: Unit,
    polarity: Polarity,
    place: Place,
    notes: &mut Notes,
) -> Cell {
    let (note, not_meaningful) = match value {
        Some(_) => (None, false),
        None => {
            let reason = match (period.unavailable.get(key), metric(key)) {
                (Some(reason), _) => reason.clone(),
                (None, Some(metric)) => Reason::NotGiven { figure: metric.key },
                (None, None) => Reason::LineNotListed,
            };
            let not_meaningful = reason.not_meaningful();
            (Some(notes.mark(period.label, key, reason)), not_meaningful)
        }
    };
    Cell {
        note,
        not_meaningful,
        ..Cell::new(value, unit, polarity, place)
    }
}
