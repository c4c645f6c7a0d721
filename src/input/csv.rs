//! The CSV reader: one row per period, one column per field, `cost:<name>` per cost line
//! (periods across the columns are read by `csv_columns.rs`).
//!
//! Company fields are not in the file; they come from `--company "name=...,currency=..."`.
//! Cells are separated by commas, semicolons or tabs, as the header row shows
//! (`csv_delimiter.rs`); names are matched as people write them (`names.rs`).

use super::cell::{read_number, Expect};
use super::locate::{CsvLocator, Locate};

use std::sync::LazyLock;

use super::csv_delimiter::Delimiter;
use super::figures::{Field, FIGURES};
use super::names::{fold, is_subtotal};
use super::raw::{Amount, Label, RawInput, RawPeriod, RawSubtotal};
use super::{Warning, WarningKind};
use crate::diagnostic::{did_you_mean, text_location, InputError, Location};

/// The plain (non-cost) columns a CSV input may have: `label`, each figure's that the
/// workbook's Inputs sheet has, `notes` (the Inputs sheet's columns, [`INPUTS_SHEET_COLUMNS`]
/// of them), then the figures only the non-GAAP reconciliations read.
pub static COLUMNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let sheet = |on: bool| FIGURES.iter().filter(move |f| f.inputs_sheet == on);
    std::iter::once("label")
        .chain(sheet(true).map(|f| f.column))
        .chain(std::iter::once("notes"))
        .chain(sheet(false).map(|f| f.column))
        .collect()
});

/// How many of [`COLUMNS`] the workbook's Inputs sheet has (the first ones).
pub static INPUTS_SHEET_COLUMNS: LazyLock<usize> =
    LazyLock::new(|| 2 + FIGURES.iter().filter(|f| f.inputs_sheet).count());

/// A column (or row) that names one of a kind of figure after a prefix: `cost:marketing` is a
/// cost line, `value:gmv` an operating value that company KPIs read (`[period.values]`).
pub(super) struct Prefixed {
    pub prefix: &'static str,
    /// What one of them is, in messages: "cost line".
    pub noun: &'static str,
    pub example: &'static str,
}

pub(super) const PREFIXES: [Prefixed; 4] = [
    Prefixed {
        prefix: "cost",
        noun: "cost line",
        example: "cost:marketing",
    },
    Prefixed {
        prefix: "value",
        noun: "value",
        example: "value:gmv",
    },
    Prefixed {
        prefix: "adjustment",
        noun: "adjustment",
        example: "adjustment:restructuring",
    },
    Prefixed {
        prefix: "reported",
        noun: "reported figure",
        example: "reported:adjusted_ebitda",
    },
];

impl Prefixed {
    /// The name after this prefix, when `header` has it.
    fn name<'h>(&self, header: &'h str) -> Option<&'h str> {
        header
            .strip_prefix(self.prefix)
            .and_then(|rest| rest.strip_prefix(':'))
    }
}

/// Which way the figures' names run: a header row of columns, or (periods across) the first
/// cell of each row. Messages name a figure's place by it ("unknown row \"revnue\"").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Axis {
    Columns,
    Rows,
}

impl Axis {
    pub(super) fn noun(self) -> &'static str {
        match self {
            Axis::Columns => "column",
            Axis::Rows => "row",
        }
    }
}

/// A figure's name as a header cell or a row's first cell gives it, in the form the readers
/// know: the plain names folded as people write them ("Headcount end", "Headcount-End" ->
/// "headcount_end"), and the prefixes whatever their case and spaces ("Cost : Marketing" ->
/// "cost:Marketing"; the line's own name keeps its case). Anything else (a subtotal, an
/// unknown name to be refused with a suggestion) is returned trimmed.
pub(super) fn figure_name(written: &str) -> String {
    let trimmed = written.trim();
    if let Some((prefix, name)) = trimmed.split_once(':') {
        if let Some(p) = PREFIXES
            .iter()
            .find(|p| prefix.trim().eq_ignore_ascii_case(p.prefix))
        {
            return format!("{}:{}", p.prefix, name.trim());
        }
    }
    let folded = fold(trimmed);
    if COLUMNS.contains(&folded.as_str()) {
        return folded;
    }
    trimmed.to_string()
}

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

/// A row whose cell count is not the header row's. With more cells, a number split by its
/// thousands separator (`2024,62,000` for 62000) is the usual cause: named when a cell and the
/// next look like one ("62" and "000").
fn unequal_row(
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
pub(super) fn is_thousands_split(high: &str, low: &str) -> bool {
    let high = high.trim_start_matches(['-', '+', '(']);
    let low = low.trim_end_matches(')');
    let low = low.split_once('.').map_or(low, |(whole, _)| whole);
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits(high) && high.len() <= 3 && digits(low) && low.len() == 3
}

/// Puts one cell's text into the period field its column names. Shared with the spreadsheet
/// reader, so both accept the same columns and read numbers alike (`cell::read_number`); the
/// error says what was found.
/// A subtotal ("Total costs") is kept aside with `place`, where it is, for a warning when it
/// is not the sum of the cost lines.
pub(super) fn set_field(
    period: &mut RawPeriod,
    header: &str,
    cell: &str,
    place: &dyn Fn() -> String,
) -> Result<(), String> {
    let number = |text: &str| read_number(text, Expect::Amount);
    if !matches!(header, "label" | "notes") && number(cell)?.is_none() {
        return Ok(());
    }
    let amount = || -> Result<Amount, String> { Ok(Amount(number(cell)?.unwrap_or_default())) };
    if is_subtotal(header) {
        period.subtotals.push(RawSubtotal {
            name: header.trim().to_string(),
            amount: amount()?,
            place: place(),
        });
        return Ok(());
    }
    match header {
        "label" => period.label = Some(Label(cell.to_string())),
        "notes" => period.notes = Some(cell.to_string()),
        other => match Field::by_column(other) {
            Some(field) => *field.slot(period) = Some(amount()?),
            None => {
                let prefixed = PREFIXES
                    .iter()
                    .find_map(|p| p.name(other).map(|name| (p.prefix, name.trim())));
                match prefixed {
                    Some(("value", name)) => period.values.insert(name.to_string(), amount()?),
                    Some(("adjustment", name)) => {
                        let item = super::raw_non_gaap::RawAdjustment {
                            amount: Some(amount()?),
                            ..Default::default()
                        };
                        period.adjustments.insert(name.to_string(), item);
                        None
                    }
                    Some(("reported", name)) => period.reported.insert(name.to_string(), amount()?),
                    Some((_, name)) => period.costs.insert(name.to_string(), amount()?),
                    None => period.costs.insert(other.trim().to_string(), amount()?),
                };
            }
        },
    }
    Ok(())
}

/// A row's cells as they would be written in the CSV, so a shown row reads as the file does:
/// `2024,"1,234"`, not `2024,1,234` (with the file's separator).
pub(super) fn joined<'c>(cells: impl Iterator<Item = &'c str>, delimiter: Delimiter) -> String {
    let separator = delimiter.char().to_string();
    cells
        .map(|cell| {
            if cell.contains([',', delimiter.char(), '"', '\n', '\r']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(&separator)
}

/// Refuses a quoted cell that is never closed: the CSV reader would take the rest of the file
/// into that one cell without a word (a truncated file, or a stray `"`).
fn check_quotes_closed(text: &str, file: &str, delimiter: Delimiter) -> Result<(), InputError> {
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

/// Checks the figures' names (the header row, or with periods across each row's first cell):
/// known, unique names including label and revenue.
pub(super) fn check_headers(headers: &[String], file: &str, axis: Axis) -> Result<(), InputError> {
    let noun = axis.noun();
    let header_line = headers.join(",");
    let at = |column: &str| {
        Some(Location::Cell {
            row: 1,
            row_name: None,
            column: column.to_string(),
            record: header_line.clone(),
        })
    };
    for (index, header) in headers.iter().enumerate() {
        let prefixed = PREFIXES.iter().any(|p| p.name(header).is_some());
        if !prefixed && headers[..index].contains(header) {
            return Err(
                InputError::new(file, format!("the {noun} \"{header}\" appears twice"))
                    .at(at(header)),
            );
        }
        if is_subtotal(header) {
            continue;
        }
        if let Some((kind, name)) = PREFIXES
            .iter()
            .find_map(|p| p.name(header).map(|name| (p, name)))
        {
            if name.trim().is_empty() {
                return Err(
                    InputError::new(file, format!("a {} {noun} has no name", kind.prefix))
                        .at(at(header))
                        .with_help(format!(
                            "name {} {noun}s like {}",
                            kind.prefix, kind.example
                        )),
                );
            }
            // `cost:support` and `cost: support` name the same line; one would overwrite the other.
            let same_name = headers[..index]
                .iter()
                .filter_map(|h| kind.name(h))
                .any(|earlier| earlier.trim() == name.trim());
            if same_name {
                return Err(InputError::new(
                    file,
                    format!("the {} \"{}\" has two {noun}s", kind.noun, name.trim()),
                )
                .at(at(header))
                .with_help(format!(
                    "keep one {noun} per {}: add the amounts up, or rename one",
                    kind.noun
                )));
            }
            continue;
        }
        if !COLUMNS.contains(&header.as_str()) {
            let hint = match (
                did_you_mean(header, COLUMNS.iter().copied()),
                cost_column(header),
            ) {
                (Some(close), _) => format!("did you mean \"{close}\"? "),
                (None, Some(cost)) => format!("did you mean \"{cost}\"? "),
                (None, None) => String::new(),
            };
            return Err(
                InputError::new(file, format!("unknown {noun} \"{header}\""))
                    .at(at(header))
                    .with_help(format!(
                        "{hint}{noun}s are {}, cost:<name> for each cost line and value:<name> \
                         for each value a KPI reads (names match whatever their case, spaces \
                         and hyphens; a {noun} named Total ... or Subtotal ... is checked \
                         against the cost lines and skipped)",
                        COLUMNS.join(", ")
                    )),
            );
        }
    }
    for required in ["label", "revenue"] {
        if !headers.iter().any(|h| h == required) {
            let help = match axis {
                Axis::Columns => {
                    format!("the first row must name the columns, including {required}")
                }
                Axis::Rows => format!(
                    "the first cell of each row names its figure: add a row named {required}"
                ),
            };
            return Err(
                InputError::new(file, format!("the CSV has no \"{required}\" {noun}"))
                    .at(Some(Location::Cell {
                        row: 1,
                        row_name: None,
                        column: headers.first().cloned().unwrap_or_default(),
                        record: header_line.clone(),
                    }))
                    .with_help(help),
            );
        }
    }
    Ok(())
}

/// The cost column a header with a misspelt prefix means: "Cost:marketing", "costs:marketing",
/// "cost_marketing" or "cots: marketing" -> "cost:marketing".
fn cost_column(header: &str) -> Option<String> {
    let (prefix, name) = header.split_once([':', '_', ' '])?;
    let prefix = prefix.trim().to_lowercase();
    let close = prefix == "cost" || did_you_mean(&prefix, ["cost", "costs"]).is_some();
    (close && !name.trim().is_empty()).then(|| format!("cost:{}", name.trim()))
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
mod tests {
    use super::*;

    fn amount(value: &Option<Amount>) -> Option<String> {
        value.as_ref().map(|a| a.0.to_string())
    }

    /// Guards issue 12: CSV cells are read as the spreadsheet's are, "1,234" included.
    #[test]
    fn cells_read_as_people_type_them() {
        let text = "label,revenue,headcount_end,operating_income,personnel_cost
                    2024,\"1,234\",1 200,\"(1,500)\",—\n";
        let (raw, _) = parse(text, "t.csv", Delimiter::default())
            .map_err(|e| e.to_string())
            .unwrap();
        let period = &raw.periods[0];
        assert_eq!(amount(&period.revenue).as_deref(), Some("1234"));
        assert_eq!(amount(&period.headcount_end).as_deref(), Some("1200"));
        assert_eq!(amount(&period.operating_income).as_deref(), Some("-1500"));
        assert_eq!(amount(&period.personnel_cost), None);
        let error = parse("label,revenue\n2024,12%\n", "t.csv", Delimiter::default()).err();
        let message = error.map(|e| e.message).unwrap_or_default();
        assert_eq!(
            message,
            "found the percentage \"12%\" where an amount is expected"
        );
    }

    /// `value:<name>` columns are the period's `[period.values]`, which company KPIs read; one
    /// named twice is refused at the second, like a cost line.
    #[test]
    fn value_columns_are_the_periods_values() {
        let text = "label,revenue,value:gmv,cost:marketing\n2024,100,2000,30\n";
        let (raw, _) = parse(text, "t.csv", Delimiter::default())
            .map_err(|e| e.to_string())
            .unwrap();
        let period = &raw.periods[0];
        assert_eq!(
            period.values.get("gmv").map(|a| a.0.to_string()).as_deref(),
            Some("2000")
        );
        assert_eq!(period.values.len(), 1);
        assert_eq!(
            period
                .costs
                .get("marketing")
                .map(|a| a.0.to_string())
                .as_deref(),
            Some("30")
        );
        let error = parse(
            "label,revenue,value:gmv,value: gmv\n2024,1,2,3\n",
            "t.csv",
            Delimiter::default(),
        )
        .err();
        assert_eq!(
            error.map(|e| e.message).unwrap_or_default(),
            "the value \"gmv\" has two columns"
        );
        assert_eq!(figure_name(" Value : GMV "), "value:GMV");
    }

    /// Guards issue 12: a cost column with a misspelt prefix is offered the right form.
    #[test]
    fn a_misspelt_cost_prefix_suggests_the_cost_column() {
        for header in [
            "Cost:marketing",
            "costs:marketing",
            "cost_marketing",
            "cots: marketing",
        ] {
            assert_eq!(
                cost_column(header).as_deref(),
                Some("cost:marketing"),
                "{header}"
            );
        }
        assert_eq!(cost_column("headcount_end"), None);
        assert_eq!(cost_column("marketing"), None);
        let headers = ["label".into(), "costs:marketing".into()];
        let error = check_headers(&headers, "t.csv", Axis::Columns);
        let help = error.err().and_then(|e| e.help).unwrap_or_default();
        assert!(
            help.starts_with("did you mean \"cost:marketing\"? "),
            "{help}"
        );
    }

    fn read(text: &str) -> Result<crate::input::CompanyInput, String> {
        let options = crate::input::ReadOptions {
            company_fields: vec![
                ("name".to_string(), "Acme".to_string()),
                ("currency".to_string(), "SEK".to_string()),
            ],
            ..Default::default()
        };
        crate::input::parse(text, "t.csv", crate::input::Format::Csv, &options)
            .map_err(|e| e.to_string())
    }

    /// Guards Trust II item 16: a semicolon-separated CSV was refused with `unknown column
    /// "label;revenue;headcount_end"`; a tab-separated one likewise.
    #[test]
    fn semicolons_and_tabs_separate_cells_as_commas_do() {
        for separator in [";", "\t"] {
            let text = "label,revenue,headcount_end,cost:support\n2024,100,10,\"1,020\"\n\
                        2025,120,12,25\n"
                .replace(',', separator)
                .replace("\"1;020\"", "\"1,020\"")
                .replace("\"1\t020\"", "\"1,020\"");
            let input = read(&text).unwrap();
            assert_eq!(input.periods[0].revenue, 100.into(), "{separator:?}");
            assert_eq!(input.periods[0].costs["support"], 1020.into());
            assert_eq!(input.periods[1].headcount_end, Some(12.into()));
            assert!(input
                .warnings
                .iter()
                .all(|w| w.kind != WarningKind::CsvDelimiter));
        }
        // Both in the header row: the more frequent one is taken, and the choice said.
        let input = read("label;revenue;cost:a,b\n2024;100;5\n").unwrap();
        assert_eq!(input.periods[0].costs["a,b"], 5.into());
        let warning = input
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::CsvDelimiter);
        assert_eq!(
            warning.and_then(|w| w.at.as_deref()),
            Some("t.csv: row 1"),
            "{:?}",
            input.warnings
        );
    }

    /// Guards Trust II item 16: an unquoted 62,000 gave only "row 2 has 4 cells".
    #[test]
    fn a_number_split_by_its_thousands_separator_is_named() {
        let error = read("label,revenue,headcount_end\n2024,100,62,000\n").unwrap_err();
        assert_eq!(
            error,
            "row 2 has 4 cells but the header row has 3: \"62,000\" looks like one number \
             split by its thousands separator\n  --> t.csv: row 2, column \"headcount_end\"\n   \
             | 2024,100,62,000\n  = help: quote it (\"62,000\"), or write 62000: a comma outside \
             quotes starts a new cell"
        );
        // Too many cells with nothing like a split number: the plain message.
        let error = read("label,revenue\n2024,100,abc\n").unwrap_err();
        assert!(
            error.starts_with("row 2 has 3 cells but the header row has 2: every row needs"),
            "{error}"
        );
        assert!(is_thousands_split("(1", "500)"));
        assert!(is_thousands_split("-12", "345.6"));
        assert!(!is_thousands_split("1234", "567"));
        assert!(!is_thousands_split("12", "34"));
    }

    /// Guards Trust II item 17: "Headcount end" was an unknown column; a "Total costs" column
    /// was refused. The total of 2024 is the lines' 20 + 5 = 25 (skipped in silence); 2025's
    /// 40 is not 30 + 6 = 36 (skipped, with a warning naming both).
    #[test]
    fn columns_named_as_people_write_them_and_subtotals() {
        let text = "Label,Revenue,Headcount-End,Cost: Support,cost:sales,Total costs\n\
                    2024,100,10,20,5,25\n2025,120,12,30,6,40\n";
        let input = read(text).unwrap();
        assert_eq!(input.periods[1].headcount_end, Some(12.into()));
        assert_eq!(input.periods[1].costs.len(), 2);
        let mismatches: Vec<_> = input
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::SubtotalMismatch)
            .collect();
        assert_eq!(mismatches.len(), 1, "{:?}", input.warnings);
        assert_eq!(mismatches[0].period.as_deref(), Some("2025"));
        assert!(
            mismatches[0]
                .message
                .starts_with("2025: \"Total costs\" is 40, but the cost lines add up to 36"),
            "{}",
            mismatches[0].message
        );
        assert_eq!(
            mismatches[0].at.as_deref(),
            Some("t.csv: row 3, column \"Total costs\"")
        );
        assert_eq!(figure_name("Headcount end"), "headcount_end");
        assert_eq!(figure_name(" AI spend "), "ai_spend");
    }
}
