//! Period labels: each read in the company's fiscal calendar, a year to date's months, and a
//! label met twice quoted as the person wrote it, with the period it reads as, since "2024Q1"
//! and "Q1 2024" are one period written two ways.

use super::super::locate::FieldPath;
use super::super::raw::{Amount, RawPeriod};
use super::super::{Company, Coverage};
use super::Checker;
use crate::diagnostic::InputError;
use crate::period::{PeriodKind, PeriodLabel, LABEL_FORMS};

/// A period label met twice, quoted as written at its second place (`index`), and read as
/// its canonical form when that differs: `"2024Q1" appears twice: it reads as 2024-Q1, as
/// "Q1 2024" does`.
pub(super) fn duplicate_label(
    written: &[String],
    label: PeriodLabel,
    first: usize,
    index: usize,
) -> String {
    let here = written.get(index).map_or("", String::as_str);
    let there = written.get(first).map_or("", String::as_str);
    let canonical = label.to_string();
    let reads = match (here == canonical, here == there) {
        (true, true) => String::new(),
        (false, true) => format!(": it reads as {canonical}"),
        (_, false) => format!(": it reads as {canonical}, as \"{there}\" does"),
    };
    format!(
        "the period \"{here}\" appears twice{reads} (periods {} and {} in the file)",
        first + 1,
        index + 1
    )
}

/// `months = n` on a year row that holds only its first n months (year to date): a whole
/// number from 1 to 12 (12 is the whole year), on a year only.
fn year_to_date(
    months: Option<Amount>,
    label: PeriodLabel,
    path: impl Fn() -> FieldPath,
    check: &Checker,
) -> Result<Coverage, InputError> {
    let Some(Amount(months)) = months else {
        return Ok(Coverage::Given);
    };
    if label.kind != PeriodKind::Year {
        return Err(check
            .error(
                path(),
                format!("months is for a year that is year to date, but {label} is not a year"),
            )
            .with_help("remove months: a quarter or a half covers its own months"));
    }
    match u8::try_from(months.normalize().mantissa()) {
        Ok(whole @ 1..=11) if months.fract().is_zero() => {
            Ok(Coverage::YearToDate { months: whole })
        }
        Ok(12) if months.fract().is_zero() => Ok(Coverage::Given),
        _ => Err(check
            .error(
                path(),
                format!("months must be a whole number from 1 to 12, found {months}"),
            )
            .with_help(
                "write how many months of the year the row holds: months = 6 for a first half",
            )),
    }
}

/// A period's label and how much of it its figures cover: from the label's mark when it has
/// one ("2024 (summed from quarters)", as the outputs show it), else from `months`.
pub(super) fn label_and_coverage(
    raw: &mut RawPeriod,
    index: usize,
    company: &Company,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<(PeriodLabel, Coverage), InputError> {
    let written = raw.label.take().map(|l| l.0);
    let (written, marked) = match written.as_deref().map(super::super::unmarked) {
        Some((text, Some(coverage))) => (Some(text.to_string()), Some(coverage)),
        _ => (written, None),
    };
    let label = label(written, index, company, check, at)?;
    let months = raw.months.take();
    let coverage = match marked {
        Some(coverage) => marked_year(coverage, label, months, || at(&["label"]), check)?,
        None => year_to_date(months, label, || at(&["months"]), check)?,
    };
    Ok((label, coverage))
}

/// The coverage a label's mark gives ("2024 (summed from quarters)", "2025 (year to date, 2
/// quarters)", as the workbook's Inputs sheet writes them): a year's only, and not beside
/// `months`, which would say it twice.
fn marked_year(
    coverage: Coverage,
    label: PeriodLabel,
    months: Option<Amount>,
    path: impl Fn() -> FieldPath,
    check: &Checker,
) -> Result<Coverage, InputError> {
    let mark = coverage.mark().unwrap_or_default();
    if label.kind != PeriodKind::Year {
        return Err(check
            .error(
                path(),
                format!("\"{mark}\" is said of a year, but {label} is not a year"),
            )
            .with_help("remove the mark in brackets after the label"));
    }
    if months.is_some() {
        return Err(check
            .error(
                path(),
                format!("{label} is marked \"{mark}\" and also gives months"),
            )
            .with_help("keep one: the mark in brackets after the label, or months"));
    }
    Ok(coverage)
}

/// The period's label, read in the company's fiscal calendar; none, or one that does not
/// parse, is refused.
fn label(
    written: Option<String>,
    index: usize,
    company: &Company,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<PeriodLabel, InputError> {
    let label_text = written.unwrap_or_default();
    if label_text.trim().is_empty() {
        return Err(check
            .error(at(&["label"]), format!("period {} has no label", index + 1))
            .with_help(
                "add label = \"2024\" (a year), \"2024-H1\" (a half) or \"2024-Q3\" (a quarter)",
            ));
    }
    let label = PeriodLabel::parse(&label_text)
        .map_err(|e| {
            check
                .error(at(&["label"]), format!("bad period label: {}", e.0))
                .with_help(LABEL_FORMS)
        })?
        .in_calendar(company.calendar);
    Ok(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    /// Guards the review of src/input: the duplicate quoted "2024-Q1" when the file said "2024Q1".
    #[test]
    fn a_duplicate_is_quoted_as_written() {
        let q1 = PeriodLabel::quarter(2024, 1);
        assert_eq!(
            duplicate_label(&written(&["Q1 2024", "2024Q1"]), q1, 0, 1),
            "the period \"2024Q1\" appears twice: it reads as 2024-Q1, as \"Q1 2024\" does \
             (periods 1 and 2 in the file)"
        );
        assert_eq!(
            duplicate_label(
                &written(&["FY2024", "2023", "FY2024"]),
                PeriodLabel::year(2024),
                0,
                2
            ),
            "the period \"FY2024\" appears twice: it reads as 2024 (periods 1 and 3 in the file)"
        );
        assert_eq!(
            duplicate_label(&written(&["2024", "2024"]), PeriodLabel::year(2024), 0, 1),
            "the period \"2024\" appears twice (periods 1 and 2 in the file)"
        );
    }
}
