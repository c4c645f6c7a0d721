//! The periods a criterion judges: the latest with a value, a year-earlier pair, and why a
//! value is missing.

use crate::format;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::{PeriodKind, PeriodLabel};

/// The latest fiscal year with a value, else the latest quarter with one.
pub(super) fn latest_with<T>(
    metrics: &Metrics,
    value: impl Fn(&PeriodMetrics) -> Option<T>,
) -> Option<(&PeriodMetrics, T)> {
    [PeriodKind::Year, PeriodKind::Quarter]
        .into_iter()
        .find_map(|kind| {
            metrics
                .periods
                .iter()
                .rev()
                .filter(|p| p.kind == kind)
                .find_map(|p| Some((p, value(p)?)))
        })
}

/// The latest period of `kind` with a value whose same period a year earlier also has one:
/// `((earlier label, earlier value), (later label, later value))`. A year to date is paired
/// with no full year.
#[allow(clippy::type_complexity)]
pub(super) fn latest_pair<T>(
    metrics: &Metrics,
    kind: PeriodKind,
    value: impl Fn(&PeriodMetrics) -> Option<T>,
) -> Option<((PeriodLabel, T), (PeriodLabel, T))> {
    metrics
        .periods
        .iter()
        .rev()
        .filter(|p| p.kind == kind)
        .find_map(|p| {
            let before = metrics.year_earlier(p)?;
            Some(((before.label, value(before)?), (p.label, value(p)?)))
        })
}

/// What a criterion's figure reads when `key` has no value in the period it would have used:
/// "n/m" when the value is not meaningful there (growth from zero or below), else "n/a".
pub(super) fn missing_figure(metrics: &Metrics, key: &str) -> String {
    let not_meaningful = reason_period(metrics)
        .and_then(|p| p.unavailable.get(key))
        .is_some_and(|reason| reason.not_meaningful());
    match not_meaningful {
        true => format::NOT_MEANINGFUL.to_string(),
        false => "n/a".to_string(),
    }
}

/// The period whose reasons a criterion without a value gives: the latest year, else the
/// latest quarter, else the latest period.
pub(super) fn reason_period(metrics: &Metrics) -> Option<&PeriodMetrics> {
    let latest_of = |kind: PeriodKind| metrics.periods.iter().rev().find(|p| p.kind == kind);
    latest_of(PeriodKind::Year)
        .or_else(|| latest_of(PeriodKind::Quarter))
        .or_else(|| metrics.periods.last())
}

/// Why `key` is missing in the period a criterion would have used: the latest year, else the
/// latest quarter, else the latest period.
pub(super) fn missing_reason(metrics: &Metrics, key: &str) -> String {
    match reason_period(metrics) {
        None => "no periods in the input".to_string(),
        Some(p) => format!(
            "{}: {}",
            p.label,
            p.unavailable
                .reason(key)
                .unwrap_or_else(|| "not computable".to_string())
        ),
    }
}

/// The periods of `labels` that the metrics have.
pub(super) fn periods<'a>(metrics: &'a Metrics, labels: &[PeriodLabel]) -> Vec<&'a PeriodMetrics> {
    labels.iter().filter_map(|l| metrics.period(*l)).collect()
}
