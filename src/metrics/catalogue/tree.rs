//! Built-in metrics that are arithmetic over other metrics (a share of revenue, a difference, a
//! sum, a ratio), written as a formula tree in the language of company KPIs
//! (`input::formula`): the one tree gives the value ([`evaluate`](super::evaluate)), the words
//! of the methodology ([`Tree::words`]) and the workbook's formula (`report::workbook::tree`),
//! so the three cannot say different things.
//!
//! A name in a built-in formula is a catalogue key. Metrics whose computation a formula cannot
//! say (a guard, a fallback, rounding, a growth rate's base) stay Rust code, and their entry
//! says why ([`super::Formula::Code`]).

mod words;

use std::sync::OnceLock;

use super::{metric, Metric, Unit, CATALOGUE, LINE_CATALOGUE};
use crate::input::formula::{parse, Expr, Name};
use crate::metrics::{CostLineMetrics, PeriodMetrics};
use crate::money::Exact;
use words::{phrase, unit_phrase};

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
