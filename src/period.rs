//! Period labels: fiscal years ("2024"), halves ("2024-H1") and quarters ("2024-Q3"), read also
//! as people write them ("FY2024", "FY24", "Q1 2024", "2024Q1").
//!
//! Labels are parsed once into [`PeriodLabel`] so that year-over-year and quarter-over-quarter
//! comparisons look periods up by label, never by their position in the input.
//!
//! A label carries its company's [`FiscalCalendar`], so that wherever it is shown it says which
//! months it covers: a December year end shows "2025-Q4" as always, a March year end shows
//! "FY2025 Q4" (January to March 2025). Two labels are equal when their year, kind and number
//! are: "--periods 2025-Q4" finds FY2025 Q4.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A company's fiscal calendar: the month and day its fiscal year ends (`fiscal_year_end`,
/// "03-31"). Fiscal years are named by the calendar year they end in; quarters and halves are
/// counted from the month after the year end. A December year end is the calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalCalendar {
    /// 1-12.
    pub month: u8,
    /// 1-31.
    pub day: u8,
}

impl Default for FiscalCalendar {
    fn default() -> Self {
        FiscalCalendar { month: 12, day: 31 }
    }
}

impl FiscalCalendar {
    /// Reads "MM-DD" ("03-31"); None unless it is a day of the year (29 February allowed).
    pub fn parse(text: &str) -> Option<FiscalCalendar> {
        let text = text.trim();
        let date = NaiveDate::parse_from_str(&format!("2000-{text}"), "%Y-%m-%d").ok()?;
        (text.len() == 5).then(|| FiscalCalendar {
            month: date.month() as u8,
            day: date.day() as u8,
        })
    }

    /// Whether fiscal years are calendar years (a year end in December), whose labels need
    /// no "FY" and no months.
    pub fn is_calendar_year(self) -> bool {
        self.month == 12
    }

    /// Whether the year ends on the last day of its month (28 or 29 February both count).
    fn at_month_end(self) -> bool {
        let next = if self.month == 12 { 1 } else { self.month + 1 };
        let first_of_next = NaiveDate::from_ymd_opt(2001, u32::from(next), 1);
        let last = first_of_next.and_then(|d| d.pred_opt()).map(|d| d.day());
        self.month == 2 && self.day >= 28 || last == Some(u32::from(self.day))
    }
}

/// Which series a period belongs to. Years, halves and quarters form separate series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    /// How many of these periods make a year: the factor that annualises a flow.
    pub fn per_year(self) -> u32 {
        match self {
            PeriodKind::Quarter => 4,
            PeriodKind::Half => 2,
            PeriodKind::Year => 1,
        }
    }

    /// The months one such period covers: 3, 6 or 12.
    pub fn months(self) -> u32 {
        12 / self.per_year()
    }

    /// The plural noun used in headings ("years", "quarters").
    pub fn plural(self) -> &'static str {
        match self {
            PeriodKind::Quarter => "quarters",
            PeriodKind::Half => "halves",
            PeriodKind::Year => "years",
        }
    }
}

/// A parsed period label. `index` is 1 for years, 1-2 for halves, 1-4 for quarters. `year` is
/// the fiscal year, named by the calendar year in which it ends (FY2025 ends on 31 March 2025
/// when the year ends on 03-31).
#[derive(Debug, Clone, Copy)]
pub struct PeriodLabel {
    pub year: i32,
    pub kind: PeriodKind,
    pub index: u8,
    /// The company's fiscal year end, which says how the label is shown and which dates it
    /// covers; not part of the label's identity.
    pub calendar: FiscalCalendar,
}

impl PartialEq for PeriodLabel {
    fn eq(&self, other: &Self) -> bool {
        (self.year, self.kind, self.index) == (other.year, other.kind, other.index)
    }
}

impl Eq for PeriodLabel {}

impl std::hash::Hash for PeriodLabel {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.year, self.kind, self.index).hash(state);
    }
}

/// Why a label could not be parsed, in words for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelError(pub String);

const LABEL_HELP: &str =
    "a fiscal year like \"2024\", a half like \"2024-H1\" or a quarter like \"2024-Q3\"";

/// Every form a label may take, for the help under a label error (one list, read by every
/// input that names periods).
pub const LABEL_FORMS: &str = "a label is a fiscal year, a half or a quarter, written 2024, \
     FY2024, 2024-Q1, Q1 2024, 2024Q1, 2024-H1 or H1 2024 (FY24 reads as FY2024: two digits \
     after FY are a year of the 2000s)";

impl PeriodLabel {
    /// A label of `kind` in the calendar year's calendar (December year end).
    pub fn new(year: i32, kind: PeriodKind, index: u8) -> Self {
        PeriodLabel {
            year,
            kind,
            index,
            calendar: FiscalCalendar::default(),
        }
    }

    pub fn year(year: i32) -> Self {
        PeriodLabel::new(year, PeriodKind::Year, 1)
    }

    pub fn quarter(year: i32, quarter: u8) -> Self {
        PeriodLabel::new(year, PeriodKind::Quarter, quarter)
    }

    pub fn half(year: i32, half: u8) -> Self {
        PeriodLabel::new(year, PeriodKind::Half, half)
    }

    /// The same label in `calendar`: how it is shown and which dates it covers.
    pub fn in_calendar(self, calendar: FiscalCalendar) -> Self {
        PeriodLabel { calendar, ..self }
    }

    /// The label as input and `metrics.json` write it, whatever the calendar: "2025-Q4".
    pub fn canonical(self) -> String {
        self.in_calendar(FiscalCalendar::default()).to_string()
    }

    /// The months the period covers, "Jan-Mar 2025" or "Apr 2024-Mar 2025", for headers with
    /// room for them; None in a December calendar, where the label says it already.
    pub fn months(self) -> Option<String> {
        (!self.calendar.is_calendar_year()).then(|| self.month_span_text())
    }

    /// The months the period covers, "Jan-Mar 2025", in any calendar.
    pub fn month_span_text(self) -> String {
        let (first, last) = self.month_span();
        let name = |m: i32| MONTHS[m.rem_euclid(12) as usize];
        let year = |m: i32| m.div_euclid(12);
        if year(first) == year(last) {
            format!("{}-{} {}", name(first), name(last), year(last))
        } else {
            format!(
                "{} {}-{} {}",
                name(first),
                year(first),
                name(last),
                year(last)
            )
        }
    }

    /// The first and last month of the period, as months since year 0 (January 2025 is
    /// 2025 * 12).
    fn month_span(self) -> (i32, i32) {
        let length = self.kind.months() as i32;
        let year_end = self.year * 12 + i32::from(self.calendar.month) - 1;
        let last = year_end - length * (self.kind.per_year() as i32 - i32::from(self.index));
        (last - length + 1, last)
    }

    /// The first day of the period.
    pub fn start(self) -> Option<NaiveDate> {
        self.previous().end()?.succ_opt()
    }

    /// The last day of the period: the year end's day in its last month (the month's last day
    /// when the year ends at a month's end).
    pub fn end(self) -> Option<NaiveDate> {
        let (_, last) = self.month_span();
        let (year, month) = (last.div_euclid(12), last.rem_euclid(12) as u32 + 1);
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let month_end = first_of_next.pred_opt()?;
        let day = if self.calendar.at_month_end() {
            month_end.day()
        } else {
            u32::from(self.calendar.day).min(month_end.day())
        };
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// Parses a label as people write it: "2024", "2024-H1", "2024-Q3", and also "FY2024",
    /// "FY 2024", "FY24" (two digits after FY: 2024), "Q1 2024", "2024 Q1", "2024Q1",
    /// "Q1-2024", "H1 2024" (letters in any case, the parts joined by nothing, spaces, `-`, `_`
    /// or `/`). Errors quote the label as written.
    ///
    /// ```
    /// use ipobrief::period::PeriodLabel;
    ///
    /// let q3 = PeriodLabel::parse("2025-Q3").unwrap();
    /// assert_eq!(q3.year_earlier().to_string(), "2024-Q3");
    /// assert_eq!(PeriodLabel::parse("2025-Q1").unwrap().previous().to_string(), "2024-Q4");
    /// assert_eq!(PeriodLabel::parse("Q1 2024").unwrap().to_string(), "2024-Q1");
    /// assert!(PeriodLabel::parse("2024-Q5").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, LabelError> {
        let expected = || LabelError(format!("expected {LABEL_HELP}, found \"{text}\""));
        let parts = parts(text.trim()).ok_or_else(expected)?;
        // The year, with an optional "FY" before it, and the part of the year, before or after.
        // `fiscal`: the year follows "FY", where two digits are accepted ("FY24").
        let (year, part, fiscal) = match parts.as_slice() {
            [Part::Digits(year)] => (*year, None, false),
            [Part::Letters("FY"), Part::Digits(year)] => (*year, None, true),
            [Part::Digits(year), Part::Letters(kind), Part::Digits(index)]
            | [Part::Letters(kind), Part::Digits(index), Part::Digits(year)] => {
                (*year, Some((*kind, *index)), false)
            }
            [Part::Letters("FY"), Part::Digits(year), Part::Letters(kind), Part::Digits(index)]
            | [Part::Letters(kind), Part::Digits(index), Part::Letters("FY"), Part::Digits(year)] => {
                (*year, Some((*kind, *index)), true)
            }
            // "2024-Q": a part letter with no number.
            [Part::Digits(year), Part::Letters(kind)] => (*year, Some((*kind, "")), false),
            _ => return Err(expected()),
        };
        let year = parse_year(year, fiscal).ok_or_else(expected)?;
        let Some((kind, digits)) = part else {
            return Ok(PeriodLabel::year(year));
        };
        let kind = match kind {
            "Q" => PeriodKind::Quarter,
            "H" => PeriodKind::Half,
            _ => return Err(expected()),
        };
        let max = match kind {
            PeriodKind::Quarter => 4,
            _ => 2,
        };
        match digits.parse::<u8>() {
            Ok(index) if (1..=max).contains(&index) && digits.len() == 1 => {
                Ok(PeriodLabel::new(year, kind, index))
            }
            _ => Err(LabelError(format!(
                "\"{text}\" is not a valid label: a year has {max} {} numbered 1 to {max}",
                kind.plural()
            ))),
        }
    }

    /// The same period one year earlier (2024-Q3 -> 2023-Q3).
    pub fn year_earlier(self) -> Self {
        PeriodLabel {
            year: self.year - 1,
            ..self
        }
    }

    /// The period just before this one in its own series (2024-Q1 -> 2023-Q4, 2024 -> 2023).
    pub fn previous(self) -> Self {
        if self.index > 1 {
            PeriodLabel {
                index: self.index - 1,
                ..self
            }
        } else {
            PeriodLabel {
                year: self.year - 1,
                index: self.kind.per_year() as u8,
                ..self
            }
        }
    }

    /// The key that puts periods in time order: by year, then by the quarter in which the
    /// period ends, then shorter periods before the longer ones ending with them.
    pub fn sort_key(self) -> (i32, u8, PeriodKind) {
        let quarters_per_period = 4 / self.kind.per_year() as u8;
        (self.year, self.index * quarters_per_period, self.kind)
    }

    /// A running number inside the series, used to find gaps (2024-Q1 follows 2023-Q4).
    pub fn ordinal(self) -> i64 {
        i64::from(self.year) * i64::from(self.kind.per_year()) + i64::from(self.index)
    }
}

/// A piece of a label: a run of digits or of (upper-case ASCII) letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'a> {
    Digits(&'a str),
    Letters(&'static str),
}

/// Splits a label into runs of digits and letters. Separators (spaces, `-`, `_`, `/`) may only
/// stand between two runs; letters must be FY, Q or H. None for anything else.
fn parts(text: &str) -> Option<Vec<Part<'_>>> {
    let mut parts = Vec::new();
    let mut rest = text;
    let mut after_separator = false;
    while let Some(first) = rest.chars().next() {
        let run = |pred: fn(char) -> bool| rest.find(|c: char| !pred(c)).unwrap_or(rest.len());
        if first.is_ascii_digit() {
            let end = run(|c| c.is_ascii_digit());
            parts.push(Part::Digits(&rest[..end]));
            rest = &rest[end..];
        } else if first.is_ascii_alphabetic() {
            let end = run(|c| c.is_ascii_alphabetic());
            let letters = match rest[..end].to_ascii_uppercase().as_str() {
                "FY" => "FY",
                "Q" => "Q",
                "H" => "H",
                _ => return None,
            };
            parts.push(Part::Letters(letters));
            rest = &rest[end..];
        } else if matches!(first, ' ' | '-' | '_' | '/') && !parts.is_empty() && !after_separator {
            let end = run(|c| matches!(c, ' ' | '-' | '_' | '/'));
            rest = &rest[end..];
            after_separator = true;
            if rest.is_empty() {
                return None;
            }
            continue;
        } else {
            return None;
        }
        after_separator = false;
    }
    Some(parts)
}

/// Four digits, or after "FY" two digits, always of the 2000s: finance writes FY24 for FY2024.
/// One rule and no guessing by range: FY99 is 2099 (write FY1999 for that year).
fn parse_year(text: &str, fiscal: bool) -> Option<i32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        4 => text.parse().ok(),
        2 if fiscal => text.parse::<i32>().ok().map(|year| 2000 + year),
        _ => None,
    }
}

impl fmt::Display for PeriodLabel {
    /// The label as every output shows it: "2025-Q4" in a December calendar, "FY2025 Q4"
    /// otherwise, so that nobody reads a fiscal quarter as a calendar one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.calendar.is_calendar_year() {
            return match self.kind {
                PeriodKind::Year => write!(f, "FY{}", self.year),
                PeriodKind::Half => write!(f, "FY{} H{}", self.year, self.index),
                PeriodKind::Quarter => write!(f, "FY{} Q{}", self.year, self.index),
            };
        }
        match self.kind {
            PeriodKind::Year => write!(f, "{}", self.year),
            PeriodKind::Half => write!(f, "{}-H{}", self.year, self.index),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
        }
    }
}

/// Serialised as shown ("FY2025 Q4"): the model is read by people. `metrics.json`'s period
/// `label` keeps the canonical form with [`canonical_label`].
impl Serialize for PeriodLabel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Serialises a label in its canonical form ("2025-Q4"), for machine-read fields.
pub fn canonical_label<S: serde::Serializer>(
    label: &PeriodLabel,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&label.canonical())
}

#[cfg(test)]
#[path = "period_tests.rs"]
mod tests;
