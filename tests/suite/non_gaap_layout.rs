//! How the brief lays out non-GAAP figures: a measure's name and `why` stay text in every
//! format, and a non-GAAP figure never shows before, or without, its GAAP measure.

use crate::harness::{root, Test};
use crate::non_gaap_brief::{brief, section};

/// A measure's name and `why` are the company's words: text in every format, never markup.
#[test]
fn a_hostile_measure_name_and_why_stay_text() {
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/non-gaap/clean.toml"))
        .expect("the fixture");
    let hostile = fixture
        .replace(
            "name = \"EBITDA\"",
            "name = \"<script>alert(1)</script> {{ x }} a|b\"",
        )
        .replace(
            "why = \"Lenders' covenants are set on EBITDA.\"",
            "why = \"<script>alert(2)</script> {{ y }} c|d <img src=x onerror=alert(3)>\"",
        );
    assert_ne!(hostile, fixture);
    let out = Test::new()
        .file("clean.toml", hostile)
        .args(["generate", "clean.toml", "-o", "out", "--format", "md,html"])
        .run()
        .status(0);
    let html = out.read("out/clean-co/brief.html");
    assert!(
        !html.contains("<script>alert") && !html.contains("<img src=x"),
        "markup got through"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt; {{ x }} a|b"));
    let md = out.read("out/clean-co/brief.md");
    let ours = section(&md, "## Non-GAAP measures", "\n## ");
    assert!(
        !ours.contains("<script>") && !ours.contains("<img"),
        "{ours}"
    );
    // In a table row the pipe is escaped, so the row keeps its cells.
    let total = ours.lines().rfind(|l| l.starts_with("| = "));
    let total = total.expect("a total row");
    assert!(total.contains("a\\|b"), "{total}");
    assert_eq!(
        total.matches(" | ").count(),
        2,
        "two figures after the name: {total}"
    );
    assert!(ours.contains("{{ y }} c|d"), "{ours}");
}

/// The adjusted operating margin follows the operating margin in a table, and without any
/// operating margin it is named, not shown: Acme's 2023 and 2024 give operating income (2023
/// derived from its cost lines) and adjusted operating income; without the cost lines and the
/// operating income, only the adjusted figures are left.
#[test]
fn an_adjusted_margin_shows_only_after_the_operating_margin() {
    let md = brief("tests/fixtures/acme.toml", "md");
    let years = section(&md, "## Cost structure and profitability", "### Quarters");
    let gaap = years
        .find("| Operating margin |")
        .expect("the operating margin row");
    let adjusted = years
        .find("| Adjusted operating margin |")
        .expect("the adjusted row");
    assert!(gaap < adjusted, "{years}");
    let headline = section(&md, "## Headline", "## In brief");
    assert!(!headline.contains("Adjusted"), "{headline}");
    let bare = "[company]\nname = \"Bare\"\ncurrency = \"USD\"\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 100\nadjusted_operating_income = 10\n\
                [[period]]\nlabel = \"2025\"\nrevenue = 120\nadjusted_operating_income = 15\n";
    let out = Test::new()
        .file("bare.toml", bare)
        .args(["generate", "bare.toml", "-o", "out", "--format", "md"])
        .run()
        .status(0);
    let md = out.read("out/bare/brief.md");
    let costs = section(&md, "## Cost structure and profitability", "\n## ");
    assert!(!costs.contains("| Adjusted operating margin"), "{costs}");
    assert!(!costs.contains("| Operating margin |"), "{costs}");
    let named = "Adjusted operating margin (non-GAAP: not shown without the operating margin)";
    assert!(costs.contains(named), "{costs}");
}
