//! The entries of a measure: its GAAP base, and the statement figures and adjustments it adds
//! and subtracts, each named as the file writes it.

use super::locate::Locate;
use super::locate::{FieldPath, Table};
use super::non_gaap_measure::Operand;
use super::{Field, Kpi, FIGURES};
use crate::diagnostic::{did_you_mean, InputError};

/// What a measure is checked against: the file, its positions, the adjustment names the
/// periods give, the KPIs and the measures read before it.
pub(super) struct Reading<'a> {
    pub file: &'a str,
    pub locator: &'a dyn Locate,
    pub given: Vec<&'a str>,
    pub kpis: &'a [Kpi],
}

impl Reading<'_> {
    /// An error at `keys` of the `index`-th measure.
    pub fn error(&self, index: usize, keys: &[&str], message: String) -> InputError {
        let path = FieldPath::new(Table::NonGaap(index), keys);
        InputError::new(self.file, message).at(self.locator.locate(&path))
    }
}

/// The GAAP measures a non-GAAP one may start from: the statement figures a reconciliation
/// begins with (Regulation G: "the most directly comparable" GAAP measure).
pub const BASES: [Field; 4] = [
    Field::NetIncome,
    Field::OperatingIncome,
    Field::OperatingCashFlow,
    Field::Revenue,
];

/// The `add` or `subtract` list (`field`) of the `index`-th measure, each entry read.
pub(super) fn operands(
    list: Vec<String>,
    field: &str,
    base: Field,
    index: usize,
    reading: &Reading,
) -> Result<Vec<Operand>, InputError> {
    let mut read: Vec<Operand> = Vec::with_capacity(list.len());
    for (at, written) in list.iter().enumerate() {
        let item_error = |message: String| {
            let path = FieldPath::item(Table::NonGaap(index), &[field], at);
            InputError::new(reading.file, message).at(reading.locator.locate(&path))
        };
        let operand = operand(written.trim(), base, &reading.given)
            .map_err(|(message, help)| item_error(message).with_help(help))?;
        if read.contains(&operand) {
            return Err(item_error(format!("\"{written}\" is listed twice"))
                .with_help("list each item once"));
        }
        read.push(operand);
    }
    Ok(read)
}

/// The base named `written`, or the help for a name that is none.
pub(super) fn base(written: &str) -> Result<Field, String> {
    if let Some(base) = BASES.iter().find(|b| b.figure().key == written) {
        return Ok(*base);
    }
    let names = BASES.map(|b| b.figure().key);
    let hint = did_you_mean(written, names)
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    Err(format!(
        "{hint}the base is the GAAP measure the adjusted one is reconciled from: one of {}",
        names.join(", ")
    ))
}

/// An entry of `add` or `subtract`: a statement figure (not the base, not an adjusted one) or
/// `adjustments.<name>` for a name some period gives; else the message and its help.
fn operand(written: &str, base: Field, given: &[&str]) -> Result<Operand, (String, String)> {
    if let Some(name) = written.strip_prefix("adjustments.") {
        if given.contains(&name) {
            return Ok(Operand::Adjustment(name.to_string()));
        }
        let hint = did_you_mean(name, given.iter().copied())
            .map(|c| format!("did you mean \"adjustments.{c}\"? "))
            .unwrap_or_default();
        return Err((
            format!("no period gives the adjustment \"{name}\""),
            format!("{hint}name an item of a [period.adjustments] table"),
        ));
    }
    let figures = || {
        FIGURES.iter().filter(|f| {
            f.money
                && f.table == super::Table::Period
                && f.field != base
                && f.field != Field::AdjustedOperatingIncome
        })
    };
    if let Some(figure) = figures().find(|f| f.key == written) {
        return Ok(Operand::Figure(figure.field));
    }
    let names: Vec<String> = figures()
        .map(|f| f.key.to_string())
        .chain(given.iter().map(|g| format!("adjustments.{g}")))
        .collect();
    let hint = did_you_mean(written, names.iter().map(String::as_str))
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    Err((
        format!("\"{written}\" is neither a statement figure nor an adjustment"),
        format!("{hint}an item is a statement figure (interest_expense) or adjustments.<name>"),
    ))
}
