//! The sign convention of cost lines. ipobrief reads costs as positive amounts; many finance
//! spreadsheets enter them below zero. Read as they stand, such costs make operating expenses
//! negative and the margin above 100 %, so a file whose costs are mostly negative is refused
//! unless `cost_sign = "negative"` says that is how it is written (then costs are negated on
//! input and everything downstream sees positive costs). A single negative line among positive
//! ones, such as a refund or a reversal, is an ordinary credit and stays allowed.

use foldhash::HashMap;
use rust_decimal::Decimal;

use super::Period;

/// How the input writes its costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CostSign {
    /// Costs are positive amounts (the default).
    #[default]
    Positive,
    /// Costs are written below zero; they are negated on input.
    Negative,
}

impl CostSign {
    pub const NAMES: [&'static str; 2] = ["positive", "negative"];

    pub fn parse(text: &str) -> Option<CostSign> {
        match text.trim().to_ascii_lowercase().as_str() {
            "positive" => Some(CostSign::Positive),
            "negative" => Some(CostSign::Negative),
            _ => None,
        }
    }

    /// An amount as written, turned into a cost as ipobrief counts it (positive).
    pub fn read(self, amount: Decimal) -> Decimal {
        match self {
            CostSign::Positive => amount,
            CostSign::Negative => -amount,
        }
    }
}

/// Cost lines that read as negative across the file: a sign convention, not credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegativeCosts {
    /// The first negative cost in file order: the period's index in the input and the line.
    pub period: usize,
    pub line: String,
    /// How many lines are mostly negative, of how many lines with any non-zero amount.
    pub negative_lines: usize,
    pub lines: usize,
}

/// Finds a negative sign convention in cost lines already read as costs (`periods` in input
/// order): revenue positive somewhere, the costs of the whole file adding up below zero (so a
/// few credit lines beside large positive costs never count), and either at least two lines
/// mostly below zero, more than half of the lines with amounts, or every line mostly below
/// zero with at least two amounts below zero (a file whose one line is `opex = -800` year after
/// year). One amount below zero, alone in the file, is not a habit: it reads as a credit.
pub fn negative_convention(periods: &[Period]) -> Option<NegativeCosts> {
    if !periods.iter().any(|p| p.revenue > Decimal::ZERO) {
        return None;
    }
    // Per line: (periods below zero, periods above zero), in first-seen order.
    let mut order: Vec<&str> = Vec::new();
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::default();
    let mut total = Decimal::ZERO;
    for period in periods {
        for (name, amount) in &period.costs {
            let entry = counts.entry(name.as_str()).or_insert_with(|| {
                order.push(name.as_str());
                (0, 0)
            });
            if amount.is_zero() {
                continue;
            }
            if amount.is_sign_negative() {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
            total = total.saturating_add(*amount);
        }
    }
    let mostly_negative = |name: &str| counts.get(name).is_some_and(|(neg, pos)| neg > pos);
    let lines = counts.values().filter(|(neg, pos)| neg + pos > 0).count();
    let negative_lines = order.iter().filter(|name| mostly_negative(name)).count();
    let negative_amounts: usize = counts.values().map(|(neg, _)| neg).sum();
    let most_lines = negative_lines >= 2 && negative_lines * 2 > lines;
    let every_line = lines >= 1 && negative_lines == lines && negative_amounts >= 2;
    if !(most_lines || every_line) || !total.is_sign_negative() {
        return None;
    }
    periods.iter().enumerate().find_map(|(index, period)| {
        period
            .costs
            .iter()
            .find(|(name, amount)| amount.is_sign_negative() && mostly_negative(name))
            .map(|(name, _)| NegativeCosts {
                period: index,
                line: name.clone(),
                negative_lines,
                lines,
            })
    })
}

#[cfg(test)]
#[path = "cost_sign_tests.rs"]
mod tests;
