//! The Plan and guidance section against values worked by hand from the four quarters of
//! `tests/fixtures/plan-actual/quarters.toml` (full units, SEK): 2025-Q1 below its range and
//! under budget (marketing over budget, rent under), Q2 on budget and within, Q3 above a point
//! guidance, Q4 with guidance and no budget. Every cell is read as the brief model presents it.

use super::{GuidanceRow, PlanActualSection, VarianceRow};
use crate::report::cell::Cell;
use crate::report::model;
use crate::report::notes::Note;

const QUARTERS: &str = include_str!("../../../../tests/fixtures/plan-actual/quarters.toml");

/// The section and the brief's notes of an input written in TOML.
fn section(text: &str) -> (Option<PlanActualSection>, Vec<Note>) {
    let input = crate::input::from_toml(text).unwrap_or_else(|e| panic!("{e}"));
    let analysis = crate::analyse(&input, &Default::default(), None);
    let model = model::build(&input, &analysis, None, Default::default()).expect("the model");
    (model.brief.plan_actual, model.brief.footnotes)
}

fn shown(cell: &Cell) -> (&str, Option<&str>) {
    (cell.text.as_str(), cell.tone)
}

fn row<'a>(section: &'a PlanActualSection, period: &str, name: &str) -> &'a VarianceRow {
    let table = section.budgets.iter().find(|t| t.label == period).unwrap();
    table.rows.iter().find(|r| r.name == name).unwrap()
}

/// The reason of the note a cell (or its row) points at.
fn reason(notes: &[Note], number: Option<usize>) -> &str {
    &notes[number.expect("a note") - 1].reason
}

#[test]
fn revenue_under_budget_and_a_cost_line_over_and_under() {
    let (section, notes) = section(QUARTERS);
    let section = section.expect("a section");
    // Revenue 100 against 110: -10, -10 / 110 = -9.1%, unfavourable.
    let revenue = row(&section, "2025-Q1", "Revenue");
    assert_eq!(shown(&revenue.actual), ("100", None));
    assert_eq!(shown(&revenue.budget), ("110", None));
    assert_eq!(shown(&revenue.variance), ("-10", Some("bad")));
    assert_eq!(shown(&revenue.variance_pct), ("▼ -9.1%", Some("bad")));
    assert_eq!(
        (revenue.verdict, revenue.tone),
        ("unfavourable", Some("bad"))
    );
    // Marketing 30 against 25: +5, +20%, over budget: unfavourable.
    let marketing = row(&section, "2025-Q1", "Marketing");
    assert_eq!(shown(&marketing.variance), ("+5", Some("bad")));
    assert_eq!(shown(&marketing.variance_pct), ("▲ +20.0%", Some("bad")));
    assert_eq!(marketing.verdict, "unfavourable");
    // Rent 10 against 12: -2, -2 / 12 = -16.7%, under budget: favourable.
    let rent = row(&section, "2025-Q1", "Rent");
    assert_eq!(shown(&rent.variance), ("-2", Some("good")));
    assert_eq!(shown(&rent.variance_pct), ("▼ -16.7%", Some("good")));
    assert_eq!((rent.verdict, rent.tone), ("favourable", Some("good")));
    // Opex % of revenue, 40% against 37 / 110 = 33.6%: +6.4 points, and no % (with why).
    let share = row(&section, "2025-Q1", "Opex, % of revenue");
    assert_eq!(shown(&share.variance), ("+6.4 pp", Some("bad")));
    assert_eq!(share.variance_pct.text, "n/a");
    let why = reason(&notes, share.variance_pct.note);
    assert!(why.contains("percentage points"), "{why}");
    // Headcount 52 against 50 has no good direction; Q2's revenue is on budget.
    assert_eq!(
        row(&section, "2025-Q1", "Headcount, period end").verdict,
        "neutral"
    );
    let on_budget = row(&section, "2025-Q2", "Revenue");
    assert_eq!(
        (on_budget.verdict, on_budget.variance.text.as_str()),
        ("on budget", "0")
    );
}

#[test]
fn a_period_without_a_budget_is_named_with_its_note() {
    let (section, notes) = section(QUARTERS);
    let section = section.expect("a section");
    let labels: Vec<&str> = section.budgets.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["2025-Q1", "2025-Q2", "2025-Q3"]);
    let unbudgeted = section.unbudgeted.expect("Q4 has no budget");
    assert_eq!(unbudgeted.labels, ["2025-Q4"]);
    let note = &notes[unbudgeted.note.expect("a note") - 1];
    assert_eq!(note.periods, "2025-Q4");
    assert_eq!(note.reason, "the input gives no budget for this period");
}

#[test]
fn guidance_below_within_and_above() {
    let (section, _) = section(QUARTERS);
    let guidance = section.expect("a section").guidance;
    let at = |n: usize| -> &GuidanceRow { &guidance[n - 1] };
    // Q1: 100 below [105, 115]; midpoint 110: -10, -9.1%; given on 2025-01-20.
    assert_eq!((at(1).position, at(1).tone), ("below", Some("bad")));
    assert_eq!(
        (at(1).low.text.as_str(), at(1).high.text.as_str()),
        ("105", "115")
    );
    assert_eq!(shown(&at(1).from_midpoint_pct), ("▼ -9.1%", Some("bad")));
    assert_eq!(at(1).from_midpoint.as_ref().unwrap().text, "-10");
    assert_eq!(at(1).given.as_deref(), Some("2025-01-20"));
    // Q2: 120 within [115, 125], on its midpoint.
    assert_eq!((at(2).position, at(2).tone), ("within", Some("neutral")));
    // Q3: 130 above the point guidance 126: +4, 4 / 126 = +3.2%.
    assert_eq!((at(3).position, at(3).tone), ("above", Some("good")));
    assert!(at(3).point);
    assert_eq!(shown(&at(3).from_midpoint_pct), ("▲ +3.2%", Some("good")));
    assert_eq!(at(3).from_midpoint.as_ref().unwrap().text, "+4");
}

#[test]
fn accuracy_over_the_last_4_quarters_and_no_repeated_8() {
    let (section, _) = section(QUARTERS);
    let accuracy = section.expect("a section").accuracy;
    let names: Vec<&str> = accuracy.iter().map(|a| a.name.as_str()).collect();
    // Four quarters: the last 8 would repeat the last 4's row.
    assert_eq!(names, ["Last 4 quarters"]);
    let four = &accuracy[0];
    // Errors -9.09%, 0%, +4%: mean absolute (9.09 + 0 + 4) / 3 = 4.36%, bias -1.70%.
    assert_eq!(four.budget_periods, 3);
    assert_eq!(four.mape.text, "4.4%");
    assert_eq!(four.bias.text, "▼ -1.7%");
    assert_eq!(four.budgets.as_deref(), Some("budgets high"));
    // Q1 missed its low end; Q2, Q3 and Q4 reached it: 3 of 4, 75%.
    assert_eq!((four.at_or_above, four.guidance_periods), (Some(3), 4));
    assert_eq!(four.at_or_above_pct.text, "75.0%");
}

#[test]
fn an_actual_the_period_does_not_give_is_na_with_one_note_beside_its_row() {
    // Q2 budgets a headcount its actual figures do not give (a warning in the input).
    let text = QUARTERS.replacen(
        "[period.budget]\nrevenue = 120\n",
        "[period.budget]\nrevenue = 120\nheadcount_end = 60\n",
        1,
    );
    let (section, notes) = section(&text);
    let section = section.expect("a section");
    let headcount = row(&section, "2025-Q2", "Headcount, period end");
    assert_eq!(headcount.actual.text, "n/a");
    assert_eq!(headcount.budget.text, "60");
    assert_eq!(headcount.verdict, "n/a");
    // Actual, variance and variance % are n/a for one reason: one mark, beside the name.
    assert!(headcount.actual.note.is_none() && headcount.variance.note.is_none());
    // The reason as the brief's tables give it, so they share one note.
    let why = reason(&notes, headcount.note);
    assert_eq!(why, "the input gives no headcount, period end");
}
