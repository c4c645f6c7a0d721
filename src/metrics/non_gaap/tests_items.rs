//! The checks on what a measure adjusts, each on a hand-worked input that raises it and one
//! that does not (the inputs of `tests.rs`: USD millions, two years).

use super::tests::{adjusted, measure, raised, two_years};
use super::Check;

#[test]
fn removing_charges_but_keeping_gains_is_one_sided() {
    let year = "[period.adjustments]\nrestructuring = 18\ngain_on_sale_of_business = -9\n";
    let one_sided = adjusted(", \"adjustments.restructuring\"", "performance", true);
    assert_eq!(
        raised(&two_years([year, ""], &one_sided), "adjusted_ebitda"),
        [Check::OneSided]
    );
    // The gain taken out too: even-handed.
    let both = adjusted(
        ", \"adjustments.restructuring\", \"adjustments.gain_on_sale_of_business\"",
        "performance",
        true,
    );
    assert!(raised(&two_years([year, ""], &both), "adjusted_ebitda").is_empty());
    // A gain marked recurring is not a non-recurring one left in.
    let recurring = "[period.adjustments]\nrestructuring = 18\ngain_on_sale_of_business = { amount = -9, recurring = true }\n";
    assert!(raised(&two_years([recurring, ""], &one_sided), "adjusted_ebitda").is_empty());
    // The other way: a gain taken out, a litigation charge kept.
    let other = "[period.adjustments]\nlitigation = 7\ngain_on_sale_of_business = -9\n";
    let gains = adjusted(
        ", \"adjustments.gain_on_sale_of_business\"",
        "performance",
        true,
    );
    assert_eq!(
        raised(&two_years([other, ""], &gains), "adjusted_ebitda"),
        [Check::OneSided]
    );
}

#[test]
fn a_performance_measure_excluding_recurring_cash_expenses_is_flagged() {
    let rent = |cash: bool| {
        format!("[period.adjustments]\noffice_rent = {{ amount = 6, recurring = true, cash = {cash} }}\n")
    };
    let measure_text = adjusted(", \"adjustments.office_rent\"", "performance", true);
    let found = two_years([&rent(true), &rent(true)], &measure_text);
    assert_eq!(raised(&found, "adjusted_ebitda"), [Check::RecurringCash]);
    assert_eq!(
        measure(&found, "adjusted_ebitda").checks[0].periods.len(),
        2
    );
    assert!(raised(
        &two_years([&rent(false), ""], &measure_text),
        "adjusted_ebitda"
    )
    .is_empty());
}

#[test]
fn a_liquidity_measure_excluding_cash_charges_fails_unless_ebitda() {
    // Adjusted EBITDA as a liquidity measure adds back interest and tax, both paid in cash.
    let found = two_years(["", ""], &adjusted("", "liquidity", true));
    assert_eq!(raised(&found, "adjusted_ebitda"), [Check::LiquidityCash]);
    assert_eq!(
        measure(&found, "adjusted_ebitda").checks[0].items,
        ["interest_expense", "income_tax"]
    );
    // EBITDA itself may (Item 10(e)(1)(ii)(A)), but not a cash-settled item besides.
    let ebitda =
        adjusted("", "liquidity", true).replace("name = \"Adjusted EBITDA\"", "name = \"EBITDA\"");
    assert!(raised(&two_years(["", ""], &ebitda), "adjusted_ebitda").is_empty());
    let settled = "[period.adjustments]\nsettlement = { amount = 3, cash = true }\n";
    let with_item = ebitda.replace(
        "\"income_tax\"",
        "\"income_tax\", \"adjustments.settlement\"",
    );
    assert_eq!(
        raised(&two_years([settled, ""], &with_item), "adjusted_ebitda"),
        [Check::LiquidityCash]
    );
}

#[test]
fn a_measure_without_a_why_is_flagged_and_acknowledgeable() {
    let found = two_years(["", ""], &adjusted("", "performance", false));
    assert_eq!(raised(&found, "adjusted_ebitda"), [Check::NoPurpose]);
    assert!(raised(
        &two_years(["", ""], &adjusted("", "performance", true)),
        "adjusted_ebitda"
    )
    .is_empty());
    let acknowledged = format!(
        "{}[[acknowledge]]\nkind = \"non_gaap_no_purpose\"\nreason = \"Explained in the prospectus.\"\n",
        adjusted("", "performance", false)
    );
    let found = two_years(["", ""], &acknowledged);
    let finding = &measure(&found, "adjusted_ebitda").checks[0];
    assert_eq!(
        finding.acknowledged.as_deref(),
        Some("Explained in the prospectus.")
    );
}
