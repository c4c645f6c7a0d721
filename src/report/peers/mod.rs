//! The brief's Peers section: the company's latest fiscal year beside its comparable companies'
//! latest fiscal years, the peers' median and where the company ranks on each metric.
//!
//! The metrics are the catalogue's picked for the Peers table (`picks.peers`): names, units and
//! polarity come from the catalogue, and the look of every value from the `cell` filters. Money in another currency is
//! compared only through a rate the user gives (`--fx`); percentages and ratios always are.
//! Everything here stays typed, for the Markdown and HTML templates (and any later format).

pub mod fx;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::cell::{Cell, Place};
use super::notes::Notes;
use crate::metrics::catalogue::{picked, Metric, View};
use crate::metrics::{Metrics, Number, PeriodMetrics, Polarity, Unit};
use crate::money::{to_cents, Exact};
use crate::period::{FiscalCalendar, PeriodKind, PeriodLabel};
pub use fx::{Rate, Rates};

/// A peer whose latest fiscal year ended more than this many months before the company's is
/// flagged as stale.
pub const STALE_AFTER_MONTHS: u32 = 12;

/// The Peers section of one brief.
#[derive(Debug, Clone, Serialize)]
pub struct PeersView {
    /// The company first, then its peers in the order given.
    pub columns: Vec<PeerColumn>,
    pub rows: Vec<PeerRow>,
    /// The company's currency: medians and converted amounts are in it.
    pub currency: String,
    /// Whether the companies' fiscal years end on different days (columns then name their
    /// end dates).
    pub year_ends_differ: bool,
    /// The rates used, when any peer's amounts were converted.
    pub fx: Option<Rates>,
    /// Peers' currencies with no rate: their amounts are shown but not compared.
    pub not_compared_currencies: Vec<String>,
    /// Peers without a headcount in their latest fiscal year (per-employee figures n/a).
    pub lacking_headcount: Vec<String>,
    /// Peers whose latest fiscal year ended more than [`STALE_AFTER_MONTHS`] before the
    /// company's.
    pub stale: Vec<String>,
    /// Peers with no fiscal year at all (every cell n/a).
    pub without_years: Vec<String>,
}

/// One company's column.
#[derive(Debug, Clone, Serialize)]
pub struct PeerColumn {
    pub name: String,
    pub ticker: Option<String>,
    /// The file it came from.
    pub source: String,
    /// True for the company the brief is about.
    pub is_company: bool,
    /// "FY2025"; None when the company has no fiscal year.
    pub period: Option<String>,
    /// The last day of that fiscal year, ISO ("2024-06-30").
    pub year_end: Option<String>,
    /// The same day for reading: "30 Jun 2024".
    pub year_end_text: Option<String>,
    pub currency: String,
    /// Ended more than [`STALE_AFTER_MONTHS`] before the company's latest fiscal year.
    pub stale: bool,
}

/// A value in the table, with the currency it is shown in.
#[derive(Debug, Clone, Serialize)]
pub struct PeerCell {
    pub cell: Cell,
    /// The currency the value is in (the company's, once converted).
    pub currency: String,
    /// Whether it takes part in the median and the rank: a ratio always, an amount when in
    /// the company's currency or converted at a rate given.
    pub comparable: bool,
    /// The amount as reported before conversion, in its own currency.
    pub converted_from: Option<Converted>,
    /// Why the value is n/a, in words (the workbook's cell note; the brief groups these).
    #[serde(skip)]
    pub reason: Option<String>,
}

/// An amount converted into the company's currency.
#[derive(Debug, Clone, Serialize)]
pub struct Converted {
    pub value: Number,
    pub currency: String,
    pub rate: Decimal,
}

/// Where the company stands on a metric: 1 is best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rank {
    pub position: usize,
    /// How many companies have a comparable value.
    pub of: usize,
}

/// One metric across the companies.
#[derive(Debug, Clone, Serialize)]
pub struct PeerRow {
    pub key: &'static str,
    pub name: &'static str,
    pub unit: Unit,
    pub polarity: Polarity,
    pub cells: Vec<PeerCell>,
    /// The median of the peers' comparable values (the company left out).
    pub median: Cell,
    /// The company's rank; None when the metric has no better direction or the company has
    /// no comparable value.
    pub rank: Option<Rank>,
    /// "higher is better", "lower is better" or "no better direction".
    pub direction: &'static str,
}

/// One company for the section: its metrics and its latest fiscal year.
struct Entry<'a> {
    metrics: &'a Metrics,
    year: Option<&'a PeriodMetrics>,
    end: Option<NaiveDate>,
}

impl<'a> Entry<'a> {
    fn of(metrics: &'a Metrics) -> Self {
        let year = metrics
            .periods
            .iter()
            .rev()
            .find(|p| p.kind == PeriodKind::Year);
        let end =
            year.and_then(|y| year_end(y.label.year, metrics.company.fiscal_year_end.as_deref()));
        Entry { metrics, year, end }
    }
}

/// The last day of fiscal year `year` for a fiscal year end "MM-DD" (none given: 31 December).
/// Fiscal years are named by the calendar year they end in (Affirm's FY2024 ends 30 June 2024).
/// The fiscal calendar says it ([`crate::period::PeriodLabel::end`]): 29 February in a year
/// without it is the last day of February.
pub fn year_end(year: i32, fiscal_year_end: Option<&str>) -> Option<NaiveDate> {
    let calendar = match fiscal_year_end {
        Some(text) => FiscalCalendar::parse(text)?,
        None => FiscalCalendar::default(),
    };
    PeriodLabel::year(year).in_calendar(calendar).end()
}

/// Builds the section for `company` against `peers`; `bar` is the Rule-of-40 threshold the
/// company's scorecard judges by. Footnote numbers for n/a values continue `notes`.
pub fn build(
    company: &Metrics,
    peers: &[&Metrics],
    rates: &Rates,
    bar: f64,
    notes: &mut Notes,
) -> PeersView {
    let entries: Vec<Entry> = std::iter::once(company)
        .chain(peers.iter().copied())
        .map(Entry::of)
        .collect();
    let currency = company.company.currency.clone();
    let year_ends_differ = year_ends_differ(&entries);
    let columns = columns(&entries);
    let mut reasons: Vec<Vec<String>> = vec![Vec::new(); entries.len()];
    let mut rows: Vec<PeerRow> = picked(View::Peers)
        .into_iter()
        .map(|m| row(m, &entries, &currency, rates, bar, &mut reasons))
        .collect();
    note_unavailable(&mut rows, &entries, &reasons, notes);
    let peer_names = |keep: &dyn Fn(&Entry, &PeerColumn) -> bool| -> Vec<String> {
        entries
            .iter()
            .zip(&columns)
            .skip(1)
            .filter(|(e, c)| keep(e, c))
            .map(|(e, _)| e.metrics.company.name.clone())
            .collect()
    };
    let not_compared_currencies = not_compared_currencies(&columns, &currency, rates);
    let used = used_rates(&columns, &currency, rates);
    PeersView {
        lacking_headcount: peer_names(&|e, _| e.year.is_some_and(|y| y.headcount_end.is_none())),
        stale: peer_names(&|_, c| c.stale),
        without_years: peer_names(&|e, _| e.year.is_none()),
        columns,
        rows,
        currency,
        year_ends_differ,
        fx: (!used.is_empty()).then_some(used),
        not_compared_currencies,
    }
}

/// Whether the companies' fiscal years end on different days.
fn year_ends_differ(entries: &[Entry]) -> bool {
    let ends: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.metrics
                .company
                .fiscal_year_end
                .as_deref()
                .unwrap_or("12-31")
        })
        .collect();
    ends.iter().any(|e| *e != ends[0])
}

/// A column per company, the company first; a peer whose year ended long before the
/// company's is stale.
fn columns(entries: &[Entry]) -> Vec<PeerColumn> {
    let company_end = entries[0].end;
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let stale = index > 0
                && match (entry.end, company_end) {
                    (Some(end), Some(company_end)) => company_end
                        .checked_sub_months(Months::new(STALE_AFTER_MONTHS))
                        .is_some_and(|limit| end < limit),
                    _ => false,
                };
            PeerColumn {
                name: entry.metrics.company.name.clone(),
                ticker: entry.metrics.company.ticker.clone(),
                source: entry.metrics.source.clone(),
                is_company: index == 0,
                period: entry.year.map(|y| format!("FY{}", y.label.year)),
                year_end: entry.end.map(|d| d.format("%Y-%m-%d").to_string()),
                year_end_text: entry
                    .end
                    .map(|d| format!("{} {} {}", d.day(), month_name(d.month()), d.year())),
                currency: entry.metrics.company.currency.clone(),
                stale,
            }
        })
        .collect()
}

/// The peers' currencies other than `currency` that no rate converts, sorted, once each.
fn not_compared_currencies(columns: &[PeerColumn], currency: &str, rates: &Rates) -> Vec<String> {
    let mut not_compared: Vec<String> = columns
        .iter()
        .map(|c| c.currency.clone())
        .filter(|c| *c != currency && rates.rate(c).is_none())
        .collect();
    not_compared.sort();
    not_compared.dedup();
    not_compared
}

/// The rates used: a peer's currency other than the brief's (never the brief's own).
fn used_rates(columns: &[PeerColumn], currency: &str, rates: &Rates) -> Rates {
    Rates {
        rates: rates
            .rates
            .iter()
            .filter(|r| r.currency != currency && columns.iter().any(|c| c.currency == r.currency))
            .cloned()
            .collect(),
        as_of: rates.as_of.clone(),
    }
}

/// One note for every n/a value of the section: each company's reasons, then the medians.
/// A note per company and reason would be as many notes as the section has gaps; the
/// section is one table, and one note lists what each company does not give.
fn note_unavailable(
    rows: &mut [PeerRow],
    entries: &[Entry],
    reasons: &[Vec<String>],
    notes: &mut Notes,
) {
    let mut parts: Vec<String> = entries
        .iter()
        .zip(reasons)
        .filter(|(_, reasons)| !reasons.is_empty())
        .map(|(entry, reasons)| {
            let name = &entry.metrics.company.name;
            let year = entry
                .year
                .map(|y| format!(", FY{}", y.label.year))
                .unwrap_or_default();
            format!("{name}{year}: {}.", reasons.join("; "))
        })
        .collect();
    if rows.iter().any(|r| r.median.value.is_none()) {
        parts.push("A peers' median is n/a where no peer has a comparable value.".to_string());
    }
    if parts.is_empty() {
        return;
    }
    let group = notes.said(parts.join(" "));
    for row in rows.iter_mut() {
        let cells = row.cells.iter_mut().map(|c| &mut c.cell);
        for cell in cells.chain(std::iter::once(&mut row.median)) {
            if cell.value.is_none() {
                cell.note = Some(group);
            }
        }
    }
}

fn add(reasons: &mut Vec<String>, reason: String) {
    if !reasons.contains(&reason) {
        reasons.push(reason);
    }
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// Whether values of this unit are money, and so in a currency.
fn is_money(unit: Unit) -> bool {
    matches!(unit, Unit::Amount | Unit::Money)
}

fn row(
    metric: &'static Metric,
    entries: &[Entry],
    currency: &str,
    rates: &Rates,
    bar: f64,
    reasons: &mut [Vec<String>],
) -> PeerRow {
    let cells: Vec<PeerCell> = entries
        .iter()
        .zip(reasons.iter_mut())
        .map(|(entry, reasons)| cell(metric, entry, currency, rates, bar, reasons))
        .collect();
    let comparable: Vec<Option<Number>> = cells
        .iter()
        .map(|c| c.cell.value.filter(|_| c.comparable))
        .collect();
    let peer_values: Vec<Number> = comparable[1..].iter().flatten().copied().collect();
    let median_value = median(&peer_values);
    let median_cell = Cell {
        bar: (metric.key == "rule_of_40").then_some(bar),
        ..Cell::new(median_value, metric.unit, metric.polarity, Place::Card)
    };
    PeerRow {
        key: metric.key,
        name: metric.name,
        unit: metric.unit,
        polarity: metric.polarity,
        rank: rank(metric.polarity, &comparable),
        direction: match metric.polarity {
            Polarity::UpGood => "higher is better",
            Polarity::DownGood => "lower is better",
            Polarity::Neutral => "no better direction",
        },
        cells,
        median: median_cell,
    }
}

fn cell(
    metric: &Metric,
    entry: &Entry,
    currency: &str,
    rates: &Rates,
    bar: f64,
    reasons: &mut Vec<String>,
) -> PeerCell {
    let own = &entry.metrics.company.currency;
    let mut out = PeerCell {
        cell: Cell {
            bar: (metric.key == "rule_of_40").then_some(bar),
            ..Cell::new(None, metric.unit, metric.polarity, Place::Card)
        },
        currency: own.clone(),
        comparable: true,
        converted_from: None,
        reason: None,
    };
    let Some(year) = entry.year else {
        out.reason = Some("no fiscal year in the input".to_string());
        add(reasons, "no fiscal year in the input".to_string());
        return out;
    };
    let value = metric.value(year);
    if value.is_none() {
        let reason = year
            .unavailable
            .reason(metric.key)
            .unwrap_or_else(|| "not given in the input".to_string());
        out.reason = Some(reason.clone());
        add(reasons, reason);
        return out;
    }
    out.cell.value = value;
    if is_money(metric.unit) && own != currency {
        match (rates.rate(own), value) {
            (Some(rate), Some(Number::Exact(amount))) if amount.0.checked_mul(rate).is_none() => {
                let reason = format!(
                    "too large to convert at {rate} {currency} per {own}: beyond the largest \
                     amount a figure can hold"
                );
                out.cell.value = None;
                out.reason = Some(reason.clone());
                add(reasons, reason);
            }
            (Some(rate), Some(Number::Exact(amount))) => {
                let converted = amount.0.checked_mul(rate).unwrap_or_default();
                out.cell.value = Some(Number::Exact(Exact(to_cents(converted))));
                out.currency = currency.to_string();
                out.converted_from = Some(Converted {
                    value: Number::Exact(amount),
                    currency: own.clone(),
                    rate,
                });
            }
            _ => out.comparable = false,
        }
    }
    out
}

/// The middle value, or the mean of the two middle values; None for no values. Exact amounts
/// stay exact (the mean of two amounts to the cent is rounded to the cent).
pub fn median(values: &[Number]) -> Option<Number> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.as_f64().total_cmp(&b.as_f64()));
    let n = sorted.len();
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    Some(match (sorted[n / 2 - 1], sorted[n / 2]) {
        (Number::Exact(a), Number::Exact(b)) => {
            // Halves first when the sum would overflow: each half is at most half the range.
            let mean = match a.0.checked_add(b.0) {
                Some(sum) => sum / Decimal::TWO,
                None => a.0 / Decimal::TWO + b.0 / Decimal::TWO,
            };
            Number::Exact(Exact(if mean.scale() > 2 {
                to_cents(mean)
            } else {
                mean
            }))
        }
        (a, b) => Number::Float((a.as_f64() + b.as_f64()) / 2.0),
    })
}

/// The company's (first value's) rank among the values present, 1 the best by `polarity`:
/// one more than the number of companies strictly better, so ties share a rank. None without a
/// better direction, without the company's value, or with no other value to rank against.
pub fn rank(polarity: Polarity, values: &[Option<Number>]) -> Option<Rank> {
    let own = values.first().copied().flatten()?.as_f64();
    let better = |other: f64| match polarity {
        Polarity::UpGood => other > own,
        Polarity::DownGood => other < own,
        Polarity::Neutral => false,
    };
    if polarity == Polarity::Neutral {
        return None;
    }
    let present: Vec<f64> = values.iter().flatten().map(|v| v.as_f64()).collect();
    // Alone, the company has nothing to rank against.
    if present.len() < 2 {
        return None;
    }
    Some(Rank {
        position: 1 + present.iter().skip(1).filter(|v| better(**v)).count(),
        of: present.len(),
    })
}

#[cfg(test)]
mod tests;
