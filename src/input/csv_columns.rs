//! A CSV file with the periods across, as most finance sheets are exported: a row of period
//! labels, and under it one row per figure named in its first cell (`revenue`,
//! `cost:marketing`, ...). Found by the rule the spreadsheet reader follows
//! (`columns::columns_header`) and turned by the same transposition; errors name the row and
//! column as the file shows them: `row 4 ("revenue"), column "2024"`.

use calamine::{Data, Range};

use super::columns::{columns_header, period_header, transpose, Layout, TextRow};
use super::csv::{csv_error, joined};
use super::csv_delimiter::Delimiter;
use super::locate::Locate;
use super::names::fold;
use super::raw::RawInput;
use super::{Warning, WarningKind};
use crate::diagnostic::InputError;

#[path = "csv_columns_locate.rs"]
mod locate;
#[path = "csv_columns_periods.rs"]
mod periods;
#[path = "csv_columns_widths.rs"]
mod widths;

use periods::periods;
use widths::check_row_widths;

/// The periods read, and where each field sits in the file.
pub(super) type Read<'a> = (RawInput, Box<dyn Locate + 'a>);

/// One row of the file: its 1-based line as a spreadsheet shows it, its text as written, and
/// its cells.
pub(super) struct FileRow {
    pub(super) line: usize,
    pub(super) text: String,
    pub(super) cells: Vec<String>,
}

/// The figures across the columns, read; None when the file holds one period per row (the
/// header row has a `label` cell before any row of period labels, or `--layout rows`).
pub fn parse<'a>(
    text: &str,
    file: &str,
    layout: Option<Layout>,
    delimiter: Delimiter,
) -> Result<Option<Read<'a>>, InputError> {
    if layout == Some(Layout::Rows) {
        return Ok(None);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut rows: Vec<FileRow> = Vec::new();
    let mut text_rows: Vec<TextRow> = Vec::new();
    // Read until the layout is decided: a rows file is not read twice.
    for record in records.by_ref() {
        let record = record.map_err(|error| csv_error(file, &error))?;
        let row = text_row(rows.len() as u32, &record);
        let label_cell = row.1.iter().any(|(_, text)| fold(text) == "label");
        let decided = period_header(&row.1).is_some() || (layout.is_none() && label_cell);
        push(&mut rows, &record, delimiter);
        text_rows.push(row);
        if decided {
            break;
        }
    }
    let Some((label_row, names_column)) = columns_header(&text_rows, layout) else {
        if layout == Some(Layout::Columns) {
            return Err(InputError::new(file, "no row of the CSV holds period labels")
                .with_help(
                    "with --layout columns, a row names the periods (2023, 2024 or Q1 2024, ...) \
                     and each row under it a figure in its first cell (revenue, cost:marketing, ...)",
                ));
        }
        return Ok(None);
    };
    for record in records {
        let record = record.map_err(|error| csv_error(file, &error))?;
        push(&mut rows, &record, delimiter);
    }
    check_row_widths(&rows, label_row as usize, names_column as usize, file)?;
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or_default() as u32;
    let mut grid: Range<Data> = Range::new((0, 0), (rows.len() as u32 - 1, width.max(1) - 1));
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.cells.iter().enumerate() {
            if !cell.is_empty() {
                grid.set_value((i as u32, j as u32), Data::String(cell.clone()));
            }
        }
    }
    let label_row_name = rows[label_row as usize]
        .cells
        .get(names_column as usize)
        .filter(|name| !name.is_empty())
        .cloned();
    let turned = transpose(&grid, label_row, names_column);
    let read = periods(&turned, file, &rows, names_column, label_row_name)?;
    Ok(read.map(|(mut raw, locator)| {
        raw.reading_warnings
            .extend(delimiter.ambiguity().map(|message| {
                let at = format!("{file}: row {}", rows[label_row as usize].line);
                Warning::new(None, WarningKind::CsvDelimiter, message).at(Some(at))
            }));
        (raw, locator)
    }))
}

fn text_row(index: u32, record: &csv::StringRecord) -> TextRow {
    let cells = record
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .map(|(j, text)| (j as u32, text.to_string()))
        .collect();
    (index, cells)
}

fn push(rows: &mut Vec<FileRow>, record: &csv::StringRecord, delimiter: Delimiter) {
    rows.push(FileRow {
        line: record.position().map_or(0, |p| p.line() as usize),
        text: joined(record.iter(), delimiter),
        cells: record.iter().map(str::to_string).collect(),
    });
}

#[cfg(test)]
#[path = "csv_columns_tests.rs"]
mod tests;
