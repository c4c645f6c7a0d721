//! A CSV file with the periods across, as most finance sheets are exported: a row of period
//! labels, and under it one row per figure named in its first cell (`revenue`,
//! `cost:marketing`, ...). Found by the rule the spreadsheet reader follows
//! (`columns::columns_header`) and turned by the same transposition; errors name the row and
//! column as the file shows them: `row 4 ("revenue"), column "2024"`.

use std::collections::HashMap;

use calamine::{Data, Range};

use super::columns::{columns_header, period_header, transpose, Layout, TextRow};
use super::csv::{
    check_headers, csv_error, figure_name, is_thousands_split, joined, set_field, Axis,
};
use super::csv_delimiter::Delimiter;
use super::locate::{CsvLocator, FieldPath, Locate, Table};
use super::names::fold;
use super::raw::{RawInput, RawPeriod};
use super::{Warning, WarningKind};
use crate::diagnostic::{InputError, Location};

/// The periods read, and where each field sits in the file.
type Read<'a> = (RawInput, Box<dyn Locate + 'a>);

/// One row of the file: its 1-based line as a spreadsheet shows it, its text as written, and
/// its cells.
struct FileRow {
    line: usize,
    text: String,
    cells: Vec<String>,
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

/// Refuses a figure's row with a cell right of the last period label when two of its cells
/// look like one number split by its thousands separator (`revenue,100,62,000` for 62000):
/// read as it stands, the second half would be a period without a label.
fn check_row_widths(
    rows: &[FileRow],
    label_row: usize,
    names_column: usize,
    file: &str,
) -> Result<(), InputError> {
    let Some(labels) = rows.get(label_row) else {
        return Ok(());
    };
    let width = labels
        .cells
        .iter()
        .rposition(|cell| !cell.is_empty())
        .map_or(0, |last| last + 1);
    for row in &rows[label_row + 1..] {
        let beyond = row.cells.iter().skip(width).any(|cell| !cell.is_empty());
        if !beyond {
            continue;
        }
        let split = (names_column + 1..row.cells.len().saturating_sub(1))
            .find(|&j| is_thousands_split(&row.cells[j], &row.cells[j + 1]));
        let Some(j) = split else {
            continue;
        };
        let (high, low) = (&row.cells[j], &row.cells[j + 1]);
        let column = labels
            .cells
            .get(j)
            .cloned()
            .unwrap_or_else(|| letters(j as u32));
        let name = row
            .cells
            .get(names_column)
            .filter(|n| !n.is_empty())
            .cloned();
        return Err(InputError::new(
            file,
            format!(
                "row {} has a cell right of the last period label: \"{high},{low}\" looks like \
                 one number split by its thousands separator",
                row.line
            ),
        )
        .at(Some(Location::Cell {
            row: row.line,
            row_name: name,
            column,
            record: row.text.clone(),
        }))
        .with_help(format!(
            "quote it (\"{high},{low}\"), or write {high}{low}: a comma outside quotes starts a \
             new cell"
        )));
    }
    Ok(())
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

/// The text of a cell of the turned grid (row = the file's column, column = the file's row).
fn text_at(turned: &Range<Data>, file_row: u32, file_column: u32) -> Option<&str> {
    match turned.get_value((file_column, file_row)) {
        Some(Data::String(text)) => Some(text.as_str()),
        _ => None,
    }
}

/// Each column right of the names is a period; each named row a field of it.
fn periods<'a>(
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
    if let Err(mut error) = check_headers(&names, file, Axis::Rows) {
        let row = match error.location.as_deref() {
            Some(Location::Cell { column, .. }) => named.iter().find(|(_, n)| n == column),
            _ => None,
        }
        .map_or(label_row, |(row, _)| *row);
        let column = label_row_name
            .clone()
            .unwrap_or_else(|| letters(names_column));
        error.location = Some(Box::new(Location::Cell {
            row: line_of(row),
            row_name: None,
            column,
            record: text_of(row).to_string(),
        }));
        return Err(error);
    }
    let name_of: HashMap<u32, &str> = named.iter().map(|(r, n)| (*r, n.as_str())).collect();
    let mut locator = ColumnsLocator {
        label_row_name,
        label_line: line_of(label_row),
        label_record: text_of(label_row).to_string(),
        fields: named
            .iter()
            .map(|(row, name)| {
                let shown = written.get(row).map_or(name.as_str(), |w| w.trim());
                let place = (line_of(*row), text_of(*row).to_string(), shown.to_string());
                (name.clone(), place)
            })
            .collect(),
        columns: Vec::new(),
    };
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

/// A column as a spreadsheet program names it, for a column without a header: 0 -> "A".
fn letters(column: u32) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    letters
}

/// Where a field sits when periods run across: a period is a column, a field a named row.
struct ColumnsLocator {
    /// The names column's text in the row of period labels ("metric"), if any.
    label_row_name: Option<String>,
    label_line: usize,
    label_record: String,
    /// Figure name -> its 1-based line, its row as written and its name as written.
    fields: HashMap<String, (usize, String, String)>,
    /// For each period (in input order): its column's header as written ("FY2024").
    columns: Vec<String>,
}

impl Locate for ColumnsLocator {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        let Table::Period(index) = path.table else {
            return None; // Company fields come from --company, not from the file.
        };
        let column = self.columns.get(index)?.clone();
        let name = CsvLocator::column_for(&path.keys);
        let (row, row_name, record) = match self.fields.get(&name) {
            Some((line, record, shown)) if name != "label" => {
                (*line, Some(shown.clone()), record.clone())
            }
            _ => (
                self.label_line,
                self.label_row_name.clone(),
                self.label_record.clone(),
            ),
        };
        Some(Location::Cell {
            row,
            row_name,
            column,
            record,
        })
    }

    /// Every label is in the one row of period labels.
    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        vec![Some(self.label_line); periods]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Option<RawInput>, String> {
        parse(text, "t.csv", None, Delimiter::detect(text))
            .map(|found| found.map(|(raw, _)| raw))
            .map_err(|error| error.to_string())
    }

    /// Guards issue 12: a CSV with periods across was refused ("unknown column \"2023\"").
    #[test]
    fn periods_across_are_read_as_rows() {
        let text = "Acme,,\nmetric,2023,FY2024\nrevenue,100,\"1,300\"\n\
                    cost:marketing,20,(5)\nheadcount_end,,12\n";
        let raw = read(text).unwrap().unwrap();
        assert_eq!(raw.periods.len(), 2);
        let second = &raw.periods[1];
        assert_eq!(second.label.as_ref().map(|l| l.0.as_str()), Some("FY2024"));
        assert_eq!(
            second.revenue.as_ref().map(|a| a.0.to_string()),
            Some("1300".into())
        );
        assert_eq!(second.costs["marketing"].0.to_string(), "-5");
        assert_eq!(raw.periods[0].headcount_end.as_ref().map(|a| a.0), None);
        assert!(
            read("label,revenue\n2024,5\n").unwrap().is_none(),
            "rows stay rows"
        );
    }

    /// Guards the review of src/input: a row named "Revenue" was refused as unknown, and the
    /// help said "columns are" of figures named in rows.
    #[test]
    fn row_names_match_whatever_their_case() {
        let text = "Metric,2023,2024\n Revenue ,100,120\nCOST : Support,5,6\nHeadcount_End,1,2\n";
        let raw = read(text).unwrap().unwrap();
        assert_eq!(
            raw.periods[1].revenue.as_ref().map(|a| a.0),
            Some(120.into())
        );
        assert_eq!(raw.periods[1].costs["Support"].0, 6.into());
        assert_eq!(
            raw.periods[0].headcount_end.as_ref().map(|a| a.0),
            Some(1.into())
        );
        let error = read("Metric,2023\nRevenue,1\nHead count,2\n").unwrap_err();
        assert!(error.starts_with("unknown row \"Head count\""), "{error}");
        assert!(error.contains("rows are label, revenue, "), "{error}");
        assert!(!error.contains("columns are"), "{error}");
        // A bad cell names its row as written.
        let error = read("Metric,2023\nRevenue,abc\n").unwrap_err();
        assert!(
            error.contains("row 2 (\"Revenue\"), column \"2023\""),
            "{error}"
        );
    }

    /// Guards Trust II item 16 with periods across: an unquoted 62,000 read as a period "D"
    /// without a label.
    #[test]
    fn a_number_split_by_its_thousands_separator_is_named_across() {
        let error = read("metric,2023,2024\nrevenue,100,62,000\n").unwrap_err();
        assert!(
            error.starts_with(
                "row 2 has a cell right of the last period label: \"62,000\" looks like one \
                 number split by its thousands separator\n  --> t.csv: row 2 (\"revenue\"), \
                 column \"2024\""
            ),
            "{error}"
        );
        assert!(error.contains("or write 62000"), "{error}");
    }

    #[test]
    fn a_bad_cell_is_named_by_its_row_and_column() {
        let error = read("metric,2023,2024\nrevenue,100,abc\n").unwrap_err();
        assert!(
            error.contains("--> t.csv: row 2 (\"revenue\"), column \"2024\""),
            "{error}"
        );
        let error = read("metric,2023,2024\nrevenu,100,120\n").unwrap_err();
        assert!(error.starts_with("unknown row \"revenu\""), "{error}");
        assert!(
            error.contains("--> t.csv: row 2, column \"metric\""),
            "{error}"
        );
        assert_eq!(letters(0), "A");
        assert_eq!(letters(27), "AB");
    }
}
