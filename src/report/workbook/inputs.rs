//! The Inputs sheet: the figures as read, laid out exactly as the spreadsheet input format (a
//! `label` header row, one row per period, `cost:<name>` columns; the Company sheet is in
//! `company.rs`), so `ipobrief metrics metrics.xlsx` reads the workbook back.
//! Amounts are in the company's scale, as the input gives them; costs as positive amounts.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::a1;
use super::inputs_non_gaap::NonGaapColumns;
use super::style::{width, Styles, Text};
use crate::format::to_f64;
use crate::input::{CompanyInput, Period, COLUMNS, FIGURES, INPUTS_SHEET_COLUMNS};
use crate::metrics::catalogue::workbook::Field;

pub const INPUTS: &str = "Inputs";

/// The row of the header: the title row is above it.
const HEADER: u32 = 1;

/// Where each figure is on the Inputs sheet.
pub struct InputsLayout {
    /// Cost line names, in the order of their columns.
    pub lines: Vec<String>,
    /// Each cost line's column.
    line_columns: foldhash::HashMap<String, u16>,
    first_line_column: u16,
    /// The `[period.values]` names, in the order of their columns.
    values: Vec<String>,
    /// Each `[period.values]` name's column (`value:<name>`, after the cost lines).
    value_columns: foldhash::HashMap<String, u16>,
    /// Defined names for the plan's inputs on the Company sheet: (name, cell).
    pub names: Vec<(&'static str, String)>,
    /// The reconciliations' figures, after the values.
    pub non_gaap: NonGaapColumns,
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

/// Where each figure goes on the Inputs sheet, worked out before the sheet is written, so the
/// sheets that refer to it are written beside it.
pub fn layout(input: &CompanyInput, lines: Vec<String>) -> InputsLayout {
    // The values KPIs read, as the spreadsheet input names them: `value:<name>`.
    let values: Vec<String> =
        crate::metrics::names_in_order(input.periods.iter().flat_map(|p| p.values.keys()))
            .into_iter()
            .map(String::from)
            .collect();
    let first_line_column = *INPUTS_SHEET_COLUMNS as u16;
    let first_value = first_line_column + lines.len() as u16;
    let line_columns = (lines.iter().cloned()).zip(first_line_column..).collect();
    let value_columns = (values.iter().cloned()).zip(first_value..).collect();
    let non_gaap = NonGaapColumns::new(input, first_value + values.len() as u16);
    InputsLayout {
        lines,
        line_columns,
        first_line_column,
        values,
        value_columns,
        names: Vec::new(),
        non_gaap,
    }
}

/// The Inputs sheet, written into `sheet` (which may be a low-memory sheet, so rows go in
/// order) as `layout` places the figures: title row, the input's header row, one row per
/// period.
pub fn inputs_sheet(
    mut sheet: Worksheet,
    input: &CompanyInput,
    layout: &InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let company = &input.company;
    sheet.set_name(INPUTS)?;
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
    let columns = Columns {
        lines: &layout.lines,
        values: &layout.values,
        first_line: layout.first_line_column,
        first_value: layout.first_line_column + layout.lines.len() as u16,
        notes: COLUMNS.iter().position(|c| *c == "notes").unwrap_or(0) as u16,
    };
    let mut widths = headers(&mut sheet, &columns, styles)?;
    let non_gaap = &layout.non_gaap;
    super::inputs_non_gaap::headers(&mut sheet, non_gaap, HEADER, &mut widths, styles)?;
    // Every figure column has the number format as its column's, set once: a cell written
    // without a format takes it, so no cell's format is looked up (hashed) one by one.
    for column in (1..widths.len() as u16).filter(|c| *c != columns.notes) {
        sheet.set_column_format(column, &styles.decimal)?;
    }
    let factor = company.scale.factor();
    for (index, period) in input.periods.iter().enumerate() {
        let row = InputsLayout::row(index);
        period_row(&mut sheet, row, period, input, &columns)?;
        non_gaap.write(&mut sheet, row, period, factor)?;
    }
    for (column, longest) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, width(*longest, 10, 40))?;
    }
    sheet.set_column_width(columns.notes, 40)?;
    sheet.set_freeze_panes(HEADER + 1, 1)?;
    Ok(sheet)
}

/// The Inputs sheet's columns past the figures: cost lines, then values, and the notes column.
struct Columns<'a> {
    lines: &'a [String],
    values: &'a [String],
    first_line: u16,
    first_value: u16,
    notes: u16,
}

/// The header row: the input's columns, `cost:<line>` and `value:<name>`. Each column's
/// header width, to size the columns by.
fn headers(
    sheet: &mut Worksheet,
    columns: &Columns,
    styles: &Styles,
) -> Result<Vec<usize>, XlsxError> {
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
        header(sheet, column as u16, name)?;
    }
    for (at, line) in columns.lines.iter().enumerate() {
        header(
            sheet,
            columns.first_line + at as u16,
            &format!("cost:{line}"),
        )?;
    }
    for (at, name) in columns.values.iter().enumerate() {
        header(
            sheet,
            columns.first_value + at as u16,
            &format!("value:{name}"),
        )?;
    }
    Ok(widths)
}

/// One period's row: label, figures, cost lines, values and notes. Money in the scale; the
/// numbers take their column's format.
fn period_row(
    sheet: &mut Worksheet,
    row: u32,
    period: &Period,
    input: &CompanyInput,
    columns: &Columns,
) -> Result<(), XlsxError> {
    let factor = input.company.scale.factor();
    let scaled = |amount: Decimal| to_f64(amount / factor);
    let label = match period.coverage.mark() {
        Some(mark) => format!("{} ({mark})", period.label),
        None => period.label.to_string(),
    };
    sheet.text(row, 0, label)?;
    for field in FIGURES.iter().filter(|f| f.inputs_sheet).map(|f| f.field) {
        if let Some((amount, money)) = value(period, field) {
            let number = match money {
                true => scaled(amount),
                false => to_f64(amount),
            };
            sheet.write_number(row, field_column(field), number)?;
        }
    }
    for (at, line) in columns.lines.iter().enumerate() {
        if let Some(amount) = period.costs.get(line) {
            let column = columns.first_line + at as u16;
            sheet.write_number(row, column, scaled(*amount))?;
        }
    }
    for (at, name) in columns.values.iter().enumerate() {
        if let Some(amount) = period.values.get(name.as_str()) {
            let column = columns.first_value + at as u16;
            // Money in the scale, as every amount; counts, people and percent as written.
            let number = match input.value_unit(name) {
                crate::input::ValueUnit::Money => scaled(*amount),
                _ => to_f64(*amount),
            };
            sheet.write_number(row, column, number)?;
        }
    }
    if let Some(notes) = &period.notes {
        sheet.text(row, columns.notes, notes)?;
    }
    Ok(())
}
