//! The Plan vs actual sheet's guidance record: per period and guided figure, the range's ends
//! (the Budget sheet's), the midpoint, the actual (the Inputs sheet's), where it fell and how
//! far from the midpoint, all formulas with ipobrief's values cached.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::budget::BudgetLayout;
use super::series::Sources;
use super::style::Text;
use super::variance_cells::{at, Put, Sheet};
use crate::format::to_f64;
use crate::metrics::plan_actual::{GuidanceCheck, Position};
use crate::metrics::Unit;
use crate::period::PeriodLabel;

#[rustfmt::skip]
const HEADER: [&str; 10] = [
    "Period", "Guided figure", "Unit", "Low", "High", "Midpoint", "Actual", "Position",
    "From midpoint", "From midpoint %",
];

/// The guidance table, its title at `row`.
pub fn table(sheet: &mut Worksheet, mut row: u32, here: &Sheet) -> Result<(), XlsxError> {
    let (plan_actual, styles) = (&here.sources.metrics.plan_actual, here.styles);
    if plan_actual.periods.iter().all(|p| p.guidance.is_empty()) {
        return Ok(());
    }
    sheet.text_with(row, 0, "Guidance", &styles.section)?;
    for (column, text) in HEADER.iter().enumerate() {
        let words = matches!(column, 0..=2 | 7);
        let format = if words {
            &styles.header
        } else {
            &styles.header_right
        };
        sheet.text_with(row + 1, column as u16, *text, format)?;
    }
    row += 2;
    for period in &plan_actual.periods {
        for check in &period.guidance {
            write(sheet, row, period.label, check, here)?;
            row += 1;
        }
    }
    Ok(())
}

/// One guided figure's row.
fn write(
    sheet: &mut Worksheet,
    row: u32,
    label: PeriodLabel,
    check: &GuidanceCheck,
    here: &Sheet,
) -> Result<(), XlsxError> {
    let (sources, budget, styles, pct) = (here.sources, here.budget, here.styles, &here.pct);
    let company = &sources.metrics.company;
    let unit = if check.money {
        Unit::Amount
    } else {
        Unit::People
    };
    let factor = company.scale.factor();
    let shown = |v: Decimal| to_f64(if check.money { v / factor } else { v });
    let format = styles.unit(unit);
    sheet.text(row, 0, label.to_string())?;
    sheet.text_with(row, 1, &check.name, &styles.label)?;
    sheet.text(
        row,
        2,
        unit.heading(&company.currency, company.scale.name()),
    )?;
    let [d, e, f, g] = [3, 4, 5, 6].map(|column| at(row, column));
    let (low, high) = ends(label, check, budget, &shown);
    low.write(sheet, (row, 3), format)?;
    high.write(sheet, (row, 4), format)?;
    Put::Formula(format!("({d}+{e})/2"), shown(check.midpoint.0)).write(sheet, (row, 5), format)?;
    let Some(actual) = check.actual else {
        let why = check.unavailable.get("actual").cloned().unwrap_or_default();
        return Put::Na(why).write(sheet, (row, 6), format);
    };
    actual_cell(label, check, sources, shown(actual.0)).write(sheet, (row, 6), format)?;
    let words = match check.position {
        Some(Position::Below) => "below",
        Some(Position::Within) => "within",
        Some(Position::Above) => "above",
        None => "",
    };
    let position = format!("IF({g}<{d},\"below\",IF({g}>{e},\"above\",\"within\"))");
    Put::Words(position, words.to_string()).write(sheet, (row, 7), &styles.label)?;
    if let Some(from) = check.from_midpoint {
        Put::Formula(format!("{g}-{f}"), shown(from.0)).write(sheet, (row, 8), format)?;
    }
    let from_pct = match check.from_midpoint_pct {
        Some(p) => Put::Formula(format!("({g}-{f})/ABS({f})"), p / 100.0),
        None => Put::Na(
            check
                .unavailable
                .get("from_midpoint_pct")
                .cloned()
                .unwrap_or_default(),
        ),
    };
    from_pct.write(sheet, (row, 9), pct)
}

/// The range's ends: the Budget sheet's cells.
fn ends(
    label: PeriodLabel,
    check: &GuidanceCheck,
    budget: &BudgetLayout,
    shown: &dyn Fn(Decimal) -> f64,
) -> (Put, Put) {
    let (low, high) = (shown(check.low.0), shown(check.high.0));
    match budget.guidance(label, &check.key) {
        Some((low_at, high_at)) => (Put::Formula(low_at, low), Put::Formula(high_at, high)),
        None => {
            let why = || "its cell is not in the workbook".to_string();
            (Put::Value(low, why()), Put::Value(high, why()))
        }
    }
}

/// The actual: the guided figure's Inputs cell.
fn actual_cell(label: PeriodLabel, check: &GuidanceCheck, sources: &Sources, value: f64) -> Put {
    let figures = crate::input::FIGURES.iter();
    let field = figures
        .clone()
        .find(|f| f.column == check.key)
        .map(|f| f.field);
    let index = sources.index.get(&label);
    let cell = match check.key.strip_prefix("values.") {
        // A guided `[period.values]` figure: its `value:<name>` column.
        Some(name) => index.and_then(|&index| sources.layout.value(index, name)),
        None => field
            .zip(index)
            .map(|(field, &index)| sources.layout.field(index, field)),
    };
    match cell {
        Some(cell) => Put::Formula(cell, value),
        None => Put::Value(value, "its cell is not in the workbook".to_string()),
    }
}
