//! The brief's tables for one series: growth, efficiency and AI, cost structure and
//! profitability. Rows come from the metric catalogue in its order; rows with no value in any
//! period are left out and named instead.

use serde::Serialize;

use super::cell::{self, Cell, Place};
use super::charts::Series;
use super::notes::{Notes, Numbering};
use crate::metrics::catalogue::{LineMetric, Metric, Section};
use crate::metrics::{PeriodMetrics, Reason, Unit, CATALOGUE, LINE_CATALOGUE};

#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub cells: Vec<Cell>,
    /// Marks rows such as AI-exposed cost lines.
    pub tag: Option<String>,
    /// The note of a row whose n/a cells all have one reason, shown beside its name.
    pub note: Option<usize>,
}

impl Row {
    /// Numbers the row's notes: one mark beside its name when its n/a cells share one reason.
    pub fn number(&mut self, numbering: &mut Numbering) {
        let cells = self.cells.iter_mut().map(|c| &mut c.note).collect();
        numbering.row(&mut self.note, cells);
    }
}

#[derive(Debug, Serialize)]
pub struct Table {
    pub section: Section,
    pub title: &'static str,
    pub rows: Vec<Row>,
    /// Rows left out because no period has a value for them.
    pub empty_rows: Vec<String>,
}

/// The three tables of a series; the cost table starts with one row per cost line.
pub fn for_series(series: &Series, notes: &mut Notes) -> Vec<Table> {
    // The cost table is built first (an order the committed briefs were made with); notes
    // are numbered in reading order afterwards, and the tables are shown in section order.
    let mut tables: Vec<Table> = [
        Section::Costs,
        Section::Growth,
        Section::Efficiency,
        Section::Cash,
    ]
    .into_iter()
    .map(|section| {
        let metrics: Vec<&Metric> = CATALOGUE
            .iter()
            .filter(|m| m.in_tables && m.section == section && m.series.applies_to(series.kind))
            .collect();
        let mut rows = match section {
            Section::Costs => cost_line_rows(series, notes),
            _ => Vec::new(),
        };
        let mut empty_rows = Vec::new();
        for metric in metrics {
            if let Some(named) = not_shown(series, metric) {
                empty_rows.push(named);
                continue;
            }
            rows.push(Row {
                name: metric.name.to_string(),
                cells: series
                    .periods
                    .iter()
                    .map(|p| {
                        let mut c = cell::of_metric(p, metric, Place::Table, notes);
                        // Rule-of-40 points are judged against the scorecard's bar.
                        match metric.unit {
                            Unit::Points => c.bar = Some(series.rule_of_40_bar),
                            // A computed amount reads like the figures around it; one the
                            // user typed keeps its own digits.
                            Unit::Amount if !metric.formula.is_input() => {
                                c.decimals = Some(series.amount_decimals)
                            }
                            _ => {}
                        }
                        c
                    })
                    .collect(),
                tag: None,
                note: None,
            });
        }
        Table {
            section,
            title: section.title(),
            rows,
            empty_rows,
        }
    })
    .collect();
    tables.rotate_left(1);
    if !series.kpis.is_empty() {
        tables.push(kpi_table(series, notes));
    }
    tables
}

/// How the line of rows not shown names a metric's row, when it is not shown: no period has
/// its figure (one not meaningful somewhere, "n/m": growth from zero or below, is shown,
/// saying so), or it is a non-GAAP figure, shown only below its GAAP measure's row, and no
/// period has that one.
fn not_shown(series: &Series, metric: &Metric) -> Option<String> {
    let empty = |metric: &Metric| {
        let not_meaningful = |p: &PeriodMetrics| p.not_meaningful.iter().any(|k| k == metric.key);
        let missing = |p: &PeriodMetrics| metric.value(p).is_none() && !not_meaningful(p);
        series.periods.iter().all(|p| missing(p))
    };
    if let Some(base) = metric.picks.gaap_base.map(crate::metrics::catalogue::known) {
        if !empty(metric) && empty(base) {
            let base = base.name.to_lowercase();
            let name = metric.name;
            return Some(format!("{name} (non-GAAP: not shown without the {base})"));
        }
    }
    empty(metric).then(|| metric.name.to_string())
}

/// The company's own KPIs, one row each, in the order the input defines them.
fn kpi_table(series: &Series, notes: &mut Notes) -> Table {
    use crate::metrics::kpi;
    let rows = series
        .kpis
        .iter()
        .map(|definition| {
            // A KPI the scorecard judges shows the digits that decide it, as the scorecard does
            // (thresholds on money are in the company's scale, as the table's amounts are).
            let threshold = series
                .kpi_thresholds
                .iter()
                .find(|t| t.key == definition.key);
            let bound = |b: Option<rust_decimal::Decimal>| b.map(crate::format::to_f64);
            Row {
                name: definition.name.clone(),
                cells: series
                    .periods
                    .iter()
                    .map(|p| {
                        let mut cell = cell::with_reason(
                            p,
                            &kpi::reason_key(definition),
                            kpi::value(definition, p),
                            kpi::unit(definition),
                            kpi::polarity(definition),
                            Place::Table,
                            notes,
                        );
                        if let Some(threshold) = threshold {
                            cell.bar = bound(threshold.min);
                            cell.ceiling = bound(threshold.max);
                        }
                        cell
                    })
                    .collect(),
                tag: None,
                note: None,
            }
        })
        .collect();
    Table {
        section: Section::Kpis,
        title: Section::Kpis.title(),
        rows,
        empty_rows: Vec::new(),
    }
}

fn share_of_revenue() -> &'static LineMetric {
    LINE_CATALOGUE
        .iter()
        .find(|l| l.key == "pct_of_revenue")
        .unwrap_or(&LINE_CATALOGUE[0])
}

/// One row per cost line: its share of revenue in each period.
fn cost_line_rows(series: &Series, notes: &mut Notes) -> Vec<Row> {
    let metric = share_of_revenue();
    crate::metrics::names_in_order(series.periods.iter().flat_map(|p| p.cost_lines.keys()))
        .into_iter()
        .map(|name| {
            let key = format!("cost_lines.{name}.{}", metric.key);
            let cells = series
                .periods
                .iter()
                .map(|p| {
                    let Some(line) = p.cost_lines.get(name) else {
                        return Cell {
                            note: Some(notes.mark(p.label, &key, Reason::LineNotListed)),
                            ..Cell::new(None, metric.unit, metric.polarity, Place::Table)
                        };
                    };
                    cell::with_reason(
                        p,
                        &key,
                        (metric.get)(line),
                        metric.unit,
                        metric.polarity,
                        Place::Table,
                        notes,
                    )
                })
                .collect();
            let exposed = series.ai_exposed.iter().any(|n| n == name);
            Row {
                name: format!("{}{}", crate::format::line_name(name), metric.suffix),
                cells,
                tag: exposed.then(|| "AI-exposed".to_string()),
                note: None,
            }
        })
        .collect()
}
