//! Issue 19: the example brief's notes on n/a values are few, grouped by reason, name their
//! periods as ranges and speak in the brief's words (never a field name); its quarter tables
//! show year-over-year revenue growth wherever the input has the quarter a year earlier.

use std::fs;

use crate::harness::root;

fn committed(name: &str) -> String {
    fs::read_to_string(root().join("reports/klarna-group-plc").join(name))
        .expect("the committed example brief")
}

/// The text of each note definition of a Markdown brief (`[^3]: 2022: ...`).
fn notes(md: &str) -> Vec<&str> {
    md.lines()
        .filter(|line| line.starts_with("[^"))
        .filter_map(|line| line.split_once("]: ").map(|(_, text)| text))
        .collect()
}

/// Whether a note is the Peers section's: it names each peer and its fiscal year.
fn is_peers(note: &str) -> bool {
    note.contains(", FY20")
}

/// The cells of a Markdown table row that starts with `| name`, after the first table heading
/// `heading` (e.g. the quarters' growth table).
fn row_after<'a>(md: &'a str, heading: &str, name: &str) -> Vec<&'a str> {
    let start = md.find(heading).expect("the heading");
    let line = md[start..]
        .lines()
        .find(|line| line.starts_with(&format!("| {name}")))
        .expect("the row");
    line.trim_matches('|').split('|').map(str::trim).collect()
}

#[test]
fn the_example_brief_has_at_most_sixteen_notes_in_the_briefs_own_words() {
    let md = committed("brief.md");
    let notes = notes(&md);
    assert!(!notes.is_empty(), "the example has n/a values with notes");
    // Twelve for the metric sections and peers, and up to four for the Non-GAAP section's
    // reconciliation, whose items Klarna's public figures give only for some periods.
    assert!(notes.len() <= 16, "{} notes: {notes:#?}", notes.len());
    for note in &notes {
        // No field name ("headcount_end", "ai.fte_equivalent"), escaped or not.
        assert!(!note.contains('_'), "a field name in {note:?}");
        assert!(!note.contains(".fte"), "a field name in {note:?}");
        // Each names its periods first: "2022: ..." or "2024-Q1 to 2024-Q4: ...", but the
        // Peers section's note, which names each peer and its fiscal year.
        assert!(
            (note.starts_with("20") || is_peers(note)) && note.contains(": "),
            "no periods in {note:?}"
        );
    }
    // Notes are distinct: one reason for neighbouring periods is one note.
    let mut distinct = notes.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), notes.len());
    // Neighbouring periods with one reason are named as a range.
    assert!(
        notes.iter().any(|n| n.contains(" to ")),
        "no range among {notes:#?}"
    );
}

#[test]
fn the_example_quarters_show_revenue_growth_a_year_on() {
    let md = committed("brief.md");
    let cells = row_after(&md, "### Quarters", "Revenue growth, YoY");
    let labels = row_after(&md, "### Quarters", "Metric");
    assert_eq!(cells.len(), labels.len());
    let year_earlier = |label: &str| -> String {
        let (year, quarter) = label.split_once("-Q").expect("a quarter");
        format!("{}-Q{quarter}", year.parse::<i32>().expect("a year") - 1)
    };
    let mut with_growth = 0;
    for (label, cell) in labels.iter().zip(&cells).skip(1) {
        // Growth wherever the quarter a year earlier is in the table, n/a elsewhere.
        if labels.contains(&year_earlier(label).as_str()) {
            assert!(cell.contains('%'), "{label}: {cell}");
            with_growth += 1;
        } else {
            assert_eq!(*cell, "n/a", "{label}");
        }
    }
    // 2025-Q2 to 2025-Q4 against 2024's quarters, and 2026-Q1 against 2025-Q1.
    assert!(with_growth >= 4, "{with_growth} quarters with growth");
    // 2025-Q4: 1,082 against 784 a year earlier: 298 / 784 = 38.0%, the +38% Klarna reported.
    let q4 = labels
        .iter()
        .position(|l| *l == "2025-Q4")
        .expect("2025-Q4");
    assert_eq!(cells[q4], "▲ +38.0%");
}

#[test]
fn the_html_brief_lists_the_same_notes_with_their_periods() {
    let md = committed("brief.md");
    let html = committed("brief.html");
    let count = notes(&md).len();
    assert_eq!(html.matches("<li id=\"fn-").count(), count);
    let peers = notes(&md).into_iter().filter(|n| is_peers(n)).count();
    assert_eq!(
        html.matches("<span class=\"periods\">").count(),
        count - peers,
        "each note names its periods (the Peers note names each peer's fiscal year)"
    );
    // A row whose n/a cells share one reason links its note from its name.
    // (Loaded cost per employee: no personnel cost from 2022 to 2024.)
    assert!(html.contains(
        "<th scope=\"row\">Loaded cost per employee (annualised)<sup class=\"fn\"><a href=\"#fn-"
    ));
}

#[test]
fn metrics_json_gives_every_reason_in_words() {
    let json: serde_json::Value =
        serde_json::from_str(&committed("metrics.json")).expect("metrics.json parses");
    let mut reasons = 0;
    for period in json["periods"].as_array().expect("periods") {
        for (key, reason) in period["unavailable"].as_object().expect("a map") {
            let reason = reason.as_str().expect("a reason in words");
            assert!(!reason.contains('_'), "{key}: {reason:?} names a field");
            reasons += 1;
        }
    }
    assert!(reasons > 0);
}

/// A series with nothing to show in a section (the fixture's quarters have no cash figures)
/// gets no sub-heading there, only the line naming the figures no quarter has; where it has
/// rows, its sub-heading stays.
#[test]
fn a_series_with_nothing_in_a_section_gets_a_line_not_a_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::harness::Test::in_dir(root())
        .args([
            "generate",
            "tests/fixtures/every-section.toml",
            "--format",
            "md,html",
            "-o",
        ])
        .args([dir.path()])
        .run()
        .status(0);
    let folder = fs::read_dir(dir.path())
        .expect("the output folder")
        .filter_map(Result::ok)
        .find(|entry| entry.path().is_dir())
        .expect("the company's folder")
        .path();
    let md = fs::read_to_string(folder.join("brief.md")).expect("brief.md");
    let cash = &md[md
        .find("## Profitability and cash")
        .expect("the cash section")..];
    let cash = &cash[..cash.find("\n## ").expect("the next section")];
    assert!(cash.contains("### Fiscal years"), "{cash}");
    assert!(!cash.contains("### Quarters"), "{cash}");
    assert!(
        cash.contains("\nQuarters: not shown, as no period has the figures: Gross profit;"),
        "{cash}"
    );
    // Sections where the quarters have rows keep their sub-heading.
    let growth =
        &md[md.find("## Growth").expect("growth")..md.find("## Efficiency").expect("next")];
    assert!(growth.contains("### Quarters"), "{growth}");
    let html = fs::read_to_string(folder.join("brief.html")).expect("brief.html");
    let cash = &html[html
        .find("<section id=\"cash\">")
        .expect("the cash section")..];
    let cash = &cash[..cash.find("</section>").expect("its end")];
    assert!(!cash.contains("<h3>Quarters</h3>"), "{cash}");
    assert!(
        cash.contains("<p class=\"small\">Quarters: not shown"),
        "{cash}"
    );
}
