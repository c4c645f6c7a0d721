//! The rows of a comparison: every headline metric (in the brief's order and with its
//! polarity), every cost line, as an amount and as a share of revenue, the companies' KPIs and
//! their non-GAAP measures (`rows_non_gaap.rs`).

use super::change;
use super::{Cell, Column, Number, Polarity, Row, Source, Unit};
use crate::format;
use crate::metrics::catalogue::{LineMetric, Metric};
use crate::metrics::{CATALOGUE, LINE_CATALOGUE};

/// Where a row's values come from.
pub enum Value {
    Metric(&'static Metric),
    CostLine(String, &'static LineMetric),
    /// A company KPI by its key.
    Kpi(String),
    /// A line of a non-GAAP reconciliation: the base's key or the measure's.
    NonGaap(super::rows_non_gaap::Line, String),
}

impl Spec {
    /// Whether the row's values are computed rather than read from the input.
    pub fn derived(&self) -> bool {
        match self.value {
            Value::Metric(metric) => !metric.formula.is_input(),
            Value::NonGaap(line, _) => line == super::rows_non_gaap::Line::Total,
            _ => false,
        }
    }
}

/// What a row shows, before its values are looked up.
pub struct Spec {
    pub key: String,
    pub name: String,
    pub group: &'static str,
    pub unit: Unit,
    pub polarity: Polarity,
    pub tag: Option<&'static str>,
    pub value: Value,
}

/// The cost-line metrics compare shows: each line's amount and its share of revenue.
const LINE_ROWS: [&str; 2] = ["amount", "pct_of_revenue"];

/// Every row: the catalogue's metrics first, then each cost line of any column (first seen
/// first).
pub fn specs(sources: &[Source]) -> Vec<Spec> {
    let mut specs: Vec<Spec> = CATALOGUE
        .iter()
        .map(|metric| Spec {
            key: metric.key.to_string(),
            name: metric.name.to_string(),
            group: "Headline",
            unit: metric.unit,
            polarity: metric.polarity,
            tag: None,
            value: Value::Metric(metric),
        })
        .collect();
    let mut lines: Vec<(&str, bool)> = Vec::new();
    for source in sources {
        for name in source.metrics.cost_line_names() {
            if !lines.iter().any(|(n, _)| *n == name) {
                let exposed = source.metrics.company.ai_exposed.iter().any(|n| n == name);
                lines.push((name, exposed));
            }
        }
    }
    for (name, exposed) in lines {
        let tag = exposed.then_some("AI-exposed");
        for metric in LINE_CATALOGUE.iter().filter(|l| LINE_ROWS.contains(&l.key)) {
            specs.push(Spec {
                key: match metric.key {
                    "amount" => format!("cost_lines.{name}"),
                    key => format!("cost_lines.{name}.{key}"),
                },
                name: format!("{}{}", format::line_name(name), metric.suffix),
                group: "Cost lines",
                unit: metric.unit,
                polarity: metric.polarity,
                tag,
                value: Value::CostLine(name.to_string(), metric),
            });
        }
    }
    // The companies' own KPIs, first seen first; peers that define the same key share a row.
    let mut kpis: Vec<&crate::input::Kpi> = Vec::new();
    for source in sources {
        for kpi in &source.metrics.kpis {
            if !kpis.iter().any(|k| k.key == kpi.key) {
                kpis.push(kpi);
            }
        }
    }
    for kpi in kpis {
        specs.push(Spec {
            key: crate::metrics::kpi::reason_key(kpi),
            name: kpi.name.clone(),
            group: "Company KPIs",
            unit: crate::metrics::kpi::unit(kpi),
            polarity: crate::metrics::kpi::polarity(kpi),
            tag: None,
            value: Value::Kpi(kpi.key.clone()),
        });
    }
    let measured = super::rows_non_gaap::specs(sources).into_iter();
    specs.extend(measured.map(|row| Spec {
        key: row.key,
        name: row.name,
        group: super::rows_non_gaap::GROUP,
        unit: Unit::Amount,
        polarity: row.polarity,
        tag: None,
        value: Value::NonGaap(row.line, row.of),
    }));
    specs
}

const NO_SUCH_LINE: &str = "the input has no such cost line in this period";

/// A row's value in one period, or why there is none.
fn lookup(spec: &Spec, source: &Source) -> Result<Number, String> {
    let period = source.period;
    let found = match &spec.value {
        Value::Metric(metric) => metric.value(period),
        Value::CostLine(name, metric) => period.cost_lines.get(name).and_then(metric.get),
        Value::Kpi(key) => period
            .kpis
            .get(key)
            .copied()
            .flatten()
            .map(|exact| match spec.unit {
                Unit::Amount | Unit::People => Number::Exact(exact),
                _ => Number::Float(format::to_f64(exact.0)),
            }),
        Value::NonGaap(line, key) => return super::rows_non_gaap::value(*line, key, source),
    };
    found.ok_or_else(|| {
        let reason = period.unavailable.reason(&spec.key);
        match (&spec.value, reason) {
            (_, Some(reason)) => reason,
            // One note for every missing line of a column: peers list different lines.
            (Value::CostLine(..), None) => NO_SUCH_LINE.to_string(),
            (Value::Kpi(_), None) => "the company defines no such KPI".to_string(),
            (Value::Metric(_) | Value::NonGaap(..), None) => {
                "not in the input for this period".to_string()
            }
        }
    })
}

/// Looks the row's values up in every column and compares each column with the first, a
/// percent change over `basis`.
pub fn build_row(
    spec: &Spec,
    sources: &[Source],
    columns: &[Column],
    notes: &mut Vec<String>,
    basis: change::Basis,
) -> Row {
    let values: Vec<Result<Number, String>> = sources.iter().map(|s| lookup(spec, s)).collect();
    let cells = values
        .iter()
        .zip(columns)
        .map(|(value, column)| match value {
            Ok(number) => Cell {
                value: Some(*number),
                text: text(spec.unit, *number, column, spec.derived()),
                note: None,
            },
            Err(reason) => {
                let note = if reason == NO_SUCH_LINE {
                    format!("{}: {reason}", column.heading)
                } else {
                    format!("{}, {}: {reason}", column.heading, spec.name)
                };
                notes.push(note);
                Cell {
                    value: None,
                    text: format::NOT_AVAILABLE.to_string(),
                    note: Some(notes.len()),
                }
            }
        })
        .collect::<Vec<_>>();
    let changes = match (values.first(), columns.first()) {
        (Some(base), Some(base_column)) => values
            .iter()
            .zip(columns)
            .enumerate()
            .skip(1)
            .map(|(index, (value, column))| {
                change::compare(
                    change::Pair {
                        basis,
                        unit: spec.unit,
                        polarity: spec.polarity,
                        base: base.as_ref().ok().copied(),
                        base_column,
                        other: value.as_ref().ok().copied(),
                        other_column: column,
                    },
                    index,
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    Row {
        key: spec.key.clone(),
        name: spec.name.clone(),
        group: spec.group.to_string(),
        unit: spec.unit,
        polarity: spec.polarity,
        tag: spec.tag,
        cells,
        changes,
    }
}

/// A value as it reads in the table: as the brief's tables read it ([`format::text`]). A
/// computed amount takes the column's precision (AI savings to the cent read "173" among whole
/// millions); one the user typed keeps its digits.
pub fn text(unit: Unit, number: Number, column: &Column, derived: bool) -> String {
    let frame = format::Frame {
        currency: &column.currency,
        scale: column.scale.factor(),
        amount_decimals: if derived { column.amount_decimals } else { 1 },
    };
    let place = format::Place::Table;
    format::text(unit, place, number.into(), &frame, format::Judge::NONE).text
}
