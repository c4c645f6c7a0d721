//! The Non-GAAP measures section: each measure with its definition in words, the company's
//! statement of why it is useful, its reconciliation from the GAAP base (a table for each
//! kind of period the brief shows, periods as columns) and what the checks found. Its cells
//! are typed like the series' tables', and the brief model presents them
//! ([`crate::report::model`]); the rows are built in `non_gaap_rows.rs`.

use std::collections::HashSet;

use serde::Serialize;

use super::non_gaap_rows::{self, Decimals};
use crate::input::non_gaap::MeasureKind;
use crate::metrics::non_gaap::{Check, Finding, Measure, NonGaap, Severity};
use crate::metrics::Metrics;
use crate::period::{PeriodKind, PeriodLabel};
use crate::report::markdown;
use crate::report::notes::Notes;
use crate::report::tables::Row;

/// The section: every measure the brief shows, the built-in free cash flow first.
#[derive(Debug, Serialize)]
pub struct NonGaapSection {
    pub measures: Vec<MeasureView>,
}

/// One measure as the brief shows it.
#[derive(Debug, Serialize)]
pub struct MeasureView {
    pub key: String,
    pub name: String,
    pub kind: MeasureKind,
    /// ipobrief's own measure (free cash flow), not one the company declares.
    pub built_in: bool,
    /// The GAAP base's name: "Net income".
    pub base: String,
    /// The base and the items in words: "net income + interest expense − capital expenditure".
    pub definition: String,
    /// The company's statement of why the measure is useful, as written (plain text).
    pub why: Option<String>,
    /// The same as Markdown, its raw HTML inert.
    pub why_markdown: Option<String>,
    /// The same rendered and sanitised; safe to insert into HTML.
    pub why_html: Option<String>,
    /// One reconciliation table for each kind of period shown: years, halves, quarters.
    pub tables: Vec<ReconciliationTable>,
    pub findings: Vec<FindingView>,
}

/// A measure's reconciliation in the periods of one kind: the base row first, each item with
/// its sign, the non-GAAP total, then the reported figure and the difference when the company
/// reports one in some period.
#[derive(Debug, Serialize)]
pub struct ReconciliationTable {
    pub kind: PeriodKind,
    /// "Reconciliation, fiscal years".
    pub title: String,
    pub labels: Vec<String>,
    pub rows: Vec<Row>,
    /// None: every row of a reconciliation is shown (the templates' tables read this).
    pub empty_rows: Vec<String>,
}

/// What a check found about the measure, citing its rule.
#[derive(Debug, Serialize)]
pub struct FindingView {
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    pub rule: &'static str,
    /// The reason of the `[[acknowledge]]` that accepts it.
    pub acknowledged: Option<String>,
}

/// The section, when the brief has one: the company declares a measure or reports its own
/// free cash flow ([`NonGaap::hidden`]). `shown` holds the periods the brief's series show.
pub fn section(
    metrics: &Metrics,
    shown: &HashSet<PeriodLabel>,
    notes: &mut Notes,
) -> Option<NonGaapSection> {
    let non_gaap: &NonGaap = &metrics.non_gaap;
    if non_gaap.hidden() {
        return None;
    }
    let scale = metrics.company.scale;
    let measures = non_gaap
        .measures
        .iter()
        .filter(|m| !m.built_in || m.periods.iter().any(|p| shown.contains(&p.period)))
        .map(|m| measure_view(m, shown, Decimals::of(m, scale), notes))
        .collect();
    Some(NonGaapSection { measures })
}

fn measure_view(
    measure: &Measure,
    shown: &HashSet<PeriodLabel>,
    decimals: Decimals,
    notes: &mut Notes,
) -> MeasureView {
    let tables = [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
        .into_iter()
        .filter_map(|kind| {
            let periods: Vec<_> = measure
                .periods
                .iter()
                .filter(|p| p.period.kind == kind && shown.contains(&p.period))
                .collect();
            (!periods.is_empty()).then(|| ReconciliationTable {
                kind,
                title: format!("Reconciliation, {}", kind_words(kind)),
                labels: periods.iter().map(|p| p.period.to_string()).collect(),
                rows: non_gaap_rows::rows(measure, &periods, decimals, notes),
                empty_rows: Vec::new(),
            })
        })
        .collect();
    let why = measure
        .why
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty());
    MeasureView {
        key: measure.key.clone(),
        name: measure.name.clone(),
        kind: measure.kind,
        built_in: measure.built_in,
        base: non_gaap_rows::item_name(measure, measure.base),
        definition: non_gaap_rows::definition(measure),
        why: why.map(str::to_string),
        why_markdown: why.map(|w| markdown::inert_html(w, 4)),
        why_html: why.map(|w| markdown::to_safe_html(w, 5)),
        tables,
        findings: measure.checks.iter().map(finding_view).collect(),
    }
}

fn kind_words(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "fiscal years",
        PeriodKind::Half => "half years",
        PeriodKind::Quarter => "quarters",
    }
}

fn finding_view(finding: &Finding) -> FindingView {
    FindingView {
        check: finding.check,
        severity: finding.severity,
        message: finding.message.clone(),
        rule: finding.rule,
        acknowledged: finding.acknowledged.clone(),
    }
}
