//! Thresholds on the company's own KPIs (`[[readiness.kpi]] key = "transaction_margin",
//! min = 0`): a criterion per threshold, judged on the latest period the input covers (its
//! latest fiscal year, else its latest quarter); when that period has no value of the KPI the
//! criterion is a watch naming it, never a pass on an older period. Money thresholds are in the
//! company's scale, like the figures; money per unit (revenue per customer) in full currency.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::latest::latest_with;
use super::verdict::{pass_if, Verdict};
use super::Criterion;
use crate::format::{self, Measure};
use crate::input::{KpiThreshold, KpiUnit};
use crate::metrics::{kpi, Metrics};

/// How a KPI and its thresholds read: the KPI's unit as the brief shows it (money in the
/// company's scale, like the thresholds).
pub fn measure<'a>(unit: KpiUnit, metrics: &'a Metrics) -> Measure<'a> {
    match unit {
        KpiUnit::Money => Measure::Money {
            suffix: metrics.company.scale.suffix(),
            currency: &metrics.company.currency,
        },
        // Money per customer, per person: full currency units, as its thresholds are written.
        KpiUnit::MoneyPerUnit => Measure::Money {
            suffix: "",
            currency: &metrics.company.currency,
        },
        KpiUnit::Pct => Measure::Pct,
        KpiUnit::Ratio => Measure::Ratio,
        KpiUnit::People | KpiUnit::Number => Measure::Count,
    }
}

/// A KPI's value in the unit its threshold is written in: money in the company's scale.
pub fn in_threshold_unit(unit: KpiUnit, value: f64, metrics: &Metrics) -> f64 {
    match unit {
        KpiUnit::Money => value / metrics.company.scale.factor().to_f64().unwrap_or(1.0),
        _ => value,
    }
}

/// The criterion of one threshold; none when no KPI has the key (the input check refuses that).
pub(super) fn criterion(metrics: &Metrics, threshold: &KpiThreshold) -> Option<Criterion> {
    let definition = metrics.kpis.iter().find(|k| k.key == threshold.key)?;
    let measure = measure(definition.unit, metrics);
    let (min, max) = (
        threshold.min.and_then(|m| m.to_f64()),
        threshold.max.and_then(|m| m.to_f64()),
    );
    // The threshold as written; the figure with the digits that decide it against it.
    let bar = |value: Decimal| format::bar(value, measure);
    let threshold_text = match (threshold.min, threshold.max) {
        (Some(min), Some(max)) => format!("between {} and {}", bar(min), bar(max)),
        (Some(min), None) => format!(">= {}", bar(min)),
        (None, Some(max)) => format!("<= {}", bar(max)),
        (None, None) => "none".to_string(),
    };
    let words = |value: f64| format::judged(value, measure, min, max);
    let id = format!("kpi.{}", definition.key);
    let name = format!("{} (company KPI)", definition.name);
    // The latest period of the series the KPI has values in (fiscal years, else quarters).
    let with_value = latest_with(metrics, |p| kpi::value(definition, p));
    let latest =
        with_value.and_then(|(p, _)| metrics.periods.iter().rev().find(|q| q.kind == p.kind));
    let verdict = match (with_value, latest) {
        // The latest period lacks the value: a watch naming it, never a pass on an older one.
        (Some((older, _)), Some(period)) if older.label != period.label => Verdict {
            period: Some(period.label),
            ..Verdict::not_available(
                threshold_text,
                format!(
                    "{} has no value of {} ({}); the threshold is not judged on {} or another \
                     older period.",
                    period.label,
                    definition.name,
                    period
                        .unavailable
                        .reason(&kpi::reason_key(definition))
                        .unwrap_or_else(|| "its figures are missing".to_string()),
                    older.label
                ),
            )
        },
        (None, _) => Verdict::not_available(
            threshold_text,
            format!(
                "No period has a value of {}: {}.",
                definition.name,
                metrics
                    .periods
                    .last()
                    .and_then(|p| p.unavailable.reason(&kpi::reason_key(definition)))
                    .unwrap_or_else(|| "its figures are missing".to_string())
            ),
        ),
        (Some((period, value)), _) => {
            let value = in_threshold_unit(definition.unit, value.as_f64(), metrics);
            let pass = min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m);
            Verdict {
                status: pass_if(pass),
                figure: words(value),
                why: format!(
                    "In {} {} was {}, {} the threshold of {}.",
                    period.label,
                    definition.name,
                    words(value),
                    if pass { "within" } else { "outside" },
                    threshold_text
                ),
                threshold: threshold_text,
                period: Some(period.label),
                value: Some(value),
            }
            .unless_warned(metrics, &[period])
            .unless_kpi_warned(metrics, &definition.key, period)
        }
    };
    Some(verdict.named(&id, &name))
}
