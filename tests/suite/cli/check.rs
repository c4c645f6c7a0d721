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

/// Acme with a `[readiness]` table of its own that lowers the Rule of 40's bar to 10 and the
/// history's to 2 years.
fn acme_lowering_its_bar() -> String {
    let acme = std::fs::read_to_string(crate::harness::root().join("tests/fixtures/acme.toml"))
        .expect("the fixture");
    format!("{acme}\n[readiness]\nmin_rule_of_40 = 10\nmin_fiscal_years = 2\n")
}

/// Guards Trust II item 14: `check --thresholds` changed nothing when the company file had its
/// own `[readiness]`: the file being judged lowered its own bar, silently.
#[test]
fn the_thresholds_file_wins_over_the_company_files_own_bar() {
    // Acme's 2024 Rule of 40: growth 5000 / 4000 - 1 = 25.0 % plus the reported margin
    // 1600 / 5000 = 32.0 % makes 57.0: it passes its own bar of 10 and fails the file's 60.
    let test = || {
        Test::new()
            .file("acme.toml", acme_lowering_its_bar())
            .file("ci.toml", "min_rule_of_40 = 60\n")
    };
    test().args(["check", "acme.toml"]).run().status(0);
    let output = test()
        .args(["check", "acme.toml", "--thresholds", "ci.toml", "-v"])
        .run()
        .status(1)
        .stdout_contains(">= 60 (thresholds file)")
        .stdout_contains(">= 2 years (company file)")
        .stdout_contains(">= 20% (default)");
    assert!(
        output.stdout.contains("FAIL   Rule of 40"),
        "{}",
        output.stdout
    );
    let json = test()
        .args([
            "check",
            "acme.toml",
            "--thresholds",
            "ci.toml",
            "--format",
            "json",
        ])
        .run()
        .status(1)
        .json();
    let criteria = json[0]["scorecard"]["criteria"].as_array().unwrap().clone();
    let by_id = |id: &str| criteria.iter().find(|c| c["id"] == id).unwrap().clone();
    assert_eq!(by_id("rule_of_40")["threshold"], ">= 60");
    assert_eq!(by_id("rule_of_40")["threshold_source"], "thresholds_file");
    assert_eq!(by_id("rule_of_40")["status"], "fail");
    assert_eq!(
        by_id("fiscal_years_history")["threshold_source"],
        "company_file"
    );
    assert_eq!(by_id("revenue_growth")["threshold_source"], "default");
    // `--company readiness.<key>=` is the command line: it wins over the thresholds file.
    let json = test()
        .args([
            "check",
            "acme.toml",
            "--thresholds",
            "ci.toml",
            "--format",
            "json",
        ])
        .args(["--company", "readiness.min_rule_of_40=50"])
        .run()
        .status(0)
        .json();
    let rule = json[0]["scorecard"]["criteria"][1].clone();
    assert_eq!(
        (
            rule["threshold"].as_str(),
            rule["threshold_source"].as_str()
        ),
        (Some(">= 50"), Some("command_line"))
    );
    // generate judges by the same bars: the brief's scorecard fails the Rule of 40 at 60.
    let generated = test()
        .args([
            "generate",
            "acme.toml",
            "--thresholds",
            "ci.toml",
            "--format",
            "json",
        ])
        .args(["-o", "out"])
        .run()
        .status(0);
    let metrics: serde_json::Value =
        serde_json::from_str(&generated.read("out/acme-analytics-ab/metrics.json")).unwrap();
    let rule = metrics["readiness"]["criteria"][1].clone();
    assert_eq!(
        (rule["threshold"].as_str(), rule["status"].as_str()),
        (Some(">= 60"), Some("fail"))
    );
}

/// Guards Trust II item 15: data warnings never failed a check unless `--strict`, which fails
/// every watch too. Acme has two unacknowledged warnings (2024: reported operating income 1600
/// is 200 below revenue minus the cost lines, 5000 - 3200 = 1800; 2023-Q1's and 2023's
/// operating income derived from the cost lines) and two other watches (2023's adjusted
/// operating income without a reported one; the margin trend judged on 2023-Q1's derived income).
#[test]
fn fail_on_warnings_fails_on_an_unacknowledged_warning_alone() {
    check(&["acme.toml", "--thresholds", "lenient.toml"]).status(0);
    let output = check(&[
        "acme.toml",
        "--thresholds",
        "lenient.toml",
        "--fail-on-warnings",
    ])
    .status(1)
    .stdout_contains("FAIL, 6 pass, 2 watch, 1 fail");
    assert!(
        output.stdout.contains("FAIL   Data warnings"),
        "{}",
        output.stdout
    );
    // The failing warning is named under its criterion, and annotated at its period's label.
    assert!(
        output.stdout.contains(
            "         unlisted_costs: 2024: reported operating income of SEK 1,600k is SEK 200k \
             below revenue minus the listed cost lines (SEK 1,800k)"
        ),
        "{}",
        output.stdout
    );
    check(&[
        "acme.toml",
        "--thresholds",
        "lenient.toml",
        "--fail-on-warnings",
        "--format",
        "github",
    ])
    .status(1)
    .stdout_contains(
        "::error file=acme.toml,line=29,title=Acme Analytics AB%3A data warning \
         (unlisted_costs)::2024: reported operating income",
    );
    // The same from the thresholds file.
    Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .file("ci.toml", "min_fiscal_years = 2\nfail_on_warnings = true\n")
        .args(["check", "acme.toml", "--thresholds", "ci.toml"])
        .run()
        .status(1)
        .stdout_contains("(thresholds file)");
    // Acknowledged, the warnings no longer fail; the adjusted-figures watch stays a watch.
    let acme =
        std::fs::read_to_string(crate::harness::root().join("tests/fixtures/acme.toml")).unwrap();
    Test::new()
        .file(
            "acme.toml",
            format!(
                "{acme}\n[[acknowledge]]\nkind = \"unlisted_costs\"\nreason = \"D&A\"\n\n\
                 [[acknowledge]]\nkind = \"derived_operating_income\"\nreason = \"every cost \
                 is listed\"\n"
            ),
        )
        .file("ci.toml", "min_fiscal_years = 2\n")
        .args([
            "check",
            "acme.toml",
            "--thresholds",
            "ci.toml",
            "--fail-on-warnings",
        ])
        .run()
        .status(0);
}

/// Guards Trust II item 9: a growth bar of 0.25 was taken silently as 0.25 %, in a thresholds
/// file and in the company's `[readiness]` alike. The verdicts stay (Acme's 25.0 % growth,
/// 5000 over 4000, passes 0.25 %); what is new is the warning at the bar's line: on standard
/// error for the thresholds file, a data warning for the company file (its unlisted-costs
/// warning acknowledged, the bar's is the one left to fail `--fail-on-warnings`).
#[test]
fn a_growth_bar_written_as_a_share_is_warned_about_with_its_position() {
    Test::new()
        .copy("tests/fixtures/acme.toml", "acme.toml")
        .file(
            "ci.toml",
            "min_fiscal_years = 2\nmin_revenue_growth_pct = 0.25\n",
        )
        .args(["check", "acme.toml", "--thresholds", "ci.toml"])
        .run()
        .status(0)
        .stderr_contains("warning: min_revenue_growth_pct = 0.25 is a bar of 0.25%, not 25%")
        .stderr_contains("--> ci.toml:2:1")
        .stderr_contains("did you mean min_revenue_growth_pct = 25 (25%)?");
    // In the company file it is a data warning: with --fail-on-warnings it fails the check.
    let acme =
        std::fs::read_to_string(crate::harness::root().join("tests/fixtures/acme.toml")).unwrap();
    let output = Test::new()
        .file(
            "acme.toml",
            format!(
                "{acme}\n[readiness]\nmin_revenue_growth_pct = 0.25\n\n[[acknowledge]]\n\
                 kind = \"unlisted_costs\"\nreason = \"D&A\"\n"
            ),
        )
        .file("ci.toml", "min_fiscal_years = 2\n")
        .args([
            "check",
            "acme.toml",
            "--thresholds",
            "ci.toml",
            "--fail-on-warnings",
        ])
        .args(["--format", "json"])
        .run()
        .status(1);
    let json = output.json();
    let warnings = json[0]["scorecard"]["criteria"][7].clone();
    assert_eq!(warnings["id"], "data_warnings");
    // Unlisted costs acknowledged; the derived operating income and the growth bar not.
    assert_eq!(warnings["figure"], "2 of 3 unacknowledged");
}
