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
