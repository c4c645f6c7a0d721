//! A reason in the brief's words: the one wording of each reason, and the names of figures,
//! cost lines and values mid-sentence.

use super::super::catalogue::known;
use super::super::runs;
use super::{Compared, Reason};
use crate::money::NotMeaningful;
use crate::period::{PeriodKind, PeriodLabel};

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

/// Lower-cases the first letter unless the word is an acronym ("AI spend" stays): a name
/// mid-sentence.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// The one wording of a reason, for the periods it holds in (one or several, in any order):
/// a comparison names the periods it looked back to as a range ("no 2024-Q1 to 2024-Q4 in
/// the input to compare with"). The periods themselves are not named: a note puts them first.
pub fn words(reason: &Reason, periods: &[PeriodLabel]) -> String {
    match reason {
        Reason::NotGiven { figure } => format!("the input gives no {}", figure_name(figure)),
        Reason::NonGaapItemNotGiven { item } => format!("the input gives no {item}"),
        Reason::BeforeFirst { .. }
        | Reason::NoPeriod { .. }
        | Reason::NotGivenThen { .. }
        | Reason::NoLineThen { .. }
        | Reason::IncompleteLinesThen { .. }
        | Reason::ZeroThen { .. }
        | Reason::LineZeroThen { .. }
        | Reason::NegativeThen { .. }
        | Reason::LineNegativeThen { .. } => comparison_words(reason, periods),
        Reason::NoCostLines => "the input lists no cost lines".to_string(),
        Reason::IncompleteLines { lines } => {
            let names: Vec<String> = lines.iter().map(|l| line_name(l)).collect();
            format!(
                "the input does not list {}, so the cost lines do not add up to a total like \
                 the other periods' (enter 0 for a line there was none of)",
                crate::format::listed(&names)
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
                crate::format::listed(&names)
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

/// The words of a reason that looks back to an earlier period (`words` sends only those here).
fn comparison_words(reason: &Reason, periods: &[PeriodLabel]) -> String {
    let compared =
        |compared: Compared| runs::named(periods.iter().map(|label| compared.of(*label)));
    match reason {
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
        // Every other reason has its words in `words`.
        _ => String::new(),
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
