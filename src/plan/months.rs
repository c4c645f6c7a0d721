//! The calendar months of the path and headcounts to the hundredth.

use crate::period::PeriodLabel;

pub(super) fn hundredths(value: f64) -> f64 {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.is_finite() {
        rounded
    } else {
        0.0
    }
}

/// The calendar month a period ends in (in its company's fiscal calendar), counted from year 0
/// (`year x 12 + month - 1`).
pub(super) fn period_end_month(label: PeriodLabel) -> Option<i64> {
    use chrono::Datelike;
    let end = label.end()?;
    Some(i64::from(end.year()) * 12 + i64::from(end.month0()))
}

pub(super) fn month_label(month: i64) -> String {
    format!(
        "{:04}-{:02}",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}
