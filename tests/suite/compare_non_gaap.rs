//! `ipobrief compare` of companies with non-GAAP measures, through the binary: the group in
//! the terminal table, compare.md, compare.json and (with the `pdf` feature) compare.pdf, each
//! GAAP base before its measures. The values, worked by hand, are checked in
//! `src/compare/non_gaap_tests.rs`; compare.xlsx recomputed in `workbook_non_gaap.rs`.

use crate::harness::{Output, Test};

const CLEAN: &str = "tests/fixtures/non-gaap/clean.toml";
const EVERY_CHECK: &str = "tests/fixtures/non-gaap/every-check.toml";

fn compare(args: &[&str]) -> Output {
    Test::new()
        .copy(CLEAN, "clean.toml")
        .copy(EVERY_CHECK, "every-check.toml")
        .env("NO_COLOR", "1")
        .args(["compare"])
        .args(args)
        .run()
        .status(0)
}

/// `text` holds `parts` in this order.
#[track_caller]
fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("no {part:?} after byte {from} in:\n{text}"));
        from += at + part.len();
    }
}

#[test]
fn every_output_shows_each_gaap_base_before_its_measures() {
    let run = compare(&[
        "clean.toml",
        "every-check.toml",
        "--period",
        "2025",
        "-o",
        "out",
    ]);
    let order = [
        "Non-GAAP measures",
        "Operating cash flow (GAAP)",
        "Free cash flow",
        "Net income (GAAP)",
        "Adjusted EBITDA",
        "Adjusted EBITDA, as reported",
    ];
    in_order(&run.stdout, &order);
    let markdown = run.read("out/compare.md");
    in_order(&markdown, &order);
    assert!(markdown.contains("| Adjusted EBITDA | 67 | 31 | -36 (-53.7%) · bad |"));
    let json: serde_json::Value = serde_json::from_str(&run.read("out/compare.json")).unwrap();
    let row = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "non_gaap.adjusted_ebitda")
        .unwrap();
    assert_eq!(row["group"], "Non-GAAP measures");
    assert_eq!(row["cells"][1]["value"], serde_json::json!(31000000));
    in_order(&run.read("out/compare.html"), &order);
    // pdftotext reads a table's cells in an order of its own: the PDF holds each row.
    #[cfg(feature = "pdf")]
    if let Some(text) = crate::pdf::pdf_text(&run.path("out/compare.pdf")) {
        for part in order {
            assert!(text.contains(part), "no {part:?} in:\n{text}");
        }
    }
}
