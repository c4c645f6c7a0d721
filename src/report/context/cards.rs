//! The cards a headline is made of, each with the change beside it.

use serde::Serialize;

use crate::metrics::catalogue::known;
use crate::metrics::{PeriodMetrics, Unit};
use crate::report::cell::{self, Cell, Place};
use crate::report::notes::Notes;
use crate::scorecard::Thresholds;

/// One headline card.
#[derive(Debug, Serialize)]
pub struct Kpi {
    pub name: String,
    pub value: Cell,
    pub change: Option<Cell>,
    /// What the change compares with: "vs 2024".
    pub change_label: Option<String>,
}

/// A period and what its cards compare it with.
pub(super) struct At<'p> {
    pub period: &'p PeriodMetrics,
    pub earlier: Option<&'p PeriodMetrics>,
    /// "vs 2024".
    pub vs: Option<String>,
}

/// A headline card: the metric's catalogue name and value, and a change beside it.
pub(super) fn kpi(
    period: &PeriodMetrics,
    key: &str,
    notes: &mut Notes,
    change: Option<Cell>,
    change_label: Option<String>,
) -> Kpi {
    let metric = known(key);
    let change_label = change.as_ref().and(change_label);
    Kpi {
        name: metric.name.to_string(),
        value: cell::of_metric(period, metric, Place::Card, notes),
        change,
        change_label,
    }
}

/// Revenue with its growth (judged against the scorecard's bar: the digit that decides it),
/// revenue per employee and headcount, each with its change on a year earlier.
pub(super) fn growth_cards(at: &At, thresholds: &Thresholds, notes: &mut Notes) -> Vec<Kpi> {
    let (period, earlier, vs) = (at.period, at.earlier, &at.vs);
    let growth = known("revenue_growth_yoy_pct");
    let mut revenue_change = cell::of_metric(period, growth, Place::Change, notes);
    revenue_change.bar = Some(thresholds.min_revenue_growth_pct.value);
    let mut kpis = vec![kpi(
        period,
        "revenue",
        notes,
        Some(revenue_change),
        vs.clone(),
    )];
    let per_employee_change = match (
        period.revenue_per_employee,
        earlier.and_then(|e| e.revenue_per_employee),
    ) {
        (Some(now), Some(before)) => crate::money::growth_pct(now.0, before.0),
        _ => None,
    };
    let polarity = known("revenue_per_employee").polarity;
    let change = Cell::change(per_employee_change, Unit::Growth, polarity);
    kpis.push(kpi(
        period,
        "revenue_per_employee",
        notes,
        change,
        vs.clone(),
    ));
    let headcount_change = known("headcount_change_yoy_pct");
    let change = Cell::change(
        period.headcount_change_yoy_pct,
        headcount_change.unit,
        headcount_change.polarity,
    );
    kpis.push(kpi(period, "headcount_end", notes, change, vs.clone()));
    kpis
}

/// The operating margin with its change in points, or the adjusted margin when only it is
/// given.
pub(super) fn margin_card(at: &At, notes: &mut Notes) -> Kpi {
    let period = at.period;
    let adjusted_only =
        period.operating_margin_pct.is_none() && period.adjusted_operating_margin_pct.is_some();
    if adjusted_only {
        return kpi(period, "adjusted_operating_margin_pct", notes, None, None);
    }
    let margin_change = match (
        period.operating_margin_pct,
        at.earlier.and_then(|e| e.operating_margin_pct),
    ) {
        (Some(now), Some(before)) => Some(now - before),
        _ => None,
    };
    let polarity = known("operating_margin_pct").polarity;
    let change = Cell::change(margin_change, Unit::Pp, polarity);
    kpi(period, "operating_margin_pct", notes, change, at.vs.clone())
}

/// The Rule of 40 with its distance to the bar, signed as it is: -0.04 is "▼ -0.04 pts",
/// never "● 0.0".
pub(super) fn rule_of_40_card(at: &At, bar: f64, notes: &mut Notes) -> Kpi {
    let period = at.period;
    let distance = period.rule_of_40.map(|r| r - bar);
    let change = Cell::change(distance, Unit::Points, known("rule_of_40").polarity);
    let label = Some(format!("vs the {} bar", crate::format::threshold(bar)));
    let mut rule_of_40 = kpi(period, "rule_of_40", notes, change, label);
    rule_of_40.value.bar = Some(bar);
    if let Some(change) = rule_of_40.change.as_mut() {
        change.bar = Some(0.0);
    }
    rule_of_40
}

/// The AI-exposed share of revenue, when the input gives it, with its change in points.
pub(super) fn ai_card(at: &At, notes: &mut Notes) -> Option<Kpi> {
    let period = at.period;
    let now = period.ai_exposed_pct_of_revenue?;
    let change = at
        .earlier
        .and_then(|e| e.ai_exposed_pct_of_revenue)
        .map(|before| now - before);
    let polarity = known("ai_exposed_pct_of_revenue").polarity;
    let change = Cell::change(change, Unit::Pp, polarity);
    Some(kpi(
        period,
        "ai_exposed_pct_of_revenue",
        notes,
        change,
        at.vs.clone(),
    ))
}

/// The cash-and-profitability figures, each where the input gives it: margins with their
/// change in points on a year earlier, free cash flow and runway as they are.
pub(super) fn cash_cards(at: &At, notes: &mut Notes) -> Vec<Kpi> {
    let period = at.period;
    let mut kpis = Vec::new();
    for key in [
        "gross_margin_pct",
        "ebitda_margin_pct",
        "free_cash_flow",
        "runway_months",
    ] {
        let metric = known(key);
        if metric.value(period).is_none() {
            continue;
        }
        let change = (metric.unit == Unit::Pct)
            .then(|| {
                let before = at.earlier.and_then(|e| metric.value(e))?;
                Some(metric.value(period)?.as_f64() - before.as_f64())
            })
            .flatten();
        let change = Cell::change(change, Unit::Pp, metric.polarity);
        let label = change.as_ref().and(at.vs.clone());
        kpis.push(kpi(period, key, notes, change, label));
    }
    kpis
}
