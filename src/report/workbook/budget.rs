//! The Budget sheet: each planned period's budgeted figures, laid out as the Inputs sheet (the
//! same columns, so `Budget!E5` is the budget of what `Inputs!E9` is the actual of), then each
//! guided figure's low and high end. The figures are typed values, in the company's scale, as
//! the input gives them; the Plan vs actual sheet (`variance.rs`) reads them.
//!
//! The budget is a sheet of its own, not more columns or rows of the Inputs sheet, so that the
//! Inputs sheet stays in the spreadsheet input format and the workbook still reads back.

use foldhash::HashMap;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::a1;
use super::inputs::{field_column, InputsLayout};
use super::style::{width, Styles, Text};
use crate::format::to_f64;
use crate::input::{CompanyInput, Field, Period, COLUMNS, FIGURES, INPUTS_SHEET_COLUMNS};
use crate::period::PeriodLabel;

pub const BUDGET: &str = "Budget";

/// Where each budgeted figure and guidance end is on the Budget sheet.
pub struct BudgetLayout<'a> {
    input: &'a CompanyInput,
    /// The sheet's row of each planned period.
    rows: HashMap<PeriodLabel, u32>,
    /// Each cost line's column: the Inputs sheet's.
    lines: &'a [String],
    /// Each guided figure's low-end column (the high end is the next).
    guidance: Vec<(&'static str, u16)>,
}

impl BudgetLayout<'_> {
    fn period(&self, label: PeriodLabel) -> Option<(&Period, bool, u32)> {
        let plan = self.input.plan_actual.iter().find(|p| p.label == label)?;
        let budget = plan.budget.as_ref()?;
        Some((
            &budget.period,
            budget.revenue_given,
            *self.rows.get(&label)?,
        ))
    }

    /// A budgeted figure's cell, when the budget gives it.
    pub fn field(&self, label: PeriodLabel, field: Field) -> Option<String> {
        let (period, revenue_given, row) = self.period(label)?;
        field.get(period)?;
        (field != Field::Revenue || revenue_given).then(|| cell(row, field_column(field)))
    }

    /// A budgeted cost line's cell, when the budget lists it.
    pub fn line(&self, label: PeriodLabel, name: &str) -> Option<String> {
        let (period, _, row) = self.period(label)?;
        period.costs.get(name)?;
        Some(cell(row, line_column(self.lines, name)?))
    }

    /// Every cost line of the budget as one range, when it lists every line of the input.
    pub fn all_lines(&self, label: PeriodLabel) -> Option<String> {
        let (period, _, row) = self.period(label)?;
        let every =
            !self.lines.is_empty() && self.lines.iter().all(|l| period.costs.contains_key(l));
        let first = *INPUTS_SHEET_COLUMNS as u16;
        let last = first + self.lines.len() as u16 - 1;
        every.then(|| format!("{}:{}", cell(row, first), a1_of(row, last)))
    }

    /// A guided figure's low and high cells.
    pub fn guidance(&self, label: PeriodLabel, key: &str) -> Option<(String, String)> {
        let row = *self.rows.get(&label)?;
        let (_, low) = self.guidance.iter().find(|(k, _)| *k == key)?;
        Some((cell(row, *low), cell(row, low + 1)))
    }
}

fn cell(row: u32, column: u16) -> String {
    a1::on_sheet(BUDGET, row, column)
}

fn a1_of(row: u32, column: u16) -> String {
    let mut text = String::new();
    a1::push(&mut text, row, column);
    text
}

fn line_column(lines: &[String], name: &str) -> Option<u16> {
    let at = lines.iter().position(|l| l == name)?;
    Some(*INPUTS_SHEET_COLUMNS as u16 + at as u16)
}

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
    let header = InputsLayout::row(0) - 1;
    for (column, name) in COLUMNS.iter().take(*INPUTS_SHEET_COLUMNS).enumerate() {
        sheet.text_with(header, column as u16, *name, &styles.header)?;
    }
    let first_line = *INPUTS_SHEET_COLUMNS as u16;
    for (at, line) in layout.lines.iter().enumerate() {
        let text = format!("cost:{line}");
        sheet.text_with(header, first_line + at as u16, text, &styles.header)?;
    }
    let mut keys: Vec<&'static str> = Vec::new();
    for range in input
        .plan_actual
        .iter()
        .flat_map(|p| p.guidance.iter())
        .flat_map(|g| &g.ranges)
    {
        if !keys.contains(&range.key) {
            keys.push(range.key);
        }
    }
    let first_guidance = first_line + layout.lines.len() as u16;
    let mut guidance = Vec::new();
    for (at, key) in keys.iter().enumerate() {
        let low = first_guidance + 2 * at as u16;
        sheet.text_with(header, low, format!("guidance:{key} low"), &styles.header)?;
        sheet.text_with(
            header,
            low + 1,
            format!("guidance:{key} high"),
            &styles.header,
        )?;
        guidance.push((*key, low));
    }
    let factor = company.scale.factor();
    let mut rows = HashMap::default();
    for (index, plan) in input.plan_actual.iter().enumerate() {
        let row = InputsLayout::row(index);
        rows.insert(plan.label, row);
        sheet.text(row, 0, plan.label.to_string())?;
        for range in plan.guidance.iter().flat_map(|g| &g.ranges) {
            let Some((_, low)) = guidance.iter().find(|(k, _)| *k == range.key) else {
                continue;
            };
            let money = range.field.figure().money;
            let scaled = |v| to_f64(if money { v / factor } else { v });
            sheet.write_number_with_format(row, *low, scaled(range.low), &styles.decimal)?;
            sheet.write_number_with_format(row, low + 1, scaled(range.high), &styles.decimal)?;
        }
        let Some(budget) = &plan.budget else { continue };
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
                sheet.write_number_with_format(
                    row,
                    column,
                    to_f64(*amount / factor),
                    &styles.decimal,
                )?;
            }
        }
    }
    let last = first_guidance + 2 * keys.len() as u16;
    sheet.set_column_range_width(0, last.max(1), width(14, 10, 40))?;
    sheet.set_freeze_panes(header + 1, 1)?;
    let lines = &layout.lines;
    let budget = BudgetLayout {
        input,
        rows,
        lines,
        guidance,
    };
    Ok((sheet, budget))
}
