//! Criterion 4: revenue per employee against a year earlier.

use super::latest::{latest_pair, missing_reason, periods};
use super::verdict::{pass_if, Verdict};
use super::words::{money, signed_pct};
use super::Criterion;
use crate::metrics::Metrics;
use crate::money::growth_pct;
use crate::period::PeriodKind;

/// Criterion 4: Revenue per employee up on a year earlier (latest year; else latest quarter).
pub(super) fn revenue_per_employee(metrics: &Metrics) -> Criterion {
    let threshold = "up on a year earlier".to_string();
    let pair = [PeriodKind::Year, PeriodKind::Quarter]
        .into_iter()
        .find_map(|kind| latest_pair(metrics, kind, |p| p.revenue_per_employee.map(|e| e.0)));
    let currency = &metrics.company.currency;
    let verdict = match pair {
        None => Verdict::not_available(
            threshold,
            format!(
                "No revenue per employee with one a year earlier to compare: {}.",
                missing_reason(metrics, "revenue_per_employee")
            ),
        ),
        Some(((before_label, before), (after_label, after))) => {
            let change = growth_pct(after, before);
            let up = after > before;
            Verdict {
                status: pass_if(up),
                figure: change.map_or_else(|| "n/a".to_string(), signed_pct),
                why: format!(
                    "Revenue per employee (annualised) went from {} in {before_label} to {} in \
                     {after_label}{}.",
                    money(before, currency),
                    money(after, currency),
                    match change {
                        Some(c) => format!(", {}", signed_pct(c)),
                        // From zero there is no rate; otherwise it is past the decimal range.
                        None if before.is_zero() => String::new(),
                        None => ", a change too large to represent exactly".to_string(),
                    }
                ),
                threshold,
                period: Some(after_label),
                value: change,
            }
            .unless_warned(metrics, &periods(metrics, &[before_label, after_label]))
        }
    };
    verdict.named("revenue_per_employee", "Revenue per employee")
}
