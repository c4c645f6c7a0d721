//! Fiscal years given in part or not at all. A finance reader compares a year with a year: a
//! year row that only holds its first quarters ("year to date") is marked so and never compared
//! with a full year, and four quarters of a year the input has no row for add up to that year.
//!
//! The rules (README, Input):
//! - a year row is **year to date** when it says so (`months = 6`: it holds its first six
//!   months), or when the input has fewer than four of its quarters, they
//!   are its first ones (Q1, or Q1 and Q2, or Q1 to Q3), and their revenue adds up to the
//!   year's (within 0.5% or two units of the input's scale, the cross-check's tolerance);
//! - a year with no row but all four quarters is **summed from quarters**: flows add up
//!   (revenue, costs listed in every quarter, operating income, cash flows when every quarter
//!   gives them), the headcount and cash at its end are its fourth quarter's, at its start its
//!   first's. Operating figures for KPIs (`[period.values]`) are not summed: a count of
//!   customers does not add up.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Ai, LineMap, Period, Scale, Statement};
use crate::period::{PeriodKind, PeriodLabel};

/// How much of its fiscal year a year's figures cover, and where they come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The whole period, as the input gives it.
    #[default]
    Given,
    /// A year the input has no row for, added up from its four quarters.
    SummedFromQuarters,
    /// A year row holding only its first `months` months (its first quarters, or `months = n`).
    YearToDate { months: u8 },
}

impl Coverage {
    pub fn is_given(&self) -> bool {
        *self == Coverage::Given
    }

    /// Whether the figures cover only part of the year.
    pub fn is_partial(self) -> bool {
        matches!(self, Coverage::YearToDate { .. })
    }

    /// Every coverage whose label carries a mark ([`Coverage::mark`]): summed from quarters,
    /// and a year to date of 1 to 11 months.
    pub fn marked() -> impl Iterator<Item = Coverage> {
        std::iter::once(Coverage::SummedFromQuarters)
            .chain((1..=11).map(|months| Coverage::YearToDate { months }))
    }

    /// The mark a period's label carries where it is shown: "summed from quarters",
    /// "year to date, 2 quarters"; None for a period as given.
    pub fn mark(self) -> Option<String> {
        match self {
            Coverage::Given => None,
            Coverage::SummedFromQuarters => Some("summed from quarters".to_string()),
            Coverage::YearToDate { months } => Some(format!("year to date, {}", held(months))),
        }
    }
}

/// A label as the outputs show it, its mark taken off: "2024 (summed from quarters)" is
/// `("2024", Some(SummedFromQuarters))`, "2025 (year to date, 2 quarters)" is `("2025",
/// Some(YearToDate { months: 6 }))`, so the workbook's Inputs sheet reads back as the input it
/// was made from. Any other text is given back whole, with no coverage.
pub fn unmarked(text: &str) -> (&str, Option<Coverage>) {
    let marked = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("));
    let Some((label, mark)) = marked else {
        return (text, None);
    };
    let coverage = Coverage::marked().find(|coverage| coverage.mark().as_deref() == Some(mark));
    match coverage {
        Some(coverage) => (label.trim_end(), Some(coverage)),
        None => (text, None),
    }
}

/// "2 quarters", "1 quarter", "8 months": how much of a year a year to date holds.
pub fn held(months: u8) -> String {
    match (months % 3, months / 3) {
        (0, 1) => "1 quarter".to_string(),
        (0, quarters) => format!("{quarters} quarters"),
        _ if months == 1 => "1 month".to_string(),
        _ => format!("{months} months"),
    }
}

/// A quarters' sum may differ from the year by this share of the year's figure (0.5%)...
const SHARE_TOLERANCE: Decimal = Decimal::from_parts(5, 0, 0, false, 3);
/// ...or by this many units of the input's scale, whichever is larger.
const UNITS_TOLERANCE: i64 = 2;

/// Marks year-to-date year rows and adds the years summed from quarters, keeping time order.
pub fn complete(periods: &mut Vec<Period>, scale: Scale) {
    // Each year's quarters (in time order) and its row, in one pass: long histories stay linear.
    let mut quarters_of: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    let mut rows: BTreeMap<i32, usize> = BTreeMap::new();
    for (index, period) in periods.iter().enumerate() {
        match period.label.kind {
            PeriodKind::Quarter => quarters_of
                .entry(period.label.year)
                .or_default()
                .push(index),
            PeriodKind::Year => {
                rows.insert(period.label.year, index);
            }
            PeriodKind::Half => {}
        }
    }
    let units = scale.factor() * Decimal::from(UNITS_TOLERANCE);
    let mut summed = Vec::new();
    for (year, quarters) in &quarters_of {
        match rows.get(year).copied() {
            Some(row) if quarters.len() < 4 => {
                let first_ones = quarters
                    .iter()
                    .enumerate()
                    .all(|(at, &i)| usize::from(periods[i].label.index) == at + 1);
                let revenue = quarters
                    .iter()
                    .try_fold(Decimal::ZERO, |sum, &i| sum.checked_add(periods[i].revenue));
                let whole = periods[row].revenue;
                let adds_up =
                    revenue
                        .and_then(|r| r.checked_sub(whole))
                        .is_some_and(|difference| {
                            difference.abs() <= (whole.abs() * SHARE_TOLERANCE).max(units)
                        });
                if first_ones && adds_up && periods[row].coverage.is_given() {
                    periods[row].coverage = Coverage::YearToDate {
                        months: 3 * quarters.len() as u8,
                    };
                }
            }
            None if quarters.len() == 4 => {
                let parts: Vec<&Period> = quarters.iter().map(|&i| &periods[i]).collect();
                summed.push(sum_of(&parts));
            }
            _ => {}
        }
    }
    if !summed.is_empty() {
        periods.extend(summed);
        periods.sort_by_key(|p| p.label.sort_key());
    }
}

/// The year of four quarters (in order Q1 to Q4).
fn sum_of(quarters: &[&Period]) -> Period {
    let (first, last) = (quarters[0], quarters[quarters.len() - 1]);
    let total = |figure: fn(&Period) -> Option<Decimal>| {
        quarters
            .iter()
            .try_fold(Decimal::ZERO, |sum, p| sum.checked_add(figure(p)?))
    };
    let mut costs = LineMap::default();
    for (name, _) in &first.costs {
        let amount = quarters
            .iter()
            .try_fold(Decimal::ZERO, |sum, p| sum.checked_add(*p.costs.get(name)?));
        if let Some(amount) = amount {
            costs.insert(name.clone(), amount);
        }
    }
    Period {
        label: PeriodLabel::year(last.label.year).in_calendar(last.label.calendar),
        revenue: total(|p| Some(p.revenue)).unwrap_or_default(),
        headcount_end: last.headcount_end,
        headcount_start: first.headcount_start,
        personnel_cost: total(|p| p.personnel_cost),
        operating_income: total(|p| p.operating_income),
        adjusted_operating_income: total(|p| p.adjusted_operating_income),
        statement: Statement {
            cost_of_revenue: total(|p| p.statement.cost_of_revenue),
            depreciation_amortization: total(|p| p.statement.depreciation_amortization),
            stock_based_compensation: total(|p| p.statement.stock_based_compensation),
            operating_cash_flow: total(|p| p.statement.operating_cash_flow),
            capex: total(|p| p.statement.capex),
            cash: last.statement.cash,
            net_income: total(|p| p.statement.net_income),
            interest_expense: total(|p| p.statement.interest_expense),
            income_tax: total(|p| p.statement.income_tax),
        },
        values: LineMap::default(),
        notes: None,
        costs,
        ai: Ai {
            spend: total(|p| p.ai.spend),
            fte_equivalent: None,
        },
        // A year summed from its quarters has no adjustments of its own: its measures are n/a.
        non_gaap: Default::default(),
        coverage: Coverage::SummedFromQuarters,
    }
}

#[cfg(test)]
mod tests {
    use super::{unmarked, Coverage};

    /// Every mark the outputs write reads back as its coverage; other text is left whole.
    #[test]
    fn a_marked_label_reads_back_as_its_coverage() {
        assert_eq!(Coverage::marked().count(), 12);
        for coverage in Coverage::marked() {
            let shown = format!("2024 ({})", coverage.mark().unwrap());
            assert_eq!(unmarked(&shown), ("2024", Some(coverage)), "{shown}");
        }
        assert_eq!(
            unmarked("FY2025 (year to date, 2 quarters) "),
            ("FY2025", Some(Coverage::YearToDate { months: 6 }))
        );
        for text in [
            "2024",
            "2024 (restated)",
            "2024 (summed from quarters",
            "(summed)",
        ] {
            assert_eq!(unmarked(text), (text, None));
        }
    }
}
