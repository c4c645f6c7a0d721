//! Each check on a hand-worked input that raises it and one that does not; amounts in USD
//! millions, totals added up by hand in the comments.

use rust_decimal::Decimal;

use super::{Check, Measure, NonGaap};

const COMPANY: &str = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"millions\"\n";

/// Two years: 2024 net income -47, interest 12, tax 3.5; 2025 net income -30, interest 10,
/// tax 2. `adjustments` holds each year's `[period.adjustments]` body and reported figure.
pub(super) fn two_years(adjustments: [&str; 2], measure: &str) -> NonGaap {
    let text = format!(
        "{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 400\nnet_income = -47\n\
         interest_expense = 12\nincome_tax = 3.5\noperating_cash_flow = 5\ncapex = 10\n{}\n\
         [[period]]\nlabel = \"2025\"\nrevenue = 480\nnet_income = -30\ninterest_expense = 10\n\
         income_tax = 2\noperating_cash_flow = 9\ncapex = 12\n{}\n{measure}",
        adjustments[0], adjustments[1]
    );
    let input = crate::input::from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    crate::metrics::compute(&input).non_gaap
}

/// Adjusted EBITDA from net income, adding interest, tax and the items `extra` names.
pub(super) fn adjusted(extra: &str, kind: &str, why: bool) -> String {
    format!(
        "[[non_gaap]]\nkey = \"adjusted_ebitda\"\nname = \"Adjusted EBITDA\"\nbase = \"net_income\"\n\
         add = [\"interest_expense\", \"income_tax\"{extra}]\nkind = \"{kind}\"\n{}",
        if why { "why = \"To compare periods.\"\n" } else { "" }
    )
}

pub(super) fn measure<'a>(non_gaap: &'a NonGaap, key: &str) -> &'a Measure {
    non_gaap
        .measures
        .iter()
        .find(|m| m.key == key)
        .expect("the measure")
}

/// The checks `key` raised, in order.
pub(super) fn raised(non_gaap: &NonGaap, key: &str) -> Vec<Check> {
    measure(non_gaap, key)
        .checks
        .iter()
        .map(|f| f.check)
        .collect()
}

fn millions(n: i64) -> Decimal {
    Decimal::from(n) * Decimal::from(1_000_000)
}

#[test]
fn a_reconciliation_adds_the_items_to_the_base() {
    // 2024: -47 + 12 + 3.5 + 18 = -13.5; 2025: -30 + 10 + 2 + 5 = -13.
    let found = two_years(
        [
            "[period.adjustments]\nrestructuring = 18\n",
            "[period.adjustments]\nrestructuring = 5\n",
        ],
        &adjusted(", \"adjustments.restructuring\"", "performance", true),
    );
    let totals: Vec<_> = measure(&found, "adjusted_ebitda")
        .periods
        .iter()
        .map(|p| p.total.map(|t| t.0))
        .collect();
    assert_eq!(
        totals,
        [Some(millions(-135) / Decimal::TEN), Some(millions(-13))]
    );
    // The built-in free cash flow: 5 - 10 = -5 and 9 - 12 = -3.
    let fcf: Vec<_> = measure(&found, "free_cash_flow")
        .periods
        .iter()
        .map(|p| p.total.map(|t| t.0))
        .collect();
    assert_eq!(fcf, [Some(millions(-5)), Some(millions(-3))]);
    assert!(found.measures.iter().all(|m| m.checks.is_empty()));
}

#[test]
fn a_missing_item_makes_the_period_n_a_with_its_reason() {
    // 2025 has no restructuring item: n/a, saying which.
    let found = two_years(
        ["[period.adjustments]\nrestructuring = 18\n", ""],
        &adjusted(", \"adjustments.restructuring\"", "performance", true),
    );
    let latest = &measure(&found, "adjusted_ebitda").periods[1];
    assert_eq!(latest.total, None);
    assert_eq!(
        latest.unavailable.as_deref(),
        Some("the input gives no restructuring (adjustment)")
    );
}

#[test]
fn a_reported_figure_off_by_more_than_its_rounding_does_not_reconcile() {
    let measure_text = adjusted("", "performance", true);
    // 2024 totals -47 + 12 + 3.5 = -31.5: reported -31.5 reconciles; -32 (written whole,
    // so +-0.5) too; -31.4 (+-0.05) is 0.1 apart and does not.
    for (reported, fails) in [("-31.5", false), ("-32", false), ("-31.4", true)] {
        let year = format!("[period.reported]\nadjusted_ebitda = {reported}\n");
        let found = two_years([&year, ""], &measure_text);
        let fired = raised(&found, "adjusted_ebitda") == [Check::NotReconciled];
        assert_eq!(fired, fails, "reported {reported}");
    }
}

#[test]
fn an_item_adjusted_in_one_year_and_not_the_next_is_inconsistent() {
    // 2025 totals -30 + 10 + 2 + 5 = -13, but -18 is reported: only without restructuring.
    let measure_text = adjusted(", \"adjustments.restructuring\"", "performance", true);
    let years = |reported: &str| {
        [
            "[period.adjustments]\nrestructuring = 18\n".to_string(),
            format!("[period.adjustments]\nrestructuring = 5\n[period.reported]\nadjusted_ebitda = {reported}\n"),
        ]
    };
    let [a, b] = years("-18");
    let found = two_years([&a, &b], &measure_text);
    assert_eq!(
        raised(&found, "adjusted_ebitda"),
        [Check::NotReconciled, Check::Inconsistent]
    );
    // -16 is 3 apart, no item's amount: it does not reconcile, but says nothing of consistency.
    let [a, b] = years("-16");
    let found = two_years([&a, &b], &measure_text);
    assert_eq!(raised(&found, "adjusted_ebitda"), [Check::NotReconciled]);
}

#[test]
fn an_item_added_back_in_one_year_only_is_inconsistent() {
    // Litigation is not in the definition; 2025's -13 + 4 = -9 reconciles only with it added.
    let found = two_years(
        [
            "[period.adjustments]\nlitigation = 6\n",
            "[period.adjustments]\nlitigation = 4\n[period.reported]\nadjusted_ebitda = -14\n",
        ],
        &adjusted("", "performance", true),
    );
    // -30 + 10 + 2 = -18 as defined; -18 + 4 = -14 as reported.
    assert_eq!(
        raised(&found, "adjusted_ebitda"),
        [Check::NotReconciled, Check::Inconsistent]
    );
}
