//! Criterion 6: enough fiscal years of history for a prospectus.

use super::verdict::{pass_if, Verdict};
use super::words::plural;
use super::{Criterion, Thresholds};
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::PeriodKind;

/// Criterion 6: Enough fiscal years of history for a prospectus.
pub(super) fn fiscal_years_history(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let min = thresholds.min_fiscal_years.value;
    // A year to date is not a year of history; a year summed from its four quarters is.
    let full_years: Vec<&PeriodMetrics> = metrics
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Year && !p.coverage.is_partial())
        .collect();
    let years = full_years.len();
    let summed: Vec<String> = full_years
        .iter()
        .filter(|p| p.coverage == crate::input::Coverage::SummedFromQuarters)
        .map(|p| p.label.to_string())
        .collect();
    let summed = match summed.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one} summed from its quarters)"),
        [init @ .., last] => format!(
            " ({} and {last} summed from their quarters)",
            init.join(", ")
        ),
    };
    let enough = years >= min as usize;
    Verdict {
        status: pass_if(enough),
        figure: plural(years, "year"),
        threshold: format!(">= {}", plural(min as usize, "year")),
        why: format!(
            "The input has {} of fiscal-year figures{summed}; {} {} expected.",
            plural(years, "year"),
            plural(min as usize, "year"),
            if enough { "are" } else { "or more are" }
        ),
        period: None,
        value: Some(years as f64),
    }
    .named("fiscal_years_history", "Fiscal years of history")
}
