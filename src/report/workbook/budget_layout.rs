//! Where the Budget sheet (`budget.rs`) has each budgeted figure, cost line and guidance end,
//! for the Plan vs actual sheet's formulas to refer to.

use foldhash::HashMap;

use super::a1;
use super::inputs::field_column;
use crate::input::{CompanyInput, Field, Period, INPUTS_SHEET_COLUMNS};
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
    guidance: Vec<(String, u16)>,
}

impl<'a> BudgetLayout<'a> {
    pub fn new(
        input: &'a CompanyInput,
        rows: HashMap<PeriodLabel, u32>,
        lines: &'a [String],
        guidance: Vec<(String, u16)>,
    ) -> Self {
        BudgetLayout {
            input,
            rows,
            lines,
            guidance,
        }
    }

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

pub fn line_column(lines: &[String], name: &str) -> Option<u16> {
    let at = lines.iter().position(|l| l == name)?;
    Some(*INPUTS_SHEET_COLUMNS as u16 + at as u16)
}
