//! Forecast accuracy as the brief shows it: for each kind of period and window, how far revenue
//! fell from its budget on average (and which way), and how often it reached its guidance.

use serde::Serialize;

use super::{cell, reason};
use crate::metrics::plan_actual::Accuracy;
use crate::metrics::{Number, Polarity, Unit};
use crate::report::cell::{Cell, Place};
use crate::report::notes::Notes;

/// One kind of period over one window.
#[derive(Debug, Serialize)]
pub struct AccuracyRow {
    /// "Last 4 quarters".
    pub name: String,
    /// How many periods had a revenue budget to judge.
    pub budget_periods: usize,
    /// Mean absolute % error of revenue against budget.
    pub mape: Cell,
    /// Mean signed % error: below zero, revenue fell short of budget.
    pub bias: Cell,
    /// "budgets high", "budgets low" or "on target"; none without budgets.
    pub budgets: Option<String>,
    /// How many periods had revenue guidance to judge.
    pub guidance_periods: usize,
    /// How many of them reached the guidance's low end.
    pub at_or_above: Option<usize>,
    pub at_or_above_pct: Cell,
}

impl AccuracyRow {
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> {
        [&mut self.mape, &mut self.bias, &mut self.at_or_above_pct].into_iter()
    }
}

pub fn row(accuracy: &Accuracy, notes: &mut Notes) -> AccuracyRow {
    let float = |value: Option<f64>, unit, polarity| {
        cell(value.map(Number::Float), unit, polarity, Place::Table)
    };
    let mut mape = float(accuracy.revenue_mape_pct, Unit::Pct, Polarity::DownGood);
    let mut bias = float(accuracy.revenue_bias_pct, Unit::Growth, Polarity::Neutral);
    let share = accuracy.at_or_above_guidance_pct;
    let mut at_or_above_pct = float(share, Unit::Pct, Polarity::UpGood);
    let mut said = |key: &str| Some(notes.said(reason(&accuracy.unavailable, &[key])));
    if mape.value.is_none() {
        mape.note = said("revenue_mape_pct");
    }
    if bias.value.is_none() {
        bias.note = said("revenue_bias_pct");
    }
    if at_or_above_pct.value.is_none() {
        at_or_above_pct.note = said("at_or_above_guidance_pct");
    }
    AccuracyRow {
        name: format!("Last {} {}", accuracy.window, accuracy.kind.plural()),
        budget_periods: accuracy.budget_periods.len(),
        mape,
        bias,
        budgets: accuracy.budgets.map(|b| match b {
            "on target" => b.to_string(),
            _ => format!("budgets {b}"),
        }),
        guidance_periods: accuracy.guidance_periods.len(),
        at_or_above: accuracy.at_or_above_guidance,
        at_or_above_pct,
    }
}
