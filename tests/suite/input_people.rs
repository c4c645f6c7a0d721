//! Input as people keep it (issue 12): costs written below zero, period labels such as "FY2024"
//! or "Q1 2024", periods across the columns, cells such as "(1,500)" or "-", and what the
//! messages say about them. Each test runs the real binary in a temporary folder.

use std::fs;

use crate::harness::Test;

/// Two years whose cost lines are written below zero, as many finance sheets do.
fn negative_costs(company_extra: &str) -> String {
    format!(
        "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n{company_extra}\n\
         [[period]]\nlabel = \"2023\"\nrevenue = 1000\n\
         costs = {{ support = -300, marketing = -200 }}\n\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 1200\n\
         costs = {{ support = -310, marketing = -210 }}\n"
    )
}

/// Guards issue 12's first wrong figure: negative costs gave a margin of 176 % and a PASS.
#[test]
fn costs_written_below_zero_are_refused_with_the_fix() {
    Test::new()
        .file("acme.toml", negative_costs(""))
        .args(["metrics", "acme.toml"])
        .run()
        .status(2)
        .stderr_contains("costs are entered as negative amounts: 2 of 2 cost lines are below zero")
        .stderr_contains("--> acme.toml:8:11")
        .stderr_contains("costs = { support = -300, marketing = -200 }")
        .stderr_contains(
            "enter costs as positive amounts, or set cost_sign = \"negative\" in [company]",
        );
}

#[test]
fn cost_sign_negative_reads_them_as_costs() {
    let ran = Test::new()
        .file("acme.toml", negative_costs("cost_sign = \"negative\"\n"))
        .args(["metrics", "acme.toml"])
        .run()
        .status(0);
    let json = ran.json();
    // 2024: opex 310 + 210 = 520; margin (1200 - 520) / 1200 = 56.67 %.
    assert_eq!(json["periods"][1]["opex"], 520);
    assert_eq!(json["periods"][1]["operating_income"], 680);
    assert_eq!(json["periods"][1]["cost_lines"]["support"]["amount"], 310);
}

#[test]
fn cost_sign_negative_from_the_command_line_for_csv() {
    let csv = "label,revenue,cost:support,cost:marketing\n2024,100,-10,-20\n";
    Test::new()
        .file("acme.csv", csv)
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(2)
        .stderr_contains("row 2, column \"cost:support\"")
        .stderr_contains("--company cost_sign=negative");
    let ran = Test::new()
        .file("acme.csv", csv)
        .args([
            "metrics",
            "acme.csv",
            "--company",
            "name=Acme,currency=SEK,cost_sign=negative",
        ])
        .run()
        .status(0);
    assert_eq!(ran.json()["periods"][0]["opex"], 30);
}

/// A refund line below zero among positive costs is a credit, not a sign convention.
#[test]
fn one_credit_line_stays_allowed() {
    let toml = "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 100\n\
                costs = { refunds = -3, support = 40, marketing = 20 }\n";
    let ran = Test::new()
        .file("acme.toml", toml)
        .args(["metrics", "acme.toml"])
        .run()
        .status(0)
        .stderr_lacks("negative amounts");
    // 40 + 20 - 3 = 57.
    assert_eq!(ran.json()["periods"][0]["opex"], 57);
}

/// Labels as people write them are read as the canonical label; a bad one is quoted as written.
#[test]
fn period_labels_as_people_write_them() {
    let csv = "label,revenue\nFY2023,100\nFY 2024,120\nQ1 2024,30\n2024 Q2,31\n2024Q3,32\nQ4-2024,27\nH1 2024,61\n";
    let ran = Test::new()
        .file("acme.csv", csv)
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(0);
    let labels: Vec<String> = ran.json()["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| p["label"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        labels,
        ["2023", "2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-Q4", "2024"]
    );
    Test::new()
        .file("acme.csv", "label,revenue\nQ5 2024,30\n")
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(2)
        .stderr_contains(
            "bad period label: \"Q5 2024\" is not a valid label: a year has 4 quarters",
        )
        .stderr_contains("row 2, column \"label\"");
}

/// Guards issue 12: `import sec` said which years lack headcount only in a TOML comment.
#[test]
fn import_sec_says_on_standard_error_which_years_lack_headcount() {
    let facts = fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/sec/snowflake-companyfacts.json"),
    )
    .expect("the Snowflake fixture");
    Test::new()
        .file("facts.json", &facts)
        .args(["import", "sec", "facts.json", "--from", "2023"])
        .run()
        .status(0)
        .stderr_contains("warning: the SEC file has no headcount for 2023, 2024, 2025")
        .stderr_contains("--headcount 2025=N");
    Test::new()
        .file("facts.json", &facts)
        .args([
            "import",
            "sec",
            "facts.json",
            "--from",
            "2024",
            "--headcount",
            "2024=7004,2025=7834",
        ])
        .run()
        .status(0)
        .stderr_lacks("warning");
}

/// Guards issue 12: a CSV with periods across was refused ("--layout columns is read from
/// spreadsheets only"); it is detected from its row of period labels, or asked for.
#[test]
fn csv_with_periods_across_is_read() {
    let csv = "Acme AB,,\nfigure,FY2023,FY2024\nrevenue,\"1,000\",\"1,200\"\n\
               cost:support,300,310\nheadcount_end,10,12\n";
    for layout in [None, Some("columns")] {
        let mut args = vec!["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"];
        args.extend(layout.map(|l| ["--layout", l]).into_iter().flatten());
        let json = Test::new()
            .file("acme.csv", csv)
            .args(args)
            .run()
            .status(0)
            .json();
        // 2024: revenue 1,200, opex 310, operating income 890; growth 1,200 / 1,000 - 1 = 20 %.
        assert_eq!(json["periods"][1]["label"], "2024");
        assert_eq!(json["periods"][1]["revenue"], 1200);
        assert_eq!(json["periods"][1]["operating_income"], 890);
        assert_eq!(json["periods"][1]["headcount_end"], 12);
    }
}

/// Errors in a CSV with periods across name the row (and its figure) and the period's column.
#[test]
fn csv_with_periods_across_names_row_and_column() {
    let company = ["--company", "name=Acme,currency=SEK"];
    Test::new()
        .file(
            "acme.csv",
            "Acme,,\nfigure,2023,2024\nheadcount_end,3,4\nrevenue,100,ten\n",
        )
        .args(["metrics", "acme.csv"])
        .args(company)
        .run()
        .status(2)
        .stderr_contains("expected a number, found \"ten\"")
        .stderr_contains("--> acme.csv: row 4 (\"revenue\"), column \"2024\"")
        .stderr_contains("   | revenue,100,ten");
    Test::new()
        .file("acme.csv", "figure,2023,2024\nrevenue,100,-5\n")
        .args(["metrics", "acme.csv"])
        .args(company)
        .run()
        .status(2)
        .stderr_contains("revenue must not be negative, found -5")
        .stderr_contains("--> acme.csv: row 2 (\"revenue\"), column \"2024\"");
    Test::new()
        .file("acme.csv", "figure,2023,FY2023\nrevenue,100,120\n")
        .args(["metrics", "acme.csv"])
        .args(company)
        .run()
        .status(2)
        .stderr_contains("the period \"FY2023\" appears twice: it reads as 2023, as \"2023\" does")
        .stderr_contains("--> acme.csv: row 1 (\"figure\"), column \"FY2023\"");
}

/// `--layout columns` where there is nothing to turn is refused, never silently ignored.
#[test]
fn layout_columns_is_refused_where_it_cannot_apply() {
    Test::new()
        .file("acme.csv", "label,revenue\n2024,100\n")
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .args(["--layout", "columns"])
        .run()
        .status(2)
        .stderr_contains("no row of the CSV holds period labels");
    Test::new()
        .copy("examples/klarna.toml", "klarna.toml")
        .args(["metrics", "klarna.toml", "--layout", "columns"])
        .run()
        .status(2)
        .stderr_contains("--layout columns is read from CSV files and spreadsheets only");
}

/// Guards issue 12: CSV cells are read as spreadsheet cells are ("1,234" used to be refused).
#[test]
fn csv_cells_as_people_type_them() {
    let csv = "label,revenue,headcount_end,cost:support,cost:refunds\n\
               2024,\"1,234\",1 000,\"1,000\",(34)\n";
    let output = Test::new()
        .file("acme.csv", csv)
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(0);
    let json = output.json();
    // Revenue 1,234; opex 1,000 - 34 = 966; operating income 1,234 - 966 = 268.
    assert_eq!(json["periods"][0]["revenue"], 1234);
    assert_eq!(json["periods"][0]["opex"], 966);
    assert_eq!(json["periods"][0]["operating_income"], 268);
    Test::new()
        .file("acme.csv", "label,revenue\n2024,\"1,5\"\n")
        .args(["metrics", "acme.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(2)
        .stderr_contains("--> acme.csv: row 2, column \"revenue\"")
        .stderr_contains("found \"1,5\"");
}

/// Guards the review of src/input: a file whose one cost line is below zero in every period
/// (`opex = -800`, `-900`) was read as it stands, with a margin of 180 %.
#[test]
fn one_cost_line_below_zero_in_every_period_is_refused() {
    let text = "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n\n\
                [[period]]\nlabel = \"2023\"\nrevenue = 1000\ncosts = { opex = -800 }\n\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 1300\ncosts = { opex = -900 }\n";
    Test::new()
        .file("acme.toml", text)
        .args(["metrics", "acme.toml"])
        .run()
        .status(2)
        .stderr_contains(
            "costs are entered as negative amounts: 1 of 1 cost lines are below zero while \
             revenue is positive, which would make operating expenses negative \
             (\"opex\" in 2023 is the first)",
        )
        .stderr_contains("--> acme.toml:8:11")
        .stderr_contains("set cost_sign = \"negative\" in [company]");
}

/// A refund line below zero beside positive costs, year after year, is still a credit.
#[test]
fn a_refund_line_among_positive_costs_stays_allowed() {
    let text = "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n\n\
                [[period]]\nlabel = \"2023\"\nrevenue = 1000\n\
                costs = { opex = 800, refunds = -30 }\n\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 1300\n\
                costs = { opex = 900, refunds = -40 }\n";
    let ran = Test::new()
        .file("acme.toml", text)
        .args(["metrics", "acme.toml"])
        .run()
        .status(0);
    // 2024: opex 900 - 40 = 860.
    assert_eq!(ran.json()["periods"][1]["opex"], 860);
}

/// Guards the review of src/input: the negative-costs error named "period 1", not its label.
#[test]
fn the_negative_costs_error_names_the_period_by_its_label() {
    Test::new()
        .file("acme.toml", negative_costs(""))
        .args(["metrics", "acme.toml"])
        .run()
        .status(2)
        .stderr_contains("(\"support\" in 2023 is the first)")
        .stderr_lacks("in period 1");
}

/// Guards the review of src/input: a duplicate label was quoted normalised ("2024-Q1") though
/// the file said "2024Q1".
#[test]
fn a_duplicate_label_is_quoted_as_written() {
    Test::new()
        .file("q.csv", "label,revenue\nQ1 2024,100\n2024Q1,110\n")
        .args(["metrics", "q.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(2)
        .stderr_contains(
            "the period \"2024Q1\" appears twice: it reads as 2024-Q1, as \"Q1 2024\" does \
             (periods 1 and 2 in the file)",
        )
        .stderr_contains("row 3, column \"label\"");
}

/// Guards the review of src/input: "FY24" was refused without the forms a label may take.
#[test]
fn two_digit_fiscal_years_read_as_the_2000s() {
    let ran = Test::new()
        .file("fy.csv", "label,revenue\nFY24,100\nFY2025,110\n")
        .args(["metrics", "fy.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(0);
    assert_eq!(ran.json()["periods"][0]["label"], "2024");
    assert_eq!(ran.json()["periods"][1]["label"], "2025");
}

/// A label in no accepted form is refused with every form listed.
#[test]
fn a_bad_label_lists_the_forms_a_label_may_take() {
    Test::new()
        .file("fy.csv", "label,revenue\nFY-2X,100\n")
        .args(["metrics", "fy.csv", "--company", "name=Acme,currency=SEK"])
        .run()
        .status(2)
        .stderr_contains("found \"FY-2X\"")
        .stderr_contains("--> fy.csv: row 2, column \"label\"")
        .stderr_contains(
            "help: a label is a fiscal year, a half or a quarter, written 2024, FY2024, 2024-Q1, \
             Q1 2024, 2024Q1, 2024-H1 or H1 2024 (FY24 reads as FY2024: two digits after FY are \
             a year of the 2000s)",
        );
}

/// Guards the review of src/input: with periods across, "Revenue" was an unknown row and the
/// help listed "columns". ("Headcount end" is headcount_end since Trust II item 17; a name
/// that folds to no figure is still refused.)
#[test]
fn rows_across_are_matched_whatever_their_case() {
    let company = ["--company", "name=Acme,currency=SEK"];
    let ran = Test::new()
        .file(
            "a.csv",
            "Metric,Q1 2024,Q2 2024\nRevenue,100,110\n Cost: Support ,60,62\n",
        )
        .args(["metrics", "a.csv"])
        .args(company)
        .run()
        .status(0);
    assert_eq!(ran.json()["periods"][1]["revenue"], 110);
    Test::new()
        .file(
            "a.csv",
            "Metric,Q1 2024,Q2 2024\nRevenue,100,110\nHead count,50,52\n",
        )
        .args(["metrics", "a.csv"])
        .args(company)
        .run()
        .status(2)
        .stderr_contains("unknown row \"Head count\"")
        .stderr_contains("rows are label, revenue, headcount_end")
        .stderr_lacks("columns are");
}
