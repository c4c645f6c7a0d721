//! The rows of a reconciliation table: the GAAP base, each item with its sign ("+ Interest
//! expense", "− Capital expenditure", its cell the amount it adds, so a column adds up), the
//! non-GAAP total, and the reported figure and the difference when some period reports one.
//! An n/a cell takes a note with its reason, like every n/a cell of the brief.

use crate::input::Scale;
use crate::metrics::non_gaap::{Measure, Reconciliation};
use crate::metrics::{Number, Polarity, Reason, Unit};
use crate::money::Exact;
use crate::report::cell::{Cell, Place};
use crate::report::notes::Notes;
use crate::report::tables::Row;

/// Most decimals a reconciliation shows, in the file's scale.
const MOST_DECIMALS: u32 = 2;

/// The decimals of a measure's amounts in the file's scale: as many as its most precise
/// figure has (at most [`MOST_DECIMALS`]), so 27.5 and 121 read "27.5" and "121.0" alike.
#[derive(Debug, Clone, Copy)]
pub struct Decimals(u32);

impl Decimals {
    pub fn of(measure: &Measure, scale: Scale) -> Decimals {
        let factor = scale.factor();
        let places = |amount: &Exact| (amount.0 / factor).normalize().scale();
        let most = measure
            .periods
            .iter()
            .flat_map(|p| {
                let items = p.items.iter().filter_map(|i| i.amount.as_ref());
                [&p.base, &p.total, &p.reported]
                    .into_iter()
                    .flatten()
                    .chain(items)
            })
            .map(places)
            .max()
            .unwrap_or(0);
        Decimals(most.min(MOST_DECIMALS))
    }
}

/// An entry's name as the brief writes it (`metrics::non_gaap::item_name`), an adjustment
/// marked as one.
pub fn item_name(measure: &Measure, key: &str) -> String {
    let name = measure.name_of(key);
    match key.starts_with("adjustments.") {
        true => format!("{name} (adjustment)"),
        false => name,
    }
}

/// The measure in words: "Net income + Interest expense − Capital expenditure".
pub fn definition(measure: &Measure) -> String {
    let mut words = item_name(measure, measure.base);
    for (sign, items) in [("+", &measure.add), ("−", &measure.subtract)] {
        for item in items {
            words.push_str(&format!(
                " {sign} {}",
                crate::metrics::reason::lower_first(&item_name(measure, item))
            ));
        }
    }
    words
}

/// The rows of `measure` in `periods`, in reading order.
pub fn rows(
    measure: &Measure,
    periods: &[&Reconciliation],
    decimals: Decimals,
    notes: &mut Notes,
) -> Vec<Row> {
    let mut row = |name: String, tag: Option<&str>, cell: &dyn Fn(&Reconciliation) -> Value| Row {
        name,
        cells: periods
            .iter()
            .map(|p| amount(p, cell(p), decimals, notes))
            .collect(),
        tag: tag.map(str::to_string),
        note: None,
    };
    let mut rows = vec![row(item_name(measure, measure.base), Some("GAAP"), &|p| {
        p.base.ok_or_else(|| p.reason.clone())
    })];
    let items = periods.first().map_or(0, |p| p.items.len());
    for index in 0..items {
        let item = &periods[0].items[index];
        let sign = if item.sign < 0 { "−" } else { "+" };
        rows.push(row(
            format!("{sign} {}", item_name(measure, &item.name)),
            None,
            &|p| {
                let item = &p.items[index];
                item.amount.ok_or_else(|| item.reason.clone())
            },
        ));
    }
    rows.push(row(format!("= {}", measure.name), Some("non-GAAP"), &|p| {
        p.total.ok_or_else(|| p.reason.clone())
    }));
    if periods.iter().any(|p| p.reported.is_some()) {
        let not_reported = || {
            Some(Reason::NonGaapItemNotGiven {
                item: format!("figure the company reports for {}", measure.name),
            })
        };
        rows.push(row("Reported by the company".to_string(), None, &|p| {
            p.reported.ok_or_else(not_reported)
        }));
        rows.push(row(
            "Difference, reported − reconciled".to_string(),
            None,
            &|p| {
                let why = if p.reported.is_none() {
                    not_reported()
                } else {
                    p.reason.clone()
                };
                p.difference.ok_or(why)
            },
        ));
    }
    rows
}

/// A cell's value, or why it has none.
type Value = Result<Exact, Option<Reason>>;

fn amount(period: &Reconciliation, value: Value, decimals: Decimals, notes: &mut Notes) -> Cell {
    let (value, note) = match value {
        Ok(amount) => (Some(Number::Exact(amount)), None),
        Err(reason) => {
            let reason = reason.unwrap_or(Reason::TooLarge);
            let row = "non_gaap";
            (None, Some(notes.mark(period.period, row, reason)))
        }
    };
    Cell {
        note,
        decimals: Some(decimals.0),
        ..Cell::new(value, Unit::Amount, Polarity::Neutral, Place::Table)
    }
}
