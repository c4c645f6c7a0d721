//! Criterion 7: every adjusted operating income beside the reported one.

use super::verdict::Verdict;
use super::words::plural;
use super::{Criterion, Status};
use crate::metrics::{Metrics, PeriodMetrics};

/// Criterion 7: Every adjusted operating income comes with the reported (IFRS/GAAP) one.
pub(super) fn adjusted_reconciled(metrics: &Metrics) -> Criterion {
    let threshold = "every adjusted figure has a reported one".to_string();
    let adjusted: Vec<&PeriodMetrics> = metrics
        .periods
        .iter()
        .filter(|p| p.adjusted_operating_income.is_some())
        .collect();
    let missing: Vec<String> = adjusted
        .iter()
        .filter(|p| p.operating_income_source != Some("reported"))
        .map(|p| p.label.to_string())
        .collect();
    let first_missing = adjusted
        .iter()
        .find(|p| p.operating_income_source != Some("reported"))
        .map(|p| p.label);
    let verdict = if adjusted.is_empty() {
        Verdict {
            status: Status::Pass,
            figure: "no adjusted figures".to_string(),
            threshold,
            why:
                "No period reports an adjusted operating income, so there is nothing to reconcile."
                    .to_string(),
            period: None,
            value: Some(0.0),
        }
    } else if missing.is_empty() {
        Verdict {
            status: Status::Pass,
            figure: format!("{} of {}", adjusted.len(), adjusted.len()),
            threshold,
            why: format!(
                "All {} with adjusted operating income also report operating income.",
                plural(adjusted.len(), "period")
            ),
            period: None,
            value: Some(0.0),
        }
    } else {
        Verdict {
            status: Status::Watch,
            figure: format!("{} of {} without", missing.len(), adjusted.len()),
            threshold,
            why: format!(
                "{} {} adjusted operating income without a reported operating income to reconcile \
                 it to.",
                missing.join(", "),
                if missing.len() == 1 { "shows" } else { "show" }
            ),
            period: first_missing,
            value: Some(missing.len() as f64),
        }
    };
    verdict.named("adjusted_reconciled", "Adjusted figures reconciled")
}
