//! Issue "Trust II" 2-4: fiscal years labelled by the calendar, years given in part, years
//! given only as quarters, and the trailing twelve months. Every expected value is worked by
//! hand in the comment above it.

use crate::input::{self, Coverage, Format, ReadOptions, WarningKind};
use crate::metrics::{compute, Metrics, PeriodMetrics, Reason};
use crate::money::Exact;
use crate::period::PeriodLabel;
use rust_decimal_macros::dec;

fn metrics_of(text: &str) -> Metrics {
    let input = input::parse(text, "test.toml", Format::Toml, &ReadOptions::default())
        .unwrap_or_else(|error| panic!("the test input is invalid:\n{error}"));
    compute(&input)
}

fn period<'a>(metrics: &'a Metrics, label: &str) -> &'a PeriodMetrics {
    let label = PeriodLabel::parse(label).unwrap_or_else(|e| panic!("{}", e.0));
    metrics
        .period(label)
        .unwrap_or_else(|| panic!("no period {label}"))
}

/// `[[period]]` tables of (label, revenue, operating income).
fn periods(rows: &[(&str, i64, i64)]) -> String {
    rows.iter()
        .map(|(label, revenue, income)| {
            format!(
                "[[period]]\nlabel = \"{label}\"\nrevenue = {revenue}\noperating_income = {income}\n"
            )
        })
        .collect()
}

#[track_caller]
fn assert_close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, found none"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, found {actual}"
    );
}

/// Item 2: a March year end whose quarters are labelled by the calendar. FY2024 (April 2023
/// to March 2024) is 1,000 = 200 + 240 + 260 + 300, the quarters labelled 2023-Q2 to
/// 2024-Q1; as labelled, 2024-Q1 to 2024-Q4 add up to 300 + 320 + 340 + 360 = 1,320 (and their
/// operating income to 120, not 100). FY2025 is 1,400 = 320 + 340 + 360 + 380 (2024-Q2 to
/// 2025-Q1). One warning names the cause and the relabelling, none says "look for a typo".
#[test]
fn quarters_labelled_by_the_calendar_get_one_warning_naming_the_cause() {
    let text = format!(
        "[company]\nname = \"March\"\ncurrency = \"EUR\"\nfiscal_year_end = \"03-31\"\n{}",
        periods(&[
            ("FY2024", 1000, 100),
            ("FY2025", 1400, 140),
            ("2023-Q2", 200, 20),
            ("2023-Q3", 240, 24),
            ("2023-Q4", 260, 26),
            ("2024-Q1", 300, 30),
            ("2024-Q2", 320, 32),
            ("2024-Q3", 340, 34),
            ("2024-Q4", 360, 36),
            ("2025-Q1", 380, 38),
        ])
    );
    let metrics = metrics_of(&text);
    let quarters: Vec<&str> = metrics
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::QuartersVsYear)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(quarters.len(), 1, "{quarters:#?}");
    assert_eq!(
        quarters[0],
        "The quarters are labelled by the calendar, not by the fiscal year: with \
         fiscal_year_end = \"03-31\", FY2025 runs Apr 2024-Mar 2025, and its revenue is the sum \
         of the quarters labelled 2024-Q2 to 2025-Q1, not of those labelled 2025-Q1 to 2025-Q4 \
         (and so for every year with four quarters); label each quarter by its fiscal year: \
         2024-Q2 (Apr-Jun 2024) is FY2025-Q1, 2025-Q1 (Jan-Mar 2025) is FY2025-Q4"
    );
    assert!(metrics.warnings.iter().all(|w| !w.message.contains("typo")));
}

/// The same quarters labelled by fiscal year (FY2024-Q1 is April to June 2023) add up and
/// raise nothing; a December company with a typo keeps the typo warning.
#[test]
fn fiscal_labels_that_add_up_and_calendar_typos_keep_todays_checks() {
    let text = format!(
        "[company]\nname = \"March\"\ncurrency = \"EUR\"\nfiscal_year_end = \"03-31\"\n{}",
        periods(&[
            ("FY2024", 1000, 100),
            ("FY2024-Q1", 200, 20),
            ("FY2024-Q2", 240, 24),
            ("FY2024-Q3", 260, 26),
            ("FY2024-Q4", 300, 30),
        ])
    );
    assert!(metrics_of(&text).warnings.is_empty());
    let typo = format!(
        "[company]\nname = \"Dec\"\ncurrency = \"EUR\"\n{}",
        periods(&[
            ("2024", 1000, 100),
            ("2024-Q1", 200, 20),
            ("2024-Q2", 240, 24),
            ("2024-Q3", 260, 26),
            ("2024-Q4", 310, 30),
        ])
    );
    let warnings = metrics_of(&typo).warnings;
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message.contains("look for a typo"));
}

/// Item 3: 2025's row holds 500, and its only quarters, Q1 (240) and Q2 (260), add up to it:
/// year to date, 2 quarters. It is not compared with 2024's full 1,000 (no "-50.0%" growth,
/// no Rule of 40), and 2026 (1,300) is not compared with it either; 2026 against 2025 would be
/// +160%. Its operating margin is its own: 60 / 500 = 12%.
#[test]
fn a_year_to_date_is_never_compared_with_a_full_year() {
    let text = format!(
        "[company]\nname = \"Ytd\"\ncurrency = \"EUR\"\n{}",
        periods(&[
            ("2024", 1000, 100),
            ("2025", 500, 60),
            ("2025-Q1", 240, 30),
            ("2025-Q2", 260, 30),
        ])
    );
    let metrics = metrics_of(&text);
    let ytd = period(&metrics, "2025");
    assert_eq!(ytd.coverage, Coverage::YearToDate { months: 6 });
    assert_eq!(ytd.revenue_growth_yoy_pct, None);
    assert_eq!(ytd.rule_of_40, None);
    assert_close(ytd.operating_margin_pct, 12.0);
    let reason = &ytd.unavailable.0["revenue_growth_yoy_pct"];
    assert_eq!(
        *reason,
        Reason::PartialYear {
            year: PeriodLabel::year(2025),
            months: 6
        }
    );
    assert_eq!(
        crate::metrics::reason::words(reason, &[ytd.label]),
        "2025 holds 2 quarters (year to date), so it is not compared with a full year"
    );
    // A full year after it is not compared with it either.
    let next = metrics_of(&format!("{text}{}", periods(&[("2026", 1300, 130)])));
    assert_eq!(period(&next, "2026").revenue_growth_yoy_pct, None);
    // Quarters that do not add up to the year leave it a full year: 2025 is 1,200, its Q1 and
    // Q2 500, so the year is 1,200 / 1,000 - 1 = +20%.
    let full = format!(
        "[company]\nname = \"Full\"\ncurrency = \"EUR\"\n{}",
        periods(&[
            ("2024", 1000, 100),
            ("2025", 1200, 60),
            ("2025-Q1", 240, 30),
            ("2025-Q2", 260, 30),
        ])
    );
    let full = metrics_of(&full);
    assert_eq!(period(&full, "2025").coverage, Coverage::Given);
    assert_close(period(&full, "2025").revenue_growth_yoy_pct, 20.0);
}

/// Item 4: quarters only. 2024 = 100 + 110 + 120 + 130 = 460 (operating income 10 + 12 + 14 +
/// 16 = 52), 2025 = 140 + 150 + 160 + 170 = 620 (18 + 20 + 22 + 24 = 84), summed from quarters;
/// growth 620 / 460 - 1 = 34.7826...%; the year's headcount is its Q4's (55). The twelve
/// months to 2026-Q1 (180, income 26) are 2025-Q2 to 2026-Q1: 150 + 160 + 170 + 180 = 660,
/// income 20 + 22 + 24 + 26 = 92, margin 92 / 660 = 13.9393...%. 2026 has one quarter: no year.
#[test]
fn quarters_only_add_up_to_years_and_give_trailing_twelve_months() {
    let text = format!(
        "[company]\nname = \"Quarters\"\ncurrency = \"EUR\"\n{}[[period]]\nlabel = \"2025-Q4\"\nrevenue = 170\noperating_income = 24\nheadcount_end = 55\n{}",
        periods(&[
            ("2024-Q1", 100, 10),
            ("2024-Q2", 110, 12),
            ("2024-Q3", 120, 14),
            ("2024-Q4", 130, 16),
            ("2025-Q1", 140, 18),
            ("2025-Q2", 150, 20),
            ("2025-Q3", 160, 22),
        ]),
        periods(&[("2026-Q1", 180, 26)])
    );
    let metrics = metrics_of(&text);
    let y2024 = period(&metrics, "2024");
    let y2025 = period(&metrics, "2025");
    assert_eq!(y2024.coverage, Coverage::SummedFromQuarters);
    assert_eq!(y2024.revenue, Exact(dec!(460)));
    assert_eq!(y2025.revenue, Exact(dec!(620)));
    assert_eq!(y2025.operating_income, Some(Exact(dec!(84))));
    assert_eq!(y2025.headcount_end, Some(Exact(dec!(55))));
    assert_close(y2025.revenue_growth_yoy_pct, 160.0 / 460.0 * 100.0);
    assert!(metrics.period(PeriodLabel::year(2026)).is_none());
    // Years after the quarters they add up: time order.
    let order: Vec<String> = metrics
        .periods
        .iter()
        .map(|p| p.label.to_string())
        .collect();
    assert_eq!(order[4], "2024");
    let ttm = metrics.trailing_twelve_months.as_ref().expect("a TTM");
    assert_eq!(ttm.from.to_string(), "2025-Q2");
    assert_eq!(ttm.to.to_string(), "2026-Q1");
    assert_eq!(ttm.revenue, Exact(dec!(660)));
    assert_eq!(ttm.operating_income, Some(Exact(dec!(92))));
    assert_close(ttm.operating_margin_pct, 92.0 / 660.0 * 100.0);
}

/// Item 3, said outright: `months = 8` on 2025's row (no quarters) makes it year to date. Its
/// growth against 2024 is n/a ("8 months"), and revenue per employee is annualised by its
/// months: 600 x 12 / 8 = 900 a year, over 10 people = 90. `months` on a quarter is refused.
#[test]
fn a_year_row_says_it_is_year_to_date_with_months() {
    let text = "[company]\nname = \"Ytd\"\ncurrency = \"EUR\"\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 1000\nheadcount_end = 10\n\
        [[period]]\nlabel = \"2025\"\nrevenue = 600\nheadcount_end = 10\nmonths = 8\n";
    let metrics = metrics_of(text);
    let ytd = period(&metrics, "2025");
    assert_eq!(ytd.coverage, Coverage::YearToDate { months: 8 });
    assert_eq!(ytd.revenue_growth_yoy_pct, None);
    assert_eq!(
        crate::metrics::reason::words(&ytd.unavailable.0["revenue_growth_yoy_pct"], &[ytd.label]),
        "2025 holds 8 months (year to date), so it is not compared with a full year"
    );
    assert_eq!(ytd.revenue_per_employee, Some(Exact(dec!(90))));
    let quarter = "[company]\nname = \"Q\"\ncurrency = \"EUR\"\n\
        [[period]]\nlabel = \"2025-Q1\"\nrevenue = 1\nmonths = 3\n";
    let error = input::parse(quarter, "q.toml", Format::Toml, &ReadOptions::default())
        .expect_err("months on a quarter");
    assert!(
        error
            .to_string()
            .contains("months is for a year that is year to date, but 2025-Q1 is not a year"),
        "{error}"
    );
}
