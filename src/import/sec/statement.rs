//! From facts to periods: each field's figure per fiscal period, with Q4 derived as the fiscal
//! year minus Q1-Q3 where the filings give only those (a 10-K has no three-month Q4).

use std::collections::BTreeMap;

use super::calendar::{FiscalCalendar, Span};
use super::concepts::{self, CostLine};
use super::entry::{derive_fourth_quarters, Entry, Series, Source};
use super::facts::CompanyFacts;

/// A fiscal period as imported.
#[derive(Debug, Clone)]
pub struct ImportedPeriod {
    pub span: Span,
    pub revenue: Entry,
    pub operating_income: Option<Entry>,
    pub net_income: Option<Entry>,
    pub personnel_cost: Option<Entry>,
    /// Employees from the cover page of the annual report (years only).
    pub employees: Option<Entry>,
    pub costs: Vec<(&'static str, Entry)>,
    /// The statement figures (`cost_of_revenue`, ..., `cash`) the file has for the period.
    pub statement: Vec<(&'static str, Entry)>,
    /// Total operating expenses when the cost lines already break it down (a comment only).
    pub operating_expenses_total: Option<Entry>,
}

impl ImportedPeriod {
    /// Whether any figure of the period is derived rather than filed.
    pub fn derived(&self) -> bool {
        matches!(self.revenue.source, Source::Derived { .. })
    }
}

/// Everything read from the file, before it is written as TOML.
#[derive(Debug, Clone)]
pub struct Statement {
    pub currency: String,
    pub fiscal_year_end: String,
    pub periods: Vec<ImportedPeriod>,
}

/// Which periods to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    pub from: Option<i32>,
    pub quarters: bool,
}

/// Builds the statement; the error says what the file lacks.
pub fn build(facts: &CompanyFacts, selection: Selection) -> Result<Statement, String> {
    let currency = facts.currency(concepts::REVENUE).ok_or_else(|| {
        format!(
            "the file has no revenue figures in a currency: none of {} is in it",
            concepts::REVENUE.join(", ")
        )
    })?;
    let durations = concepts::REVENUE.iter().flat_map(|concept| {
        facts
            .figures(concept, Some(&currency))
            .into_iter()
            .filter_map(|figure| Some((figure.start?, figure.end)))
    });
    let calendar = FiscalCalendar::from_periods(durations)
        .ok_or("the file has no full-year revenue figure, so its fiscal year is unknown")?;
    let series = |concepts: &[&str]| series(facts, &calendar, concepts, &currency);
    let revenue = series(concepts::REVENUE);
    let operating_income = series(concepts::OPERATING_INCOME);
    let net_income = series(concepts::NET_INCOME);
    let personnel_cost = series(concepts::PERSONNEL_COST);
    let operating_expenses = series(concepts::OPERATING_EXPENSES);
    let cost_lines: Vec<(CostLine, Series)> = concepts::COST_LINES
        .iter()
        .chain([&concepts::SELLING_GENERAL_ADMIN])
        .map(|line| (*line, series(line.concepts)))
        .collect();
    let employees = employees(facts, &calendar);
    let figures = super::figures::Figures::read(facts, &calendar, &currency);
    let wanted = |span: &Span| {
        selection.from.is_none_or(|from| span.year() >= from)
            && (selection.quarters || matches!(span, Span::Year(_)))
    };
    let periods: Vec<ImportedPeriod> = revenue
        .iter()
        .filter(|(span, _)| wanted(span))
        .map(|(span, entry)| {
            let get = |series: &Series| series.get(span).cloned();
            let mut costs: Vec<(&'static str, Entry)> = Vec::new();
            for (line, series) in &cost_lines {
                let is_combined = line.name == concepts::SELLING_GENERAL_ADMIN.name;
                let has_parts = costs
                    .iter()
                    .any(|(name, _)| *name == "sales_marketing" || *name == "general_admin");
                if let (Some(entry), false) = (get(series), is_combined && has_parts) {
                    costs.push((line.name, entry));
                }
            }
            let broken_down = costs.iter().any(|(name, _)| *name != "cost_of_revenue");
            let mut operating_expenses_total = get(&operating_expenses);
            if !broken_down {
                if let Some(total) = operating_expenses_total.take() {
                    costs.push(("operating_expenses", total));
                }
            }
            ImportedPeriod {
                span: *span,
                revenue: entry.clone(),
                operating_income: get(&operating_income),
                net_income: get(&net_income),
                personnel_cost: get(&personnel_cost),
                employees: get(&employees),
                statement: figures.of(*span, entry),
                costs,
                operating_expenses_total,
            }
        })
        .collect();
    if periods.is_empty() {
        let first = revenue.keys().next().map(|s| s.year()).unwrap_or_default();
        let last = revenue.keys().last().map(|s| s.year()).unwrap_or_default();
        return Err(format!(
            "no fiscal period is left to import: the file's revenue runs from fiscal {first} to {last}"
        ));
    }
    Ok(Statement {
        currency,
        fiscal_year_end: calendar.fiscal_year_end(),
        periods,
    })
}

/// One figure per fiscal period: the latest filing's, whatever concept it is filed under (a
/// company that moved from one revenue concept to another restates old periods under the new
/// one); among figures of the same filing date, the first concept in `concepts`. Then Q4 is
/// derived where it is missing or does not add up (see [`derive_fourth_quarters`]).
fn series(
    facts: &CompanyFacts,
    calendar: &FiscalCalendar,
    concepts: &[&str],
    unit: &str,
) -> Series {
    let mut series = Series::new();
    let mut filed: BTreeMap<Span, Option<String>> = BTreeMap::new();
    for concept in concepts {
        for figure in facts.figures(concept, Some(unit)) {
            let Some(start) = figure.start else {
                continue;
            };
            let Some(span) = calendar.classify(start, figure.end) else {
                continue;
            };
            let later = filed
                .get(&span)
                .is_none_or(|kept| figure.filed.as_deref() > kept.as_deref());
            if later {
                filed.insert(span, figure.filed.clone());
                series.insert(span, Entry::filed(figure, start));
            }
        }
    }
    derive_fourth_quarters(&mut series);
    series
}

/// Employees by fiscal year, from cover-page facts dated after the year end; the latest date wins.
fn employees(facts: &CompanyFacts, calendar: &FiscalCalendar) -> Series {
    let mut series = Series::new();
    for figure in facts.figures(concepts::EMPLOYEES, None) {
        let Some(year) = calendar.year_ended_by(figure.end) else {
            continue;
        };
        let span = Span::Year(year);
        let later = series.get(&span).is_none_or(|kept| figure.end >= kept.end);
        if later {
            let start = figure.start.unwrap_or(figure.end);
            series.insert(span, Entry::filed(figure, start));
        }
    }
    series
}
