//! The CSV reader: one row per period, one column per field, `cost:<name>` per cost line
//! (periods across the columns are read by `csv_columns.rs`).
//!
//! Company fields are not in the file; they come from `--company "name=...,currency=..."`.

use super::cell::{read_number, Expect};
use super::locate::{CsvLocator, Locate};

use std::sync::LazyLock;

use super::figures::{Field, FIGURES};
use super::raw::{Amount, Label, RawInput, RawPeriod};
use crate::diagnostic::{did_you_mean, text_location, InputError, Location};

/// The plain (non-cost) columns a CSV input may have: `label`, each figure's, `notes`.
pub static COLUMNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("label")
        .chain(FIGURES.iter().map(|f| f.column))
        .chain(std::iter::once("notes"))
        .collect()
});

/// A column (or row) that names one of a kind of figure after a prefix: `cost:marketing` is a
/// cost line, `value:gmv` an operating value that company KPIs read (`[period.values]`).
pub(super) struct Prefixed {
    pub prefix: &'static str,
    /// What one of them is, in messages: "cost line".
    pub noun: &'static str,
    pub example: &'static str,
}

pub(super) const PREFIXES: [Prefixed; 2] = [
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

/// A figure's name as a row's first cell gives it, in the form the readers know: the plain
/// names whatever their case and surrounding spaces ("Revenue " -> "revenue"), and the cost
/// prefix likewise ("Cost : Marketing" -> "cost:Marketing"; the line's own name keeps its
/// case). Anything else is returned trimmed, to be refused with a suggestion.
pub(super) fn figure_name(written: &str) -> String {
    let trimmed = written.trim();
    let lower = trimmed.to_lowercase();
    if COLUMNS.contains(&lower.as_str()) {
        return lower;
    }
    match trimmed.split_once(':') {
        Some((prefix, name)) => match PREFIXES
            .iter()
            .find(|p| prefix.trim().eq_ignore_ascii_case(p.prefix))
        {
            Some(p) => format!("{}:{}", p.prefix, name.trim()),
            None => trimmed.to_string(),
        },
        None => trimmed.to_string(),
    }
}

/// Parses CSV text into the raw input and a locator for its cells.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    check_quotes_closed(text, file)?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|error| csv_error(file, &error))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    check_headers(&headers, file, Axis::Columns)?;
    let mut raw = RawInput::default();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| csv_error(file, &error))?;
        let row = record.position().map_or(0, |p| p.line() as usize);
        let record_text = record.iter().map(quoted).collect::<Vec<_>>().join(",");
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut period = RawPeriod::default();
        for (header, cell) in headers.iter().zip(record.iter()) {
            if cell.is_empty() {
                continue;
            }
            let cell_error = |message: String| {
                InputError::new(file, message).at(Some(Location::Cell {
                    row,
                    row_name: None,
                    column: header.clone(),
                    record: record_text.clone(),
                }))
            };
            set_field(&mut period, header, cell).map_err(cell_error)?;
        }
        rows.push((row, record_text));
        raw.periods.push(period);
    }
    Ok((raw, Box::new(CsvLocator { rows })))
}

/// Puts one cell's text into the period field its column names. Shared with the spreadsheet
/// reader, so both accept the same columns and read numbers alike (`cell::read_number`); the
/// error says what was found.
pub(super) fn set_field(period: &mut RawPeriod, header: &str, cell: &str) -> Result<(), String> {
    let number = |text: &str| read_number(text, Expect::Amount);
    if !matches!(header, "label" | "notes") && number(cell)?.is_none() {
        return Ok(());
    }
    let amount = || -> Result<Amount, String> { Ok(Amount(number(cell)?.unwrap_or_default())) };
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
                    Some((_, name)) => period.costs.insert(name.to_string(), amount()?),
                    None => period.costs.insert(other.trim().to_string(), amount()?),
                };
            }
        },
    }
    Ok(())
}

/// A cell as it would be written in the CSV, so a shown row reads as the file does:
/// `2024,"1,234"`, not `2024,1,234`.
pub(super) fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Refuses a quoted cell that is never closed: the CSV reader would take the rest of the file
/// into that one cell without a word (a truncated file, or a stray `"`).
fn check_quotes_closed(text: &str, file: &str) -> Result<(), InputError> {
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
            (None, ',' | '\n' | '\r') => at_cell_start = true,
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
        if headers[..index].contains(header) {
            return Err(
                InputError::new(file, format!("the {noun} \"{header}\" appears twice"))
                    .at(at(header)),
            );
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
                         for each value a KPI reads",
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
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "row {row} has {len} cells but the header row has {expected_len}: \
             every row needs one cell per column (leave a cell empty for a missing value)"
        ),
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
        let (raw, _) = parse(text, "t.csv").map_err(|e| e.to_string()).unwrap();
        let period = &raw.periods[0];
        assert_eq!(amount(&period.revenue).as_deref(), Some("1234"));
        assert_eq!(amount(&period.headcount_end).as_deref(), Some("1200"));
        assert_eq!(amount(&period.operating_income).as_deref(), Some("-1500"));
        assert_eq!(amount(&period.personnel_cost), None);
        let error = parse("label,revenue\n2024,12%\n", "t.csv").err();
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
        let (raw, _) = parse(text, "t.csv").map_err(|e| e.to_string()).unwrap();
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
        let error = parse("label,revenue,value:gmv,value: gmv\n2024,1,2,3\n", "t.csv").err();
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
}
