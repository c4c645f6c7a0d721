use super::*;

fn label(text: &str) -> PeriodLabel {
    PeriodLabel::parse(text).expect("a valid label")
}

#[test]
fn comparisons_name_the_periods_they_looked_back_to_as_a_range() {
    let quarters: Vec<PeriodLabel> = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
        .iter()
        .map(|t| label(t))
        .collect();
    let reason = Reason::NoPeriod {
        compared: Compared::YearEarlier,
    };
    assert_eq!(
        words(&reason, &quarters),
        "no 2024-Q1 to 2024-Q4 in the input to compare with"
    );
    let previous = Reason::NoPeriod {
        compared: Compared::Previous,
    };
    assert_eq!(
        words(&previous, &[label("2025-Q1")]),
        "no 2024-Q4 in the input to compare with"
    );
}

#[test]
fn figures_are_named_as_the_brief_names_them() {
    let reason = Reason::NotGiven {
        figure: "headcount_end",
    };
    assert_eq!(
        words(&reason, &[label("2025-Q1")]),
        "the input gives no headcount, period end"
    );
    let acronym = Reason::NotGiven { figure: "ai_spend" };
    assert_eq!(words(&acronym, &[]), "the input gives no AI spend");
    let lines = Reason::IncompleteLines {
        lines: vec!["credit_losses".into(), "customer_service".into()],
    };
    assert!(words(&lines, &[]).starts_with(
        "the input does not list credit losses and customer service, so the cost lines"
    ));
}

#[test]
fn before_the_first_period_says_where_the_series_starts() {
    let reason = Reason::BeforeFirst {
        first: label("2024-Q1"),
    };
    assert_eq!(
        words(&reason, &[label("2024-Q2")]),
        "the input's quarters start at 2024-Q1, so there is no earlier quarter to compare with"
    );
}

#[test]
fn a_missing_quotient_is_zero_only_over_zero() {
    let zero = Reason::Zero { figure: "revenue" };
    assert_eq!(
        Reason::no_quotient(Decimal::ZERO, zero.clone()),
        zero.clone()
    );
    assert_eq!(
        Reason::no_quotient(Decimal::new(1, 4), zero.clone()),
        Reason::TooLarge
    );
    assert_eq!(Reason::no_quotient(-Decimal::ONE, zero), Reason::TooLarge);
}
