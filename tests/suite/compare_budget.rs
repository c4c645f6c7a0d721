//! `ipobrief compare INPUT --periods P --against budget`, run as the real binary: the budget
//! and actual side by side with the variance in every compare format, values worked by hand
//! (SEK millions), and the usage errors (exit 2).

use crate::harness::{Output, Test};

const INPUT: &str = "tests/fixtures/plan-actual/budget-quarters.toml";

fn against(args: &[&str]) -> Output {
    Test::new()
        .copy(INPUT, "q.toml")
        .copy("examples/klarna.toml", "klarna.toml")
        .args(["compare", "q.toml"])
        .args(args)
        .run()
}

#[test]
fn every_format_shows_budget_actual_and_the_variance() {
    let run = against(&[
        "--periods",
        "2025-Q1,2025-Q3",
        "--against",
        "budget",
        "-o",
        "out",
    ])
    .status(0)
    .stdout_contains("Budget Quarters AB: 2025-Q1, 2025-Q3, actual against budget");
    let revenue = run
        .stdout
        .lines()
        .find(|l| l.starts_with("Revenue "))
        .unwrap();
    let words: Vec<&str> = revenue.split_whitespace().collect();
    assert_eq!(
        words,
        ["Revenue", "110", "100", "-10", "(-9.1%)", "unfavourable"]
    );
    let md = run.read("out/compare.md");
    assert!(
        md.contains("| Metric | Budget | Actual | Variance |"),
        "{md}"
    );
    assert!(md.contains("| **2025-Q1** |"), "{md}");
    assert!(
        md.contains("| Rent | 12 | 10 | -2 (-16.7%) · favourable |"),
        "{md}"
    );
    assert!(
        md.contains("| Operating income | -5 | -4 | +1 (+20.0%) · favourable |"),
        "{md}"
    );
    let html = run.read("out/compare.html");
    assert!(html.contains(r#"<th scope="col" class="change">Variance</th>"#));
    assert!(html.contains(r#"<span class="tone bad">unfavourable</span>"#));
    assert!(html.contains(r#"<th scope="rowgroup" colspan="4">2025-Q1</th>"#));
    let json: serde_json::Value = serde_json::from_str(&run.read("out/compare.json")).unwrap();
    assert_eq!(json["mode"], "budget");
    let income = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group"] == "2025-Q3" && r["key"] == "operating_income")
        .unwrap();
    assert_eq!(income["changes"][0]["absolute"], 1_000_000);
    assert_eq!(income["changes"][0]["pct"], 20.0);
    run.present("out/compare.xlsx");
}

#[test]
fn usage_errors_exit_2() {
    against(&["--periods", "2025-Q4", "--against", "budget"])
        .status(2)
        .stderr_contains(
            "--against budget compares a period with its budget, and q.toml gives no budget \
             for 2025-Q4; periods with a budget: 2025-Q1, 2025-Q2, 2025-Q3",
        );
    against(&["--against", "budget"])
        .status(2)
        .stderr_contains("--against budget needs --periods");
    against(&["--periods", "latest-yoy", "--against", "budget"])
        .status(2)
        .stderr_contains("--against budget takes period labels, not latest-yoy");
    against(&["klarna.toml", "--against", "budget"])
        .status(2)
        .stderr_contains("give one input");
    against(&["--period", "2025-Q3", "--against", "budget"])
        .status(2)
        .stderr_contains("cannot be used with");
    against(&["--periods", "2025-Q3", "--against", "forecast"])
        .status(2)
        .stderr_contains("[possible values: budget]");
}

/// The PDF (built with the feature `pdf`) heads the change column "Variance" and names each
/// period's group, the first too.
#[cfg(feature = "pdf")]
#[test]
fn the_pdf_shows_each_period_against_its_budget() {
    let run = against(&[
        "--periods",
        "2025-Q1,2025-Q3",
        "--against",
        "budget",
        "-o",
        "out",
    ])
    .status(0);
    let bytes = std::fs::read(run.path("out/compare.pdf")).expect("compare.pdf");
    assert!(bytes.starts_with(b"%PDF"));
    let text = std::process::Command::new("pdftotext")
        .arg(run.path("out/compare.pdf"))
        .arg("-")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_string());
    if let Ok(text) = text {
        for words in [
            "Variance",
            "2025-Q1",
            "2025-Q3",
            "+1 (+20.0%)",
            "actual minus budget",
        ] {
            assert!(text.contains(words), "{words} not in:\n{text}");
        }
    }
}

/// compare.xlsx: LibreOffice recomputes each variance and its % over the budget's size (an
/// operating loss of 4 against a budgeted 5 is +20%) to compare.json's.
#[test]
fn libreoffice_recomputes_the_variances_of_compare_xlsx() {
    use crate::workbook::{close, number, recalculated, without_cached_results};
    let Some(soffice) = crate::tools::find(&crate::tools::LIBREOFFICE) else {
        return;
    };
    let run = against(&[
        "--periods",
        "2025-Q1,2025-Q3",
        "--against",
        "budget",
        "-o",
        "out",
    ])
    .status(0);
    let json: serde_json::Value = serde_json::from_str(&run.read("out/compare.json")).unwrap();
    let xlsx = std::fs::read(run.path("out/compare.xlsx")).unwrap();
    let (bare, stripped) = without_cached_results(&xlsx);
    assert!(stripped >= 30, "only {stripped} variances are formulas");
    let dir = tempfile::tempdir().unwrap();
    let sheet = &recalculated(&soffice, &bare, dir.path())["Compare"];
    let mut at = 0;
    let mut checked = 0;
    for row in json["rows"].as_array().unwrap() {
        let name = row["name"].as_str().unwrap();
        let found = sheet[at..].iter().position(|cells| cells[0] == name);
        at += found.unwrap_or_else(|| panic!("no row {name} after row {at}"));
        let cells = &sheet[at];
        at += 1;
        let change = &row["changes"][0];
        let difference = change["pp"].as_f64().or(change["absolute"].as_f64());
        for (computed, expected) in [(&cells[4], difference), (&cells[5], change["pct"].as_f64())] {
            match (number(computed), expected) {
                (Some(computed), Some(expected)) => {
                    close(computed, expected, name);
                    checked += 1;
                }
                (None, None) => {}
                (computed, expected) => panic!("{name}: {computed:?} vs {expected:?}"),
            }
        }
    }
    // 20 rows, each a variance; a % for all but the 4 percentages (theirs are in points).
    assert_eq!(checked, 20 + 16);
}
