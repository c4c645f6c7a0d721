use super::headers::cost_column;
use super::*;
use crate::input::raw::Amount;

fn amount(value: &Option<Amount>) -> Option<String> {
    value.as_ref().map(|a| a.0.to_string())
}

/// Guards issue 12: CSV cells are read as the spreadsheet's are, "1,234" included.
#[test]
fn cells_read_as_people_type_them() {
    let text = "label,revenue,headcount_end,operating_income,personnel_cost
                    2024,\"1,234\",1 200,\"(1,500)\",—\n";
    let (raw, _) = parse(text, "t.csv", Delimiter::default())
        .map_err(|e| e.to_string())
        .unwrap();
    let period = &raw.periods[0];
    assert_eq!(amount(&period.revenue).as_deref(), Some("1234"));
    assert_eq!(amount(&period.headcount_end).as_deref(), Some("1200"));
    assert_eq!(amount(&period.operating_income).as_deref(), Some("-1500"));
    assert_eq!(amount(&period.personnel_cost), None);
    let error = parse("label,revenue\n2024,12%\n", "t.csv", Delimiter::default()).err();
    let message = error.map(|e| e.message).unwrap_or_default();
    assert_eq!(
        message,
        "found the percentage \"12%\" where an amount is expected"
    );
}

/// `value:<name>` columns are the period's `[period.values]`, which company KPIs read; one
/// named twice is refused at the second, like a cost line.
#[test]
fn value_columns_are_the_periods_values() {
    let text = "label,revenue,value:gmv,cost:marketing\n2024,100,2000,30\n";
    let (raw, _) = parse(text, "t.csv", Delimiter::default())
        .map_err(|e| e.to_string())
        .unwrap();
    let period = &raw.periods[0];
    assert_eq!(
        period.values.get("gmv").map(|a| a.0.to_string()).as_deref(),
        Some("2000")
    );
    assert_eq!(period.values.len(), 1);
    assert_eq!(
        period
            .costs
            .get("marketing")
            .map(|a| a.0.to_string())
            .as_deref(),
        Some("30")
    );
    let error = parse(
        "label,revenue,value:gmv,value: gmv\n2024,1,2,3\n",
        "t.csv",
        Delimiter::default(),
    )
    .err();
    assert_eq!(
        error.map(|e| e.message).unwrap_or_default(),
        "the value \"gmv\" has two columns"
    );
    assert_eq!(figure_name(" Value : GMV "), "value:GMV");
}

/// Guards issue 12: a cost column with a misspelt prefix is offered the right form.
#[test]
fn a_misspelt_cost_prefix_suggests_the_cost_column() {
    for header in [
        "Cost:marketing",
        "costs:marketing",
        "cost_marketing",
        "cots: marketing",
    ] {
        assert_eq!(
            cost_column(header).as_deref(),
            Some("cost:marketing"),
            "{header}"
        );
    }
    assert_eq!(cost_column("headcount_end"), None);
    assert_eq!(cost_column("marketing"), None);
    let headers = ["label".into(), "costs:marketing".into()];
    let error = check_headers(&headers, "t.csv", Axis::Columns);
    let help = error.err().and_then(|e| e.help).unwrap_or_default();
    assert!(
        help.starts_with("did you mean \"cost:marketing\"? "),
        "{help}"
    );
}

fn read(text: &str) -> Result<crate::input::CompanyInput, String> {
    let options = crate::input::ReadOptions {
        company_fields: vec![
            ("name".to_string(), "Acme".to_string()),
            ("currency".to_string(), "SEK".to_string()),
        ],
        ..Default::default()
    };
    crate::input::parse(text, "t.csv", crate::input::Format::Csv, &options)
        .map_err(|e| e.to_string())
}

/// Guards Trust II item 16: a semicolon-separated CSV was refused with `unknown column
/// "label;revenue;headcount_end"`; a tab-separated one likewise.
#[test]
fn semicolons_and_tabs_separate_cells_as_commas_do() {
    for separator in [";", "\t"] {
        let text = "label,revenue,headcount_end,cost:support\n2024,100,10,\"1,020\"\n\
                        2025,120,12,25\n"
            .replace(',', separator)
            .replace("\"1;020\"", "\"1,020\"")
            .replace("\"1\t020\"", "\"1,020\"");
        let input = read(&text).unwrap();
        assert_eq!(input.periods[0].revenue, 100.into(), "{separator:?}");
        assert_eq!(input.periods[0].costs["support"], 1020.into());
        assert_eq!(input.periods[1].headcount_end, Some(12.into()));
        assert!(input
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::CsvDelimiter));
    }
    // Both in the header row: the more frequent one is taken, and the choice said.
    let input = read("label;revenue;cost:a,b\n2024;100;5\n").unwrap();
    assert_eq!(input.periods[0].costs["a,b"], 5.into());
    let warning = input
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::CsvDelimiter);
    assert_eq!(
        warning.and_then(|w| w.at.as_deref()),
        Some("t.csv: row 1"),
        "{:?}",
        input.warnings
    );
}

/// Guards Trust II item 16: an unquoted 62,000 gave only "row 2 has 4 cells".
#[test]
fn a_number_split_by_its_thousands_separator_is_named() {
    let error = read("label,revenue,headcount_end\n2024,100,62,000\n").unwrap_err();
    assert_eq!(
        error,
        "row 2 has 4 cells but the header row has 3: \"62,000\" looks like one number \
             split by its thousands separator\n  --> t.csv: row 2, column \"headcount_end\"\n   \
             | 2024,100,62,000\n  = help: quote it (\"62,000\"), or write 62000: a comma outside \
             quotes starts a new cell"
    );
    // Too many cells with nothing like a split number: the plain message.
    let error = read("label,revenue\n2024,100,abc\n").unwrap_err();
    assert!(
        error.starts_with("row 2 has 3 cells but the header row has 2: every row needs"),
        "{error}"
    );
    assert!(is_thousands_split("(1", "500)"));
    assert!(is_thousands_split("-12", "345.6"));
    assert!(!is_thousands_split("1234", "567"));
    assert!(!is_thousands_split("12", "34"));
}

/// Guards Trust II item 17: "Headcount end" was an unknown column; a "Total costs" column
/// was refused. The total of 2024 is the lines' 20 + 5 = 25 (skipped in silence); 2025's
/// 40 is not 30 + 6 = 36 (skipped, with a warning naming both).
#[test]
fn columns_named_as_people_write_them_and_subtotals() {
    let text = "Label,Revenue,Headcount-End,Cost: Support,cost:sales,Total costs\n\
                    2024,100,10,20,5,25\n2025,120,12,30,6,40\n";
    let input = read(text).unwrap();
    assert_eq!(input.periods[1].headcount_end, Some(12.into()));
    assert_eq!(input.periods[1].costs.len(), 2);
    let mismatches: Vec<_> = input
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::SubtotalMismatch)
        .collect();
    assert_eq!(mismatches.len(), 1, "{:?}", input.warnings);
    assert_eq!(mismatches[0].period.as_deref(), Some("2025"));
    assert!(
        mismatches[0]
            .message
            .starts_with("2025: \"Total costs\" is 40, but the cost lines add up to 36"),
        "{}",
        mismatches[0].message
    );
    assert_eq!(
        mismatches[0].at.as_deref(),
        Some("t.csv: row 3, column \"Total costs\"")
    );
    assert_eq!(figure_name("Headcount end"), "headcount_end");
    assert_eq!(figure_name(" AI spend "), "ai_spend");
}
