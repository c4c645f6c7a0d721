//! `compare --against budget` against figures worked by hand from the fixture (SEK millions).

use super::{build, choose, Against};
use crate::compare::change::Tone;
use crate::compare::{Comparison, Mode, Row};
use crate::input::{self, Format, ReadOptions};
use crate::scorecard::Thresholds;

const QUARTERS: &str = include_str!("../../tests/fixtures/plan-actual/budget-quarters.toml");

fn metrics() -> crate::metrics::Metrics {
    let input = input::parse(QUARTERS, "q.toml", Format::Toml, &ReadOptions::default()).unwrap();
    crate::analyse(&input, &Thresholds::default(), None).metrics
}

fn against(periods: &[&str]) -> Comparison {
    let companies = [metrics()];
    let periods: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
    let (metrics, plans) = choose(&companies, &periods, None, Against::Budget).unwrap();
    build(metrics, &plans, None)
}

fn row<'a>(comparison: &'a Comparison, period: &str, key: &str) -> &'a Row {
    let found = comparison
        .rows
        .iter()
        .find(|r| r.group == period && r.key == key);
    found.unwrap_or_else(|| panic!("no row {period} {key}"))
}

#[test]
fn budget_and_actual_side_by_side_with_the_variance() {
    let c = against(&["2025-Q3", "2025-Q1"]);
    assert_eq!(c.mode, Mode::Budget);
    assert_eq!(
        c.title,
        "Budget Quarters AB: 2025-Q1, 2025-Q3, actual against budget"
    );
    let headings: Vec<&str> = c.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(headings, ["Budget", "Actual"]);
    // Q1 revenue 100 against 110: -10, -10 / 110 = -9.09%, unfavourable.
    let revenue = row(&c, "2025-Q1", "revenue");
    let texts: Vec<&str> = revenue.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["110", "100"]);
    let change = &revenue.changes[0];
    assert_eq!(change.text, "-10 (-9.1%)");
    assert_eq!(change.tone, Tone::Bad);
    assert!((change.pct.unwrap() + 100.0 / 11.0).abs() < 1e-9);
    // Rent 10 against 12: -2, -16.7%, favourable (a cost under budget); marketing 30
    // against 25: +5, +20%, unfavourable.
    let rent = &row(&c, "2025-Q1", "cost_lines.rent").changes[0];
    assert_eq!((rent.text.as_str(), rent.tone), ("-2 (-16.7%)", Tone::Good));
    let marketing = &row(&c, "2025-Q1", "cost_lines.marketing").changes[0];
    assert_eq!(
        (marketing.text.as_str(), marketing.tone),
        ("+5 (+20.0%)", Tone::Bad)
    );
    // Opex as a share of revenue, 40% against 37 / 110 = 33.64%: +6.4 points.
    let share = &row(&c, "2025-Q1", "opex_pct_of_revenue").changes[0];
    assert_eq!((share.text.as_str(), share.tone), ("+6.4 pp", Tone::Bad));
    // Q3 operating income -4 against a budget of -5: +1, over the budget's size +20%.
    let income = &row(&c, "2025-Q3", "operating_income").changes[0];
    assert_eq!(
        (income.text.as_str(), income.tone),
        ("+1 (+20.0%)", Tone::Good)
    );
    assert!(!income.not_meaningful);
    // Headcount has no good direction.
    let headcount = &row(&c, "2025-Q1", "headcount_end").changes[0];
    assert_eq!(
        (headcount.text.as_str(), headcount.tone),
        ("+2 (+4.0%)", Tone::Neutral)
    );
    // The rows are each period's variance table, the earlier period first.
    assert_eq!(c.rows.first().unwrap().group, "2025-Q1");
    assert_eq!(c.rows.iter().filter(|r| r.group == "2025-Q3").count(), 8);
}

#[test]
fn a_period_on_budget_reads_no_news() {
    let c = against(&["2025-Q2"]);
    let revenue = &row(&c, "2025-Q2", "revenue").changes[0];
    assert_eq!(
        (revenue.text.as_str(), revenue.tone),
        ("0 (0.0%)", Tone::Neutral)
    );
}

#[test]
fn a_period_without_a_budget_or_a_second_input_is_a_usage_error() {
    let companies = [metrics()];
    let periods = ["2025-Q4".to_string()];
    let error = choose(&companies, &periods, None, Against::Budget)
        .err()
        .unwrap();
    assert_eq!(
        error.0,
        "--against budget compares a period with its budget, and q.toml gives no budget for \
         2025-Q4; periods with a budget: 2025-Q1, 2025-Q2, 2025-Q3"
    );
    let two = [metrics(), metrics()];
    let error = choose(&two, &[], None, Against::Budget).err().unwrap();
    assert!(error.0.contains("give one input"), "{}", error.0);
}
