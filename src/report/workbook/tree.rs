//! A formula tree (`input::formula`) written in Excel over the workbook's cells: a company
//! KPI's `[[kpi]]` formula (`kpi.rs`) and a built-in metric's catalogue tree ([`metric`]). A
//! formula is written in currency units and percent numbers (`revenue / values.gmv * 100`),
//! while the sheet holds amounts in the company's scale and percentages as fractions: each
//! operand is brought to the formula's units and the result back to the sheet's.

use rust_decimal::Decimal;

use super::term::{cell, number, sheet_powers, Term};
use crate::input::formula::{Expr, Name, Op};
use crate::metrics::catalogue::workbook::{Cells, Which};
use crate::metrics::catalogue::{self, Formula, LineMetric, Metric};
use crate::metrics::Unit;

/// Where a formula's names are, for one period.
pub trait Leaves: Sized {
    /// The same cells for the period a year earlier (`prior`), if the formula may look back.
    fn year_earlier(&self) -> Option<Self>;
    /// A name's cell, and the unit the sheet holds it in; `None` when it is not in the
    /// workbook or is empty.
    fn leaf(&self, name: &Name) -> Option<(String, Unit)>;
}

/// The Excel formula (without `=`) of `expr` in the sheet's units for `unit`; `None` when an
/// operand is not in the workbook (the value is then written as a value, with a note saying
/// why).
pub fn excel(expr: &Expr, leaves: &impl Leaves, unit: Unit) -> Option<String> {
    let (scale, hundred) = sheet_powers(unit);
    Some(operand(expr, leaves)?.at(scale, hundred).text)
}

/// A built-in metric's formula tree over one period's cells; `None` for a metric that is not
/// a tree, or when an operand is not in the workbook.
pub fn metric(metric: &Metric, cells: &dyn Cells) -> Option<String> {
    let Formula::Tree(tree) = metric.formula else {
        return None;
    };
    let leaves = BuiltIn {
        cells,
        which: Which::This,
    };
    excel(tree.expr()?, &leaves, metric.unit)
}

/// A cost line's formula tree over one period's cells: `costs.line` is the line's cell, and a
/// catalogue key the figure's cell, both on the Inputs sheet (a line's rows read only those).
pub fn line(metric: &LineMetric, cells: &dyn Cells, line: &str) -> Option<String> {
    let Formula::Tree(tree) = metric.formula else {
        return None;
    };
    excel(tree.expr()?, &Line { cells, line }, metric.unit)
}

struct Line<'a> {
    cells: &'a dyn Cells,
    line: &'a str,
}

impl Leaves for Line<'_> {
    fn year_earlier(&self) -> Option<Self> {
        None
    }

    fn leaf(&self, name: &Name) -> Option<(String, Unit)> {
        match name {
            Name::Cost(_) => Some((self.cells.line(Which::This, self.line)?, Unit::Amount)),
            Name::Plain(key) => {
                let figure = crate::input::FIGURES.iter().find(|f| f.column == *key)?;
                let unit = catalogue::metric(key)?.unit;
                Some((self.cells.input(Which::This, figure.field)?, unit))
            }
            Name::Value(_) => None,
        }
    }
}

/// A built-in tree's names: catalogue keys, this sheet's rows.
struct BuiltIn<'a> {
    cells: &'a dyn Cells,
    which: Which,
}

impl Leaves for BuiltIn<'_> {
    fn year_earlier(&self) -> Option<Self> {
        (self.which == Which::This).then_some(BuiltIn {
            cells: self.cells,
            which: Which::YearEarlier,
        })
    }

    fn leaf(&self, name: &Name) -> Option<(String, Unit)> {
        let metric = catalogue::tree::operand(name)?;
        Some((self.cells.metric(self.which, metric.key)?, metric.unit))
    }
}

/// `expr` as a [`Term`] in the formula's units (currency units, percent numbers).
fn operand(expr: &Expr, leaves: &impl Leaves) -> Option<Term> {
    Some(match expr {
        Expr::Number { value, .. } if *value == Decimal::ONE_HUNDRED => {
            Term::atom("1".into(), 0, 1)
        }
        Expr::Number { value, .. } => Term::atom(number(*value), 0, 0),
        Expr::Name { name, .. } => {
            let (text, unit) = leaves.leaf(name)?;
            cell(text, unit)
        }
        Expr::Prior { inner, .. } => operand(inner, &leaves.year_earlier()?)?,
        Expr::Negate { inner, .. } => {
            let inner = operand(inner, leaves)?;
            Term {
                text: format!("-{}", inner.within(3)),
                binds: 2,
                ..inner
            }
        }
        Expr::Binary {
            op, left, right, ..
        } => {
            let (left, right) = (operand(left, leaves)?, operand(right, leaves)?);
            match op {
                Op::Add | Op::Sub => {
                    // Both sides with the same factors, which the sum then keeps.
                    let right = right.at(left.scale, left.hundred);
                    Term {
                        text: format!("{}{}{}", left.within(1), op.symbol(), right.within(2)),
                        binds: 1,
                        ..left
                    }
                }
                Op::Mul | Op::Div => {
                    let sign = if *op == Op::Mul { 1 } else { -1 };
                    let (scale, hundred) = (
                        left.scale + sign * right.scale,
                        left.hundred + sign * right.hundred,
                    );
                    let text = match (left.is_one(), right.is_one()) {
                        (_, true) => left.within(2),
                        (true, false) if *op == Op::Mul => right.within(2),
                        _ => format!("{}{}{}", left.within(2), op.symbol(), right.within(3)),
                    };
                    let binds = if left.is_one() && right.is_one() {
                        3
                    } else {
                        2
                    };
                    Term {
                        text,
                        scale,
                        hundred,
                        binds,
                    }
                }
            }
        }
    })
}
