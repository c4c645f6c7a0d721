//! The Plan sheet: the plan's outcome and its scenarios, and the month-by-month path as live
//! formulas, `H(m+1) = H(m) × (1 − Annual_attrition)^(1/12) + Hires_per_year ÷ 12`, over the
//! defined names of the Company sheet's plan rows and the Inputs cell of the start headcount.

use rust_xlsxwriter::{utility::row_col_to_cell, Formula, Worksheet, XlsxError};

use super::inputs::InputsLayout;
use super::style::{note, Styles, Text};
use crate::format::to_f64;
use crate::metrics::catalogue::workbook::Field;
use crate::metrics::Metrics;
use crate::plan::HeadcountPlan;

pub const PLAN: &str = "Plan";

/// The Plan sheet, or none when the input has no `[plan]`.
pub fn sheet(
    plan: &HeadcountPlan,
    metrics: &Metrics,
    layout: &InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(PLAN)?;
    let company = &metrics.company;
    sheet.text_with(
        0,
        0,
        format!("{}: headcount plan by natural attrition", company.name),
        &styles.title,
    )?;
    let row = outcome(&mut sheet, plan, &company.currency, styles)?;
    let row = scenarios(&mut sheet, row, plan, styles)?;
    path(&mut sheet, row, plan, metrics, layout, styles)?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_range_width(1, 7, 16)?;
    Ok(sheet)
}

/// The plan's outcome as values, one line each from row 2; returns the row after them.
fn outcome(
    sheet: &mut Worksheet,
    plan: &HeadcountPlan,
    currency: &str,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let why = |key: &str| plan.unavailable.get(key).map(String::as_str);
    let exact = |value: Option<crate::money::Exact>| value.map(|v| to_f64(v.0));
    let payroll = format!("Payroll saved per year ({currency})");
    let lines = [
        (
            "Start headcount",
            exact(plan.start_headcount),
            why("start_headcount"),
        ),
        (
            "Target headcount",
            Some(to_f64(plan.target_headcount.0)),
            None,
        ),
        (
            "Annual attrition",
            Some(to_f64(plan.annual_attrition.0)),
            None,
        ),
        ("Hires per year", Some(to_f64(plan.hires_per_year.0)), None),
        (
            "Months to target",
            plan.months_to_target.map(f64::from),
            why("months_to_target"),
        ),
        (
            "Years to target",
            plan.years_to_target,
            why("years_to_target"),
        ),
        (
            "People not replaced",
            exact(plan.people_not_replaced),
            why("people_not_replaced"),
        ),
        (
            &payroll,
            exact(plan.payroll_saved_per_year),
            why("payroll_saved_per_year"),
        ),
        (
            "Pay rise funded (%)",
            plan.pay_rise_pct,
            why("pay_rise_pct"),
        ),
    ];
    let mut row = 2;
    for (label, value, why) in lines {
        sheet.text(row, 0, label)?;
        match value {
            Some(value) => sheet.write_number_with_format(row, 1, value, &styles.decimal)?,
            None => {
                sheet.write_blank(row, 1, &styles.decimal)?;
                let reason = why.unwrap_or("not computed");
                sheet.insert_note(row, 1, &note(format!("n/a: {reason}")))?
            }
        };
        row += 1;
    }
    sheet.text_with(
        2,
        3,
        "These figures are values; the path below is formulas over the Company sheet's plan rows.",
        &styles.section,
    )?;
    Ok(row)
}

/// The scenarios' table, a blank row below `row`; returns its last row.
fn scenarios(
    sheet: &mut Worksheet,
    mut row: u32,
    plan: &HeadcountPlan,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    // The scenarios.
    row += 1;
    let heads = [
        "Scenario",
        "Attrition factor",
        "Annual attrition",
        "Months to target",
        "Years to target",
        "After 12 months",
        "After 24 months",
        "Why not reached",
    ];
    for (column, head) in heads.iter().enumerate() {
        sheet.text_with(row, column as u16, *head, &styles.header)?;
    }
    for scenario in &plan.scenarios {
        row += 1;
        sheet.text(row, 0, scenario.name)?;
        sheet.write_number_with_format(
            row,
            1,
            to_f64(scenario.attrition_factor.0),
            &styles.decimal,
        )?;
        sheet.write_number_with_format(
            row,
            2,
            to_f64(scenario.annual_attrition.0),
            &styles.share,
        )?;
        if let Some(months) = scenario.months_to_target {
            sheet.write_number(row, 3, f64::from(months))?;
        }
        if let Some(years) = scenario.years_to_target {
            sheet.write_number_with_format(row, 4, years, &styles.decimal)?;
        }
        sheet.write_number_with_format(
            row,
            5,
            scenario.headcount_after_12_months,
            &styles.decimal,
        )?;
        sheet.write_number_with_format(
            row,
            6,
            scenario.headcount_after_24_months,
            &styles.decimal,
        )?;
        if let Some(reason) = &scenario.not_reached_reason {
            sheet.text(row, 7, reason)?;
        }
    }

    Ok(row)
}

/// The month-by-month path, a blank row below `row`: live formulas over the Company sheet's
/// plan rows (from the start headcount's Inputs cell), their values cached.
fn path(
    sheet: &mut Worksheet,
    mut row: u32,
    plan: &HeadcountPlan,
    metrics: &Metrics,
    layout: &InputsLayout,
    styles: &Styles,
) -> Result<(), XlsxError> {
    // The path.
    row += 2;
    let heads = ["Month", "Date", "Headcount", "Unrounded"];
    for (column, head) in heads.iter().enumerate() {
        sheet.text_with(row, column as u16, *head, &styles.header)?;
    }
    let start = plan
        .start_period
        .and_then(|label| metrics.periods.iter().position(|p| p.label == label))
        .map(|index| layout.field(index, Field::HeadcountEnd));
    let names_ready = layout
        .names
        .iter()
        .any(|(name, _)| *name == "Annual_attrition");
    let mut unrounded = plan.start_headcount.map(|v| to_f64(v.0)).unwrap_or(0.0);
    let retention = (1.0 - to_f64(plan.annual_attrition.0).clamp(0.0, 1.0)).powf(1.0 / 12.0);
    let monthly_hires = to_f64(plan.hires_per_year.0).max(0.0) / 12.0;
    for (at, point) in plan.path.iter().enumerate() {
        row += 1;
        sheet.write_number(row, 0, f64::from(point.month))?;
        if let Some(date) = &point.date {
            sheet.text(row, 1, date)?;
        }
        if at > 0 {
            unrounded = unrounded * retention + monthly_hires;
        }
        let above = row_col_to_cell(row - 1, 3);
        let formula = match (at, &start) {
            (0, Some(start)) => Some(start.clone()),
            (0, None) => None,
            _ if names_ready => Some(format!(
                "{above}*(1-Annual_attrition)^(1/12)+Hires_per_year/12"
            )),
            _ => None,
        };
        match formula {
            Some(formula) => {
                let cached = Formula::new(formula).set_result(super::cached::result(unrounded));
                sheet.write_formula_with_format(row, 3, cached, &styles.decimal)?;
            }
            None => {
                sheet.write_number_with_format(row, 3, unrounded, &styles.decimal)?;
            }
        }
        let rounded = Formula::new(format!("ROUND({},2)", row_col_to_cell(row, 3)))
            .set_result(super::cached::result(point.headcount));
        sheet.write_formula_with_format(row, 2, rounded, &styles.decimal)?;
    }
    Ok(())
}
