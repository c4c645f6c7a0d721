use super::locate::letters;
use super::*;

fn read(text: &str) -> Result<Option<RawInput>, String> {
    parse(text, "t.csv", None, Delimiter::detect(text))
        .map(|found| found.map(|(raw, _)| raw))
        .map_err(|error| error.to_string())
}

/// Guards issue 12: a CSV with periods across was refused ("unknown column \"2023\"").
#[test]
fn periods_across_are_read_as_rows() {
    let text = "Acme,,\nmetric,2023,FY2024\nrevenue,100,\"1,300\"\n\
                    cost:marketing,20,(5)\nheadcount_end,,12\n";
    let raw = read(text).unwrap().unwrap();
    assert_eq!(raw.periods.len(), 2);
    let second = &raw.periods[1];
    assert_eq!(second.label.as_ref().map(|l| l.0.as_str()), Some("FY2024"));
    assert_eq!(
        second.revenue.as_ref().map(|a| a.0.to_string()),
        Some("1300".into())
    );
    assert_eq!(second.costs["marketing"].0.to_string(), "-5");
    assert_eq!(raw.periods[0].headcount_end.as_ref().map(|a| a.0), None);
    assert!(
        read("label,revenue\n2024,5\n").unwrap().is_none(),
        "rows stay rows"
    );
}

/// Guards the review of src/input: a row named "Revenue" was refused as unknown, and the
/// help said "columns are" of figures named in rows.
#[test]
fn row_names_match_whatever_their_case() {
    let text = "Metric,2023,2024\n Revenue ,100,120\nCOST : Support,5,6\nHeadcount_End,1,2\n";
    let raw = read(text).unwrap().unwrap();
    assert_eq!(
        raw.periods[1].revenue.as_ref().map(|a| a.0),
        Some(120.into())
    );
    assert_eq!(raw.periods[1].costs["Support"].0, 6.into());
    assert_eq!(
        raw.periods[0].headcount_end.as_ref().map(|a| a.0),
        Some(1.into())
    );
    let error = read("Metric,2023\nRevenue,1\nHead count,2\n").unwrap_err();
    assert!(error.starts_with("unknown row \"Head count\""), "{error}");
    assert!(error.contains("rows are label, revenue, "), "{error}");
    assert!(!error.contains("columns are"), "{error}");
    // A bad cell names its row as written.
    let error = read("Metric,2023\nRevenue,abc\n").unwrap_err();
    assert!(
        error.contains("row 2 (\"Revenue\"), column \"2023\""),
        "{error}"
    );
}

/// Guards Trust II item 16 with periods across: an unquoted 62,000 read as a period "D"
/// without a label.
#[test]
fn a_number_split_by_its_thousands_separator_is_named_across() {
    let error = read("metric,2023,2024\nrevenue,100,62,000\n").unwrap_err();
    assert!(
        error.starts_with(
            "row 2 has a cell right of the last period label: \"62,000\" looks like one \
                 number split by its thousands separator\n  --> t.csv: row 2 (\"revenue\"), \
                 column \"2024\""
        ),
        "{error}"
    );
    assert!(error.contains("or write 62000"), "{error}");
}

#[test]
fn a_bad_cell_is_named_by_its_row_and_column() {
    let error = read("metric,2023,2024\nrevenue,100,abc\n").unwrap_err();
    assert!(
        error.contains("--> t.csv: row 2 (\"revenue\"), column \"2024\""),
        "{error}"
    );
    let error = read("metric,2023,2024\nrevenu,100,120\n").unwrap_err();
    assert!(error.starts_with("unknown row \"revenu\""), "{error}");
    assert!(
        error.contains("--> t.csv: row 2, column \"metric\""),
        "{error}"
    );
    assert_eq!(letters(0), "A");
    assert_eq!(letters(27), "AB");
}
