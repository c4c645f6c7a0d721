//! A period's cells in a measure's block on the Non-GAAP sheet: formulas over its Inputs row
//! with ipobrief's values cached, in the company's scale, and an empty cell with a note where
//! a value is not there.

use foldhash::HashMap;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Worksheet, XlsxError};

use super::a1;
use super::inputs::{InputsLayout, INPUTS};
use super::style::{note, Styles};
use crate::format::to_f64;
use crate::metrics::non_gaap::Reconciliation;
use crate::money::Exact;
use crate::period::PeriodLabel;

/// What every block reads: where the figures are and how amounts look.
pub struct Block<'a> {
    pub layout: &'a InputsLayout,
    /// Each period's index in the input, by label.
    pub index: &'a HashMap<PeriodLabel, usize>,
    /// The sheet's column of each period, by its index (`None` when not shown).
    pub columns: &'a [Option<u16>],
    pub factor: Decimal,
    pub amount: &'a Format,
    pub total: &'a Format,
    pub styles: &'a Styles,
}

/// A row that refers to the Inputs sheet: its column there, the sign it is written with and
/// what a note calls it when a period does not give it.
pub(super) struct Reference {
    pub column: Option<u16>,
    pub sign: i8,
    pub words: String,
}

/// Where a block's rows are: the base, each item after it, then the measure (`total`), the
/// reported figure and the difference.
pub(super) struct Rows {
    pub base: u32,
    pub total: u32,
    /// The base's reference, then each item's.
    pub references: Vec<Reference>,
    /// Whether the reported figure and the difference have rows: some period reports one.
    pub reported: bool,
}

/// One period's cells in `column`, its figures in `inputs_row` of the Inputs sheet (and of
/// the Reported sheet); `reported`, the sheet and column of the measure's reported figures.
pub(super) fn cells(
    sheet: &mut Worksheet,
    (inputs_row, column): (u32, u16),
    period: &Reconciliation,
    rows: &Rows,
    reported: Option<(&str, u16)>,
    at: &Block,
) -> Result<(), XlsxError> {
    let (total, factor) = (rows.total, at.factor);
    let values = std::iter::once(period.base).chain(period.items.iter().map(|i| i.amount));
    for ((reference, value), row) in rows.references.iter().zip(values).zip(rows.base..) {
        match (value, reference.column) {
            (Some(value), Some(inputs)) => {
                let mut formula = String::from(if reference.sign < 0 { "-" } else { "" });
                formula.push_str(&a1::on_sheet(INPUTS, inputs_row, inputs));
                write(sheet, (row, column), formula, value, factor)?;
            }
            _ => {
                let why = format!("the input gives no {}", reference.words);
                na(sheet, (row, column), &why)?;
            }
        }
    }
    let mut sum = String::from("SUM(");
    a1::push(&mut sum, rows.base, column);
    sum.push(':');
    a1::push(&mut sum, total - 1, column);
    sum.push(')');
    match period.total {
        Some(value) => write(sheet, (total, column), sum, value, factor)?,
        None => {
            let why = period.unavailable.as_deref().unwrap_or_default();
            na(sheet, (total, column), why)?;
        }
    }
    if let (Some(value), Some((on, inputs))) = (period.reported, reported) {
        let formula = a1::on_sheet(on, inputs_row, inputs);
        write(sheet, (total + 1, column), formula, value, factor)?;
    }
    match (period.difference, period.reported) {
        (Some(value), _) => {
            let mut formula = String::new();
            a1::push(&mut formula, total + 1, column);
            formula.push('-');
            a1::push(&mut formula, total, column);
            write(sheet, (total + 2, column), formula, value, factor)?;
        }
        (None, Some(_)) => {
            let why = "there is no reconciled total to compare the reported figure with";
            na(sheet, (total + 2, column), why)?;
        }
        (None, None) => {}
    }
    Ok(())
}

/// A note on the measure's cell of each shown period it does not reconcile (another measure
/// does): `reconciled` says, by the period's index, which it does; `base`, the GAAP base in
/// words.
pub(super) fn unreconciled(
    sheet: &mut Worksheet,
    total: u32,
    reconciled: &[bool],
    at: &Block,
    base: &str,
) -> Result<(), XlsxError> {
    let why = format!("the period gives neither the {base} nor a reported figure");
    let columns = at.columns.iter().zip(reconciled);
    for column in columns.filter(|(_, done)| !**done).filter_map(|(c, _)| *c) {
        na(sheet, (total, column), &why)?;
    }
    Ok(())
}

/// A formula with ipobrief's value (full currency units) cached, in the scale.
fn write(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    formula: String,
    value: Exact,
    factor: Decimal,
) -> Result<(), XlsxError> {
    let cached = value.0.checked_div(factor).map_or(0.0, to_f64);
    let formula = Formula::new(formula).set_result(super::cached::result(cached));
    sheet.write_formula(row, column, formula).map(|_| ())
}

/// An empty cell with a note saying why.
fn na(sheet: &mut Worksheet, (row, column): (u32, u16), why: &str) -> Result<(), XlsxError> {
    let text = format!("n/a: {why}");
    sheet.insert_note(row, column, &note(text)).map(|_| ())
}
