//! The Non-GAAP measures section of the model, by hand-worked values of the fixtures in
//! `tests/fixtures/non-gaap/` (their headers show the arithmetic): each table starts at the GAAP
//! base, each item reads as the amount it adds, the total and the reported figure follow, and
//! an n/a cell carries the note of its reason.

use crate::input::{from_toml, CompanyInput};
use crate::report::context::{MeasureView, NonGaapSection};
use crate::scorecard::Thresholds;

const EVERY: &str = include_str!("../../../tests/fixtures/non-gaap/every-check.toml");
const CLEAN: &str = include_str!("../../../tests/fixtures/non-gaap/clean.toml");

/// The section of the brief of `text`, and the brief's notes as "periods: reason".
fn section(text: &str) -> (Option<NonGaapSection>, Vec<String>) {
    let input: CompanyInput = from_toml(text).unwrap_or_else(|e| panic!("{e}"));
    let analysis = crate::analysis::Analysis::of(&input, &Thresholds::default(), None);
    let model =
        super::build(&input, &analysis, None, Default::default()).expect("the model builds");
    let brief = model.brief;
    let notes = brief.footnotes.iter();
    let notes = notes
        .map(|n| format!("{}: {}", n.periods, n.reason))
        .collect();
    (brief.non_gaap, notes)
}

fn measure<'a>(section: &'a NonGaapSection, key: &str) -> &'a MeasureView {
    let found = section.measures.iter().find(|m| m.key == key);
    found.unwrap_or_else(|| panic!("no measure {key}"))
}

/// Each row of the measure's first table: its name, and each cell's text with its note.
fn rows(measure: &MeasureView) -> Vec<(String, Vec<String>)> {
    let table = &measure.tables[0];
    let text = |c: &crate::report::cell::Cell| match c.note {
        Some(note) => format!("{} [{note}]", c.text),
        None => c.text.clone(),
    };
    let rows = table.rows.iter();
    rows.map(|r| (r.name.clone(), r.cells.iter().map(text).collect()))
        .collect()
}

fn row(name: &str, cells: &[&str]) -> (String, Vec<String>) {
    (
        name.to_string(),
        cells.iter().map(|c| c.to_string()).collect(),
    )
}

#[test]
fn adjusted_ebitda_reconciles_from_net_income_item_by_item() {
    let (section, _) = section(EVERY);
    let section = section.expect("declared measures show the section");
    let keys: Vec<&str> = section.measures.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(
        keys,
        ["free_cash_flow", "adjusted_ebitda", "adjusted_cash_flow"]
    );
    let ebitda = measure(&section, "adjusted_ebitda");
    assert_eq!(ebitda.tables[0].labels, ["2024", "2025"]);
    // 2024: -47 + 12 + 3.5 + 20 + 15 + 18 + 6 = 27.5, as reported; 2025: -30 + 10 + 2 + 22
    // + 16 + 5 + 6 = 31, against 26 reported: 5 apart.
    assert_eq!(
        rows(ebitda),
        [
            row("Net income", &["-47", "-30"]),
            row("+ Interest expense", &["12", "10"]),
            row("+ Income tax", &["3.5", "2"]),
            row("+ Depreciation and amortisation", &["20", "22"]),
            row("+ Stock-based compensation", &["15", "16"]),
            row("+ Restructuring (adjustment)", &["18", "5"]),
            row("+ Office rent (adjustment)", &["6", "6"]),
            row("= Adjusted EBITDA", &["27.5", "31"]),
            row("Reported by the company", &["27.5", "26"]),
            row("Difference, reported − reconciled", &["0", "-5"]),
        ]
    );
    let tags: Vec<_> = ebitda.tables[0]
        .rows
        .iter()
        .map(|r| r.tag.as_deref())
        .collect();
    assert_eq!(tags[0], Some("GAAP"));
    assert_eq!(tags[7], Some("non-GAAP"));
    assert_eq!(
        ebitda.definition,
        "Net income + interest expense + income tax + depreciation and amortisation + \
         stock-based compensation + restructuring (adjustment) + office rent (adjustment)"
    );
    // No why: nothing to show but the check that says so.
    assert_eq!(ebitda.why, None);
    let checks: Vec<&str> = ebitda.findings.iter().map(|f| f.rule).collect();
    assert_eq!(checks.len(), 5);
    assert!(checks[4].starts_with("Regulation S-K Item 10(e)(1)(i)(C)"));
}

#[test]
fn free_cash_flow_subtracts_capex_and_a_liquidity_measure_states_its_why() {
    let (section, _) = section(EVERY);
    let section = section.expect("declared measures show the section");
    // 5 - 10 = -5 and 9 - 12 = -3; no reported figure, so no reported or difference row.
    let fcf = measure(&section, "free_cash_flow");
    assert!(fcf.built_in);
    assert_eq!(
        rows(fcf),
        [
            row("Operating cash flow", &["5", "9"]),
            row("− Capital expenditure", &["-10", "-12"]),
            row("= Free cash flow", &["-5", "-3"]),
        ]
    );
    let cash = measure(&section, "adjusted_cash_flow");
    let why = "Management uses it to judge the cash the business makes before financing.";
    assert_eq!(cash.why.as_deref(), Some(why));
    assert_eq!(
        cash.why_html.as_deref(),
        Some(format!("<p>{why}</p>\n").as_str())
    );
    assert_eq!(rows(cash)[2], row("= Adjusted cash flow", &["17", "19"]));
    assert_eq!(cash.findings[0].rule, "Regulation S-K Item 10(e)(1)(ii)(A)");
}

#[test]
fn a_missing_item_is_n_a_with_its_reason_in_the_notes() {
    // Clean Co without 2025's restructuring: that cell, the total and the difference are n/a.
    let text = CLEAN.replacen("restructuring = 4\n", "", 1);
    let (section, notes) = section(&text);
    let section = section.expect("declared measures show the section");
    let ebitda = rows(measure(&section, "adjusted_ebitda"));
    // 2024: -40 + 10 + 2 + 30 + 25 + 8 - 3 = 32, as reported. The note is the n-th of the
    // brief, after those of the series' tables.
    let note = notes
        .iter()
        .position(|n| n == "2025: the input gives no restructuring (adjustment)")
        .expect("the note of the missing item")
        + 1;
    let na = format!("n/a [{note}]");
    assert_eq!(ebitda[5], row("+ Restructuring (adjustment)", &["8", &na]));
    assert_eq!(ebitda[7], row("= Adjusted EBITDA", &["32", &na]));
    assert_eq!(
        ebitda[9],
        row("Difference, reported − reconciled", &["0", &na])
    );
    // Free cash flow, reported by Clean Co: 60 - 20 = 40 and 80 - 25 = 55, as reported.
    let fcf = rows(measure(&section, "free_cash_flow"));
    assert_eq!(fcf[3], row("Reported by the company", &["40", "55"]));
    assert_eq!(
        fcf[4],
        row("Difference, reported − reconciled", &["0", "0"])
    );
}

#[test]
fn no_section_without_measures_or_a_reported_free_cash_flow() {
    let acme = include_str!("../../../tests/fixtures/acme.toml");
    assert!(section(acme).0.is_none());
}
