//! One cell's text into the period field its column names, and a row's cells as the file
//! writes them.

use super::super::cell::{read_number, Expect};
use super::super::csv_delimiter::Delimiter;
use super::super::figures::Field;
use super::super::names::is_subtotal;
use super::super::raw::{Amount, Label, RawPeriod, RawSubtotal};
use super::figure_names::PREFIXES;

/// Puts one cell's text into the period field its column names. Shared with the spreadsheet
/// reader, so both accept the same columns and read numbers alike (`cell::read_number`); the
/// error says what was found.
/// A subtotal ("Total costs") is kept aside with `place`, where it is, for a warning when it
/// is not the sum of the cost lines.
pub(in crate::input) fn set_field(
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
                        let item = super::super::raw_non_gaap::RawAdjustment {
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
pub(in crate::input) fn joined<'c>(
    cells: impl Iterator<Item = &'c str>,
    delimiter: Delimiter,
) -> String {
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
