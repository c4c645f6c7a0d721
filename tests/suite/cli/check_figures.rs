//! `check` pointing at figures (issue 12): a GitHub annotation on a verdict about one period
//! carries the line of that period's label, and the headcount plan's criterion gates
//! `--strict` when the plan never reaches its target.

use crate::harness::{Output, Test};

/// Revenue 100 then 110 with an operating income of 1: growth 10 % and a margin of
/// 1 / 110 = 0.9 %, a Rule of 40 of 10.9. The label "2024" is on line 10.
const SLOW: &str = "[company]\nname = \"Slow AB\"\ncurrency = \"SEK\"\n\n\
                    [[period]]\nlabel = \"2023\"\nrevenue = 100\n\n\
                    [[period]]\nlabel = \"2024\"\nrevenue = 110\noperating_income = 1\n";

/// The same figures as a CSV: "2024" is on row 3.
const SLOW_CSV: &str = "label,revenue,operating_income\n2023,100,\n2024,110,1\n";

/// Three years that pass every criterion: growth 30 % (169 / 130), a margin of 19 / 169 =
/// 11.2 % (Rule of 40 41.2) up from 10 / 130 = 7.7 %, opex up 25 % (150 / 120), revenue per
/// employee up (169 / 530 against 130 / 510), operating income exactly revenue minus costs.
/// Amounts in SEK millions: SEK 319k a person, a real company's (in units, SEK 0.3 would be
/// an implausible_per_employee warning).
fn healthy(plan: &str) -> String {
    let year = |label: &str, revenue: u32, costs: u32, income: u32, headcount: u32| {
        format!(
            "[[period]]\nlabel = \"{label}\"\nrevenue = {revenue}\noperating_income = {income}\n\
             headcount_end = {headcount}\ncosts = {{ staff = {costs} }}\n\n"
        )
    };
    format!(
        "[company]\nname = \"Plan AB\"\ncurrency = \"SEK\"\nscale = \"millions\"\n\n{plan}\n{}{}{}",
        year("2022", 100, 95, 5, 500),
        year("2023", 130, 120, 10, 520),
        year("2024", 169, 150, 19, 540)
    )
}

/// From 540 people, 15 % attrition and 100 hires a year settle headcount near 619 (100 / 12
/// a month over 1 - 0.85^(1/12) = 0.013452 leaving a month), never at 700.
const UNREACHABLE: &str =
    "[plan]\ntarget_headcount = 700\nannual_attrition = 0.15\nhires_per_year = 100\n";

fn check(file: &str, contents: &str, args: &[&str]) -> Output {
    Test::new()
        .file(file, contents)
        .args(["check", file])
        .args(args)
        .run()
}

#[test]
fn github_annotations_carry_the_line_of_the_period_judged() {
    check("slow.toml", SLOW, &["--format", "github"])
        .status(1)
        .stdout_contains(
            "::error file=slow.toml,line=10,title=Slow AB%3A Rule of 40::10.9 (threshold >= 40)",
        )
        .stdout_contains(
            "::error file=slow.toml,line=10,title=Slow AB%3A Revenue growth (year over year)::",
        )
        // Not about one period: the file only.
        .stdout_contains("::error file=slow.toml,title=Slow AB%3A Fiscal years of history::");
}

#[test]
fn github_annotations_on_a_csv_carry_the_row() {
    Test::new()
        .file("slow.csv", SLOW_CSV)
        .args(["check", "slow.csv", "--format", "github"])
        .args(["--company", "name=Slow AB,currency=SEK"])
        .run()
        .status(1)
        .stdout_contains("::error file=slow.csv,line=3,title=Slow AB%3A Rule of 40::");
}

#[test]
fn json_criteria_name_the_period_judged() {
    let output = check("slow.toml", SLOW, &["--format", "json"]).status(1);
    let json = output.json();
    let criteria = json[0]["scorecard"]["criteria"]
        .as_array()
        .expect("criteria");
    let by_id = |id: &str| {
        criteria
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    assert_eq!(by_id("rule_of_40")["period"], "2024");
    assert!(by_id("fiscal_years_history").get("period").is_none());
}

#[test]
fn an_unreachable_plan_is_a_watch_that_fails_strict() {
    let company = healthy(UNREACHABLE);
    check("plan.toml", &company, &[])
        .status(0)
        .stdout_contains("Plan AB (plan.toml): WATCH, 8 pass, 1 watch, 0 fail")
        .stdout_contains("Headcount plan reaches its target")
        .stdout_contains("near 619");
    check("plan.toml", &company, &["--strict"]).status(1);
    check("plan.toml", &company, &["--format", "github"])
        .status(0)
        .stdout_contains(
            "::warning file=plan.toml,title=Plan AB%3A Headcount plan reaches its target::not \
             reached (threshold reaches 700 people): The plan does not reach its target: ",
        );
}

#[test]
fn a_reachable_plan_passes_strict() {
    // From 540 people, 20 % attrition and no hires: 540 x 0.8^(m/12) <= 500 from
    // m = 12 x ln(500/540) / ln(0.8) = 4.14, so month 5.
    let plan = "[plan]\ntarget_headcount = 500\nannual_attrition = 0.2\n";
    check("plan.toml", &healthy(plan), &["--strict"])
        .status(0)
        .stdout_contains("Plan AB (plan.toml): PASS, 9 pass, 0 watch, 0 fail")
        .stdout_contains("month 5");
}

/// A company named like a workflow command cannot forge one: every line `check --format
/// github` prints is either a command with its data and properties escaped, or starts with
/// `ipobrief check:`; a line break in a name is refused at input (exit 2), so no line can be
/// split in two.
#[test]
fn github_output_cannot_be_forged_by_a_company_name() {
    let hostile = "::add-mask::x,y%z:w";
    let output = check(
        "slow.toml",
        &SLOW.replace("name = \"Slow AB\"", &format!("name = \"{hostile}\"")),
        &["--format", "github"],
    )
    .status(1);
    // The runner reads a command only at the start of a line.
    for line in output.stdout.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("ipobrief check: "),
            "{line}"
        );
    }
    assert!(
        output
            .stdout
            .contains("title=%3A%3Aadd-mask%3A%3Ax%2Cy%25z%3Aw%3A Rule of 40::"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("ipobrief check: ::add-mask::x,y%25z:w: FAIL ("),
        "{}",
        output.stdout
    );
    check(
        "slow.toml",
        &SLOW.replace("name = \"Slow AB\"", "name = \"Slow\\n::error::forged\""),
        &["--format", "github"],
    )
    .status(2)
    .stdout_contains(
        "::error file=slow.toml,line=2,col=1::the company name holds the control character",
    );
}
