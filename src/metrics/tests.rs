//! Metrics against values computed by hand. The comment above each expected value shows the
//! arithmetic, from the figures in `tests/fixtures/acme.toml` (SEK thousands, so x 1,000 gives
//! full units) or from the small input written out in the test.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::input::{self, Format, ReadOptions};
use crate::metrics::{compute, Metrics, PeriodMetrics};
use crate::money::Exact;
use crate::period::PeriodLabel;

const ACME_TOML: &str = include_str!("../../tests/fixtures/acme.toml");
const ACME_JSON: &str = include_str!("../../tests/fixtures/acme.json");
const ACME_CSV: &str = include_str!("../../tests/fixtures/acme.csv");

/// The header every small test input starts with: amounts in full SEK.
const COMPANY: &str = "[company]\nname = \"Test AB\"\ncurrency = \"SEK\"\n";

fn metrics_of(text: &str) -> Metrics {
    let input = input::parse(text, "acme.toml", Format::Toml, &ReadOptions::default())
        .unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
    compute(&input)
}

fn period<'a>(metrics: &'a Metrics, label: &str) -> &'a PeriodMetrics {
    let label = PeriodLabel::parse(label).unwrap_or_else(|e| panic!("{}", e.0));
    metrics
        .period(label)
        .unwrap_or_else(|| panic!("no period {label}"))
}

#[track_caller]
fn assert_close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, found none"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, found {actual}"
    );
}

#[track_caller]
fn assert_money(actual: Option<Exact>, expected: Decimal) {
    assert_eq!(actual, Some(Exact(expected)));
}

#[track_caller]
fn assert_reason(period: &PeriodMetrics, key: &str, expected: &str) {
    assert_eq!(
        period.unavailable.reason(key).as_deref(),
        Some(expected),
        "reason for {key}"
    );
}

#[test]
fn every_metric_of_a_full_year() {
    let metrics = metrics_of(ACME_TOML);
    let year = period(&metrics, "2024");

    // revenue 5000 thousand = 5,000,000
    assert_money(Some(year.revenue), dec!(5000000));
    // (5000 - 4000) / 4000 x 100 = 25
    assert_close(year.revenue_growth_yoy_pct, 25.0);
    assert_eq!(year.revenue_growth_qoq_pct, None);
    assert_reason(year, "revenue_growth_qoq_pct", "applies to quarters only");

    // headcount_start 100 is given; (100 + 80) / 2 = 90
    assert_money(year.headcount_start, dec!(100));
    assert_money(year.avg_headcount, dec!(90));
    // (80 - 100) / 100 x 100 = -20 (2023 ended with 100)
    assert_close(year.headcount_change_yoy_pct, -20.0);
    // 25 - (-20) = 45 percentage points
    assert_close(year.growth_minus_headcount_growth_pp, 45.0);

    // 5,000,000 / 90 = 55,555.555... -> 55,555.56
    assert_money(year.revenue_per_employee, dec!(55555.56));
    // opex 600 + 600 + 1500 + 500 = 3200 thousand = 3,200,000
    assert_money(year.opex, dec!(3200000));
    // 3,200,000 / 90 = 35,555.555... -> 35,555.56
    assert_money(year.opex_per_employee, dec!(35555.56));
    // 3200 / 5000 x 100 = 64
    assert_close(year.opex_pct_of_revenue, 64.0);
    // 2023 opex 800 + 600 + 1200 + 400 = 3000; (3200 - 3000) / 3000 x 100 = 6.666...
    assert_close(year.opex_growth_yoy_pct, 200.0 / 3000.0 * 100.0);

    // operating_income 1600 is reported
    assert_money(year.operating_income, dec!(1600000));
    assert_eq!(year.operating_income_source, Some("reported"));
    // 1600 / 5000 x 100 = 32
    assert_close(year.operating_margin_pct, 32.0);
    assert_money(year.adjusted_operating_income, dec!(2000000));
    // 2000 / 5000 x 100 = 40
    assert_close(year.adjusted_operating_margin_pct, 40.0);
    // 5000 - 3200 - 1600 = 200 thousand not in the listed lines
    assert_money(year.unlisted_costs, dec!(200000));
    // 25 + 32 = 57
    assert_close(year.rule_of_40, 57.0);

    // Each line: amount, share of 5000, growth on 2023.
    let line = |name: &str| &year.cost_lines[name];
    // support 600: 600 / 5000 = 12 %; (600 - 800) / 800 = -25 %
    assert_eq!(line("support").amount, Exact(dec!(600000)));
    assert_close(line("support").pct_of_revenue, 12.0);
    assert_close(line("support").yoy_pct, -25.0);
    assert!(line("support").ai_exposed);
    // marketing 600: 12 %; (600 - 600) / 600 = 0 %
    assert_eq!(line("marketing").amount, Exact(dec!(600000)));
    assert_close(line("marketing").pct_of_revenue, 12.0);
    assert_close(line("marketing").yoy_pct, 0.0);
    // engineering 1500: 30 %; (1500 - 1200) / 1200 = 25 %
    assert_eq!(line("engineering").amount, Exact(dec!(1500000)));
    assert_close(line("engineering").pct_of_revenue, 30.0);
    assert_close(line("engineering").yoy_pct, 25.0);
    assert!(!line("engineering").ai_exposed);
    // admin 500: 10 %; (500 - 400) / 400 = 25 %
    assert_eq!(line("admin").amount, Exact(dec!(500000)));
    assert_close(line("admin").pct_of_revenue, 10.0);
    assert_close(line("admin").yoy_pct, 25.0);
    let order: Vec<&str> = year.cost_lines.keys().map(String::as_str).collect();
    assert_eq!(order, ["support", "marketing", "engineering", "admin"]);

    // AI-exposed: support 600 + marketing 600 = 1200 thousand; 1200 / 5000 = 24 %
    assert_money(year.ai_exposed_cost, dec!(1200000));
    assert_close(year.ai_exposed_pct_of_revenue, 24.0);

    // personnel 2,700,000 / 90 = 30,000 per employee (a year: no annualising)
    assert_money(year.personnel_cost, dec!(2700000));
    assert_money(year.loaded_cost_per_employee, dec!(30000));
    // AI does the work of 9 people at 30,000 each: 270,000
    assert_money(year.ai_fte_equivalent, dec!(9));
    assert_money(year.ai_savings, dec!(270000));
    // 270,000 / spend 100,000 = 2.7
    assert_money(year.ai_spend, dec!(100000));
    assert_close(year.ai_roi, 2.7);

    // Nothing else is missing, and nothing rests on an approximation.
    let missing: Vec<&str> = year.unavailable.0.keys().map(String::as_str).collect();
    // The statement figures are not in this fixture: `cash/tests.rs` computes them by hand.
    assert_eq!(
        missing,
        [
            "ebitda",
            "ebitda_margin_pct",
            "fcf_margin_pct",
            "free_cash_flow",
            "gross_margin_pct",
            "gross_profit",
            "net_burn",
            "revenue_growth_qoq_pct",
            "runway_months",
            "sbc_pct_of_revenue"
        ]
    );
    assert!(year.approximations.is_empty(), "{:?}", year.approximations);
}

#[test]
fn the_first_year_derives_income_and_says_what_it_cannot_compare() {
    let metrics = metrics_of(ACME_TOML);
    let year = period(&metrics, "2023");

    // No 2022 in the input: nothing year-over-year.
    for key in [
        "revenue_growth_yoy_pct",
        "headcount_change_yoy_pct",
        "opex_growth_yoy_pct",
        "cost_lines.support.yoy_pct",
    ] {
        assert_reason(
            year,
            key,
            "the input's years start at 2023, so there is no earlier year to compare with",
        );
    }
    assert_eq!(year.revenue_growth_yoy_pct, None);
    assert_eq!(year.cost_lines["support"].yoy_pct, None);
    assert_reason(
        year,
        "rule_of_40",
        "the input's years start at 2023, so there is no earlier year to compare with",
    );
    assert_reason(
        year,
        "growth_minus_headcount_growth_pp",
        "the input's years start at 2023, so there is no earlier year to compare with",
    );

    // No headcount_start and no 2022 to take it from: the average is headcount_end, 100.
    assert_eq!(year.headcount_start, None);
    assert_money(year.avg_headcount, dec!(100));
    assert_eq!(
        year.approximations,
        ["average headcount is the period-end headcount (100): there is no start headcount and no 2022 period to take it from"]
    );
    // 4,000,000 / 100 = 40,000
    assert_money(year.revenue_per_employee, dec!(40000));
    // opex 800 + 600 + 1200 + 400 = 3000 thousand; 3,000,000 / 100 = 30,000
    assert_money(year.opex, dec!(3000000));
    assert_money(year.opex_per_employee, dec!(30000));
    // 3000 / 4000 = 75 %
    assert_close(year.opex_pct_of_revenue, 75.0);

    // Not reported: derived as 4000 - 3000 = 1000 thousand; 1000 / 4000 = 25 %
    assert_money(year.operating_income, dec!(1000000));
    assert_eq!(year.operating_income_source, Some("derived"));
    assert_close(year.operating_margin_pct, 25.0);
    // Derived income has nothing to differ from.
    assert_eq!(year.unlisted_costs, None);
    // 1100 / 4000 = 27.5 %
    assert_close(year.adjusted_operating_margin_pct, 27.5);

    // support 800 + marketing 600 = 1400 thousand; 1400 / 4000 = 35 %
    assert_money(year.ai_exposed_cost, dec!(1400000));
    assert_close(year.ai_exposed_pct_of_revenue, 35.0);
    // 800 / 4000 = 20 %
    assert_close(year.cost_lines["support"].pct_of_revenue, 20.0);
    // 2,000,000 / 100 = 20,000
    assert_money(year.loaded_cost_per_employee, dec!(20000));
    assert_reason(
        year,
        "ai_savings",
        "the input gives no AI work, full-time equivalents",
    );
    assert_reason(
        year,
        "ai_roi",
        "the input gives no AI work, full-time equivalents",
    );
}

#[test]
fn quarters_are_annualised_by_four() {
    let metrics = metrics_of(ACME_TOML);

    // 2023-Q1: start 80, end 100, average 90.
    let q1 = period(&metrics, "2023-Q1");
    assert_money(q1.avg_headcount, dec!(90));
    // 900,000 x 4 / 90 = 40,000
    assert_money(q1.revenue_per_employee, dec!(40000));
    // opex 200 + 150 + 250 + 100 = 700 thousand; 700,000 x 4 / 90 = 31,111.111... -> 31,111.11
    assert_money(q1.opex, dec!(700000));
    assert_money(q1.opex_per_employee, dec!(31111.11));
    // 700 / 900 x 100 = 77.777...
    assert_close(q1.opex_pct_of_revenue, 700.0 / 900.0 * 100.0);
    // derived 900 - 700 = 200 thousand; 200 / 900 x 100 = 22.222...
    assert_money(q1.operating_income, dec!(200000));
    assert_eq!(q1.operating_income_source, Some("derived"));
    assert_close(q1.operating_margin_pct, 200.0 / 900.0 * 100.0);
    // support 200 + marketing 150 = 350; 350 / 900 x 100 = 38.888...
    assert_money(q1.ai_exposed_cost, dec!(350000));
    assert_close(q1.ai_exposed_pct_of_revenue, 350.0 / 900.0 * 100.0);
    assert_reason(
        q1,
        "revenue_growth_qoq_pct",
        "the input's quarters start at 2023-Q1, so there is no earlier quarter to compare with",
    );
    assert_reason(
        q1,
        "revenue_growth_yoy_pct",
        "the input's quarters start at 2023-Q1, so there is no earlier quarter to compare with",
    );

    // 2024-Q3: start is 2024-Q2's end 100, end 90, average 95.
    let q3 = period(&metrics, "2024-Q3");
    assert_money(q3.avg_headcount, dec!(95));
    // 1,300,000 x 4 / 95 = 5,200,000 / 95 = 54,736.842... -> 54,736.84
    assert_money(q3.revenue_per_employee, dec!(54736.84));

    // 2024-Q4: start 90 (2024-Q3's end), end 80, average 85.
    let q4 = period(&metrics, "2024-Q4");
    assert_money(q4.headcount_start, dec!(90));
    assert_money(q4.avg_headcount, dec!(85));
    // 1,400,000 x 4 / 85 = 5,600,000 / 85 = 65,882.352... -> 65,882.35
    assert_money(q4.revenue_per_employee, dec!(65882.35));
    // personnel 680,000 x 4 / 85 = 2,720,000 / 85 = 32,000
    assert_money(q4.loaded_cost_per_employee, dec!(32000));
    // Savings are the quarter's: 8 people x (680,000 / 85 = 8,000) = 64,000
    assert_money(q4.ai_savings, dec!(64000));
    // 64,000 / spend 32,000 = 2
    assert_close(q4.ai_roi, 2.0);
    // reported 400 thousand; 400 / 1400 x 100 = 28.571...
    assert_money(q4.operating_income, dec!(400000));
    assert_eq!(q4.operating_income_source, Some("reported"));
    assert_close(q4.operating_margin_pct, 400.0 / 1400.0 * 100.0);
    // 450 / 1400 x 100 = 32.142...
    assert_close(q4.adjusted_operating_margin_pct, 450.0 / 1400.0 * 100.0);
    // (1400 - 1150) / 1150 x 100 = 21.739...; (1400 - 1300) / 1300 x 100 = 7.692...
    assert_close(q4.revenue_growth_yoy_pct, 250.0 / 1150.0 * 100.0);
    assert_close(q4.revenue_growth_qoq_pct, 100.0 / 1300.0 * 100.0);
    // headcount (80 - 100) / 100 = -20 %; 21.739... - (-20) = 41.739...
    assert_close(q4.headcount_change_yoy_pct, -20.0);
    assert_close(
        q4.growth_minus_headcount_growth_pp,
        250.0 / 1150.0 * 100.0 + 20.0,
    );
    // 21.739... + 28.571... = 50.310...
    assert_close(
        q4.rule_of_40,
        250.0 / 1150.0 * 100.0 + 400.0 / 1400.0 * 100.0,
    );
    // Reported income with no cost lines: no opex, no unlisted costs.
    assert_eq!(q4.opex, None);
    assert_eq!(q4.unlisted_costs, None);
    assert_reason(q4, "opex", "the input lists no cost lines");
    assert_reason(q4, "opex_per_employee", "the input lists no cost lines");
    assert_reason(
        q4,
        "ai_exposed_cost",
        "the input lists none of the AI-exposed lines (support and marketing)",
    );
}

#[test]
fn quarter_over_quarter_and_year_over_year() {
    let metrics = metrics_of(ACME_TOML);

    // 2023-Q2: (950 - 900) / 900 x 100 = 5.555...
    let q2 = period(&metrics, "2023-Q2");
    assert_close(q2.revenue_growth_qoq_pct, 50.0 / 900.0 * 100.0);
    // No headcount_start: it is 2023-Q1's end, 100; (100 + 100) / 2 = 100, no approximation.
    assert_money(q2.headcount_start, dec!(100));
    assert_money(q2.avg_headcount, dec!(100));
    assert!(q2.approximations.is_empty());
    // 950,000 x 4 / 100 = 38,000
    assert_money(q2.revenue_per_employee, dec!(38000));
    assert_reason(q2, "operating_income", "the input lists no cost lines");
    assert_reason(q2, "operating_margin_pct", "the input lists no cost lines");
    assert_reason(
        q2,
        "loaded_cost_per_employee",
        "the input gives no personnel cost",
    );

    let q1 = period(&metrics, "2024-Q1");
    // (1100 - 900) / 900 x 100 = 22.222...
    assert_close(q1.revenue_growth_yoy_pct, 200.0 / 900.0 * 100.0);
    // Across the year boundary, from 2023-Q4: (1100 - 1150) / 1150 x 100 = -4.347...
    assert_close(q1.revenue_growth_qoq_pct, -50.0 / 1150.0 * 100.0);
    // headcount 100 on 100 a year earlier: 0 %; 22.222... - 0 = 22.222...
    assert_close(q1.headcount_change_yoy_pct, 0.0);
    assert_close(q1.growth_minus_headcount_growth_pp, 200.0 / 900.0 * 100.0);
    // opex 150 + 150 + 350 + 150 = 800; (800 - 700) / 700 x 100 = 14.285...
    assert_money(q1.opex, dec!(800000));
    assert_close(q1.opex_growth_yoy_pct, 100.0 / 700.0 * 100.0);
    // 800,000 x 4 / 100 = 32,000
    assert_money(q1.opex_per_employee, dec!(32000));
    // Reported 300 equals 1100 - 800: the reported figure is used, and nothing is unlisted.
    assert_money(q1.operating_income, dec!(300000));
    assert_eq!(q1.operating_income_source, Some("reported"));
    assert_eq!(q1.unlisted_costs, None);
    // 22.222... + 300 / 1100 x 100 (27.272...) = 49.494...
    assert_close(
        q1.rule_of_40,
        200.0 / 900.0 * 100.0 + 300.0 / 1100.0 * 100.0,
    );
    // Lines against 2023-Q1: support (150 - 200) / 200 = -25 %, engineering (350 - 250) / 250
    // = 40 %, admin (150 - 100) / 100 = 50 %
    assert_close(q1.cost_lines["support"].yoy_pct, -25.0);
    assert_close(q1.cost_lines["engineering"].yoy_pct, 40.0);
    assert_close(q1.cost_lines["admin"].yoy_pct, 50.0);
    // 350 / 1100 x 100 = 31.818...
    assert_close(
        q1.cost_lines["engineering"].pct_of_revenue,
        350.0 / 1100.0 * 100.0,
    );
}

#[test]
fn halves_are_annualised_by_two() {
    let text = format!(
        "{COMPANY}
[[period]]
label = \"2024-H1\"
revenue = 500
headcount_start = 8
headcount_end = 12
personnel_cost = 300
costs = {{ rent = 100 }}
"
    );
    let metrics = metrics_of(&text);
    let half = period(&metrics, "2024-H1");
    // (8 + 12) / 2 = 10 people
    assert_money(half.avg_headcount, dec!(10));
    // 500 x 2 / 10 = 100
    assert_money(half.revenue_per_employee, dec!(100));
    // 100 x 2 / 10 = 20
    assert_money(half.opex_per_employee, dec!(20));
    // 300 x 2 / 10 = 60
    assert_money(half.loaded_cost_per_employee, dec!(60));
    assert_reason(half, "revenue_growth_qoq_pct", "applies to quarters only");
}

#[test]
fn year_over_year_is_by_label_across_a_gap() {
    let text = format!(
        "{COMPANY}
[[period]]
label = \"2023-Q1\"
revenue = 100

[[period]]
label = \"2024-Q3\"
revenue = 150

[[period]]
label = \"2023-Q3\"
revenue = 120
"
    );
    let metrics = metrics_of(&text);
    let labels: Vec<String> = metrics
        .periods
        .iter()
        .map(|p| p.label.to_string())
        .collect();
    assert_eq!(
        labels,
        ["2023-Q1", "2023-Q3", "2024-Q3"],
        "periods are put in time order"
    );

    // 2024-Q3 is compared with the quarter labelled 2023-Q3, not with a position four quarters
    // back (there are only two before it): (150 - 120) / 120 x 100 = 25. Its quarter-over-quarter
    // growth needs 2024-Q2, not 2023-Q3, which merely comes just before it.
    let late = period(&metrics, "2024-Q3");
    assert_close(late.revenue_growth_yoy_pct, 25.0);
    assert_reason(
        late,
        "revenue_growth_qoq_pct",
        "no 2024-Q2 in the input to compare with",
    );

    // 2023-Q3 follows 2023-Q1 in the input, but its previous quarter is 2023-Q2, which is missing.
    let mid = period(&metrics, "2023-Q3");
    assert_eq!(mid.revenue_growth_qoq_pct, None);
    assert_reason(
        mid,
        "revenue_growth_qoq_pct",
        "no 2023-Q2 in the input to compare with",
    );
    assert_reason(
        mid,
        "revenue_growth_yoy_pct",
        "the input's quarters start at 2023-Q1, so there is no earlier quarter to compare with",
    );

    // The gaps are warnings: one quarter missing before 2023-Q3, three before 2024-Q3.
    let gaps: Vec<(&str, &str)> = metrics
        .warnings
        .iter()
        .map(|w| (w.kind.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                "gap",
                "gap in the quarters: 1 period missing between 2023-Q1 and 2023-Q3"
            ),
            (
                "gap",
                "gap in the quarters: 3 periods missing between 2023-Q3 and 2024-Q3"
            ),
        ]
    );
}

#[test]
fn division_by_zero_is_unavailable_with_a_reason() {
    let text = format!(
        "{COMPANY}ai_exposed = [\"support\"]

[[period]]
label = \"2023\"
revenue = 0
headcount_end = 0
personnel_cost = 50
costs = {{ support = 0 }}
ai = {{ spend = 0, fte_equivalent = 1 }}

[[period]]
label = \"2024\"
revenue = 100
headcount_end = 4
personnel_cost = 80
costs = {{ support = 10 }}
ai = {{ spend = 0, fte_equivalent = 1 }}
"
    );
    let metrics = metrics_of(&text);
    let zero = period(&metrics, "2023");
    for key in [
        "opex_pct_of_revenue",
        "operating_margin_pct",
        "ai_exposed_pct_of_revenue",
        "cost_lines.support.pct_of_revenue",
    ] {
        assert_reason(zero, key, "revenue is zero");
    }
    assert_eq!(zero.opex_pct_of_revenue, None);
    assert_eq!(zero.cost_lines["support"].pct_of_revenue, None);
    // Derived income is still there: 0 - 0 = 0.
    assert_money(zero.operating_income, dec!(0));
    // Nobody on staff: nothing per employee.
    for key in [
        "revenue_per_employee",
        "opex_per_employee",
        "loaded_cost_per_employee",
        "ai_savings",
    ] {
        assert_reason(zero, key, "average headcount is zero");
    }

    let next = period(&metrics, "2024");
    // Growth from zero is not a number: not meaningful (n/m).
    assert_reason(
        next,
        "revenue_growth_yoy_pct",
        "revenue in 2023 is zero, so a percent change is not meaningful (n/m)",
    );
    assert_reason(
        next,
        "headcount_change_yoy_pct",
        "headcount, period end in 2023 is zero, so a percent change is not meaningful (n/m)",
    );
    assert_reason(
        next,
        "opex_growth_yoy_pct",
        "operating expenses in 2023 is zero, so a percent change is not meaningful (n/m)",
    );
    assert_reason(
        next,
        "cost_lines.support.yoy_pct",
        "support in 2023 is zero, so a percent change is not meaningful (n/m)",
    );
    // (0 + 4) / 2 = 2 people; savings 1 x 80 / 2 = 40, but spend is zero.
    assert_money(next.ai_savings, dec!(40));
    assert_reason(next, "ai_roi", "AI spend is zero");
}

#[test]
fn money_is_rounded_to_cents_half_away_from_zero() {
    let text = format!(
        "{COMPANY}
[[period]]
label = \"2024\"
revenue = 100.01
headcount_end = 2
costs = {{ refunds = -0.01 }}
"
    );
    let metrics = metrics_of(&text);
    let year = period(&metrics, "2024");
    // 100.01 / 2 = 50.005 -> 50.01 (half away from zero; banker's rounding would give 50.00)
    assert_money(year.revenue_per_employee, dec!(50.01));
    // A cost line may be negative: opex -0.01; -0.01 / 2 = -0.005 -> -0.01
    assert_money(year.opex, dec!(-0.01));
    assert_money(year.opex_per_employee, dec!(-0.01));
    // 100.01 - (-0.01) = 100.02
    assert_money(year.operating_income, dec!(100.02));
}

#[test]
fn money_sums_are_exact() {
    let text = format!(
        "{COMPANY}
[[period]]
label = \"2024\"
revenue = 1
costs = {{ a = 0.1, b = 0.2 }}
"
    );
    let metrics = metrics_of(&text);
    let year = period(&metrics, "2024");
    // 0.1 + 0.2 = 0.3 exactly, not 0.30000000000000004
    assert_eq!(
        serde_json::to_string(&year.opex).ok().as_deref(),
        Some("0.3")
    );
    // 1 - 0.3 = 0.7
    assert_eq!(
        serde_json::to_string(&year.operating_income)
            .ok()
            .as_deref(),
        Some("0.7")
    );
    // 0.3 / 1 x 100 = 30
    assert_close(year.opex_pct_of_revenue, 30.0);
}

#[test]
fn unlisted_costs_are_a_warning_with_amounts_as_money() {
    let metrics = metrics_of(ACME_TOML);
    let unlisted: Vec<(Option<&str>, &str)> = metrics
        .warnings
        .iter()
        .filter(|w| w.kind == "unlisted_costs")
        .map(|w| (w.period.as_deref(), w.message.as_str()))
        .collect();
    // 2024 (SEK thousands): revenue 5000 - lines 3200 = 1800; reported 1600 is 200 below
    // it: amounts in the thousands the input gives them in, with their currency.
    assert_eq!(
        unlisted,
        [(
            Some("2024"),
            "2024: reported operating income of SEK 1,600k is SEK 200k below revenue minus the \
             listed cost lines (SEK 1,800k): unlisted costs such as D&A"
        )]
    );
}

#[test]
fn incomplete_cost_lines_give_no_opex() {
    let text = format!(
        "{COMPANY}ai_exposed = [\"support\", \"marketing\"]

[[period]]
label = \"2023\"
revenue = 100
costs = {{ support = 10, marketing = 20 }}

[[period]]
label = \"2024\"
revenue = 200
costs = {{ support = 30 }}
"
    );
    let metrics = metrics_of(&text);
    let year = period(&metrics, "2024");
    assert_eq!(year.opex, None);
    assert_reason(
        year,
        "opex",
        "the input does not list marketing, so the cost lines do not add up to a total like the other periods' (enter 0 for a line there was none of)",
    );
    assert_eq!(year.operating_income, None);
    assert_reason(
        year,
        "operating_income",
        // Not reported, and not derivable for the reason opex is missing: that reason.
        "the input does not list marketing, so the cost lines do not add up to a total like \
         the other periods' (enter 0 for a line there was none of)",
    );
    // The AI-exposed cost is what there is, 30, and says what it leaves out; 30 / 200 = 15 %
    assert_money(year.ai_exposed_cost, dec!(30));
    assert_close(year.ai_exposed_pct_of_revenue, 15.0);
    assert_eq!(
        year.approximations,
        ["AI-exposed cost leaves out Marketing, which is not in this period"]
    );
    // The line itself still compares: (30 - 10) / 10 = 200 %
    assert_close(year.cost_lines["support"].yoy_pct, 200.0);
}

#[test]
fn ai_return_needs_spend() {
    let text = format!(
        "{COMPANY}
[[period]]
label = \"2024\"
revenue = 100
headcount_end = 10
personnel_cost = 50
ai = {{ fte_equivalent = 2 }}
"
    );
    let metrics = metrics_of(&text);
    let year = period(&metrics, "2024");
    // 2 x (50 / 10) = 10
    assert_money(year.ai_savings, dec!(10));
    assert_reason(year, "ai_roi", "the input gives no AI spend");
}

#[test]
fn toml_json_and_csv_give_the_same_quarters() {
    let company = [
        ("name", "Acme Analytics AB"),
        ("currency", "SEK"),
        ("scale", "thousands"),
        ("ai_exposed", "support,marketing"),
    ];
    let csv_options = ReadOptions {
        format: None,
        company_fields: company
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        sheet: None,
        layout: None,
    };
    let quarters = |text: &str, format: Format, options: &ReadOptions| -> Vec<String> {
        let input = input::parse(text, "acme", format, options)
            .unwrap_or_else(|error| panic!("{format:?} fixture is invalid:\n{error}"));
        compute(&input)
            .periods
            .iter()
            .filter(|p| p.kind == crate::period::PeriodKind::Quarter)
            .map(|p| serde_json::to_string(p).unwrap_or_default())
            .collect()
    };
    let from_toml = quarters(ACME_TOML, Format::Toml, &ReadOptions::default());
    let from_json = quarters(ACME_JSON, Format::Json, &ReadOptions::default());
    let from_csv = quarters(ACME_CSV, Format::Csv, &csv_options);
    assert_eq!(from_toml.len(), 8);
    assert_eq!(from_toml, from_json);
    assert_eq!(from_toml, from_csv);
    // And they are the hand-computed figures: 2024-Q4's revenue per employee from the CSV is
    // 1,400,000 x 4 / 85 = 65,882.35.
    assert!(
        from_csv[7].contains("\"revenue_per_employee\":65882.35"),
        "{}",
        from_csv[7]
    );
}

#[test]
fn amounts_at_the_decimal_limit_do_not_panic() {
    // Guards against overflow panics in revenue - opex, unlisted costs, the AI-exposed sum and
    // the headcount average: the largest decimal is 79,228,162,514,264,337,593,543,950,335.
    let max = "79228162514264337593543950335";
    let year_of = |fields: String| -> PeriodMetrics {
        let text = format!(
            r#"{{"company": {{"name": "Big AB", "currency": "SEK", "ai_exposed": ["a"]}},
            "period": [{{"label": "2024", "revenue": {max}, {fields}}}]}}"#
        );
        let input = input::parse(&text, "big.json", Format::Json, &ReadOptions::default())
            .unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
        compute(&input).periods.remove(0)
    };

    let year = year_of(format!(
        r#""headcount_start": {max}, "headcount_end": {max}, "costs": {{"a": {max}, "b": {max}}}"#
    ));
    assert_reason(&year, "avg_headcount", "too large to represent exactly");
    assert_reason(&year, "opex", "too large to represent exactly");

    let year = year_of(format!(r#""costs": {{"a": -{max}}}"#));
    assert_eq!(year.operating_income, None);
    assert_reason(&year, "operating_income", "too large to represent exactly");

    // max - 1 - (-max) does not fit: no unlisted costs rather than a crash.
    let year = year_of(format!(
        r#""operating_income": -{max}, "costs": {{"a": 1}}"#
    ));
    assert_eq!(year.unlisted_costs, None);

    let text = format!(
        r#"{{"company": {{"name": "Big AB", "currency": "SEK", "ai_exposed": ["a", "b"]}},
        "period": [{{"label": "2024", "revenue": 1, "costs": {{"a": {max}, "b": {max}}}}}]}}"#
    );
    let input = input::parse(&text, "big.json", Format::Json, &ReadOptions::default())
        .unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
    let metrics = compute(&input);
    assert_reason(
        &metrics.periods[0],
        "ai_exposed_cost",
        "too large to represent exactly",
    );
}

/// Trust II (11): a growth rate from a negative base was a number measured against the base's
/// size (-100 -> -50 read "+50%"). It is now not meaningful ("n/m"), with its reason, and
/// metrics.json lists the key under `not_meaningful` beside the reason in `unavailable`.
#[test]
fn growth_from_a_negative_or_zero_base_is_not_meaningful() {
    let metrics = metrics_of(&format!(
        "{COMPANY}[[period]]\nlabel = \"2024\"\nrevenue = 1000\n[period.costs]\nstaff = 900\n\
         fx_result = -100\nrent = 0\n[[period]]\nlabel = \"2025\"\nrevenue = 1200\n\
         [period.costs]\nstaff = 950\nfx_result = -50\nrent = 20\n"
    ));
    let p2025 = period(&metrics, "2025");
    // Revenue 1,000 -> 1,200 from a positive base: +20%.
    assert_close(p2025.revenue_growth_yoy_pct, 20.0);
    // The FX line -100 -> -50 and rent 0 -> 20: no percent of either.
    assert_eq!(p2025.cost_lines["fx_result"].yoy_pct, None);
    assert_eq!(p2025.cost_lines["rent"].yoy_pct, None);
    assert_eq!(
        p2025
            .unavailable
            .reason("cost_lines.fx_result.yoy_pct")
            .as_deref(),
        Some("fx result in 2024 is negative, so a percent change is not meaningful (n/m)")
    );
    assert_eq!(
        p2025
            .unavailable
            .reason("cost_lines.rent.yoy_pct")
            .as_deref(),
        Some("rent in 2024 is zero, so a percent change is not meaningful (n/m)")
    );
    assert_eq!(
        p2025.not_meaningful,
        ["cost_lines.fx_result.yoy_pct", "cost_lines.rent.yoy_pct"]
    );
    let json = serde_json::to_value(p2025).unwrap();
    assert_eq!(json["not_meaningful"][0], "cost_lines.fx_result.yoy_pct");
    assert!(json["cost_lines"]["fx_result"]["yoy_pct"].is_null());
}

#[test]
fn a_quotient_past_the_decimal_range_says_too_large_not_zero() {
    // Regression: a share, growth or runway over a tiny divisor overflowed the exact division
    // and was explained as "zero". 4 x 10^28 / 0.0001 x 100 = 4 x 10^34 %, past the range;
    // over 0 the reason stays "zero".
    let metrics = metrics_of(&format!(
        "{COMPANY}\n[[period]]\nlabel = \"2023\"\nrevenue = 0.0001\ncosts = {{ rent = 0.0001 }}\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 4e28\noperating_cash_flow = -0.0001\ncapex = 0\n\
         cash = 4e28\ncosts = {{ rent = 4e28 }}\n\
         [[period]]\nlabel = \"2025\"\nrevenue = 0.0001\noperating_income = 4e28\n\
         costs = {{ rent = 0 }}\n\
         [[period]]\nlabel = \"2026\"\nrevenue = 1\ncosts = {{ rent = 1 }}\n"
    ));
    let too_large = "too large to represent exactly";
    // 0.0001 / 0.0001 x 100 = 100 %.
    assert_close(period(&metrics, "2023").opex_pct_of_revenue, 100.0);
    // (4 x 10^28 - 0.0001) / 0.0001 x 100: the growth and the cost line's growth.
    let second = period(&metrics, "2024");
    assert_reason(second, "revenue_growth_yoy_pct", too_large);
    assert_reason(second, "cost_lines.rent.yoy_pct", too_large);
    // A runway of 4 x 10^28 x 12 / 0.0001 months.
    assert_reason(second, "runway_months", too_large);
    // 4 x 10^28 / 0.0001 x 100 %: the operating margin. Back down: (0.0001 - 4 x 10^28) /
    // 4 x 10^28 x 100 = -99.99...%, which is -100 to the float.
    let third = period(&metrics, "2025");
    assert_reason(third, "operating_margin_pct", too_large);
    assert_close(third.revenue_growth_yoy_pct, -100.0);
    // From rent of 0 the growth rate is not meaningful, and the reason still says so.
    assert_reason(
        period(&metrics, "2026"),
        "cost_lines.rent.yoy_pct",
        "rent in 2025 is zero, so a percent change is not meaningful (n/m)",
    );
}
