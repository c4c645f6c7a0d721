//! The cards a headline is made of, each with the change beside it. Which metrics are cards,
//! when each shows and what change it carries are the catalogue's picks (`View::Headline`).

use serde::Serialize;

use crate::metrics::catalogue::picks::{change_unit, year_on_year, HeadlineChange, Shown};
use crate::metrics::catalogue::{known, picked, Metric, View};
use crate::metrics::{Number, PeriodMetrics, Unit};
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

/// The cards of `at.period`, in the catalogue's order, each where its pick says it shows.
pub(super) fn cards(at: &At, thresholds: &Thresholds, notes: &mut Notes) -> Vec<Kpi> {
    let picked = picked(View::Headline);
    let mut kpis = Vec::new();
    for metric in &picked {
        let Some(card) = metric.picks.headline else {
            continue;
        };
        if is_shown(metric, card.shown, at.period) {
            kpis.push(card_of(metric, card.change, at, thresholds, notes));
        }
    }
    kpis
}

/// Whether a headline card is shown for `period`.
fn is_shown(metric: &Metric, shown: Shown, period: &PeriodMetrics) -> bool {
    match shown {
        Shown::Always => true,
        Shown::WhenGiven => metric.value(period).is_some(),
    }
}

/// A headline card with the change its catalogue entry asks for.
fn card_of(
    metric: &Metric,
    change: HeadlineChange,
    at: &At,
    thresholds: &Thresholds,
    notes: &mut Notes,
) -> Kpi {
    let (period, vs) = (at.period, at.vs.clone());
    let bar = thresholds.min_rule_of_40.value;
    let against_bar = change == HeadlineChange::AgainstBar;
    let (change, label) = match change {
        HeadlineChange::None => (None, None),
        HeadlineChange::Noted(key) => {
            let mut change = cell::of_metric(period, known(key), Place::Change, notes);
            // Growth is judged against the scorecard's bar: show the digit that decides it.
            change.bar = Some(thresholds.min_revenue_growth_pct.value);
            (Some(change), vs)
        }
        HeadlineChange::Metric(key) => {
            let of = known(key);
            let value = of.value(period).map(Number::as_f64);
            (Cell::change(value, of.unit, of.polarity), vs)
        }
        HeadlineChange::YearEarlier => {
            let value = at.earlier.and_then(|e| year_on_year(metric, period, e));
            let unit = change_unit(metric.unit);
            (Cell::change(value, unit, metric.polarity), vs)
        }
        HeadlineChange::AgainstBar => {
            let value = metric.value(period).map(|v| v.as_f64() - bar);
            let label = format!("vs the {} bar", crate::format::threshold(bar));
            let change = Cell::change(value, Unit::Points, metric.polarity);
            (change, Some(label))
        }
    };
    let mut card = kpi(period, metric.key, notes, change, label);
    if against_bar {
        card.value.bar = Some(bar);
        // The distance to the bar, signed as it is: -0.04 is "▼ -0.04 pts", never "● 0.0".
        if let Some(change) = card.change.as_mut() {
            change.bar = Some(0.0);
        }
    }
    card
}
