//! The Reported sheet: the figures the company published for its own non-GAAP measures
//! (`[period.reported]`), a column per measure key and a row per period, on the same rows as
//! the Inputs sheet. They are not on the Inputs sheet because the spreadsheet input format
//! holds no `[[non_gaap]]` measures, so the workbook would no longer read back as an input;
//! free cash flow's, which it does read, is there.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::inputs::InputsLayout;
use super::style::{width, Styles, Text};
use crate::format::to_f64;
use crate::input::CompanyInput;

pub const REPORTED: &str = "Reported";

/// The Reported sheet, when the company reports a figure for one of its own measures.
pub fn sheet(
    input: &CompanyInput,
    layout: &InputsLayout,
    styles: &Styles,
) -> Result<Option<Worksheet>, XlsxError> {
    let keys = &layout.non_gaap.published;
    if keys.is_empty() {
        return Ok(None);
    }
    let mut sheet = Worksheet::new();
    sheet.set_name(REPORTED)?;
    let company = &input.company;
    let title = format!(
        "{}: non-GAAP figures as reported, amounts in {} {}",
        company.name,
        company.currency,
        company.scale.name()
    );
    sheet.text_with(0, 0, title, &styles.title)?;
    let header = InputsLayout::row(0) - 1;
    sheet.text_with(header, 0, "label", &styles.header)?;
    for (key, column) in keys.iter().zip(1u16..) {
        sheet.text_with(header, column, format!("reported:{key}"), &styles.header)?;
        let longest = key.chars().count() + "reported:".len();
        sheet.set_column_width(column, width(longest, 10, 40))?;
    }
    let factor = company.scale.factor();
    for (index, period) in input.periods.iter().enumerate() {
        let row = InputsLayout::row(index);
        sheet.text(row, 0, period.label.to_string())?;
        for (key, column) in keys.iter().zip(1u16..) {
            if let Some(amount) = period.non_gaap.reported.get(key) {
                let number = to_f64(*amount / factor);
                sheet.write_number_with_format(row, column, number, &styles.decimal)?;
            }
        }
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_freeze_panes(header + 1, 1)?;
    sheet.set_print_fit_to_pages(1, 0);
    Ok(Some(sheet))
}
