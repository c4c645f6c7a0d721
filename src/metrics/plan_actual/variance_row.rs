//! One row of the variance table: actual minus budget, in amount and in %, and whether that
//! is good news by the metric's polarity.

use std::collections::BTreeMap;

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

use super::super::catalogue::{Number, Polarity, Unit};
use crate::money::{percent, Exact};

/// Whether a variance is good news, by the metric's polarity: revenue above budget and a cost
/// below budget are favourable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Favourable,
    Unfavourable,
    /// Actual equals budget.
    OnBudget,
    /// A metric with no good direction (headcount).
    Neutral,
    /// No actual to compare with.
    Na,
}

/// One row: a metric (or cost line) of the period, actual against budget.
#[derive(Debug, Clone, Serialize)]
pub struct Variance {
    /// The catalogue key, or `cost_lines.<name>` for a cost line.
    pub key: String,
    /// The name every output shows: the catalogue's, or the cost line's own.
    pub name: String,
    pub unit: Unit,
    pub polarity: Polarity,
    pub actual: Option<Number>,
    pub budget: Number,
    /// Actual minus budget, in the metric's unit (percentage points for a percentage).
    pub variance: Option<Number>,
    /// Actual minus budget over the budget's size, × 100; none for a percentage, whose
    /// variance is in points.
    pub variance_pct: Option<f64>,
    pub verdict: Verdict,
    /// Field -> why it is missing, in words.
    pub unavailable: BTreeMap<String, String>,
}

pub(super) fn row(
    key: String,
    name: String,
    unit: Unit,
    polarity: Polarity,
    actual: Option<Number>,
    budget: Number,
) -> Variance {
    let mut unavailable = BTreeMap::new();
    let (variance, variance_pct) = match actual {
        None => {
            let reason = "the period's actual figures do not give it".to_string();
            unavailable.insert("actual".to_string(), reason);
            (None, None)
        }
        Some(actual) => difference(actual, budget, unit, &mut unavailable),
    };
    let sign = variance.map(|v| match v {
        Number::Exact(e) => e.0.cmp(&Decimal::ZERO) as i8,
        Number::Float(f) => f.partial_cmp(&0.0).map_or(0, |o| o as i8),
    });
    let verdict = match (sign, polarity) {
        (None, _) => Verdict::Na,
        (Some(0), _) => Verdict::OnBudget,
        (_, Polarity::Neutral) => Verdict::Neutral,
        (Some(1), Polarity::UpGood) | (Some(-1), Polarity::DownGood) => Verdict::Favourable,
        _ => Verdict::Unfavourable,
    };
    Variance {
        key,
        name,
        unit,
        polarity,
        actual,
        budget,
        variance,
        variance_pct,
        verdict,
        unavailable,
    }
}

/// Actual minus budget, exact for amounts, and that over the budget's size in %.
fn difference(
    actual: Number,
    budget: Number,
    unit: Unit,
    unavailable: &mut BTreeMap<String, String>,
) -> (Option<Number>, Option<f64>) {
    let (variance, pct) = match (actual, budget) {
        (Number::Exact(a), Number::Exact(b)) => match a.0.checked_sub(b.0) {
            Some(d) => (Some(Number::Exact(Exact(d))), percent(d, b.0.abs())),
            None => {
                let reason = "too large to represent exactly".to_string();
                unavailable.insert("variance".to_string(), reason);
                return (None, None);
            }
        },
        // Ratios are floats: their difference is taken on their shortest decimals, so
        // 12.3% against 10% is 2.3 points, not 2.3000000000000007.
        (a, b) => match (decimal(a), decimal(b)) {
            (Some(a), Some(b)) => {
                let d = a - b;
                (d.to_f64().map(Number::Float), percent(d, b.abs()))
            }
            _ => (None, None),
        },
    };
    if unit == Unit::Pct {
        return (variance, None);
    }
    if pct.is_none() {
        let reason = "the budget is zero, so there is no variance in %".to_string();
        unavailable.insert("variance_pct".to_string(), reason);
    }
    (variance, pct)
}

fn decimal(number: Number) -> Option<Decimal> {
    Decimal::from_f64(number.as_f64())
}
