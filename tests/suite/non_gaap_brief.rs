//! The Non-GAAP measures section of the brief, read back from the Markdown and HTML the binary
//! writes: each reconciliation adds up (the GAAP base plus the items is the non-GAAP total),
//! its rows come in order, and the section sits before the Peers section. Escaping and the
//! GAAP measure's prominence are in `non_gaap_layout.rs`.

use rust_decimal::Decimal;

use crate::harness::Test;

/// The brief of `fixture` (a file of this repository) in `format`.
pub fn brief(fixture: &str, format: &str) -> String {
    let out = Test::new()
        .copy(fixture, "company.toml")
        .args(["generate", "company.toml", "-o", "out", "--format", format])
        .run()
        .status(0);
    let slug = std::fs::read_dir(out.path("out")).expect("the output folder");
    let slug = slug.flatten().next().expect("one company").file_name();
    out.read(&format!("out/{}/brief.{format}", slug.to_string_lossy()))
}

/// The text of the section that starts at `heading`, up to the next heading of its level.
pub fn section<'a>(text: &'a str, heading: &str, next: &str) -> &'a str {
    let start = text.find(heading).expect("the section");
    let rest = &text[start + heading.len()..];
    &rest[..rest.find(next).unwrap_or(rest.len())]
}

/// A Markdown amount as it reads ("-1,234.5").
fn amount(text: &str) -> Decimal {
    let plain = text.trim().replace(',', "");
    plain
        .parse()
        .unwrap_or_else(|_| panic!("not an amount: {text:?}"))
}

/// Each reconciliation table of a Markdown section: its rows, as (name, cells).
fn tables(md: &str) -> Vec<Vec<(String, Vec<String>)>> {
    let mut tables = Vec::new();
    for block in md.split("**Reconciliation, ").skip(1) {
        let rows = block
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Line |"))
            .map(|l| {
                let cells: Vec<String> = l
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect();
                (cells[0].clone(), cells[1..].to_vec())
            });
        tables.push(rows.collect());
    }
    tables
}

#[test]
fn every_reconciliation_in_the_markdown_brief_adds_up_in_order() {
    let md = brief("tests/fixtures/non-gaap/every-check.toml", "md");
    let ours = section(&md, "## Non-GAAP measures", "\n## ");
    let tables = tables(ours);
    assert_eq!(
        tables.len(),
        3,
        "free cash flow and the two measures declared"
    );
    for rows in &tables {
        // The GAAP base first, then the items with their signs, then the non-GAAP total.
        assert!(rows[0].0.ends_with("*(GAAP)*"), "{rows:?}");
        let total = rows
            .iter()
            .position(|r| r.0.ends_with("*(non-GAAP)*"))
            .expect("a total");
        assert!(rows[1..total]
            .iter()
            .all(|r| r.0.starts_with("+ ") || r.0.starts_with("− ")));
        for column in 0..rows[0].1.len() {
            let sum: Decimal = rows[..total].iter().map(|r| amount(&r.1[column])).sum();
            assert_eq!(sum, amount(&rows[total].1[column]), "{rows:?}");
        }
    }
    // Adjusted EBITDA: 31 reconciled against 26 reported in 2025, 5 apart.
    let ebitda = &tables[1];
    assert_eq!(
        ebitda[8],
        (
            "Reported by the company".into(),
            vec!["27.5".into(), "26".into()]
        )
    );
    assert_eq!(ebitda[9].1, ["0", "-5"]);
    assert!(ours.contains("- **fail**: Adjusted EBITDA in 2025: the company reports $26M"));
    assert!(ours.contains("*Why management finds it useful:* no statement of usefulness given."));
}

#[test]
fn the_html_brief_shows_the_section_before_the_peers_in_the_same_order() {
    let html = brief("tests/fixtures/non-gaap/every-check.toml", "html");
    let ours = section(&html, "<section id=\"non-gaap\">", "</section>");
    let names: Vec<&str> = ours
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|cell| {
            &cell[..cell
                .find(" <span class=\"tag\">")
                .or(cell.find("</th>"))
                .unwrap()]
        })
        .collect();
    assert_eq!(
        &names[..3],
        [
            "Operating cash flow",
            "− Capital expenditure",
            "= Free cash flow"
        ]
    );
    assert_eq!(names[3], "Net income");
    assert_eq!(names[10], "= Adjusted EBITDA");
    assert!(html.find("id=\"non-gaap\"") < html.find("id=\"data-notes\""));
    assert!(ours.contains("<span class=\"status status-fail\">fail</span>"));
    // The section comes before the Peers section when there is one.
    let peers =
        "[company]\nname = \"P\"\ncurrency = \"USD\"\n[[period]]\nlabel = \"2025\"\nrevenue = 1\n";
    let out = Test::new()
        .copy("tests/fixtures/non-gaap/clean.toml", "clean.toml")
        .file("p.toml", peers)
        .args([
            "generate",
            "clean.toml",
            "--peers",
            "p.toml",
            "-o",
            "out",
            "--format",
            "html",
        ])
        .run()
        .status(0);
    let html = out.read("out/clean-co/brief.html");
    let at = |id: &str| {
        html.find(&format!("<section id=\"{id}\""))
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert!(at("cash") < at("non-gaap") && at("non-gaap") < at("peers"));
}
