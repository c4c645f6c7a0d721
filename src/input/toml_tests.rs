use super::*;

fn read(text: &str) -> Result<RawInput, InputError> {
    parse(text, "t.toml").map(|(raw, _)| raw)
}

const COMPANY: &str = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\n";

/// Regression (issue 11): with two TOML grammars, a TOML 1.1 file skipped this check and
/// `1000.000000000000001` was read as 1000.
#[test]
fn inexact_digits_are_refused_in_a_toml_1_1_file_too() {
    let period = "[[period]]\nlabel = \"2024\"\nrevenue = 1000.000000000000001\n";
    for costs in ["", "costs = { a = 1,\n  b = 2 }\n"] {
        let text = format!("{COMPANY}{period}{costs}");
        let error = read(&text).unwrap_err();
        assert!(
            error.message.contains("more digits than TOML keeps"),
            "{error}"
        );
        // Line 7 is the revenue line; the number starts after `revenue = `: column 11.
        assert_eq!(error.position(), (Some(7), Some(11)), "{error}");
    }
}

/// TOML 1.1: an inline table over several lines, with a trailing comma, reads as written.
#[test]
fn a_multi_line_inline_table_is_read() {
    let text = format!(
            "{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 10.25\ncosts = {{ a = 1,\n  b = 2.5,\n}}\n"
        );
    let raw = read(&text).unwrap();
    assert_eq!(raw.periods.len(), 1);
    let debug = format!("{:?}", raw.periods[0]);
    assert!(debug.contains("10.25") && debug.contains("2.5"), "{debug}");
}

#[test]
fn digits_beyond_fifteen_pass_when_the_float_keeps_them() {
    // 16 significant digits that a float holds exactly; 18 that it cannot (the nearest
    // float is 1234567890.1234567).
    assert!(may_be_inexact("1234567890.125000"));
    assert!(!may_be_inexact("0.000000000000001"));
    assert!(may_be_inexact("123456789012345.6e3"));
    let text = format!("{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 1234567890.125000\n");
    assert!(read(&text).is_ok());
    let text = format!("{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 1234567890.12345678\n");
    assert!(read(&text).is_err());
}

#[test]
fn an_unknown_field_names_its_key_with_its_position() {
    let text = format!("{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 1\nheadcount_edn = 4\n");
    let error = read(&text).unwrap_err();
    assert!(error.to_string().contains("headcount_edn"), "{error}");
    assert_eq!(error.position().0, Some(8), "{error}");
}
