//! Why a metric could not be computed, as a typed value. The metrics record a [`Reason`]; every
//! output words it through [`words`], the one place reasons become text, with the figures named
//! as the brief names them (their catalogue names), never by their field names.
//!
//! A reason says nothing of its own period, so the same reason in neighbouring periods is one
//! value, and a note can name its periods once as a range ("2025-Q1 to 2025-Q4: ...").

use rust_decimal::Decimal;

use super::catalogue::known;
use super::runs;
use crate::money::NotMeaningful;
use crate::period::{PeriodKind, PeriodLabel};

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

/// A figure's name as the brief writes it mid-sentence: "headcount, period end", "AI spend".
pub fn figure_name(key: &str) -> String {
    lower_first(known(key).name)
}

/// A cost line's name mid-sentence: "customer service".
pub fn line_name(name: &str) -> String {
    lower_first(&crate::format::line_name(name))
}

/// A `[period.values]` name mid-sentence: "active consumers".
pub fn value_name(name: &str) -> String {
    line_name(name)
}

/// Lower-cases the first letter unless the word is an acronym ("AI spend" stays).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// "a, b and c".
fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The one wording of a reason, for the periods it holds in (one or several, in any order):
/// a comparison names the periods it looked back to as a range ("no 2024-Q1 to 2024-Q4 in
/// the input to compare with"). The periods themselves are not named: a note puts them first.
pub fn words(reason: &Reason, periods: &[PeriodLabel]) -> String {
    let compared =
        |compared: Compared| runs::named(periods.iter().map(|label| compared.of(*label)));
    match reason {
        Reason::NotGiven { figure } => format!("the input gives no {}", figure_name(figure)),
        Reason::NonGaapItemNotGiven { item } => format!("the input gives no {item}"),
        Reason::BeforeFirst { first, .. } => format!(
            "the input's {} start at {first}, so there is no earlier {} to compare with",
            first.kind.plural(),
            noun(first.kind)
        ),
        Reason::NoPeriod { compared: c } => {
            format!("no {} in the input to compare with", compared(*c))
        }
        Reason::NotGivenThen {
            compared: c,
            figure,
        } => format!(
            "no {} in {} to compare with",
            figure_name(figure),
            compared(*c)
        ),
        Reason::NoLineThen { compared: c, line } => format!(
            "no {} line in {} to compare with",
            line_name(line),
            compared(*c)
        ),
        Reason::IncompleteLinesThen { compared: c } => format!(
            "the cost lines of {} are incomplete, so there is no like-for-like total to \
             compare with",
            compared(*c)
        ),
        Reason::ZeroThen {
            compared: c,
            figure,
        } => base_words(
            &format!("{} in {}", figure_name(figure), compared(*c)),
            NotMeaningful::ZeroBase,
        ),
        Reason::LineZeroThen { compared: c, line } => base_words(
            &format!("{} in {}", line_name(line), compared(*c)),
            NotMeaningful::ZeroBase,
        ),
        Reason::NegativeThen {
            compared: c,
            figure,
        } => base_words(
            &format!("{} in {}", figure_name(figure), compared(*c)),
            NotMeaningful::NegativeBase,
        ),
        Reason::LineNegativeThen { compared: c, line } => base_words(
            &format!("{} in {}", line_name(line), compared(*c)),
            NotMeaningful::NegativeBase,
        ),
        Reason::NoCostLines => "the input lists no cost lines".to_string(),
        Reason::IncompleteLines { lines } => {
            let names: Vec<String> = lines.iter().map(|l| line_name(l)).collect();
            format!(
                "the input does not list {}, so the cost lines do not add up to a total like \
                 the other periods' (enter 0 for a line there was none of)",
                listed(&names)
            )
        }
        Reason::LineNotListed => {
            "the input does not list every cost line (n/a where one is missing)".to_string()
        }
        Reason::Zero { figure } => format!("{} is zero", figure_name(figure)),
        Reason::NothingUnlisted => {
            "the cost lines add up to the reported operating income: nothing is unlisted"
                .to_string()
        }
        Reason::TooLarge => "too large to represent exactly".to_string(),
        Reason::QuartersOnly => "applies to quarters only".to_string(),
        Reason::PartialYear { year, months } => format!(
            "{year} holds {} (year to date), so it is not compared with a full year",
            crate::input::held(*months)
        ),
        Reason::NoAiExposedLines => "no cost line is marked AI-exposed".to_string(),
        Reason::AiExposedLinesAbsent { lines } => {
            let names: Vec<String> = lines.iter().map(|l| line_name(l)).collect();
            format!(
                "the input lists none of the AI-exposed lines ({})",
                listed(&names)
            )
        }
        Reason::Needs { figure } => format!("no {}", figure_name(figure)),
        Reason::NotBurning => "not burning cash: free cash flow is zero or more".to_string(),
        Reason::KpiValueMissing { name } => {
            format!("the input gives no {} value", value_name(name))
        }
        Reason::NoHeadcountStart => "the input gives no headcount at the period start".to_string(),
        Reason::KpiDivisorZero { operand } => {
            format!("{operand} is zero, and the formula divides by it")
        }
        Reason::InPrior { reason } => {
            let earlier: Vec<PeriodLabel> = periods.iter().map(|l| l.year_earlier()).collect();
            format!(
                "a year earlier ({}): {}",
                runs::named(earlier.iter().copied()),
                words(reason, &earlier)
            )
        }
        Reason::KpiFormulaRefused => {
            "the KPI's formula is refused (`ipobrief check` says why)".to_string()
        }
    }
}

/// "revenue in 2024 is negative, so a percent change is not meaningful (n/m)".
fn base_words(base: &str, why: NotMeaningful) -> String {
    crate::format::not_meaningful_reason(why, base)
}

fn noun(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "year",
        PeriodKind::Half => "half",
        PeriodKind::Quarter => "quarter",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> PeriodLabel {
        PeriodLabel::parse(text).expect("a valid label")
    }

    #[test]
    fn comparisons_name_the_periods_they_looked_back_to_as_a_range() {
        let quarters: Vec<PeriodLabel> = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
            .iter()
            .map(|t| label(t))
            .collect();
        let reason = Reason::NoPeriod {
            compared: Compared::YearEarlier,
        };
        assert_eq!(
            words(&reason, &quarters),
            "no 2024-Q1 to 2024-Q4 in the input to compare with"
        );
        let previous = Reason::NoPeriod {
            compared: Compared::Previous,
        };
        assert_eq!(
            words(&previous, &[label("2025-Q1")]),
            "no 2024-Q4 in the input to compare with"
        );
    }

    #[test]
    fn figures_are_named_as_the_brief_names_them() {
        let reason = Reason::NotGiven {
            figure: "headcount_end",
        };
        assert_eq!(
            words(&reason, &[label("2025-Q1")]),
            "the input gives no headcount, period end"
        );
        let acronym = Reason::NotGiven { figure: "ai_spend" };
        assert_eq!(words(&acronym, &[]), "the input gives no AI spend");
        let lines = Reason::IncompleteLines {
            lines: vec!["credit_losses".into(), "customer_service".into()],
        };
        assert!(words(&lines, &[]).starts_with(
            "the input does not list credit losses and customer service, so the cost lines"
        ));
    }

    #[test]
    fn before_the_first_period_says_where_the_series_starts() {
        let reason = Reason::BeforeFirst {
            first: label("2024-Q1"),
        };
        assert_eq!(
            words(&reason, &[label("2024-Q2")]),
            "the input's quarters start at 2024-Q1, so there is no earlier quarter to compare with"
        );
    }

    #[test]
    fn a_missing_quotient_is_zero_only_over_zero() {
        let zero = Reason::Zero { figure: "revenue" };
        assert_eq!(
            Reason::no_quotient(Decimal::ZERO, zero.clone()),
            zero.clone()
        );
        assert_eq!(
            Reason::no_quotient(Decimal::new(1, 4), zero.clone()),
            Reason::TooLarge
        );
        assert_eq!(Reason::no_quotient(-Decimal::ONE, zero), Reason::TooLarge);
    }
}
