//! `compare.xlsx`: the comparison as a workbook. Each column's values as ipobrief computed them
//! (amounts in full currency units, percentages as fractions), and each change against the
//! first column as a live formula over those cells, with its cached result; a change that
//! cannot be made (different currencies, a missing value) is an empty cell with a note.

use anyhow::{Context, Result};
use rust_xlsxwriter::{utility::row_col_to_cell, Formula, Workbook, Worksheet, XlsxError};

use super::{Comparison, Row};
use crate::format;
use crate::metrics::{Number, Unit};
use crate::report::workbook::style::{self, Text};
use crate::report::workbook::{cached, document_properties};

const HEADER: u32 = 2;
const FIRST: u16 = 2;

/// The workbook's bytes.
pub fn build(comparison: &Comparison) -> Result<Vec<u8>> {
    let styles = style::Styles::new(0);
    let mut workbook = Workbook::new();
    workbook.set_properties(&document_properties(
        &comparison.title,
        comparison.as_of.as_deref(),
        &comparison.generator,
    )?);
    workbook.push_worksheet(sheet(comparison, &styles)?);
    workbook.push_worksheet(notes(comparison, &styles)?);
    workbook
        .save_to_buffer()
        .context("cannot write the workbook compare.xlsx")
}

/// A value as the sheet holds it: percentages as fractions, everything else as is.
fn cell_value(unit: Unit, number: Number) -> f64 {
    format::excel_value(unit, number.as_f64())
}

fn sheet(comparison: &Comparison, styles: &style::Styles) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name("Compare")?;
    sheet.text_with(0, 0, &comparison.title, &styles.title)?;
    sheet.text(
        1,
        0,
        "Amounts in full currency units; changes against the first column are formulas.",
    )?;
    let columns = &comparison.columns;
    let others = columns.len().saturating_sub(1) as u16;
    let change_at = |index: usize, pct: bool| {
        FIRST + columns.len() as u16 + 2 * (index as u16 - 1) + u16::from(pct)
    };
    sheet.text_with(HEADER, 0, "Metric", &styles.header)?;
    sheet.text_with(HEADER, 1, "Unit", &styles.header)?;
    for (at, column) in columns.iter().enumerate() {
        // The heading alone: its subheading names the scale, and amounts here are in units.
        let heading = &column.heading;
        sheet.text_with(HEADER, FIRST + at as u16, heading, &styles.header_right)?;
        if at > 0 {
            let against = &super::words::change_headings(comparison)[at - 1];
            sheet.text_with(
                HEADER,
                change_at(at, false),
                format!("Δ {against}"),
                &styles.header_right,
            )?;
            sheet.text_with(
                HEADER,
                change_at(at, true),
                format!("Δ % {against}"),
                &styles.header_right,
            )?;
        }
    }
    let mut group = "";
    let mut row = HEADER;
    for metric in &comparison.rows {
        if metric.group != group {
            group = &metric.group;
            row += 1;
            sheet.text_with(row, 0, group, &styles.section)?;
        }
        row += 1;
        write_row(&mut sheet, row, metric, comparison, styles, &change_at)?;
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 12)?;
    let last = FIRST + columns.len() as u16 + 2 * others;
    sheet.set_column_range_width(FIRST, last.max(FIRST + 1) - 1, 16)?;
    sheet.set_freeze_panes(HEADER + 1, FIRST)?;
    Ok(sheet)
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    metric: &Row,
    comparison: &Comparison,
    styles: &style::Styles,
    change_at: &dyn Fn(usize, bool) -> u16,
) -> Result<(), XlsxError> {
    let format = styles.unit(metric.unit);
    let name = match metric.tag {
        Some(tag) => format!("{} ({tag})", metric.name),
        None => metric.name.clone(),
    };
    sheet.text_with(row, 0, name, &styles.label)?;
    sheet.text(row, 1, metric.unit.words())?;
    for (at, cell) in metric.cells.iter().enumerate() {
        let column = FIRST + at as u16;
        match cell.value {
            Some(number) => {
                sheet.write_number_with_format(
                    row,
                    column,
                    cell_value(metric.unit, number),
                    format,
                )?;
            }
            None => {
                sheet.write_blank(row, column, format)?;
                let reason = cell
                    .note
                    .and_then(|n| comparison.notes.get(n.wrapping_sub(1)))
                    .map_or("no value", String::as_str);
                sheet.insert_note(row, column, &style::note(format!("n/a: {reason}")))?;
            }
        }
    }
    let base = row_col_to_cell(row, FIRST);
    for change in &metric.changes {
        let other = row_col_to_cell(row, FIRST + change.column as u16);
        let (at, at_pct) = (
            change_at(change.column, false),
            change_at(change.column, true),
        );
        let difference = match (change.pp, change.absolute) {
            (Some(points), _) => {
                let formula = match metric.unit {
                    Unit::Pct | Unit::Growth => format!("({other}-{base})*100"),
                    _ => format!("{other}-{base}"),
                };
                Some((formula, points, styles.unit(Unit::Pp)))
            }
            (None, Some(absolute)) => Some((format!("{other}-{base}"), absolute.as_f64(), format)),
            (None, None) => None,
        };
        let why = change.reason.as_deref().unwrap_or("not comparable");
        match difference {
            Some((formula, value, format)) => {
                let formula = Formula::new(formula).set_result(cached::result(value));
                sheet.write_formula_with_format(row, at, formula, format)?;
            }
            None => {
                sheet.write_blank(row, at, format)?;
                sheet.insert_note(row, at, &style::note(format!("n/a: {why}")))?;
            }
        }
        if let Some(pct) = change.pct {
            // Against a budget, over the budget's size (as the variance table takes it).
            let formula = match comparison.mode {
                super::Mode::Budget => format!("({other}-{base})/ABS({base})"),
                _ => crate::metrics::catalogue::workbook::growth(other.clone(), base.clone()),
            };
            let formula = Formula::new(formula).set_result(cached::result(pct / 100.0));
            sheet.write_formula_with_format(row, at_pct, formula, styles.unit(Unit::Growth))?;
        } else if change.not_meaningful {
            sheet.text_with(row, at_pct, format::NOT_MEANINGFUL, &styles.words)?;
            sheet.insert_note(row, at_pct, &style::note(why))?;
        }
    }
    Ok(())
}

fn notes(comparison: &Comparison, styles: &style::Styles) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name("Notes")?;
    sheet.text_with(0, 0, "Notes", &styles.title)?;
    let mut row = 1;
    let lines = comparison
        .currency_note
        .iter()
        .chain(&comparison.fiscal_year_note)
        .chain(&comparison.period_note)
        .cloned()
        .chain(
            comparison
                .notes
                .iter()
                .enumerate()
                .map(|(n, note)| format!("{}. {note}", n + 1)),
        )
        .chain((!comparison.empty_rows.is_empty()).then(|| {
            format!(
                "Not shown (no value in any column): {}",
                comparison.empty_rows.join("; ")
            )
        }));
    for line in lines {
        row += 1;
        sheet.text_with(row, 0, line, &styles.wrap)?;
    }
    sheet.set_column_width(0, 110)?;
    Ok(sheet)
}
