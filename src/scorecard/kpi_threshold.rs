//! Thresholds on the company's own KPIs (`[[readiness.kpi]] key = "transaction_margin",
//! min = 0`): a criterion per threshold, judged on the latest period the input covers (its
//! latest fiscal year, else its latest quarter); when that period has no value of the KPI the
//! criterion is a watch naming it, never a pass on an older period. Money thresholds are in the
//! company's scale, like the figures; money per unit (revenue per customer) in full currency.

use rust_decimal::prelude::ToPrimitive;

use super::{latest_with, number, pass_if, Criterion, Verdict};
use crate::input::{KpiThreshold, KpiUnit};
use crate::metrics::{kpi, Metrics};

/// The criterion of one threshold; none when no KPI has the key (the input check refuses that).
pub(super) fn criterion(metrics: &Metrics, threshold: &KpiThreshold) -> Option<Criterion> {
    let definition = metrics.kpis.iter().find(|k| k.key == threshold.key)?;
    let scale = metrics.company.scale;
    // A KPI's value in the unit its threshold is written in.
    let shown = |value: f64| match definition.unit {
        KpiUnit::Money => value / scale.factor().to_f64().unwrap_or(1.0),
        _ => value,
    };
    let words = |value: f64| match definition.unit {
        KpiUnit::Money => crate::format::money_in_scale(
            rust_decimal::Decimal::from_f64_retain(value)
                .unwrap_or_default()
                .round_dp(1),
            scale.suffix(),
            &metrics.company.currency,
        ),
        KpiUnit::MoneyPerUnit => crate::format::money_precise(value, &metrics.company.currency),
        KpiUnit::Pct => crate::format::pct(value, false),
        _ => number(value),
    };
    let (min, max) = (
        threshold.min.and_then(|m| m.to_f64()),
        threshold.max.and_then(|m| m.to_f64()),
    );
    let threshold_text = match (min, max) {
        (Some(min), Some(max)) => format!("between {} and {}", words(min), words(max)),
        (Some(min), None) => format!(">= {}", words(min)),
        (None, Some(max)) => format!("<= {}", words(max)),
        (None, None) => "none".to_string(),
    };
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
            let value = shown(value.as_f64());
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
