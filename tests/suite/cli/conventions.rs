//! `ipobrief init`, `completions`, `man` and spreadsheet inputs, through the real binary.

use rust_xlsxwriter::{Formula, Workbook};

use crate::harness::Test;

#[test]
fn init_writes_a_starter_that_loads_and_refuses_to_overwrite() {
    let output = Test::new()
        .args(["init", "acme"])
        .run()
        .status(0)
        .stdout_empty()
        .present("acme/company.toml")
        .absent("acme/templates");
    let starter = output.read("acme/company.toml");
    Test::new()
        .file("company.toml", &starter)
        .args(["metrics", "company.toml"])
        .run()
        .status(0);
    Test::new()
        .file("company.toml", "mine")
        .args(["init"])
        .run()
        .status(2)
        .stderr_contains("refusing to overwrite ./company.toml: add --force to replace it");
    let forced = Test::new()
        .file("company.toml", "mine")
        .args(["init", "--force", "--templates"])
        .run()
        .status(0)
        .present("templates/brief.md.tera")
        .present("templates/style.css");
    let replaced = forced.read("company.toml");
    assert_eq!(replaced, starter);
}

/// Trust II, 13: the starter's revenue per customer is money per customer: SEK 410 millions
/// over 1,200,000 customers (a count, declared `[values.customers] unit = "number"`, not
/// scaled) is SEK 341.67, shown "SEK 342" (2024: 500 millions / 1,400,000 = SEK 357), not
/// "341.67x". The declaration reaches metrics.json, and the workbook reads back to the same
/// values (its company sheet's `values.customers.unit | number` row); a CSV declares it with
/// `--company values.customers.unit=number`.
#[test]
fn the_starter_shows_revenue_per_customer_in_its_currency() {
    let starter = Test::new()
        .args(["init", "acme"])
        .run()
        .read("acme/company.toml");
    let generated = Test::new()
        .file("company.toml", &starter)
        .args([
            "generate",
            "company.toml",
            "--format",
            "md,json,xlsx",
            "-o",
            "out",
        ])
        .run()
        .status(0);
    let brief = generated.read("out/acme-analytics-ab/brief.md");
    assert!(
        brief.contains("| Revenue per customer | SEK 342 | SEK 357 |"),
        "{brief}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&generated.read("out/acme-analytics-ab/metrics.json")).unwrap();
    assert_eq!(json["value_units"]["customers"], "number");
    let workbook = std::fs::read(generated.path("out/acme-analytics-ab/metrics.xlsx")).unwrap();
    let read_back = Test::new()
        .file("book.xlsx", workbook)
        .args(["metrics", "book.xlsx"])
        .run()
        .status(0);
    let again: serde_json::Value = serde_json::from_str(&read_back.stdout).unwrap();
    assert_eq!(again["value_units"], json["value_units"]);
    let csv = "label,revenue,headcount_end,value:customers\n2023,410,250,1200000\n";
    let from_csv = Test::new()
        .file("acme.csv", csv)
        .args(["metrics", "acme.csv", "--company"])
        .args(["name=Acme,currency=SEK,scale=millions,values.customers.unit=number"])
        .run()
        .status(0);
    let csv_json: serde_json::Value = serde_json::from_str(&from_csv.stdout).unwrap();
    assert_eq!(csv_json["value_units"]["customers"], "number");
}

#[test]
fn completions_and_man_page_go_to_stdout() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        Test::new()
            .args(["completions", shell])
            .run()
            .status(0)
            .stdout_contains("ipobrief");
    }
    Test::new()
        .args(["completions", "bash"])
        .run()
        .status(0)
        .stdout_contains("import");
    Test::new()
        .args(["man"])
        .run()
        .status(0)
        .stdout_contains(".TH ipobrief");
}

#[test]
fn every_command_has_a_man_page() {
    Test::new()
        .args(["man", "generate"])
        .run()
        .status(0)
        .stdout_contains(".TH ipobrief-generate 1")
        .stdout_contains("\\-\\-format");
    Test::new()
        .args(["man", "import", "sec"])
        .run()
        .status(0)
        .stdout_contains(".TH ipobrief-import-sec 1");
    Test::new()
        .args(["man", "nope"])
        .run()
        .status(2)
        .stdout_empty()
        .stderr_contains("the commands are metrics, generate, check");
    let mut written = Test::new().args(["man", "--dir", "man1"]).run().status(0);
    for page in [
        "ipobrief",
        "ipobrief-generate",
        "ipobrief-import-sec",
        "ipobrief-check",
    ] {
        written = written.present(&format!("man1/{page}.1"));
    }
}

/// A workbook with a `Figures` sheet (one row per period from row 6) and a `company` sheet.
fn workbook(revenue_2024: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let figures = book.add_worksheet().set_name("Figures").unwrap();
    let header = ["label", "revenue", "headcount_end", "cost:support"];
    for (col, name) in header.iter().enumerate() {
        figures.write_string(5, col as u16, *name).unwrap();
    }
    figures.write_string(6, 0, "2023").unwrap();
    figures.write_number(6, 1, 100).unwrap();
    figures.write_number(6, 2, 10).unwrap();
    figures.write_number(6, 3, 20).unwrap();
    figures.write_string(7, 0, "2024").unwrap();
    match revenue_2024 {
        "formula" => figures.write_formula(7, 1, Formula::new("=B7*1.5").set_result("150")),
        text => figures.write_string(7, 1, text),
    }
    .unwrap();
    figures.write_number(7, 2, 9).unwrap();
    figures.write_number(7, 3, 25).unwrap();
    let company = book.add_worksheet().set_name("company").unwrap();
    for (row, (field, value)) in [
        ("name", "Acme AB"),
        ("currency", "EUR"),
        ("ai_exposed", "support"),
    ]
    .iter()
    .enumerate()
    {
        company.write_string(row as u32, 0, *field).unwrap();
        company.write_string(row as u32, 1, *value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_workbook_is_read_with_formula_values() {
    let metrics = Test::new()
        .file("acme.xlsx", workbook("formula"))
        .args(["metrics", "acme.xlsx", "--sheet", "Figures"])
        .run()
        .status(0)
        .json();
    assert_eq!(metrics["company"]["name"], "Acme AB");
    assert_eq!(metrics["periods"][1]["label"], "2024");
    // 1.5 x 100, as the spreadsheet last computed it.
    assert_eq!(metrics["periods"][1]["revenue"], 150);
}

#[test]
fn a_bad_cell_names_sheet_and_cell() {
    Test::new()
        .file("acme.xlsx", workbook("n/a"))
        .args(["metrics", "acme.xlsx"])
        .run()
        .status(2)
        .stdout_empty()
        .stderr_contains("Figures!B8, column \"revenue\": expected a number, found \"n/a\"")
        .stderr_contains("--> acme.xlsx: cell Figures!B8");
    Test::new()
        .file("acme.xlsx", workbook("formula"))
        .args(["metrics", "acme.xlsx", "--sheet", "Budget"])
        .run()
        .status(2)
        .stderr_contains("the workbook has no sheet named \"Budget\"");
}

/// An Excel 97-2003 workbook, laid out as `workbook` above (written with Python's xlwt 1.3;
/// values only, as xlwt stores no cached formula results): read, and a bad cell named.
#[test]
fn an_xls_workbook_is_read() {
    let metrics = Test::new()
        .copy("tests/fixtures/acme.xls", "acme.xls")
        .args(["metrics", "acme.xls"])
        .run()
        .status(0)
        .json();
    assert_eq!(metrics["company"]["name"], "Acme AB");
    assert_eq!(metrics["periods"][1]["revenue"], 150);
    assert_eq!(
        metrics["periods"][0]["cost_lines"]["support"]["amount"],
        20.5
    );
    assert_eq!(
        metrics["periods"][0]["cost_lines"]["support"]["ai_exposed"],
        true
    );
    Test::new()
        .copy("tests/fixtures/acme-bad-cell.xls", "acme.xls")
        .args(["metrics", "acme.xls"])
        .run()
        .status(2)
        .stdout_empty()
        .stderr_contains("Figures!B8, column \"revenue\": expected a number, found \"n/a\"");
}

#[test]
fn an_ods_spreadsheet_is_read() {
    let metrics = Test::new()
        .copy("tests/fixtures/acme.ods", "acme.ods")
        .args(["metrics", "acme.ods"])
        .run()
        .status(0)
        .json();
    assert_eq!(metrics["company"]["name"], "Acme Analytics AB");
    assert_eq!(metrics["periods"][0]["revenue"], 1000);
    // The 2024 revenue is the formula =B2*1.2, stored with its value 1200.
    assert_eq!(metrics["periods"][1]["revenue"], 1200);
}
