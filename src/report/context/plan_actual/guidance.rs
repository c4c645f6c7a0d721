//! The guidance record: each guided figure of a period, its range, the actual figure, where it
//! fell (below, within or above) and its distance from the midpoint.

use serde::Serialize;

use super::{actual_note, cell, reason};
use crate::metrics::catalogue::metric;
use crate::metrics::plan_actual::{GuidanceCheck, PeriodPlanActual, Position};
use crate::metrics::{Number, PeriodMetrics, Polarity, Unit};
use crate::money::Exact;
use crate::report::cell::{Cell, Place};
use crate::report::notes::Notes;

/// One guided figure of one period.
#[derive(Debug, Serialize)]
pub struct GuidanceRow {
    pub label: String,
    pub name: String,
    pub low: Cell,
    pub high: Cell,
    /// A point guidance: `low` equals `high`, shown once.
    pub point: bool,
    pub actual: Cell,
    /// "below", "within", "above" or "n/a".
    pub position: &'static str,
    /// Good news above a range of a figure where more is better, bad news below it.
    pub tone: Option<&'static str>,
    pub from_midpoint_pct: Cell,
    /// In amount, for money only.
    pub from_midpoint: Option<Cell>,
    /// When the guidance was given (`YYYY-MM-DD`), when the input says.
    pub given: Option<String>,
}

impl GuidanceRow {
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> {
        let cells = [
            &mut self.low,
            &mut self.high,
            &mut self.actual,
            &mut self.from_midpoint_pct,
        ];
        cells.into_iter().chain(self.from_midpoint.as_mut())
    }
}

pub fn rows(
    period: &PeriodPlanActual,
    actual: Option<&PeriodMetrics>,
    decimals: u32,
    notes: &mut Notes,
) -> Vec<GuidanceRow> {
    let given = period.guidance_given.clone();
    period
        .guidance
        .iter()
        .map(|check| GuidanceRow {
            given: given.clone(),
            ..row(period, actual, check, decimals, notes)
        })
        .collect()
}

fn row(
    period: &PeriodPlanActual,
    actual_period: Option<&PeriodMetrics>,
    check: &GuidanceCheck,
    decimals: u32,
    notes: &mut Notes,
) -> GuidanceRow {
    let catalogued = metric(&check.key);
    let unit = match catalogued {
        Some(m) => m.unit,
        None if check.money => Unit::Amount,
        None => Unit::People,
    };
    let polarity = catalogued.map_or(Polarity::UpGood, |m| m.polarity);
    let figure = |value: Option<Exact>, place: Place| Cell {
        decimals: (unit == Unit::Amount).then_some(decimals),
        ..cell(value.map(Number::Exact), unit, polarity, place)
    };
    let mut actual = figure(check.actual, Place::Table);
    let pct = check.from_midpoint_pct.map(Number::Float);
    let mut from_midpoint_pct = cell(pct, Unit::Growth, polarity, Place::Table);
    let mut from_midpoint = check
        .money
        .then(|| figure(check.from_midpoint, Place::Difference));
    if check.actual.is_none() {
        // Without an actual, its reason is every n/a cell's of the row.
        let note = actual_note(period, actual_period, &check.key, &check.unavailable, notes);
        actual.note = note;
        from_midpoint_pct.note = note;
        if let Some(amount) = from_midpoint.as_mut() {
            amount.note = note;
        }
    } else if check.from_midpoint_pct.is_none() {
        let words = reason(&check.unavailable, &["from_midpoint_pct"]);
        from_midpoint_pct.note = Some(notes.said_of(period.label, words));
    }
    let (position, tone) = position(check.position, polarity);
    GuidanceRow {
        label: period.label.to_string(),
        name: check.name.to_string(),
        low: figure(Some(check.low), Place::Table),
        high: figure(Some(check.high), Place::Table),
        point: check.low == check.high,
        actual,
        position,
        tone,
        from_midpoint_pct,
        from_midpoint,
        given: None,
    }
}

/// Where the actual figure fell, in words, and its tone by the figure's polarity.
fn position(
    position: Option<Position>,
    polarity: Polarity,
) -> (&'static str, Option<&'static str>) {
    let Some(position) = position else {
        return ("n/a", None);
    };
    let (words, sign) = match position {
        Position::Below => ("below", -1),
        Position::Within => ("within", 0),
        Position::Above => ("above", 1),
    };
    (words, Some(polarity.tone(sign).name()))
}
