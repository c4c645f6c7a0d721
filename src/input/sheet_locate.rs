//! Where a field sits in a workbook: a period is a row of the figures sheet, a field its
//! column; a company field is the value cell of its row in the `company` sheet.

use std::collections::HashMap;

use super::super::locate::{CsvLocator, FieldPath, Locate, Table};
use crate::diagnostic::Location;

/// Maps fields to cells: a period is a row, a field its column; a company field its value cell.
#[derive(Debug, Default)]
pub struct SheetLocator {
    pub sheet: String,
    /// Periods run across the sheet: positions here are turned (row <-> column).
    pub transposed: bool,
    pub header_row: u32,
    /// Column name -> absolute column index.
    pub columns: HashMap<String, u32>,
    /// For each period (in input order): its absolute row.
    pub rows: Vec<u32>,
    pub company_sheet: Option<String>,
    /// Company field -> absolute row in the company sheet (the value is in the second column).
    pub company_rows: HashMap<String, u32>,
    /// For each `acknowledge.<kind>` row of the company sheet (in order): its absolute row.
    pub acknowledge_rows: Vec<u32>,
}

impl SheetLocator {
    pub fn cell(&self, row: u32, column: u32) -> Location {
        Location::Sheet {
            cell: self.reference(row, column),
        }
    }

    /// A cell of the company sheet (the periods sheet when there is none).
    pub fn company_cell(&self, row: u32, column: u32) -> Location {
        let sheet = self.company_sheet.as_deref().unwrap_or(&self.sheet);
        Location::Sheet {
            cell: reference(sheet, row, column),
        }
    }

    /// `Figures!D7`, with the sheet name quoted when it needs it: `'Q data'!D7`.
    pub fn reference(&self, row: u32, column: u32) -> String {
        match self.transposed {
            true => reference(&self.sheet, column, row),
            false => reference(&self.sheet, row, column),
        }
    }
}

pub fn reference(sheet: &str, row: u32, column: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.insert(0, (b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    format!("{sheet}!{letters}{}", row + 1)
}

impl Locate for SheetLocator {
    /// The sheet row (1-based, as a spreadsheet shows it) holding each period's label: its own
    /// row, or with periods across, the row of labels.
    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        let label_at = self.columns.get("label").copied();
        (0..periods)
            .map(|index| {
                let row = if self.transposed {
                    label_at?
                } else {
                    *self.rows.get(index)?
                };
                Some(row as usize + 1)
            })
            .collect()
    }

    fn locate(&self, path: &FieldPath) -> Option<Location> {
        match path.table {
            Table::Period(index) => {
                let row = *self.rows.get(index)?;
                let column = CsvLocator::column_for(&path.keys);
                let at = self
                    .columns
                    .get(&column)
                    .or_else(|| self.columns.get("label"))?;
                Some(self.cell(row, *at))
            }
            Table::Company | Table::Plan | Table::Readiness => {
                let sheet = self.company_sheet.as_deref()?;
                let prefix = match path.table {
                    Table::Plan => "plan.",
                    Table::Readiness => "readiness.",
                    _ => "",
                };
                let row = path
                    .keys
                    .first()
                    .and_then(|k| self.company_rows.get(&format!("{prefix}{k}")));
                let cell = match row {
                    Some(row) => reference(sheet, *row, 1),
                    None => reference(sheet, 0, 0),
                };
                Some(Location::Sheet { cell })
            }
            Table::Acknowledge(index) => {
                let sheet = self.company_sheet.as_deref()?;
                let row = *self.acknowledge_rows.get(index)?;
                // The kind and period are in the row's name, the reason in its value.
                let column = u32::from(path.keys.first().is_some_and(|k| k == "reason"));
                Some(Location::Sheet {
                    cell: reference(sheet, row, column),
                })
            }
            // A workbook holds no [[kpi]], [[non_gaap]] or [adjustments] tables.
            Table::Kpi(_) | Table::ReadinessKpi(_) | Table::NonGaap(_) | Table::Adjustments => None,
            // A `values.<name>.unit | number` row of the company sheet.
            Table::Values => {
                let sheet = self.company_sheet.as_deref()?;
                let row = self
                    .company_rows
                    .get(&format!("values.{}", path.keys.join(".")))?;
                Some(Location::Sheet {
                    cell: reference(sheet, *row, 1),
                })
            }
        }
    }
}
