//! One measure's block on the Non-GAAP sheet: its name and why, the GAAP base, each item with
//! its sign, the measure as a `SUM` of them, the reported figure and the difference (when some
//! period reports one). Each row's Inputs column is found once; a period's cells
//! (`non_gaap_cells.rs`) then refer to its row on the Inputs sheet.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::inputs::{field_column, InputsLayout, INPUTS};
use super::inputs_non_gaap::ReportedAt;
use super::non_gaap_cells::{Block, Reference, Rows};
use super::style::Text;
use crate::input::non_gaap::MeasureKind;
use crate::input::Field;
use crate::metrics::non_gaap::{figure_name, Measure};

/// Writes `measure`'s block from `row` on; the first row after it (and a blank one).
pub fn block(
    sheet: &mut Worksheet,
    row: u32,
    measure: &Measure,
    at: &Block,
    longest: &mut usize,
) -> Result<u32, XlsxError> {
    let rows = labels(sheet, row, measure, at, longest)?;
    let reported = match at.layout.non_gaap.reported(&measure.key) {
        Some(ReportedAt::Inputs(column)) => Some((INPUTS, column)),
        Some(ReportedAt::Reported(column)) => Some((super::reported::REPORTED, column)),
        None => None,
    };
    let mut reconciled = vec![false; at.columns.len()];
    for period in &measure.periods {
        let Some(&index) = at.index.get(&period.period) else {
            continue;
        };
        if let Some(column) = at.columns[index] {
            reconciled[index] = true;
            let place = (InputsLayout::row(index), column);
            super::non_gaap_cells::cells(sheet, place, period, &rows, reported, at)?;
        }
    }
    // A period another measure reconciles and this one cannot: its measure's cell says why.
    let base = words(measure.base);
    super::non_gaap_cells::unreconciled(sheet, rows.total, &reconciled, at, &base)?;
    let last = if rows.reported {
        rows.total + 2
    } else {
        rows.total
    };
    Ok(last + 2)
}

/// The block's title, why and row names from `row` on, with each row's format; where its
/// rows are.
fn labels(
    sheet: &mut Worksheet,
    mut row: u32,
    measure: &Measure,
    at: &Block,
    longest: &mut usize,
) -> Result<Rows, XlsxError> {
    let styles = at.styles;
    let mut label = |sheet: &mut Worksheet, row: u32, text: String, format: &Format| {
        *longest = (*longest).max(text.chars().count() + 2);
        sheet.text_with(row, 0, text, format)
    };
    let kind = match measure.kind {
        MeasureKind::Performance => "performance",
        MeasureKind::Liquidity => "liquidity",
    };
    let built_in = if measure.built_in { ", built in" } else { "" };
    let title = format!("{} ({kind} measure{built_in})", measure.name);
    sheet.text_with(row, 0, title, &styles.section)?;
    if !measure.built_in {
        row += 1;
        let why = measure.why.as_deref().unwrap_or("not given");
        sheet.text(row, 0, format!("Why: {why}"))?;
    }
    let base = row + 1;
    let name = format!("{} (GAAP)", figure_name(measure.base));
    label(sheet, base, name, &styles.label)?;
    let mut references = vec![reference(measure.base, 1, at)];
    let added = measure.add.iter().map(|w| (w, 1));
    let items = added.chain(measure.subtract.iter().map(|w| (w, -1)));
    for ((written, sign), row) in items.zip(base + 1..) {
        let mark = if sign > 0 { '+' } else { '−' };
        label(
            sheet,
            row,
            format!("{mark} {}", measure.name_of(written)),
            &styles.label,
        )?;
        references.push(reference(written, sign, at));
    }
    let total = base + references.len() as u32;
    label(sheet, total, measure.name.clone(), at.total)?;
    let reported = measure.periods.iter().any(|p| p.reported.is_some());
    if reported {
        label(
            sheet,
            total + 1,
            "Reported by the company".into(),
            &styles.label,
        )?;
        let difference = "Difference (reported less reconciled)";
        label(sheet, total + 2, difference.into(), &styles.label)?;
    }
    let last = if reported { total + 2 } else { total };
    for row in base..=last {
        let format = if row == total { at.total } else { at.amount };
        sheet.set_row_format(row, format)?;
    }
    Ok(Rows {
        base,
        total,
        references,
        reported,
    })
}

fn reference(written: &str, sign: i8, at: &Block) -> Reference {
    Reference {
        // A figure with a column among the Inputs sheet's own, else one after its values.
        column: match Field::by_column(written).filter(|f| f.figure().inputs_sheet) {
            Some(field) => Some(field_column(field)),
            None => at.layout.non_gaap.item(written),
        },
        sign,
        words: words(written),
    }
}

/// A base or item as a sentence names it: "interest expense", "adjustment \"restructuring\"".
fn words(written: &str) -> String {
    match written.strip_prefix("adjustments.") {
        Some(name) => format!("adjustment \"{name}\""),
        None => written.replace('_', " "),
    }
}
