//! Issue "Trust II" 1 and 4 through the real binary: a March fiscal year's quarters are shown
//! as FY2025 Q4 (January to March 2025) in every output, never as "2025-Q4", while
//! metrics.json keeps the label as written and `--periods 2025-Q4` still finds it; quarters
//! alone add up to years that `check` counts.

use crate::harness::{Output, Test};

/// FY2024 and FY2025 (April to March) and FY2025's four quarters. FY2025 grew 500 / 400 - 1 =
/// 25%; FY2025 Q4 (January to March 2025) grew 140 / 130 - 1 = 7.7% on Q3.
const MARCH: &str =
    "[company]\nname = \"March Co\"\ncurrency = \"EUR\"\nfiscal_year_end = \"03-31\"\n\n\
    [[period]]\nlabel = \"FY2024\"\nrevenue = 400\noperating_income = 40\n\
    [[period]]\nlabel = \"FY2025\"\nrevenue = 500\noperating_income = 60\n\
    [[period]]\nlabel = \"FY2025-Q1\"\nrevenue = 110\noperating_income = 10\n\
    [[period]]\nlabel = \"FY2025-Q2\"\nrevenue = 120\noperating_income = 15\n\
    [[period]]\nlabel = \"FY2025-Q3\"\nrevenue = 130\noperating_income = 15\n\
    [[period]]\nlabel = \"FY2025-Q4\"\nrevenue = 140\noperating_income = 20\n";

fn run(args: &[&str]) -> Output {
    Test::new().file("march.toml", MARCH).args(args).run()
}

#[test]
fn a_march_year_end_shows_fiscal_labels_and_their_months_everywhere() {
    // With a second company, for the site index.
    let generate = Test::new()
        .file("march.toml", MARCH)
        .file(
            "dec.toml",
            "[company]\nname = \"Dec\"\ncurrency = \"EUR\"\n[[period]]\nlabel = \"2025\"\nrevenue = 1\n",
        )
        .args(["generate", "march.toml", "dec.toml", "-o", "out"])
        .run();
    assert_eq!(generate.code, Some(0), "{}", generate.stderr);
    let markdown = generate.read("out/march-co/brief.md");
    assert!(
        markdown.contains(
            "Latest fiscal year FY2025 (Apr 2024-Mar 2025) · latest quarter FY2025 Q4 \
             (Jan-Mar 2025) · amounts in EUR"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| Metric | FY2025 Q1 (Apr-Jun 2024) | FY2025 Q2 (Jul-Sep 2024) | FY2025 Q3 \
             (Oct-Dec 2024) | FY2025 Q4 (Jan-Mar 2025) |"
        ),
        "{markdown}"
    );
    assert!(markdown
        .contains("In FY2025 Q4, the latest quarter, revenue was €140, up 7.7% on FY2025 Q3."));
    let html = generate.read("out/march-co/brief.html");
    assert!(html
        .contains("<th scope=\"col\">FY2025 Q4<br><span class=\"unit\">Jan-Mar 2025</span></th>"));
    // Nothing a reader sees says "2025-Q4" (the methodology's example and a style comment aside).
    for text in [&markdown, &html] {
        let shown = text
            .replace("(2025-Q3 with 2024-Q3)", "")
            .replace("such as 2025-Q1 never wraps", "");
        assert!(!shown.contains("2025-Q"), "{shown}");
    }
    let chart = generate.read("out/march-co/charts/quarters-revenue.svg");
    assert!(chart.contains("FY2025 Q4") && !chart.contains("2025-Q4"));
    // metrics.json: the label as written, and how it is shown.
    let json = generate.read("out/march-co/metrics.json");
    assert!(json.contains(
        "\"label\": \"2025-Q4\",\n      \"display\": \"FY2025 Q4\",\n      \"months\": \"Jan-Mar 2025\","
    ), "{json}");
    let index = generate.read("out/index.md");
    assert!(index.contains("| FY2025 |"), "{index}");

    run(&["check", "march.toml"])
        .stdout_contains("Revenue grew 25.0% in FY2025 over FY2024, at or above the 20% bar.");
    // The command line's plain labels still find the fiscal quarters.
    run(&["compare", "march.toml", "--periods", "2025-Q3,2025-Q4"])
        .status(0)
        .stdout_contains("March Co: FY2025 Q4 vs FY2025 Q3");
}

/// Item 4: nine quarters and no year row. 2024 = 100 + 110 + 120 + 130 = 460 and 2025 = 140 +
/// 150 + 160 + 170 = 620 are summed from them: two fiscal years of history (a FAIL against 3,
/// where main counted 0), growth 620 / 460 - 1 = 34.8%. The twelve months to 2026-Q1 are
/// 150 + 160 + 170 + 180 = 660.
#[test]
fn quarters_alone_make_years_of_history() {
    let mut toml = String::from("[company]\nname = \"Quarters\"\ncurrency = \"EUR\"\n");
    for (label, revenue) in [
        ("2024-Q1", 100),
        ("2024-Q2", 110),
        ("2024-Q3", 120),
        ("2024-Q4", 130),
        ("2025-Q1", 140),
        ("2025-Q2", 150),
        ("2025-Q3", 160),
        ("2025-Q4", 170),
        ("2026-Q1", 180),
    ] {
        toml.push_str(&format!(
            "[[period]]\nlabel = \"{label}\"\nrevenue = {revenue}\n"
        ));
    }
    let check = Test::new()
        .file("q.toml", &toml)
        .args(["check", "q.toml"])
        .run();
    assert!(
        check.stdout.contains(
            "The input has 2 years of fiscal-year figures (2024 and 2025 summed from their \
             quarters); 3 years or more are expected."
        ),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .contains("Revenue grew 34.8% in 2025 over 2024"),
        "{}",
        check.stdout
    );
    let generate = Test::new()
        .file("q.toml", &toml)
        .args(["generate", "q.toml", "-o", "out"])
        .run();
    let markdown = generate.read("out/quarters/brief.md");
    assert!(
        markdown.contains("Latest fiscal year 2025 (summed from quarters)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Revenue, trailing twelve months (TTM) | €660 |"),
        "{markdown}"
    );
}

/// Item 3: 2025's row (500) and its only quarters, Q1 240 and Q2 260, which add up to it: year
/// to date. On main, "revenue grew -50.0%" and a margin trend of 10.0% (100 / 1,000) to 12.0%
/// (60 / 500); now no growth, no Rule of 40, no margin trend across 2024 and 2025, each saying
/// why, and the brief marks the year.
#[test]
fn a_year_to_date_is_marked_and_never_compared_with_a_full_year() {
    let toml = "[company]\nname = \"Ytd\"\ncurrency = \"EUR\"\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 1000\noperating_income = 100\n\
        [[period]]\nlabel = \"2025\"\nrevenue = 500\noperating_income = 60\n\
        [[period]]\nlabel = \"2025-Q1\"\nrevenue = 240\noperating_income = 30\n\
        [[period]]\nlabel = \"2025-Q2\"\nrevenue = 260\noperating_income = 30\n";
    let check = Test::new()
        .file("y.toml", toml)
        .args(["check", "y.toml"])
        .run();
    assert!(
        check.stdout.contains(
            "No year-over-year revenue growth: 2025: 2025 holds 2 quarters (year to date), so it \
             is not compared with a full year."
        ),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("-50.0%") && !check.stdout.contains("went from 10.0%"));
    let generate = Test::new()
        .file("y.toml", toml)
        .args(["generate", "y.toml", "-o", "out"])
        .run();
    let markdown = generate.read("out/ytd/brief.md");
    assert!(
        markdown.contains("Latest fiscal year 2025 (year to date, 2 quarters)"),
        "{markdown}"
    );
    assert!(markdown.contains("| Metric | 2024 | 2025 (year to date, 2 quarters) |"));
    // The margin's sentence names its part of the year: no growth sentence before it does.
    assert!(
        markdown.contains("- In 2025 (year to date, 2 quarters), operating margin was 12.0%.\n"),
        "{markdown}"
    );
}

/// A year to date leading the brief is named so in its headline and its prose, in Markdown and
/// HTML alike: its figures are never read as the whole year's.
#[test]
fn a_year_to_date_headline_names_its_months() {
    let run = Test::new()
        .copy("tests/fixtures/years-from-quarters.toml", "q.toml")
        .args(["generate", "q.toml", "-o", "out", "--format", "md,html"])
        .run()
        .status(0);
    let md = run.read("out/quarters-ab/brief.md");
    assert!(
        md.contains("## Headline, 2026 (year to date, 1 quarter)"),
        "{md}"
    );
    // No growth sentence names the period (a year to date has no growth): the margin's does.
    // 11 / 160 = 6.875%.
    assert!(
        md.contains("- In 2026 (year to date, 1 quarter), operating margin was 6.9%."),
        "{md}"
    );
    let html = run.read("out/quarters-ab/brief.html");
    assert!(
        html.contains("<h2>Headline, 2026 (year to date, 1 quarter)</h2>"),
        "{}",
        &html[..html.len().min(2000)]
    );
}
