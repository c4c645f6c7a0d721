use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn snowflake() -> FiscalCalendar {
    FiscalCalendar::from_periods([
        (date("2023-02-01"), date("2024-01-31")),
        (date("2024-02-01"), date("2025-01-31")),
    ])
    .unwrap()
}

#[test]
fn a_january_year_end_names_the_year_it_ends_in() {
    let calendar = snowflake();
    assert_eq!(calendar.fiscal_year_end(), "01-31");
    let year = calendar.classify(date("2024-02-01"), date("2025-01-31"));
    assert_eq!(year, Some(Span::Year(2025)));
    let q1 = calendar.classify(date("2024-02-01"), date("2024-04-30"));
    assert_eq!(q1, Some(Span::Quarter(2025, 1)));
    let q3 = calendar.classify(date("2024-08-01"), date("2024-10-31"));
    assert_eq!(q3, Some(Span::Quarter(2025, 3)));
}

#[test]
fn year_to_date_facts_are_neither_years_nor_quarters() {
    // Guards against 10-Q six- and nine-month values being read as quarters.
    let calendar = snowflake();
    assert_eq!(
        calendar.classify(date("2024-02-01"), date("2024-07-31")),
        None
    );
    assert_eq!(
        calendar.classify(date("2024-02-01"), date("2024-10-31")),
        None
    );
}

#[test]
fn quarters_after_the_last_annual_fact_extend_the_calendar() {
    let calendar = snowflake();
    let q1 = calendar.classify(date("2025-02-01"), date("2025-04-30"));
    assert_eq!(q1, Some(Span::Quarter(2026, 1)));
    let early = calendar.classify(date("2020-05-01"), date("2020-07-31"));
    assert_eq!(early, Some(Span::Quarter(2021, 2)));
}

#[test]
fn headcount_dates_belong_to_the_year_just_ended() {
    assert_eq!(snowflake().year_ended_by(date("2025-03-21")), Some(2025));
}
