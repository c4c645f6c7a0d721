//! Side by side: periods of one company, or companies for one period, as columns of one table.
//!
//! [`build`] turns the chosen columns (a company's [`Metrics`] and a period each) into a plain
//! [`Comparison`]: every headline metric and cost line as a row, each value formatted once, and
//! each column's change against the first. The terminal table, the Markdown, the HTML and the
//! JSON are all drawn from that one model, so they cannot disagree.

pub mod against;
mod change;
pub mod chart;
pub mod outputs;
pub mod render;
mod rows;
mod rows_non_gaap;
pub mod select;
pub mod terminal;
mod terminal_table;
pub mod view;
pub mod words;
pub mod workbook;

use serde::Serialize;

use crate::input::Scale;
use crate::metrics::{Generator, Metrics, PeriodMetrics};
pub use crate::metrics::{Number, Polarity, Unit};
use crate::period::{PeriodKind, PeriodLabel};

pub use change::Change;

/// Whether the columns are periods of one company or companies (peers) for one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Periods,
    Peers,
    /// Periods of one company, each beside its budget (`--against budget`).
    Budget,
}

/// One column: a company in a period.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// The column heading: the period (one company) or the company's name (peers).
    pub heading: String,
    /// Under the heading for peers: the period and the unit of amounts.
    pub subheading: Option<String>,
    pub company: String,
    pub source: String,
    pub period: PeriodLabel,
    pub kind: PeriodKind,
    pub currency: String,
    /// The scale amounts are shown in: one for every column in the same currency (the largest
    /// of their inputs'), so 211,000 thousand and 29,771 million read 211 and 29,771 million.
    pub scale: Scale,
    /// The scale of the company's input, where its figures were typed.
    pub input_scale: Scale,
    /// "USD millions", or "USD" when amounts are in units: the unit of this column's amounts.
    pub amounts_label: String,
    /// Decimals amounts are shown with: none when the period's input figures are whole in the
    /// company's scale (so a derived amount such as AI savings reads like them), else one.
    #[serde(skip)]
    pub amount_decimals: u32,
}

/// One value in a row: the number (null when unavailable), how it reads, and a note number
/// pointing at the reason when it is unavailable.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub value: Option<Number>,
    pub text: String,
    pub note: Option<usize>,
}

/// One metric across the columns.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The metric's key in metrics.json (`cost_lines.<name>` for cost lines).
    pub key: String,
    pub name: String,
    /// "Headline" or "Cost lines" (against a budget: the period).
    pub group: String,
    pub unit: Unit,
    pub polarity: Polarity,
    /// "AI-exposed" for cost lines the company marks so.
    pub tag: Option<&'static str>,
    pub cells: Vec<Cell>,
    /// Each column after the first, against the first.
    pub changes: Vec<Change>,
}

/// The whole comparison: what the terminal table, compare.md, compare.html and compare.json show.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub title: String,
    pub mode: Mode,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Rows left out because no column has a value for them.
    pub empty_rows: Vec<String>,
    /// Where amounts are measured: "amounts in USD millions" or per column.
    pub amounts_note: String,
    /// Set when the columns are in different currencies: money is then never compared.
    pub currency_note: Option<String>,
    /// Set when the companies' fiscal years end on different days: the same label (2025, or
    /// 2025-Q1) then covers different months.
    pub fiscal_year_note: Option<String>,
    /// Set when the companies' columns are different periods (`--period latest` takes each
    /// company's own latest fiscal year).
    pub period_note: Option<String>,
    /// Why values are unavailable; a cell's `note` n is `notes[n - 1]`.
    pub notes: Vec<String>,
    pub as_of: Option<String>,
    pub generator: Generator,
}

/// One column to build: a company's metrics and the period it shows.
pub struct Source<'a> {
    pub metrics: &'a Metrics,
    pub period: &'a PeriodMetrics,
}

/// Builds the comparison of `sources` (at least one; the first is what the others are
/// compared against).
pub fn build(mode: Mode, sources: &[Source], as_of: Option<String>) -> Comparison {
    let columns: Vec<Column> = sources
        .iter()
        .map(|s| column(mode, s, shared_scale(sources, &s.metrics.company.currency)))
        .collect();
    let currency_note = currency_note(&columns);
    let fiscal_year_note = words::fiscal_year_note(mode, sources);
    let amounts_note = amounts_note(&columns);
    let period_note = period_note(mode, &columns);
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    let mut empty_rows = Vec::new();
    for spec in rows::specs(sources) {
        let row = rows::build_row(&spec, sources, &columns, &mut notes, change::Basis::First);
        if row.cells.iter().all(|c| c.value.is_none()) {
            empty_rows.push(row.name);
        } else {
            rows.push(row);
        }
    }
    // Notes of rows left out would point at nothing: renumber what is left.
    let notes = renumber(&mut rows, &notes);
    Comparison {
        title: title(mode, &columns),
        mode,
        columns,
        rows,
        empty_rows,
        amounts_note,
        currency_note,
        fiscal_year_note,
        period_note,
        notes,
        as_of,
        generator: Generator::default(),
    }
}

/// Set when the columns' currencies differ: money is not compared then.
fn currency_note(columns: &[Column]) -> Option<String> {
    let mut currencies: Vec<&str> = columns.iter().map(|c| c.currency.as_str()).collect();
    currencies.sort_unstable();
    currencies.dedup();
    (currencies.len() > 1).then(|| {
        format!(
            "Different currencies ({}): money is shown in each company's own currency and is not \
             compared; percentages and ratios are.",
            currencies.join(", ")
        )
    })
}

/// The unit of amounts: one for all columns or each column's, and which inputs were rescaled.
fn amounts_note(columns: &[Column]) -> String {
    let same_unit = columns
        .iter()
        .all(|c| c.amounts_label == columns[0].amounts_label);
    let amounts_note = match columns.first() {
        Some(first) if same_unit => format!("amounts in {}", first.amounts_label),
        _ => format!(
            "amounts in each column's own unit: {}",
            columns
                .iter()
                .map(|c| format!("{} {}", c.heading, c.amounts_label))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    // A company whose input is in another scale is brought to its currency's: say so.
    let rescaled: Vec<String> = columns
        .iter()
        .filter(|c| c.input_scale != c.scale)
        .map(|c| {
            format!(
                "{}'s figures, in {} in its input, are shown in {}",
                c.company,
                c.input_scale.name(),
                c.scale.name()
            )
        })
        .collect();
    match rescaled.is_empty() {
        true => amounts_note,
        false => format!("{amounts_note} ({})", rescaled.join("; ")),
    }
}

/// Set when companies' columns are different periods.
fn period_note(mode: Mode, columns: &[Column]) -> Option<String> {
    let mut periods: Vec<PeriodLabel> = columns.iter().map(|c| c.period).collect();
    periods.sort_by_key(|l| l.sort_key());
    periods.dedup();
    (mode == Mode::Peers && periods.len() > 1).then(|| {
        format!(
            "The columns are different periods ({}): each company's own latest, named under \
             its name.",
            columns
                .iter()
                .map(|c| format!("{} {}", c.company, c.period))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// The scale amounts in `currency` are shown in: the largest scale of the inputs in it, so
/// every column of one currency reads in one unit.
fn shared_scale(sources: &[Source], currency: &str) -> Scale {
    sources
        .iter()
        .map(|s| &s.metrics.company)
        .filter(|company| company.currency == currency)
        .map(|company| company.scale)
        .max_by_key(|scale| scale.factor())
        .unwrap_or(Scale::Units)
}

fn column(mode: Mode, source: &Source, scale: Scale) -> Column {
    let company = &source.metrics.company;
    let amounts_label = scale.amounts_label(&company.currency);
    let label = source.period.label;
    let (heading, subheading) = match mode {
        Mode::Periods | Mode::Budget => (label.to_string(), None),
        Mode::Peers => (
            company.name.clone(),
            Some(format!("{label}, {amounts_label}")),
        ),
    };
    Column {
        heading,
        subheading,
        company: company.name.clone(),
        source: source.metrics.source.clone(),
        period: label,
        kind: label.kind,
        currency: company.currency.clone(),
        scale,
        input_scale: company.scale,
        amounts_label,
        // Brought to a larger scale, a figure keeps a decimal (7,300 thousand reads 7.3 million).
        amount_decimals: match company.scale == scale {
            true => crate::metrics::amount_decimals([source.period], scale),
            false => 1,
        },
    }
}

fn title(mode: Mode, columns: &[Column]) -> String {
    match mode {
        Mode::Periods | Mode::Budget => {
            let company = columns.first().map_or("", |c| c.company.as_str());
            let Some((base, later)) = columns.split_first() else {
                return company.to_string();
            };
            let later: Vec<&str> = later.iter().rev().map(|c| c.heading.as_str()).collect();
            match later.is_empty() {
                true => format!("{company}: {}", base.heading),
                false => format!("{company}: {} vs {}", later.join(", "), base.heading),
            }
        }
        Mode::Peers => {
            let names: Vec<&str> = columns.iter().map(|c| c.company.as_str()).collect();
            match columns.split_first() {
                Some((first, rest)) if rest.iter().all(|c| c.period == first.period) => {
                    format!("{}, {}", names.join(" vs "), first.period)
                }
                // Each company's own period, by its name.
                _ => columns
                    .iter()
                    .map(|c| format!("{} ({})", c.company, c.period))
                    .collect::<Vec<_>>()
                    .join(" vs "),
            }
        }
    }
}

fn renumber(rows: &mut [Row], notes: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if let Some(old) = cell.note {
            let Some(text) = old.checked_sub(1).and_then(|i| notes.get(i)) else {
                cell.note = None;
                continue;
            };
            let index = match kept.iter().position(|t| t == text) {
                Some(i) => i,
                None => {
                    kept.push(text.clone());
                    kept.len() - 1
                }
            };
            cell.note = Some(index + 1);
        }
    }
    kept
}

#[cfg(test)]
mod non_gaap_tests;
#[cfg(test)]
mod presentation_tests;
#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod sentence_tests;
#[cfg(test)]
mod tests;
