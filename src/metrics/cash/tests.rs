//! The profitability and cash metrics, with values computed by hand.

use rust_decimal::Decimal;

use crate::input::from_toml;
use crate::metrics::{compute, Metrics};

fn metrics(readiness: &str, periods: &str) -> Metrics {
    let text = format!(
        "[company]\nname = \"Acme\"\ncurrency = \"EUR\"\nscale = \"millions\"\n{readiness}\n{periods}"
    );
    compute(&from_toml(&text).unwrap_or_else(|e| panic!("{e}")))
}

fn millions(value: i64) -> Option<Decimal> {
    Some(Decimal::from(value) * Decimal::from(1_000_000))
}

fn close(value: Option<f64>, expected: f64) {
    let value = value.unwrap_or(f64::NAN);
    assert!((value - expected).abs() < 1e-9, "{value} != {expected}");
}

const YEARS: &str = "
[[period]]
label = \"2023\"
revenue = 800
operating_income = -40
[[period]]
label = \"2024\"
revenue = 1000
operating_income = -50
cost_of_revenue = 420
depreciation_amortization = 80
stock_based_compensation = 45
operating_cash_flow = -30
capex = 20
cash = 300
";

#[test]
fn gross_profit_ebitda_and_free_cash_flow_by_hand() {
    let m = metrics("", YEARS);
    let p = &m.periods[1];
    // Gross profit: 1000 − 420 = 580 (millions); margin 580 ÷ 1000 × 100 = 58%.
    assert_eq!(p.gross_profit.map(|e| e.0), millions(580));
    close(p.gross_margin_pct, 58.0);
    // EBITDA: −50 + 80 = 30; margin 30 ÷ 1000 × 100 = 3%.
    assert_eq!(p.ebitda.map(|e| e.0), millions(30));
    close(p.ebitda_margin_pct, 3.0);
    // Free cash flow: −30 − 20 = −50; margin −50 ÷ 1000 × 100 = −5%.
    assert_eq!(p.free_cash_flow.map(|e| e.0), millions(-50));
    close(p.fcf_margin_pct, -5.0);
    // SBC: 45 ÷ 1000 × 100 = 4.5%.
    close(p.sbc_pct_of_revenue, 4.5);
    // Net burn 50 over a year: 50 ÷ 12 a month; runway 300 ÷ (50 ÷ 12) = 72 months.
    assert_eq!(p.net_burn.map(|e| e.0), millions(50));
    close(p.runway_months, 72.0);
    // Rule of 40 (operating): growth (1000 − 800) ÷ 800 = 25% + margin −5% = 20.
    close(p.rule_of_40, 20.0);
    assert_eq!(m.rule_of_40_margin.metric_key(), "operating_margin_pct");
}

#[test]
fn the_rule_of_40_takes_the_margin_chosen() {
    // Growth 25% + EBITDA margin 3% = 28; + free-cash-flow margin −5% = 20.
    let ebitda = metrics("[readiness]\nrule_of_40_margin = \"ebitda\"", YEARS);
    close(ebitda.periods[1].rule_of_40, 28.0);
    let fcf = metrics("[readiness]\nrule_of_40_margin = \"fcf\"", YEARS);
    close(fcf.periods[1].rule_of_40, 20.0);
    // 2023 is the first year: no growth to add, so no Rule of 40, with the growth's reason.
    assert_eq!(
        ebitda.periods[0]
            .unavailable
            .reason("rule_of_40")
            .as_deref(),
        Some("the input's years start at 2023, so there is no earlier year to compare with")
    );
}

#[test]
fn a_quarters_burn_is_spread_over_three_months() {
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024-Q3\"\nrevenue = 100\noperating_cash_flow = -25\n\
         capex = 5\ncash = 45\n",
    );
    let p = &m.periods[0];
    // Net burn: 5 − (−25) = 30 in the quarter, 30 ÷ 3 = 10 a month; 45 ÷ 10 = 4.5 months.
    assert_eq!(p.net_burn.map(|e| e.0), millions(30));
    close(p.runway_months, 4.5);
}

#[test]
fn a_half_years_burn_is_spread_over_six_months() {
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024-H1\"\nrevenue = 100\noperating_cash_flow = -10\n\
         capex = 2\ncash = 16\n",
    );
    // Burn 12 in six months = 2 a month; 16 ÷ 2 = 8 months.
    close(m.periods[0].runway_months, 8.0);
}

#[test]
fn not_burning_has_no_runway_and_says_why() {
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024\"\nrevenue = 100\noperating_cash_flow = 30\ncapex = 10\n\
         cash = 50\n",
    );
    let p = &m.periods[0];
    // Free cash flow 30 − 10 = 20 ≥ 0: no burn, no runway, never a negative one.
    assert_eq!(p.free_cash_flow.map(|e| e.0), millions(20));
    assert_eq!(p.net_burn, None);
    assert_eq!(p.runway_months, None);
    for key in ["net_burn", "runway_months"] {
        assert_eq!(
            p.unavailable.reason(key).as_deref(),
            Some("not burning cash: free cash flow is zero or more"),
            "{key}"
        );
    }
}

#[test]
fn missing_figures_are_named() {
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024\"\nrevenue = 0\ncost_of_revenue = 3\noperating_cash_flow = -4\n",
    );
    let p = &m.periods[0];
    let reason = |key: &str| p.unavailable.reason(key).unwrap_or_default();
    assert_eq!(reason("gross_margin_pct"), "revenue is zero");
    assert_eq!(p.gross_profit.map(|e| e.0), millions(-3));
    assert_eq!(
        reason("ebitda"),
        "the input gives no depreciation and amortisation"
    );
    assert_eq!(
        reason("free_cash_flow"),
        "the input gives no capital expenditure"
    );
    assert_eq!(
        reason("runway_months"),
        "the input gives no capital expenditure"
    );
    assert_eq!(
        reason("sbc_pct_of_revenue"),
        "the input gives no stock-based compensation"
    );
    // D&A without operating income (no costs to derive it either): EBITDA says which.
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024\"\nrevenue = 10\ndepreciation_amortization = 1\n\
         operating_cash_flow = -4\ncapex = 0\n",
    );
    let p = &m.periods[0];
    assert_eq!(
        p.unavailable.reason("ebitda").as_deref(),
        // Resolved to the root: operating income is derived from the cost lines, and none is listed.
        Some("the input lists no cost lines")
    );
    // Burning with no cash figure: the burn is there, the runway says what is missing.
    assert_eq!(p.net_burn.map(|e| e.0), millions(4));
    assert_eq!(
        p.unavailable.reason("runway_months").as_deref(),
        Some("the input gives no cash, period end")
    );
}

#[test]
fn zero_cash_while_burning_is_a_runway_of_zero() {
    let m = metrics(
        "",
        "[[period]]\nlabel = \"2024\"\nrevenue = 10\noperating_cash_flow = -4\ncapex = 0\ncash = 0\n",
    );
    close(m.periods[0].runway_months, 0.0);
}
