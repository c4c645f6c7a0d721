//! The Plan vs actual sheet: per period and budgeted figure, the actual (its cell on the series
//! sheet, or the Inputs sheet for a cost line), the budget (the Budget sheet's figure, or the
//! metric's catalogue formula over the budgeted figures), the variance as an amount and a %
//! and the verdict by the metric's polarity (each row's cells in `variance_row.rs`), all live
//! formulas with ipobrief's values cached; then the guidance record (`variance_guidance.rs`).

use foldhash::HashMap;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::budget::BudgetLayout;
use super::series::Sources;
use super::style::{width, Styles, Text};
use super::variance_cells::{BudgetCells, Located, Put, Sheet};
use super::variance_row::{self as cells, BUDGET};
use crate::metrics::plan_actual::{PeriodPlanActual, Variance};
use crate::period::PeriodKind;

pub const SHEET: &str = "Plan vs actual";
#[rustfmt::skip]
const HEADER: [&str; 8] = [
    "Period", "Metric", "Unit", "Actual", "Budget", "Variance", "Variance %", "Verdict",
];

/// The Budget and the Plan vs actual sheets, when the input gives a budget or guidance (the
/// workbook puts the first after the Company sheet, the second after the series).
pub fn sheets(
    sources: &Sources,
    styles: &Styles,
) -> Result<(Option<Worksheet>, Option<Worksheet>), XlsxError> {
    if sources.metrics.plan_actual.is_empty() {
        return Ok((None, None));
    }
    let (budget_sheet, budget) = super::budget::sheet(sources.input, sources.layout, styles)?;
    Ok((Some(budget_sheet), Some(sheet(sources, &budget, styles)?)))
}

/// The sheet, for a company whose input gives a budget or guidance.
fn sheet(
    sources: &Sources,
    budget: &BudgetLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    let company = &sources.metrics.company;
    sheet.set_name(SHEET)?;
    let title = format!(
        "{}: plan against actual, amounts in {} {}",
        company.name,
        company.currency,
        company.scale.name()
    );
    sheet.text_with(0, 0, title, &styles.title)?;
    for (column, text) in HEADER.iter().enumerate() {
        let figures = (3..=6).contains(&column);
        let format = if figures {
            &styles.header_right
        } else {
            &styles.header
        };
        sheet.text_with(1, column as u16, *text, format)?;
    }
    let kinds = [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter];
    let here = Sheet {
        sources,
        budget,
        styles,
        located: kinds
            .map(|kind| (kind, Located::new(sources, kind)))
            .into_iter()
            .collect(),
        pct: Format::new().set_num_format("+0.00%;-0.00%;0.00%"),
    };
    let mut row = 2;
    let periods = &sources.metrics.plan_actual.periods;
    if periods.iter().any(|p| p.has_budget) {
        for period in periods {
            row = period_rows(&mut sheet, row, period, &here)?;
        }
    } else {
        // Guidance only: one line says so, not an n/a row for every period.
        sheet.text(row, 0, "The input gives no budget for any period.")?;
        row += 1;
    }
    super::variance_guidance::table(&mut sheet, row + 1, &here)?;
    columns(&mut sheet, sources)?;
    Ok(sheet)
}

/// A period's rows from `row` on: its variance table, or n/a without a budget. The next row.
fn period_rows(
    sheet: &mut Worksheet,
    mut row: u32,
    period: &PeriodPlanActual,
    here: &Sheet,
) -> Result<u32, XlsxError> {
    if !period.has_budget {
        sheet.text(row, 0, period.label.to_string())?;
        let why = period
            .unavailable
            .get("variances")
            .cloned()
            .unwrap_or_default();
        Put::Na(why).write(sheet, (row, 1), &here.styles.label)?;
        return Ok(row + 1);
    }
    let rows: HashMap<String, u32> = (period.variances.iter().map(|v| v.key.clone()))
        .zip(row..)
        .collect();
    let budget = BudgetCells {
        sources: here.sources,
        budget: here.budget,
        label: period.label,
        rows: &rows,
        column: BUDGET,
    };
    for variance in &period.variances {
        cells::write(sheet, row, period, variance, &budget, here)?;
        row += 1;
    }
    Ok(row)
}

/// Names and units as wide as the longest (the guidance table's figures fit under these);
/// printed landscape, one page wide, the header on every page.
fn columns(sheet: &mut Worksheet, sources: &Sources) -> Result<(), XlsxError> {
    let company = &sources.metrics.company;
    let longest = |text: &dyn Fn(&Variance) -> String| {
        let periods = sources.metrics.plan_actual.periods.iter();
        let rows = periods.flat_map(|p| &p.variances);
        rows.map(|v| text(v).chars().count()).max().unwrap_or(0)
    };
    let name = longest(&|v| v.name.clone()) + 2;
    let unit = longest(&|v| v.unit.heading(&company.currency, company.scale.name()));
    let widths = [10, name, unit, 13, 13, 13, 13, 14, 13, 15];
    for (column, chars) in widths.into_iter().enumerate() {
        sheet.set_column_width(column as u16, width(chars, 8, 60))?;
    }
    sheet.set_freeze_panes(2, 2)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 1)?;
    Ok(())
}
