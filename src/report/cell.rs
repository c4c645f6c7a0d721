//! One value as a template gets it: the number with its unit and polarity (from the catalogue),
//! or null with a footnote number pointing at the reason. The `cell` filters format it; nothing
//! here is text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::metrics::catalogue::Metric;
use crate::metrics::{Number, PeriodMetrics, Polarity, Unit};

/// How a cell is shown: in a table (amounts in the company's scale), on a headline card
/// (amounts compact with their currency, "$2.81B"), or as a change beside a card's value
/// ("▲ +24.8%", whatever the unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    #[default]
    Table,
    Card,
    Change,
}

/// A value for a template.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub value: Option<Number>,
    pub unit: Unit,
    pub polarity: Polarity,
    pub place: Place,
    pub note: Option<usize>,
    /// The threshold the value is judged against, when there is one: the value is then shown
    /// with the digits that decide it (39.95 against 40, never "40.0").
    pub bar: Option<f64>,
    /// Decimals for an amount in a table, when the table decides them for all its rows.
    pub decimals: Option<u32>,
}

impl Cell {
    /// A change shown beside a value (a headline card's "▲ +24.8%"), with no footnote.
    pub fn change(value: Option<f64>, unit: Unit, polarity: Polarity) -> Option<Cell> {
        value.map(|v| Cell {
            value: Some(Number::Float(v)),
            unit,
            polarity,
            place: Place::Change,
            note: None,
            bar: None,
            decimals: None,
        })
    }

    pub fn is_na(&self) -> bool {
        self.value.is_none()
    }
}

/// Numbered footnotes for the reasons values are unavailable; equal reasons share a number.
/// Reasons name their period, so a long series has as many as it has periods: the numbers are
/// looked up in a map, not by scanning the list.
#[derive(Debug, Default)]
pub struct Footnotes(Vec<String>, HashMap<String, usize>);

impl Footnotes {
    pub fn number(&mut self, reason: &str) -> usize {
        if let Some(&number) = self.1.get(reason) {
            return number;
        }
        self.0.push(reason.to_string());
        self.1.insert(reason.to_string(), self.0.len());
        self.0.len()
    }

    pub fn into_list(self) -> Vec<String> {
        self.0
    }
}

/// A period's value of `metric`: the value, or null with the footnote for its reason.
pub fn of_metric(
    period: &PeriodMetrics,
    metric: &Metric,
    place: Place,
    notes: &mut Footnotes,
) -> Cell {
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

/// A cell for `value`, or null with the footnote of `key`'s reason in `period`.
pub fn with_reason(
    period: &PeriodMetrics,
    key: &str,
    value: Option<Number>,
    unit: Unit,
    polarity: Polarity,
    place: Place,
    notes: &mut Footnotes,
) -> Cell {
    let note = match (&value, period.unavailable.reason(key)) {
        (None, Some(reason)) => Some(notes.number(&format!("{}: {reason}", period.label))),
        (None, None) => Some(notes.number(&format!("{}: not given in the input", period.label))),
        _ => None,
    };
    Cell {
        value,
        unit,
        polarity,
        place,
        note,
        bar: None,
        decimals: None,
    }
}
