//! A value part-way through a built-in formula: an exact fraction of decimals (a quotient kept
//! until the end, so it is rounded once), or a float (an operand that is a ratio); and the
//! arithmetic on them.

use rust_decimal::Decimal;

use crate::input::formula::Op;
use crate::metrics::Reason;
use crate::money::ratio;

/// A value part-way through a formula: an exact fraction, or a float.
#[derive(Debug, Clone, Copy)]
pub(super) enum Value {
    Exact { top: Decimal, bottom: Decimal },
    Float(f64),
}

impl Value {
    pub(super) fn float(self) -> Result<f64, Reason> {
        match self {
            Value::Exact { top, bottom } => ratio(top, bottom).ok_or(Reason::TooLarge),
            Value::Float(value) => Ok(value),
        }
    }
}

/// `a op b`, or `None` when the divisor is zero or the value is past the decimal range.
pub(super) fn apply(op: Op, a: Value, b: Value) -> Option<Value> {
    let (Value::Exact { top: p, bottom: q }, Value::Exact { top: r, bottom: s }) = (a, b) else {
        let (x, y) = (a.float().ok()?, b.float().ok()?);
        let value = match op {
            Op::Add => x + y,
            Op::Sub => x - y,
            Op::Mul => x * y,
            Op::Div if y == 0.0 => return None,
            Op::Div => x / y,
        };
        return Some(Value::Float(value));
    };
    // p/q op r/s, kept as a fraction; whole amounts (q = s = 1) stay as they are.
    let cross = |sum: fn(Decimal, Decimal) -> Option<Decimal>| match q == s {
        true => Some((sum(p, r)?, q)),
        false => Some((
            sum(p.checked_mul(s)?, r.checked_mul(q)?)?,
            q.checked_mul(s)?,
        )),
    };
    let (top, bottom) = match op {
        Op::Add => cross(|a, b| a.checked_add(b))?,
        Op::Sub => cross(|a, b| a.checked_sub(b))?,
        Op::Mul => (p.checked_mul(r)?, q.checked_mul(s)?),
        Op::Div if r.is_zero() => return None,
        Op::Div => (p.checked_mul(s)?, q.checked_mul(r)?),
    };
    Some(Value::Exact { top, bottom })
}
