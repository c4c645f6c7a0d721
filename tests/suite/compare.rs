//! `ipobrief compare`, run as the real binary in a temporary folder: hand-computed changes,
//! peers across currencies, shorthands, usage errors (exit 2), the files of `-o`, escaping and
//! determinism.

use std::fs;

use crate::harness::{root, Output, Test};

/// Runs `ipobrief compare ARGS` in a folder holding klarna.toml and acme.toml (plus `extra`),
/// coloured as on a terminal unless `env` says otherwise.
fn compare(args: &[&str], extra: &[(&str, &str)], env: &[(&str, &str)]) -> Output {
    let mut test = Test::new()
        .copy("examples/klarna.toml", "klarna.toml")
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .env("CLICOLOR_FORCE", "1")
        .args(["compare"])
        .args(args);
    for (name, text) in extra {
        test = test.file(name, text);
    }
    for (key, value) in env {
        test = test.env(key, value);
    }
    test.run()
}

/// The line of the table whose metric is `name`, without colour.
#[track_caller]
fn line(run: &Output, name: &str) -> String {
    let plain = strip_ansi(&run.stdout);
    plain
        .lines()
        .find(|l| l.starts_with(&format!("{name}  ")))
        .unwrap_or_else(|| panic!("no line {name} in:\n{plain}"))
        .to_string()
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

#[test]
fn klarna_years_by_hand() {
    let run = compare(&["klarna.toml", "--periods", "2024,2025"], &[], &[]).status(0);
    // (3509 - 2811) / 2811 = 24.83%; +698 USD millions; a rise in revenue is good.
    assert!(
        words(&line(&run, "Revenue")).ends_with(&["2,811", "3,509", "+698", "(+24.8%)", "good"])
    );
    // -121 / 2811 = -4.305%, -230 / 3509 = -6.555%: -2.250 pp, bad; to one decimal, as the
    // brief reads them.
    assert!(
        words(&line(&run, "Operating margin")).ends_with(&["-4.3%", "-6.6%", "-2.3", "pp", "bad"])
    );
    // 2831 - 3422 = -591 people; -591 / 3422 = -17.3%.
    assert!(words(&line(&run, "Headcount, period end"))
        .ends_with(&["3,422", "2,831", "-591", "(-17.3%)"]));
    // 2024 has no personnel_cost: n/a with a note, not 0.00%.
    assert!(line(&run, "Personnel cost").contains("n/a: no value in 2024"));
    assert!(!run
        .stdout
        .split_whitespace()
        .any(|w| w == "0.00%" || w == "0.0%" || w == "(0.0%)"));
}

#[test]
fn peers_in_different_currencies_say_so() {
    let run = compare(&["acme.toml", "klarna.toml", "--period", "2024"], &[], &[]).status(0);
    assert!(run.stdout.contains("Different currencies (SEK, USD)"));
    assert!(line(&run, "Revenue").ends_with("n/a: different currencies"));
    // Margins compare: 1600 / 5000 = 32.0% against -4.305%: -36.305, -36.3 pp.
    assert!(
        words(&line(&run, "Operating margin")).ends_with(&["32.0%", "-4.3%", "-36.3", "pp", "bad"])
    );
}

#[test]
fn latest_yoy_picks_the_same_quarter_a_year_earlier() {
    let run = compare(&["klarna.toml", "--periods", "latest-yoy"], &[], &[]).status(0);
    assert!(run.stdout.contains("Klarna Group plc: 2026-Q1 vs 2025-Q1"));
    // (1012 - 701) / 701 = 44.37%.
    assert!(words(&line(&run, "Revenue")).ends_with(&["701", "1,012", "+311", "(+44.4%)", "good"]));
}

#[test]
fn latest_qoq_picks_the_quarter_before() {
    let run = compare(&["klarna.toml", "--periods", "latest-qoq"], &[], &[]).status(0);
    // (1012 - 1082) / 1082 = -6.47%.
    assert!(words(&line(&run, "Revenue")).ends_with(&["1,082", "1,012", "-70", "(-6.5%)", "bad"]));
}

#[test]
fn usage_errors_exit_2_and_say_what_is_available() {
    let run = compare(&["klarna.toml", "--periods", "2019,2025"], &[], &[]).status(2);
    assert!(
        run.stderr
            .contains("2019 is not a period in klarna.toml; periods available: 2022, 2023, 2024"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    let run = compare(&["klarna.toml"], &[], &[]).status(2);
    assert!(
        run.stderr.contains("one input needs --periods"),
        "{}",
        run.stderr
    );
    let run = compare(&["klarna.toml", "--period", "2024"], &[], &[]).status(2);
    assert!(run
        .stderr
        .contains("to compare periods of one company use --periods"));
    let run = compare(
        &["acme.toml", "klarna.toml", "--periods", "2024,2025"],
        &[],
        &[],
    )
    .status(2);
    assert!(run
        .stderr
        .contains("--periods compares periods of one company"));
    compare(
        &["klarna.toml", "--periods", "2024", "--period", "2024"],
        &[],
        &[],
    )
    .status(2);
    let run = compare(&["acme.toml", "klarna.toml", "--period", "2022"], &[], &[]).status(2);
    assert!(run.stderr.contains("2022 is not a period in acme.toml"));
    let run = compare(&["klarna.toml", "--periods", "2025"], &[], &[]).status(2);
    assert!(run.stderr.contains("at least two periods"));
    compare(&["klarna.toml", "--periods", "latest"], &[], &[]).status(2);
}

#[test]
fn no_color_means_no_escape_codes() {
    let coloured = compare(&["klarna.toml", "--periods", "2024,2025"], &[], &[]).status(0);
    assert!(
        coloured.stdout.contains('\u{1b}'),
        "CLICOLOR_FORCE should colour the table"
    );
    let plain = compare(
        &["klarna.toml", "--periods", "2024,2025"],
        &[],
        &[("NO_COLOR", "1")],
    )
    .status(0);
    assert!(!plain.stdout.contains('\u{1b}'));
    assert_eq!(plain.stdout, strip_ansi(&coloured.stdout));
}

#[test]
fn output_files_exist_parse_and_are_deterministic() {
    let args = ["klarna.toml", "--periods", "2024,2025", "-o", "out"];
    let first = compare(&args, &[], &[]).status(0);
    let second = compare(&args, &[], &[]).status(0);
    for name in [
        "out/compare.md",
        "out/compare.html",
        "out/compare.json",
        "out/compare.xlsx",
    ] {
        assert_eq!(
            fs::read(first.path(name)).unwrap(),
            fs::read(second.path(name)).unwrap(),
            "{name} differs between runs"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&first.read("out/compare.json")).expect("compare.json parses");
    assert_eq!(json["mode"], "periods");
    let revenue = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "revenue")
        .unwrap();
    // Exact: 3509 - 2811 = 698 million in full units.
    assert_eq!(
        revenue["changes"][0]["absolute"],
        serde_json::json!(698000000)
    );
    let html = first.read("out/compare.html");
    assert!(!html.contains("<script"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("<svg"), "the chart is inline");
    // The only URL is the SVG namespace, which loads nothing.
    let urls = html.matches("http://").count() + html.matches("https://").count();
    assert_eq!(
        urls,
        html.matches("http://www.w3.org/2000/svg").count(),
        "no external URLs"
    );
    assert!(first
        .read("out/compare.md")
        .contains("| Revenue | 2,811 | 3,509 | +698 (+24.8%) · good |"));
    assert!(!html.contains("as of"), "no date unless asked for");
    let dated = compare(&args, &[], &[("SOURCE_DATE_EPOCH", "1767225600")]).status(0);
    assert!(dated.read("out/compare.html").contains("as of 2026-01-01"));
}

#[test]
fn a_hostile_company_name_stays_text() {
    let hostile = fs::read_to_string(root().join("tests/fixtures/acme.toml"))
        .unwrap()
        .replace(
            "name = \"Acme Analytics AB\"",
            "name = \"<script>alert(1)</script>\"",
        );
    let run = compare(
        &["evil.toml", "klarna.toml", "-o", "out"],
        &[("evil.toml", &hostile)],
        &[],
    )
    .status(0);
    let html = run.read("out/compare.html");
    assert!(!html.contains("<script"), "a script tag survived");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
    let markdown = run.read("out/compare.md");
    assert!(!markdown.contains("<script"));
    assert!(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn templates_folder_overrides_compare_templates() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("compare.md.tera"),
        "Custom: {{ c.title | md }}\n",
    )
    .unwrap();
    let templates = dir.path().to_str().unwrap();
    let args = [
        "klarna.toml",
        "--periods",
        "2024,2025",
        "-o",
        "out",
        "--templates",
        templates,
    ];
    let run = compare(&args, &[], &[]).status(0);
    assert_eq!(
        run.read("out/compare.md"),
        "Custom: Klarna Group plc: 2025 vs 2024\n"
    );
    assert!(run
        .read("out/compare.html")
        .contains("<table class=\"compare\">"));
    // A templates folder that does not exist is bad input, and nothing is written.
    let args = [
        "klarna.toml",
        "--periods",
        "2024,2025",
        "-o",
        "out",
        "--templates",
        "missing",
    ];
    let run = compare(&args, &[], &[]).status(2);
    assert!(!run.path("out/compare.html").exists());
}

#[test]
fn peers_whose_fiscal_years_end_on_different_days_are_told_so() {
    // Snowflake's fiscal 2025 ends on 2025-01-31, Klarna's on 2025-12-31: "2025" covers
    // different months for each, and the comparison must say so.
    let snowflake = fs::read_to_string(root().join("examples/snowflake.toml")).expect("example");
    let run = compare(
        &["klarna.toml", "snowflake.toml", "--period", "2025"],
        &[("snowflake.toml", &snowflake)],
        &[],
    )
    .status(0);
    let plain = strip_ansi(&run.stdout);
    assert!(
        plain.contains(
            "Fiscal years end on different days (on 31 December for Klarna Group plc; on 31 \
             January for Snowflake Inc.): the same period label covers different months"
        ),
        "{plain}"
    );
}
