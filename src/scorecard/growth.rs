//! Criteria 1 and 5: revenue growth against its bar, and operating expenses against revenue.

use super::latest::{latest_with, missing_figure, missing_reason};
use super::verdict::{pass_if, Verdict};
use super::words::number;
use super::{Criterion, Thresholds};
use crate::format;
use crate::metrics::Metrics;

/// Criterion 1: Year-over-year revenue growth at or above the bar.
pub(super) fn revenue_growth(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let min = thresholds.min_revenue_growth_pct.value;
    let threshold = format!(">= {}%", number(min));
    let verdict = match latest_with(metrics, |p| p.revenue_growth_yoy_pct) {
        None => Verdict {
            figure: missing_figure(metrics, "revenue_growth_yoy_pct"),
            ..Verdict::not_available(
                threshold,
                format!(
                    "No year-over-year revenue growth: {}.",
                    missing_reason(metrics, "revenue_growth_yoy_pct")
                ),
            )
        },
        Some((period, growth)) => Verdict {
            status: pass_if(growth >= min),
            figure: format::judged(growth, format::Measure::Pct, Some(min), None),
            why: format!(
                "Revenue grew {} in {} over {}, {} the {}% bar.",
                format::judged(growth, format::Measure::Pct, Some(min), None),
                period.label,
                period.label.year_earlier(),
                if growth >= min {
                    "at or above"
                } else {
                    "below"
                },
                number(min)
            ),
            threshold,
            period: Some(period.label),
            value: Some(growth),
        }
        .unless_warned(metrics, &[period]),
    };
    verdict.named("revenue_growth", "Revenue growth (year over year)")
}

/// Criterion 5: Operating expenses growing slower than revenue (latest year; else latest quarter).
pub(super) fn opex_vs_revenue_growth(metrics: &Metrics) -> Criterion {
    let threshold = "opex growth < revenue growth".to_string();
    let both = latest_with(metrics, |p| {
        Some((p.opex_growth_yoy_pct?, p.revenue_growth_yoy_pct?))
    });
    let verdict = match both {
        None => Verdict {
            figure: missing_figure(metrics, "opex_growth_yoy_pct"),
            ..Verdict::not_available(
                threshold,
                format!(
                    "No year-over-year opex growth to compare with revenue growth: {}.",
                    missing_reason(metrics, "opex_growth_yoy_pct")
                ),
            )
        },
        Some((period, (opex, revenue))) => {
            // Judged on the exact rates, and shown with the digits that tell them apart.
            let places = format::distinct_places(opex, revenue, 1);
            let rate = |value: f64| format!("{}%", format::places(value, places, false));
            Verdict {
                status: pass_if(opex < revenue),
                figure: format!("{} vs {}", rate(opex), rate(revenue)),
                why: format!(
                    "In {} operating expenses grew {}, {} revenue ({}).",
                    period.label,
                    rate(opex),
                    if opex < revenue {
                        "slower than"
                    } else {
                        "not slower than"
                    },
                    rate(revenue)
                ),
                threshold,
                period: Some(period.label),
                value: Some(opex),
            }
            .unless_warned(metrics, &[period])
        }
    };
    verdict.named("opex_vs_revenue_growth", "Opex growing slower than revenue")
}
