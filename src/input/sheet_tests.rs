//! Tests of the spreadsheet reader on small workbooks written here with rust_xlsxwriter.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Workbook};

use super::{parse, reference};
use crate::input::{validate, ReadOptions};

/// A workbook with a `Notes` sheet first (no label column), then `Figures` and `company`.
/// `bad_revenue` puts text where revenue 2024 (cell D8) should be.
fn workbook(bad_revenue: Option<&str>) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Notes").unwrap();
    notes.write_string(0, 0, "Figures are made up").unwrap();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    // Header in row 6 (after a title), columns B..G: the layout starts away from A1 on purpose.
    figures
        .write_string(0, 0, "Acme figures, SEK thousands")
        .unwrap();
    for (col, name) in [
        "label",
        "headcount_end",
        "revenue",
        "cost:marketing",
        "cost:support",
    ]
    .iter()
    .enumerate()
    {
        figures.write_string(5, col as u16 + 1, *name).unwrap();
    }
    figures.write_string(6, 1, "2023").unwrap();
    figures.write_number(6, 2, 120).unwrap();
    figures.write_number(6, 3, 1000.5).unwrap();
    figures.write_number(6, 4, 300).unwrap();
    figures.write_number(6, 5, 50).unwrap();
    figures.write_number(7, 1, 2024).unwrap();
    figures.write_number(7, 2, 110).unwrap();
    match bad_revenue {
        Some(text) => figures.write_string(7, 3, text).unwrap(),
        // Revenue 2024 is a formula; its cached result is what is read.
        None => figures
            .write_formula(7, 3, Formula::new("=D7*2").set_result("2001"))
            .unwrap(),
    };
    figures.write_number(7, 4, 350).unwrap();
    figures.write_number(7, 5, 40).unwrap();
    let company = book.add_worksheet().set_name("company").unwrap();
    company.write_string(0, 0, "field").unwrap();
    company.write_string(0, 1, "value").unwrap();
    let fields = [
        ("name", "Acme AB"),
        ("currency", "SEK"),
        ("scale", "thousands"),
        ("ai_exposed", "support, marketing"),
    ];
    for (row, (field, value)) in fields.iter().enumerate() {
        company.write_string(row as u32 + 1, 0, *field).unwrap();
        company.write_string(row as u32 + 1, 1, *value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn reads_the_first_sheet_with_a_label_column_and_the_company_sheet() {
    let (raw, locator) = parse(workbook(None), "acme.xlsx", None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    assert_eq!(input.company.name, "Acme AB");
    assert_eq!(input.company.ai_exposed, vec!["support", "marketing"]);
    assert_eq!(input.periods.len(), 2);
    // 1000.5 thousand SEK, and the formula's cached 2001 thousand.
    assert_eq!(input.periods[0].revenue, Decimal::from(1_000_500));
    assert_eq!(input.periods[1].revenue, Decimal::from(2_001_000));
    assert_eq!(input.periods[1].headcount_end, Some(Decimal::from(110)));
    assert_eq!(input.periods[1].costs["marketing"], Decimal::from(350_000));
}

#[test]
fn a_bad_cell_is_named_by_sheet_and_cell_with_what_was_found() {
    let error = parse(workbook(Some("12k")), "acme.xlsx", None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Figures!D8, column \"revenue\": expected a number, found \"12k\": write numbers \
         without thousands separators or currency signs, with a dot for decimals (e.g. 1234.5)\n  \
         --> acme.xlsx: cell Figures!D8"
    );
}

#[test]
fn validation_errors_point_at_the_cell() {
    let (raw, locator) = parse(workbook(Some("-5")), "acme.xlsx", None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(
        error.message.contains("revenue must not be negative"),
        "{error}"
    );
    assert!(error.to_string().contains("cell Figures!D8"), "{error}");
}

#[test]
fn a_named_sheet_must_exist() {
    let error = parse(workbook(None), "acme.xlsx", Some("Budget")).unwrap_err();
    assert!(error.message.contains("no sheet named \"Budget\""));
    assert!(error
        .help
        .unwrap()
        .contains("\"Notes\", \"Figures\", \"company\""));
    let chosen = parse(workbook(None), "acme.xlsx", Some("figures"));
    assert!(chosen.is_ok(), "sheet names match regardless of case");
}

#[test]
fn a_sheet_without_label_column_is_not_taken_for_figures() {
    let error = parse(workbook(None), "acme.xlsx", Some("Notes")).unwrap_err();
    assert!(
        error
            .message
            .contains("unknown column \"Figures are made up\""),
        "{error}"
    );
    assert!(error.to_string().contains("cell Notes!A1"), "{error}");
}

#[test]
fn references_read_as_a_spreadsheet_writes_them() {
    assert_eq!(reference("Figures", 6, 3), "Figures!D7");
    assert_eq!(reference("Q data", 0, 27), "'Q data'!AB1");
    let _ = ReadOptions::default();
}

/// A `Figures` sheet of two years and a `company` sheet with `rows` (field, number or text).
fn with_company_rows(rows: &[(&str, Result<f64, &str>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    for (col, name) in ["label", "revenue", "headcount_end"].iter().enumerate() {
        figures.write_string(0, col as u16, *name).unwrap();
    }
    for (row, (label, revenue, people)) in [("2023", 100.0, 50.0), ("2024", 130.0, 40.0)]
        .iter()
        .enumerate()
    {
        figures.write_string(row as u32 + 1, 0, *label).unwrap();
        figures.write_number(row as u32 + 1, 1, *revenue).unwrap();
        figures.write_number(row as u32 + 1, 2, *people).unwrap();
    }
    let company = book.add_worksheet().set_name("company").unwrap();
    let mut all = vec![("name", Err("Acme AB")), ("currency", Err("EUR"))];
    all.extend_from_slice(rows);
    for (row, (field, value)) in all.iter().enumerate() {
        company.write_string(row as u32, 0, *field).unwrap();
        match value {
            Ok(number) => company.write_number(row as u32, 1, *number).unwrap(),
            Err(text) => company.write_string(row as u32, 1, *text).unwrap(),
        };
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn plan_and_readiness_rows_on_the_company_sheet() {
    let book = with_company_rows(&[
        ("plan.target_headcount", Ok(30.0)),
        ("plan.annual_attrition", Ok(0.2)),
        ("plan.hires_per_year", Err("2")),
        ("readiness.min_rule_of_40", Ok(30.0)),
    ]);
    let (raw, locator) = parse(book, "acme.xlsx", None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let plan = input.plan.unwrap();
    assert_eq!(plan.target_headcount, Decimal::from(30));
    assert_eq!(plan.annual_attrition, Decimal::new(2, 1));
    assert_eq!(plan.hires_per_year, Decimal::from(2));
    assert_eq!(input.readiness.min_rule_of_40, Some(Decimal::from(30)));
}

#[test]
fn a_bad_plan_row_is_named_by_its_cell() {
    // A misspelt field: refused with a suggestion, at the value's cell.
    let book = with_company_rows(&[("plan.target_heads", Ok(30.0))]);
    let error = parse(book, "acme.xlsx", None).unwrap_err();
    assert!(
        error.message.contains("company!B3 (plan.target_heads)"),
        "{}",
        error.message
    );
    assert!(error
        .message
        .contains("did you mean \"plan.target_headcount\""));
    // A value out of range is found by validation, and located at the same kind of cell.
    let book = with_company_rows(&[
        ("plan.target_headcount", Ok(30.0)),
        ("plan.annual_attrition", Ok(1.5)),
    ]);
    let (raw, locator) = parse(book, "acme.xlsx", None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(
        error.message.contains("between 0 and 1, found 1.5"),
        "{}",
        error.message
    );
    assert!(error.to_string().contains("company!B4"), "{error}");
}

/// `acknowledge.<kind>` rows (and `acknowledge.<kind>.<period>`) acknowledge warnings; a
/// misspelt kind is refused at the row's name cell with a suggestion.
#[test]
fn acknowledge_rows_on_the_company_sheet() {
    let book = with_company_rows(&[
        ("acknowledge.unlisted_costs", Err("D&A is not listed")),
        ("acknowledge.gap.2024", Err("a restated year")),
    ]);
    let (raw, locator) = parse(book, "acme.xlsx", None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let acknowledged: Vec<(&str, Option<String>, &str)> = input
        .acknowledgements
        .iter()
        .map(|a| {
            (
                a.kind.as_str(),
                a.period.map(|p| p.to_string()),
                a.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(
        acknowledged,
        [
            ("unlisted_costs", None, "D&A is not listed"),
            ("gap", Some("2024".to_string()), "a restated year"),
        ]
    );
    let book = with_company_rows(&[("acknowledge.unlisted_cost", Err("D&A"))]);
    let (raw, locator) = parse(book, "acme.xlsx", None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(error.to_string().contains("company!A3"), "{error}");
    assert!(
        error
            .to_string()
            .contains("did you mean \"unlisted_costs\"?"),
        "{error}"
    );
}
