//! The Non-GAAP sheet: each measure reconciled from its GAAP base, a block per measure with
//! the periods as columns. The base and each item are formulas over the Inputs cells (an item
//! subtracted is negated), the measure is a live `SUM` of them, the reported figure is the
//! Inputs cell and the difference is reported less reconciled; ipobrief's values are the cached
//! results. A value that is not there is an empty cell with a note giving the reason.

use foldhash::HashMap;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::inputs::InputsLayout;
use super::non_gaap_block::block;
use super::non_gaap_cells::Block;
use super::style::{width, Styles, Text};
use crate::input::CompanyInput;
use crate::metrics::non_gaap::NonGaap;
use crate::metrics::Metrics;
use crate::period::PeriodLabel;

pub const NON_GAAP: &str = "Non-GAAP";

const HEADER: u32 = 1;
/// The first period's column: the row names are in the first.
const FIRST: u16 = 1;
/// Excel's 16,384 columns less the names': a longer history shows its latest periods.
const MAX_PERIODS: usize = 16_384 - FIRST as usize;
/// The most decimals an amount is shown with.
const MAX_DECIMALS: u32 = 4;

/// The Non-GAAP sheet of a company whose measures `metrics.json` shows.
pub fn sheet(
    input: &CompanyInput,
    metrics: &Metrics,
    layout: &InputsLayout,
    styles: &Styles,
) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(NON_GAAP)?;
    let non_gaap = &metrics.non_gaap;
    let index: HashMap<PeriodLabel, usize> = input
        .periods
        .iter()
        .enumerate()
        .map(|(at, p)| (p.label, at))
        .collect();
    let (columns, shown, left_out) = period_columns(non_gaap, &index, input.periods.len());
    let company = &input.company;
    let title = format!(
        "{}: non-GAAP measures reconciled from GAAP, amounts in {} {}{}",
        company.name,
        company.currency,
        company.scale.name(),
        match left_out {
            0 => String::new(),
            n =>
                format!(" (the latest {MAX_PERIODS} periods; {n} earlier are on the Inputs sheet)"),
        }
    );
    sheet.text_with(0, 0, title, &styles.title)?;
    sheet.text_with(HEADER, 0, "Measure", &styles.header)?;
    for (at, column) in shown.iter().zip(FIRST..) {
        let heading = crate::report::context::heading(&metrics.periods[*at]);
        sheet.text_with(HEADER, column, heading, &styles.header_right)?;
    }
    let factor = company.scale.factor();
    let decimals = decimals(non_gaap, factor);
    let amount = Format::new().set_num_format(crate::format::excel_format(
        crate::format::Unit::Amount,
        decimals as usize,
    ));
    let context = Block {
        layout,
        index: &index,
        columns: &columns,
        factor,
        amount: &amount,
        total: &amount.clone().set_bold(),
        styles,
    };
    let mut row = HEADER + 2;
    let mut longest = "Measure".len();
    for measure in &non_gaap.measures {
        row = block(&mut sheet, row, measure, &context, &mut longest)?;
    }
    sheet.set_column_width(0, width(longest, 20, 60))?;
    if let Some(last) = (FIRST + shown.len() as u16).checked_sub(1) {
        sheet.set_column_range_width(FIRST, last.max(FIRST), 12.0)?;
    }
    sheet.set_freeze_panes(HEADER + 1, FIRST)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, HEADER)?;
    Ok(sheet)
}

/// The sheet's column of each period (by its index in the input), the periods shown in order,
/// and how many earlier ones are left out: every period some measure reconciles, the latest
/// [`MAX_PERIODS`] of them.
fn period_columns(
    non_gaap: &NonGaap,
    index: &HashMap<PeriodLabel, usize>,
    periods: usize,
) -> (Vec<Option<u16>>, Vec<usize>, usize) {
    let mut reconciled = vec![false; periods];
    for period in non_gaap.measures.iter().flat_map(|m| &m.periods) {
        if let Some(at) = index.get(&period.period) {
            reconciled[*at] = true;
        }
    }
    let mut shown: Vec<usize> = (0..periods).filter(|at| reconciled[*at]).collect();
    let left_out = shown.len().saturating_sub(MAX_PERIODS);
    shown.drain(..left_out);
    let mut columns = vec![None; periods];
    for (at, column) in shown.iter().zip(FIRST..) {
        columns[*at] = Some(column);
    }
    (columns, shown, left_out)
}

/// The decimals every amount on the sheet needs in the company's scale: as many as the most
/// precise figure of any reconciliation (a reported 27.5 beside whole millions shows one).
fn decimals(non_gaap: &NonGaap, factor: Decimal) -> u32 {
    let amounts = non_gaap
        .measures
        .iter()
        .flat_map(|m| &m.periods)
        .flat_map(|p| {
            let items = p.items.iter().map(|i| i.amount);
            [p.base, p.reported].into_iter().chain(items).flatten()
        });
    amounts
        .filter_map(|amount| amount.0.checked_div(factor))
        .map(|scaled| scaled.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(MAX_DECIMALS)
}
