//! The criteria on plan against actual, for an input that gives budgets or guidance: revenue
//! at or above guidance in enough of the last four quarters, and revenue within a few percent
//! of budget on average over them. Without budgets or guidance neither criterion is listed;
//! with too few quarters to judge, each is n/a (a watch, not a failure).

use super::thresholds::Thresholds;
use super::verdict::{pass_if, Verdict};
use super::words::{against, number, plural};
use super::Criterion;
use crate::metrics::plan_actual::Accuracy;
use crate::metrics::Metrics;
use crate::period::PeriodKind;

/// The quarters both criteria look back over.
const QUARTERS: usize = 4;

/// The criteria, when the input gives a budget or guidance.
pub(super) fn criteria(metrics: &Metrics, thresholds: &Thresholds) -> Vec<Criterion> {
    let plan = &metrics.plan_actual;
    if plan.is_empty() {
        return Vec::new();
    }
    let accuracy = plan.accuracy(PeriodKind::Quarter, QUARTERS);
    vec![
        guidance(accuracy, thresholds.min_quarters_at_guidance.value)
            .sourced(thresholds.min_quarters_at_guidance.source),
        budget(accuracy, thresholds.max_budget_error_pct.value)
            .sourced(thresholds.max_budget_error_pct.source),
    ]
}

fn guidance(accuracy: Option<&Accuracy>, min: u32) -> Criterion {
    let threshold = format!(">= {min} of the last {QUARTERS} quarters");
    let name =
        format!("Revenue at or above guidance in at least {min} of the last {QUARTERS} quarters");
    let judged = accuracy.map_or(0, |a| a.guidance_periods.len());
    let reached = accuracy.and_then(|a| a.at_or_above_guidance);
    let verdict = match reached {
        Some(reached) if judged >= min as usize => Verdict {
            status: pass_if(reached as u32 >= min),
            figure: format!("{reached} of {judged}"),
            value: Some(reached as f64),
            why: format!(
                "Revenue reached the low end of its guidance in {reached} of the last {judged} \
                 quarters with revenue guidance ({}){}; the bar is {min}.",
                labels(accuracy.map_or(&[][..], |a| &a.guidance_periods[..])),
                match accuracy.and_then(|a| a.guided_top_line.as_deref()) {
                    Some(name) => format!(
                        ", judged on {}, the top line the company guides on",
                        crate::metrics::reason::lower_first(name)
                    ),
                    None => String::new(),
                }
            ),
            threshold,
            period: None,
        },
        _ => Verdict::not_available(
            threshold,
            format!(
                "Revenue guidance is given for {}; at least {min} are needed to judge.",
                plural(judged, "quarter")
            ),
        ),
    };
    verdict.named("revenue_at_guidance", &name)
}

fn budget(accuracy: Option<&Accuracy>, max: f64) -> Criterion {
    let threshold = format!("<= {}%", number(max));
    let name = format!(
        "Revenue within {}% of budget on average over the last {QUARTERS} quarters",
        number(max)
    );
    let judged = accuracy.map_or(0, |a| a.budget_periods.len());
    let error = accuracy.and_then(|a| a.revenue_mape_pct);
    let verdict = match error {
        Some(error) if judged == QUARTERS => Verdict {
            status: pass_if(error <= max),
            figure: format!("{}%", against(error, max)),
            value: Some(error),
            why: format!(
                "Over {} revenue was on average {}% from budget; the bar is {}%.",
                labels(accuracy.map_or(&[][..], |a| &a.budget_periods[..])),
                against(error, max),
                number(max)
            ),
            threshold,
            period: None,
        },
        _ => Verdict::not_available(
            threshold,
            format!(
                "A revenue budget is given for {}; {QUARTERS} are needed to judge the average.",
                plural(judged, "quarter")
            ),
        ),
    };
    verdict.named("revenue_within_budget", &name)
}

fn labels(labels: &[crate::period::PeriodLabel]) -> String {
    match (labels.first(), labels.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(only), _) => only.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "plan_actual_tests.rs"]
mod tests;
