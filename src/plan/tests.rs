//! Hand-computed checks of the headcount plan.

use super::months::{month_label, period_end_month};
use super::*;
use crate::input::CompanyInput;
use rust_decimal_macros::dec;

fn input(plan: &str, periods: &str) -> CompanyInput {
    let text = format!(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nfiscal_year_end = \"12-31\"\n\n\
         [plan]\n{plan}\n{periods}"
    );
    crate::input::from_toml(&text).unwrap()
}

fn plan_for(plan: &str, periods: &str) -> HeadcountPlan {
    let input = input(plan, periods);
    project(&input, &crate::metrics::compute(&input)).unwrap()
}

const ONE_YEAR_3800: &str = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 3800
    "#;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() < tolerance,
        "{actual} is not {expected}"
    );
}

#[test]
fn attrition_alone_takes_3800_to_2000_in_month_35() {
    let plan = plan_for(
        "target_headcount = 2000\nannual_attrition = 0.2\nhires_per_year = 0",
        ONE_YEAR_3800,
    );
    // ln(2000 / 3800) / ln(0.8) = -0.641854 / -0.223144 = 2.876417 years = 34.5 months.
    close(plan.years_to_target.unwrap(), 2.876417, 1e-6);
    assert_eq!(plan.months_to_target, Some(35));
    assert!(plan.reached);
    // H(m) = 3800 x 0.8^(m/12): month 34 is 3800 x 0.531400 = 2019.32, month 35 is
    // 3800 x 0.521610 = 1982.12, the first at or below 2000.
    close(plan.path[34].headcount, 2019.32, 0.01);
    close(plan.path[35].headcount, 1982.12, 0.01);
    // The path runs 120 months past the target: months 0 to 155.
    assert_eq!(plan.path.len(), 156);
    assert_eq!(plan.people_not_replaced, Some(Exact(dec!(1800))));
    // No personnel_cost anywhere, so no saving.
    assert_eq!(
        plan.unavailable["loaded_cost_per_employee"],
        "no personnel_cost in any period"
    );
    assert_eq!(plan.payroll_saved_per_year, None);
    assert!(plan.unavailable.contains_key("payroll_saved_per_year"));
    assert_eq!(plan.steady_state_headcount, Some(0.0));
}

#[test]
fn scenarios_scale_attrition() {
    let plan = plan_for(
        "target_headcount = 2000\nannual_attrition = 0.2",
        ONE_YEAR_3800,
    );
    let [slower, planned, faster] = &plan.scenarios[..] else {
        panic!("three scenarios")
    };
    // 0.2 x 0.75 = 0.15: ln(2000/3800) / ln(0.85) = 3.9494 years = 47.39 months -> month 48.
    assert_eq!(slower.annual_attrition, Exact(dec!(0.15)));
    assert_eq!(slower.months_to_target, Some(48));
    close(slower.years_to_target.unwrap(), 3.949410, 1e-5);
    // As planned: 3800 x 0.8 = 3040 after a year, 3800 x 0.64 = 2432 after two.
    assert_eq!(planned.months_to_target, Some(35));
    assert_eq!(planned.headcount_after_12_months, 3040.0);
    assert_eq!(planned.headcount_after_24_months, 2432.0);
    // 0.2 x 1.25 = 0.25: ln(2000/3800) / ln(0.75) = 2.2311 years = 26.77 months -> month 27;
    // 3800 x 0.75 = 2850 after a year, 3800 x 0.5625 = 2137.5 after two.
    assert_eq!(faster.annual_attrition, Exact(dec!(0.25)));
    assert_eq!(faster.months_to_target, Some(27));
    assert_eq!(faster.headcount_after_12_months, 2850.0);
    assert_eq!(faster.headcount_after_24_months, 2137.5);
    assert!(faster.reached && faster.not_reached_reason.is_none());
}

#[test]
fn hires_slow_the_fall() {
    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 1200
    "#;
    let plan = plan_for(
        "target_headcount = 1000\nannual_attrition = 0.2\nhires_per_year = 120",
        periods,
    );
    // r = 0.8^(1/12) = 0.9815765, h = 120 / 12 = 10 a month.
    // H(1) = 1200 x 0.9815765 + 10 = 1187.89.
    close(plan.path[1].headcount, 1187.89, 0.01);
    // Steady state S = 10 / (1 - 0.9815765) = 542.79. H(m) = S + (1200 - S) r^m <= 1000 when
    // r^m <= 457.21 / 657.21 = 0.695686, m >= ln(0.695686) / ln(r) = -0.362856 / -0.0185953
    // = 19.51 -> month 20; H(19) = 1004.39, H(20) = 995.88.
    close(plan.steady_state_headcount.unwrap(), 542.79, 0.01);
    assert_eq!(plan.months_to_target, Some(20));
    close(plan.path[19].headcount, 1004.39, 0.01);
    close(plan.path[20].headcount, 995.88, 0.01);
    // With hires, years are months / 12: 20 / 12 = 1.6667.
    close(plan.years_to_target.unwrap(), 20.0 / 12.0, 1e-12);
    assert_eq!(plan.people_not_replaced, Some(Exact(dec!(200))));
}

#[test]
fn hires_above_the_limit_never_reach_the_target() {
    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 3000
    "#;
    let plan = plan_for(
        "target_headcount = 1000\nannual_attrition = 0.1\nhires_per_year = 150",
        periods,
    );
    // r = 0.9^(1/12) = 0.9912584; S = 12.5 / (1 - 0.9912584) = 1429.94 > 1000.
    close(plan.steady_state_headcount.unwrap(), 1429.94, 0.01);
    assert!(!plan.reached);
    assert_eq!(plan.months_to_target, None);
    assert!(
        plan.unavailable["months_to_target"].contains("near 1,430"),
        "{:?}",
        plan.unavailable
    );
    assert!(plan.unavailable.contains_key("people_not_replaced"));
    // The whole 50 years are drawn: months 0 to 600.
    assert_eq!(plan.path.len(), 601);
    assert!(plan
        .scenarios
        .iter()
        .all(|s| !s.reached && s.not_reached_reason.is_some()));
}

#[test]
fn attrition_alone_never_reaches_a_target_of_zero() {
    // 3800 x 0.8^(m/12) stays above 0 for every m: no log of 0, no month.
    let plan = plan_for(
        "target_headcount = 0\nannual_attrition = 0.2",
        ONE_YEAR_3800,
    );
    assert_eq!(plan.months_to_target, None);
    assert_eq!(plan.years_to_target, None);
    assert_eq!(
        plan.unavailable["months_to_target"],
        "attrition alone shrinks headcount towards 0 but never to 0"
    );
    assert!(plan.path.iter().all(|p| p.headcount.is_finite()));
}

/// A target above today's headcount is a growth target: without hires it is never reached
/// (issue 12; it used to read "reached in month 0", saving nothing).
#[test]
fn a_target_above_headcount_without_hires_is_never_reached() {
    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 1800
    "#;
    let plan = plan_for("target_headcount = 2000\nannual_attrition = 0.2", periods);
    assert!(!plan.reached);
    assert_eq!(plan.months_to_target, None);
    assert!(plan.unavailable["months_to_target"].contains("attrition only shrinks headcount"));
    assert_eq!(plan.people_not_replaced, None);
}

#[test]
fn zero_attrition_never_reaches_the_target() {
    let plan = plan_for(
        "target_headcount = 2000\nannual_attrition = 0",
        ONE_YEAR_3800,
    );
    assert_eq!(plan.months_to_target, None);
    assert_eq!(plan.years_to_target, None);
    assert_eq!(plan.steady_state_headcount, None);
    assert_eq!(
        plan.unavailable["months_to_target"],
        "with no attrition and no hires, headcount stays at 3,800"
    );
    assert!(plan.path.iter().all(|p| p.headcount == 3800.0));
    // 0 x 1.25 is still 0: no scenario reaches it either.
    assert!(plan.scenarios.iter().all(|s| !s.reached));
}

#[test]
fn saving_and_pay_rise_by_hand() {
    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 100

        [[period]]
        label = "2025"
        revenue = 100
        headcount_end = 80
        personnel_cost = 9000000
    "#;
    let plan = plan_for(
        "target_headcount = 60\nannual_attrition = 0.2\nreinvest_share = 0.5",
        periods,
    );
    // Loaded cost 9,000,000 / ((100 + 80) / 2 = 90) = 100,000 a year.
    assert_eq!(plan.loaded_cost_per_employee, Some(Exact(dec!(100000))));
    assert_eq!(plan.loaded_cost_period, Some(PeriodLabel::year(2025)));
    // 80 - 60 = 20 people; 20 x 100,000 = 2,000,000.00 a year.
    assert_eq!(plan.people_not_replaced, Some(Exact(dec!(20))));
    assert_eq!(plan.payroll_saved_per_year, Some(Exact(dec!(2000000.00))));
    // 0.5 x 2,000,000 / (60 x 100,000) x 100 = 1,000,000 / 6,000,000 x 100 = 16.667 %.
    close(plan.pay_rise_pct.unwrap(), 100.0 / 6.0, 1e-9);
    assert!(plan.unavailable.is_empty(), "{:?}", plan.unavailable);
}

#[test]
fn missing_reinvest_share_and_headcount_are_explained() {
    let plan = plan_for(
        "target_headcount = 2000\nannual_attrition = 0.2",
        ONE_YEAR_3800,
    );
    assert_eq!(
        plan.unavailable["pay_rise_pct"],
        "no reinvest_share in [plan]"
    );

    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
    "#;
    let plan = plan_for("target_headcount = 2000\nannual_attrition = 0.2", periods);
    assert_eq!(
        plan.unavailable["start_headcount"],
        "no period gives a period-end headcount"
    );
    assert!(plan.path.is_empty() && plan.scenarios.is_empty() && !plan.reached);
}

#[test]
fn no_plan_table_means_no_plan() {
    let text = format!("[company]\nname = \"Acme\"\ncurrency = \"USD\"\n{ONE_YEAR_3800}");
    let input = crate::input::from_toml(&text).unwrap();
    assert!(project(&input, &crate::metrics::compute(&input)).is_none());
}

#[test]
fn klarna_example_by_hand() {
    let input = crate::input::klarna_example();
    let plan = project(&input, &crate::metrics::compute(&input)).unwrap();
    // The latest headcount in time order is the 2025 year end (after 2025-Q4): 2,831.
    assert_eq!(plan.start_period, Some(PeriodLabel::year(2025)));
    assert_eq!(plan.start_headcount, Some(Exact(dec!(2831))));
    // ln(2000 / 2831) / ln(0.8) = -0.347484 / -0.223144 = 1.557217 years = 18.69 months.
    close(plan.years_to_target.unwrap(), 1.557217, 1e-5);
    assert_eq!(plan.months_to_target, Some(19));
    // 634,679,500 / 3,126.5 = 203,000; 831 people x 203,000 = 168,693,000.
    assert_eq!(plan.loaded_cost_per_employee, Some(Exact(dec!(203000))));
    assert_eq!(plan.payroll_saved_per_year, Some(Exact(dec!(168693000))));
    // 0.5 x 168,693,000 / (2,000 x 203,000) x 100 = 84,346,500 / 406,000,000 x 100 = 20.775 %.
    close(plan.pay_rise_pct.unwrap(), 20.775, 1e-9);
    // Fiscal year ends 12-31: the path starts in 2025-12.
    assert_eq!(plan.path[0].date.as_deref(), Some("2025-12"));
    assert_eq!(plan.path[1].date.as_deref(), Some("2026-01"));
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains("\"months_to_target\":19"));
}

#[test]
fn period_end_months_follow_the_fiscal_year() {
    // Fiscal year ending June: FY2025's first quarter is July-September 2024.
    let june = crate::period::FiscalCalendar::parse("06-30").unwrap();
    let q1 = period_end_month(PeriodLabel::quarter(2025, 1).in_calendar(june)).unwrap();
    assert_eq!(month_label(q1), "2024-09");
    let h1 = period_end_month(PeriodLabel::half(2025, 1)).unwrap();
    assert_eq!(month_label(h1), "2025-06");
}

const ONE_YEAR_540: &str = r#"
        [[period]]
        label = "2024"
        revenue = 100
        headcount_end = 540
    "#;

/// Issue 12: a target above today's headcount was "reached in month 0" and saved 0.
#[test]
fn a_target_above_headcount_that_hiring_cannot_reach_says_so() {
    let plan = plan_for(
        "target_headcount = 700\nannual_attrition = 0.15\nhires_per_year = 100",
        ONE_YEAR_540,
    );
    // Monthly retention r = 0.85^(1/12) = 0.986548; the steady state is (100 / 12) / (1 - r)
    // = 8.3333 / 0.013452 = 619.5 people, below 700.
    assert!(!plan.reached);
    assert_eq!(plan.months_to_target, None);
    close(plan.steady_state_headcount.unwrap(), 619.5, 0.1);
    let reason = &plan.unavailable["months_to_target"];
    assert!(reason.contains("settles headcount near 619"), "{reason}");
    assert!(plan.unavailable["people_not_replaced"].contains("grows the team"));
    assert_eq!(plan.payroll_saved_per_year, None);
}

/// A target above headcount that hiring does reach: the first month at or above it.
#[test]
fn a_growth_target_is_reached_from_below() {
    let plan = plan_for(
        "target_headcount = 560\nannual_attrition = 0.15\nhires_per_year = 100",
        ONE_YEAR_540,
    );
    // Month 1: 540 x 0.986548 + 8.3333 = 541.07; each month adds about 8.33 - 0.0135 x H
    // (about 1.07 people at 540), so 560 is crossed after about 20 months.
    assert!(plan.reached);
    let month = plan.months_to_target.unwrap();
    assert!(plan.path[month as usize].headcount >= 560.0);
    assert!(plan.path[month as usize - 1].headcount < 560.0);
    assert!((17..=23).contains(&month), "{month}");
    assert_eq!(plan.people_not_replaced, None);
}
