//! The plan-against-actual criteria pass, watch and fail on inputs built for each.

use super::super::{evaluate, Criterion, Status, ThresholdSource, Thresholds, ThresholdsFile};

/// A quarter: revenue, budgeted revenue, revenue guidance [low, high].
type Quarter = (u32, Option<u32>, Option<(u32, u32)>);

/// Quarters of 2025 and on.
fn quarters(rows: &[Quarter]) -> String {
    let mut text = String::new();
    for (n, (revenue, budget, guidance)) in rows.iter().enumerate() {
        let label = format!("{}-Q{}", 2025 + n / 4, n % 4 + 1);
        text.push_str(&format!(
            "[[period]]\nlabel = \"{label}\"\nrevenue = {revenue}\n"
        ));
        if let Some(budget) = budget {
            text.push_str(&format!("[period.budget]\nrevenue = {budget}\n"));
        }
        if let Some((low, high)) = guidance {
            text.push_str(&format!("[period.guidance]\nrevenue = [{low}, {high}]\n"));
        }
    }
    text
}

fn judged(readiness: &str, rows: &str, thresholds: &Thresholds) -> Vec<Criterion> {
    let text = format!("[company]\nname = \"Acme\"\ncurrency = \"USD\"\n{readiness}\n{rows}");
    let input = crate::input::from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let metrics = crate::metrics::compute(&input);
    let card = evaluate(&input, &metrics, None, thresholds);
    card.criteria
        .into_iter()
        .filter(|c| c.id == "revenue_at_guidance" || c.id == "revenue_within_budget")
        .collect()
}

fn statuses(criteria: &[Criterion]) -> Vec<(&str, Status, &str)> {
    criteria
        .iter()
        .map(|c| (c.id.as_str(), c.status, c.figure.as_str()))
        .collect()
}

#[test]
fn both_pass_on_a_company_that_keeps_its_word() {
    // Errors against budget: -2%, +2%, -4%, +4% (of 100): mean absolute 3% <= 5%.
    // Guidance low ends 95, 95, 100, 90: reached in Q1, Q2 and Q4 (Q3's 96 < 100): 3 of 4.
    let rows = quarters(&[
        (98, Some(100), Some((95, 105))),
        (102, Some(100), Some((95, 105))),
        (96, Some(100), Some((100, 110))),
        (104, Some(100), Some((90, 110))),
    ]);
    let criteria = judged("", &rows, &Thresholds::default());
    assert_eq!(
        statuses(&criteria),
        [
            ("revenue_at_guidance", Status::Pass, "3 of 4"),
            ("revenue_within_budget", Status::Pass, "3.0%")
        ]
    );
    assert_eq!(criteria[0].threshold_source, ThresholdSource::Default);
    assert_eq!(criteria[1].value, Some(3.0));
}

#[test]
fn both_fail_on_a_company_that_misses() {
    // Errors -10%, -10%, -10%, 0%: mean 7.5% > 5%. Guidance reached only in Q4: 1 of 4.
    let rows = quarters(&[
        (90, Some(100), Some((95, 105))),
        (90, Some(100), Some((95, 105))),
        (90, Some(100), Some((95, 105))),
        (100, Some(100), Some((95, 105))),
    ]);
    let criteria = judged("", &rows, &Thresholds::default());
    assert_eq!(
        statuses(&criteria),
        [
            ("revenue_at_guidance", Status::Fail, "1 of 4"),
            ("revenue_within_budget", Status::Fail, "7.5%")
        ]
    );
}

#[test]
fn too_few_quarters_are_a_watch_and_no_plan_lists_neither() {
    let rows = quarters(&[(100, Some(100), Some((95, 105))), (100, None, None)]);
    let criteria = judged("", &rows, &Thresholds::default());
    assert_eq!(
        statuses(&criteria),
        [
            ("revenue_at_guidance", Status::Watch, "n/a"),
            ("revenue_within_budget", Status::Watch, "n/a")
        ]
    );
    let rows = quarters(&[(100, None, None), (100, None, None)]);
    assert!(judged("", &rows, &Thresholds::default()).is_empty());
}

#[test]
fn thresholds_come_from_readiness_and_the_thresholds_file() {
    // Mean error 3% against a company bar of 2%: a fail; 3 of 4 against a file's bar of 4.
    let rows = quarters(&[
        (98, Some(100), Some((95, 105))),
        (102, Some(100), Some((95, 105))),
        (96, Some(100), Some((100, 110))),
        (104, Some(100), Some((90, 110))),
    ]);
    let file = ThresholdsFile {
        min_quarters_at_guidance: Some(4),
        ..ThresholdsFile::default()
    };
    let readiness = "[readiness]\nmax_budget_error_pct = 2\nmin_quarters_at_guidance = 2\n";
    let criteria = judged(readiness, &rows, &Thresholds::from_file(&file));
    assert_eq!(
        (criteria[0].status, criteria[0].threshold_source),
        (Status::Fail, ThresholdSource::ThresholdsFile)
    );
    assert_eq!(
        (criteria[1].status, criteria[1].threshold.as_str()),
        (Status::Fail, "<= 2%")
    );
    assert_eq!(criteria[1].threshold_source, ThresholdSource::CompanyFile);
}

#[test]
fn a_guided_top_line_is_judged_as_revenue_guidance_and_says_so() {
    // Product revenue 90, 96, 99, 103 against guided [92, 94], [95, 96], [100, 101], [100, 102]:
    // the low end is reached in Q2 (96 >= 95) and Q4 (103 >= 100), not in Q1 or Q3: 2 of 4.
    let quarter = |n: usize, actual: u32, (low, high): (u32, u32)| {
        format!(
            "[[period]]\nlabel = \"2025-Q{n}\"\nrevenue = 120\n[period.values]\n\
             product_revenue = {actual}\n[period.guidance.values]\nproduct_revenue = [{low}, {high}]\n"
        )
    };
    let rows: String = [
        (90, (92, 94)),
        (96, (95, 96)),
        (99, (100, 101)),
        (103, (100, 102)),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (actual, range))| quarter(i + 1, actual, range))
    .collect();
    let top_line = "[values.product_revenue]\nname = \"Product revenue\"\ntop_line = true\n";
    let criteria = judged(top_line, &rows, &Thresholds::default());
    assert_eq!(
        statuses(&criteria),
        [
            ("revenue_at_guidance", Status::Fail, "2 of 4"),
            ("revenue_within_budget", Status::Watch, "n/a")
        ]
    );
    assert!(
        criteria[0]
            .why
            .contains("judged on product revenue, the top line the company guides on"),
        "{}",
        criteria[0].why
    );
    // Without `top_line` the value's guidance is shown but not judged as revenue guidance.
    let criteria = judged("", &rows, &Thresholds::default());
    assert_eq!(
        statuses(&criteria),
        [
            ("revenue_at_guidance", Status::Watch, "n/a"),
            ("revenue_within_budget", Status::Watch, "n/a")
        ]
    );
}
