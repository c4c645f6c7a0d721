//! The turned grid read as periods: each column right of the names a period, each named row
//! a field of it.

use std::collections::HashMap;

use calamine::{Data, Range};

use super::super::csv::{check_headers, figure_name, set_field, Axis};
use super::super::raw::{RawInput, RawPeriod};
use super::locate::{letters, line_of, text_of, ColumnsLocator};
use super::{FileRow, Read};
use crate::diagnostic::{InputError, Location};

/// The text of a cell of the turned grid (row = the file's column, column = the file's row).
pub(super) fn text_at(turned: &Range<Data>, file_row: u32, file_column: u32) -> Option<&str> {
    match turned.get_value((file_column, file_row)) {
        Some(Data::String(text)) => Some(text.as_str()),
        _ => None,
    }
}

/// Each column right of the names is a period; each named row a field of it.
pub(super) fn periods<'a>(
    turned: &Range<Data>,
    file: &str,
    rows: &[FileRow],
    names_column: u32,
    label_row_name: Option<String>,
) -> Result<Option<Read<'a>>, InputError> {
    let (first_column, label_row) = turned.start().unwrap_or_default();
    let (last_column, last_row) = turned.end().unwrap_or_default();
    // The figures' names, by the file's row: "label" for the row of period labels. Matched
    // whatever their case ("Revenue"), and shown in messages as written.
    let written: HashMap<u32, &str> = (label_row..=last_row)
        .filter_map(|row| Some((row, text_at(turned, row, names_column)?)))
        .collect();
    let named: Vec<(u32, String)> = (label_row..=last_row)
        .filter_map(|row| Some((row, figure_name(written.get(&row)?))))
        .collect();
    let line_of = |row: u32| rows.get(row as usize).map_or(0, |r| r.line);
    let text_of = |row: u32| rows.get(row as usize).map_or("", |r| r.text.as_str());
    let names: Vec<String> = named.iter().map(|(_, name)| name.clone()).collect();
    if let Err(error) = check_headers(&names, file, Axis::Rows) {
        let column = label_row_name
            .clone()
            .unwrap_or_else(|| letters(names_column));
        return Err(at_row_name(error, &named, label_row, column, rows));
    }
    let name_of: HashMap<u32, &str> = named.iter().map(|(r, n)| (*r, n.as_str())).collect();
    let mut locator = ColumnsLocator::new(label_row_name, label_row, &named, &written, rows);
    let mut raw = RawInput::default();
    for column in (first_column..=last_column).filter(|c| *c > names_column) {
        let header =
            text_at(turned, label_row, column).map_or_else(|| letters(column), str::to_string);
        let mut period = RawPeriod::default();
        let mut any = false;
        for row in label_row..=last_row {
            let Some(text) = text_at(turned, row, column) else {
                continue;
            };
            any = true;
            let at = |name: Option<&str>| Location::Cell {
                row: line_of(row),
                row_name: name.map(str::to_string),
                column: header.clone(),
                record: text_of(row).to_string(),
            };
            let Some(name) = name_of.get(&row) else {
                return Err(InputError::new(
                    file,
                    format!("the cell holds \"{text}\" but its row has no name in its first cell"),
                )
                .at(Some(at(None)))
                .with_help("name the row in its first cell (revenue, cost:marketing, ...), or clear the cell"));
            };
            let shown_name = if row == label_row {
                locator.label_row_name.as_deref()
            } else {
                written.get(&row).map(|w| w.trim())
            };
            set_field(&mut period, name, text, &|| at(shown_name).place(file))
                .map_err(|message| InputError::new(file, message).at(Some(at(shown_name))))?;
        }
        if any {
            locator.columns.push(header);
            raw.periods.push(period);
        }
    }
    Ok(Some((raw, Box::new(locator))))
}

/// A row name's error placed at that row's first cell (`column`), as the file shows it; the
/// row of period labels when the error names no row.
fn at_row_name(
    mut error: InputError,
    named: &[(u32, String)],
    label_row: u32,
    column: String,
    rows: &[FileRow],
) -> InputError {
    let row = match error.location.as_deref() {
        Some(Location::Cell { column, .. }) => named.iter().find(|(_, n)| n == column),
        _ => None,
    }
    .map_or(label_row, |(row, _)| *row);
    error.location = Some(Box::new(Location::Cell {
        row: line_of(rows, row),
        row_name: None,
        column,
        record: text_of(rows, row).to_string(),
    }));
    error
}
