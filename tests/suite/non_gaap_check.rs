//! Non-GAAP measures through the binary: JSON and CSV read the new fields, and `check`
//! reports each finding with its place (the fixtures in `tests/fixtures/non-gaap/`).

use crate::harness::Test;

/// JSON and CSV read the statement fields, the adjustments and the reported figures: net
/// income -5 + interest 2 + restructuring 4 = 1, as reported, in both.
#[test]
fn json_and_csv_read_the_non_gaap_fields() {
    let json = r#"{"company": {"name": "Acme", "currency": "USD"},
"period": [{"label": "2024", "revenue": 100, "net_income": -5, "interest_expense": 2,
  "adjustments": {"restructuring": {"amount": 4, "recurring": false}},
  "reported": {"adjusted_ebitda": 1}}],
"non_gaap": [{"key": "adjusted_ebitda", "name": "Adjusted EBITDA", "base": "net_income",
  "add": ["interest_expense", "adjustments.restructuring"], "kind": "performance", "why": "x"}]}"#;
    let out = Test::new()
        .file("x.json", json)
        .args(["metrics", "x.json"])
        .run()
        .status(0);
    let measure = &out.json()["non_gaap"][1];
    assert_eq!(measure["key"], "adjusted_ebitda");
    assert_eq!(measure["periods"][0]["total"], 1);
    assert_eq!(measure["periods"][0]["difference"], 0);
    assert_eq!(measure["checks"], serde_json::json!([]));
    // A CSV gives no [[non_gaap]] table, but its reported free cash flow is reconciled with
    // the built-in measure: 30 - 12 = 18, and 20 is reported (2 apart: a fail).
    let csv = "label,revenue,net_income,operating_cash_flow,capex,adjustment:restructuring,reported:free_cash_flow\n\
               2024,100,-5,30,12,4,20\n";
    let out = Test::new()
        .file("x.csv", csv)
        .args(["metrics", "x.csv", "--company", "name=Acme,currency=USD"])
        .run()
        .status(0);
    let fcf = &out.json()["non_gaap"][0];
    assert_eq!(fcf["periods"][0]["total"], 18);
    assert_eq!(fcf["periods"][0]["reported"], 20);
    assert_eq!(fcf["checks"][0]["check"], "not_reconciled");
    assert_eq!(
        fcf["checks"][0]["at"],
        "x.csv: row 2, column \"reported:free_cash_flow\""
    );
}

/// Every check fires on its fixture, each at its place; the clean fixture raises none.
#[test]
fn check_reports_every_finding_with_its_place() {
    let fixture = "tests/fixtures/non-gaap/every-check.toml";
    let out = Test::new()
        .copy(fixture, "every.toml")
        .args(["check", "--format", "github", "every.toml"])
        .run()
        .status(1);
    for expected in [
        "::error file=every.toml,line=51,title=Every Check Inc%3A Non-GAAP figures reconcile",
        "::warning file=every.toml,line=51,title=Every Check Inc%3A Non-GAAP adjustments consistent",
        "::warning file=every.toml,line=54,title=Every Check Inc%3A Non-GAAP charges and gains alike",
        "::warning file=every.toml,line=54,title=Every Check Inc%3A Non-GAAP keeps recurring cash",
        "::error file=every.toml,line=62,title=Every Check Inc%3A Non-GAAP liquidity measures",
        "::warning file=every.toml,line=54,title=Every Check Inc%3A Non-GAAP measures say why",
    ] {
        assert!(out.stdout.contains(expected), "{expected}\n{}", out.stdout);
    }
    let out = Test::new()
        .copy(fixture, "every.toml")
        .args(["check", "--format", "json", "every.toml"])
        .run()
        .status(1);
    let criteria = out.json()[0]["scorecard"]["criteria"].clone();
    let reconciled = criteria
        .as_array()
        .and_then(|list| list.iter().find(|c| c["id"] == "non_gaap_reconciled"))
        .expect("the reconciliation criterion");
    assert_eq!(reconciled["status"], "fail");
    assert_eq!(reconciled["at"], "every.toml:51:1");
    assert_eq!(reconciled["period"], "2025");
    let clean = Test::new()
        .copy("tests/fixtures/non-gaap/clean.toml", "clean.toml")
        .args(["check", "--format", "json", "clean.toml"])
        .run();
    let criteria = clean.json()[0]["scorecard"]["criteria"].clone();
    let ours: Vec<_> = criteria
        .as_array()
        .expect("criteria")
        .iter()
        .filter(|c| {
            c["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("non_gaap_"))
        })
        .collect();
    assert_eq!(ours.len(), 6);
    assert!(ours.iter().all(|c| c["status"] == "pass"), "{ours:?}");
}

/// A JSON measure's error points into the JSON, as a TOML one does into TOML.
#[test]
fn a_json_measure_error_names_its_line_and_column() {
    let json = "{\"company\": {\"name\": \"Acme\", \"currency\": \"USD\"},\n\
                \"period\": [{\"label\": \"2024\", \"revenue\": 100, \"net_income\": 1}],\n\
                \"non_gaap\": [{\"key\": \"a\", \"name\": \"A\",\n  \
                \"base\": \"adjusted_operating_income\", \"kind\": \"performance\"}]}\n";
    Test::new()
        .file("j.json", json)
        .args(["metrics", "j.json"])
        .run()
        .status(2)
        .stderr_contains("\"adjusted_operating_income\" is not a GAAP measure")
        .stderr_contains("j.json:4:3");
}
