//! Budgets and guidance through the binary: `check --format json` lists the two criteria,
//! `metrics` carries the variances and accuracy, and a bad range is refused at its line.

use crate::harness::{Output, Test};

/// Four quarters, in SEK millions (revenue, budget, guidance): errors against budget of -2%,
/// +2%, -4%, +4% (mean 3%, at most 5% passes); guidance reached in Q1, Q2 and Q4 (3 of 4).
fn company(q3_guidance: &str) -> String {
    let quarter = |n: u32, revenue: u32, budget: u32, guidance: &str| {
        format!(
            "[[period]]\nlabel = \"2025-Q{n}\"\nrevenue = {revenue}\n\
             [period.budget]\nrevenue = {budget}\n[period.guidance]\nrevenue = {guidance}\n"
        )
    };
    format!(
        "[company]\nname = \"Plan AB\"\ncurrency = \"SEK\"\nscale = \"millions\"\n\n{}{}{}{}",
        quarter(1, 98, 100, "[95, 105]"),
        quarter(2, 102, 100, "[95, 105]"),
        quarter(3, 96, 100, q3_guidance),
        quarter(4, 104, 100, "[90, 110]")
    )
}

fn run(file: &str, contents: &str, args: &[&str]) -> Output {
    Test::new()
        .file(file, contents)
        .args(args)
        .args([file])
        .run()
}

#[test]
fn check_json_lists_the_plan_criteria() {
    let output = run(
        "plan.toml",
        &company("[100, 110]"),
        &["check", "--format", "json"],
    );
    // Revenue growth and the like fail on a single year's quarters: exit 1.
    let json = output.status(1).json();
    let criteria = json[0]["scorecard"]["criteria"]
        .as_array()
        .expect("criteria");
    let by_id = |id: &str| {
        criteria
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let guidance = by_id("revenue_at_guidance");
    assert_eq!(guidance["status"], "pass");
    assert_eq!(guidance["figure"], "3 of 4");
    assert_eq!(guidance["threshold_source"], "default");
    let budget = by_id("revenue_within_budget");
    assert_eq!(budget["status"], "pass");
    assert_eq!(budget["value"], 3.0);
}

#[test]
fn metrics_carry_variances_and_accuracy() {
    let output = run("plan.toml", &company("[100, 110]"), &["metrics"]).status(0);
    let json = output.json();
    let plan = &json["plan_actual"];
    let q1 = &plan["periods"][0];
    assert_eq!(q1["label"], "2025-Q1");
    // Revenue 98 against 100 (millions): -2,000,000, -2%, unfavourable.
    let revenue = &q1["variances"][0];
    assert_eq!(revenue["key"], "revenue");
    assert_eq!(revenue["variance"], -2_000_000);
    assert_eq!(revenue["variance_pct"], -2.0);
    assert_eq!(revenue["verdict"], "unfavourable");
    assert_eq!(q1["guidance"][0]["position"], "within");
    assert_eq!(plan["accuracy"][0]["revenue_mape_pct"], 3.0);
    assert_eq!(plan["accuracy"][0]["budgets"], "on target");
}

#[test]
fn a_range_with_low_above_high_is_refused_at_its_line() {
    // Line 26: the third quarter's guidance, `revenue = [110, 100]`.
    run("plan.toml", &company("[110, 100]"), &["check"])
        .status(2)
        .stderr_contains("--> plan.toml:26:1")
        .stderr_contains("26 | revenue = [110, 100]")
        .stderr_contains("its low end is above its high end");
}

#[test]
fn a_budget_figure_without_an_actual_is_a_warning_with_its_place() {
    let text = company("[100, 110]").replacen(
        "[period.budget]\nrevenue = 100\n",
        "[period.budget]\nrevenue = 100\ncash = 5\n",
        1,
    );
    run("plan.toml", &text, &["check"])
        .status(1)
        .stdout_contains("budget or guidance figures without an actual: 1");
    let output = run("plan.toml", &text, &["metrics"]).status(0);
    let warning = &output.json()["warnings"][0];
    assert_eq!(warning["kind"], "plan_without_actual");
    assert_eq!(warning["at"], "plan.toml:11:1");
}
