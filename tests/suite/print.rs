//! The brief on paper (issue 12): the print stylesheet keeps headings with what follows them,
//! lets long tables break between rows with their header repeated, and does not leave pages
//! mostly empty after a chart. Checked in the stylesheet, and on the example printed to PDF by
//! headless Chromium and read back with `pdftotext` (skipped with a message where either is
//! missing, failed with `IPOBRIEF_REQUIRE_TOOLS=1`; `.ci/run` installs both).

use std::path::Path;
use std::process::{Command, Stdio};

use crate::harness::Test;
use crate::tools;

const STYLE: &str = include_str!("../../templates/style.css");
const README: &str = include_str!("../../README.md");

/// The declarations of the print stylesheet, one rule per item: (selectors, declarations).
fn print_rules() -> Vec<(String, String)> {
    let start = STYLE.find("@media print").expect("a print stylesheet");
    let body = &STYLE[start..];
    let mut rules = Vec::new();
    let mut rest = &body[body.find('{').map_or(0, |i| i + 1)..];
    while let (Some(open), Some(close)) = (rest.find('{'), rest.find('}')) {
        if close < open {
            break; // the end of the @media block
        }
        let selectors = rest[..open].rsplit("*/").next().unwrap_or_default();
        rules.push((
            selectors.trim().to_string(),
            rest[open + 1..close].trim().to_string(),
        ));
        rest = &rest[close + 1..];
    }
    rules
}

/// Whether a print rule naming `selector` among its selectors declares `declaration`.
fn declares(selector: &str, declaration: &str) -> bool {
    print_rules().iter().any(|(selectors, body)| {
        selectors.split(',').any(|s| s.trim() == selector) && body.contains(declaration)
    })
}

/// Regression: whole tables were kept on one page, so a long table left the page before it
/// half empty and its heading alone at the foot; the header row was not repeated.
#[test]
fn print_css_breaks_tables_between_rows_and_keeps_headings_with_their_content() {
    assert!(
        !declares("table", "break-inside: avoid"),
        "a whole table must be allowed to break"
    );
    assert!(declares("tr", "break-inside: avoid"));
    assert!(declares("thead", "display: table-header-group"));
    for heading in ["h2", "h3", "caption", "h2 + p"] {
        assert!(declares(heading, "break-after: avoid"), "{heading}");
    }
    assert!(
        !print_rules()
            .iter()
            .any(|(_, body)| body.contains("break-before: page")),
        "no chart or section is forced onto a new page"
    );
}

/// Regression: a quarter label in a column header wrapped inside itself ("2025-" / "Q1").
#[test]
fn period_column_headers_never_wrap() {
    assert!(
        STYLE.contains("thead th { white-space: nowrap; }"),
        "period headers keep their label on one line"
    );
}

/// Regression: a blank line cut the README's commands table in two, so `import`, `init` and
/// `completions` rendered as a paragraph of pipes.
#[test]
fn the_readme_commands_table_is_one_table() {
    let start = README
        .find("| Command | What it does |")
        .expect("the commands table");
    let rows: Vec<&str> = README[start..]
        .lines()
        .take_while(|line| line.starts_with('|'))
        .collect();
    for command in [
        "ipobrief generate [INPUT]",
        "ipobrief metrics",
        "ipobrief check",
        "ipobrief import sec",
        "ipobrief init",
        "ipobrief completions",
    ] {
        assert!(
            rows.iter().any(|row| row.contains(command)),
            "`{command}` is not a row of the commands table"
        );
    }
}

/// One printed page: its height and each line of text as (top, text), top to bottom.
struct Page {
    height: f64,
    lines: Vec<(f64, String)>,
}

/// The pages of a PDF, from `pdftotext -bbox` (words with their boxes, in points).
fn pages(pdftotext: &Path, pdf: &Path) -> Vec<Page> {
    let output = Command::new(pdftotext)
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let attribute = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        tag.find(&key)
            .and_then(|i| tag[i + key.len()..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_default()
    };
    text.split("<page ")
        .skip(1)
        .map(|page| {
            let height = attribute(page, "height");
            let mut lines: Vec<(f64, String)> = Vec::new();
            for word in page.split("<word ").skip(1) {
                let top = attribute(word, "yMin");
                let text = word
                    .split('>')
                    .nth(1)
                    .and_then(|t| t.split('<').next())
                    .unwrap_or_default()
                    .replace("&amp;", "&");
                match lines.iter_mut().find(|(y, _)| (*y - top).abs() < 2.0) {
                    Some((_, line)) => {
                        line.push(' ');
                        line.push_str(&text);
                    }
                    None => lines.push((top, text)),
                }
            }
            lines.sort_by(|a, b| a.0.total_cmp(&b.0));
            Page { height, lines }
        })
        .collect()
}

/// The example printed on A4: no heading is the last line of a page, and no page but the last
/// is more than 40% empty (the chart that did not fit used to leave 40-60% of a page blank).
#[test]
fn the_printed_example_keeps_headings_with_content_and_fills_its_pages() {
    let (Some(chromium), Some(pdftotext)) = (
        tools::find(&tools::CHROMIUM),
        tools::find(&tools::PDFTOTEXT),
    ) else {
        return;
    };
    let generate = Test::new().args(["generate", "-o", "."]).run().status(0);
    let html = generate.path("klarna-group-plc/brief.html");
    let pdf = generate.path("brief.pdf");
    let profile = tempfile::tempdir().unwrap();
    let printed = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "chromium printed no PDF: {printed:?}");

    let source = std::fs::read_to_string(&html).unwrap();
    let headings: Vec<String> = source
        .split("<h")
        .skip(1)
        .filter(|tag| tag.starts_with('2') || tag.starts_with('3'))
        .filter_map(|tag| {
            tag.split_once('>')
                .and_then(|(_, rest)| rest.split("</h").next())
        })
        .map(|text| text.replace("&amp;", "&").trim().to_string())
        .collect();
    assert!(headings.iter().any(|h| h == "Readiness scorecard"));

    let pages = pages(&pdftotext, &pdf);
    assert!(pages.len() > 3, "the example prints on several pages");
    for (number, page) in pages.iter().enumerate().map(|(i, p)| (i + 1, p)) {
        let Some((bottom, last)) = page.lines.last() else {
            panic!("page {number} is blank");
        };
        assert!(
            !headings.contains(last),
            "page {number} ends with the heading \"{last}\", alone at its foot"
        );
        if number < pages.len() {
            let filled = bottom / page.height;
            assert!(
                filled > 0.6,
                "page {number} is only {:.0}% filled; its last line is \"{last}\"",
                filled * 100.0
            );
        }
    }
}
