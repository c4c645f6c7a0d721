//! Non-GAAP measures through the binary: input errors name file, line and column (with "did
//! you mean"). Reading them from JSON and CSV, and `check`'s reports, are in
//! `non_gaap_check.rs`.

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
    )
    // (reporting a free cash flow, so that no reported figure lacks its measure)
    .replace("adjusted_ebitda = 1", "free_cash_flow = 1");
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

#[test]
fn a_reported_figure_of_no_measure_is_refused_with_a_suggestion() {
    // Line 12 reports `adjusted_ebitda`, but the measure's key is `adjusted_ebitdax`.
    let text = with_measure(
        "[[non_gaap]]\nkey = \"adjusted_ebitdax\"\nname = \"A\"\nbase = \"net_income\"\nkind = \"performance\"\n",
    );
    refused(
        &text,
        &[
            "2024 reports \"adjusted_ebitda\", which is no measure's key",
            "x.toml:12:1",
            "did you mean \"adjusted_ebitdax\"?",
        ],
    );
}
