//! Reading the non-GAAP fields: a spreadsheet's columns, `cost_sign`, and the refusals that
//! need no binary (the others run it: `tests/suite/non_gaap.rs`).

use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

use super::{from_toml, sheet, validate};

/// A periods sheet of one year: net income -5, interest 2, restructuring 4, a reported free
/// cash flow of 1 (in thousands), and a company sheet.
fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    let header = [
        "label",
        "revenue",
        "Net income",
        "interest_expense",
        "adjustment:restructuring",
        "reported:free_cash_flow",
    ];
    for (col, name) in header.iter().enumerate() {
        figures.write_string(0, col as u16, *name).unwrap();
    }
    figures.write_string(1, 0, "2024").unwrap();
    for (col, value) in [100.0, -5.0, 2.0, 4.0, 1.0].iter().enumerate() {
        figures.write_number(1, col as u16 + 1, *value).unwrap();
    }
    let company = book.add_worksheet().set_name("company").unwrap();
    let fields = [
        ("field", "value"),
        ("name", "Acme"),
        ("currency", "USD"),
        ("scale", "thousands"),
    ];
    for (row, (field, value)) in fields.iter().enumerate() {
        company.write_string(row as u32, 0, *field).unwrap();
        company.write_string(row as u32, 1, *value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_spreadsheet_gives_the_statement_fields_adjustments_and_reported_figures() {
    let (raw, locator) = sheet::parse(workbook(), "acme.xlsx", None, None).unwrap();
    let input = validate::validate(raw, "acme.xlsx", &locator, &[]).unwrap();
    let period = &input.periods[0];
    let thousands = |n: i64| Decimal::from(n * 1000);
    assert_eq!(period.statement.net_income, Some(thousands(-5)));
    assert_eq!(period.statement.interest_expense, Some(thousands(2)));
    let restructuring = &period.non_gaap.adjustments["restructuring"];
    assert_eq!(restructuring.amount, thousands(4));
    // Named so, and the sheet cannot say otherwise: non-recurring by its name.
    assert!(restructuring.non_recurring("restructuring"));
    assert_eq!(period.non_gaap.reported["free_cash_flow"], thousands(1));
}

/// Under `cost_sign = "negative"` interest and tax are read as costs are: -12 is an expense
/// of 12, and a tax benefit written 3 is -3; neither is refused for its sign.
#[test]
fn interest_and_tax_follow_the_cost_sign() {
    let input = from_toml(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\ncost_sign = \"negative\"\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 100\ninterest_expense = -12\nincome_tax = 3\n\
         net_income = -20\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let statement = &input.periods[0].statement;
    assert_eq!(statement.interest_expense, Some(Decimal::from(12)));
    assert_eq!(statement.income_tax, Some(Decimal::from(-3)));
    assert_eq!(statement.net_income, Some(Decimal::from(-20)));
}

#[test]
fn an_adjustment_table_without_an_amount_is_refused_at_its_place() {
    let error = from_toml(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n[[period]]\nlabel = \"2024\"\n\
         revenue = 100\n[period.adjustments]\nrestructuring = { recurring = false }\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("the adjustment \"restructuring\" has no amount"),
        "{error}"
    );
    assert!(error.contains("t.toml:8:1"), "{error}");
}

/// A measure's `kind` and a doubled item are refused with the name meant.
#[test]
fn a_misspelt_kind_and_a_doubled_item_are_refused() {
    let company = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n[[period]]\nlabel = \"2024\"\n\
                   revenue = 100\n[[non_gaap]]\nkey = \"a\"\nname = \"A\"\nbase = \"revenue\"\n";
    let error = from_toml(&format!("{company}kind = \"perfomance\"\n"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("did you mean \"performance\"?"), "{error}");
    assert!(error.contains("t.toml:11:1"), "{error}");
    let error = from_toml(&format!(
        "{company}kind = \"performance\"\nadd = [\"capex\", \"capex\"]\n"
    ))
    .unwrap_err()
    .to_string();
    assert!(error.contains("\"capex\" is listed twice"), "{error}");
    assert!(error.contains("t.toml:12:17"), "{error}");
}
