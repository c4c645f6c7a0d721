//! The CSV reader: one row per period, one column per field, `cost:<name>` per cost line
//! (periods across the columns are read by `csv_columns.rs`).
//!
//! Company fields are not in the file; they come from `--company "name=...,currency=..."`.
//! Cells are separated by commas, semicolons or tabs, as the header row shows
//! (`csv_delimiter.rs`); names are matched as people write them (`names.rs`).

use super::csv_delimiter::Delimiter;
use super::locate::{CsvLocator, Locate};
use super::raw::{RawInput, RawPeriod};
use super::{Warning, WarningKind};
use crate::diagnostic::{InputError, Location};

#[path = "csv_cells.rs"]
mod cells;
#[path = "csv_names.rs"]
mod figure_names;
#[path = "csv_headers.rs"]
mod headers;
#[path = "csv_shape.rs"]
mod shape;

pub(super) use cells::{joined, set_field};
pub(super) use figure_names::{figure_name, Axis};
pub use figure_names::{COLUMNS, INPUTS_SHEET_COLUMNS};
pub(super) use headers::check_headers;
pub(super) use shape::is_thousands_split;
use shape::{check_quotes_closed, unequal_row};

/// Parses CSV text, its cells separated by `delimiter`, into the raw input and a locator for
/// its cells.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
    delimiter: Delimiter,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    check_quotes_closed(text, file, delimiter)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte)
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let written: Vec<String> = reader
        .headers()
        .map_err(|error| csv_error(file, &error))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let headers: Vec<String> = written.iter().map(|h| figure_name(h)).collect();
    check_headers(&headers, file, Axis::Columns).map_err(|mut error| {
        // The column as written: the last of that name is the one refused.
        if let Some(Location::Cell { column, .. }) = error.location.as_deref_mut() {
            if let Some(index) = headers.iter().rposition(|h| h == column) {
                column.clone_from(&written[index]);
            }
        }
        error
    })?;
    let mut raw = RawInput::default();
    raw.reading_warnings
        .extend(delimiter.ambiguity().map(|message| {
            Warning::new(None, WarningKind::CsvDelimiter, message)
                .at(Some(format!("{file}: row 1")))
        }));
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| csv_error(file, &error))?;
        let row = record.position().map_or(0, |p| p.line() as usize);
        let record_text = joined(record.iter(), delimiter);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            return Err(unequal_row(file, row, &record, &written, &record_text));
        }
        let mut period = RawPeriod::default();
        for ((header, shown), cell) in headers.iter().zip(&written).zip(record.iter()) {
            if cell.is_empty() {
                continue;
            }
            let at = || Location::Cell {
                row,
                row_name: None,
                column: shown.clone(),
                record: record_text.clone(),
            };
            set_field(&mut period, header, cell, &|| at().place(file))
                .map_err(|message| InputError::new(file, message).at(Some(at())))?;
        }
        rows.push((row, record_text));
        raw.periods.push(period);
    }
    Ok((raw, Box::new(CsvLocator { rows })))
}

pub(super) fn csv_error(file: &str, error: &csv::Error) -> InputError {
    let row = error.position().map_or(0, |p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => format!("row {row} is not valid UTF-8 text"),
        _ => format!("cannot read the CSV: {error}"),
    };
    InputError::new(file, message)
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
