//! Which periods `--against budget` sets beside their budget: one company's periods, named by
//! label, each with a budget. Every mistake is a [`UsageError`] (exit 2) saying what would do.

use super::Against;
use crate::exit::UsageError;
use crate::metrics::plan_actual::PeriodPlanActual;
use crate::metrics::Metrics;
use crate::period::PeriodLabel;

/// The company and its periods with a budget, in time order, as `--periods` names them.
pub fn choose<'a>(
    companies: &'a [Metrics],
    periods: &[String],
    period: Option<&str>,
    against: Against,
) -> Result<(&'a Metrics, Vec<&'a PeriodPlanActual>), UsageError> {
    let Against::Budget = against;
    let usage = |text: String| Err(UsageError(format!("--against budget {text}")));
    let [metrics] = companies else {
        return usage("sets one company's periods beside their budget: give one input".to_string());
    };
    let budgeted = budgeted(metrics);
    if period.is_some() {
        return usage("goes with --periods (one company's periods), not --period".to_string());
    }
    if periods.is_empty() {
        return usage(format!(
            "needs --periods, the periods to set beside their budget, e.g. --periods {}; \
             periods with a budget in {}: {budgeted}",
            example(metrics),
            metrics.source
        ));
    }
    let mut chosen: Vec<&PeriodPlanActual> = Vec::new();
    for text in periods {
        if text.trim().to_ascii_lowercase().starts_with("latest") {
            return usage(format!(
                "takes period labels, not {}: e.g. --periods {}",
                text.trim(),
                example(metrics)
            ));
        }
        let label = PeriodLabel::parse(text)
            .map_err(|error| UsageError(format!("--periods: {}", error.0)))?;
        if chosen.iter().any(|p| p.label == label) {
            return Err(UsageError(format!("--periods names {label} twice")));
        }
        if metrics.period(label).is_none() {
            return Err(UsageError(format!(
                "--periods: {label} is not a period in {}; periods available: {}",
                metrics.source,
                super::super::select::available(metrics)
            )));
        }
        let plan = metrics
            .plan_actual
            .periods
            .iter()
            .find(|p| p.label == label);
        match plan.filter(|p| p.has_budget) {
            Some(plan) => chosen.push(plan),
            None => {
                return usage(format!(
                    "compares a period with its budget, and {} gives no budget for {label}; \
                     periods with a budget: {budgeted}",
                    metrics.source
                ))
            }
        }
    }
    chosen.sort_by_key(|p| p.label.sort_key());
    Ok((metrics, chosen))
}

/// The periods of `metrics` with a budget, comma-separated ("none").
fn budgeted(metrics: &Metrics) -> String {
    let labels: Vec<String> = budgeted_labels(metrics).map(|l| l.to_string()).collect();
    match labels.is_empty() {
        true => "none ([period.budget] gives one)".to_string(),
        false => labels.join(", "),
    }
}

fn budgeted_labels(metrics: &Metrics) -> impl Iterator<Item = PeriodLabel> + '_ {
    let plans = metrics.plan_actual.periods.iter();
    plans.filter(|p| p.has_budget).map(|p| p.label)
}

/// The latest period with a budget, or the latest period.
fn example(metrics: &Metrics) -> String {
    let latest = budgeted_labels(metrics).last();
    let latest = latest.or_else(|| metrics.latest().map(|p| p.label));
    latest.map_or_else(|| "2025-Q3".to_string(), |l| l.to_string())
}
