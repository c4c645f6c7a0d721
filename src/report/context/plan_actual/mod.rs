//! The Plan and guidance section: each period's actual figures against its budget (the
//! variance tables), its guidance (below, within or above the range) and how close budgets and
//! guidance came over the last 4 and 8 periods of each kind, as typed cells the brief model
//! presents once. An n/a cell carries the note of its reason, in the plan's words.

mod accuracy;
mod budget;
mod guidance;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

pub use accuracy::AccuracyRow;
pub use budget::{BudgetTable, Unbudgeted, VarianceRow};
pub use guidance::GuidanceRow;

use super::ChartView;
use crate::input::Scale;
use crate::metrics::plan_actual::{PeriodPlanActual, PlanActual, WINDOWS};
use crate::metrics::{Number, Polarity, Unit};
use crate::period::PeriodKind;
use crate::report::cell::{Cell, Place};
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
}

/// The section of `plan`, none without a budget or guidance; amounts in `scale`.
pub fn build(
    plan: &PlanActual,
    scale: Scale,
    chart: Option<ChartView>,
    notes: &mut Notes,
) -> Option<PlanActualSection> {
    if plan.is_empty() {
        return None;
    }
    let (periods, window_note) = shown(plan);
    let decimals = amount_decimals(&periods, scale);
    let budgets = periods
        .iter()
        .filter(|p| p.has_budget)
        .map(|p| budget::table(p, decimals, notes))
        .collect();
    Some(PlanActualSection {
        budgets,
        unbudgeted: budget::unbudgeted(&periods, notes),
        guidance: periods
            .iter()
            .flat_map(|p| guidance::rows(p, decimals, notes))
            .collect(),
        accuracy: plan.accuracy.iter().map(|a| accuracy::row(a, notes)).collect(),
        window_note,
        chart,
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

/// The latest periods of each kind, as many as the longest accuracy window, and a sentence
/// when some are left out.
fn shown(plan: &PlanActual) -> (Vec<&PeriodPlanActual>, Option<String>) {
    let most = WINDOWS[WINDOWS.len() - 1];
    let mut counts = BTreeMap::new();
    for period in &plan.periods {
        *counts.entry(period.kind.plural()).or_insert(0) += 1;
    }
    let count = |kind: PeriodKind| counts.get(kind.plural()).copied().unwrap_or(0);
    let mut seen = BTreeMap::new();
    let shown = plan.periods.iter().filter(|p| {
        let index = seen.entry(p.kind.plural()).or_insert(0);
        *index += 1;
        *index + most > count(p.kind)
    });
    let shown = shown.collect();
    let left_out: Vec<String> = [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
        .into_iter()
        .filter(|kind| count(*kind) > most)
        .map(|kind| format!("{most} of {} {}", count(kind), kind.plural()))
        .collect();
    let note = (!left_out.is_empty()).then(|| {
        format!(
            "Showing the latest {} with a budget or guidance; every period is in metrics.json.",
            left_out.join(" and ")
        )
    });
    (shown, note)
}

/// Decimals of the amounts in the company's scale: none when every amount shown is whole in it.
fn amount_decimals(periods: &[&PeriodPlanActual], scale: Scale) -> u32 {
    let exact = |n: &Option<Number>| match n {
        Some(Number::Exact(e)) => Some(e.0),
        _ => None,
    };
    let variances = periods.iter().flat_map(|p| p.variances.iter());
    let amounts = variances
        .filter(|v| v.unit == Unit::Amount)
        .flat_map(|v| [exact(&v.actual), exact(&Some(v.budget))]);
    let guided = periods.iter().flat_map(|p| p.guidance.iter());
    let guided = guided
        .filter(|g| g.money)
        .flat_map(|g| [Some(g.low.0), Some(g.high.0), g.actual.map(|a| a.0)]);
    let whole = |d: Decimal| (d / scale.factor()).fract().is_zero();
    u32::from(!amounts.chain(guided).flatten().all(whole))
}

/// A cell of the section, without its note (the caller marks an n/a cell with its reason).
fn cell(value: Option<Number>, unit: Unit, polarity: Polarity, place: Place) -> Cell {
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

/// The first reason `unavailable` gives of `keys`, in words.
fn reason(unavailable: &BTreeMap<String, String>, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|key| unavailable.get(*key))
        .cloned()
        .unwrap_or_else(|| "not given in the input".to_string())
}
