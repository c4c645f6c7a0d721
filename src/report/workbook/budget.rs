//! The Budget sheet: each planned period's budgeted figures, laid out as the Inputs sheet (the
//! same columns, so `Budget!E5` is the budget of what `Inputs!E9` is the actual of), then each
//! guided figure's low and high end. The figures are typed values, in the company's scale, as
//! the input gives them; the Plan vs actual sheet (`variance.rs`) reads them.
//!
//! The budget is a sheet of its own, not more columns or rows of the Inputs sheet, so that the
//! Inputs sheet stays in the spreadsheet input format and the workbook still reads back.

use foldhash::HashMap;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub use super::budget_layout::BudgetLayout;
use super::budget_layout::{line_column, BUDGET};
use super::inputs::{field_column, InputsLayout};
use super::style::{width, Styles, Text};
use crate::format::to_f64;
use crate::input::plan_actual::{Budget, PeriodPlan};
use crate::input::{CompanyInput, Field, COLUMNS, FIGURES, INPUTS_SHEET_COLUMNS};

/// The Budget sheet: title, the Inputs sheet's header and guidance ends, a row per planned
/// period (`InputsLayout::row` of its place among them).
pub fn sheet<'a>(
    input: &'a CompanyInput,
    layout: &'a InputsLayout,
    styles: &Styles,
) -> Result<(Worksheet, BudgetLayout<'a>), XlsxError> {
    let mut sheet = Worksheet::new();
    let company = &input.company;
    sheet.set_name(BUDGET)?;
    let title = format!(
        "{}: the budget and guidance as read, amounts in {} {}",
        company.name,
        company.currency,
        company.scale.name()
    );
    sheet.text_with(0, 0, title, &styles.title)?;
    // The Inputs sheet's columns, then a low and a high end for each guided figure.
    let mut keys: Vec<&str> = Vec::new();
    let plans = input.plan_actual.iter();
    for range in plans
        .flat_map(|p| p.guidance.iter())
        .flat_map(|g| &g.ranges)
    {
        if !keys.contains(&range.key.as_str()) {
            keys.push(&range.key);
        }
    }
    let mut headers: Vec<String> = COLUMNS
        .iter()
        .take(*INPUTS_SHEET_COLUMNS)
        .map(|c| c.to_string())
        .collect();
    headers.extend(layout.lines.iter().map(|line| format!("cost:{line}")));
    let first_guidance = headers.len() as u16;
    let guidance: Vec<(String, u16)> = (keys.iter().zip(0..))
        .map(|(key, at)| (key.to_string(), first_guidance + 2 * at))
        .collect();
    for key in &keys {
        headers.extend([
            format!("guidance:{key} low"),
            format!("guidance:{key} high"),
        ]);
    }
    let header = InputsLayout::row(0) - 1;
    for (column, text) in headers.iter().enumerate() {
        sheet.text_with(header, column as u16, text, &styles.header)?;
        sheet.set_column_width(column as u16, width(text.chars().count(), 10, 40))?;
    }
    let mut rows = HashMap::default();
    for (index, plan) in input.plan_actual.iter().enumerate() {
        let row = InputsLayout::row(index);
        rows.insert(plan.label, row);
        sheet.text(row, 0, plan.label.to_string())?;
        guidance_ends(&mut sheet, row, plan, &guidance, input, styles)?;
        if let Some(budget) = &plan.budget {
            budgeted(&mut sheet, row, budget, layout, input, styles)?;
        }
    }
    sheet.set_freeze_panes(header + 1, 1)?;
    sheet.set_landscape();
    let lines = &layout.lines;
    let budget = BudgetLayout::new(input, rows, lines, guidance);
    Ok((sheet, budget))
}

/// A period's guidance ends, in the scale for money.
fn guidance_ends(
    sheet: &mut Worksheet,
    row: u32,
    plan: &PeriodPlan,
    columns: &[(String, u16)],
    input: &CompanyInput,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let factor = input.company.scale.factor();
    for range in plan.guidance.iter().flat_map(|g| &g.ranges) {
        let Some((_, low)) = columns.iter().find(|(k, _)| *k == range.key) else {
            continue;
        };
        let money = range.money;
        let scaled = |v| to_f64(if money { v / factor } else { v });
        sheet.write_number_with_format(row, *low, scaled(range.low), &styles.decimal)?;
        sheet.write_number_with_format(row, low + 1, scaled(range.high), &styles.decimal)?;
    }
    Ok(())
}

/// A period's budgeted figures and cost lines, in the Inputs sheet's columns.
fn budgeted(
    sheet: &mut Worksheet,
    row: u32,
    budget: &Budget,
    layout: &InputsLayout,
    input: &CompanyInput,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let factor = input.company.scale.factor();
    for figure in FIGURES.iter().filter(|f| f.inputs_sheet) {
        let given = figure.field != Field::Revenue || budget.revenue_given;
        let Some(value) = figure.field.get(&budget.period).filter(|_| given) else {
            continue;
        };
        let number = to_f64(if figure.money { value / factor } else { value });
        let column = field_column(figure.field);
        sheet.write_number_with_format(row, column, number, &styles.decimal)?;
    }
    for (name, amount) in &budget.period.costs {
        if let Some(column) = line_column(&layout.lines, name) {
            let number = to_f64(*amount / factor);
            sheet.write_number_with_format(row, column, number, &styles.decimal)?;
        }
    }
    Ok(())
}
