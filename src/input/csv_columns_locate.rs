//! Where a field sits when periods run across: a period is a column, a field a named row.

use std::collections::HashMap;

use super::super::locate::{CsvLocator, FieldPath, Locate, Table};
use super::FileRow;
use crate::diagnostic::Location;

/// A column as a spreadsheet program names it, for a column without a header: 0 -> "A".
pub(super) fn letters(column: u32) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    letters
}

/// Where a field sits when periods run across: a period is a column, a field a named row.
pub(super) struct ColumnsLocator {
    /// The names column's text in the row of period labels ("metric"), if any.
    pub(super) label_row_name: Option<String>,
    pub(super) label_line: usize,
    pub(super) label_record: String,
    /// Figure name -> its 1-based line, its row as written and its name as written.
    pub(super) fields: HashMap<String, (usize, String, String)>,
    /// For each period (in input order): its column's header as written ("FY2024").
    pub(super) columns: Vec<String>,
}

impl ColumnsLocator {
    /// The locator of the named rows (`named`, as `written`), before any period's column.
    pub(super) fn new(
        label_row_name: Option<String>,
        label_row: u32,
        named: &[(u32, String)],
        written: &HashMap<u32, &str>,
        rows: &[FileRow],
    ) -> ColumnsLocator {
        ColumnsLocator {
            label_row_name,
            label_line: line_of(rows, label_row),
            label_record: text_of(rows, label_row).to_string(),
            fields: named
                .iter()
                .map(|(row, name)| {
                    let shown = written.get(row).map_or(name.as_str(), |w| w.trim());
                    let place = (
                        line_of(rows, *row),
                        text_of(rows, *row).to_string(),
                        shown.to_string(),
                    );
                    (name.clone(), place)
                })
                .collect(),
            columns: Vec::new(),
        }
    }
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

/// A row's 1-based line as a spreadsheet shows it.
pub(super) fn line_of(rows: &[FileRow], row: u32) -> usize {
    rows.get(row as usize).map_or(0, |r| r.line)
}

/// A row's text as written.
pub(super) fn text_of(rows: &[FileRow], row: u32) -> &str {
    rows.get(row as usize).map_or("", |r| r.text.as_str())
}
