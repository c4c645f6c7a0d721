//! The variance tables: for each period with a budget, each row's actual, budget, variance in
//! amount and in %, and the verdict in words and tone; and the periods with no budget.

use serde::Serialize;

use super::{actual_note, cell, reason};
use crate::metrics::plan_actual::{PeriodPlanActual, Variance, Verdict};
use crate::metrics::{Number, PeriodMetrics, Unit};
use crate::report::cell::{Cell, Place};
use crate::report::notes::Notes;

/// One period's actual figures against its budget.
#[derive(Debug, Serialize)]
pub struct BudgetTable {
    pub label: String,
    pub rows: Vec<VarianceRow>,
}

/// One budgeted figure, metric or cost line of a period.
#[derive(Debug, Serialize)]
pub struct VarianceRow {
    pub name: String,
    pub actual: Cell,
    pub budget: Cell,
    /// Actual minus budget in the row's unit (percentage points for a percentage).
    pub variance: Cell,
    pub variance_pct: Cell,
    /// "favourable", "unfavourable", "on budget", "neutral" (no good direction) or "n/a".
    pub verdict: &'static str,
    /// The verdict's tone: "good", "bad" or "neutral"; none when n/a.
    pub tone: Option<&'static str>,
    /// The note of a row whose n/a cells all have one reason, shown beside its name.
    pub note: Option<usize>,
}

impl VarianceRow {
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> {
        [
            &mut self.actual,
            &mut self.budget,
            &mut self.variance,
            &mut self.variance_pct,
        ]
        .into_iter()
    }
}

/// The periods shown with guidance and no budget, and the note saying so.
#[derive(Debug, Serialize)]
pub struct Unbudgeted {
    pub labels: Vec<String>,
    pub note: Option<usize>,
    /// Whether no period shown has a budget: then the section says so once, naming none.
    pub all: bool,
}

pub fn table(
    period: &PeriodPlanActual,
    actual: Option<&PeriodMetrics>,
    decimals: u32,
    notes: &mut Notes,
) -> BudgetTable {
    BudgetTable {
        label: period.label.to_string(),
        rows: period
            .variances
            .iter()
            .map(|v| row(period, actual, v, decimals, notes))
            .collect(),
    }
}

fn row(
    period: &PeriodPlanActual,
    actual_period: Option<&PeriodMetrics>,
    v: &Variance,
    decimals: u32,
    notes: &mut Notes,
) -> VarianceRow {
    let amount = |value: Option<Number>, place: Place| Cell {
        decimals: (v.unit == Unit::Amount).then_some(decimals),
        ..cell(value, v.unit, v.polarity, place)
    };
    let mut actual = amount(v.actual, Place::Table);
    let mut variance = amount(v.variance, Place::Difference);
    let pct = v.variance_pct.map(Number::Float);
    let mut variance_pct = cell(pct, Unit::Growth, v.polarity, Place::Table);
    if v.actual.is_none() {
        // Without an actual, its reason is the row's: one note, beside the row's name.
        let note = actual_note(period, actual_period, &v.key, &v.unavailable, notes);
        (actual.note, variance.note, variance_pct.note) = (note, note, note);
    } else {
        let mut said = |keys: &[&str]| {
            let words = reason(&v.unavailable, keys);
            Some(notes.said_of(period.label, words))
        };
        if v.variance.is_none() {
            variance.note = said(&["variance"]);
        }
        if v.variance_pct.is_none() && v.unit == Unit::Pct {
            let words = "a percentage's variance is in percentage points, so it has no %";
            variance_pct.note = Some(notes.said_of(period.label, words.to_string()));
        } else if v.variance_pct.is_none() {
            variance_pct.note = said(&["variance_pct", "variance"]);
        }
    }
    let (verdict, tone) = verdict(v.verdict);
    VarianceRow {
        name: match v.key.strip_prefix("cost_lines.") {
            Some(line) => crate::format::line_name(line),
            None => v.name.clone(),
        },
        actual,
        budget: amount(Some(v.budget), Place::Table),
        variance,
        variance_pct,
        verdict,
        tone,
        note: None,
    }
}

/// The verdict in words and its tone: never in colour alone.
pub fn verdict(verdict: Verdict) -> (&'static str, Option<&'static str>) {
    match verdict {
        Verdict::Favourable => ("favourable", Some("good")),
        Verdict::Unfavourable => ("unfavourable", Some("bad")),
        Verdict::OnBudget => ("on budget", Some("neutral")),
        Verdict::Neutral => ("neutral", Some("neutral")),
        Verdict::Na => ("n/a", None),
    }
}

/// The periods shown without a budget, with the note of why their variances are n/a.
pub fn unbudgeted(periods: &[&PeriodPlanActual], notes: &mut Notes) -> Option<Unbudgeted> {
    let without: Vec<&&PeriodPlanActual> = periods.iter().filter(|p| !p.has_budget).collect();
    let all = without.len() == periods.len();
    let mut note = None;
    for period in without.iter().filter(|_| !all) {
        let words = reason(&period.unavailable, &["variances"]);
        note = Some(notes.said_of(period.label, words));
    }
    (!without.is_empty()).then(|| Unbudgeted {
        labels: without.iter().map(|p| p.label.to_string()).collect(),
        note,
        all,
    })
}
