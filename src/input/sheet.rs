//! The spreadsheet reader (.xlsx, .xlsm, .xls, .ods, through calamine): a sheet laid out like the CSV,
//! one row per period under a header row of the same column names, and an optional `company`
//! sheet of `field | value` rows. Formula cells are read as the values the spreadsheet program
//! last computed. Errors name the sheet and cell, as `Figures!D7`.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader};

use super::columns::{columns_header, header_row, transpose, Layout, TextRow};
use super::csv::{check_headers, figure_name, set_field, Axis};
use super::names::fold;
use super::raw::{RawInput, RawPeriod};
use super::{validate, CompanyInput, ReadOptions};
use crate::diagnostic::{InputError, Location};

/// The name of the optional sheet with the company's fields.
const COMPANY_SHEET: &str = "company";

/// Reads and validates a workbook; `-` reads standard input.
pub fn load(path: &Path, file: &str, options: &ReadOptions) -> Result<CompanyInput, InputError> {
    let bytes = super::read_input(path, file)?;
    let (raw, locator) = parse(bytes, file, options.sheet.as_deref(), options.layout)?;
    validate::validate(raw, file, &locator, &options.company_fields)
}

/// The error for a spreadsheet handed over as text.
pub fn binary_only(file: &str) -> InputError {
    InputError::new(
        file,
        "a spreadsheet is not text and cannot be read from a string",
    )
    .with_help("give the path of the .xlsx, .xlsm, .xls or .ods file")
}

/// Reads the periods sheet (`sheet`, or the first with a `label` column) and the company sheet.
pub fn parse(
    bytes: Vec<u8>,
    file: &str,
    sheet: Option<&str>,
    layout: Option<Layout>,
) -> Result<(RawInput, SheetLocator), InputError> {
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|error| {
            InputError::new(file, format!("cannot open the workbook: {error}"))
                .with_help("save it again as .xlsx or .ods; is the file complete?")
        })?;
    let names = workbook.sheet_names();
    // Each sheet's values, and where a formula has no saved result (see `no_saved_result`).
    let mut uncached: HashMap<String, Vec<(u32, u32, String)>> = HashMap::new();
    let mut range_of = |name: &str| {
        let values = workbook.worksheet_range(name).map_err(|error| {
            InputError::new(file, format!("cannot read the sheet \"{name}\": {error}"))
        })?;
        if let Ok(formulas) = workbook.worksheet_formula(name) {
            uncached.insert(name.to_string(), no_saved_result(&values, &formulas));
        }
        Ok::<_, InputError>(values)
    };
    let (figures_name, figures) = figures_sheet(&names, sheet, layout, file, &mut range_of)?;
    // Periods across: read the sheet turned, each period a row; positions are turned back.
    let across = columns_header(&text_rows(&figures), layout);
    if layout == Some(Layout::Columns) && across.is_none() {
        return Err(InputError::new(
            file,
            format!("no row of the sheet \"{figures_name}\" holds period labels"),
        )
        .with_help(
            "with --layout columns, a row names the periods (2023, 2024 or Q1 2024, ...) and \
             each row under it a figure in its first cell (revenue, cost:marketing, ...)",
        ));
    }
    let figures = match across {
        Some((label_row, names_column)) => transpose(&figures, label_row, names_column),
        None => figures,
    };
    let mut locator = SheetLocator {
        sheet: figures_name,
        transposed: across.is_some(),
        ..SheetLocator::default()
    };
    let mut raw = RawInput {
        periods: periods(&figures, file, &mut locator)?,
        ..RawInput::default()
    };
    let company_name = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(COMPANY_SHEET) && **n != locator.sheet)
        .cloned();
    if let Some(name) = company_name {
        let range = range_of(&name)?;
        locator.company_sheet = Some(name);
        company::company(&range, file, &mut locator, &mut raw)?;
    }
    check_saved_results(&uncached, &locator, across, file)?;
    Ok((raw, locator))
}

/// The sheet of figures: `sheet` as named (exactly, else whatever its case), or the first
/// that is not the company sheet and has a `label` column or (periods across) a row of period
/// labels, as `layout` allows; `range_of` reads a sheet.
fn figures_sheet(
    names: &[String],
    sheet: Option<&str>,
    layout: Option<Layout>,
    file: &str,
    range_of: &mut dyn FnMut(&str) -> Result<Range<Data>, InputError>,
) -> Result<(String, Range<Data>), InputError> {
    let found = match sheet {
        Some(wanted) => {
            let name = names
                .iter()
                .find(|n| n.as_str() == wanted)
                .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
                .ok_or_else(|| {
                    InputError::new(
                        file,
                        format!("the workbook has no sheet named \"{wanted}\""),
                    )
                    .with_help(format!("its sheets are {}", listed(names)))
                })?;
            (name.clone(), range_of(name)?)
        }
        None => {
            let mut found = None;
            for name in names
                .iter()
                .filter(|n| !n.trim().eq_ignore_ascii_case(COMPANY_SHEET))
            {
                let range = range_of(name)?;
                let rows = text_rows(&range);
                let has_label = header_row(&rows)
                    .is_some_and(|(_, cells)| cells.iter().any(|(_, h)| fold(h) == "label"));
                let across = columns_header(&rows, layout).is_some();
                let usable = match layout {
                    Some(Layout::Columns) => across,
                    Some(Layout::Rows) => has_label,
                    None => has_label || across,
                };
                if usable {
                    found = Some((name.clone(), range));
                    break;
                }
            }
            found.ok_or_else(|| {
                InputError::new(file, "no sheet of the workbook has a \"label\" column").with_help(
                    format!(
                        "put one row per period under a header row (label, revenue, ...) as in \
                         the CSV input, or one column per period under a row of period labels, \
                         or name the sheet with --sheet; the sheets are {}",
                        listed(names)
                    ),
                )
            })?
        }
    };
    Ok(found)
}

/// Refuses a formula without a saved result (it reads as an empty cell, a missing figure):
/// below the figures' header row first, then anywhere on the company sheet.
fn check_saved_results(
    uncached: &HashMap<String, Vec<(u32, u32, String)>>,
    locator: &SheetLocator,
    across: Option<(u32, u32)>,
    file: &str,
) -> Result<(), InputError> {
    let below_header = |&&(row, column, _): &&(u32, u32, String)| match across {
        Some((label_row, names_column)) => row > label_row && column > names_column,
        None => row > locator.header_row,
    };
    let figures_cell = uncached
        .get(&locator.sheet)
        .and_then(|cells| cells.iter().find(below_header))
        .map(|cell| (locator.sheet.as_str(), cell));
    let company_cell = locator
        .company_sheet
        .as_deref()
        .and_then(|name| Some((name, uncached.get(name)?.first()?)));
    if let Some((sheet, (row, column, formula))) = figures_cell.or(company_cell) {
        let cell = locate::reference(sheet, *row, *column);
        return Err(formula_without_result(file, &cell, formula));
    }
    Ok(())
}

/// Formula cells without a saved result, as workbooks written by scripts (openpyxl, pandas)
/// hold them: their absolute row and column, and the formula, in reading order.
fn no_saved_result(values: &Range<Data>, formulas: &Range<String>) -> Vec<(u32, u32, String)> {
    let (top, left) = formulas.start().unwrap_or_default();
    let mut cells: Vec<(u32, u32, String)> = formulas
        .used_cells()
        .filter(|(_, _, formula)| !formula.trim().is_empty())
        .map(|(i, j, formula)| (top + i as u32, left + j as u32, formula.clone()))
        .filter(|(row, column, _)| {
            let value = values.get_value((*row, *column));
            value.is_none_or(|v| matches!(cell_text(v), Ok(None)))
        })
        .collect();
    cells.sort();
    cells
}

fn formula_without_result(file: &str, cell: &str, formula: &str) -> InputError {
    let formula = formula.trim_start_matches('=');
    InputError::new(
        file,
        format!("the cell {cell} holds the formula ={formula} but no saved result"),
    )
    .at(Some(Location::Sheet {
        cell: cell.to_string(),
    }))
    .with_help(
        "open the workbook in a spreadsheet program and save it (or recalculate it) first: \
         ipobrief reads the results a spreadsheet program saved, and workbooks written by \
         scripts hold formulas without them",
    )
}

fn listed(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each row's absolute index and its cells with text: absolute column and trimmed text.
fn text_rows(range: &Range<Data>) -> Vec<TextRow> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .enumerate()
                .filter_map(|(j, cell)| Some((left + j as u32, cell_text(cell).ok()??)))
                .collect();
            (top + i as u32, cells)
        })
        .collect()
}

fn periods(
    range: &Range<Data>,
    file: &str,
    locator: &mut SheetLocator,
) -> Result<Vec<RawPeriod>, InputError> {
    let Some((header_at, mut headers)) = header_row(&text_rows(range)) else {
        return Ok(Vec::new());
    };
    // With periods across, a figure is a row named in its first cell. Names are matched as
    // people write them ("Headcount end"), as in a CSV file.
    let axis = match locator.transposed {
        true => Axis::Rows,
        false => Axis::Columns,
    };
    for (_, name) in &mut headers {
        *name = figure_name(name);
    }
    let (top, left) = range.start().unwrap_or_default();
    let names: Vec<String> = headers.iter().map(|(_, name)| name.clone()).collect();
    if let Err(error) = check_headers(&names, file, axis) {
        return Err(at_header(error, &headers, header_at, left, locator));
    }
    let named: HashMap<u32, &str> = headers.iter().map(|(c, n)| (*c, n.as_str())).collect();
    // With periods across, a figure is a row of the sheet.
    let axis = axis.noun();
    locator.header_row = header_at;
    locator.columns = headers.iter().map(|(c, n)| (n.clone(), *c)).collect();
    let mut periods = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let at_row = top + i as u32;
        if at_row <= header_at {
            continue;
        }
        let mut period = RawPeriod::default();
        let mut any = false;
        for (j, cell) in row.iter().enumerate() {
            let at_col = left + j as u32;
            let problem = |message: String| {
                InputError::new(file, message).at(Some(locator.cell(at_row, at_col)))
            };
            let text = cell_text(cell).map_err(|found| {
                let column = named.get(&at_col).copied().unwrap_or("?");
                problem(format!(
                    "the cell {} ({axis} \"{column}\") {found}",
                    locator.reference(at_row, at_col)
                ))
            })?;
            let Some(text) = text else {
                continue;
            };
            any = true;
            let Some(header) = named.get(&at_col) else {
                let (named_in, header) = match locator.transposed {
                    true => ("row", "its first cell"),
                    false => ("column", "the header row"),
                };
                return Err(problem(format!(
                    "the cell {} holds \"{text}\" but its {named_in} has no name in {header}",
                    locator.reference(at_row, at_col)
                ))
                .with_help(format!(
                    "name the {named_in} in {header}, or clear the cell"
                )));
            };
            let place = || locator.cell(at_row, at_col).place(file);
            set_field(&mut period, header, &text, &place).map_err(|error| {
                problem(format!(
                    "{}, {axis} \"{header}\": {error}",
                    locator.reference(at_row, at_col)
                ))
            })?;
        }
        if any {
            locator.rows.push(at_row);
            periods.push(period);
        }
    }
    Ok(periods)
}

/// A header's error placed at its cell of the sheet (the header row's first when it names
/// none), in the sheet's words.
fn at_header(
    mut error: InputError,
    headers: &[(u32, String)],
    header_at: u32,
    left: u32,
    locator: &SheetLocator,
) -> InputError {
    let column = match error.location.as_deref() {
        Some(Location::Cell { column, .. }) => headers.iter().find(|(_, n)| n == column),
        _ => None,
    };
    let at = column.map_or(left, |(col, _)| *col);
    error.location = Some(Box::new(locator.cell(header_at, at)));
    error.message = error.message.replace("the CSV has", "the sheet has");
    error
}

/// A cell's text: None when empty, an error (saying what was found) for dates and error values.
fn cell_text(cell: &Data) -> Result<Option<String>, String> {
    let text = match cell {
        Data::Empty => return Ok(None),
        Data::String(text) => text.trim().to_string(),
        Data::Float(value) if value.is_finite() => value.to_string(),
        Data::Float(value) => return Err(format!("holds {value}, not a finite number")),
        Data::Int(value) => value.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            return Err(
                "holds a date: write it as text (a period label such as 2024-Q1, \
                        or a month-day such as 01-31), e.g. typed with a leading apostrophe"
                    .to_string(),
            )
        }
        Data::DurationIso(text) => return Err(format!("holds the duration {text}, not a number")),
        Data::Error(error) => {
            return Err(format!(
                "holds the error {error}: fix the formula or clear the cell"
            ))
        }
    };
    Ok((!text.is_empty()).then_some(text))
}

#[path = "sheet_company.rs"]
mod company;
pub(in crate::input) use company::table_field;

#[path = "sheet_locate.rs"]
mod locate;

#[cfg(test)]
use locate::reference;
pub use locate::SheetLocator;

#[cfg(test)]
#[path = "sheet_tests.rs"]
mod tests;
