//! Quarters labelled by the calendar in a company whose fiscal year is not the calendar year:
//! with `fiscal_year_end = "03-31"`, the quarter April to June 2023 is FY2024-Q1, but a file
//! may label it 2023-Q2. Every year's quarters then miss the year, and eight warnings saying
//! "look for a typo" would send a reader the wrong way; this check finds the one cause.

use foldhash::HashMap;
use rust_decimal::Decimal;

use crate::input::{CompanyInput, Period, Warning, WarningKind};
use crate::period::{PeriodKind, PeriodLabel};

/// The calendar quarter ("2023-Q2") of the months of a fiscal quarter (FY2024-Q1 in a March
/// year end).
fn calendar_quarter(fiscal: PeriodLabel) -> PeriodLabel {
    let end = fiscal.end().map(|d| {
        use chrono::Datelike;
        (d.year(), d.month())
    });
    let (year, month) = end.unwrap_or((fiscal.year, 12));
    PeriodLabel::quarter(year, month.div_ceil(3) as u8)
}

/// One warning when the quarters match none of their years as labelled but every year once
/// each is read as the calendar quarter of the same months; None otherwise. `matches` says
/// whether a sum is within the cross-check's tolerance of the year's figure.
pub fn calendar_labelled_quarters(
    input: &CompanyInput,
    matches: impl Fn(Decimal, Decimal) -> bool,
) -> Option<Warning> {
    let calendar = input.company.calendar;
    if calendar.is_calendar_year() || !calendar.month.is_multiple_of(3) {
        return None;
    }
    let by_label: HashMap<PeriodLabel, &Period> =
        input.periods.iter().map(|p| (p.label, p)).collect();
    let quarters_sum = |labels: &[PeriodLabel]| -> Option<Decimal> {
        labels.iter().try_fold(Decimal::ZERO, |total, label| {
            total.checked_add(by_label.get(label)?.revenue)
        })
    };
    let mut shifted_years = Vec::new();
    for year in input
        .periods
        .iter()
        .filter(|p| p.label.kind == PeriodKind::Year)
    {
        let fiscal: Vec<PeriodLabel> = (1..=4)
            .map(|q| PeriodLabel::quarter(year.label.year, q).in_calendar(calendar))
            .collect();
        let shifted: Vec<PeriodLabel> = fiscal.iter().map(|&q| calendar_quarter(q)).collect();
        let as_labelled = quarters_sum(&fiscal).map(|sum| matches(sum, year.revenue));
        let as_calendar = quarters_sum(&shifted).map(|sum| matches(sum, year.revenue));
        match (as_labelled, as_calendar) {
            // A year whose quarters add up as labelled: the labels are fiscal.
            (Some(true), _) => return None,
            (_, Some(true)) => shifted_years.push((year.label, shifted)),
            (_, Some(false)) => return None,
            _ => {}
        }
    }
    let (year, shifted) = shifted_years.last()?;
    let (first, last) = (shifted[0], shifted[3]);
    let fiscal = |index: u8| format!("FY{}-Q{index}", year.year);
    Some(Warning::new(
        None,
        WarningKind::QuartersVsYear,
        format!(
            "The quarters are labelled by the calendar, not by the fiscal year: with \
             fiscal_year_end = \"{end}\", {year} runs {span}, and its revenue is the sum of the \
             quarters labelled {} to {}, not of those labelled {}-Q1 to {}-Q4 (and so for every \
             year with four quarters); label each quarter by its fiscal year: {} ({}) is {}, \
             {} ({}) is {}",
            first.canonical(),
            last.canonical(),
            year.year,
            year.year,
            first.canonical(),
            first.month_span_text(),
            fiscal(1),
            last.canonical(),
            last.month_span_text(),
            fiscal(4),
            end = input.company.fiscal_year_end.as_deref().unwrap_or_default(),
            span = year.month_span_text(),
        ),
    ))
}
