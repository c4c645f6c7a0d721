//! Built-in metrics that are arithmetic over other metrics (a share of revenue, a difference, a
//! sum, a ratio), written as a formula tree in the language of company KPIs
//! (`input::formula`): the one tree gives the value ([`evaluate`](super::evaluate)), the words
//! of the methodology ([`Tree::words`]) and the workbook's formula (`report::workbook::tree`),
//! so the three cannot say different things.
//!
//! A name in a built-in formula is a catalogue key. Metrics whose computation a formula cannot
//! say (a guard, a fallback, rounding, a growth rate's base) stay Rust code, and their entry
//! says why ([`super::Formula::Code`]).

use std::sync::OnceLock;

use super::{metric, Metric, Unit, CATALOGUE, LINE_CATALOGUE};
use crate::input::formula::{parse, Expr, Name, Op};
use crate::metrics::{CostLineMetrics, PeriodMetrics};
use crate::money::Exact;

/// Where a tree's value is kept in a period: an exact amount or a ratio.
pub enum Slot<'a> {
    Exact(&'a mut Option<Exact>),
    Float(&'a mut Option<f64>),
}

/// Where a tree's value goes: a field of the period, or of each cost line (whose formula names
/// the line itself `costs.line`).
#[derive(Clone, Copy)]
pub enum Place {
    Period(for<'a> fn(&'a mut PeriodMetrics) -> Slot<'a>),
    Line(for<'a> fn(&'a mut CostLineMetrics) -> Slot<'a>),
}

/// A built-in metric's formula tree.
#[derive(Clone, Copy)]
pub struct Tree {
    /// The formula, in the language of `[[kpi]]` formulas, over catalogue keys.
    pub formula: &'static str,
    /// What the formula and its unit cannot say, after them in the words ("; not adjusted").
    pub detail: &'static str,
    /// The field the value goes to (the one the entry's getter reads).
    pub slot: Place,
}

impl std::fmt::Debug for Tree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tree({:?})", self.formula)
    }
}

impl Tree {
    /// The parsed tree (parsed once; `None` only for a formula the catalogue tests refuse).
    pub fn expr(&self) -> Option<&'static Expr> {
        static PARSED: OnceLock<Vec<(&'static str, Expr)>> = OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            let formulas = CATALOGUE.iter().map(|m| m.formula);
            formulas
                .chain(LINE_CATALOGUE.iter().map(|l| l.formula))
                .filter_map(|formula| match formula {
                    super::Formula::Tree(tree) => Some((tree.formula, parse(tree.formula).ok()?)),
                    _ => None,
                })
                .collect()
        });
        parsed
            .iter()
            .find(|(formula, _)| *formula == self.formula)
            .map(|(_, expr)| expr)
    }

    /// The formula in words, names as the brief writes them, then the unit and the detail:
    /// "gross profit ÷ revenue × 100, in %".
    pub fn words(&self, unit: Unit) -> String {
        let formula = match self.expr() {
            Some(expr) => phrase(expr).0,
            None => self.formula.to_string(),
        };
        format!("{formula}{}{}", unit_phrase(unit), self.detail)
    }
}

/// The unit as the words of a formula end with it.
fn unit_phrase(unit: Unit) -> &'static str {
    match unit {
        Unit::Amount => ", in currency",
        Unit::Money => ", in currency per person per year",
        Unit::People => ", in people",
        Unit::Pct | Unit::Growth => ", in %",
        Unit::Pp => ", in percentage points",
        Unit::Points => ", in points",
        Unit::Ratio => ", a multiple",
        Unit::Months => ", in months",
    }
}

/// An expression in words, and how tightly it binds (1 for `+ −`, 2 for `× ÷`, 3 for a name).
fn phrase(expr: &Expr) -> (String, u8) {
    let within = |expr: &Expr, binds: u8| match phrase(expr) {
        (text, at) if at >= binds => text,
        (text, _) => format!("({text})"),
    };
    match expr {
        Expr::Number { value, .. } => (value.normalize().to_string(), 3),
        // A name mid-formula, without its comma: "revenue growth YoY".
        Expr::Name { name, .. } => match name {
            Name::Plain(key) => (
                crate::metrics::reason::figure_name(key).replace(", ", " "),
                3,
            ),
            // In a cost line's formula, `costs.line` is the line itself.
            Name::Cost(_) => ("line".to_string(), 3),
            other => (other.written(), 3),
        },
        Expr::Prior { inner, .. } => (format!("{} a year earlier", within(inner, 3)), 3),
        Expr::Negate { inner, .. } => (format!("−{}", within(inner, 3)), 2),
        Expr::Binary {
            op, left, right, ..
        } => {
            let (binds, word) = match op {
                Op::Add => (1, "+"),
                Op::Sub => (1, "−"),
                Op::Mul => (2, "×"),
                Op::Div => (2, "÷"),
            };
            let text = format!(
                "{} {word} {}",
                within(left, binds),
                within(right, binds + 1)
            );
            (text, binds)
        }
    }
}

/// Every tree of the catalogue, parsed, in an order where each comes after the trees it reads.
pub fn trees() -> &'static [(&'static Metric, Tree, Expr)] {
    static TREES: OnceLock<Vec<(&'static Metric, Tree, Expr)>> = OnceLock::new();
    TREES.get_or_init(|| {
        let mut waiting: Vec<(&'static Metric, Tree, Expr)> = CATALOGUE
            .iter()
            .filter_map(|m| match m.formula {
                super::Formula::Tree(tree) => Some((m, tree, parse(tree.formula).ok()?)),
                _ => None,
            })
            .collect();
        let mut ordered: Vec<(&'static Metric, Tree, Expr)> = Vec::with_capacity(waiting.len());
        // A few trees, a level or two deep: passes until none is left that can go next.
        while let Some(at) = waiting.iter().position(|(_, _, expr)| {
            let reads = reads(expr);
            !waiting.iter().any(|(m, _, _)| reads.contains(&m.key))
        }) {
            ordered.push(waiting.remove(at));
        }
        ordered
    })
}

/// The catalogue keys a tree reads.
pub fn reads(expr: &Expr) -> Vec<&str> {
    expr.names()
        .into_iter()
        .filter_map(|(name, _)| match name {
            Name::Plain(key) => Some(key.as_str()),
            _ => None,
        })
        .collect()
}

/// The metric a name in a built-in formula reads.
pub fn operand(name: &Name) -> Option<&'static Metric> {
    match name {
        Name::Plain(key) => metric(key),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
