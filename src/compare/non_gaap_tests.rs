//! Non-GAAP measures side by side, against figures worked by hand from the fixtures
//! (`tests/fixtures/non-gaap/`, USD millions): each GAAP base first, then the measures
//! reconciled from it and the figures as reported, in every output of a comparison.

use super::tests::compare;
use super::{Comparison, Row};
use crate::input::{self, Format, ReadOptions};
use crate::scorecard::Thresholds;

const CLEAN: &str = include_str!("../../tests/fixtures/non-gaap/clean.toml");
const EVERY_CHECK: &str = include_str!("../../tests/fixtures/non-gaap/every-check.toml");

fn metrics(text: &str) -> crate::metrics::Metrics {
    let input = input::parse(text, "t.toml", Format::Toml, &ReadOptions::default()).unwrap();
    crate::analyse(&input, &Thresholds::default(), None).metrics
}

fn non_gaap(comparison: &Comparison) -> Vec<&Row> {
    let rows = comparison.rows.iter();
    rows.filter(|r| r.group == super::rows_non_gaap::GROUP)
        .collect()
}

fn texts(row: &Row) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

/// Clean Co, 2024 against 2025. Adjusted EBITDA: -40 + 10 + 2 + 30 + 25 + 8 - 3 = 32, then
/// -10 + 11 + 3 + 32 + 27 + 4 + 0 = 67, up 35 (35 / 32 = +109.4%), as reported both years.
/// EBITDA: -40 + 10 + 2 + 30 = 2, then -10 + 11 + 3 + 32 = 36, up 34 (+1700.0%). Free cash
/// flow: 60 - 20 = 40, then 80 - 25 = 55, each after operating cash flow.
#[test]
fn periods_show_each_base_then_its_measures_worked_by_hand() {
    let comparison = compare(&[metrics(CLEAN)], &["2024", "2025"], None);
    let rows = non_gaap(&comparison);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Operating cash flow (GAAP)",
            "Free cash flow",
            "Free cash flow, as reported",
            "Net income (GAAP)",
            "Adjusted EBITDA",
            "Adjusted EBITDA, as reported",
            "EBITDA",
        ]
    );
    let expected: [(&str, [&str; 2], &str); 7] = [
        ("Operating cash flow (GAAP)", ["60", "80"], "+20 (+33.3%)"),
        ("Free cash flow", ["40", "55"], "+15 (+37.5%)"),
        ("Free cash flow, as reported", ["40", "55"], "+15 (+37.5%)"),
        (
            "Net income (GAAP)",
            ["-40", "-10"],
            "+30 (% n/m: negative base)",
        ),
        ("Adjusted EBITDA", ["32", "67"], "+35 (+109.4%)"),
        (
            "Adjusted EBITDA, as reported",
            ["32", "67"],
            "+35 (+109.4%)",
        ),
        ("EBITDA", ["2", "36"], "+34 (+1700.0%)"),
    ];
    for ((name, cells, change), row) in expected.iter().zip(&rows) {
        assert_eq!(texts(row), cells, "{name}");
        assert_eq!(row.changes[0].text, *change, "{name}");
    }
    assert_eq!(rows[4].key, "non_gaap.adjusted_ebitda");
    let total = rows[4].cells[1].value.map(|v| v.as_f64());
    assert_eq!(total, Some(67_000_000.0));
}

/// Clean Co against Every Check Inc for 2025: Every Check's adjusted EBITDA is -30 + 10 + 2 +
/// 22 + 16 + 5 + 6 = 31 (26 reported), 36 below Clean Co's 67 (-53.7%). Every Check defines
/// no EBITDA measure, Clean Co no adjusted cash flow (Every Check's: 9 + 10 = 19), and Every
/// Check reports no free cash flow: each n/a with the reason.
#[test]
fn peers_show_each_companys_measures_and_say_why_one_is_missing() {
    let companies = [metrics(CLEAN), metrics(EVERY_CHECK)];
    let comparison = compare(&companies, &[], Some("2025"));
    let rows = non_gaap(&comparison);
    let row = |name: &str| *rows.iter().find(|r| r.name == name).unwrap();
    assert_eq!(texts(row("Adjusted EBITDA")), ["67", "31"]);
    assert_eq!(row("Adjusted EBITDA").changes[0].text, "-36 (-53.7%)");
    assert_eq!(texts(row("Adjusted EBITDA, as reported")), ["67", "26"]);
    assert_eq!(texts(row("Adjusted cash flow")), ["n/a", "19"]);
    assert_eq!(texts(row("EBITDA")), ["36", "n/a"]);
    let note = row("EBITDA").cells[1].note.unwrap();
    assert_eq!(
        comparison.notes[note - 1],
        "Every Check Inc, EBITDA: the company defines no such measure"
    );
    let note = row("Free cash flow, as reported").cells[1].note.unwrap();
    assert!(comparison.notes[note - 1].ends_with("the company reports no figure for this period"));
}

/// A company that shows no non-GAAP measure has no such rows: its comparison reads as before.
#[test]
fn a_company_without_measures_has_no_non_gaap_rows() {
    let acme = include_str!("../../tests/fixtures/acme.toml");
    let comparison = compare(
        &[super::tests::metrics(acme, "acme.toml")],
        &["2023", "2024"],
        None,
    );
    assert!(non_gaap(&comparison).is_empty());
    assert!(!comparison.empty_rows.iter().any(|r| r.contains("GAAP")));
}

/// compare.md, compare.html and the terminal table show the group and its rows.
#[test]
fn every_text_output_shows_the_measures() {
    let comparison = compare(&[metrics(CLEAN)], &["2024", "2025"], None);
    let settings = super::render::settings(None, Default::default(), None).unwrap();
    let files = super::render::files(&comparison, &settings).unwrap();
    let text = |name: &str| {
        let file = files
            .iter()
            .find(|f| f.path.to_str() == Some(name))
            .unwrap();
        String::from_utf8(file.bytes().unwrap().to_vec()).unwrap()
    };
    let markdown = text("compare.md");
    assert!(markdown.contains("| **Non-GAAP measures** |"), "{markdown}");
    assert!(markdown.contains("| Adjusted EBITDA | 32 | 67 | +35 (+109.4%) · good |"));
    let html = text("compare.html");
    assert!(html.contains("Non-GAAP measures</th>"), "{html}");
    assert!(html.contains("Net income (GAAP)"));
    let mut terminal = Vec::new();
    super::terminal::write(&mut terminal, &comparison).unwrap();
    let terminal = String::from_utf8(terminal).unwrap();
    let line = terminal
        .lines()
        .find(|l| l.starts_with("Adjusted EBITDA "))
        .unwrap();
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[2..6], ["32", "67", "+35", "(+109.4%)"], "{line}");
}
