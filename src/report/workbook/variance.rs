//! The Plan vs actual sheet: per period and budgeted figure, the actual (its cell on the series
//! sheet, or the Inputs sheet for a cost line), the budget (the Budget sheet's figure, or the
//! metric's catalogue formula over the budgeted figures), the variance as an amount and a %
//! and the verdict by the metric's polarity, all live formulas with ipobrief's values cached;
//! then the guidance record (`variance_guidance.rs`).

use foldhash::HashMap;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::budget::BudgetLayout;
use super::series::{cell_value, Sources};
use super::style::{width, Styles, Text};
use super::variance_cells::{BudgetCells, Located, Put};
use crate::metrics::catalogue::workbook::InWorkbook;
use crate::metrics::catalogue::{self, Polarity};
use crate::metrics::plan_actual::{PeriodPlanActual, Variance, Verdict};
use crate::metrics::Unit;
use crate::period::PeriodKind;

pub const SHEET: &str = "Plan vs actual";
const HEADER: [&str; 8] = [
    "Period",
    "Metric",
    "Unit",
    "Actual",
    "Budget",
    "Variance",
    "Variance %",
    "Verdict",
];
/// The actual and budget columns (D and E).
const ACTUAL: u16 = 3;
const BUDGET: u16 = 4;

/// The sheet, for a company whose input gives a budget or guidance.
pub fn sheet(
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
        sheet.text_with(1, column as u16, *text, &styles.header)?;
    }
    let located: HashMap<PeriodKind, Located> =
        [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
            .into_iter()
            .map(|kind| (kind, Located::new(sources, kind)))
            .collect();
    let pct = Format::new().set_num_format("+0.00%;-0.00%;0.00%");
    let mut row = 2;
    for period in &sources.metrics.plan_actual.periods {
        sheet.text(row, 0, period.label.to_string())?;
        if !period.has_budget {
            let why = period
                .unavailable
                .get("variances")
                .cloned()
                .unwrap_or_default();
            Put::Na(why).write(&mut sheet, (row, 1), &styles.label)?;
            row += 1;
            continue;
        }
        let rows: HashMap<String, u32> = (period.variances.iter().map(|v| v.key.clone()))
            .zip(row..)
            .collect();
        let cells = BudgetCells {
            sources,
            budget,
            label: period.label,
            rows: &rows,
            column: BUDGET,
        };
        for variance in &period.variances {
            sheet.text(row, 0, period.label.to_string())?;
            let name = match variance.key.starts_with("cost_lines.") {
                true => crate::format::line_name(&variance.name),
                false => variance.name.clone(),
            };
            sheet.text_with(row, 1, name, &styles.label)?;
            sheet.text(
                row,
                2,
                variance
                    .unit
                    .heading(&company.currency, company.scale.name()),
            )?;
            let format = styles.unit(variance.unit);
            actual(sources, &located[&period.kind], period, variance).write(
                &mut sheet,
                (row, ACTUAL),
                format,
            )?;
            planned(sources, &cells, variance).write(&mut sheet, (row, BUDGET), format)?;
            let points = styles.unit(Unit::Pp);
            let difference_format = if variance.unit == Unit::Pct {
                points
            } else {
                format
            };
            difference(sources, variance, row).write(&mut sheet, (row, 5), difference_format)?;
            difference_pct(variance, row).write(&mut sheet, (row, 6), &pct)?;
            verdict(variance, row).write(&mut sheet, (row, 7), &styles.label)?;
            row += 1;
        }
    }
    super::variance_guidance::table(&mut sheet, row + 1, sources, budget, styles, &pct)?;
    for (column, chars) in [10, 30, 14, 12, 12, 12, 11, 14].into_iter().enumerate() {
        sheet.set_column_width(column as u16, width(chars, 8, 40))?;
    }
    sheet.set_freeze_panes(2, 2)?;
    Ok(sheet)
}

/// The actual: the metric's cell on its series sheet, or the cost line's on the Inputs sheet.
fn actual(sources: &Sources, located: &Located, period: &PeriodPlanActual, v: &Variance) -> Put {
    let company = &sources.metrics.company;
    let Some(number) = v.actual else {
        return Put::Na(v.unavailable.get("actual").cloned().unwrap_or_default());
    };
    let value = cell_value(v.unit, number, company);
    let cell = match v.key.strip_prefix("cost_lines.") {
        Some(line) => sources
            .index
            .get(&period.label)
            .and_then(|&i| sources.layout.line(i, line)),
        None => located.metric(&v.key, period.label),
    };
    match cell {
        Some(cell) => Put::Formula(cell, value),
        None => Put::Value(value, "its cell is not in the workbook".to_string()),
    }
}

/// The budget: a cost line's or figure's Budget cell, or the catalogue's formula over them.
fn planned(sources: &Sources, cells: &BudgetCells, v: &Variance) -> Put {
    let value = cell_value(v.unit, v.budget, &sources.metrics.company);
    let formula = match v.key.strip_prefix("cost_lines.") {
        Some(line) => Ok(cells.budget.line(cells.label, line)),
        None => match catalogue::metric(&v.key).map(|m| (m, m.workbook)) {
            Some((_, InWorkbook::Formula(build) | InWorkbook::Guarded(build))) => Ok(build(cells)),
            Some((metric, InWorkbook::Tree)) => Ok(super::tree::metric(metric, cells)),
            Some((_, InWorkbook::Value(why))) => Err(why.to_string()),
            None => Ok(None),
        },
    };
    match formula {
        Ok(Some(formula)) => Put::Formula(formula, value),
        Ok(None) => Put::Value(
            value,
            "an operand of its formula is not budgeted".to_string(),
        ),
        Err(why) => Put::Value(value, why),
    }
}

/// Actual minus budget: in the sheet's units, or in points for a percentage.
fn difference(sources: &Sources, v: &Variance, row: u32) -> Put {
    let Some(number) = v.variance else {
        return Put::Na(reason(v, "variance"));
    };
    let (d, e) = (cell(row, ACTUAL), cell(row, BUDGET));
    match v.unit {
        Unit::Pct => Put::Formula(format!("({d}-{e})*100"), number.as_f64()),
        unit => Put::Formula(
            format!("{d}-{e}"),
            cell_value(unit, number, &sources.metrics.company),
        ),
    }
}

/// Actual minus budget over the budget's size, as a fraction shown in %.
fn difference_pct(v: &Variance, row: u32) -> Put {
    if v.unit == Unit::Pct && v.variance.is_some() {
        return Put::Na("a percentage's variance is in points (the Variance column)".into());
    }
    let Some(pct) = v.variance_pct else {
        return Put::Na(reason(v, "variance_pct"));
    };
    let (d, e) = (cell(row, ACTUAL), cell(row, BUDGET));
    Put::Formula(format!("({d}-{e})/ABS({e})"), pct / 100.0)
}

/// Favourable or not by the metric's polarity, from the variance's sign.
fn verdict(v: &Variance, row: u32) -> Put {
    let f = cell(row, 5);
    let (above, below) = match v.polarity {
        Polarity::DownGood => ("unfavourable", "favourable"),
        _ => ("favourable", "unfavourable"),
    };
    let text = match v.verdict {
        Verdict::Favourable => "favourable",
        Verdict::Unfavourable => "unfavourable",
        Verdict::OnBudget => "on budget",
        Verdict::Neutral => "neutral",
        Verdict::Na => return Put::Na(reason(v, "variance")),
    };
    let formula = match v.polarity {
        Polarity::Neutral => format!("IF({f}=0,\"on budget\",\"neutral\")"),
        _ => format!("IF({f}=0,\"on budget\",IF({f}>0,\"{above}\",\"{below}\"))"),
    };
    Put::Words(formula, text.to_string())
}

/// Why a field of the row is missing: its own reason, or the actual's.
fn reason(v: &Variance, field: &str) -> String {
    let found = v
        .unavailable
        .get(field)
        .or_else(|| v.unavailable.get("actual"));
    found.cloned().unwrap_or_default()
}

fn cell(row: u32, column: u16) -> String {
    let mut text = String::new();
    super::a1::push(&mut text, row, column);
    text
}
