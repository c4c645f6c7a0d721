//! The values of the built-in formula trees in one period, exactly: amounts are exact decimals
//! and a quotient is kept as a fraction until the end, so a share of revenue is one division,
//! rounded once, as `money::percent` gives it (for amounts past a float's whole numbers, where
//! `percent` divides decimals first, the fraction keeps more digits). An operand that is itself
//! a ratio (a growth rate) is the float every output shows, and arithmetic on it is float
//! arithmetic, as the code it replaces did.
//!
//! An operand that is n/a makes the value n/a with [`Reason::Needs`], which the period resolves
//! to the operand's own reason; the first operand missing, left to right, is the one named.

use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::fraction::{apply, Value};
use super::tree::{operand, trees, Place, Slot, Tree};
use super::{Formula, Metric, Number, LINE_CATALOGUE};
use crate::input::formula::{Expr, Name, Op};
use crate::metrics::{PeriodMetrics, Reason};
use crate::money::Exact;

/// A tree with its names looked up once, which each period's evaluation walks.
enum Node {
    Number(Decimal),
    Metric(&'static Metric),
    /// `costs.line` in a cost line's formula: the line's amount.
    Line,
    Negate(Box<Node>),
    Binary(Op, Box<Node>, Box<Node>),
    /// `prior(x)` or a name that is not a metric, which the catalogue tests refuse.
    Refused,
}

fn node(expr: &Expr) -> Node {
    match expr {
        Expr::Number { value, .. } => Node::Number(*value),
        Expr::Name {
            name: Name::Cost(_),
            ..
        } => Node::Line,
        Expr::Name { name, .. } => operand(name).map_or(Node::Refused, Node::Metric),
        Expr::Negate { inner, .. } => Node::Negate(Box::new(node(inner))),
        // A look back is a growth rate's, which stays code (its base has guards).
        Expr::Prior { .. } => Node::Refused,
        Expr::Binary {
            op, left, right, ..
        } => Node::Binary(*op, Box::new(node(left)), Box::new(node(right))),
    }
}

/// The trees of the period's metrics (in order), then of each cost line's, by key.
fn compiled() -> &'static [(&'static str, Tree, Node)] {
    static COMPILED: OnceLock<Vec<(&'static str, Tree, Node)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let lines = LINE_CATALOGUE.iter().filter_map(|l| match l.formula {
            Formula::Tree(tree) => Some((l.key, tree, node(tree.expr()?))),
            _ => None,
        });
        trees()
            .iter()
            .map(|(metric, tree, expr)| (metric.key, *tree, node(expr)))
            .chain(lines)
            .collect()
    })
}

/// Computes every tree metric of `period` (its other metrics computed), in an order where each
/// comes after the trees it reads, and records why a value is n/a.
pub fn evaluate(period: &mut PeriodMetrics) {
    for (key, tree, node) in compiled() {
        match tree.slot {
            Place::Period(slot) => {
                let value = eval(node, period, None);
                if let Err(reason) = store(slot(period), value) {
                    period.unavailable.0.insert(key.to_string(), reason);
                }
            }
            Place::Line(slot) => {
                for at in 0..period.cost_lines.len() {
                    let amount = period.cost_lines[at].amount.0;
                    let value = eval(node, period, Some(amount));
                    let Some((name, line)) = period.cost_lines.get_index_mut(at) else {
                        continue;
                    };
                    let stored = store(slot(line), value);
                    let key = || format!("cost_lines.{name}.{key}");
                    period.unavailable.take_with(key, stored);
                }
            }
        }
    }
}

/// Keeps a value in its slot, or gives why there is none.
fn store(slot: Slot, value: Result<Value, Reason>) -> Result<(), Reason> {
    match slot {
        Slot::Exact(slot) => value.and_then(exact).map(|v| *slot = Some(Exact(v))),
        Slot::Float(slot) => value.and_then(Value::float).map(|v| *slot = Some(v)),
    }
}

/// The exact value of an amount: its fraction divided out (a whole amount is as it is).
fn exact(value: Value) -> Result<Decimal, Reason> {
    match value {
        Value::Exact { top, bottom } if bottom == Decimal::ONE => Ok(top),
        Value::Exact { top, bottom } => top.checked_div(bottom).ok_or(Reason::TooLarge),
        // The catalogue tests hold that an amount's formula reads amounts only.
        Value::Float(_) => Err(Reason::TooLarge),
    }
}

/// `node`'s value in `period`; `line` is the amount of the cost line a line's formula is for.
fn eval(node: &Node, period: &PeriodMetrics, line: Option<Decimal>) -> Result<Value, Reason> {
    let whole = |top| Value::Exact {
        top,
        bottom: Decimal::ONE,
    };
    match node {
        Node::Number(value) => Ok(whole(*value)),
        Node::Metric(metric) => match metric.value(period) {
            Some(Number::Exact(amount)) => Ok(whole(amount.0)),
            Some(Number::Float(value)) => Ok(Value::Float(value)),
            None => Err(Reason::Needs { figure: metric.key }),
        },
        Node::Line => line.map(whole).ok_or(Reason::TooLarge),
        Node::Negate(inner) => Ok(match eval(inner, period, line)? {
            Value::Exact { top, bottom } => Value::Exact { top: -top, bottom },
            Value::Float(value) => Value::Float(-value),
        }),
        Node::Refused => Err(Reason::TooLarge),
        Node::Binary(op, left, right) => {
            let (a, b) = (eval(left, period, line)?, eval(right, period, line)?);
            apply(*op, a, b).ok_or_else(|| match op {
                Op::Div => zero_or_too_large(b, right),
                _ => Reason::TooLarge,
            })
        }
    }
}

/// Why a division gave nothing: the divisor is zero (named by its metric), or too large.
fn zero_or_too_large(divisor: Value, node: &Node) -> Reason {
    let zero = match divisor {
        Value::Exact { top, .. } => top.is_zero(),
        Value::Float(value) => value == 0.0,
    };
    match (zero, node) {
        (true, Node::Metric(metric)) => Reason::Zero { figure: metric.key },
        _ => Reason::TooLarge,
    }
}

#[cfg(test)]
mod tests;
