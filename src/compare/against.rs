//! `compare INPUT --periods 2025-Q3 --against budget`: each chosen period's budget and actual
//! figures side by side, the variance (actual − budget, and that over the budget's size in %)
//! as the change, good or bad by the metric's polarity: favourable or unfavourable. The rows
//! are the period's variance table (`metrics::plan_actual`), a group per period; every compare
//! output draws them as any comparison.

use super::change::Basis;
use super::rows::{self, Spec, Value};
use super::{Comparison, Mode, Source};
use crate::format;
use crate::metrics::catalogue::{self, LINE_CATALOGUE};
use crate::metrics::plan_actual::PeriodPlanActual;
use crate::metrics::{Generator, Metrics};

/// What a period's actual figures are set against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    Budget,
}

/// The comparison of each of `plans` (periods of `metrics` with a budget) with its budget.
pub fn build(metrics: &Metrics, plans: &[&PeriodPlanActual], as_of: Option<String>) -> Comparison {
    let pairs: Vec<[Source; 2]> = plans
        .iter()
        .filter_map(|plan| {
            let budget = plan.budget_metrics.as_deref()?;
            let actual = metrics.period(plan.label)?;
            Some([budget, actual].map(|period| Source { metrics, period }))
        })
        .collect();
    let every = pairs.iter().flat_map(|pair| pair.iter().map(|s| s.period));
    let decimals = crate::metrics::amount_decimals(every, metrics.company.scale);
    let columns: Vec<super::Column> = pairs
        .first()
        .into_iter()
        .flatten()
        .zip(["Budget", "Actual"])
        .map(|(source, heading)| super::Column {
            heading: heading.to_string(),
            amount_decimals: decimals,
            ..super::column(Mode::Budget, source, metrics.company.scale)
        })
        .collect();
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    for (plan, pair) in plans.iter().zip(&pairs) {
        for variance in &plan.variances {
            let Some(spec) = spec(&variance.key, variance.unit, variance.polarity) else {
                continue;
            };
            let mut row = rows::build_row(&spec, pair, &columns, &mut notes, Basis::FirstSize);
            row.group = plan.label.to_string();
            rows.push(row);
        }
    }
    let notes = super::renumber(&mut rows, &notes);
    let labels: Vec<String> = plans.iter().map(|p| p.label.to_string()).collect();
    Comparison {
        title: format!(
            "{}: {}, actual against budget",
            metrics.company.name,
            labels.join(", ")
        ),
        mode: Mode::Budget,
        amounts_note: super::amounts_note(&columns),
        columns,
        rows,
        empty_rows: Vec::new(),
        currency_note: None,
        fiscal_year_note: None,
        period_note: None,
        notes,
        as_of,
        generator: Generator::default(),
    }
}

/// A variance row's spec: a catalogue metric, or a cost line's amount (`cost_lines.<name>`).
fn spec(key: &str, unit: super::Unit, polarity: super::Polarity) -> Option<Spec> {
    let (name, value) = match key.strip_prefix("cost_lines.") {
        Some(line) => {
            let amount = LINE_CATALOGUE.iter().find(|m| m.key == "amount")?;
            let name = format!("{}{}", format::line_name(line), amount.suffix);
            (name, Value::CostLine(line.to_string(), amount))
        }
        None => {
            let metric = catalogue::metric(key)?;
            (metric.name.to_string(), Value::Metric(metric))
        }
    };
    Some(Spec {
        key: key.to_string(),
        name,
        group: "",
        unit,
        polarity,
        tag: None,
        value,
    })
}

#[path = "against_select.rs"]
mod select;
pub use select::choose;

#[cfg(test)]
#[path = "against_tests.rs"]
mod tests;
