//! The Scorecard and Notes sheets: the readiness criteria as the brief judges them, and the
//! warnings, the n/a reasons, the sources and the definition of every metric (from the
//! catalogue: its formula in words and how the workbook writes it).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::{Styles, Text};
use crate::analysis::Analysis;
use crate::metrics::catalogue::workbook::{InWorkbook, LineInWorkbook};
use crate::metrics::catalogue::{CATALOGUE, LINE_CATALOGUE};
use crate::metrics::Metrics;
use crate::scorecard::Status;

/// Writes a header row and returns the next row.
fn header(
    sheet: &mut Worksheet,
    row: u32,
    heads: &[&str],
    styles: &Styles,
) -> Result<u32, XlsxError> {
    for (column, head) in heads.iter().enumerate() {
        sheet.text_with(row, column as u16, *head, &styles.header)?;
    }
    Ok(row + 1)
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Watch => "watch",
        Status::Fail => "fail",
    }
}

/// The Scorecard sheet: criterion, status, figure, threshold, why.
pub fn scorecard(analysis: &Analysis, styles: &Styles) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name("Scorecard")?;
    let card = &analysis.scorecard;
    sheet.text_with(
        0,
        0,
        format!(
            "{}: readiness {} ({} pass, {} watch, {} fail)",
            analysis.metrics.company.name,
            status_word(card.status),
            card.passed,
            card.watch,
            card.failed
        ),
        &styles.title,
    )?;
    let heads = [
        "Criterion",
        "Status",
        "Figure",
        "Value",
        "Threshold",
        "Period",
        "Why",
    ];
    let first = header(&mut sheet, 1, &heads, styles)?;
    for (row, criterion) in (first..).zip(&card.criteria) {
        sheet.text(row, 0, &criterion.name)?;
        sheet.text(row, 1, status_word(criterion.status))?;
        sheet.text(row, 2, &criterion.figure)?;
        if let Some(value) = criterion.value {
            sheet.write_number_with_format(row, 3, value, &styles.decimal)?;
        }
        sheet.text(row, 4, &criterion.threshold)?;
        if let Some(period) = criterion.period {
            sheet.text(row, 5, period.to_string())?;
        }
        sheet.text_with(row, 6, &criterion.why, &styles.wrap)?;
    }
    for (column, width) in [
        (0, 40.0),
        (1, 8.0),
        (2, 22.0),
        (3, 12.0),
        (4, 26.0),
        (5, 9.0),
        (6, 90.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(2, 1)?;
    Ok(sheet)
}

/// The Notes sheet, written into `sheet` (a low-memory sheet for a long history, so rows go
/// in order): warnings, n/a reasons, sources and definitions.
pub fn notes(
    mut sheet: Worksheet,
    analysis: &Analysis,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let metrics = &analysis.metrics;
    sheet.set_name("Notes")?;
    sheet.text_with(
        0,
        0,
        format!("{}: notes", metrics.company.name),
        &styles.title,
    )?;
    let row = warnings(&mut sheet, 2, metrics, styles)?;
    let row = unavailable(&mut sheet, row + 1, metrics, styles)?;
    let row = sources(&mut sheet, row + 1, metrics, styles)?;
    definitions(&mut sheet, row + 1, styles)?;
    for (column, width) in [
        (0, 34.0),
        (1, 30.0),
        (2, 60.0),
        (3, 60.0),
        (4, 40.0),
        (5, 30.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    Ok(sheet)
}

/// A section's title at `row` and its header row below; returns the row after them.
fn section(
    sheet: &mut Worksheet,
    row: u32,
    title: &str,
    heads: &[&str],
    styles: &Styles,
) -> Result<u32, XlsxError> {
    sheet.text_with(row, 0, title, &styles.section)?;
    header(sheet, row + 1, heads, styles)
}

/// The warnings, "none" when there are none; returns the row after them.
fn warnings(
    sheet: &mut Worksheet,
    row: u32,
    metrics: &Metrics,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let heads = ["Kind", "Period", "Warning", "Acknowledged"];
    let mut row = section(sheet, row, "Warnings", &heads, styles)?;
    if metrics.warnings.is_empty() {
        sheet.text(row, 2, "none")?;
        row += 1;
    }
    for warning in &metrics.warnings {
        sheet.text(row, 0, warning.kind.as_str())?;
        if let Some(period) = &warning.period {
            sheet.text(row, 1, period)?;
        }
        sheet.text_with(row, 2, &warning.message, &styles.wrap)?;
        if let Some(reason) = &warning.acknowledged {
            sheet.text(row, 3, reason)?;
        }
        row += 1;
    }
    Ok(row)
}

/// Every value not available, with its period and reason; returns the row after them.
fn unavailable(
    sheet: &mut Worksheet,
    row: u32,
    metrics: &Metrics,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let title = "Values not available (n/a)";
    let mut row = section(sheet, row, title, &["Metric", "Period", "Reason"], styles)?;
    for period in &metrics.periods {
        for (key, reason) in &period.unavailable.0 {
            let name = crate::metrics::catalogue::metric(key).map_or(key.as_str(), |m| m.name);
            sheet.text(row, 0, name)?;
            sheet.text(row, 1, period.label.to_string())?;
            sheet.text(
                row,
                2,
                crate::metrics::reason::words(reason, &[period.label]),
            )?;
            row += 1;
        }
    }
    Ok(row)
}

/// The input file and the company's sources; returns the row after them.
fn sources(
    sheet: &mut Worksheet,
    row: u32,
    metrics: &Metrics,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let mut row = section(sheet, row, "Sources", &["Source"], styles)?;
    sheet.text(row, 0, format!("Input file: {}", metrics.source))?;
    row += 1;
    for source in &metrics.company.sources {
        sheet.text(row, 0, source)?;
        row += 1;
    }
    Ok(row)
}

/// Every metric and cost-line metric of the catalogue: name, key, unit, formula in words,
/// when it is n/a and how this workbook writes it.
fn definitions(sheet: &mut Worksheet, row: u32, styles: &Styles) -> Result<(), XlsxError> {
    let heads = [
        "Metric",
        "Key",
        "Unit",
        "Formula",
        "When n/a",
        "In this workbook",
    ];
    let first = section(sheet, row, "Definitions", &heads, styles)?;
    let definitions = CATALOGUE
        .iter()
        .map(|m| {
            (
                m.name,
                m.key,
                m.unit,
                m.formula.words(m.unit),
                m.unavailable,
                workbook_words(&m.workbook),
            )
        })
        .chain(LINE_CATALOGUE.iter().map(|m| {
            let how = match m.workbook {
                LineInWorkbook::Formula(_) | LineInWorkbook::Tree => {
                    "a formula over the Inputs sheet"
                }
                LineInWorkbook::Value(why) => why,
            };
            (
                m.name,
                m.key,
                m.unit,
                m.formula.words(m.unit),
                m.unavailable,
                how,
            )
        }));
    for (row, (name, key, unit, formula, unavailable, how)) in (first..).zip(definitions) {
        for (column, text) in [name, key, unit.words(), &formula, unavailable, how]
            .iter()
            .enumerate()
        {
            sheet.text_with(row, column as u16, *text, &styles.wrap)?;
        }
    }
    Ok(())
}

fn workbook_words(how: &InWorkbook) -> &'static str {
    match how {
        InWorkbook::Formula(_) | InWorkbook::Tree => {
            "a formula over the Inputs sheet and this series' rows"
        }
        InWorkbook::Guarded(_) => {
            "a formula over this series' rows in every period, empty where the figure is n/a \
             (so a what-if that starts or stops it is seen)"
        }
        InWorkbook::Value(why) => why,
    }
}
