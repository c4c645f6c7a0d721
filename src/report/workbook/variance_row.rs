//! One row of the Plan vs actual sheet: the actual, the budget, the variance, its % and the
//! verdict, each a formula with ipobrief's value cached (or n/a with the reason).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::series::{cell_value, Sources};
use super::style::Text;
use super::variance_cells::{at, BudgetCells, Located, Put, Sheet};
use crate::metrics::catalogue::workbook::InWorkbook;
use crate::metrics::catalogue::{self, Polarity};
use crate::metrics::plan_actual::{PeriodPlanActual, Variance, Verdict};
use crate::metrics::Unit;

/// The actual and budget columns (D and E).
const ACTUAL: u16 = 3;
pub const BUDGET: u16 = 4;

/// The row of `variance` at `row`.
pub fn write(
    sheet: &mut Worksheet,
    row: u32,
    period: &PeriodPlanActual,
    variance: &Variance,
    budget: &BudgetCells,
    here: &Sheet,
) -> Result<(), XlsxError> {
    let (sources, styles) = (here.sources, here.styles);
    let company = &sources.metrics.company;
    sheet.text(row, 0, period.label.to_string())?;
    let name = match variance.key.starts_with("cost_lines.") {
        true => crate::format::line_name(&variance.name),
        false => variance.name.clone(),
    };
    sheet.text_with(row, 1, name, &styles.label)?;
    let unit = variance
        .unit
        .heading(&company.currency, company.scale.name());
    sheet.text(row, 2, unit)?;
    let format = styles.unit(variance.unit);
    let located = &here.located[&period.kind];
    actual(sources, located, period, variance).write(sheet, (row, ACTUAL), format)?;
    planned(sources, budget, variance).write(sheet, (row, BUDGET), format)?;
    let points = variance.unit == Unit::Pct;
    let in_points = if points {
        styles.unit(Unit::Pp)
    } else {
        format
    };
    difference(sources, variance, row).write(sheet, (row, 5), in_points)?;
    difference_pct(variance, row).write(sheet, (row, 6), &here.pct)?;
    verdict(variance, row).write(sheet, (row, 7), &styles.label)
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
    let (d, e) = (at(row, ACTUAL), at(row, BUDGET));
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
        return Put::Note("a percentage's variance is in points (the Variance column)".into());
    }
    let Some(pct) = v.variance_pct else {
        return Put::Na(reason(v, "variance_pct"));
    };
    let (d, e) = (at(row, ACTUAL), at(row, BUDGET));
    Put::Formula(format!("({d}-{e})/ABS({e})"), pct / 100.0)
}

/// Favourable or not by the metric's polarity, from the variance's sign.
fn verdict(v: &Variance, row: u32) -> Put {
    let f = at(row, 5);
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
