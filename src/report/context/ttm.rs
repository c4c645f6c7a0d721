//! The headline cards of the trailing twelve months to the latest quarter.

use super::cards::Kpi;
use crate::metrics::catalogue::known;
use crate::metrics::{Metrics, Number, PeriodMetrics};
use crate::report::cell::{Cell, Place};

/// The cards of the twelve months to `quarter`, when it is the latest and the input has the
/// three before it: revenue, operating income and margin, each named "(TTM)". None when the
/// twelve months are a fiscal year the brief shows anyway (the latest quarter is a Q4).
pub fn trailing_twelve_months(metrics: &Metrics, quarter: &PeriodMetrics) -> Vec<Kpi> {
    let is_a_year_shown = |t: &&crate::metrics::TrailingTwelveMonths| {
        t.from.index == 1
            && metrics
                .period(crate::period::PeriodLabel::year(t.to.year))
                .is_some()
    };
    let Some(ttm) = metrics
        .trailing_twelve_months
        .as_ref()
        .filter(|t| t.to == quarter.label && !is_a_year_shown(t))
    else {
        return Vec::new();
    };
    let figures = [
        ("revenue", Some(Number::Exact(ttm.revenue))),
        ("operating_income", ttm.operating_income.map(Number::Exact)),
        (
            "operating_margin_pct",
            ttm.operating_margin_pct.map(Number::Float),
        ),
    ];
    figures
        .into_iter()
        .filter_map(|(key, value)| {
            let metric = known(key);
            Some(Kpi {
                name: format!("{}, trailing twelve months (TTM)", metric.name),
                value: Cell::new(Some(value?), metric.unit, metric.polarity, Place::Card),
                change: None,
                change_label: None,
            })
        })
        .collect()
}
