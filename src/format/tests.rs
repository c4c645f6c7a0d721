//! Tests of the number primitives, with values computed by hand.

use super::*;

#[test]
fn months_beyond_ten_years_read_as_such() {
    assert_eq!(months(18.46), "18.5 months");
    assert_eq!(months(120.0), "120.0 months");
    assert_eq!(months(778.0), "more than 10 years");
}

#[test]
fn years_take_their_noun_from_the_number_shown() {
    assert_eq!(years(1.0), "1 year");
    assert_eq!(years(0.96), "1 year");
    assert_eq!(years(2.23), "2.2 years");
    assert_eq!(years(0.5), "0.5 years");
    assert_eq!(years(12.0), "12 years");
}
use rust_decimal_macros::dec;

#[test]
fn compact_numbers() {
    assert_eq!(compact(1_234.0), "1.2k");
    assert_eq!(compact(3_400_000.0), "3.4M");
    assert_eq!(compact(2_811_000_000.0), "2.8B");
    assert_eq!(compact(723_179.83), "723k");
    assert_eq!(compact(-121_000_000.0), "-121M");
    assert_eq!(compact(0.0), "0");
    assert_eq!(money_compact(-121_000_000.0, "USD"), "-$121M");
    assert_eq!(money_compact(40_000.0, "SEK"), "SEK 40.0k");
    assert_eq!(money_precise(3_509_000_000.0, "USD"), "$3.51B");
    assert_eq!(money_precise(1_122_341.28, "USD"), "$1.12M");
    assert_eq!(money_precise(723_179.83, "USD"), "$723k");
    assert_eq!(money_precise(-45_250.0, "EUR"), "-€45.3k");
}

#[test]
fn grouping_and_rounding() {
    assert_eq!(grouped(dec!(2811000000), 0), "2,811,000,000");
    assert_eq!(grouped(dec!(-1234567.891), 2), "-1,234,567.89");
    assert_eq!(grouped(dec!(634.6795), 1), "634.7");
    assert_eq!(grouped(dec!(999), 0), "999");
    assert_eq!(grouped(dec!(-0.001), 2), "0");
    assert_eq!(grouped_fixed(dec!(57), 1), "57.0");
    assert_eq!(grouped_fixed(dec!(1234.5), 2), "1,234.50");
}

#[test]
fn line_names_read_as_words() {
    assert_eq!(line_name("customer_service"), "Customer service");
    assert_eq!(line_name("r-and-d"), "R and d");
    assert_eq!(line_name("G&A"), "G&A");
}

#[test]
fn decisive_digits() {
    // 39.95 rounds to 40.0 at one place, which would read as meeting a bar of 40: two places.
    assert_eq!(decisive_places(39.95, 40.0, 1), 2);
    assert_eq!(places(39.95, 2, false), "39.95");
    // 39.94 reads 39.9 at one place: already below 40.
    assert_eq!(decisive_places(39.94, 40.0, 1), 1);
    // 40.0 exactly meets it at one place.
    assert_eq!(decisive_places(40.0, 40.0, 1), 1);
    // 39.9999 needs four places.
    assert_eq!(decisive_places(39.9999, 40.0, 1), 4);
    assert_eq!(distinct_places(24.76, 24.84, 1), 2);
    assert_eq!(money_in_scale(dec!(82), "M", "USD"), "$82M");
    assert_eq!(money_in_scale(dec!(-121), "M", "USD"), "-$121M");
    assert_eq!(money_in_scale(dec!(1600), "k", "SEK"), "SEK 1,600k");
    assert_eq!(sign_at(-0.04, 1), 0);
    assert_eq!(sign_at(-0.04, 2), -1);
    assert_eq!(
        change(23.5, ChangeIn::Percent, 1, ""),
        ("▲ +23.5%".to_string(), 1)
    );
    assert_eq!(
        change(-0.04, ChangeIn::Points, 2, ""),
        ("▼ -0.04 pts".to_string(), -1)
    );
    assert_eq!(
        change(0.01, ChangeIn::PercentagePoints, 1, ""),
        ("● 0.0 pp".to_string(), 0)
    );
    assert_eq!(distinct_places(24.7, 24.9, 1), 1);
    assert_eq!(distinct_places(5.0, 5.0, 1), 1);
    assert_eq!(places(-0.004, 2, true), "0.00");
    assert_eq!(places(2.345, 2, true), "+2.35");
    assert_eq!(threshold(20.0), "20");
    assert_eq!(threshold(17.5), "17.5");
    assert_eq!(plural(1, "year"), "1 year");
}

/// Trust II (10): KPIs and their thresholds follow the Rule of 40's rule.
#[test]
fn judged_figures_show_the_digit_that_decides() {
    // 1.38 against a floor of 1.4: one place reads "1.4", at the bar; two read "1.38".
    assert_eq!(judged(1.38, Measure::Pct, Some(1.4), None), "1.38%");
    // 1.42 against a ceiling of 1.4: "1.4" would read within it; "1.42" is above.
    assert_eq!(judged(1.42, Measure::Pct, None, Some(1.4)), "1.42%");
    // Far from the bar, the table's one place.
    assert_eq!(judged(2.0, Measure::Pct, Some(1.4), None), "2.0%");
    // Revenue per customer 410 / 1.2 = 341.666...: two places, as the brief's multiples.
    assert_eq!(
        judged(410.0 / 1.2, Measure::Ratio, Some(300.0), None),
        "341.67×"
    );
    // 299.996 against 300 rounds to "300.00" at two places: three.
    assert_eq!(
        judged(299.996, Measure::Ratio, Some(300.0), None),
        "299.996×"
    );
    let sek = Measure::Money {
        suffix: "M",
        currency: "SEK",
    };
    // 11.96 (millions) against 12: "12.0" would meet it.
    assert_eq!(judged(11.96, sek, Some(12.0), None), "SEK 11.96M");
    // 1,249.96 people against a floor of 1,250: "1,250" would meet it.
    assert_eq!(
        judged(1249.96, Measure::Count, Some(1250.0), None),
        "1,249.96"
    );
    // Thresholds read as written: 0.014 is never "0.0%".
    assert_eq!(bar(dec!(0.014), Measure::Pct), "0.014%");
    assert_eq!(bar(dec!(1.40), Measure::Pct), "1.4%");
    assert_eq!(bar(dec!(300), Measure::Ratio), "300×");
    assert_eq!(bar(dec!(-2.5), sek), "-SEK 2.5M");
    assert_eq!(bar(dec!(1250000), Measure::Count), "1,250,000");
}

#[test]
fn percentages() {
    assert_eq!(pct(23.50615, false), "23.5%");
    assert_eq!(pct(23.50615, true), "+23.5%");
    assert_eq!(pct(-0.01, true), "0.0%");
    assert_eq!(pp(44.87), "+44.9 pp");
    assert_eq!(pp(-4.3), "-4.3 pp");
}

#[test]
fn a_unit_heads_its_column_in_words() {
    assert_eq!(Unit::Amount.heading("USD", "millions"), "USD millions");
    assert_eq!(Unit::Amount.heading("SEK", "units"), "SEK");
    assert_eq!(
        Unit::Money.heading("EUR", "thousands"),
        "EUR per person per year"
    );
    assert_eq!(Unit::Growth.heading("USD", "millions"), "%");
    assert_eq!(Unit::Pp.heading("USD", "millions"), "percentage points");
}

#[test]
fn full_money_keeps_every_digit() {
    assert_eq!(money_full(dec!(-1234.5), "USD"), "-$1,234.5");
    assert_eq!(money_full(dec!(2811000000), "SEK"), "SEK 2,811,000,000");
    assert_eq!(money_full(dec!(0.125), "EUR"), "€0.13");
}

/// A difference (a variance against budget) reads as compare writes one, without an arrow:
/// money in the frame's scale and signed, a percentage's in points.
#[test]
fn a_difference_reads_without_an_arrow() {
    let frame = Frame {
        currency: "SEK",
        scale: Decimal::from(1_000),
        amount_decimals: 0,
    };
    let show = |unit, figure| text(unit, Place::Difference, figure, &frame, Judge::default());
    let money = show(Unit::Amount, Figure::exact(Decimal::from(-50_000)));
    assert_eq!((money.text.as_str(), money.sign), ("-50", Some(-1)));
    let points = show(Unit::Pct, Figure::float(6.4));
    assert_eq!((points.text.as_str(), points.sign), ("+6.4 pp", Some(1)));
}
