//! Plan against actual against values worked by hand from the four quarters of `fixture.rs`
//! (full units): 2025-Q1 below its range and under budget, Q2 on budget and within, Q3 above a
//! point guidance, Q4 with guidance and no budget.

use rust_decimal_macros::dec;

use super::{PeriodPlanActual, PlanActual, Position, Verdict};
use crate::metrics::catalogue::Number;
use crate::money::Exact;
use crate::period::PeriodKind;

use super::fixture::{plan_of, QUARTERS};

fn quarter(plan: &PlanActual, n: usize) -> &PeriodPlanActual {
    &plan.periods[n - 1]
}

fn close(value: Option<f64>, expected: f64) {
    let value = value.unwrap_or(f64::NAN);
    assert!((value - expected).abs() < 1e-9, "{value} != {expected}");
}

#[test]
fn revenue_under_budget_is_unfavourable_and_a_cost_under_budget_favourable() {
    let plan = plan_of(QUARTERS);
    let q1 = quarter(&plan, 1);
    let row = |key: &str| q1.variances.iter().find(|v| v.key == key).unwrap();
    // Revenue 100 against 110: -10, -10 / 110 x 100 = -9.0909...%.
    let revenue = row("revenue");
    assert_eq!(revenue.variance, Some(Number::Exact(Exact(dec!(-10)))));
    close(revenue.variance_pct, -100.0 / 11.0);
    assert_eq!(revenue.verdict, Verdict::Unfavourable);
    // Marketing 30 against 25: +5, +20%, over budget: unfavourable.
    let marketing = row("cost_lines.marketing");
    assert_eq!(marketing.variance, Some(Number::Exact(Exact(dec!(5)))));
    close(marketing.variance_pct, 20.0);
    assert_eq!(marketing.verdict, Verdict::Unfavourable);
    // Rent 10 against 12: -2, -16.67%, under budget: favourable.
    let rent = row("cost_lines.rent");
    close(rent.variance_pct, -200.0 / 12.0);
    assert_eq!(rent.verdict, Verdict::Favourable);
    // Opex is computed for the budget too: 25 + 12 = 37 against 40: +3, 3 / 37 = 8.108...%.
    let opex = row("opex");
    assert_eq!(opex.budget, Number::Exact(Exact(dec!(37))));
    close(opex.variance_pct, 300.0 / 37.0);
    // Opex % of revenue: 40% against 37 / 110 = 33.6363...%: +6.3636... points, no %.
    let share = row("opex_pct_of_revenue");
    close(share.budget.as_f64().into(), 3700.0 / 110.0);
    close(share.variance.map(Number::as_f64), 40.0 - 3700.0 / 110.0);
    assert_eq!(share.variance_pct, None);
    // Headcount has no good direction: 52 against 50 is neutral.
    assert_eq!(row("headcount_end").verdict, Verdict::Neutral);
    // A budget has no history: no growth rate is compared.
    assert!(q1.variances.iter().all(|v| !v.key.contains("growth")));
}

#[test]
fn on_budget_and_a_period_without_a_budget() {
    let plan = plan_of(QUARTERS);
    assert_eq!(quarter(&plan, 2).variances[0].verdict, Verdict::OnBudget);
    let q4 = quarter(&plan, 4);
    assert!(!q4.has_budget && q4.variances.is_empty());
    assert_eq!(
        q4.unavailable["variances"],
        "the input gives no budget for this period"
    );
}

#[test]
fn guidance_below_within_and_above() {
    let plan = plan_of(QUARTERS);
    let check = |n: usize| &quarter(&plan, n).guidance[0];
    // Q1: 100 below [105, 115]; midpoint 110: -10, -9.0909...%.
    assert_eq!(check(1).position, Some(Position::Below));
    assert_eq!(check(1).from_midpoint, Some(Exact(dec!(-10))));
    close(check(1).from_midpoint_pct, -100.0 / 11.0);
    // Q2: 120 within [115, 125], on the midpoint.
    assert_eq!(check(2).position, Some(Position::Within));
    close(check(2).from_midpoint_pct, 0.0);
    // Q3: 130 above the point guidance 126: +4, 4 / 126 = 3.1746...%.
    assert_eq!(check(3).position, Some(Position::Above));
    assert_eq!(check(3).midpoint, Exact(dec!(126)));
    close(check(3).from_midpoint_pct, 400.0 / 126.0);
}

#[test]
fn accuracy_over_the_last_quarters() {
    let plan = plan_of(QUARTERS);
    let four = plan.accuracy(PeriodKind::Quarter, 4).unwrap();
    // Budget errors: Q1 -10/110 = -9.0909%, Q2 0%, Q3 +5/125 = +4%.
    assert_eq!(four.budget_periods.len(), 3);
    close(four.revenue_mape_pct, (100.0 / 11.0 + 4.0) / 3.0);
    close(four.revenue_bias_pct, (-100.0 / 11.0 + 4.0) / 3.0);
    assert_eq!(four.budgets, Some("high"));
    // Guidance: Q1 missed its low end (100 < 105); Q2, Q3 and Q4 reached it.
    assert_eq!(four.at_or_above_guidance, Some(3));
    close(four.at_or_above_guidance_pct, 75.0);
    // The last 8 would judge the same four quarters: no second row repeats the first.
    assert!(plan.accuracy(PeriodKind::Quarter, 8).is_none());
    assert!(plan.accuracy(PeriodKind::Year, 4).is_none());
}

#[test]
fn without_a_plan_metrics_json_has_no_plan_actual() {
    let text = QUARTERS
        .split("[[period]]")
        .take(2)
        .collect::<Vec<_>>()
        .join("[[period]]");
    let text: String = text.lines().take(9).collect::<Vec<_>>().join("\n");
    let input = crate::input::from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&crate::metrics::compute(&input)).unwrap();
    assert!(!json.contains("plan_actual"), "{json}");
}

#[test]
fn a_budget_without_revenue_compares_only_what_it_gives() {
    let text = QUARTERS.replacen(
        "[period.budget]\nrevenue = 120\n",
        "[period.budget]\noperating_income = 5\n",
        1,
    );
    let text = text.replacen(
        "revenue = 120\n",
        "revenue = 120\noperating_income = 8\n",
        1,
    );
    let plan = plan_of(&text);
    let keys: Vec<&str> = quarter(&plan, 2)
        .variances
        .iter()
        .map(|v| v.key.as_str())
        .collect();
    // Operating income 8 against 5: +3, +60%; no margin made from a revenue of zero.
    assert_eq!(keys, ["operating_income"]);
    close(quarter(&plan, 2).variances[0].variance_pct, 60.0);
}

/// A fifth quarter with guidance: the last 8 judge five guided quarters, the last 4 four (the
/// three budgets are the last 4 budgeted either way).
#[test]
fn a_longer_window_is_kept_when_it_judges_more_quarters() {
    let text = format!(
        "{QUARTERS}\n[[period]]\nlabel = \"2026-Q1\"\nrevenue = 140\n\
         [period.guidance]\nrevenue = [135, 145]\n"
    );
    let plan = plan_of(&text);
    let four = plan.accuracy(PeriodKind::Quarter, 4).unwrap();
    let eight = plan.accuracy(PeriodKind::Quarter, 8).unwrap();
    assert_eq!(four.guidance_periods.len(), 4);
    assert_eq!(eight.guidance_periods.len(), 5);
    // Q1 missed; Q2 to 2026-Q1 reached their low ends: 4 of 5 over 8, 4 of 4 over 4.
    assert_eq!(eight.at_or_above_guidance, Some(4));
    assert_eq!(four.at_or_above_guidance, Some(4));
    assert_eq!(four.budget_periods.len(), 3);
    assert_eq!(eight.budget_periods.len(), 3);
}
