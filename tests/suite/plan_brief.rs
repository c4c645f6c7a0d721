//! The Plan and guidance section as people read it: the brief of four quarters with budgets
//! and guidance (tests/fixtures/plan-actual/quarters.toml) in Markdown and HTML, its rows, its
//! chart, its notes, a hostile cost line name kept inert, and no section without a plan.

use crate::harness::{root, Output, Test};

fn generate(contents: &str) -> Output {
    Test::new()
        .file("quarters.toml", contents)
        .args([
            "generate",
            "quarters.toml",
            "-o",
            "out",
            "--format",
            "md,html",
        ])
        .run()
        .status(0)
}

fn fixture() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/plan-actual/quarters.toml")).unwrap()
}

/// The Markdown section, from its heading to the next one.
fn section(md: &str) -> &str {
    let start = md.find("## Plan and guidance").expect("the section");
    let end = start
        + md[start..]
            .find("## Data notes")
            .expect("data notes after it");
    &md[start..end]
}

#[test]
fn markdown_shows_variances_guidance_accuracy_and_the_chart() {
    let out = generate(&fixture());
    let md = out.read("out/plan-ab/brief.md");
    // After the headcount plan's place and before the data notes.
    assert!(md.find("## Plan and guidance") > md.find("## Readiness scorecard"));
    let section = section(&md);
    for row in [
        "| Revenue | 100 | 110 | -10 | ▼ -9.1% | unfavourable |",
        "| Marketing | 30 | 25 | +5 | ▲ +20.0% | unfavourable |",
        "| Rent | 10 | 12 | -2 | ▼ -16.7% | favourable |",
        "| Revenue | 120 | 120 | 0 | ● 0.0% | on budget |",
        "| 2025-Q1 | Revenue | 105 to 115 | 100 | below | ▼ -9.1% | -10 | 2025-01-20 |",
        "| 2025-Q2 | Revenue | 115 to 125 | 120 | within | ● 0.0% | 0 |  |",
        "| 2025-Q3 | Revenue | 126 | 130 | above | ▲ +3.2% | +4 |  |",
        "| Last 4 quarters | 3 | 4.4% | ▼ -1.7% | budgets high | 4 | 3 of 4, 75.0% |",
        "![Revenue against guidance and budget, quarters 2025-Q1–2025-Q4](charts/plan-actual-revenue.svg)",
    ] {
        assert!(section.contains(row), "{row}\n{section}");
    }
    // Q4 has no budget: named once, its note in the brief's notes.
    let note = section
        .split("No budget, so no variances: 2025-Q4. [^")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the period without a budget, with its note");
    let footnote = format!("[^{note}]: 2025-Q4: the input gives no budget for this period");
    assert!(md.contains(&footnote), "{footnote}");
    out.present("out/plan-ab/charts/plan-actual-revenue.svg");
}

#[test]
fn html_tables_say_the_verdict_in_words_and_tone() {
    let html = generate(&fixture()).read("out/plan-ab/brief.html");
    let start = html
        .find("<section id=\"plan-actual\">")
        .expect("the section");
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(section.contains(
        "<caption>2025-Q1 against budget <span class=\"unit\">amounts in SEK</span></caption>"
    ));
    assert!(section.contains("<th scope=\"row\">Rent</th><td>10</td><td>12</td>"));
    assert!(section.contains("<span class=\"delta good\">favourable</span>"));
    assert!(section.contains("<span class=\"delta bad\">below</span>"));
    assert!(section.contains("<figure class=\"chart\" id=\"chart-plan-actual-revenue\">"));
    assert!(html.find("id=\"plan-actual\"") < html.find("id=\"data-notes\""));
}

#[test]
fn a_hostile_cost_line_name_stays_text() {
    let hostile = fixture().replace("rent", "\"<b onmouseover=alert(1)>rent|x</b>\"");
    let out = generate(&hostile);
    let html = out.read("out/plan-ab/brief.html");
    assert!(!html.contains("<b "), "markup from a cost line name");
    assert!(html.contains("&lt;b onmouseover=alert(1)&gt;rent|x&lt;&#x2F;b&gt;"));
    let md = section(&out.read("out/plan-ab/brief.md")).to_string();
    assert!(
        md.contains("&lt;b onmouseover=alert(1)&gt;rent\\|x&lt;/b&gt;"),
        "{md}"
    );
}

#[test]
fn without_a_budget_or_guidance_there_is_no_section() {
    let out = Test::new()
        .example("klarna.toml")
        .args([
            "generate",
            "klarna.toml",
            "-o",
            "out",
            "--format",
            "md,html",
        ])
        .run()
        .status(0);
    let md = out.read("out/klarna-group-plc/brief.md");
    assert!(!md.contains("Plan and guidance"));
    assert!(!out
        .read("out/klarna-group-plc/brief.html")
        .contains("plan-actual"));
    out.absent("out/klarna-group-plc/charts/plan-actual-revenue.svg");
}

/// The PDF reads back with the section's tables, words and chart, after the headcount plan's
/// place and before the data notes.
#[cfg(feature = "pdf")]
#[test]
fn the_pdf_shows_the_section() {
    let hostile = fixture().replace("rent", "\"#eval(1) *b* <t> rent\"");
    let run = Test::new()
        .file("quarters.toml", hostile)
        .args(["generate", "quarters.toml", "--format", "pdf", "-o", "out"])
        .run()
        .status(0);
    let Some(text) = crate::pdf::pdf_text(&run.path("out/plan-ab/brief.pdf")) else {
        return;
    };
    let start = text
        .find("Plan and guidance Each period")
        .expect("the section");
    let section = &text[start..text.rfind("Data notes").expect("data notes after it")];
    for words in [
        "2025-Q1 against budget",
        "Revenue 100 110 -10 ▼ -9.1% unfavourable",
        "#eval(1) *b* <t> rent 10 12 -2 ▼ -16.7% favourable",
        "No budget, so no variances: 2025-Q4.",
        "2025-Q3 Revenue 126 130 above ▲ +3.2% +4",
        // The accuracy table's one row (pdftotext reads a one-row table's first cell after
        // the others).
        "Last 4 quarters",
        "3 4.4% ▼ -1.7% budgets high 4 3 of 4, 75.0%",
        "Revenue against guidance and budget, quarters 2025-Q1–2025-Q4",
    ] {
        assert!(section.contains(words), "{words:?} missing: {section}");
    }
    assert!(
        !section.contains("Last 8 quarters"),
        "four quarters: no second row repeats the first"
    );
}
