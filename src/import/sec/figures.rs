//! The statement figures of each fiscal period (cost of revenue, D&A, stock-based
//! compensation, operating cash flow, capex, cash), with the rules revenue follows: one value
//! per period from the latest filing whatever its concept, Q4 is the year minus Q1-Q3 (and
//! replaces a filed Q4 that would miss the year). Cash-flow figures are filed year to date in
//! 10-Qs (six and nine months), so a missing Q2 is six months minus Q1 and a missing Q3 nine
//! months minus six. Cash is an instant: the value on the period's last day. Cost of revenue, when no concept of it is
//! filed, is revenue minus gross profit.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::calendar::{FiscalCalendar, Span};
use super::concepts::{self, Filed};
use super::entry::{derive_fourth_quarters, Entry, Series, Source};
use super::facts::CompanyFacts;

/// Every statement figure the file has, by period (or, for cash, by date).
pub(super) struct Figures {
    flows: Vec<(&'static str, Series)>,
    instants: Vec<(&'static str, BTreeMap<NaiveDate, Entry>)>,
    gross_profit: Series,
}

impl Figures {
    pub fn read(facts: &CompanyFacts, calendar: &FiscalCalendar, unit: &str) -> Figures {
        let mut flows = Vec::new();
        let mut instants = Vec::new();
        for figure in concepts::STATEMENT {
            match figure.filed {
                Filed::Flow => flows.push((
                    figure.name,
                    flow_series(facts, calendar, figure.concepts, unit),
                )),
                Filed::Instant => {
                    instants.push((figure.name, instant_series(facts, figure.concepts, unit)))
                }
            }
        }
        Figures {
            flows,
            instants,
            gross_profit: flow_series(facts, calendar, concepts::GROSS_PROFIT, unit),
        }
    }

    /// The figures of one period, in the order of [`concepts::STATEMENT`]; `revenue` is the
    /// period's (its end date finds cash; it turns gross profit into cost of revenue).
    pub fn of(&self, span: Span, revenue: &Entry) -> Vec<(&'static str, Entry)> {
        let mut out = Vec::new();
        for figure in concepts::STATEMENT {
            let entry = match figure.filed {
                Filed::Flow => self.flow(figure.name, span, revenue),
                Filed::Instant => self
                    .instants
                    .iter()
                    .find(|(name, _)| *name == figure.name)
                    .and_then(|(_, by_date)| by_date.get(&revenue.end).cloned()),
            };
            if let Some(entry) = entry {
                out.push((figure.name, entry));
            }
        }
        out
    }

    fn flow(&self, name: &str, span: Span, revenue: &Entry) -> Option<Entry> {
        let filed = self
            .flows
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, series)| series.get(&span).cloned());
        if filed.is_some() || name != "cost_of_revenue" {
            return filed;
        }
        let gross = self.gross_profit.get(&span)?;
        let value = revenue.value.checked_sub(gross.value)?;
        let (concept, accns) = match &gross.source {
            Source::Filed { concept, accn } => (concept.clone(), vec![accn.clone()]),
            Source::Derived { concept, accns, .. } => (concept.clone(), accns.clone()),
        };
        Some(Entry {
            value,
            source: Source::Derived {
                concept,
                formula: "as revenue - gross profit",
                accns,
                replaced: None,
            },
            start: gross.start,
            end: gross.end,
        })
    }
}

/// A flow per fiscal period: filed three-month quarters and years first, then Q2 and Q3 from
/// the year to date, then Q4 from the year (see [`derive_fourth_quarters`]). As for revenue,
/// each period's figure is the latest filing's, whatever concept it is filed under; among
/// figures of the same filing date, the first concept in `concepts`.
fn flow_series(
    facts: &CompanyFacts,
    calendar: &FiscalCalendar,
    concepts: &[&str],
    unit: &str,
) -> Series {
    let mut series = Series::new();
    let mut to_date = Series::new();
    // (year to date?, span) -> the filing date of the figure kept.
    let mut kept: BTreeMap<(bool, Span), Option<String>> = BTreeMap::new();
    for concept in concepts {
        for figure in facts.figures(concept, Some(unit)) {
            let Some(start) = figure.start else {
                continue;
            };
            let (cumulative, span) = if let Some(span) = calendar.classify(start, figure.end) {
                (false, span)
            } else if let Some(span) = calendar.year_to_date(start, figure.end) {
                (true, span)
            } else {
                continue;
            };
            let later = kept
                .get(&(cumulative, span))
                .is_none_or(|filed| figure.filed.as_deref() > filed.as_deref());
            if later {
                kept.insert((cumulative, span), figure.filed.clone());
                let target = if cumulative {
                    &mut to_date
                } else {
                    &mut series
                };
                target.insert(span, Entry::filed(figure, start));
            }
        }
    }
    from_year_to_date(&mut series, &to_date);
    derive_fourth_quarters(&mut series);
    series
}

/// Adds a missing Q2 as six months to date minus Q1, and a missing Q3 as nine months minus six.
fn from_year_to_date(series: &mut Series, to_date: &Series) {
    for (span, cumulative) in to_date {
        let Span::Quarter(year, quarter) = *span else {
            continue;
        };
        if series.contains_key(span) {
            continue;
        }
        let (before, formula) = match quarter {
            2 => (
                series.get(&Span::Quarter(year, 1)),
                "six months to date - Q1",
            ),
            3 => (
                to_date.get(&Span::Quarter(year, 2)),
                "nine months to date - six months to date",
            ),
            _ => continue,
        };
        let Some(before) = before else {
            continue;
        };
        let (Some(value), Some(start)) = (
            cumulative.value.checked_sub(before.value),
            before.end.succ_opt(),
        ) else {
            continue;
        };
        let accns = Source::filings([before, cumulative].map(|e| &e.source));
        let concept = cumulative.source.concept().to_string();
        let entry = Entry {
            value,
            source: Source::Derived {
                concept,
                formula,
                accns,
                replaced: None,
            },
            start,
            end: cumulative.end,
        };
        series.insert(*span, entry);
    }
}

/// An instant figure by its date: the latest filing's, whatever concept it is filed under;
/// among figures of the same filing date, the first concept in `concepts`.
fn instant_series(
    facts: &CompanyFacts,
    concepts: &[&str],
    unit: &str,
) -> BTreeMap<NaiveDate, Entry> {
    let mut by_date = BTreeMap::new();
    let mut kept: BTreeMap<NaiveDate, Option<String>> = BTreeMap::new();
    for concept in concepts {
        for figure in facts.figures(concept, Some(unit)) {
            if figure.start.is_some() {
                continue;
            }
            let end = figure.end;
            let later = kept
                .get(&end)
                .is_none_or(|filed| figure.filed.as_deref() > filed.as_deref());
            if later {
                kept.insert(end, figure.filed.clone());
                by_date.insert(end, Entry::filed(figure, end));
            }
        }
    }
    by_date
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::super::facts::parse;
    use super::super::statement::{build, Selection};

    /// A year of revenue 100 and gross profit 60, with no cost-of-revenue concept: cost of
    /// revenue is 100 - 60 = 40, marked derived. The quarters' capex is filed year to date:
    /// Q1 3, six months 8 (Q2 = 8 - 3 = 5), nine months 10 (Q3 = 10 - 8 = 2), year 16
    /// (Q4 = 16 - 3 - 5 - 2 = 6).
    const FILE: &str = r#"{"cik": 7, "entityName": "Acme", "facts": {"us-gaap": {
        "Revenues": {"units": {"USD": [
            {"start": "2024-01-01", "end": "2024-12-31", "val": 100, "accn": "k", "filed": "2025-02-01"},
            {"start": "2024-01-01", "end": "2024-03-31", "val": 20, "accn": "q1", "filed": "2024-05-01"},
            {"start": "2024-04-01", "end": "2024-06-30", "val": 25, "accn": "q2", "filed": "2024-08-01"},
            {"start": "2024-07-01", "end": "2024-09-30", "val": 25, "accn": "q3", "filed": "2024-11-01"}]}},
        "GrossProfit": {"units": {"USD": [
            {"start": "2024-01-01", "end": "2024-12-31", "val": 60, "accn": "k", "filed": "2025-02-01"}]}},
        "PaymentsToAcquirePropertyPlantAndEquipment": {"units": {"USD": [
            {"start": "2024-01-01", "end": "2024-03-31", "val": 3, "accn": "q1", "filed": "2024-05-01"},
            {"start": "2024-01-01", "end": "2024-06-30", "val": 8, "accn": "q2", "filed": "2024-08-01"},
            {"start": "2024-01-01", "end": "2024-09-30", "val": 10, "accn": "q3", "filed": "2024-11-01"},
            {"start": "2024-01-01", "end": "2024-12-31", "val": 16, "accn": "k", "filed": "2025-02-01"}]}},
        "CashAndCashEquivalentsAtCarryingValue": {"units": {"USD": [
            {"end": "2024-06-30", "val": 70, "accn": "q2", "filed": "2024-08-01"},
            {"end": "2024-12-31", "val": 90, "accn": "k", "filed": "2025-02-01"}]}}
    }}}"#;

    fn figure(label: &str, name: &str) -> Option<Decimal> {
        let facts = parse(FILE, "acme.json").unwrap();
        let selection = Selection {
            from: None,
            quarters: true,
        };
        let statement = build(&facts, selection).unwrap();
        let period = statement.periods.iter().find(|p| p.span.label() == label)?;
        let (_, entry) = period.statement.iter().find(|(n, _)| *n == name)?;
        Some(entry.value)
    }

    #[test]
    fn cost_of_revenue_is_revenue_minus_gross_profit_when_not_filed() {
        assert_eq!(figure("2024", "cost_of_revenue"), Some(Decimal::from(40)));
        assert_eq!(figure("2024-Q1", "cost_of_revenue"), None);
    }

    #[test]
    fn quarters_come_from_the_year_to_date() {
        let capex: Vec<Option<Decimal>> = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024"]
            .iter()
            .map(|label| figure(label, "capex"))
            .collect();
        let expected = [3, 5, 2, 6, 16].map(|v| Some(Decimal::from(v)));
        assert_eq!(capex, expected);
    }

    #[test]
    fn cash_is_the_balance_on_the_last_day() {
        assert_eq!(figure("2024-Q2", "cash"), Some(Decimal::from(70)));
        assert_eq!(figure("2024-Q4", "cash"), Some(Decimal::from(90)));
        assert_eq!(figure("2024", "cash"), Some(Decimal::from(90)));
        assert_eq!(figure("2024-Q1", "cash"), None);
    }
}
