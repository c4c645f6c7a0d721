//! Tests of the spreadsheet reader on small workbooks written here with rust_xlsxwriter.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Workbook};

use super::{parse, reference};
use crate::input::{validate, ReadOptions};
use crate::period::PeriodLabel;

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
    let (raw, locator) = parse(workbook(None), "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    assert_eq!(input.company.name, "Acme AB");
    assert_eq!(input.company.ai_exposed, vec!["support", "marketing"]);
    assert_eq!(input.periods.len(), 2);
    // 1000.5 thousand SEK, and the formula's cached 2001 thousand.
    assert_eq!(input.periods[0].revenue, Decimal::from(1_000_500));
    assert_eq!(input.periods[1].revenue, Decimal::from(2_001_000));
    assert_eq!(input.periods[1].headcount_end, Some(Decimal::from(110)));
    assert_eq!(input.periods[1].costs["marketing"], Decimal::from(350_000));
    // The labels sit in rows 7 and 8 as a spreadsheet numbers them (0-based 6 and 7).
    assert_eq!(input.label_line(PeriodLabel::year(2023)), Some(7));
    assert_eq!(input.label_line(PeriodLabel::year(2024)), Some(8));
}

#[test]
fn a_bad_cell_is_named_by_sheet_and_cell_with_what_was_found() {
    let error = parse(workbook(Some("12k")), "acme.xlsx", None, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Figures!D8, column \"revenue\": expected a number, found \"12k\": write numbers \
         with a dot for decimals (e.g. 1234.5 or 1,234.5), without currency signs\n  \
         --> acme.xlsx: cell Figures!D8"
    );
}

#[test]
fn validation_errors_point_at_the_cell() {
    let (raw, locator) = parse(workbook(Some("-5")), "acme.xlsx", None, None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(
        error.message.contains("revenue must not be negative"),
        "{error}"
    );
    assert!(error.to_string().contains("cell Figures!D8"), "{error}");
}

#[test]
fn a_named_sheet_must_exist() {
    let error = parse(workbook(None), "acme.xlsx", Some("Budget"), None).unwrap_err();
    assert!(error.message.contains("no sheet named \"Budget\""));
    assert!(error
        .help
        .unwrap()
        .contains("\"Notes\", \"Figures\", \"company\""));
    let chosen = parse(workbook(None), "acme.xlsx", Some("figures"), None);
    assert!(chosen.is_ok(), "sheet names match regardless of case");
}

#[test]
fn a_sheet_without_label_column_is_not_taken_for_figures() {
    let error = parse(workbook(None), "acme.xlsx", Some("Notes"), None).unwrap_err();
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
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
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
    let error = parse(book, "acme.xlsx", None, None).unwrap_err();
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
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(
        error.message.contains("between 0 and 1, found 1.5"),
        "{}",
        error.message
    );
    assert!(error.to_string().contains("company!B4"), "{error}");
}

/// A `Figures` sheet (header in row 1) with the given text cells under label, revenue,
/// cost:support and cost:marketing, and a company sheet named `company_sheet`.
fn with_text_cells(rows: &[[&str; 4]], company_sheet: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    for (col, name) in ["label", "revenue", "cost:support", "cost:marketing"]
        .iter()
        .enumerate()
    {
        figures.write_string(0, col as u16, *name).unwrap();
    }
    for (row, cells) in rows.iter().enumerate() {
        for (col, text) in cells.iter().enumerate() {
            figures
                .write_string(row as u32 + 1, col as u16, *text)
                .unwrap();
        }
    }
    let company = book.add_worksheet().set_name(company_sheet).unwrap();
    for (row, (field, value)) in [("name", "Acme AB"), ("currency", "EUR")]
        .iter()
        .enumerate()
    {
        company.write_string(row as u32, 0, *field).unwrap();
        company.write_string(row as u32, 1, *value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// Guards issue 12: numbers as a spreadsheet shows them, typed as text, read as numbers.
#[test]
fn text_cells_read_as_a_spreadsheet_shows_numbers() {
    let book = with_text_cells(
        &[
            ["FY2023", "1 234", "(1,500)", "-"],
            ["FY2024", "1,234,567.5", "300", "—"],
        ],
        "company",
    );
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    assert_eq!(input.periods[0].revenue, Decimal::from(1234));
    assert_eq!(input.periods[0].costs["support"], Decimal::from(-1500));
    assert!(
        !input.periods[0].costs.contains_key("marketing"),
        "a dash is empty"
    );
    assert_eq!(input.periods[1].revenue, Decimal::new(12_345_675, 1));
    assert!(!input.periods[1].costs.contains_key("marketing"));
}

/// Guards issue 12: a dash where a number belongs was "the number - is out of range"; a
/// percentage where an amount belongs is named as one.
#[test]
fn a_percentage_where_an_amount_belongs_is_named() {
    let book = with_text_cells(&[["2024", "12%", "1", "2"]], "company");
    let error = parse(book, "acme.xlsx", None, None).unwrap_err();
    assert_eq!(
        error.message,
        "Figures!B2, column \"revenue\": found the percentage \"12%\" where an amount is expected"
    );
}

/// Guards issue 12: the company sheet is found whatever the case of its name.
#[test]
fn the_company_sheet_is_found_whatever_its_case() {
    for name in ["Company", "COMPANY", "company "] {
        let book = with_text_cells(&[["2024", "10", "1", "2"]], name);
        let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
        let input = validate::validate(raw, "acme.xlsx", &locator, &[]);
        assert_eq!(
            input.map(|i| i.company.name).ok().as_deref(),
            Some("Acme AB"),
            "{name}"
        );
    }
}

#[test]
fn plan_shares_may_be_percentages_and_cost_sign_is_a_company_row() {
    let book = with_company_rows(&[
        ("plan.target_headcount", Ok(30.0)),
        ("plan.annual_attrition", Err("12%")),
        ("readiness.min_revenue_growth_pct", Err("25%")),
        ("cost_sign", Err("negative")),
    ]);
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let plan = input.plan.unwrap();
    assert_eq!(plan.annual_attrition, Decimal::new(12, 2));
    assert_eq!(
        input.readiness.min_revenue_growth_pct,
        Some(Decimal::from(25))
    );
}

/// Guards issue 12: a formula without a saved result (as scripts write workbooks) read as an
/// empty cell; it is named, with what to do.
#[test]
fn a_formula_without_a_saved_result_is_named() {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    figures.write_string(0, 0, "label").unwrap();
    figures.write_string(0, 1, "revenue").unwrap();
    figures.write_string(1, 0, "2023").unwrap();
    figures.write_number(1, 1, 100).unwrap();
    figures.write_string(2, 0, "2024").unwrap();
    // No result at all: rust_xlsxwriter otherwise writes 0 as every formula's result.
    figures.set_formula_result_default("");
    figures
        .write_formula(2, 1, Formula::new("=B2*1.3"))
        .unwrap();
    let error = parse(book.save_to_buffer().unwrap(), "acme.xlsx", None, None).unwrap_err();
    assert_eq!(
        error.message,
        "the cell Figures!B3 holds the formula =B2*1.3 but no saved result"
    );
    assert!(error
        .help
        .unwrap()
        .contains("save it (or recalculate it) first"));
}

/// Periods across: a title in A1, the labels in row 3 from B3, one figure per row below.
/// `revenue_2024` is the text in C4.
fn across(revenue_2024: &str) -> Vec<u8> {
    across_named("revenue", revenue_2024)
}

/// As `across`, with the revenue row named `revenue_name` in A4.
fn across_named(revenue_name: &str, revenue_2024: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("P&L").unwrap();
    figures.write_string(0, 0, "Acme, EUR").unwrap();
    figures.write_string(2, 1, "FY2023").unwrap();
    figures.write_string(2, 2, "FY2024").unwrap();
    let rows: [(&str, f64); 3] = [
        (revenue_name, 100.0),
        ("headcount_end", 20.0),
        ("cost:support", 30.0),
    ];
    for (row, (name, value)) in rows.iter().enumerate() {
        figures.write_string(row as u32 + 3, 0, *name).unwrap();
        figures.write_number(row as u32 + 3, 1, *value).unwrap();
    }
    figures.write_string(3, 2, revenue_2024).unwrap();
    figures.write_number(4, 2, 22).unwrap();
    figures.write_number(5, 2, 31).unwrap();
    let company = book.add_worksheet().set_name("Company").unwrap();
    company.write_string(0, 0, "name").unwrap();
    company.write_string(0, 1, "Acme AB").unwrap();
    company.write_string(1, 0, "currency").unwrap();
    company.write_string(1, 1, "EUR").unwrap();
    book.save_to_buffer().unwrap()
}

/// Guards issue 12: a sheet with periods across was refused ("no label column").
#[test]
fn periods_across_the_columns_are_detected() {
    let (raw, locator) = parse(across("1,300"), "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let labels: Vec<String> = input.periods.iter().map(|p| p.label.to_string()).collect();
    assert_eq!(labels, ["2023", "2024"]);
    assert_eq!(input.periods[1].revenue, Decimal::from(1300));
    assert_eq!(input.periods[1].headcount_end, Some(Decimal::from(22)));
    assert_eq!(input.periods[0].costs["support"], Decimal::from(30));
    // Both labels are in the sheet's row 3 (0-based 2).
    assert_eq!(input.label_line(PeriodLabel::year(2023)), Some(3));
    assert_eq!(input.label_line(PeriodLabel::year(2024)), Some(3));
}

/// With periods across, errors name the cell where it is, and call a figure a row.
#[test]
fn errors_with_periods_across_name_the_right_cell() {
    let error = parse(across("12k"), "acme.xlsx", None, None).unwrap_err();
    assert!(
        error
            .message
            .starts_with("'P&L'!C4, row \"revenue\": expected a number, found \"12k\""),
        "{}",
        error.message
    );
    let (raw, locator) = parse(across("-5"), "acme.xlsx", None, None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(error.to_string().contains("cell 'P&L'!C4"), "{error}");
    // Forcing rows reads the sheet the old way and finds no label column.
    let forced = parse(across("1"), "acme.xlsx", None, Some(super::Layout::Rows));
    assert!(forced.is_err());
    // Forcing columns on a sheet laid out in rows says what is missing.
    let error = parse(
        workbook(None),
        "acme.xlsx",
        Some("Figures"),
        Some(super::Layout::Columns),
    )
    .unwrap_err();
    assert_eq!(
        error.message,
        "no row of the sheet \"Figures\" holds period labels"
    );
}

/// Guards the review of src/input: with periods across, a row named "Revenue" was unknown.
#[test]
fn rows_across_are_named_whatever_their_case() {
    let (raw, _) = parse(across_named(" Revenue ", "1300"), "acme.xlsx", None, None).unwrap();
    assert_eq!(
        raw.periods[1].revenue.as_ref().map(|a| a.0),
        Some(Decimal::from(1300))
    );
    let error = parse(across_named("Revenues", "1"), "acme.xlsx", None, None).unwrap_err();
    assert_eq!(error.message, "unknown row \"Revenues\"");
    let help = error.help.unwrap_or_default();
    assert!(help.contains("rows are label, revenue, "), "{help}");
}

/// `acknowledge.<kind>` rows (and `acknowledge.<kind>.<period>`) acknowledge warnings; a
/// misspelt kind is refused at the row's name cell with a suggestion.
#[test]
fn acknowledge_rows_on_the_company_sheet() {
    let book = with_company_rows(&[
        ("acknowledge.unlisted_costs", Err("D&A is not listed")),
        ("acknowledge.gap.2024", Err("a restated year")),
    ]);
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
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
    let (raw, locator) = parse(book, "acme.xlsx", None, None).unwrap();
    let error = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap_err();
    assert!(error.to_string().contains("company!A3"), "{error}");
    assert!(
        error
            .to_string()
            .contains("did you mean \"unlisted_costs\"?"),
        "{error}"
    );
}

/// Issue 16: the statement figures are rows of a sheet too, named whatever their case.
#[test]
fn statement_rows_are_read_from_a_sheet() {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("P&L").unwrap();
    figures.write_string(0, 1, "FY2024").unwrap();
    let rows: [(&str, f64); 4] = [
        ("revenue", 100.0),
        ("Operating_Cash_Flow", -12.0),
        ("capex", 3.0),
        ("cash", 250.0),
    ];
    for (row, (name, value)) in rows.iter().enumerate() {
        figures.write_string(row as u32 + 1, 0, *name).unwrap();
        figures.write_number(row as u32 + 1, 1, *value).unwrap();
    }
    let company = book.add_worksheet().set_name("Company").unwrap();
    for (row, (field, value)) in [("name", "Acme AB"), ("currency", "EUR")]
        .iter()
        .enumerate()
    {
        company.write_string(row as u32, 0, *field).unwrap();
        company.write_string(row as u32, 1, *value).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let (raw, locator) = parse(bytes, "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let statement = &input.periods[0].statement;
    assert_eq!(statement.operating_cash_flow, Some(Decimal::from(-12)));
    assert_eq!(statement.capex, Some(Decimal::from(3)));
    assert_eq!(statement.cash, Some(Decimal::from(250)));
}

/// Guards Trust II item 17: a column "Headcount end" was refused as unknown (only
/// `headcount_end` matched), and a "Total costs" column had no way to be skipped.
#[test]
fn names_as_people_write_them_and_subtotals_on_a_sheet() {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    let header = [
        "Label",
        "Headcount end",
        "Revenue",
        "Cost: Marketing",
        "cost:support",
        "Total costs",
    ];
    for (col, name) in header.iter().enumerate() {
        figures.write_string(0, col as u16, *name).unwrap();
    }
    // 2023: 300 + 50 = 350, the total as written: skipped in silence.
    // 2024: 350 + 40 = 390, but the total says 400: skipped, with a warning naming both.
    for (row, values) in [
        [2023, 120, 1000, 300, 50, 350],
        [2024, 110, 2000, 350, 40, 400],
    ]
    .iter()
    .enumerate()
    {
        for (col, value) in values.iter().enumerate() {
            figures
                .write_number(row as u32 + 1, col as u16, *value)
                .unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (raw, locator) = parse(bytes, "acme.xlsx", None, None).unwrap();
    let fields = [
        ("name".to_string(), "Acme".to_string()),
        ("currency".to_string(), "SEK".to_string()),
    ];
    let input = validate::validate(raw, "acme.xlsx", &locator, &fields).unwrap();
    assert_eq!(input.periods[0].headcount_end, Some(Decimal::from(120)));
    assert_eq!(input.periods[1].revenue, Decimal::from(2000));
    let lines: Vec<&str> = input.periods[1].costs.keys().map(String::as_str).collect();
    assert_eq!(lines, ["Marketing", "support"], "the total is no cost line");
    let warnings: Vec<(&str, Option<&str>)> = input
        .warnings
        .iter()
        .map(|w| (w.message.as_str(), w.at.as_deref()))
        .collect();
    assert_eq!(
        warnings,
        [(
            "2024: \"Total costs\" is 400, but the cost lines add up to 390: it is skipped, not \
             read as a cost line; check the lines, or name the difference as a cost line of \
             its own",
            Some("acme.xlsx: cell Figures!F3")
        )]
    );
}
