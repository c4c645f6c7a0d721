use rust_decimal::Decimal;

use crate::input::{from_toml, parse, Format, ReadOptions, WarningKind};

const COMPANY: &str = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"millions\"\n";

fn with(period: &str) -> String {
    format!("{COMPANY}[[period]]\nlabel = \"2025-Q3\"\nrevenue = 903\noperating_income = -20\ncosts = {{ marketing = 100, rent = 20 }}\n{period}")
}

const PLAN: &str = "[period.budget]\nrevenue = 880\noperating_income = -15\n\
    [period.budget.costs]\nmarketing = 105\n\
    [period.guidance]\nrevenue = [860, 900]\noperating_income = -18\ngiven = \"2025-07-20\"\n";

#[test]
fn budget_and_guidance_are_read_and_scaled() {
    let input = from_toml(&with(PLAN)).unwrap_or_else(|e| panic!("{e}"));
    let plan = &input.plan_actual[0];
    let budget = plan.budget.as_ref().unwrap();
    assert_eq!(budget.period.revenue, Decimal::from(880_000_000));
    assert!(budget.revenue_given);
    assert_eq!(
        budget.period.operating_income,
        Some(Decimal::from(-15_000_000))
    );
    assert_eq!(budget.period.costs["marketing"], Decimal::from(105_000_000));
    assert_eq!(budget.period.label, input.periods[0].label);
    let guidance = plan.guidance.as_ref().unwrap();
    assert_eq!(guidance.given.as_deref(), Some("2025-07-20"));
    assert_eq!(guidance.ranges[0].key, "revenue");
    assert_eq!(guidance.ranges[0].low, Decimal::from(860_000_000));
    assert_eq!(guidance.ranges[0].high, Decimal::from(900_000_000));
    // One number is a point guidance: low and high are the same.
    assert_eq!(guidance.ranges[1].low, Decimal::from(-18_000_000));
    assert_eq!(guidance.ranges[1].high, guidance.ranges[1].low);
    assert!(input.warnings.is_empty(), "{:?}", input.warnings);
}

#[test]
fn json_reads_the_same_plan() {
    let text = r#"{"company": {"name": "Acme", "currency": "USD"},
 "period": [{"label": "2025-Q3", "revenue": 903,
   "budget": {"revenue": 880, "costs": {"marketing": 105}},
   "guidance": {"revenue": [860, 900], "given": "2025-07-20"}}]}"#;
    let input = parse(text, "t.json", Format::Json, &ReadOptions::default()).unwrap();
    let plan = &input.plan_actual[0];
    assert_eq!(
        plan.budget.as_ref().unwrap().period.revenue,
        Decimal::from(880)
    );
    assert_eq!(
        plan.guidance.as_ref().unwrap().ranges[0].high,
        Decimal::from(900)
    );
    // The budget's cost line has no actual: a warning, pointing at it (line 3).
    let warning = &input.warnings[0];
    assert_eq!(warning.kind, WarningKind::PlanWithoutActual);
    assert!(
        warning.at.as_deref().unwrap().starts_with("t.json:3:"),
        "{warning:?}"
    );
}

#[test]
fn a_range_with_low_above_high_is_refused_at_its_line() {
    let text = with("[period.guidance]\nrevenue = [900, 860]\n");
    let error = from_toml(&text).unwrap_err();
    assert!(
        error.message.contains("low end is above its high end"),
        "{error}"
    );
    // Line 11: 4 company lines, 5 period lines, the [period.guidance] header.
    assert_eq!(error.position(), (Some(11), Some(1)), "{error}");
    assert!(error.to_string().contains("[860, 900]"), "{error}");
}

#[test]
fn a_planned_figure_without_an_actual_is_a_warning_with_its_place() {
    let text = with(
        "[period.budget]\nrevenue = 880\nheadcount_end = 2950\n[period.guidance]\ncash = [1, 2]\n",
    );
    let input = from_toml(&text).unwrap();
    let places: Vec<(&str, WarningKind)> = input
        .warnings
        .iter()
        .map(|w| (w.at.as_deref().unwrap_or(""), w.kind))
        .collect();
    assert_eq!(
        places,
        [
            ("t.toml:12:1", WarningKind::PlanWithoutActual),
            ("t.toml:14:1", WarningKind::PlanWithoutActual)
        ]
    );
    assert!(input.warnings[0]
        .message
        .contains("the budget gives headcount_end"));
}

#[test]
fn unknown_names_get_did_you_mean_with_positions() {
    let error = from_toml(&with("[period.guidance]\nrevenu = 5\n")).unwrap_err();
    assert_eq!(error.message, "unknown field `revenu`");
    assert!(error
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `revenue`?"));
    assert_eq!(error.position().0, Some(11), "{error}");
    let error = from_toml(&with("[period.budget]\noperating_incme = 5\n")).unwrap_err();
    assert_eq!(error.message, "unknown field `operating_incme`");
    let help = error.help.as_deref().unwrap();
    assert!(
        help.starts_with("did you mean `operating_income`?"),
        "{help}"
    );
    assert_eq!(error.position().0, Some(11), "{error}");
}

#[test]
fn a_budget_is_checked_as_a_period_is_with_its_own_positions() {
    let error = from_toml(&with("[period.budget]\nrevenue = -5\n")).unwrap_err();
    assert!(error.message.contains("must not be negative"), "{error}");
    assert_eq!(error.position().0, Some(11), "{error}");
    let error = from_toml(&with("[period.budget]\nlabel = \"2025-Q4\"\n")).unwrap_err();
    assert!(error.message.contains("not `label`"), "{error}");
    let error = from_toml(&with("[period.guidance]\ngiven = \"July\"\n")).unwrap_err();
    assert!(error.message.contains("not a date"), "{error}");
    assert_eq!(error.position().0, Some(11), "{error}");
}
