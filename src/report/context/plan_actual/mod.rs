//! The Plan and guidance section: each period's actual figures against its budget (the
//! variance tables), its guidance (below, within or above the range) and how close budgets and
//! guidance came over the last 4 and 8 periods of each kind, as typed cells the brief model
//! presents once. An n/a cell carries the note of its reason, in the plan's words.

mod accuracy;
mod budget;
mod guidance;
mod shown;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

pub use accuracy::AccuracyRow;
pub use budget::{BudgetTable, Unbudgeted, VarianceRow};
pub use guidance::GuidanceRow;

use super::ChartView;
use crate::input::Scale;
use crate::metrics::plan_actual::{PeriodPlanActual, PlanActual};
use crate::metrics::{Number, PeriodMetrics, Polarity, Unit};
use crate::report::cell::{self, Cell, Place};
use crate::report::notes::{Notes, Numbering};

/// The section, when the input gives a budget or guidance.
#[derive(Debug, Serialize)]
pub struct PlanActualSection {
    /// One table per period with a budget, in time order.
    pub budgets: Vec<BudgetTable>,
    /// The periods shown with guidance but no budget, when there are some.
    pub unbudgeted: Option<Unbudgeted>,
    /// Each guided figure of each period, in time order.
    pub guidance: Vec<GuidanceRow>,
    /// Each kind of period over the last 4 and the last 8.
    pub accuracy: Vec<AccuracyRow>,
    /// "Showing the latest 8 of 12 quarters ...", when the input has more than are shown.
    pub window_note: Option<String>,
    /// Actual revenue against the guidance ranges and the budget.
    pub chart: Option<ChartView>,
    /// The name of the company's guided top line mid-sentence, when its guidance is judged as
    /// revenue's ("product revenue").
    pub top_line: Option<String>,
}

/// The section of `plan`, none without a budget or guidance; amounts in `scale`.
pub fn build(
    plan: &PlanActual,
    actuals: &[PeriodMetrics],
    scale: Scale,
    chart: Option<ChartView>,
    notes: &mut Notes,
) -> Option<PlanActualSection> {
    if plan.is_empty() {
        return None;
    }
    let (periods, window_note) = shown::periods(plan);
    let decimals = shown::amount_decimals(&periods, scale);
    let actual_of = |p: &PeriodPlanActual| actuals.iter().find(|a| a.label == p.label);
    let budgets = periods
        .iter()
        .filter(|p| p.has_budget)
        .map(|p| budget::table(p, actual_of(p), decimals, notes))
        .collect();
    Some(PlanActualSection {
        budgets,
        unbudgeted: budget::unbudgeted(&periods, notes),
        guidance: periods
            .iter()
            .flat_map(|p| guidance::rows(p, actual_of(p), decimals, notes))
            .collect(),
        accuracy: plan
            .accuracy
            .iter()
            .map(|a| accuracy::row(a, notes))
            .collect(),
        window_note,
        chart,
        top_line: (plan.accuracy.iter())
            .find_map(|a| a.guided_top_line.as_deref())
            .map(crate::metrics::reason::lower_first),
    })
}

impl PlanActualSection {
    /// Every cell, for the brief model to present.
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> {
        let budgets = self.budgets.iter_mut().flat_map(|t| t.rows.iter_mut());
        let variances = budgets.flat_map(|r| r.cells_mut());
        let guidance = self.guidance.iter_mut().flat_map(|g| g.cells_mut());
        let accuracy = self.accuracy.iter_mut().flat_map(|a| a.cells_mut());
        variances.chain(guidance).chain(accuracy)
    }

    /// Numbers the notes of n/a cells in reading order: the variance tables (a row whose n/a
    /// cells share one reason carries the mark beside its name), the periods without a
    /// budget, the guidance record, then the accuracy.
    pub fn number(&mut self, numbering: &mut Numbering) {
        for row in self.budgets.iter_mut().flat_map(|t| t.rows.iter_mut()) {
            let cells = [
                &mut row.actual.note,
                &mut row.budget.note,
                &mut row.variance.note,
                &mut row.variance_pct.note,
            ];
            numbering.row(&mut row.note, cells.into());
        }
        if let Some(unbudgeted) = self.unbudgeted.as_mut() {
            numbering.note(&mut unbudgeted.note);
        }
        let rest = self.guidance.iter_mut().flat_map(|g| g.cells_mut());
        let rest = rest.chain(self.accuracy.iter_mut().flat_map(|a| a.cells_mut()));
        rest.for_each(|cell| numbering.note(&mut cell.note));
    }
}

/// A cell of the section, without its note (the caller marks an n/a cell with its reason).
fn cell(value: Option<Number>, unit: Unit, polarity: Polarity, place: Place) -> Cell {
    Cell::new(value, unit, polarity, place)
}

/// The note of an actual figure `key` that `period` does not give: its reason as the brief's
/// tables give it (so one note serves both), or the plan's words without the period's metrics.
fn actual_note(
    period: &PeriodPlanActual,
    actual: Option<&PeriodMetrics>,
    key: &str,
    unavailable: &BTreeMap<String, String>,
    notes: &mut Notes,
) -> Option<usize> {
    match actual {
        Some(actual) => {
            let (unit, polarity) = (Unit::Amount, Polarity::UpGood);
            cell::with_reason(actual, key, None, unit, polarity, Place::Table, notes).note
        }
        None => Some(notes.said_of(period.label, reason(unavailable, &["actual"]))),
    }
}

/// The first reason `unavailable` gives of `keys`, in words.
fn reason(unavailable: &BTreeMap<String, String>, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|key| unavailable.get(*key))
        .cloned()
        .unwrap_or_else(|| "not given in the input".to_string())
}
