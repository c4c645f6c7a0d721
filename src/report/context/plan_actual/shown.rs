//! What the section shows: the latest periods of each kind (a brief is read; every period is in
//! metrics.json), and how many decimals their amounts take in the company's scale.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::input::Scale;
use crate::metrics::plan_actual::{PeriodPlanActual, PlanActual, WINDOWS};
use crate::metrics::{Number, Unit};
use crate::period::PeriodKind;

/// The latest periods of each kind, as many as the longest accuracy window, and a sentence
/// when some are left out.
pub fn periods(plan: &PlanActual) -> (Vec<&PeriodPlanActual>, Option<String>) {
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
pub fn amount_decimals(periods: &[&PeriodPlanActual], scale: Scale) -> u32 {
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
