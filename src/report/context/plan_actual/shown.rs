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

#[cfg(test)]
mod tests {
    /// Ten quarters of guidance: the latest eight are shown, and a sentence says so.
    #[test]
    fn a_long_history_shows_its_latest_8_quarters() {
        let quarter = |n: u32| {
            let label = format!("{}-Q{}", 2023 + (n - 1) / 4, (n - 1) % 4 + 1);
            format!("[[period]]\nlabel = \"{label}\"\nrevenue = 100\n[period.guidance]\nrevenue = 100\n")
        };
        let periods: String = (1..=10).map(quarter).collect();
        let text = format!("[company]\nname = \"Long\"\ncurrency = \"EUR\"\n\n{periods}");
        let input = crate::input::from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
        let plan = crate::metrics::compute(&input).plan_actual;
        let (shown, note) = super::periods(&plan);
        assert_eq!(shown.len(), 8);
        assert_eq!(shown[0].label.to_string(), "2023-Q3");
        let note = note.expect("a sentence");
        assert_eq!(note, "Showing the latest 8 of 10 quarters with a budget or guidance; every period is in metrics.json.");
    }
}
