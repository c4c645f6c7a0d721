//! Plan against actual: each period's actual figures against its budget (the variance table)
//! and its guidance (below, within or above the range), and how close budgets and guidance
//! have come over the last 4 and 8 periods of each kind. Formulas are in `docs/plan-actual.md`.
//!
//! The budget's metrics are computed by the one metrics computation, on a period made of the
//! budgeted figures, so a budgeted margin is the margin of the budgeted figures, never a
//! second formula. Everything is exact decimal; a percentage is a float made from one exact
//! division; a value that cannot be computed is `None` with its reason in words.

mod accuracy;
mod guidance;
mod variance;
mod variance_row;

use std::collections::BTreeMap;

use serde::Serialize;

pub use accuracy::{Accuracy, WINDOWS};
pub use guidance::{GuidanceCheck, Position};
pub use variance_row::{Variance, Verdict};

use super::PeriodMetrics;
use crate::input::plan_actual::PeriodPlan;
use crate::input::CompanyInput;
use crate::period::{PeriodKind, PeriodLabel};

/// Plan against actual for a company: what `metrics.json` holds under `"plan_actual"` (left
/// out when the input gives no budget and no guidance).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanActual {
    /// The periods with a budget or guidance, in time order.
    pub periods: Vec<PeriodPlanActual>,
    /// For each kind of period with a budget or guidance, over the last 4 and the last 8.
    pub accuracy: Vec<Accuracy>,
}

impl PlanActual {
    /// Whether the input gives no budget and no guidance.
    pub fn is_empty(&self) -> bool {
        self.periods.is_empty()
    }

    /// The accuracy of `kind` over the last `window` periods, when there is a plan for one.
    pub fn accuracy(&self, kind: PeriodKind, window: usize) -> Option<&Accuracy> {
        self.accuracy
            .iter()
            .find(|a| a.kind == kind && a.window == window)
    }
}

/// One period's plan against its actual figures.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodPlanActual {
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub label: PeriodLabel,
    pub kind: PeriodKind,
    /// Whether the period has a budget: without one, `variances` is empty.
    pub has_budget: bool,
    /// The budget's own metrics, computed as a period's are (what `compare --against budget`
    /// sets beside the actual period); none without a budget.
    #[serde(skip)]
    pub budget_metrics: Option<Box<PeriodMetrics>>,
    /// Each budgeted figure and each metric computed from the budget, in catalogue order, then
    /// the budgeted cost lines in the budget's order.
    pub variances: Vec<Variance>,
    /// When the guidance was given (`YYYY-MM-DD`), when the input says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guidance_given: Option<String>,
    /// Each guided figure, in the order written.
    pub guidance: Vec<GuidanceCheck>,
    /// Field -> why it is missing, in words (`variances`: no budget for this period).
    pub unavailable: BTreeMap<String, String>,
}

/// Plan against actual for every period with a budget or guidance. `periods` are the actual
/// periods' metrics; `all_lines` every cost line of the input (a budget's operating expenses
/// are like for like: it must list every line the actuals list).
pub fn compute(input: &CompanyInput, periods: &[PeriodMetrics], all_lines: &[&str]) -> PlanActual {
    let mut result = PlanActual::default();
    for plan in &input.plan_actual {
        let actual_input = input.periods.iter().find(|p| p.label == plan.label);
        let actual = periods.iter().find(|p| p.label == plan.label);
        let (Some(actual_input), Some(actual)) = (actual_input, actual) else {
            continue;
        };
        result
            .periods
            .push(period(plan, actual_input, actual, input, all_lines));
    }
    result.accuracy = accuracy::accuracy(&result.periods);
    result
}

fn period(
    plan: &PeriodPlan,
    actual_input: &crate::input::Period,
    actual: &PeriodMetrics,
    input: &CompanyInput,
    all_lines: &[&str],
) -> PeriodPlanActual {
    let mut unavailable = BTreeMap::new();
    let mut budget_metrics = None;
    let variances = match &plan.budget {
        Some(budget) => {
            let planned = super::period::compute(
                &budget.period,
                &input.company,
                input.readiness.rule_of_40_margin,
                all_lines,
                plan.label,
                |_| None,
            );
            let table = variance::table(actual, &planned, budget);
            budget_metrics = Some(Box::new(planned));
            table
        }
        None => {
            let reason = "the input gives no budget for this period";
            unavailable.insert("variances".to_string(), reason.to_string());
            Vec::new()
        }
    };
    let guidance = plan.guidance.as_ref();
    PeriodPlanActual {
        label: plan.label,
        kind: plan.label.kind,
        has_budget: plan.budget.is_some(),
        budget_metrics,
        variances,
        guidance_given: guidance.and_then(|g| g.given.clone()),
        guidance: guidance.map_or_else(Vec::new, |g| guidance::checks(g, actual_input, input)),
        unavailable,
    }
}

impl PeriodPlanActual {
    /// The revenue guidance judged: revenue's own, else the company's guided top line.
    pub fn revenue_guidance(&self) -> Option<&GuidanceCheck> {
        let guided = |key: &str| self.guidance.iter().find(|g| g.key == key);
        guided("revenue").or_else(|| self.guidance.iter().find(|g| g.top_line))
    }
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
