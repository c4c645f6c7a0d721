//! What the Plan vs actual sheet's formulas are built from: where each actual metric is on its
//! series sheet ([`Located`]), where each budgeted figure is ([`BudgetCells`]: the Budget
//! sheet's figures and the sheet's own budget column), and how one cell is written ([`Put`]).

use foldhash::HashMap;
use rust_xlsxwriter::{Format, Formula, Worksheet, XlsxError};

use super::style::Styles;

use super::budget::BudgetLayout;
use super::series::{self, Positions, Sources};
use super::style::{note, Text};
use crate::metrics::catalogue::workbook::{Cells, Field, Which};
use crate::metrics::PeriodMetrics;
use crate::period::{PeriodKind, PeriodLabel};

/// Where each metric of a series is on its sheet.
pub struct Located {
    rows: Positions,
    columns: HashMap<PeriodLabel, u16>,
}

impl Located {
    /// The layout of the `kind` series' sheet, as `series::sheet` writes it.
    pub fn new(sources: &Sources, kind: PeriodKind) -> Located {
        let mut periods: Vec<&PeriodMetrics> = sources
            .metrics
            .periods
            .iter()
            .filter(|p| p.kind == kind)
            .collect();
        periods.drain(..periods.len().saturating_sub(series::MAX_PERIODS));
        let rows = series::rows(kind, &periods, sources.input.kpis.len());
        let (rows, _, columns) = series::positions(&rows, &periods);
        Located { rows, columns }
    }

    /// The metric `key`'s cell for `label` (`Quarters!D7`), when the sheet has one.
    pub fn metric(&self, key: &str, label: PeriodLabel) -> Option<String> {
        let (row, _) = self.rows.get(key)?;
        let column = *self.columns.get(&label)?;
        Some(super::a1::on_sheet(
            series::sheet_name(label.kind),
            *row,
            column,
        ))
    }
}

/// What every row of the sheet reads.
pub struct Sheet<'a> {
    pub sources: &'a Sources<'a>,
    pub budget: &'a BudgetLayout<'a>,
    pub styles: &'a Styles,
    /// Where each series sheet has each metric.
    pub located: HashMap<PeriodKind, Located>,
    /// Signed percentages with two decimals.
    pub pct: Format,
}

/// A budgeted metric's operands: the period's budgeted figures on the Budget sheet, and the
/// other budgeted metrics in the sheet's budget column (`column`, the row of each by key).
pub struct BudgetCells<'a> {
    pub sources: &'a Sources<'a>,
    pub budget: &'a BudgetLayout<'a>,
    pub label: PeriodLabel,
    pub rows: &'a HashMap<String, u32>,
    pub column: u16,
}

impl Cells for BudgetCells<'_> {
    fn input(&self, which: Which, field: Field) -> Option<String> {
        (which == Which::This).then(|| self.budget.field(self.label, field))?
    }

    fn metric(&self, which: Which, key: &str) -> Option<String> {
        let row = *self.rows.get(key).filter(|_| which == Which::This)?;
        let mut text = String::new();
        super::a1::push(&mut text, row, self.column);
        Some(text)
    }

    fn line(&self, which: Which, name: &str) -> Option<String> {
        (which == Which::This).then(|| self.budget.line(self.label, name))?
    }

    fn all_lines(&self, which: Which) -> Option<String> {
        (which == Which::This).then(|| self.budget.all_lines(self.label))?
    }

    fn ai_exposed_lines(&self) -> Vec<String> {
        let exposed = &self.sources.metrics.company.ai_exposed;
        exposed
            .iter()
            .filter_map(|name| self.line(Which::This, name))
            .collect()
    }

    fn months(&self) -> u32 {
        // A budget covers what its period's actual figures do.
        self.sources.months(self.label)
    }

    fn rule_of_40_margin(&self) -> &'static str {
        self.sources.input.readiness.rule_of_40_margin.metric_key()
    }
}

/// One cell of the sheet.
pub enum Put {
    /// A formula with its cached number.
    Formula(String, f64),
    /// A formula with its cached text.
    Words(String, String),
    /// A number written as a value, and why it is not a formula.
    Value(f64, String),
    /// "n/a", and why.
    Na(String),
    /// An empty cell with a note.
    Note(String),
}

impl Put {
    pub fn write(
        self,
        sheet: &mut Worksheet,
        (row, column): (u32, u16),
        format: &Format,
    ) -> Result<(), XlsxError> {
        match self {
            Put::Formula(formula, value) => {
                let formula = Formula::new(formula).set_result(super::cached::result(value));
                sheet.write_formula_with_format(row, column, formula, format)?;
            }
            Put::Words(formula, text) => {
                let formula = Formula::new(formula).set_result(text);
                sheet.write_formula_with_format(row, column, formula, format)?;
            }
            Put::Value(value, why) => {
                sheet.write_number_with_format(row, column, value, format)?;
                sheet.insert_note(row, column, &note(format!("written as a value: {why}")))?;
            }
            Put::Note(why) => {
                sheet.insert_note(row, column, &note(why))?;
            }
            Put::Na(why) => {
                sheet.text(row, column, crate::format::NOT_AVAILABLE)?;
                sheet.insert_note(row, column, &note(format!("n/a: {why}")))?;
            }
        }
        Ok(())
    }
}

/// `C7`: a cell of the sheet.
pub fn at(row: u32, column: u16) -> String {
    let mut text = String::new();
    super::a1::push(&mut text, row, column);
    text
}
