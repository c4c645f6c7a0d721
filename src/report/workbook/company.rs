//! The Company sheet: `field | value` rows, laid out as the spreadsheet input's company sheet
//! so the workbook reads back. Plan rows get defined names the Plan sheet's formulas use.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::inputs::InputsLayout;
use super::style::{Styles, Text};
use crate::format::to_f64;
use crate::input::{Company, CompanyInput, Plan, ReadinessOverrides, RuleOf40Margin};

pub const COMPANY: &str = "Company";

/// The Company sheet: `field | value` rows, read back as the input's company sheet. Plan rows
/// get defined names (`Annual_attrition`, ...) that the Plan sheet's formulas use.
pub fn company_sheet(
    input: &CompanyInput,
    layout: &mut InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut rows = company_rows(&input.company);
    let mut named: Vec<(&'static str, String)> = Vec::new();
    if let Some(plan) = &input.plan {
        plan_rows(plan, &mut rows, &mut named);
    }
    readiness_rows(&input.readiness, &mut rows);
    // The unit of each value that is not money, read back as the input's company sheet reads it.
    for (name, unit) in &input.value_units {
        rows.push((
            format!("values.{name}.unit"),
            Cell::Text(unit.name().into()),
        ));
    }
    for known in &input.acknowledgements {
        let field = match known.period {
            Some(period) => format!("acknowledge.{}.{period}", known.kind.as_str()),
            None => format!("acknowledge.{}", known.kind.as_str()),
        };
        rows.push((field, Cell::Text(known.reason.clone())));
    }
    write(&rows, &named, layout, styles)
}

/// The sheet of `rows`; the cell of each named plan row goes into `layout`'s names.
fn write(
    rows: &[(String, Cell)],
    named: &[(&'static str, String)],
    layout: &mut InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(COMPANY)?;
    sheet.text_with(0, 0, "field", &styles.header)?;
    sheet.text_with(0, 1, "value", &styles.header)?;
    for (at, (field, value)) in rows.iter().enumerate() {
        let row = 1 + at as u32;
        sheet.text(row, 0, field)?;
        match value {
            Cell::Text(text) => sheet.text_with(row, 1, text, &styles.wrap)?,
            Cell::Number(value, share) => {
                let format = if *share {
                    &styles.share
                } else {
                    &styles.decimal
                };
                sheet.write_number_with_format(row, 1, to_f64(*value), format)?;
            }
        }
        if let Some((name, _)) = named
            .iter()
            .find(|(_, key)| format!("plan.{key}") == *field)
        {
            let at = format!("{COMPANY}!{}", row_col_to_cell_absolute(row, 1));
            layout.names.push((name, at));
        }
    }
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 60)?;
    Ok(sheet)
}

/// The company's own rows: name, currency, scale, then what it gives of the rest.
fn company_rows(company: &Company) -> Vec<(String, Cell)> {
    let mut rows: Vec<(String, Cell)> = vec![
        ("name".into(), Cell::Text(company.name.clone())),
        ("currency".into(), Cell::Text(company.currency.clone())),
        ("scale".into(), Cell::Text(company.scale.name().into())),
    ];
    let mut text = |field: &str, value: &Option<String>| {
        if let Some(value) = value {
            rows.push((field.into(), Cell::Text(value.clone())));
        }
    };
    text("ticker", &company.ticker);
    text("fiscal_year_end", &company.fiscal_year_end);
    text("summary", &company.summary);
    if !company.ai_exposed.is_empty() {
        rows.push((
            "ai_exposed".into(),
            Cell::Text(company.ai_exposed.join(", ")),
        ));
    }
    if !company.sources.is_empty() {
        rows.push(("sources".into(), Cell::Text(company.sources.join("\n"))));
    }
    rows
}

/// The plan's inputs, each with the defined name the Plan sheet's formulas use.
fn plan_rows(plan: &Plan, rows: &mut Vec<(String, Cell)>, named: &mut Vec<(&'static str, String)>) {
    let mut number = |key: &str, name: &'static str, value: Decimal, share: bool| {
        named.push((name, key.to_string()));
        rows.push((format!("plan.{key}"), Cell::Number(value, share)));
    };
    number(
        "target_headcount",
        "Target_headcount",
        plan.target_headcount,
        false,
    );
    number(
        "annual_attrition",
        "Annual_attrition",
        plan.annual_attrition,
        true,
    );
    number(
        "hires_per_year",
        "Hires_per_year",
        plan.hires_per_year,
        false,
    );
    if let Some(share) = plan.reinvest_share {
        number("reinvest_share", "Reinvest_share", share, true);
    }
}

/// The readiness overrides the company gives.
fn readiness_rows(readiness: &ReadinessOverrides, rows: &mut Vec<(String, Cell)>) {
    for (key, value) in [
        ("min_revenue_growth_pct", readiness.min_revenue_growth_pct),
        ("min_rule_of_40", readiness.min_rule_of_40),
        ("min_fiscal_years", readiness.min_fiscal_years),
    ] {
        if let Some(value) = value {
            rows.push((format!("readiness.{key}"), Cell::Number(value, false)));
        }
    }
    let name = match readiness.rule_of_40_margin {
        RuleOf40Margin::Operating => None,
        RuleOf40Margin::Ebitda => Some("ebitda"),
        RuleOf40Margin::Fcf => Some("fcf"),
    };
    if let Some(name) = name {
        rows.push((
            "readiness.rule_of_40_margin".into(),
            Cell::Text(name.into()),
        ));
    }
}

/// A value of the sheet.
enum Cell {
    Text(String),
    /// A number, and whether it is a share (shown as a percentage).
    Number(Decimal, bool),
}

fn row_col_to_cell_absolute(row: u32, column: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell_absolute(row, column)
}
