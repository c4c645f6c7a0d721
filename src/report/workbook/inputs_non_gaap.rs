//! The Inputs sheet's columns for non-GAAP reconciliations, after the cost lines and values:
//! the statement figures only reconciliations read (`net_income`, `interest_expense`,
//! `income_tax`), then `adjustment:<name>` and `reported:free_cash_flow`, as the spreadsheet
//! input names them, so the workbook still reads back as an input. A column is there when a
//! period gives its figure; a company without any has the sheet it had before. The figures
//! reported for the company's own measures are on the Reported sheet (`reported.rs`): the
//! spreadsheet input format holds no `[[non_gaap]]` measures, so it would refuse them.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::{Styles, Text};
use crate::format::to_f64;
use crate::input::non_gaap::FREE_CASH_FLOW;
use crate::input::{CompanyInput, Field, Period, FIGURES};

/// Where each of a company's reconciliation figures is on the Inputs sheet.
#[derive(Default)]
pub struct NonGaapColumns {
    /// The statement figures the Inputs sheet has no column for otherwise, those given.
    figures: Vec<(Field, u16)>,
    /// Adjustment names, in the order they first appear, from `first_adjustment` on.
    adjustments: Vec<String>,
    first_adjustment: u16,
    /// Reported measure keys the Inputs sheet holds (free cash flow's), from `first_reported` on.
    reported: Vec<String>,
    first_reported: u16,
    /// The keys of the company's own measures reported, in the order they first appear: the
    /// Reported sheet's columns, from its second on.
    pub published: Vec<String>,
}

impl NonGaapColumns {
    /// The columns of `input`'s reconciliation figures, from column `first` on.
    pub fn new(input: &CompanyInput, first: u16) -> NonGaapColumns {
        let periods = &input.periods;
        let given = |field: Field| periods.iter().any(|p| field.get(p).is_some());
        let figures: Vec<(Field, u16)> = FIGURES
            .iter()
            .filter(|f| !f.inputs_sheet && given(f.field))
            .zip(first..)
            .map(|(f, column)| (f.field, column))
            .collect();
        let names = |of: &dyn Fn(&Period) -> Vec<&String>| -> Vec<String> {
            let all = periods.iter().flat_map(of);
            crate::metrics::names_in_order(all)
                .into_iter()
                .map(String::from)
                .collect()
        };
        let adjustments = names(&|p| p.non_gaap.adjustments.keys().collect());
        let (reported, published) = names(&|p| p.non_gaap.reported.keys().collect())
            .into_iter()
            .partition(|key| key == FREE_CASH_FLOW);
        let first_adjustment = first + figures.len() as u16;
        let first_reported = first_adjustment + adjustments.len() as u16;
        NonGaapColumns {
            figures,
            adjustments,
            first_adjustment,
            reported,
            first_reported,
            published,
        }
    }

    /// Each column's header, as the spreadsheet input names it.
    pub fn headers(&self) -> impl Iterator<Item = (u16, String)> + '_ {
        let figures = self
            .figures
            .iter()
            .map(|(field, column)| (*column, field.figure().column.to_string()));
        let adjustments = (self.first_adjustment..)
            .zip(&self.adjustments)
            .map(|(column, name)| (column, format!("adjustment:{name}")));
        let reported = (self.first_reported..)
            .zip(&self.reported)
            .map(|(column, key)| (column, format!("reported:{key}")));
        figures.chain(adjustments).chain(reported)
    }

    /// Writes the period's figures into `row`, amounts in the scale (`factor`).
    pub fn write(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        period: &Period,
        factor: Decimal,
    ) -> Result<(), XlsxError> {
        // The column's format applies (set with the Inputs sheet's columns).
        let mut put = |column: u16, amount: Decimal| {
            sheet
                .write_number(row, column, to_f64(amount / factor))
                .map(|_| ())
        };
        for (field, column) in &self.figures {
            if let Some(amount) = field.get(period) {
                put(*column, amount)?;
            }
        }
        let items = &period.non_gaap;
        for (column, name) in (self.first_adjustment..).zip(&self.adjustments) {
            if let Some(adjustment) = items.adjustments.get(name) {
                put(column, adjustment.amount)?;
            }
        }
        for (column, key) in (self.first_reported..).zip(&self.reported) {
            if let Some(amount) = items.reported.get(key) {
                put(column, *amount)?;
            }
        }
        Ok(())
    }

    /// The column of a statement figure only reconciliations read (`net_income`) or an
    /// adjustment (`adjustments.restructuring`) as a measure writes it; `None` for any other
    /// entry, or when no period gives it.
    pub fn item(&self, written: &str) -> Option<u16> {
        if let Some(name) = written.strip_prefix("adjustments.") {
            let at = self.adjustments.iter().position(|n| n == name)?;
            return Some(self.first_adjustment + at as u16);
        }
        let field = Field::by_column(written)?;
        self.figures.iter().find(|(f, _)| *f == field).map(|f| f.1)
    }

    /// Where the figures the company reported for the measure `key` are.
    pub fn reported(&self, key: &str) -> Option<ReportedAt> {
        if let Some(at) = self.reported.iter().position(|k| k == key) {
            return Some(ReportedAt::Inputs(self.first_reported + at as u16));
        }
        let at = self.published.iter().position(|k| k == key)?;
        Some(ReportedAt::Reported(1 + at as u16))
    }
}

/// The column of a measure's reported figures, on the Inputs sheet or the Reported sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportedAt {
    Inputs(u16),
    Reported(u16),
}

/// Writes the header cells of `columns`, widening `widths` to fit them.
pub fn headers(
    sheet: &mut Worksheet,
    columns: &NonGaapColumns,
    row: u32,
    widths: &mut Vec<usize>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (column, text) in columns.headers() {
        if widths.len() <= column as usize {
            widths.resize(column as usize + 1, 0);
        }
        widths[column as usize] = text.chars().count();
        sheet.text_with(row, column, text, &styles.header)?;
    }
    Ok(())
}
