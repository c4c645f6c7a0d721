//! Why a metric could not be computed, as a typed value. The metrics record a [`Reason`]; every
//! output words it through [`words`], the one place reasons become text, with the figures named
//! as the brief names them (their catalogue names), never by their field names.
//!
//! A reason says nothing of its own period, so the same reason in neighbouring periods is one
//! value, and a note can name its periods once as a range ("2025-Q1 to 2025-Q4: ...").

use rust_decimal::Decimal;

use crate::period::PeriodLabel;

/// The period a comparison looks back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compared {
    /// The same period a year earlier (2025-Q3 -> 2024-Q3).
    YearEarlier,
    /// The period just before, in the same series (2025-Q1 -> 2024-Q4).
    Previous,
}

impl Compared {
    fn of(self, label: PeriodLabel) -> PeriodLabel {
        match self {
            Compared::YearEarlier => label.year_earlier(),
            Compared::Previous => label.previous(),
        }
    }
}

/// Why a value is unavailable. Figures are named by catalogue key (`"headcount_end"`), cost
/// lines by the input's line name; [`words`] gives both their names in the brief.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The input does not give this figure for the period.
    NotGiven { figure: &'static str },
    /// The comparison would look back before the first period of its series in the input.
    BeforeFirst { first: PeriodLabel },
    /// The period compared with is missing from the input (a gap in the series).
    NoPeriod { compared: Compared },
    /// The period compared with is in the input but lacks the figure.
    NotGivenThen {
        compared: Compared,
        figure: &'static str,
    },
    /// The period compared with does not list the cost line.
    NoLineThen { compared: Compared, line: String },
    /// The period compared with does not list every cost line, so has no like-for-like total.
    IncompleteLinesThen { compared: Compared },
    /// The figure compared with is zero, so there is no growth rate.
    ZeroThen {
        compared: Compared,
        figure: &'static str,
    },
    /// The cost line compared with is zero, so there is no growth rate.
    LineZeroThen { compared: Compared, line: String },
    /// The figure compared with is negative, so a growth rate is not meaningful (n/m).
    NegativeThen {
        compared: Compared,
        figure: &'static str,
    },
    /// The cost line compared with is negative, so a growth rate is not meaningful (n/m).
    LineNegativeThen { compared: Compared, line: String },
    /// The period lists no cost lines at all.
    NoCostLines,
    /// The period does not list these cost lines, which other periods list.
    IncompleteLines { lines: Vec<String> },
    /// A cost line that the period does not list (said of the periods, whatever the line, so
    /// one note serves every cost line of a table, and the company KPIs that read one).
    LineNotListed,
    /// The figure the value is divided by is zero.
    Zero { figure: &'static str },
    /// The reported operating income equals revenue minus the cost lines: nothing is unlisted.
    NothingUnlisted,
    /// Too large to represent exactly.
    TooLarge,
    /// The metric applies to quarters only.
    QuartersOnly,
    /// A year-over-year comparison where one of the two years holds only its first quarters
    /// (year to date): a part of a year is never compared with a whole one.
    PartialYear { year: PeriodLabel, months: u8 },
    /// No cost line is marked AI-exposed in the company's details.
    NoAiExposedLines,
    /// None of the AI-exposed cost lines is in the period.
    AiExposedLinesAbsent { lines: Vec<String> },
    /// Free cash flow is zero or more: the company is not burning cash (no net burn, no runway).
    NotBurning,
    /// A company KPI's formula reads a `[period.values]` name the period does not give.
    KpiValueMissing { name: String },
    /// A company KPI's formula reads the headcount at the period start, which it lacks.
    NoHeadcountStart,
    /// A company KPI's formula divides by an operand that is zero; `operand` is in words.
    KpiDivisorZero { operand: String },
    /// A company KPI reads a value a year earlier (`prior`), unavailable there for `reason`.
    InPrior { reason: Box<Reason> },
    /// A company KPI's formula is refused by the input check (names, cycles or units).
    KpiFormulaRefused,
    /// A non-GAAP reconciliation's base or item that the period does not give; `item` is in
    /// words ("net income", "adjustment \"restructuring\"").
    NonGaapItemNotGiven { item: String },
    /// Computed from another metric that is unavailable (resolved to that metric's own reason
    /// once the period is computed, see [`super::Unavailable::resolve`]).
    Needs { figure: &'static str },
}

impl Reason {
    /// A percent change from a zero or negative base: the value is not missing but not
    /// meaningful, so outputs show "n/m" where they would show "n/a" (with this reason).
    pub fn not_meaningful(&self) -> bool {
        matches!(
            self,
            Reason::ZeroThen { .. }
                | Reason::LineZeroThen { .. }
                | Reason::NegativeThen { .. }
                | Reason::LineNegativeThen { .. }
        )
    }

    /// Why a quotient by `divisor` (a share, a ratio, a growth rate) is missing: `if_zero` when
    /// the divisor is zero, else the quotient is past the decimal range ([`Reason::TooLarge`]):
    /// 4 x 10^28 over 0.0001 is not "zero".
    pub fn no_quotient(divisor: Decimal, if_zero: Reason) -> Reason {
        if divisor.is_zero() {
            if_zero
        } else {
            Reason::TooLarge
        }
    }
}

#[path = "reason_words.rs"]
mod words;
pub use words::{figure_name, line_name, lower_first, value_name, words};

#[cfg(test)]
#[path = "reason_tests.rs"]
mod tests;
