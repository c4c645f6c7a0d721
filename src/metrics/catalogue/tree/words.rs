//! A built-in formula in words, as the methodology and `docs/metrics.md` print it: each name as
//! the brief names its metric, the operators as a reader writes them, brackets only where the
//! order of operations needs them.

use super::Unit;
use crate::input::formula::{Expr, Name, Op};

/// The unit as the words of a formula end with it.
pub(super) fn unit_phrase(unit: Unit) -> &'static str {
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
pub(super) fn phrase(expr: &Expr) -> (String, u8) {
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
