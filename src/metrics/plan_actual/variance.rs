//! The variance table of one period: actual against budget for each budgeted figure, each
//! catalogue metric computed from the budget, and each budgeted cost line.

use super::super::catalogue::{Number, Unit, CATALOGUE, LINE_CATALOGUE};
use super::super::PeriodMetrics;
use super::variance_row::{row, Variance};
use crate::input::plan_actual::Budget;
use crate::input::{Field, FIGURES};

/// The rows of one period: catalogue metrics with a budget value (only budgeted figures as
/// given when the budget has no revenue), growth rates left out (a budget has no history),
/// then the budgeted cost lines.
pub fn table(actual: &PeriodMetrics, planned: &PeriodMetrics, budget: &Budget) -> Vec<Variance> {
    // Without a budgeted revenue, only the figures budgeted as given are compared.
    let given: Vec<&str> = FIGURES
        .iter()
        .filter(|f| f.field != Field::Revenue && f.field.get(&budget.period).is_some())
        .map(|f| f.column)
        .collect();
    let metrics = CATALOGUE.iter().filter(|m| {
        let comparable = !matches!(m.unit, Unit::Growth | Unit::Pp);
        comparable && (budget.revenue_given || given.contains(&m.key))
    });
    let mut rows: Vec<Variance> = metrics
        .filter_map(|m| {
            let planned_value = m.value(planned)?;
            let words = m.name.to_string();
            let key = m.key.to_string();
            Some(row(
                key,
                words,
                m.unit,
                m.polarity,
                m.value(actual),
                planned_value,
            ))
        })
        .collect();
    let amount = &LINE_CATALOGUE[0];
    for (line, planned_line) in &planned.cost_lines {
        let actual_line = actual.cost_lines.get(line).and_then(|l| (amount.get)(l));
        let budget_line = Number::Exact(planned_line.amount);
        let key = format!("cost_lines.{line}");
        rows.push(row(
            key,
            line.clone(),
            amount.unit,
            amount.polarity,
            actual_line,
            budget_line,
        ));
    }
    rows
}
