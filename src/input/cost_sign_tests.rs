use super::*;
use crate::period::PeriodLabel;

fn period(year: i32, revenue: i64, costs: &[(&str, i64)]) -> Period {
    Period {
        label: PeriodLabel::year(year),
        revenue: Decimal::from(revenue),
        headcount_end: None,
        headcount_start: None,
        personnel_cost: None,
        operating_income: None,
        adjusted_operating_income: None,
        statement: Default::default(),
        values: Default::default(),
        notes: None,
        costs: costs
            .iter()
            .map(|(name, amount)| (name.to_string(), Decimal::from(*amount)))
            .collect(),
        ai: Default::default(),
        non_gaap: Default::default(),
        coverage: Default::default(),
    }
}

#[test]
fn costs_written_below_zero_are_a_convention() {
    // Three lines, all negative in both years: 3 of 3, first in 2023's "support".
    let periods = [
        period(2023, 1000, &[("support", -300), ("marketing", -200)]),
        period(
            2024,
            1200,
            &[("support", -310), ("marketing", -210), ("rd", -90)],
        ),
    ];
    assert_eq!(
        negative_convention(&periods),
        Some(NegativeCosts {
            period: 0,
            line: "support".into(),
            negative_lines: 3,
            lines: 3
        })
    );
}

#[test]
fn credits_among_positive_costs_are_not() {
    // One credit line: refunds -3 against revenue 5 (the suite's cost_lines_may_be_negative).
    assert_eq!(
        negative_convention(&[period(2024, 5, &[("refunds", -3)])]),
        None
    );
    // Two credit lines beside a larger cost: -5 - 2 + 100 = 93 > 0, so credits, not a convention.
    let credits = [period(
        2024,
        500,
        &[("refunds", -5), ("chargebacks", -2), ("marketing", 100)],
    )];
    assert_eq!(negative_convention(&credits), None);
    // Half the lines negative is not most: 1 of 2 per year.
    let half = [period(
        2024,
        500,
        &[("a", -50), ("b", -40), ("c", 10), ("d", 5)],
    )];
    assert_eq!(negative_convention(&half), None);
}

/// Guards the review of src/input: a file whose only cost line is below zero in every
/// period was read as it stands (margin 180%) because detection needed two lines.
#[test]
fn one_line_below_zero_in_every_period_is_a_convention() {
    let periods = [
        period(2023, 1000, &[("opex", -800)]),
        period(2024, 1300, &[("opex", -900)]),
    ];
    assert_eq!(
        negative_convention(&periods),
        Some(NegativeCosts {
            period: 0,
            line: "opex".into(),
            negative_lines: 1,
            lines: 1
        })
    );
    // A refund line beside positive costs stays a credit, in every period too.
    let refunds = [
        period(2023, 1000, &[("opex", 800), ("refunds", -30)]),
        period(2024, 1300, &[("opex", 900), ("refunds", -40)]),
    ];
    assert_eq!(negative_convention(&refunds), None);
}

#[test]
fn zero_revenue_everywhere_is_not_judged() {
    let periods = [period(2024, 0, &[("support", -3), ("marketing", -2)])];
    assert_eq!(negative_convention(&periods), None);
}

#[test]
fn the_first_negative_cost_in_file_order_is_named() {
    // 2023's lines are positive (a reversal year); 2024 and 2025 negative: "b" in 2024.
    let periods = [
        period(2023, 10, &[("a", 1), ("b", 1)]),
        period(2024, 10, &[("a", 0), ("b", -4), ("c", -1)]),
        period(2025, 10, &[("a", -2), ("b", -4), ("c", -1)]),
    ];
    let found = negative_convention(&periods).map(|n| (n.period, n.line));
    assert_eq!(found, Some((1, "b".to_string())));
}

#[test]
fn negative_sign_negates() {
    assert_eq!(
        CostSign::Negative.read(Decimal::from(-328)),
        Decimal::from(328)
    );
    assert_eq!(
        CostSign::Positive.read(Decimal::from(-3)),
        Decimal::from(-3)
    );
    assert_eq!(CostSign::parse(" Negative "), Some(CostSign::Negative));
    assert_eq!(CostSign::parse("minus"), None);
}
