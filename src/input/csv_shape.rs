//! A CSV whose shape is broken: a row of another length than the header row's (a number split
//! by its thousands separator, most often), or a quoted cell never closed.

use super::super::csv_delimiter::Delimiter;
use crate::diagnostic::{text_location, InputError, Location};

/// A row whose cell count is not the header row's. With more cells, a number split by its
/// thousands separator (`2024,62,000` for 62000) is the usual cause: named when a cell and the
/// next look like one ("62" and "000").
pub(in crate::input) fn unequal_row(
    file: &str,
    row: usize,
    record: &csv::StringRecord,
    headers: &[String],
    record_text: &str,
) -> InputError {
    let message = format!(
        "row {row} has {} cells but the header row has {}",
        record.len(),
        headers.len()
    );
    let at = |index: usize| {
        Some(Location::Cell {
            row,
            row_name: None,
            column: headers.get(index).cloned().unwrap_or_default(),
            record: record_text.to_string(),
        })
    };
    let cells: Vec<&str> = record.iter().collect();
    let split = (record.len() > headers.len())
        .then(|| {
            cells
                .windows(2)
                .position(|pair| is_thousands_split(pair[0], pair[1]))
        })
        .flatten();
    match split {
        Some(index) => {
            let (high, low) = (cells[index], cells[index + 1]);
            InputError::new(
                file,
                format!(
                    "{message}: \"{high},{low}\" looks like one number split by its thousands \
                     separator"
                ),
            )
            .at(at(index))
            .with_help(format!(
                "quote it (\"{high},{low}\"), or write {high}{low}: a comma outside quotes \
                 starts a new cell"
            ))
        }
        None => InputError::new(
            file,
            format!(
                "{message}: every row needs one cell per column (leave a cell empty for a \
                 missing value)"
            ),
        )
        .at(at(0)),
    }
}

/// Whether `high` and `low` read as the two halves of a number written with a thousands
/// separator: 1 to 3 digits (a sign or an opening bracket before them), then 3 digits (a
/// decimal part or a closing bracket after them).
pub(in crate::input) fn is_thousands_split(high: &str, low: &str) -> bool {
    let high = high.trim_start_matches(['-', '+', '(']);
    let low = low.trim_end_matches(')');
    let low = low.split_once('.').map_or(low, |(whole, _)| whole);
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits(high) && high.len() <= 3 && digits(low) && low.len() == 3
}

/// Refuses a quoted cell that is never closed: the CSV reader would take the rest of the file
/// into that one cell without a word (a truncated file, or a stray `"`).
pub(in crate::input) fn check_quotes_closed(
    text: &str,
    file: &str,
    delimiter: Delimiter,
) -> Result<(), InputError> {
    let mut opened_at: Option<usize> = None;
    let mut at_cell_start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        match (opened_at, c) {
            (Some(_), '"') if chars.peek().is_some_and(|&(_, next)| next == '"') => {
                chars.next();
            }
            (Some(_), '"') => opened_at = None,
            (Some(_), _) => {}
            (None, '"') if at_cell_start => opened_at = Some(offset),
            (None, '\n' | '\r') => at_cell_start = true,
            (None, c) if c == delimiter.char() => at_cell_start = true,
            (None, _) => at_cell_start = false,
        }
        if opened_at.is_some() {
            at_cell_start = false;
        }
    }
    match opened_at {
        None => Ok(()),
        Some(offset) => {
            let row = text[..offset].matches('\n').count() + 1;
            let line = text[offset..].lines().next().unwrap_or_default();
            Err(InputError::new(
                file,
                format!("row {row} has a quoted cell that is never closed"),
            )
            .at(Some(text_location(text, offset, offset + line.len())))
            .with_help("add the closing \" at the end of the cell; is the file complete?"))
        }
    }
}
