//! Criterion 8: the data warnings the figures raised.

use std::collections::BTreeMap;

use super::verdict::Verdict;
use super::words::plural;
use super::{Criterion, Status};
use crate::metrics::Metrics;

/// Criterion 8: Data warnings: a watch, unless `fail_on_warnings` makes an unacknowledged one
/// a failure (`check --fail-on-warnings`, or the thresholds file). A warning the company file
/// acknowledges with a reason (`[[acknowledge]]`) still counts in the figure but not against
/// the criterion, so a company whose only warnings are explained passes.
pub(super) fn data_warnings(metrics: &Metrics, fail_on_warnings: bool) -> Criterion {
    let count = metrics.warnings.len();
    let acknowledged = metrics
        .warnings
        .iter()
        .filter(|w| w.acknowledged.is_some())
        .count();
    let open = count - acknowledged;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for warning in &metrics.warnings {
        *kinds.entry(warning.kind.words()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds
        .iter()
        .map(|(kind, n)| format!("{kind}: {n}"))
        .collect();
    let raised = format!(
        "The figures raised {} ({})",
        plural(count, "data warning"),
        by_kind.join(", ")
    );
    let (figure, why) = match (count, acknowledged) {
        (0, _) => (
            plural(0, "warning"),
            "The figures raised no data warnings.".to_string(),
        ),
        (_, 0) => (plural(count, "warning"), format!("{raised}.")),
        _ if open == 0 => (
            format!("{}, all acknowledged", plural(count, "warning")),
            format!("{raised}, each acknowledged with a reason in the company file."),
        ),
        _ => (
            format!("{open} of {count} unacknowledged"),
            format!(
                "{raised}; {acknowledged} {} acknowledged in the company file, {open} {} not.",
                if acknowledged == 1 { "is" } else { "are" },
                if open == 1 { "is" } else { "are" },
            ),
        ),
    };
    Verdict {
        status: match (open, fail_on_warnings) {
            (0, _) => Status::Pass,
            (_, true) => Status::Fail,
            (_, false) => Status::Watch,
        },
        figure,
        threshold: match fail_on_warnings {
            true => "none (fail on warnings)".to_string(),
            false => "none".to_string(),
        },
        why,
        period: None,
        value: Some(open as f64),
    }
    .named("data_warnings", "Data warnings")
}
