//! Forecast accuracy: how close revenue came to its budget, and how often it reached its
//! guidance, over the last 4 and 8 periods of each kind that have one.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::super::catalogue::Number;
use super::PeriodPlanActual;
use crate::period::{PeriodKind, PeriodLabel};

/// The windows accuracy is measured over: the last 4 and the last 8 periods of a kind.
pub const WINDOWS: [usize; 2] = [4, 8];

/// Accuracy over the last `window` periods of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct Accuracy {
    pub kind: PeriodKind,
    pub window: usize,
    /// The periods with a revenue budget judged (at most `window`, the latest), in time order.
    #[serde(serialize_with = "canonical_labels")]
    pub budget_periods: Vec<PeriodLabel>,
    /// Mean of |actual − budget| ÷ |budget| × 100 over `budget_periods`.
    pub revenue_mape_pct: Option<f64>,
    /// Mean of (actual − budget) ÷ |budget| × 100: below zero, budgets were high.
    pub revenue_bias_pct: Option<f64>,
    /// "high" (revenue fell short of budget on average), "low" or "on target".
    pub budgets: Option<&'static str>,
    /// The periods with revenue guidance judged (at most `window`, the latest).
    #[serde(serialize_with = "canonical_labels")]
    pub guidance_periods: Vec<PeriodLabel>,
    /// How many of them had revenue at or above the guidance's low end.
    pub at_or_above_guidance: Option<usize>,
    /// That count ÷ the periods judged × 100.
    pub at_or_above_guidance_pct: Option<f64>,
    /// The name of the figure judged as revenue guidance where it is not revenue itself: the
    /// company's guided top line (`[values.<name>] top_line = true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guided_top_line: Option<String>,
    /// Field -> why it is missing, in words.
    pub unavailable: BTreeMap<String, String>,
}

/// Accuracy for each kind of period with a plan, over each of [`WINDOWS`] that judges more
/// periods than the one before it.
pub fn accuracy(periods: &[PeriodPlanActual]) -> Vec<Accuracy> {
    let mut result = Vec::new();
    for kind in [PeriodKind::Quarter, PeriodKind::Half, PeriodKind::Year] {
        let of_kind: Vec<&PeriodPlanActual> = periods.iter().filter(|p| p.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let first = result.len();
        for window in WINDOWS {
            let accuracy = over(kind, window, &of_kind);
            // A longer window that judges the very periods the shorter one did would only
            // repeat its row ("Last 8" over 3 quarters is "Last 4").
            let repeats = result[first..].last().is_some_and(|shorter: &Accuracy| {
                shorter.budget_periods == accuracy.budget_periods
                    && shorter.guidance_periods == accuracy.guidance_periods
            });
            if !repeats {
                result.push(accuracy);
            }
        }
    }
    result
}

/// `(label, signed % error)` of revenue against budget, when both are known and the budget
/// is not zero.
fn budget_error(period: &PeriodPlanActual) -> Option<(PeriodLabel, Decimal)> {
    let row = period.variances.iter().find(|v| v.key == "revenue")?;
    match (row.variance, row.budget) {
        (Some(Number::Exact(d)), Number::Exact(b)) if !b.0.is_zero() => {
            let error = d.0.checked_mul(Decimal::ONE_HUNDRED)? / b.0.abs();
            Some((period.label, error))
        }
        _ => None,
    }
}

/// `(label, reached the low end, the top line's name when not revenue)` of revenue against
/// its guidance, when both are known.
fn guidance_hit(period: &PeriodPlanActual) -> Option<(PeriodLabel, bool, Option<&str>)> {
    let check = period.revenue_guidance()?;
    let top_line = check.top_line.then_some(check.name.as_str());
    Some((period.label, check.actual? >= check.low, top_line))
}

/// The last `window` items.
fn last<T>(mut items: Vec<T>, window: usize) -> Vec<T> {
    let skip = items.len().saturating_sub(window);
    items.drain(..skip);
    items
}

fn over(kind: PeriodKind, window: usize, periods: &[&PeriodPlanActual]) -> Accuracy {
    let errors = last(
        periods.iter().filter_map(|p| budget_error(p)).collect(),
        window,
    );
    let hits = last(
        periods.iter().filter_map(|p| guidance_hit(p)).collect(),
        window,
    );
    let mut unavailable = BTreeMap::new();
    let count = Decimal::from(errors.len());
    let mean = |values: Vec<Decimal>| {
        let sum = values
            .into_iter()
            .try_fold(Decimal::ZERO, |s, v| s.checked_add(v))?;
        (!count.is_zero()).then(|| sum / count)?.to_f64()
    };
    let mape = mean(errors.iter().map(|(_, e)| e.abs()).collect());
    let bias = mean(errors.iter().map(|(_, e)| *e).collect());
    if errors.is_empty() {
        let reason = format!("none of the {} has a revenue budget", kind.plural());
        for key in ["revenue_mape_pct", "revenue_bias_pct", "budgets"] {
            unavailable.insert(key.to_string(), reason.clone());
        }
    }
    let reached = hits.iter().filter(|(_, hit, _)| *hit).count();
    if hits.is_empty() {
        let reason = format!("none of the {} has revenue guidance", kind.plural());
        for key in ["at_or_above_guidance", "at_or_above_guidance_pct"] {
            unavailable.insert(key.to_string(), reason.clone());
        }
    }
    Accuracy {
        kind,
        window,
        budget_periods: errors.iter().map(|(label, _)| *label).collect(),
        revenue_mape_pct: mape,
        revenue_bias_pct: bias,
        budgets: bias.map(|b| match b {
            b if b < 0.0 => "high",
            b if b > 0.0 => "low",
            _ => "on target",
        }),
        at_or_above_guidance: (!hits.is_empty()).then_some(reached),
        at_or_above_guidance_pct: crate::money::percent(reached.into(), hits.len().into()),
        guidance_periods: hits.iter().map(|(label, _, _)| *label).collect(),
        guided_top_line: hits.iter().find_map(|(_, _, top)| top.map(str::to_string)),
        unavailable,
    }
}

/// Labels in their canonical form ("2025-Q4"), as every machine-read label is written.
fn canonical_labels<S: serde::Serializer>(
    labels: &[PeriodLabel],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(labels.iter().map(|label| label.canonical()))
}
