use super::*;

fn read(text: &str) -> Result<Option<Decimal>, String> {
    read_number(text, Expect::Amount)
}

fn number(text: &str) -> Option<Decimal> {
    text.parse().ok()
}

#[test]
fn grouped_and_bracketed_numbers() {
    assert_eq!(read("1 234"), Ok(number("1234")));
    assert_eq!(read("1\u{a0}234\u{a0}567"), Ok(number("1234567")));
    assert_eq!(read("1,234"), Ok(number("1234")));
    assert_eq!(read("1,234,567.25"), Ok(number("1234567.25")));
    assert_eq!(read("(1,500)"), Ok(number("-1500")));
    assert_eq!(read("( 12.5 )"), Ok(number("-12.5")));
    assert_eq!(read("-1,500"), Ok(number("-1500")));
    assert_eq!(read("1234.5"), Ok(number("1234.5")));
}

#[test]
fn dashes_are_empty_everywhere() {
    for dash in ["-", "—", "–", " - "] {
        assert_eq!(read(dash), Ok(None), "{dash:?}");
    }
}

#[test]
fn percentages_read_by_what_is_expected() {
    assert_eq!(read_number("12%", Expect::Share), Ok(number("0.12")));
    assert_eq!(read_number("12.5 %", Expect::Share), Ok(number("0.125")));
    assert_eq!(read_number("20%", Expect::Percent), Ok(number("20")));
    assert_eq!(
        read("12%"),
        Err("found the percentage \"12%\" where an amount is expected".into())
    );
}

#[test]
fn ambiguous_or_broken_grouping_is_refused() {
    for bad in [
        "1,5",
        "1.234,5",
        "12,34",
        "1,2345",
        "1 23",
        ",123",
        "1,234 567",
        "12k",
    ] {
        assert!(read(bad).is_err(), "{bad} should be refused");
    }
    let advice = "expected a number, found \"ten\": write numbers with a dot for decimals \
                      (e.g. 1234.5 or 1,234.5), without currency signs";
    assert_eq!(read("ten"), Err(advice.to_string()));
}
