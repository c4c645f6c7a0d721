//! The Peers section against values computed by hand.

use rust_decimal::Decimal;

use super::*;
use crate::input::{self, Format, ReadOptions};
use crate::metrics::{self, catalogue};

fn metrics_of(text: &str) -> Metrics {
    let input = input::parse(text, "x.toml", Format::Toml, &ReadOptions::default())
        .expect("the test input is valid");
    metrics::compute(&input)
}

/// Two years of one company: revenue, headcount at the end, one cost line and the latest
/// year's operating income.
fn company(
    name: &str,
    currency: &str,
    year_end: &str,
    years: [(i32, u32, Option<u32>, u32); 2],
    income: i64,
) -> Metrics {
    let mut text = format!(
        "[company]\nname = \"{name}\"\ncurrency = \"{currency}\"\nfiscal_year_end = \"{year_end}\"\n"
    );
    for (i, (year, revenue, headcount, costs)) in years.iter().enumerate() {
        text.push_str(&format!(
            "[[period]]\nlabel = \"{year}\"\nrevenue = {revenue}\n"
        ));
        if let Some(h) = headcount {
            text.push_str(&format!("headcount_end = {h}\n"));
        }
        if i == 1 {
            text.push_str(&format!("operating_income = {income}\n"));
        }
        text.push_str(&format!("[period.costs]\nops = {costs}\n"));
    }
    metrics_of(&text)
}

/// A (USD): 2023 revenue 100, 10 people; 2024 revenue 120, 14 people, costs 108, income 12.
///   growth (120 − 100) ÷ 100 = 20%; margin 12 ÷ 120 = 10%; Rule of 40 = 30;
///   average headcount (10 + 14) ÷ 2 = 12; revenue per employee 120 ÷ 12 = 10;
///   opex per employee 108 ÷ 12 = 9; headcount change (14 − 10) ÷ 10 = +40%.
fn a() -> Metrics {
    company(
        "A",
        "USD",
        "12-31",
        [(2023, 100, Some(10), 90), (2024, 120, Some(14), 108)],
        12,
    )
}

/// B (USD): 2023 revenue 160, 20 people; 2024 revenue 200, 20 people, costs 170, income 30.
///   growth 25%; margin 15%; Rule of 40 = 40; per employee 200 ÷ 20 = 10; opex 170 ÷ 20 = 8.5;
///   headcount change 0%.
fn b() -> Metrics {
    company(
        "B",
        "USD",
        "12-31",
        [(2023, 160, Some(20), 150), (2024, 200, Some(20), 170)],
        30,
    )
}

/// C (SEK, years ending 30 June): 2023 revenue 800, 40 people; 2024 revenue 1000, 60 people,
///   costs 950, income 50. Growth 25%; margin 5%; Rule of 40 = 30; average headcount 50;
///   per employee SEK 1000 ÷ 50 = 20; opex SEK 950 ÷ 50 = 19; headcount change +50%.
fn c() -> Metrics {
    company(
        "C",
        "SEK",
        "06-30",
        [(2023, 800, Some(40), 800), (2024, 1000, Some(60), 950)],
        50,
    )
}

fn row<'v>(view: &'v PeersView, key: &str) -> &'v PeerRow {
    view.rows
        .iter()
        .find(|r| r.key == key)
        .expect("the row is there")
}

fn float(value: Option<Number>) -> f64 {
    value.expect("a value").as_f64()
}

fn exact(value: Option<Number>) -> Decimal {
    match value {
        Some(Number::Exact(e)) => e.0,
        other => panic!("not an exact amount: {other:?}"),
    }
}

fn build_view(peers: &[&Metrics], rates: &Rates) -> PeersView {
    build(
        &a(),
        peers,
        rates,
        40.0,
        &mut crate::report::notes::Notes::default(),
    )
}

#[test]
fn the_rows_are_the_catalogues_peers_metrics_in_order() {
    let keys = [
        "revenue",
        "revenue_growth_yoy_pct",
        "operating_margin_pct",
        "rule_of_40",
        "revenue_per_employee",
        "opex_per_employee",
        "loaded_cost_per_employee",
        "ai_exposed_pct_of_revenue",
        "headcount_change_yoy_pct",
    ];
    let picked: Vec<&str> = catalogue::picked(catalogue::View::Peers)
        .iter()
        .map(|m| m.key)
        .collect();
    assert_eq!(picked, keys);
    let (b, c) = (b(), c());
    let view = build_view(&[&b, &c], &Rates::default());
    assert_eq!(view.rows.len(), keys.len());
    for (row, key) in view.rows.iter().zip(keys) {
        let metric = catalogue::known(key);
        assert_eq!(
            (row.name, row.unit, row.polarity),
            (metric.name, metric.unit, metric.polarity)
        );
    }
}

#[test]
fn ranks_and_medians_by_hand_without_rates() {
    let (b, c) = (b(), c());
    let view = build_view(&[&b, &c], &Rates::default());
    // Revenue: C's SEK 1000 is not compared. Peers' median: B's 200 alone. A 120 < B 200: 2 of 2.
    let revenue = row(&view, "revenue");
    assert!(!revenue.cells[2].comparable);
    assert_eq!(revenue.cells[2].currency, "SEK");
    assert_eq!(exact(revenue.median.value), Decimal::from(200));
    assert_eq!(revenue.rank, Some(Rank { position: 2, of: 2 }));
    // Growth: A 20, B 25, C 25 (a ratio: always compared). Median (25 + 25) ÷ 2 = 25; two
    // better than A: 3 of 3.
    let growth = row(&view, "revenue_growth_yoy_pct");
    assert!((float(growth.cells[0].cell.value) - 20.0).abs() < 1e-9);
    assert!((float(growth.median.value) - 25.0).abs() < 1e-9);
    assert_eq!(growth.rank, Some(Rank { position: 3, of: 3 }));
    // Margin: A 10, B 15, C 5. Median (15 + 5) ÷ 2 = 10; only B better: 2 of 3.
    let margin = row(&view, "operating_margin_pct");
    assert!((float(margin.median.value) - 10.0).abs() < 1e-9);
    assert_eq!(margin.rank, Some(Rank { position: 2, of: 3 }));
    // Rule of 40: A 30, B 40, C 30. Median 35; B better, C ties: 2 of 3.
    let rule = row(&view, "rule_of_40");
    assert!((float(rule.median.value) - 35.0).abs() < 1e-9);
    assert_eq!(rule.rank, Some(Rank { position: 2, of: 3 }));
    // Revenue per employee: A 10, B 10, C in SEK not compared. Median 10; a tie: 1 of 2.
    let per_employee = row(&view, "revenue_per_employee");
    assert_eq!(exact(per_employee.median.value), Decimal::from(10));
    assert_eq!(per_employee.rank, Some(Rank { position: 1, of: 2 }));
    // Opex per employee (lower is better): A 9, B 8.5: 2 of 2.
    let opex = row(&view, "opex_per_employee");
    assert_eq!(exact(opex.median.value), Decimal::new(85, 1));
    assert_eq!(opex.rank, Some(Rank { position: 2, of: 2 }));
    // Headcount change has no better direction: a median, (0 + 50) ÷ 2 = 25, but no rank.
    let headcount = row(&view, "headcount_change_yoy_pct");
    assert!((float(headcount.median.value) - 25.0).abs() < 1e-9);
    assert_eq!(headcount.rank, None);
    assert_eq!(headcount.direction, "no better direction");
    assert_eq!(view.not_compared_currencies, vec!["SEK".to_string()]);
    assert!(view.fx.is_none());
}

#[test]
fn rates_convert_amounts_checked_by_hand() {
    let (b, c) = (b(), c());
    let rates = Rates {
        rates: fx::parse("SEK=0.1").unwrap(),
        as_of: Some("2025-01-31".into()),
    };
    let view = build_view(&[&b, &c], &rates);
    // C's revenue SEK 1000 × 0.1 = USD 100. Median of B 200 and C 100: 150; B better: 2 of 3.
    let revenue = row(&view, "revenue");
    let converted = &revenue.cells[2];
    assert!(converted.comparable);
    assert_eq!(converted.currency, "USD");
    assert_eq!(exact(converted.cell.value), Decimal::from(100));
    let from = converted.converted_from.as_ref().expect("converted");
    assert_eq!(
        (exact(Some(from.value)), from.currency.as_str()),
        (Decimal::from(1000), "SEK")
    );
    assert_eq!(exact(revenue.median.value), Decimal::from(150));
    assert_eq!(revenue.rank, Some(Rank { position: 2, of: 3 }));
    // Revenue per employee: C's SEK 20 × 0.1 = USD 2. A 10, B 10, C 2: median (10 + 2) ÷ 2 = 6,
    // A ties B for first: 1 of 3.
    let per_employee = row(&view, "revenue_per_employee");
    assert_eq!(exact(per_employee.cells[2].cell.value), Decimal::from(2));
    assert_eq!(exact(per_employee.median.value), Decimal::from(6));
    assert_eq!(per_employee.rank, Some(Rank { position: 1, of: 3 }));
    // Opex per employee: C's SEK 19 × 0.1 = USD 1.9. Median (8.5 + 1.9) ÷ 2 = 5.2; lower is
    // better, B and C are lower than A's 9: 3 of 3.
    let opex = row(&view, "opex_per_employee");
    assert_eq!(exact(opex.cells[2].cell.value), Decimal::new(19, 1));
    assert_eq!(exact(opex.median.value), Decimal::new(52, 1));
    assert_eq!(opex.rank, Some(Rank { position: 3, of: 3 }));
    // Ratios are not converted.
    let growth = row(&view, "revenue_growth_yoy_pct");
    assert!(growth.cells[2].converted_from.is_none());
    assert!(view.not_compared_currencies.is_empty());
    assert_eq!(
        view.fx.as_ref().map(|f| f.as_of.as_deref()),
        Some(Some("2025-01-31"))
    );
}

#[test]
fn a_conversion_past_the_decimal_range_is_na_with_its_reason() {
    let (b, c) = (b(), c());
    // At SEK 10^26: C's revenue SEK 1000 × 10^26 = 10^29, past the range (about 7.9 × 10^28):
    // n/a with the reason, out of the median (B's 200 alone). Its revenue per employee,
    // SEK 20 × 10^26 = 2 × 10^27, still converts.
    let rates = Rates {
        rates: fx::parse("SEK=100000000000000000000000000,EUR=2").unwrap(),
        as_of: None,
    };
    let view = build_view(&[&b, &c], &rates);
    let revenue = row(&view, "revenue");
    assert_eq!(revenue.cells[2].cell.value, None);
    assert!(revenue.cells[2].reason.as_deref().is_some_and(
        |r| r.starts_with("too large to convert at 100000000000000000000000000 USD per SEK")
    ));
    assert_eq!(exact(revenue.median.value), Decimal::from(200));
    let per_employee = row(&view, "revenue_per_employee");
    assert_eq!(
        exact(per_employee.cells[2].cell.value),
        "2000000000000000000000000000".parse::<Decimal>().unwrap()
    );
    // The rates named under the table are those used: EUR converts nothing here.
    let used: Vec<&str> = view
        .fx
        .as_ref()
        .unwrap()
        .rates
        .iter()
        .map(|r| r.currency.as_str())
        .collect();
    assert_eq!(used, ["SEK"]);
}

#[test]
fn fiscal_years_are_named_by_their_ends_and_old_ones_flagged() {
    let (c, d) = (
        c(),
        company(
            "D",
            "USD",
            "12-31",
            [(2022, 50, Some(5), 40), (2023, 60, Some(5), 50)],
            10,
        ),
    );
    let old = company(
        "E",
        "USD",
        "12-31",
        [(2021, 50, Some(5), 40), (2022, 60, Some(5), 50)],
        10,
    );
    let view = build_view(&[&c, &d, &old], &Rates::default());
    assert!(view.year_ends_differ);
    assert_eq!(view.columns[1].year_end.as_deref(), Some("2024-06-30"));
    assert_eq!(
        view.columns[1].year_end_text.as_deref(),
        Some("30 Jun 2024")
    );
    // A's FY2024 ends 31 Dec 2024. C's 30 Jun 2024 is 6 months earlier; D's 31 Dec 2023
    // exactly a year: neither is more than a year older. E's 31 Dec 2022 is.
    assert_eq!(
        view.columns.iter().map(|c| c.stale).collect::<Vec<_>>(),
        vec![false, false, false, true]
    );
    assert_eq!(view.stale, vec!["E".to_string()]);
}

#[test]
fn a_peer_without_headcount_is_named_and_kept() {
    let b = b();
    let no_people = company(
        "NoPeople",
        "USD",
        "12-31",
        [(2023, 50, None, 40), (2024, 100, None, 80)],
        20,
    );
    let mut notes = crate::report::notes::Notes::default();
    let view = build(&a(), &[&b, &no_people], &Rates::default(), 40.0, &mut notes);
    assert_eq!(view.lacking_headcount, vec!["NoPeople".to_string()]);
    assert_eq!(view.columns.len(), 3);
    let per_employee = row(&view, "revenue_per_employee");
    assert!(per_employee.cells[2].cell.value.is_none());
    assert!(per_employee.cells[2].cell.note.is_some());
    // Left out of the median and the rank: B's 10 alone; A ties it.
    assert_eq!(exact(per_employee.median.value), Decimal::from(10));
    assert_eq!(per_employee.rank, Some(Rank { position: 1, of: 2 }));
    // Its growth (100 − 50) ÷ 50 = 100% still counts: median (25 + 100) ÷ 2 = 62.5.
    let growth = row(&view, "revenue_growth_yoy_pct");
    assert!((float(growth.median.value) - 62.5).abs() < 1e-9);
    // The section's gaps are one note, naming the peer and its year.
    let mut numbering = crate::report::notes::Numbering::new(notes);
    let mut cell = per_employee.cells[2].cell.clone();
    numbering.note(&mut cell.note);
    assert_eq!(cell.note, Some(1));
    let list = numbering.into_notes();
    assert!(
        list[0]
            .reason
            .contains("NoPeople, FY2024: the input gives no headcount"),
        "{list:?}"
    );
}

#[test]
fn median_and_rank_rules() {
    let e = |v: i64| Number::Exact(Exact(Decimal::from(v)));
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[e(3), e(1), e(2)]), Some(e(2)));
    // (1 + 2) ÷ 2 = 1.5, exact.
    assert_eq!(
        median(&[e(2), e(1)]),
        Some(Number::Exact(Exact(Decimal::new(15, 1))))
    );
    // Amounts to the cent: (0.01 + 0.02) ÷ 2 = 0.015, rounded half away from zero: 0.02.
    let cents = |c: i64| Number::Exact(Exact(Decimal::new(c, 2)));
    assert_eq!(median(&[cents(1), cents(2)]), Some(cents(2)));
    // Two amounts whose sum is past the decimal range: 4 × 10^28 and 6 × 10^28 halve first,
    // 2 × 10^28 + 3 × 10^28 = 5 × 10^28; and 4 × 10^28 twice is 4 × 10^28.
    let big = |v: i64| {
        Number::Exact(Exact(
            Decimal::from(v) * Decimal::from(10_i64.pow(14)) * Decimal::from(10_i64.pow(14)),
        ))
    };
    assert_eq!(median(&[big(4), big(6)]), Some(big(5)));
    assert_eq!(median(&[big(4), big(4)]), Some(big(4)));
    let f = |v: f64| Some(Number::Float(v));
    assert_eq!(
        rank(Polarity::UpGood, &[f(5.0), f(7.0), None, f(5.0)]),
        Some(Rank { position: 2, of: 3 })
    );
    assert_eq!(
        rank(Polarity::DownGood, &[f(5.0), f(7.0), f(5.0)]),
        Some(Rank { position: 1, of: 3 })
    );
    assert_eq!(rank(Polarity::Neutral, &[f(5.0), f(7.0)]), None);
    assert_eq!(rank(Polarity::UpGood, &[None, f(7.0)]), None);
    assert_eq!(rank(Polarity::UpGood, &[f(5.0), None]), None);
}

#[test]
fn year_ends_of_fiscal_years() {
    assert_eq!(
        year_end(2024, Some("06-30")),
        NaiveDate::from_ymd_opt(2024, 6, 30)
    );
    assert_eq!(year_end(2024, None), NaiveDate::from_ymd_opt(2024, 12, 31));
    // 29 February in a year without it: the 28th.
    assert_eq!(
        year_end(2023, Some("02-29")),
        NaiveDate::from_ymd_opt(2023, 2, 28)
    );
}
