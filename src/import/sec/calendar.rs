//! The company's fiscal calendar, read from its annual facts, and which fiscal period a fact
//! covers, decided by its start and end dates (never by the filing's `fy`/`fp` tags).

use chrono::{Datelike, Months, NaiveDate};

/// A fiscal period: a year, or a quarter of a fiscal year. Years are named by the calendar year
/// in which they end (Snowflake's year ending 2025-01-31 is fiscal 2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Span {
    Year(i32),
    Quarter(i32, u8),
}

impl Span {
    pub fn year(self) -> i32 {
        match self {
            Span::Year(year) | Span::Quarter(year, _) => year,
        }
    }

    /// The period label of our input format: "2025" or "2025-Q4".
    pub fn label(self) -> String {
        match self {
            Span::Year(year) => year.to_string(),
            Span::Quarter(year, quarter) => format!("{year}-Q{quarter}"),
        }
    }
}

/// Days a fiscal year may last (52/53-week years included).
const YEAR_DAYS: std::ops::RangeInclusive<i64> = 350..=380;
/// Days a fiscal quarter may last (13 or 14 weeks, or three calendar months).
const QUARTER_DAYS: std::ops::RangeInclusive<i64> = 80..=100;

/// The fiscal years, as start and end dates, in time order.
#[derive(Debug, Clone)]
pub struct FiscalCalendar {
    years: Vec<(NaiveDate, NaiveDate)>,
}

impl FiscalCalendar {
    /// The calendar made of every period that lasts about a year. None without any.
    pub fn from_periods(periods: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Option<Self> {
        let mut years: Vec<(NaiveDate, NaiveDate)> = periods
            .into_iter()
            .filter(|(start, end)| YEAR_DAYS.contains(&days(*start, *end)))
            .collect();
        years.sort_by_key(|(_, end)| *end);
        years.dedup();
        (!years.is_empty()).then_some(FiscalCalendar { years })
    }

    /// The last day of the fiscal year as MM-DD: the most common one (52/53-week years vary).
    pub fn fiscal_year_end(&self) -> String {
        let mut counts: std::collections::BTreeMap<(u32, u32), usize> = Default::default();
        for (_, end) in &self.years {
            *counts.entry((end.month(), end.day())).or_default() += 1;
        }
        let ((month, day), _) = counts
            .into_iter()
            .max_by_key(|(_, count)| *count)
            .unwrap_or(((12, 31), 0));
        format!("{month:02}-{day:02}")
    }

    /// The fiscal period a fact from `start` to `end` covers, if it is a year or a quarter.
    /// Year-to-date facts (six or nine months) cover neither.
    pub fn classify(&self, start: NaiveDate, end: NaiveDate) -> Option<Span> {
        let length = days(start, end);
        if YEAR_DAYS.contains(&length) {
            return Some(Span::Year(year_name(end)));
        }
        if !QUARTER_DAYS.contains(&length) {
            return None;
        }
        let (year_start, year_end) = self.year_containing(start, end)?;
        let year_length = days(year_start, year_end) as f64;
        let quarter = (days(year_start, end) as f64 * 4.0 / year_length).round();
        (1.0..=4.0)
            .contains(&quarter)
            .then(|| Span::Quarter(year_name(year_end), quarter as u8))
    }

    /// The fiscal year of an instant (a headcount on a cover page): the last one ended by then.
    /// A year-to-date span (from a fiscal year's first day, six or nine months long, as
    /// cash-flow statements in 10-Qs are): the quarter it ends with, 2 or 3.
    pub fn year_to_date(&self, start: NaiveDate, end: NaiveDate) -> Option<Span> {
        let quarters = match days(start, end) {
            170..=196 => 2,
            260..=290 => 3,
            _ => return None,
        };
        let (year_start, year_end) = self.year_containing(start, end)?;
        (year_start == start).then(|| Span::Quarter(year_name(year_end), quarters))
    }

    pub fn year_ended_by(&self, date: NaiveDate) -> Option<i32> {
        self.years
            .iter()
            .rev()
            .find(|(_, end)| *end <= date && (date - *end).num_days() < 366)
            .map(|(_, end)| year_name(*end))
    }

    /// The start and end of the fiscal year holding a quarter; years after the last annual
    /// fact (the current year) and before the first are extended a year at a time.
    pub fn year_containing(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let holds = |(year_start, year_end): (NaiveDate, NaiveDate)| {
            year_start <= start && end <= year_end + chrono::Duration::days(7)
        };
        if let Some(year) = self.years.iter().copied().find(|year| holds(*year)) {
            return Some(year);
        }
        let (mut year_start, mut year_end) = *self.years.last()?;
        for _ in 0..50 {
            if year_end >= end {
                break;
            }
            year_start = year_end.succ_opt()?;
            year_end = year_end.checked_add_months(Months::new(12))?;
        }
        if holds((year_start, year_end)) {
            return Some((year_start, year_end));
        }
        let (mut year_start, mut year_end) = *self.years.first()?;
        for _ in 0..50 {
            if year_start <= start {
                break;
            }
            year_end = year_start.pred_opt()?;
            year_start = year_start.checked_sub_months(Months::new(12))?;
        }
        holds((year_start, year_end)).then_some((year_start, year_end))
    }
}

/// Days from `start` to `end`, both included.
fn days(start: NaiveDate, end: NaiveDate) -> i64 {
    (end - start).num_days() + 1
}

/// A fiscal year is named by the calendar year it ends in, except that a 52/53-week year ending
/// in the first week of January is named by the year before (fiscal 2020 ended 2021-01-02).
fn year_name(end: NaiveDate) -> i32 {
    if end.month() == 1 && end.day() <= 7 {
        end.year() - 1
    } else {
        end.year()
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
