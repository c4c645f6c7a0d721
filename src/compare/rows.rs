//! The rows of a comparison: every headline metric (in the brief's order and with its
//! polarity) and every cost line, as an amount and as a share of revenue.

use super::change::{self, fixed};
use super::{Cell, Column, Number, Polarity, Row, Source, Unit};
use crate::format;
use crate::metrics::PeriodMetrics;
use crate::money::Exact;

type Getter = fn(&PeriodMetrics) -> Option<Number>;

/// Where a row's values come from.
pub enum Value {
    Metric(Getter),
    CostLine(String),
    CostShare(String),
}

/// What a row shows, before its values are looked up.
pub struct Spec {
    pub key: String,
    pub name: String,
    pub group: &'static str,
    pub unit: Unit,
    pub polarity: Polarity,
    pub tag: Option<&'static str>,
    pub value: Value,
}

fn exact(value: Option<Exact>) -> Option<Number> {
    value.map(Number::Exact)
}

fn float(value: Option<f64>) -> Option<Number> {
    value.map(Number::Float)
}

const HEADLINE: &[(&str, &str, Unit, Polarity, Getter)] = {
    use Polarity::{DownGood, Neutral, UpGood};
    use Unit::*;
    &[
        ("revenue", "Revenue", Amount, UpGood, |p| {
            exact(Some(p.revenue))
        }),
        (
            "revenue_growth_yoy_pct",
            "Revenue growth, YoY",
            Pct,
            UpGood,
            |p| float(p.revenue_growth_yoy_pct),
        ),
        (
            "revenue_growth_qoq_pct",
            "Revenue growth, QoQ",
            Pct,
            UpGood,
            |p| float(p.revenue_growth_qoq_pct),
        ),
        (
            "headcount_end",
            "Headcount, period end",
            People,
            Neutral,
            |p| exact(p.headcount_end),
        ),
        ("avg_headcount", "Average headcount", People, Neutral, |p| {
            exact(p.avg_headcount)
        }),
        (
            "headcount_change_yoy_pct",
            "Headcount change, YoY",
            Pct,
            Neutral,
            |p| float(p.headcount_change_yoy_pct),
        ),
        (
            "growth_minus_headcount_growth_pp",
            "Growth minus headcount growth",
            Pp,
            UpGood,
            |p| float(p.growth_minus_headcount_growth_pp),
        ),
        (
            "revenue_per_employee",
            "Revenue per employee (annualised)",
            Money,
            UpGood,
            |p| exact(p.revenue_per_employee),
        ),
        ("opex", "Operating expenses", Amount, DownGood, |p| {
            exact(p.opex)
        }),
        (
            "opex_pct_of_revenue",
            "Opex, % of revenue",
            Pct,
            DownGood,
            |p| float(p.opex_pct_of_revenue),
        ),
        (
            "opex_growth_yoy_pct",
            "Opex growth, YoY",
            Pct,
            DownGood,
            |p| float(p.opex_growth_yoy_pct),
        ),
        (
            "opex_per_employee",
            "Opex per employee (annualised)",
            Money,
            DownGood,
            |p| exact(p.opex_per_employee),
        ),
        (
            "operating_income",
            "Operating income",
            Amount,
            UpGood,
            |p| exact(p.operating_income),
        ),
        (
            "operating_margin_pct",
            "Operating margin",
            Pct,
            UpGood,
            |p| float(p.operating_margin_pct),
        ),
        (
            "adjusted_operating_income",
            "Adjusted operating income",
            Amount,
            UpGood,
            |p| exact(p.adjusted_operating_income),
        ),
        (
            "adjusted_operating_margin_pct",
            "Adjusted operating margin",
            Pct,
            UpGood,
            |p| float(p.adjusted_operating_margin_pct),
        ),
        (
            "unlisted_costs",
            "Unlisted costs (e.g. D&A)",
            Amount,
            DownGood,
            |p| exact(p.unlisted_costs),
        ),
        ("rule_of_40", "Rule of 40", Points, UpGood, |p| {
            float(p.rule_of_40)
        }),
        ("personnel_cost", "Personnel cost", Amount, DownGood, |p| {
            exact(p.personnel_cost)
        }),
        (
            "loaded_cost_per_employee",
            "Loaded cost per employee (annualised)",
            Money,
            Neutral,
            |p| exact(p.loaded_cost_per_employee),
        ),
        (
            "ai_exposed_cost",
            "AI-exposed cost",
            Amount,
            DownGood,
            |p| exact(p.ai_exposed_cost),
        ),
        (
            "ai_exposed_pct_of_revenue",
            "AI-exposed cost, % of revenue",
            Pct,
            DownGood,
            |p| float(p.ai_exposed_pct_of_revenue),
        ),
        (
            "ai_fte_equivalent",
            "AI work, full-time equivalents",
            People,
            UpGood,
            |p| exact(p.ai_fte_equivalent),
        ),
        ("ai_spend", "AI spend", Amount, Neutral, |p| {
            exact(p.ai_spend)
        }),
        ("ai_savings", "AI savings", Amount, UpGood, |p| {
            exact(p.ai_savings)
        }),
        ("ai_roi", "AI return on spend", Ratio, UpGood, |p| {
            float(p.ai_roi)
        }),
    ]
};

/// Every row, headline metrics first, then each cost line of any column (first seen first).
pub fn specs(sources: &[Source]) -> Vec<Spec> {
    let mut specs: Vec<Spec> = HEADLINE
        .iter()
        .map(|&(key, name, unit, polarity, getter)| Spec {
            key: key.to_string(),
            name: name.to_string(),
            group: "Headline",
            unit,
            polarity,
            tag: None,
            value: Value::Metric(getter),
        })
        .collect();
    let mut lines: Vec<(&str, bool)> = Vec::new();
    for source in sources {
        for name in source.metrics.cost_line_names() {
            if !lines.iter().any(|(n, _)| *n == name) {
                let exposed = source.metrics.company.ai_exposed.iter().any(|n| n == name);
                lines.push((name, exposed));
            }
        }
    }
    for (name, exposed) in lines {
        let tag = exposed.then_some("AI-exposed");
        specs.push(Spec {
            key: format!("cost_lines.{name}"),
            name: name.to_string(),
            group: "Cost lines",
            unit: Unit::Amount,
            polarity: Polarity::DownGood,
            tag,
            value: Value::CostLine(name.to_string()),
        });
        specs.push(Spec {
            key: format!("cost_lines.{name}.pct_of_revenue"),
            name: format!("{name}, % of revenue"),
            group: "Cost lines",
            unit: Unit::Pct,
            polarity: Polarity::DownGood,
            tag,
            value: Value::CostShare(name.to_string()),
        });
    }
    specs
}

const NO_SUCH_LINE: &str = "the input has no such cost line in this period";

/// A row's value in one period, or why there is none.
fn lookup(spec: &Spec, period: &PeriodMetrics) -> Result<Number, String> {
    let found = match &spec.value {
        Value::Metric(getter) => getter(period),
        Value::CostLine(name) => period.cost_lines.get(name).map(|l| Number::Exact(l.amount)),
        Value::CostShare(name) => period
            .cost_lines
            .get(name)
            .and_then(|l| l.pct_of_revenue)
            .map(Number::Float),
    };
    found.ok_or_else(|| {
        let reason = period.unavailable.reason(&spec.key).map(str::to_string);
        match (&spec.value, reason) {
            (_, Some(reason)) => reason,
            // One note for every missing line of a column: peers list different lines.
            (Value::CostLine(_) | Value::CostShare(_), None) => NO_SUCH_LINE.to_string(),
            (Value::Metric(_), None) => "not in the input for this period".to_string(),
        }
    })
}

/// Looks the row's values up in every column and compares each column with the first.
pub fn build_row(
    spec: &Spec,
    sources: &[Source],
    columns: &[Column],
    notes: &mut Vec<String>,
) -> Row {
    let values: Vec<Result<Number, String>> =
        sources.iter().map(|s| lookup(spec, s.period)).collect();
    let cells = values
        .iter()
        .zip(columns)
        .map(|(value, column)| match value {
            Ok(number) => Cell {
                value: Some(*number),
                text: text(spec.unit, *number, column),
                note: None,
            },
            Err(reason) => {
                let note = if reason == NO_SUCH_LINE {
                    format!("{}: {reason}", column.heading)
                } else {
                    format!("{}, {}: {reason}", column.heading, spec.name)
                };
                notes.push(note);
                Cell {
                    value: None,
                    text: "n/a".to_string(),
                    note: Some(notes.len()),
                }
            }
        })
        .collect::<Vec<_>>();
    let changes = match (values.first(), columns.first()) {
        (Some(base), Some(base_column)) => values
            .iter()
            .zip(columns)
            .enumerate()
            .skip(1)
            .map(|(index, (value, column))| {
                change::compare(
                    change::Pair {
                        unit: spec.unit,
                        polarity: spec.polarity,
                        base: base.as_ref().ok().copied(),
                        base_column,
                        other: value.as_ref().ok().copied(),
                        other_column: column,
                    },
                    index,
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    Row {
        key: spec.key.clone(),
        name: spec.name.clone(),
        group: spec.group,
        unit: spec.unit,
        polarity: spec.polarity,
        tag: spec.tag,
        cells,
        changes,
    }
}

/// A value as it reads in the table.
pub fn text(unit: Unit, number: Number, column: &Column) -> String {
    match (unit, number) {
        (Unit::Amount, Number::Exact(amount)) => {
            format::grouped(amount.0 / scale_factor(column), 1)
        }
        (Unit::Money, value) => format::money_precise(value.as_f64(), &column.currency),
        (Unit::People, Number::Exact(people)) => format::grouped(people.0, 1),
        (Unit::Pct, value) => format!("{}%", fixed(value.as_f64(), 2, false)),
        (Unit::Pp, value) => format!("{} pp", fixed(value.as_f64(), 2, true)),
        (Unit::Points, value) => fixed(value.as_f64(), 2, false),
        (Unit::Ratio, value) => format!("{}×", fixed(value.as_f64(), 2, false)),
        (_, value) => fixed(value.as_f64(), 2, false),
    }
}

/// What the column's amounts are divided by to read in its scale.
pub fn scale_factor(column: &Column) -> rust_decimal::Decimal {
    crate::input::Scale::parse(&column.scale).map_or(rust_decimal::Decimal::ONE, |s| s.factor())
}
