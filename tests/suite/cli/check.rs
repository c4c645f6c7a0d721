//! `ipobrief check` as a CI gate: every input checked, every result and error printed, the
//! worst exit code, and errors in the format asked for (text, JSON, GitHub annotations).

use crate::harness::{Output, Test};

/// An input refused at `bad.toml:7:1` (line 7 is `revenue = -5`, from its first column).
const BAD: &str =
    "[company]\nname = \"Bad\"\ncurrency = \"SEK\"\n\n[[period]]\nlabel = \"2024\"\nrevenue = -5\n";

/// Thresholds that Acme passes: it has 2 fiscal years, the only criterion it fails by default.
const LENIENT: &str = "min_fiscal_years = 2\n";

/// `check ARGS` in a folder with acme.toml, klarna.toml, bad.toml and lenient.toml.
fn check(args: &[&str]) -> Output {
    Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .copy("examples/klarna.toml", "klarna.toml")
        .file("bad.toml", BAD)
        .file("lenient.toml", LENIENT)
        .args(["check"])
        .args(args)
        .run()
}

#[test]
fn the_exit_code_is_the_worst_of_all_inputs() {
    // Acme passes with lenient thresholds (0); Klarna fails its Rule of 40 (1); bad.toml is bad (2).
    check(&["acme.toml", "--thresholds", "lenient.toml"]).status(0);
    check(&["acme.toml", "klarna.toml", "--thresholds", "lenient.toml"]).status(1);
    check(&["bad.toml", "acme.toml", "--thresholds", "lenient.toml"]).status(2);
}

#[test]
fn one_bad_input_does_not_hide_the_results_of_the_others() {
    check(&["acme.toml", "bad.toml", "klarna.toml"])
        .status(2)
        .stdout_contains("Acme Analytics AB (acme.toml): FAIL")
        .stdout_contains("Klarna Group plc (klarna.toml): FAIL")
        .stderr_contains("error: revenue must not be negative, found -5")
        .stderr_contains("--> bad.toml:7:1");
}

#[test]
fn json_on_bad_input_is_still_json() {
    let output = check(&["bad.toml", "--format", "json"]).status(2);
    let json = output.json();
    assert_eq!(json[0]["source"], "bad.toml");
    let error = &json[0]["error"];
    assert_eq!(error["file"], "bad.toml");
    assert_eq!(error["line"], 7);
    assert_eq!(error["column"], 1);
    assert_eq!(error["message"], "revenue must not be negative, found -5");
}

#[test]
fn json_has_one_entry_per_input_in_order() {
    let output = check(&["acme.toml", "bad.toml", "--format", "json"]).status(2);
    let json = output.json();
    let entries = json.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["company"], "Acme Analytics AB");
    assert_eq!(entries[0]["scorecard"]["failed"], 1);
    assert_eq!(entries[1]["error"]["line"], 7);
}

#[test]
fn json_when_the_thresholds_file_is_bad() {
    // Line 1, from column 1: the unknown key.
    let output = Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .file("t.toml", "min_rule_of_fourty = 30\n")
        .args([
            "check",
            "acme.toml",
            "--thresholds",
            "t.toml",
            "--format",
            "json",
        ])
        .run()
        .status(2)
        .stderr_contains("t.toml:1:1");
    let json = output.json();
    assert_eq!(json[0]["error"]["file"], "t.toml");
    assert_eq!(json[0]["error"]["line"], 1);
    assert_eq!(json[0]["error"]["column"], 1);
}

#[test]
fn github_annotates_input_errors_with_their_position() {
    check(&["bad.toml", "acme.toml", "--format", "github"])
        .status(2)
        .stdout_contains(
            "::error file=bad.toml,line=7,col=1::revenue must not be negative, found -5",
        )
        .stdout_contains(
            "::error file=acme.toml,title=Acme Analytics AB%3A Fiscal years of history::",
        );
}
