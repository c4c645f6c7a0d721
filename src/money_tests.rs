use super::*;
use rust_decimal_macros::dec;

#[test]
fn serialises_exact_digits() {
    let json = serde_json::to_string(&[Exact(dec!(2811) * dec!(1000000)), Exact(dec!(1234.5600))])
        .unwrap();
    assert_eq!(json, "[2811000000,1234.56]");
    // Whole numbers take the integer path; beyond i64 they go through the text, same digits.
    let json = serde_json::to_string(&[
        Exact(dec!(-42.000)),
        Exact(dec!(0)),
        Exact(dec!(-0.00)),
        Exact(dec!(9223372036854775807)),
        Exact(dec!(100000000000000000000)),
        Exact(dec!(-0.05)),
    ])
    .unwrap();
    assert_eq!(
        json,
        "[-42,0,0,9223372036854775807,100000000000000000000,-0.05]"
    );
}

#[test]
fn sums_are_exact() {
    // 0.1 + 0.2 is 0.3 exactly in decimal, unlike binary floats.
    assert_eq!(dec!(0.1) + dec!(0.2), dec!(0.3));
    assert_eq!(
        serde_json::to_string(&Exact(dec!(0.1) + dec!(0.2))).unwrap(),
        "0.3"
    );
}

#[test]
fn growth_and_percent_by_hand() {
    // (2811 - 2276) / 2276 x 100 = 535 / 2276 x 100 = 23.50615114235501 %
    let growth = growth_pct(dec!(2811), dec!(2276)).unwrap();
    assert!((growth - 23.506151142355).abs() < 1e-9);
    assert_eq!(percent(dec!(1), dec!(4)), Some(25.0));
    assert_eq!(percent(dec!(1), Decimal::ZERO), None);
    assert_eq!(growth_pct(dec!(5), Decimal::ZERO), None);
    // Growth from a negative base is not meaningful: -100 -> -50 has no percent.
    assert_eq!(growth_pct(dec!(-50), dec!(-100)), None);
    assert_eq!(
        change_pct(dec!(-50), dec!(-100)),
        Err(NoPercent::NotMeaningful(NotMeaningful::NegativeBase))
    );
}

#[test]
fn whole_amounts_divide_once_and_round_to_the_nearest_float() {
    // 100 / 3 = 33.3333...: the nearest float is 33.333333333333336, what 100.0 / 3.0 gives.
    assert_eq!(percent(dec!(1), dec!(3)), Some(100.0 / 3.0));
    // Decimals are brought to the same scale first: 0.3 / 0.1 is 3, 12.5 of 50.00 is 25 %.
    assert_eq!(ratio(dec!(0.3), dec!(0.1)), Some(3.0));
    assert_eq!(percent(dec!(12.5), dec!(50.00)), Some(25.0));
    // Klarna 2024: marketing 366.8 of revenue 2,811 (USD millions, scaled to units) is
    // 366,800,000 x 100 / 2,811,000,000 = 13.04873709... %, the float nearest that fraction.
    assert_eq!(
        percent(dec!(366.8) * dec!(1000000), dec!(2811) * dec!(1000000)),
        Some(13.04873710423337)
    );
    // No float -0 from a zero part over a negative whole.
    assert!(percent(dec!(0), dec!(-5)).unwrap().is_sign_positive());
    // Beyond 2^53 the exact decimal division is used: same answer to the float's precision.
    let huge = percent(dec!(100000000000000000000), dec!(300000000000000000000)).unwrap();
    assert!((huge - 100.0 / 3.0).abs() < 1e-12);
    assert_eq!(ratio(dec!(1), Decimal::ZERO), None);
}

#[test]
fn rounds_cents_half_away_from_zero() {
    assert_eq!(to_cents(dec!(1.005)), dec!(1.01));
    assert_eq!(to_cents(dec!(-1.005)), dec!(-1.01));
    assert_eq!(to_cents(dec!(2.004)), dec!(2.00));
}
