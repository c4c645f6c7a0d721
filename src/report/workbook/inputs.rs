//! The Inputs and Company sheets: the figures as read, laid out exactly as the spreadsheet
//! input format (a `label` header row, one row per period, `cost:<name>` columns; a `company`
//! sheet of `field | value` rows), so `ipobrief metrics metrics.xlsx` reads the workbook back.
//! Amounts are in the company's scale, as the input gives them; costs as positive amounts.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::a1;
use super::style::{width, Styles, Text};
use crate::format::to_f64;
use crate::input::{CompanyInput, Period, COLUMNS, FIGURES, INPUTS_SHEET_COLUMNS};
use crate::metrics::catalogue::workbook::Field;

pub const INPUTS: &str = "Inputs";
pub const COMPANY: &str = "Company";

/// The row of the header: the title row is above it.
const HEADER: u32 = 1;

/// Where each figure is on the Inputs sheet.
pub struct InputsLayout {
    /// Cost line names, in the order of their columns.
    pub lines: Vec<String>,
    /// Each cost line's column.
    line_columns: foldhash::HashMap<String, u16>,
    first_line_column: u16,
    /// Each `[period.values]` name's column (`value:<name>`, after the cost lines).
    value_columns: foldhash::HashMap<String, u16>,
    /// Defined names for the plan's inputs on the Company sheet: (name, cell).
    pub names: Vec<(&'static str, String)>,
}

impl InputsLayout {
    /// The row of the period at `index` (in time order).
    pub fn row(index: usize) -> u32 {
        HEADER + 1 + index as u32
    }

    /// `Inputs!C7`: a field's cell for the period at `index`.
    pub fn field(&self, index: usize, field: Field) -> String {
        cell(Self::row(index), field_column(field))
    }

    /// A cost line's cell for the period at `index`.
    pub fn line(&self, index: usize, name: &str) -> Option<String> {
        Some(cell(Self::row(index), *self.line_columns.get(name)?))
    }

    /// A value's cell (`[period.values]`, read by company KPIs) for the period at `index`.
    pub fn value(&self, index: usize, name: &str) -> Option<String> {
        Some(cell(Self::row(index), *self.value_columns.get(name)?))
    }

    /// Every cost line of the period at `index`, as one range.
    pub fn all_lines(&self, index: usize) -> Option<String> {
        let last = self.first_line_column + u16::try_from(self.lines.len()).ok()?.checked_sub(1)?;
        let row = Self::row(index);
        let mut range = a1::on_sheet(INPUTS, row, self.first_line_column);
        range.push(':');
        a1::push(&mut range, row, last);
        Some(range)
    }
}

fn cell(row: u32, column: u16) -> String {
    a1::on_sheet(INPUTS, row, column)
}

/// The Inputs column of a figure: the input's own column. `input::COLUMNS` is `label`, then
/// every figure in `Field`'s order, then `notes`, so no search is needed (a test checks it).
pub fn field_column(field: Field) -> u16 {
    1 + field as u16
}

/// A field of a period as the input gives it, and whether it is money (shown in the scale).
pub fn value(period: &Period, field: Field) -> Option<(Decimal, bool)> {
    field.get(period).map(|v| (v, field.figure().money))
}

/// The defined name of each field's column of figures.
pub fn named_fields() -> impl Iterator<Item = (String, Field)> {
    FIGURES.iter().filter(|f| f.inputs_sheet).map(|figure| {
        let (name, field) = (figure.column, figure.field);
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase());
        (first.into_iter().chain(chars).collect(), field)
    })
}

/// The Inputs sheet, written into `sheet` (which may be a low-memory sheet, so rows go in
/// order): title row, the input's header row, one row per period.
pub fn inputs_sheet(
    mut sheet: Worksheet,
    input: &CompanyInput,
    lines: Vec<String>,
    styles: &Styles,
) -> Result<(Worksheet, InputsLayout), XlsxError> {
    let company = &input.company;
    let factor = company.scale.factor();
    sheet.set_name(INPUTS)?;
    let notes_column = COLUMNS.iter().position(|c| *c == "notes").unwrap_or(0) as u16;
    let first_line_column = *INPUTS_SHEET_COLUMNS as u16;
    sheet.text_with(
        0,
        0,
        format!(
            "{}: the figures as read, amounts in {} {}",
            company.name,
            company.currency,
            company.scale.name()
        ),
        &styles.title,
    )?;
    let mut widths: Vec<usize> = Vec::new();
    let mut header = |sheet: &mut Worksheet, column: u16, text: &str| {
        if widths.len() <= column as usize {
            widths.resize(column as usize + 1, 0);
        }
        widths[column as usize] = text.chars().count();
        sheet
            .text_with(HEADER, column, text, &styles.header)
            .map(|_| ())
    };
    for (column, name) in COLUMNS.iter().take(*INPUTS_SHEET_COLUMNS).enumerate() {
        header(&mut sheet, column as u16, name)?;
    }
    for (at, line) in lines.iter().enumerate() {
        header(
            &mut sheet,
            first_line_column + at as u16,
            &format!("cost:{line}"),
        )?;
    }
    // The values KPIs read, as the spreadsheet input names them: `value:<name>`.
    let values = crate::metrics::names_in_order(input.periods.iter().flat_map(|p| p.values.keys()));
    let first_value_column = first_line_column + lines.len() as u16;
    for (at, name) in values.iter().enumerate() {
        header(
            &mut sheet,
            first_value_column + at as u16,
            &format!("value:{name}"),
        )?;
    }
    let scaled = |amount: Decimal| to_f64(amount / factor);
    for (index, period) in input.periods.iter().enumerate() {
        let row = InputsLayout::row(index);
        let label = match period.coverage.mark() {
            Some(mark) => format!("{} ({mark})", period.label),
            None => period.label.to_string(),
        };
        sheet.text(row, 0, label)?;
        for field in FIGURES.iter().filter(|f| f.inputs_sheet).map(|f| f.field) {
            if let Some((amount, money)) = value(period, field) {
                let (number, format) = match money {
                    true => (scaled(amount), &styles.decimal),
                    false => (to_f64(amount), &styles.decimal),
                };
                sheet.write_number_with_format(row, field_column(field), number, format)?;
            }
        }
        for (at, line) in lines.iter().enumerate() {
            if let Some(amount) = period.costs.get(line) {
                let column = first_line_column + at as u16;
                sheet.write_number_with_format(row, column, scaled(*amount), &styles.decimal)?;
            }
        }
        for (at, name) in values.iter().enumerate() {
            if let Some(amount) = period.values.get(*name) {
                let column = first_value_column + at as u16;
                // Money in the scale, as every amount; counts, people and percent as written.
                let number = match input.value_unit(name) {
                    crate::input::ValueUnit::Money => scaled(*amount),
                    _ => to_f64(*amount),
                };
                sheet.write_number_with_format(row, column, number, &styles.decimal)?;
            }
        }
        if let Some(notes) = &period.notes {
            sheet.text(row, notes_column, notes)?;
        }
    }
    for (column, longest) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, width(*longest, 10, 40))?;
    }
    sheet.set_column_width(notes_column, 40)?;
    sheet.set_freeze_panes(HEADER + 1, 1)?;
    let line_columns = lines
        .iter()
        .enumerate()
        .map(|(at, line)| (line.clone(), first_line_column + at as u16))
        .collect();
    let value_columns = values
        .iter()
        .enumerate()
        .map(|(at, name)| (name.to_string(), first_value_column + at as u16))
        .collect();
    let layout = InputsLayout {
        lines,
        line_columns,
        first_line_column,
        value_columns,
        names: Vec::new(),
    };
    Ok((sheet, layout))
}

/// The Company sheet: `field | value` rows, read back as the input's company sheet. Plan rows
/// get defined names (`Annual_attrition`, ...) that the Plan sheet's formulas use.
pub fn company_sheet(
    input: &CompanyInput,
    layout: &mut InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let company = &input.company;
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
    let mut named: Vec<(&'static str, String)> = Vec::new();
    if let Some(plan) = &input.plan {
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
    let readiness = &input.readiness;
    for (key, value) in [
        ("min_revenue_growth_pct", readiness.min_revenue_growth_pct),
        ("min_rule_of_40", readiness.min_rule_of_40),
        ("min_fiscal_years", readiness.min_fiscal_years),
    ] {
        if let Some(value) = value {
            rows.push((format!("readiness.{key}"), Cell::Number(value, false)));
        }
    }
    {
        use crate::input::RuleOf40Margin;
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

enum Cell {
    Text(String),
    /// A number, and whether it is a share (shown as a percentage).
    Number(Decimal, bool),
}

fn row_col_to_cell_absolute(row: u32, column: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell_absolute(row, column)
}
