//! Non-GAAP measures through the binary: input errors name file, line and column (with "did
//! you mean"), every input format reads the new fields, and `check` reports each finding with
//! its place (the fixtures in `tests/fixtures/non-gaap/`).

use crate::harness::Test;

/// A company with one period (lines 1-13) and then `measure` from line 14.
fn with_measure(measure: &str) -> String {
    format!(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 100\nnet_income = -5\ninterest_expense = 2\n\
         [period.adjustments]\nrestructuring = 4\n[period.reported]\nadjusted_ebitda = 1\n\n\
         {measure}"
    )
}

const MEASURE: &str = "[[non_gaap]]\nkey = \"adjusted_ebitda\"\nname = \"Adjusted EBITDA\"\n";

#[track_caller]
fn refused(text: &str, expected: &[&str]) {
    let mut output = Test::new()
        .file("x.toml", text)
        .args(["check", "x.toml"])
        .run()
        .status(2);
    for part in expected {
        output = output.stderr_contains(part);
    }
}

#[test]
fn an_unknown_adjustment_is_refused_at_its_place_with_a_suggestion() {
    // Line 18 holds the add list; the misspelt entry starts at column 8.
    let text = with_measure(&format!(
        "{MEASURE}base = \"net_income\"\nadd = [\"adjustments.restructurng\"]\nkind = \"performance\"\n"
    ));
    refused(
        &text,
        &[
            "no period gives the adjustment \"restructurng\"",
            "x.toml:18:8",
            "did you mean \"adjustments.restructuring\"?",
        ],
    );
}

#[test]
fn a_base_that_is_not_a_gaap_measure_is_refused() {
    let text = with_measure(&format!(
        "{MEASURE}base = \"adjusted_operating_income\"\nkind = \"performance\"\n"
    ));
    refused(
        &text,
        &[
            "\"adjusted_operating_income\" is not a GAAP measure",
            "x.toml:17:1",
            "net_income, operating_income, operating_cash_flow, revenue",
        ],
    );
    let text = with_measure(&format!(
        "{MEASURE}base = \"net_incom\"\nkind = \"performance\"\n"
    ));
    refused(&text, &["x.toml:17:1", "did you mean \"net_income\"?"]);
}

#[test]
fn a_key_taken_twice_or_by_a_metric_is_refused() {
    let one = format!("{MEASURE}base = \"net_income\"\nkind = \"performance\"\n");
    refused(
        &with_measure(&format!("{one}\n{one}")),
        &[
            "the measure key \"adjusted_ebitda\" is another measure's key",
            "x.toml:21:1",
        ],
    );
    let text = with_measure(
        "[[non_gaap]]\nkey = \"ebitda\"\nname = \"EBITDA\"\nbase = \"net_income\"\nkind = \"liquidity\"\n",
    );
    refused(
        &text,
        &[
            "the measure key \"ebitda\" is a built-in metric's",
            "x.toml:15:1",
        ],
    );
}

#[test]
fn a_per_share_liquidity_measure_is_refused() {
    let text = with_measure(&format!(
        "{MEASURE}base = \"operating_cash_flow\"\nkind = \"liquidity\"\nper_share = true\n"
    ));
    refused(
        &text,
        &["may not be shown per share", "x.toml:19:1", "C&DI 102.05"],
    );
}

#[test]
fn an_unknown_field_of_a_measure_or_an_adjustment_gets_a_suggestion() {
    let text = with_measure(&format!(
        "{MEASURE}base = \"net_income\"\nkind = \"performance\"\nwhyy = \"x\"\n"
    ));
    refused(
        &text,
        &["unknown field `whyy`", "x.toml:19:1", "did you mean `why`?"],
    );
    let text = with_measure(&format!(
        "{MEASURE}base = \"net_income\"\nkind = \"performance\"\n"
    ))
    .replace("restructuring = 4", "restructuring = { amout = 4 }");
    refused(
        &text,
        &[
            "unknown field `amout`",
            "x.toml:10:",
            "did you mean `amount`?",
        ],
    );
}

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
