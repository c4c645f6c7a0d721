//! The figures' names of a CSV (the header row, or with periods across each row's first cell):
//! known, unique, and including label and revenue.

use super::figure_names::{Axis, Prefixed, COLUMNS, PREFIXES};
use crate::diagnostic::{did_you_mean, InputError, Location};
use crate::input::names::is_subtotal;

/// Checks the figures' names (the header row, or with periods across each row's first cell):
/// known, unique names including label and revenue.
pub(in crate::input) fn check_headers(
    headers: &[String],
    file: &str,
    axis: Axis,
) -> Result<(), InputError> {
    let noun = axis.noun();
    let header_line = headers.join(",");
    let at = |column: &str| header_cell(column, &header_line);
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
            check_prefixed(kind, name, &headers[..index], file, noun, at(header))?;
            continue;
        }
        if !COLUMNS.contains(&header.as_str()) {
            return Err(unknown(header, file, noun, at(header)));
        }
    }
    check_required(headers, file, axis, &header_line)
}

/// Where a header cell is, for a message: the first row, under `column`.
fn header_cell(column: &str, header_line: &str) -> Option<Location> {
    Some(Location::Cell {
        row: 1,
        row_name: None,
        column: column.to_string(),
        record: header_line.to_string(),
    })
}

/// A prefixed name (`cost:support`) with a name after its prefix, and not one an `earlier`
/// header already gave (`cost:support` and `cost: support` name the same line; one would
/// overwrite the other).
fn check_prefixed(
    kind: &Prefixed,
    name: &str,
    earlier: &[String],
    file: &str,
    noun: &str,
    at: Option<Location>,
) -> Result<(), InputError> {
    if name.trim().is_empty() {
        return Err(
            InputError::new(file, format!("a {} {noun} has no name", kind.prefix))
                .at(at)
                .with_help(format!(
                    "name {} {noun}s like {}",
                    kind.prefix, kind.example
                )),
        );
    }
    let same_name = earlier
        .iter()
        .filter_map(|h| kind.name(h))
        .any(|earlier| earlier.trim() == name.trim());
    if same_name {
        return Err(InputError::new(
            file,
            format!("the {} \"{}\" has two {noun}s", kind.noun, name.trim()),
        )
        .at(at)
        .with_help(format!(
            "keep one {noun} per {}: add the amounts up, or rename one",
            kind.noun
        )));
    }
    Ok(())
}

/// An unknown name, with the name it is closest to.
fn unknown(header: &str, file: &str, noun: &str, at: Option<Location>) -> InputError {
    let hint = match (
        did_you_mean(header, COLUMNS.iter().copied()),
        cost_column(header),
    ) {
        (Some(close), _) => format!("did you mean \"{close}\"? "),
        (None, Some(cost)) => format!("did you mean \"{cost}\"? "),
        (None, None) => String::new(),
    };
    InputError::new(file, format!("unknown {noun} \"{header}\""))
        .at(at)
        .with_help(format!(
            "{hint}{noun}s are {}, cost:<name> for each cost line and value:<name> \
             for each value a KPI reads (names match whatever their case, spaces \
             and hyphens; a {noun} named Total ... or Subtotal ... is checked \
             against the cost lines and skipped)",
            COLUMNS.join(", ")
        ))
}

/// Label and revenue are among the names.
fn check_required(
    headers: &[String],
    file: &str,
    axis: Axis,
    header_line: &str,
) -> Result<(), InputError> {
    let noun = axis.noun();
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
            let first = headers.first().cloned().unwrap_or_default();
            return Err(
                InputError::new(file, format!("the CSV has no \"{required}\" {noun}"))
                    .at(header_cell(&first, header_line))
                    .with_help(help),
            );
        }
    }
    Ok(())
}

/// The cost column a header with a misspelt prefix means: "Cost:marketing", "costs:marketing",
/// "cost_marketing" or "cots: marketing" -> "cost:marketing".
pub(super) fn cost_column(header: &str) -> Option<String> {
    let (prefix, name) = header.split_once([':', '_', ' '])?;
    let prefix = prefix.trim().to_lowercase();
    let close = prefix == "cost" || did_you_mean(&prefix, ["cost", "costs"]).is_some();
    (close && !name.trim().is_empty()).then(|| format!("cost:{}", name.trim()))
}
