//! Figures at the edge of the decimal range (issue: no arithmetic on user figures may panic).
//! A company whose revenue, cost lines, cash, operating income, headcount and AI figures swing
//! between 4 x 10^28 (half the largest decimal, about 7.9 x 10^28) and 0.0001 across years and
//! quarters, and another in millions at 7.9 x 10^22 (7.9 x 10^28 dollars), go through every
//! command and format: sums, growth, differences, shares, the Rule of 40, the plan, the runway,
//! the peers' median, compare and the workbook's formulas overflow, and each must say so (an
//! n/a with its reason) and never panic (exit code 101).

use serde_json::Value;

use crate::harness::{Output, Test};

const EDGE: &str = "tests/fixtures/edge-range.toml";
const MILLIONS: &str = "tests/fixtures/edge-range-millions.toml";
const TOO_LARGE: &str = "too large to represent exactly";

/// Runs `args` over both edge files; the run must end with `code` and no panic.
#[track_caller]
fn run(args: &[&str], code: i32) -> Output {
    Test::new()
        .copy(EDGE, "edge.toml")
        .copy(MILLIONS, "millions.toml")
        .args(args)
        .run()
        .stderr_lacks("panicked")
        .stderr_lacks("overflowed")
        .status(code)
}

fn period<'a>(metrics: &'a Value, label: &str) -> &'a Value {
    metrics["periods"]
        .as_array()
        .and_then(|periods| periods.iter().find(|p| p["label"] == label))
        .unwrap_or_else(|| panic!("no period {label}"))
}

#[track_caller]
fn reason<'a>(period: &'a Value, key: &str) -> &'a str {
    period["unavailable"][key]
        .as_str()
        .unwrap_or_else(|| panic!("no reason for {key}: {}", period["unavailable"]))
}

#[test]
fn metrics_past_the_decimal_range_are_na_as_too_large() {
    let output = run(&["metrics", "edge.toml"], 0);
    let json = output.json();
    // 2023's cost lines: 4 x 10^28 + 4 x 10^28 + 0.0001 is past the range.
    assert_eq!(reason(period(&json, "2023"), "opex"), TOO_LARGE);
    // 2024 after 2023: (0.0001 - 4 x 10^28) / 4 x 10^28 x 100 = -99.99...%, -100 as a float;
    // its operating margin, 4 x 10^28 / 0.0001 x 100 %, and so its Rule of 40, do not fit.
    let year = period(&json, "2024");
    assert_eq!(year["revenue_growth_yoy_pct"].as_f64(), Some(-100.0));
    assert_eq!(reason(year, "operating_margin_pct"), TOO_LARGE);
    assert_eq!(reason(year, "rule_of_40"), TOO_LARGE);
    // 2025 after 2024: (4 x 10^28 - 0.0001) / 0.0001 x 100 %; its runway, 4 x 10^28 of cash
    // over a burn of 0.0001 a year, is 4 x 10^28 x 12 / 0.0001 months.
    let year = period(&json, "2025");
    assert_eq!(reason(year, "revenue_growth_yoy_pct"), TOO_LARGE);
    assert_eq!(reason(year, "runway_months"), TOO_LARGE);
    assert_eq!(reason(year, "kpis.revenue_index"), TOO_LARGE);
    // 2025-Q2 after 2025-Q1: 4 x 10^28 after 0.0001 again, quarter on quarter.
    assert_eq!(
        reason(period(&json, "2025-Q2"), "revenue_growth_qoq_pct"),
        TOO_LARGE
    );
    // 4 x 10^28 people at the start of 2024 after 10^-7 at the end of 2023: 4 x 10^35 times
    // more is past the range, so the warning leaves the ratio out.
    let warnings = json["warnings"].to_string();
    assert!(
        warnings.contains(
            "starts with 40,000,000,000,000,000,000,000,000,000 people but 2023 ended with 0; look"
        ),
        "{warnings}"
    );
    run(&["metrics", "millions.toml"], 0);
}

#[test]
fn every_format_of_the_brief_is_written() {
    let output = run(
        &[
            "generate",
            "edge.toml",
            "millions.toml",
            "-o",
            "out",
            "--format",
            "md,html,json,xlsx",
            "--charts",
            "both",
        ],
        0,
    );
    for file in ["brief.md", "brief.html", "metrics.json", "metrics.xlsx"] {
        for company in ["edge-range-inc", "edge-millions-inc"] {
            let path = output.path(&format!("out/{company}/{file}"));
            assert!(path.exists(), "{} was not written", path.display());
        }
    }
    let brief = output.read("out/edge-range-inc/brief.md");
    assert!(brief.contains(TOO_LARGE), "no reason in the brief");
    // The other company as a peer: the median and rank of amounts past the range.
    run(
        &[
            "generate",
            "edge.toml",
            "--peers",
            "millions.toml",
            "-o",
            "out",
        ],
        0,
    )
    .present("out/edge-range-inc/brief.md");
}

#[test]
fn check_judges_the_figures_without_a_panic() {
    // Exit 1: criteria fail (the margin-dollars KPI is too large to judge, among others).
    run(&["check", "edge.toml"], 1);
    run(&["check", "millions.toml"], 1);
}

#[test]
fn compare_periods_and_companies_at_the_edge() {
    // Revenue 0.0001 (2024) -> 4 x 10^28 (2025): the difference fits, rounded to the decimal's
    // 28 digits, and the percent change is n/a as too large.
    run(
        &[
            "compare",
            "edge.toml",
            "--periods",
            "2024,2025",
            "-o",
            "out",
        ],
        0,
    )
    .stdout_contains("(% n/a: too large)")
    .present("out/compare.json");
    run(&["compare", "edge.toml", "--periods", "latest-qoq"], 0);
    run(&["compare", "edge.toml", "--periods", "latest-yoy"], 0);
    // Two companies in 2024: 7.9 x 10^28 dollars of revenue against 0.0001, and operating
    // incomes of -7.9 x 10^28 against 4 x 10^28, whose difference is past the range.
    run(
        &[
            "compare",
            "edge.toml",
            "millions.toml",
            "--period",
            "2024",
            "-o",
            "out",
        ],
        0,
    )
    .stdout_contains("n/a: the values are too large to subtract")
    .present("out/compare.md");
    run(&["compare", "millions.toml", "edge.toml"], 0);
}
