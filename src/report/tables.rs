//! The brief's tables for one series: growth, efficiency and AI, cost structure and
//! profitability. Rows with no value in any period are left out and named instead.

use serde::Serialize;

use super::charts::Series;
use super::context::{cell, exact, number, Cell, Footnotes};
use crate::metrics::PeriodMetrics;
use crate::period::PeriodKind;

#[derive(Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub cells: Vec<Cell>,
    /// Marks rows such as AI-exposed cost lines.
    pub tag: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Table {
    /// growth | efficiency | costs
    pub section: &'static str,
    pub title: String,
    pub rows: Vec<Row>,
    /// Rows left out because no period has a value for them.
    pub empty_rows: Vec<String>,
}

type Getter = fn(&PeriodMetrics) -> Option<serde_json::Value>;

struct RowSpec {
    name: &'static str,
    key: &'static str,
    unit: &'static str,
    polarity: &'static str,
    value: Getter,
}

const fn row(
    name: &'static str,
    key: &'static str,
    unit: &'static str,
    polarity: &'static str,
    value: Getter,
) -> RowSpec {
    RowSpec {
        name,
        key,
        unit,
        polarity,
        value,
    }
}

const GROWTH: &[RowSpec] = &[
    row("Revenue", "revenue", "amount", "up_good", |p| {
        exact(Some(p.revenue))
    }),
    row(
        "Revenue growth, YoY",
        "revenue_growth_yoy_pct",
        "change",
        "up_good",
        |p| number(p.revenue_growth_yoy_pct),
    ),
    row(
        "Revenue growth, QoQ",
        "revenue_growth_qoq_pct",
        "change",
        "up_good",
        |p| number(p.revenue_growth_qoq_pct),
    ),
];

const EFFICIENCY: &[RowSpec] = &[
    row(
        "Headcount, period end",
        "headcount_end",
        "people",
        "neutral",
        |p| exact(p.headcount_end),
    ),
    row(
        "Average headcount",
        "avg_headcount",
        "people",
        "neutral",
        |p| exact(p.avg_headcount),
    ),
    row(
        "Headcount change, YoY",
        "headcount_change_yoy_pct",
        "change",
        "neutral",
        |p| number(p.headcount_change_yoy_pct),
    ),
    row(
        "Growth minus headcount growth",
        "growth_minus_headcount_growth_pp",
        "pp",
        "up_good",
        |p| number(p.growth_minus_headcount_growth_pp),
    ),
    row(
        "Revenue per employee (annualised)",
        "revenue_per_employee",
        "money",
        "up_good",
        |p| exact(p.revenue_per_employee),
    ),
    row(
        "Opex per employee (annualised)",
        "opex_per_employee",
        "money",
        "down_good",
        |p| exact(p.opex_per_employee),
    ),
    row(
        "Loaded cost per employee (annualised)",
        "loaded_cost_per_employee",
        "money",
        "neutral",
        |p| exact(p.loaded_cost_per_employee),
    ),
    row(
        "AI-exposed cost",
        "ai_exposed_cost",
        "amount",
        "down_good",
        |p| exact(p.ai_exposed_cost),
    ),
    row(
        "AI-exposed cost, % of revenue",
        "ai_exposed_pct_of_revenue",
        "pct",
        "down_good",
        |p| number(p.ai_exposed_pct_of_revenue),
    ),
    row(
        "AI work, full-time equivalents",
        "ai_fte_equivalent",
        "people",
        "up_good",
        |p| exact(p.ai_fte_equivalent),
    ),
    row("AI spend", "ai_spend", "amount", "neutral", |p| {
        exact(p.ai_spend)
    }),
    row("AI savings", "ai_savings", "amount", "up_good", |p| {
        exact(p.ai_savings)
    }),
    row("AI return on spend", "ai_roi", "ratio", "up_good", |p| {
        number(p.ai_roi)
    }),
];

const PROFIT: &[RowSpec] = &[
    row("Operating expenses", "opex", "amount", "down_good", |p| {
        exact(p.opex)
    }),
    row(
        "Opex, % of revenue",
        "opex_pct_of_revenue",
        "pct",
        "down_good",
        |p| number(p.opex_pct_of_revenue),
    ),
    row(
        "Opex growth, YoY",
        "opex_growth_yoy_pct",
        "change",
        "down_good",
        |p| number(p.opex_growth_yoy_pct),
    ),
    row(
        "Operating income",
        "operating_income",
        "amount",
        "up_good",
        |p| exact(p.operating_income),
    ),
    row(
        "Operating margin",
        "operating_margin_pct",
        "pct",
        "up_good",
        |p| number(p.operating_margin_pct),
    ),
    row(
        "Adjusted operating margin",
        "adjusted_operating_margin_pct",
        "pct",
        "up_good",
        |p| number(p.adjusted_operating_margin_pct),
    ),
    row(
        "Unlisted costs (e.g. D&A)",
        "unlisted_costs",
        "amount",
        "down_good",
        |p| exact(p.unlisted_costs),
    ),
    row("Rule of 40", "rule_of_40", "points", "up_good", |p| {
        number(p.rule_of_40)
    }),
];

/// The three tables of a series.
pub fn for_series(series: &Series, notes: &mut Footnotes) -> Vec<Table> {
    let growth: Vec<&RowSpec> = GROWTH
        .iter()
        .filter(|r| series.kind == PeriodKind::Quarter || r.key != "revenue_growth_qoq_pct")
        .collect();
    let mut cost_rows = cost_line_rows(series, notes);
    let profit = build(
        series,
        "costs",
        "Cost structure and profitability",
        PROFIT.iter().collect(),
        notes,
    );
    let mut costs = profit;
    cost_rows.append(&mut costs.rows);
    costs.rows = cost_rows;
    vec![
        build(series, "growth", "Growth", growth, notes),
        build(
            series,
            "efficiency",
            "Efficiency and AI",
            EFFICIENCY.iter().collect(),
            notes,
        ),
        costs,
    ]
}

fn build(
    series: &Series,
    section: &'static str,
    title: &str,
    specs: Vec<&RowSpec>,
    notes: &mut Footnotes,
) -> Table {
    let mut rows = Vec::new();
    let mut empty_rows = Vec::new();
    for spec in specs {
        let values: Vec<_> = series.periods.iter().map(|p| (spec.value)(p)).collect();
        if values.iter().all(Option::is_none) {
            empty_rows.push(spec.name.to_string());
            continue;
        }
        let cells = series
            .periods
            .iter()
            .zip(values)
            .map(|(p, v)| cell(p, spec.key, v, spec.unit, spec.polarity, notes))
            .collect();
        rows.push(Row {
            name: spec.name.to_string(),
            cells,
            tag: None,
        });
    }
    Table {
        section,
        title: title.to_string(),
        rows,
        empty_rows,
    }
}

/// One row per cost line: its share of revenue in each period.
fn cost_line_rows(series: &Series, notes: &mut Footnotes) -> Vec<Row> {
    crate::metrics::names_in_order(series.periods.iter().flat_map(|p| p.cost_lines.keys()))
        .into_iter()
        .map(|name| {
            let key = format!("cost_lines.{name}.pct_of_revenue");
            let cells = series
                .periods
                .iter()
                .map(|p| {
                    let line = p.cost_lines.get(name);
                    let value = line.and_then(|l| number(l.pct_of_revenue));
                    let mut c = cell(p, &key, value, "pct", "down_good", notes);
                    if line.is_none() {
                        c.note = Some(
                            notes.number(&format!("{}: no {name} line in this period", p.label)),
                        );
                    }
                    c
                })
                .collect();
            let exposed = series.ai_exposed.iter().any(|n| n == name);
            Row {
                name: format!("{}, % of revenue", crate::format::line_name(name)),
                cells,
                tag: exposed.then(|| "AI-exposed".to_string()),
            }
        })
        .collect()
}
