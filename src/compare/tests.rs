//! Unit tests of the comparison model, against figures computed by hand.

use super::change::Tone;
use super::{build, select, Comparison, Mode, Row};
use crate::format::places as fixed;
use crate::input::{self, Format, ReadOptions};
use crate::scorecard::Thresholds;

pub(super) fn metrics(text: &str, file: &str) -> crate::metrics::Metrics {
    let input = input::parse(text, file, Format::Toml, &ReadOptions::default()).unwrap();
    crate::analyse(&input, &Thresholds::default(), None).metrics
}

pub(super) fn klarna() -> crate::metrics::Metrics {
    metrics(crate::EXAMPLE_TOML, "klarna.toml")
}

pub(super) fn compare(
    companies: &[crate::metrics::Metrics],
    periods: &[&str],
    period: Option<&str>,
) -> Comparison {
    let periods: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
    let (mode, sources) = select::columns(companies, &periods, period).unwrap();
    build(mode, &sources, None)
}

fn row<'a>(comparison: &'a Comparison, key: &str) -> &'a Row {
    comparison
        .rows
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

/// 2024 in full (1,000); 2025 as its Q1 240 and Q2 260, which add up to its 500: year to date.
const YEAR_TO_DATE: &str = "[company]\nname = \"Ytd\"\ncurrency = \"EUR\"\n\
    [[period]]\nlabel = \"2024\"\nrevenue = 1000\n\
    [[period]]\nlabel = \"2025\"\nrevenue = 500\n\
    [[period]]\nlabel = \"2025-Q1\"\nrevenue = 240\n\
    [[period]]\nlabel = \"2025-Q2\"\nrevenue = 260\n";

/// Trust II 3: `latest-yoy` refuses to set 2025's year to date (its Q1 240 and Q2 260 add up
/// to its 500) against 2024's full year.
#[test]
fn latest_yoy_refuses_a_year_to_date() {
    let companies = [metrics(YEAR_TO_DATE, "ytd.toml")];
    let error = select::columns(&companies, &["latest-yoy".to_string()], None)
        .err()
        .expect("refused");
    assert_eq!(
        error.0,
        "latest-yoy compares 2025 with a year earlier, but 2025 holds 2 quarters (year to date), \
         and a part of a year is not compared with a whole one; compare its quarters with theirs \
         a year earlier instead"
    );
}

/// The same with the periods named: 2024 (full) against 2025 (two quarters, year to date) is
/// refused; the quarters themselves compare.
#[test]
fn named_periods_never_set_a_year_to_date_against_a_full_year() {
    let companies = [metrics(YEAR_TO_DATE, "ytd.toml")];
    let named = |periods: &[&str]| {
        let periods: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
        select::columns(&companies, &periods, None)
    };
    let error = named(&["2024", "2025"]).err().expect("refused");
    assert_eq!(
        error.0,
        "--periods: 2025 holds 2 quarters (year to date), and a part of a year is not compared \
         with a whole one; compare its quarters with theirs a year earlier instead"
    );
    assert!(named(&["2025-Q1", "2025-Q2"]).is_ok());
}

#[test]
fn klarna_2024_against_2025_by_hand() {
    let c = compare(&[klarna()], &["2024", "2025"], None);
    assert_eq!(c.mode, Mode::Periods);
    assert_eq!(c.amounts_note, "amounts in USD millions");
    // Revenue 2,811 -> 3,509: +698 million, (3509 - 2811) / 2811 = 24.83%.
    let revenue = row(&c, "revenue");
    assert_eq!(revenue.cells[0].text, "2,811");
    assert_eq!(revenue.cells[1].text, "3,509");
    assert_eq!(revenue.changes[0].text, "+698 (+24.8%)");
    assert_eq!(revenue.changes[0].tone, Tone::Good);
    let pct = revenue.changes[0].pct.unwrap();
    assert!((pct - 24.830_96).abs() < 1e-3, "{pct}");
    // Operating margin -121/2811 = -4.305% -> -230/3509 = -6.555%: -2.250 pp, bad; to one
    // decimal, as the brief reads them: -4.3%, -6.6%, -2.3 pp.
    let margin = row(&c, "operating_margin_pct");
    assert_eq!(margin.cells[0].text, "-4.3%");
    assert_eq!(margin.cells[1].text, "-6.6%");
    assert_eq!(margin.changes[0].text, "-2.3 pp");
    assert_eq!(margin.changes[0].pct, None);
    assert_eq!(margin.changes[0].tone, Tone::Bad);
    // Headcount 3,422 -> 2,831: -591 people, -17.3%; neutral by polarity.
    let headcount = row(&c, "headcount_end");
    assert_eq!(headcount.changes[0].text, "-591 (-17.3%)");
    assert_eq!(headcount.changes[0].tone, Tone::Neutral);
    // Credit losses 495 -> 794 (a cost): +299, +60.4%, bad.
    let credit = row(&c, "cost_lines.credit_losses");
    assert_eq!(credit.changes[0].text, "+299 (+60.4%)");
    assert_eq!(credit.changes[0].tone, Tone::Bad);
}

/// Issue 12: `--periods 2025,2024` (newest first) computed 2024 minus 2025 under "2024 vs 2025".
#[test]
fn the_change_is_later_against_earlier_whatever_the_order_given() {
    let c = compare(&[klarna()], &["2025", "2024"], None);
    // The title reads as the change column does: later against earlier.
    assert_eq!(c.title, "Klarna Group plc: 2025 vs 2024");
    assert_eq!(c.columns[0].heading, "2024");
    let revenue = row(&c, "revenue");
    assert_eq!(revenue.changes[0].text, "+698 (+24.8%)");
    assert_eq!(revenue.changes[0].tone, Tone::Good);
}

/// The title said "2024 vs 2025" over a change column headed "2025 vs 2024": it now names each
/// later column, newest first, against the first (the base), as the change columns do.
#[test]
fn the_title_reads_later_against_the_base() {
    let c = compare(&[klarna()], &["2024", "2023", "2025"], None);
    assert_eq!(c.title, "Klarna Group plc: 2025, 2024 vs 2023");
    let headings: Vec<&str> = c.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(headings, ["2023", "2024", "2025"]);
}

/// Issue 12: compare names cost lines as the brief does.
#[test]
fn cost_lines_read_as_words() {
    let c = compare(&[klarna()], &["2024", "2025"], None);
    assert_eq!(row(&c, "cost_lines.credit_losses").name, "Credit losses");
    assert_eq!(
        row(&c, "cost_lines.credit_losses.pct_of_revenue").name,
        "Credit losses, % of revenue"
    );
}

#[test]
fn a_missing_value_is_na_with_its_reason_never_zero() {
    // 2025-Q1 has no growth (the example's quarters start at 2024-Q2): the cell is n/a with a
    // note, the change says why.
    let c = compare(&[klarna()], &["2025-Q1", "2026-Q1"], None);
    // Revenue 701 -> 1,012: +311, 311 / 701 = 44.37%.
    assert_eq!(row(&c, "revenue").changes[0].text, "+311 (+44.4%)");
    let growth = row(&c, "revenue_growth_yoy_pct");
    assert_eq!(growth.cells[0].text, "n/a");
    let note = growth.cells[0].note.unwrap();
    assert_eq!(
        c.notes[note - 1],
        "2025-Q1, Revenue growth, YoY: the input's quarters start at 2024-Q2, so there is no \
         earlier quarter to compare with"
    );
    assert_eq!(growth.changes[0].text, "n/a: no value in 2025-Q1");
    assert_eq!(growth.changes[0].tone, Tone::Na);
    assert!(growth.changes[0].missing_value);
    assert!(!row(&c, "revenue").changes[0].missing_value);
}

#[test]
fn a_year_against_a_quarter_compares_ratios_not_amounts() {
    // In time order the quarter comes first: a year ends with its last quarter.
    let c = compare(&[klarna()], &["2025", "2025-Q4"], None);
    assert_eq!(
        row(&c, "revenue").changes[0].text,
        "n/a: a year against a quarter"
    );
    // Not comparable for its own reason, not for a missing value: the PDF writes it out.
    assert!(!row(&c, "revenue").changes[0].missing_value);
    // Revenue per employee is annualised, so a quarter and a year compare: both have one.
    assert!(row(&c, "revenue_per_employee").changes[0].pct.is_some());
}

const ACME: &str = include_str!("../../tests/fixtures/acme.toml");

#[test]
fn peers_in_different_currencies_never_compare_money() {
    let c = compare(&[metrics(ACME, "acme.toml"), klarna()], &[], Some("2024"));
    assert_eq!(c.mode, Mode::Peers);
    // Peers keep their column order in the title.
    assert_eq!(c.title, "Acme Analytics AB vs Klarna Group plc, 2024");
    assert!(c
        .currency_note
        .as_deref()
        .unwrap()
        .contains("Different currencies (SEK, USD)"));
    let revenue = row(&c, "revenue");
    // Each company's money in its own scale: SEK 5,000 thousand and USD 2,811 million.
    assert_eq!(revenue.cells[0].text, "5,000");
    assert_eq!(revenue.cells[1].text, "2,811");
    assert_eq!(revenue.changes[0].text, "n/a: different currencies");
    assert_eq!(revenue.changes[0].absolute, None);
    // Ratios still compare: Acme margin 1600/5000 = 32.0%, Klarna -4.305%: -36.305, -36.3 pp.
    let margin = row(&c, "operating_margin_pct");
    assert_eq!(margin.cells[0].text, "32.0%");
    assert_eq!(margin.changes[0].text, "-36.3 pp");
    assert_eq!(margin.changes[0].tone, Tone::Bad);
}

/// Trust II (12): `--period latest` took only a year every company has; it now takes each
/// company's own latest fiscal year, named in each column; a shared year stays available.
#[test]
fn latest_peer_period_is_each_companys_own_latest_year() {
    // Acme's years end at 2024; Klarna's at 2025 (its quarters run on to 2026-Q1).
    let c = compare(&[metrics(ACME, "acme.toml"), klarna()], &[], None);
    let periods: Vec<String> = c.columns.iter().map(|col| col.period.to_string()).collect();
    assert_eq!(periods, ["2024", "2025"]);
    assert_eq!(
        c.columns[1].subheading.as_deref(),
        Some("2025, USD millions")
    );
    assert_eq!(
        c.title,
        "Acme Analytics AB (2024) vs Klarna Group plc (2025)"
    );
    assert!(c
        .period_note
        .as_deref()
        .unwrap()
        .contains("Acme Analytics AB 2024, Klarna Group plc 2025"));
    let shared = compare(&[metrics(ACME, "acme.toml"), klarna()], &[], Some("2024"));
    assert!(shared
        .columns
        .iter()
        .all(|col| col.period.to_string() == "2024"));
    assert_eq!(shared.period_note, None);
}

/// Trust II (12): a company in thousands (211,000) sat beside one in millions (29,771) in one
/// revenue row, and the change read "+29,560,000" with no unit. Companies in one currency are
/// now brought to one scale (the largest of theirs), and the header says which.
#[test]
fn peers_in_one_currency_read_in_one_scale() {
    let company = |name: &str, scale: &str, revenue: &str| {
        format!(
            "[company]\nname = \"{name}\"\ncurrency = \"USD\"\nscale = \"{scale}\"\n\
             [[period]]\nlabel = \"2024\"\nrevenue = {revenue}\noperating_income = 7300\n"
        )
    };
    let small = metrics(&company("Small Inc", "thousands", "211000"), "small.toml");
    let large = metrics(&company("Large Inc", "millions", "29771"), "large.toml");
    let c = compare(&[small, large], &[], None);
    assert_eq!(c.columns[0].scale, crate::input::Scale::Millions);
    assert_eq!(c.columns[0].input_scale, crate::input::Scale::Thousands);
    assert_eq!(
        c.amounts_note,
        "amounts in USD millions (Small Inc's figures, in thousands in its input, are shown in \
         millions)"
    );
    assert_eq!(
        c.columns[0].subheading.as_deref(),
        Some("2024, USD millions")
    );
    let revenue = row(&c, "revenue");
    // 211,000 thousand is 211 million.
    assert_eq!(revenue.cells[0].text, "211");
    assert_eq!(revenue.cells[1].text, "29,771");
    // 29,771 - 211 = +29,560 million; 29,560 / 211 = 140.0948 = +14,009.5%.
    assert_eq!(revenue.changes[0].text, "+29,560 (+14009.5%)");
    // Operating income 7,300 thousand keeps its digit in millions: 7.3; the large company's
    // 7,300 million less 7.3 million is +7,292.7 million.
    let income = row(&c, "operating_income");
    assert_eq!(income.cells[0].text, "7.3");
    assert_eq!(income.cells[1].text, "7,300");
    assert!(
        income.changes[0].text.starts_with("+7,292.7 ("),
        "{}",
        income.changes[0].text
    );
}

#[test]
fn shorthands_pick_the_right_pair() {
    let k = klarna();
    let yoy = compare(std::slice::from_ref(&k), &["latest-yoy"], None);
    let headings: Vec<&str> = yoy.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(headings, ["2025-Q1", "2026-Q1"]);
    let qoq = compare(std::slice::from_ref(&k), &["latest-qoq"], None);
    let headings: Vec<&str> = qoq.columns.iter().map(|c| c.heading.as_str()).collect();
    assert_eq!(headings, ["2025-Q4", "2026-Q1"]);
    // Revenue 1,082 -> 1,012: -70, -6.5% ((1012 - 1082) / 1082 = -6.47%).
    assert_eq!(row(&qoq, "revenue").changes[0].text, "-70 (-6.5%)");
}

#[test]
fn usage_mistakes_say_what_is_available() {
    let k = klarna();
    let one = std::slice::from_ref(&k);
    let error = select::columns(one, &["2019".into(), "2025".into()], None)
        .err()
        .unwrap();
    assert!(
        error
            .0
            .contains("2019 is not a period in klarna.toml; periods available: 2022, 2023"),
        "{}",
        error.0
    );
    assert!(select::columns(one, &[], None).is_err());
    assert!(select::columns(one, &["2025".into()], None).is_err());
    assert!(select::columns(one, &[], Some("2024")).is_err());
    assert!(select::columns(one, &["latest-yoy".into(), "2024".into()], None).is_err());
    let two = [k.clone(), k];
    assert!(select::columns(&two, &["2024".into(), "2025".into()], None).is_err());
}

#[test]
fn fixed_rounds_half_away_and_drops_negative_zero() {
    assert_eq!(fixed(-2.2501, 2, true), "-2.25");
    assert_eq!(fixed(24.8310, 1, true), "+24.8");
    assert_eq!(fixed(-0.001, 2, true), "0.00");
    assert_eq!(fixed(0.125, 2, false), "0.13");
}

/// Issue 12: a computed amount reads like the whole millions around it (AI savings of
/// 853 x 634.7M / ((3,422 + 2,831) / 2 = 3,126.5) = 173.2M read "173"), while a figure the user typed keeps its digits
/// (personnel cost 634.7).
#[test]
fn computed_amounts_take_the_inputs_precision() {
    let c = compare(&[klarna()], &["2024", "2025"], None);
    assert_eq!(row(&c, "ai_savings").cells[1].text, "173");
    assert_eq!(row(&c, "personnel_cost").cells[1].text, "634.7");
    assert_eq!(row(&c, "revenue").cells[1].text, "3,509");
}

/// Trust II, 10-12 (11): a loss turning into a profit read "-1,400 -> 7,300 +621.4%", a
/// percentage of a negative base. The amount change stays; the percent is n/m, with why.
#[test]
fn a_percent_change_from_a_negative_or_zero_base_is_not_meaningful() {
    let text = "[company]\nname = \"Turn AB\"\ncurrency = \"SEK\"\nscale = \"thousands\"\n\
        [[period]]\nlabel = \"2025-Q1\"\nrevenue = 10000\noperating_income = -1400\n\
        depreciation_amortization = 550\n[period.costs]\nrent = 0\nstaff = 11400\n\
        [[period]]\nlabel = \"2025-Q2\"\nrevenue = 12000\noperating_income = 7300\n\
        depreciation_amortization = 550\n[period.costs]\nrent = 50\nstaff = 4650\n";
    let c = compare(&[metrics(text, "turn.toml")], &["2025-Q1", "2025-Q2"], None);
    // Operating income -1,400 -> 7,300: +8,700 (7,300 + 1,400), no percentage of a loss.
    let income = row(&c, "operating_income");
    let change = &income.changes[0];
    assert_eq!(change.text, "+8,700 (% n/m: negative base)");
    assert_eq!(change.pct, None);
    assert!(change.not_meaningful);
    assert_eq!(
        change.reason.as_deref(),
        Some("the first value is negative, so a percent change is not meaningful (n/m)")
    );
    assert_eq!(change.tone, Tone::Good);
    // EBITDA -1,400 + 550 = -850 -> 7,300 + 550 = 7,850: +8,700, n/m as well.
    assert_eq!(
        row(&c, "ebitda").changes[0].text,
        "+8,700 (% n/m: negative base)"
    );
    // Rent 0 -> 50: +50, from zero.
    let rent = &row(&c, "cost_lines.rent").changes[0];
    assert_eq!(rent.text, "+50 (% n/m: zero base)");
    assert!(rent.not_meaningful);
    // Revenue 10,000 -> 12,000 from a positive base keeps its percent: +20.0%.
    let revenue = &row(&c, "revenue").changes[0];
    assert_eq!(revenue.text, "+2,000 (+20.0%)");
    assert!(!revenue.not_meaningful);
}

#[test]
fn a_percent_change_past_the_decimal_range_is_na_as_too_large_not_from_zero() {
    // Revenue 0.0001 -> 4 x 10^28: (4 x 10^28 - 0.0001) / 0.0001 x 100 is past the range. The
    // difference fits, rounded to the decimal's 28 digits: 4 x 10^28. From 0 the percent is
    // not meaningful (n/m).
    let text = "[company]\nname = \"Edge AB\"\ncurrency = \"SEK\"\n\
                [[period]]\nlabel = \"2023\"\nrevenue = 0\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 0.0001\n\
                [[period]]\nlabel = \"2025\"\nrevenue = 4e28\n";
    let company = metrics(text, "edge.toml");
    let c = compare(std::slice::from_ref(&company), &["2024", "2025"], None);
    let change = &row(&c, "revenue").changes[0];
    assert_eq!(change.pct, None);
    assert_eq!(
        change.text,
        "+40,000,000,000,000,000,000,000,000,000 (% n/a: too large)"
    );
    assert_eq!(
        change.reason.as_deref(),
        Some("the percent change is too large to represent exactly")
    );
    let c = compare(&[company], &["2023", "2024"], None);
    assert_eq!(
        row(&c, "revenue").changes[0].reason.as_deref(),
        Some("the first value is zero, so a percent change is not meaningful (n/m)")
    );
}
