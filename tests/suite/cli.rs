//! The real binary, run in a temporary folder: exit codes, messages and what gets written.

use std::fs;

use crate::harness::{root, Test};

const ACME_COMPANY: &str = "name=Acme Analytics AB,currency=SEK,scale=thousands";

/// An input that must be refused: `metrics` and `generate` both exit 2, print nothing to
/// standard output, write no report, and say each of `expected` on standard error.
#[track_caller]
fn rejects(name: &str, contents: &str, extra_args: &[&str], expected: &[&str]) {
    for command in ["metrics", "generate"] {
        let mut test = Test::new().file(name, contents).args([command, name]);
        if command == "generate" {
            test = test.args(["-o", "out"]);
        }
        for arg in extra_args {
            test = test.args([arg]);
        }
        let mut output = test.run().status(2).stdout_empty().absent("out");
        for text in expected {
            output = output.stderr_contains(text);
        }
    }
}

/// A TOML input with a valid company and the given periods.
fn toml_with(periods: &str) -> String {
    format!("[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n{periods}")
}

/// A JSON input with a valid company and the given period objects, one per line from line 4.
fn json_with(periods: &str) -> String {
    format!(
        "{{\n  \"company\": {{ \"name\": \"Acme\", \"currency\": \"SEK\" }},\n  \"period\": [\n{periods}\n  ]\n}}\n"
    )
}

const COMPANY_ARG: [&str; 2] = ["--company", "name=Acme,currency=SEK"];

// ----- TOML -----

#[test]
fn toml_unknown_field() {
    let text = toml_with("\n[[period]]\nlabel = \"2024\"\nrevenu = 5\n");
    rejects(
        "x.toml",
        &text,
        &[],
        &[
            "unknown field `revenu`",
            "x.toml:7:1",
            "7 | revenu = 5",
            "did you mean `revenue`?",
        ],
    );
    let text = "[company]\nnam = \"Acme\"\ncurrency = \"SEK\"\n\n[[period]]\nlabel = \"2024\"\nrevenue = 5\n";
    rejects(
        "x.toml",
        text,
        &[],
        &["unknown field `nam`", "x.toml:2:1", "did you mean `name`?"],
    );
}

#[test]
fn toml_missing_required_fields() {
    let period = "\n[[period]]\nlabel = \"2024\"\nrevenue = 5\n";
    rejects(
        "x.toml",
        &format!("[company]\ncurrency = \"SEK\"\n{period}"),
        &[],
        &[
            "the company has no name",
            "x.toml:1:2",
            "1 | [company]",
            "add name = \"...\"",
        ],
    );
    rejects(
        "x.toml",
        &format!("[company]\nname = \"Acme\"\n{period}"),
        &[],
        &["the company has no currency", "x.toml:1:2", "ISO 4217"],
    );
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nrevenue = 5\n"),
        &[],
        &["period 1 has no label", "x.toml:5:1", "5 | [[period]]"],
    );
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nheadcount_end = 5\n"),
        &[],
        &[
            "period 2024 has no revenue",
            "x.toml:6:1",
            "add revenue = <amount>",
        ],
    );
    rejects(
        "x.toml",
        &toml_with(""),
        &[],
        &["the input has no periods", "x.toml"],
    );
}

#[test]
fn toml_wrong_type() {
    let text =
        "[company]\nname = 5\ncurrency = \"SEK\"\n\n[[period]]\nlabel = \"2024\"\nrevenue = 5\n";
    rejects(
        "x.toml",
        text,
        &[],
        &[
            "wrong type: found integer `5`, expected a string",
            "x.toml:2:8",
            "2 | name = 5",
        ],
    );
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = \"5\"\n"),
        &[],
        &[
            "expected a number, found the text \"5\"",
            "x.toml:7:11",
            "7 | revenue = \"5\"",
        ],
    );
}

#[test]
fn toml_non_finite_numbers() {
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = nan\n"),
        &[],
        &[
            "expected a finite number, found NaN",
            "x.toml:7:11",
            "7 | revenue = nan",
        ],
    );
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = 5\ncosts = { rent = -inf }\n"),
        &[],
        &["expected a finite number, found -inf", "x.toml:8:18"],
    );
}

#[test]
fn toml_negative_revenue_and_headcount() {
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = -5\n"),
        &[],
        &[
            "revenue must not be negative, found -5",
            "x.toml:7:1",
            "7 | revenue = -5",
            "^^^^",
        ],
    );
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = 5\nheadcount_end = -3\n"),
        &[],
        &["headcount must not be negative, found -3", "x.toml:8:1"],
    );
}

#[test]
fn toml_bad_and_duplicate_labels() {
    rejects(
        "x.toml",
        &toml_with("\n[[period]]\nlabel = \"2024-Q5\"\nrevenue = 5\n"),
        &[],
        &[
            "\"2024-Q5\" is not a valid label: a year has 4 quarters numbered 1 to 4",
            "x.toml:6:1",
        ],
    );
    let periods = "\n[[period]]\nlabel = \"2024\"\nrevenue = 5\n\n[[period]]\nlabel = \"2024\"\nrevenue = 6\n";
    rejects(
        "x.toml",
        &toml_with(periods),
        &[],
        &[
            "the period \"2024\" appears twice (periods 1 and 2 in the file)",
            "x.toml:10:1",
            "10 | label = \"2024\"",
        ],
    );
}

#[test]
fn toml_currency_not_iso_4217() {
    let text = "[company]\nname = \"Acme\"\ncurrency = \"SKE\"\n\n[[period]]\nlabel = \"2024\"\nrevenue = 5\n";
    rejects(
        "x.toml",
        text,
        &[],
        &[
            "\"SKE\" is not an ISO 4217 currency code",
            "x.toml:3:1",
            "3 | currency = \"SKE\"",
        ],
    );
}

// ----- JSON -----

#[test]
fn json_unknown_field() {
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenu\": 5 }"),
        &[],
        &[
            "unknown field `revenu`",
            "x.json:4:24",
            "did you mean `revenue`?",
        ],
    );
}

#[test]
fn json_missing_required_fields() {
    let period = "  \"period\": [\n    { \"label\": \"2024\", \"revenue\": 5 }\n  ]\n}\n";
    rejects(
        "x.json",
        &format!("{{\n  \"company\": {{ \"currency\": \"SEK\" }},\n{period}"),
        &[],
        &["the company has no name", "x.json:2:3"],
    );
    rejects(
        "x.json",
        &format!("{{\n  \"company\": {{ \"name\": \"Acme\" }},\n{period}"),
        &[],
        &["the company has no currency", "x.json:2:3"],
    );
    rejects(
        "x.json",
        &json_with("    { \"revenue\": 5 }"),
        &[],
        &["period 1 has no label", "x.json:4:5"],
    );
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\" }"),
        &[],
        &["period 2024 has no revenue", "x.json:4:7"],
    );
}

#[test]
fn json_wrong_type() {
    let text = "{\n  \"company\": { \"name\": 5, \"currency\": \"SEK\" },\n  \"period\": [\n    { \"label\": \"2024\", \"revenue\": 5 }\n  ]\n}\n";
    rejects(
        "x.json",
        text,
        &[],
        &[
            "wrong type: found integer `5`, expected a string",
            "x.json:2:24",
        ],
    );
    // The caret marks the whole string from its opening quote (column 35), not its end.
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenue\": \"5\" }"),
        &[],
        &[
            "expected a number, found the text \"5\"",
            "x.json:4:35",
            "^^^",
        ],
    );
}

#[test]
fn json_number_out_of_range() {
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenue\": 1e400 }"),
        &[],
        &["out of range", "x.json:4:35", "^^^^^"],
    );
}

#[test]
fn json_negative_revenue_and_headcount() {
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenue\": -5 }"),
        &[],
        &["revenue must not be negative, found -5", "x.json:4:24"],
    );
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenue\": 5, \"headcount_end\": -1 }"),
        &[],
        &["headcount must not be negative, found -1", "x.json:4:38"],
    );
}

#[test]
fn json_bad_and_duplicate_labels() {
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024-Q5\", \"revenue\": 5 }"),
        &[],
        &["\"2024-Q5\" is not a valid label", "x.json:4:7"],
    );
    rejects(
        "x.json",
        &json_with("    { \"label\": \"2024\", \"revenue\": 5 },\n    { \"label\": \"2024\", \"revenue\": 6 }"),
        &[],
        &["the period \"2024\" appears twice", "x.json:5:7"],
    );
}

#[test]
fn json_currency_not_iso_4217() {
    let text = "{\n  \"company\": { \"name\": \"Acme\", \"currency\": \"XYZ\" },\n  \"period\": [\n    { \"label\": \"2024\", \"revenue\": 5 }\n  ]\n}\n";
    rejects(
        "x.json",
        text,
        &[],
        &["\"XYZ\" is not an ISO 4217 currency code", "x.json:2:32"],
    );
}

// ----- CSV -----

#[test]
fn csv_unknown_column() {
    rejects(
        "x.csv",
        "label,revenu\n2024,5\n",
        &COMPANY_ARG,
        &[
            "unknown column \"revenu\"",
            "x.csv: row 1, column \"revenu\"",
            "did you mean \"revenue\"?",
        ],
    );
}

#[test]
fn csv_missing_required_fields() {
    rejects(
        "x.csv",
        "label,headcount_end\n2024,5\n",
        &COMPANY_ARG,
        &["the CSV has no \"revenue\" column", "x.csv: row 1"],
    );
    rejects(
        "x.csv",
        "revenue\n5\n",
        &COMPANY_ARG,
        &["the CSV has no \"label\" column", "x.csv: row 1"],
    );
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n,6\n",
        &COMPANY_ARG,
        &["period 2 has no label", "x.csv: row 3, column \"label\""],
    );
    rejects(
        "x.csv",
        "label,revenue,headcount_end\n2024,5,1\n2025,,2\n",
        &COMPANY_ARG,
        &["period 2025 has no revenue", "x.csv: row 3", "2025,,2"],
    );
    // Company fields come from --company; without it there is no name.
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &[],
        &["the company has no name", "--company"],
    );
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &["--company", "name=Acme"],
        &["the company has no currency"],
    );
}

#[test]
fn csv_bad_numbers() {
    rejects(
        "x.csv",
        "label,revenue\n2024,\"1,5\"\n",
        &COMPANY_ARG,
        &[
            // "1,234" is read since issue 12; "1,5" could be a decimal comma.
            "expected a number, found \"1,5\"",
            "with a dot for decimals",
            "x.csv: row 2, column \"revenue\"",
            // The row is shown as written, quotes included.
            "| 2024,\"1,5\"",
        ],
    );
    rejects(
        "x.csv",
        "label,revenue\n2024,NaN\n",
        &COMPANY_ARG,
        &[
            "expected a finite number, found NaN",
            "x.csv: row 2, column \"revenue\"",
        ],
    );
    rejects(
        "x.csv",
        "label,revenue\n2024,1e400\n",
        &COMPANY_ARG,
        &["out of range", "x.csv: row 2, column \"revenue\""],
    );
}

#[test]
fn csv_negative_revenue_and_headcount() {
    rejects(
        "x.csv",
        "label,revenue,headcount_start\n2023,5,\n2024,-5,\n",
        &COMPANY_ARG,
        &[
            "revenue must not be negative, found -5",
            "x.csv: row 3, column \"revenue\"",
            "| 2024,-5,",
        ],
    );
    rejects(
        "x.csv",
        "label,revenue,headcount_start\n2023,5,\n2024,5,-2\n",
        &COMPANY_ARG,
        &[
            "headcount must not be negative, found -2",
            "x.csv: row 3, column \"headcount_start\"",
        ],
    );
}

#[test]
fn csv_bad_and_duplicate_labels() {
    rejects(
        "x.csv",
        "label,revenue\n2023,5\n2024-Q5,5\n",
        &COMPANY_ARG,
        &[
            "\"2024-Q5\" is not a valid label",
            "x.csv: row 3, column \"label\"",
        ],
    );
    rejects(
        "x.csv",
        "label,revenue\n2023,5\n2023,5\n",
        &COMPANY_ARG,
        &[
            "the period \"2023\" appears twice",
            "x.csv: row 3, column \"label\"",
        ],
    );
}

#[test]
fn csv_currency_not_iso_4217() {
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &["--company", "name=Acme,currency=sek1"],
        &[
            "\"sek1\" is not an ISO 4217 currency code",
            "did you mean \"SEK\"?",
        ],
    );
}

#[test]
fn unknown_company_argument_field() {
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &["--company", "nme=Acme,currency=SEK"],
        &["unknown company field \"nme\"", "did you mean \"name\"?"],
    );
}

#[test]
fn company_argument_sets_plan_and_readiness_fields() {
    // acme.toml's plan has annual_attrition = 0.25; the argument wins.
    let output = Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .args(["metrics", "acme.toml", "--company"])
        .args(["plan.annual_attrition=0.1,readiness.min_fiscal_years=2"])
        .run()
        .status(0);
    assert_eq!(output.json()["plan"]["annual_attrition"], 0.1);
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &[
            "--company",
            "name=Acme,currency=SEK,plan.annual_atrition=0.1",
        ],
        &[
            "--company plan.annual_atrition=0.1: unknown field",
            "did you mean \"plan.annual_attrition\"?",
            "the plan fields are plan.target_headcount, plan.annual_attrition",
        ],
    );
    // An unknown company field lists the dotted keys too.
    rejects(
        "x.csv",
        "label,revenue\n2024,5\n",
        &["--company", "name=Acme,currency=SEK,attrition=0.1"],
        &["plan.annual_attrition", "readiness.min_rule_of_40"],
    );
}

// ----- Accepted with warnings -----

#[test]
fn a_gap_is_a_warning_not_an_error() {
    let text = toml_with("\n[[period]]\nlabel = \"2021\"\nrevenue = 5\n\n[[period]]\nlabel = \"2024\"\nrevenue = 6\n");
    let output = Test::new()
        .file("x.toml", text)
        .args(["metrics", "x.toml"])
        .run()
        .status(0);
    let warnings = &output.json()["warnings"];
    assert_eq!(warnings[0]["kind"], "gap");
    assert_eq!(
        warnings[0]["message"],
        "gap in the years: 2 periods missing between 2021 and 2024"
    );
}

#[test]
fn cost_lines_may_be_negative() {
    let text = toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = 5\ncosts = { refunds = -3 }\n");
    let output = Test::new()
        .file("x.toml", text)
        .args(["metrics", "x.toml"])
        .run()
        .status(0);
    // revenue 5 - opex (-3) = 8
    assert_eq!(output.json()["periods"][0]["operating_income"], 8);
}

// ----- The fixtures and the bundled example -----

#[test]
fn metrics_of_the_fixture_in_every_format() {
    for (name, company) in [
        ("acme.toml", None),
        ("acme.json", None),
        ("acme.csv", Some(ACME_COMPANY)),
    ] {
        let mut test = Test::new()
            .copy(&format!("tests/fixtures/{name}"), name)
            .args(["metrics", name]);
        if let Some(company) = company {
            test = test.args(["--company", company]);
        }
        let output = test.run().status(0);
        let json = output.json();
        assert_eq!(json["company"]["name"], "Acme Analytics AB");
        assert_eq!(json["company"]["currency"], "SEK");
        // SEK thousands: 2024-Q4 revenue 1400 x 1000 = 1,400,000, written with exactly its digits.
        let periods = json["periods"].as_array().expect("periods");
        let q4 = periods
            .iter()
            .find(|p| p["label"] == "2024-Q4")
            .expect("2024-Q4");
        assert_eq!(q4["revenue"].to_string(), "1400000");
        // 1,400,000 x 4 / ((90 + 80) / 2 = 85) = 65,882.352... -> 65,882.35
        assert_eq!(q4["revenue_per_employee"].to_string(), "65882.35");
        output.stdout_contains("\"revenue\": 1400000,");
    }
}

#[test]
fn metrics_of_the_fixture_warn_about_unlisted_costs() {
    let output = Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .args(["metrics", "acme.toml"])
        .run()
        .status(0);
    let json = output.json();
    let warnings = json["warnings"].as_array().expect("warnings");
    let unlisted: Vec<&serde_json::Value> = warnings
        .iter()
        .filter(|w| w["kind"] == "unlisted_costs")
        .collect();
    assert_eq!(unlisted.len(), 1, "{warnings:?}");
    // 2024: 5000 - 3200 = 1800 by the lines, 1600 reported: 200 unlisted.
    assert_eq!(unlisted[0]["period"], "2024");
    assert_eq!(
        unlisted[0]["message"],
        "2024: reported operating income of SEK 1,600k is SEK 200k below revenue minus the \
         listed cost lines (SEK 1,800k): unlisted costs such as D&A"
    );
}

#[test]
fn metrics_of_the_klarna_example_write_exact_money() {
    Test::new()
        .copy("examples/klarna.toml", "klarna.toml")
        .args(["metrics", "klarna.toml"])
        .run()
        .status(0)
        // 2024 revenue: 2811 USD millions = 2,811,000,000
        .stdout_contains("\"revenue\": 2811000000,")
        .json();
}

#[test]
fn generate_writes_the_report_folder() {
    Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .args(["generate", "acme.toml", "-o", "out", "--format", "json"])
        .run()
        .status(0)
        .present("out/acme-analytics-ab/metrics.json");
}

// ----- Arguments and files -----

#[test]
fn version() {
    Test::new()
        .args(["--version"])
        .run()
        .status(0)
        .stdout_contains(&format!("ipobrief {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_has_examples() {
    Test::new()
        .args(["--help"])
        .run()
        .status(0)
        .stdout_contains("Examples");
}

#[test]
fn standard_input_with_a_format() {
    let text = fs::read(root().join("tests/fixtures/acme.toml")).expect("the fixture");
    let output = Test::new()
        .args(["metrics", "-", "--input-format", "toml"])
        .stdin(text)
        .run()
        .status(0);
    assert_eq!(output.json()["company"]["name"], "Acme Analytics AB");
}

#[test]
fn standard_input_without_a_format() {
    Test::new()
        .args(["metrics", "-"])
        .stdin("[company]\n")
        .run()
        .status(2)
        .stderr_contains("cannot tell the format of standard input")
        .stderr_contains("--input-format");
}

#[test]
fn standard_input_errors_name_it() {
    Test::new()
        .args(["metrics", "-", "--input-format", "toml"])
        .stdin(toml_with("\n[[period]]\nlabel = \"2024\"\nrevenue = -5\n"))
        .run()
        .status(2)
        .stderr_contains("--> -:7:1");
}

#[test]
fn missing_file() {
    Test::new()
        .args(["generate", "missing.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("cannot read the file")
        .stderr_contains("missing.toml")
        .absent("out");
}

#[test]
fn folder_as_input() {
    for name in ["figures", "figures.toml"] {
        Test::new()
            .file(&format!("{name}/a.toml"), "")
            .args(["metrics", name])
            .run()
            .status(2)
            .stderr_contains("this is a folder, not an input file")
            .stderr_contains(name);
    }
}

#[test]
fn unknown_extension() {
    Test::new()
        .file("figures.txt", "x")
        .args(["metrics", "figures.txt"])
        .run()
        .status(2)
        .stderr_contains("unknown input format")
        .stderr_contains("--input-format");
}

#[test]
fn empty_file() {
    for name in ["empty.toml", "empty.json", "empty.csv"] {
        Test::new()
            .file(name, "\n")
            .args(["generate", name, "-o", "out"])
            .run()
            .status(2)
            .stderr_contains("the file is empty")
            .stderr_contains(name)
            .absent("out");
    }
}

#[test]
fn binary_file() {
    Test::new()
        .file("x.toml", [0x00u8, 0x01, 0xff, 0xfe, 0x00, 0x9f])
        .args(["metrics", "x.toml"])
        .run()
        .status(2)
        .stderr_contains("the file is not text (UTF-8 or UTF-16 expected)");
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let toml = "\u{feff}[company]\r\nname = \"Acme\"\r\ncurrency = \"SEK\"\r\n\r\n[[period]]\r\nlabel = \"2024\"\r\nrevenue = 5\r\n";
    let json = "\u{feff}{\"company\": {\"name\": \"Acme\", \"currency\": \"SEK\"},\r\n\"period\": [{\"label\": \"2024\", \"revenue\": 5}]}\r\n";
    let csv = "\u{feff}label,revenue\r\n2024,5\r\n";
    for (name, text) in [("x.toml", toml), ("x.json", json), ("x.csv", csv)] {
        let output = Test::new()
            .file(name, text)
            .args(["metrics", name])
            .args(COMPANY_ARG)
            .run()
            .status(0);
        assert_eq!(output.json()["periods"][0]["revenue"], 5, "{name}");
    }
}

#[test]
fn crlf_errors_point_at_the_right_place() {
    // The line is shown without its carriage return, and the column counts from the line start.
    let text = "[company]\r\nname = \"Acme\"\r\ncurrency = \"SEK\"\r\n\r\n[[period]]\r\nlabel = \"2024\"\r\nrevenue = -5\r\n";
    let output = Test::new()
        .file("x.toml", text)
        .args(["metrics", "x.toml"])
        .run()
        .status(2);
    let output = output
        .stderr_contains("x.toml:7:1")
        .stderr_contains("7 | revenue = -5\n");
    assert!(!output.stderr.contains('\r'), "{:?}", output.stderr);
}

#[path = "cli/import_sec.rs"]
mod import_sec;

#[path = "cli/conventions.rs"]
mod conventions;

#[path = "cli/check.rs"]
mod check;

#[path = "cli/check_figures.rs"]
mod check_figures;

#[path = "cli/plan_actual.rs"]
mod plan_actual;
