use rust_decimal::Decimal;

use super::*;
use crate::input::figures::PERIOD_FIELDS;

#[test]
fn unknown_fields_get_a_suggestion() {
    // serde's message lists every field of the table.
    let expected: Vec<String> = PERIOD_FIELDS.iter().map(|f| format!("`{f}`")).collect();
    let (message, help) = explain_serde_message(&format!(
        "unknown field `revenu`, expected one of {}",
        expected.join(", ")
    ));
    assert_eq!(message, "unknown field `revenu`");
    assert!(help.unwrap().starts_with("did you mean `revenue`?"));
}

/// `cost_sign = "negative"` negates cost lines and personnel cost; a positive personnel
/// cost under it is refused at its line.
#[test]
fn negative_cost_sign_negates_personnel_cost_too() {
    let text = |personnel: &str| {
        format!(
            "[company]\nname = \"A\"\ncurrency = \"EUR\"\ncost_sign = \"negative\"\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\npersonnel_cost = {personnel}\n\
                 costs = {{ staff = -60, rent = -10 }}\n"
        )
    };
    let input = crate::input::from_toml(&text("-60")).unwrap();
    assert_eq!(input.periods[0].personnel_cost, Some(Decimal::from(60)));
    assert_eq!(input.periods[0].costs["rent"], Decimal::from(10));
    let error = crate::input::from_toml(&text("60")).unwrap_err();
    assert!(
        error.message.contains("written as 60, above zero"),
        "{error}"
    );
    assert!(error.to_string().contains("t.toml:8:1"), "{error}");
}

/// Periods are checked on all cores, but the error reported is the first in the file, with
/// its position, as when they were checked one by one; a repeated label after it waits.
#[test]
fn the_first_bad_period_in_the_file_is_reported() {
    let mut text = String::from("[company]\nname = \"A\"\ncurrency = \"EUR\"\n");
    for index in 0..400 {
        let (year, revenue) = match index {
            120 => (2000 + index, "-1"),
            300 => (2000 + index, "-2"),
            350 => (2000, "5"),
            _ => (2000 + index, "5"),
        };
        text.push_str(&format!(
            "[[period]]\nlabel = \"{year}\"\nrevenue = {revenue}\n"
        ));
    }
    let error = crate::input::from_toml(&text).unwrap_err();
    assert!(error.message.contains("found -1"), "{}", error.message);
    // Line of period 121's revenue: 3 company lines, then 3 lines a period.
    let line = match error.location.as_deref() {
        Some(crate::diagnostic::Location::Text { line, .. }) => Some(*line),
        _ => None,
    };
    assert_eq!(line, Some(3 + 120 * 3 + 3));
}

/// A label as the outputs show it reads back with its coverage ("2024 (summed from
/// quarters)"); the mark is a year's only, and not said twice beside `months`.
#[test]
fn a_marked_year_reads_back_and_a_marked_quarter_is_refused() {
    let text = |label: &str, months: &str| {
        format!(
            "[company]\nname = \"A\"\ncurrency = \"EUR\"\n\
             [[period]]\nlabel = \"{label}\"\nrevenue = 100\n{months}"
        )
    };
    let input = crate::input::from_toml(&text("2024 (year to date, 2 quarters)", "")).unwrap();
    assert_eq!(input.periods[0].label.to_string(), "2024");
    assert_eq!(
        input.periods[0].coverage,
        crate::input::Coverage::YearToDate { months: 6 }
    );
    let error = crate::input::from_toml(&text("2024-Q1 (summed from quarters)", "")).unwrap_err();
    assert!(
        error
            .message
            .contains("\"summed from quarters\" is said of a year, but 2024-Q1 is not"),
        "{error}"
    );
    assert!(error.to_string().contains("t.toml:5:"), "{error}");
    let twice = text("2024 (year to date, 1 quarter)", "months = 3\n");
    let error = crate::input::from_toml(&twice).unwrap_err();
    assert!(error.message.contains("also gives months"), "{error}");
}
