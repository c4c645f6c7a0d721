//! The brief view: typed views of the metrics, shaped for the brief's sections (the headline
//! cards, the series' tables and charts, the Peers section, the plan). Values stay numbers
//! beside the text the brief model presents them with; an unavailable value is `null` with a
//! footnote number pointing at the reason.

mod cards;
mod headcount_plan;
mod headline;
mod non_gaap;
mod non_gaap_rows;
pub mod plan_actual;
mod series;
mod ttm;

use serde::Serialize;

pub use cards::Kpi;
use headcount_plan::plan_view;
pub use headcount_plan::PlanView;
pub use headline::Headline;
use headline::{headline, latest_periods};
pub use non_gaap::{MeasureView, NonGaapSection, ReconciliationTable};
use series::series_view;
pub use series::{chart_view, heading, subtitle, ChartView, SeriesView};

use super::charts::{series_of, Chart, ChartSection};
use super::methodology::{self, Definition};
use super::notes::{Note, Notes};
use super::peers::PeersView;
use super::{markdown, story};
use crate::analysis::Analysis;
use crate::metrics::catalogue::Section;
use crate::metrics::{Generator, Metrics, PeriodMetrics};
use crate::period::PeriodKind;

/// Everything a brief template can use.
#[derive(Debug, Serialize)]
pub struct Brief<'a> {
    pub company: CompanyView,
    pub as_of: Option<String>,
    pub generator: &'a Generator,
    /// The latest fiscal year (or the latest period when there are no years).
    pub headline: Option<Headline>,
    /// The latest quarter, when quarters are given.
    pub latest_quarter: Option<Headline>,
    /// The two periods above in words, as the masthead names them.
    pub latest_periods: String,
    /// Sentences with the computed values, so the brief reads as a brief.
    pub story: Vec<String>,
    pub series: Vec<SeriesView>,
    /// The sections that hold series tables and charts, in order.
    pub sections: Vec<SectionView>,
    pub warnings: Vec<String>,
    pub data_notes: Vec<String>,
    pub period_notes: Vec<PeriodNote>,
    /// The headcount plan.
    pub plan: Option<PlanView<'a>>,
    /// The non-GAAP measures reconciled, after the metric sections.
    pub non_gaap: Option<NonGaapSection>,
    /// Plan against actual: the budgets' variances, the guidance record and their accuracy.
    pub plan_actual: Option<plan_actual::PlanActualSection>,
    /// The company beside comparable companies, when peers are given.
    pub peers: Option<PeersSection>,
    pub readiness: Option<&'a crate::scorecard::Scorecard>,
    pub methodology: Vec<Definition>,
    pub sources: Vec<String>,
    /// Why values are n/a: one note per reason and series, naming its periods as a range.
    pub footnotes: Vec<Note>,
    /// The metrics of the periods shown (plus company, warnings, plan and scorecard), for
    /// template overrides that want more than the sections show. The built-in templates never
    /// read it, so a brief rendered only by them leaves it out ([`crate::report::model::build`]):
    /// serialising it for tera was about 8% of each company's work in a site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<MetricsView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: &'static str,
    pub title: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CompanyView {
    pub name: String,
    pub ticker: Option<String>,
    pub currency: String,
    pub scale: String,
    /// Table heading for amounts: "USD millions", or "USD" for units.
    pub amounts_label: String,
    pub summary_markdown: Option<String>,
    /// The summary rendered and sanitised; safe to insert into HTML.
    pub summary_html: Option<String>,
}

/// The metrics a template can reach: those of the periods the brief shows, in time order.
#[derive(Debug, Serialize)]
pub struct MetricsView<'a> {
    pub company: &'a crate::input::Company,
    pub periods: Vec<&'a PeriodMetrics>,
    pub warnings: &'a [crate::input::Warning],
    pub plan: Option<&'a crate::plan::HeadcountPlan>,
    pub readiness: Option<&'a crate::scorecard::Scorecard>,
}

/// Most lines shown in each list of the data notes; the rest are counted, and all are in
/// metrics.json.
pub const MAX_NOTES: usize = 40;

/// The first [`MAX_NOTES`] lines, and a line counting the rest.
fn capped(mut lines: Vec<String>) -> Vec<String> {
    if lines.len() > MAX_NOTES {
        let rest = lines.len() - MAX_NOTES;
        lines.truncate(MAX_NOTES);
        lines.push(format!("… and {rest} more, listed in metrics.json."));
    }
    lines
}

/// The Peers section: the table and its two charts.
#[derive(Debug, Serialize)]
pub struct PeersSection {
    #[serde(flatten)]
    pub table: PeersView,
    pub charts: Vec<ChartView>,
}

#[derive(Debug, Serialize)]
pub struct PeriodNote {
    pub label: String,
    pub markdown: String,
    pub html: String,
}

/// Builds the context for one company's brief: `peers`, its Peers section when it has one,
/// its n/a values marked in `notes` like the rest. The notes are numbered, and the cells
/// presented, by the brief model ([`crate::report::model`]).
pub fn build<'a>(
    analysis: &'a Analysis,
    charts: &[Chart],
    chart_ext: &str,
    peers: Option<PeersView>,
    notes: &mut Notes,
) -> Brief<'a> {
    let metrics = &analysis.metrics;
    let latest = |kind| metrics.periods.iter().rev().find(|p| p.kind == kind);
    let headline_period = latest(PeriodKind::Year).or_else(|| metrics.latest());
    let latest_quarter = latest(PeriodKind::Quarter);
    let thresholds = analysis.thresholds();
    let headline_view = headline_period.map(|p| headline(metrics, p, thresholds, notes));
    let quarter_view = latest_quarter
        .filter(|q| Some(q.label) != headline_period.map(|p| p.label))
        .map(|q| headline(metrics, q, thresholds, notes));
    let year_named = headline_period.zip(headline_view.as_ref().map(|h| h.named.as_str()));
    let all_series = series_of(metrics, thresholds);
    let shown: std::collections::HashSet<_> = all_series
        .iter()
        .flat_map(|s| s.periods.iter().map(|p| p.label))
        .collect();
    let series = all_series
        .iter()
        .map(|s| series_view(s, charts, chart_ext, notes))
        .collect();
    let non_gaap = non_gaap::section(metrics, &shown, notes);
    let charts_of = |section| charts.iter().filter(move |c: &&Chart| c.section == section);
    let peers = peers.map(|table| PeersSection {
        table,
        charts: charts_of(ChartSection::Peers)
            .map(|c| chart_view(c, chart_ext))
            .collect(),
    });
    let first_chart = |section| charts_of(section).next().map(|c| chart_view(c, chart_ext));
    let plan_chart = first_chart(ChartSection::Plan);
    let scale = metrics.company.scale;
    let plan_actual_chart = first_chart(ChartSection::PlanActual);
    let plan_actual = plan_actual::build(
        &metrics.plan_actual,
        &metrics.periods,
        scale,
        plan_actual_chart,
        notes,
    );
    Brief {
        company: company_view(&metrics.company),
        as_of: analysis.as_of.clone(),
        generator: &metrics.generator,
        story: story::sentences(metrics, thresholds, year_named, latest_quarter),
        latest_periods: latest_periods(headline_view.as_ref(), quarter_view.as_ref()),
        headline: headline_view,
        latest_quarter: quarter_view,
        series,
        sections: Section::ALL
            .iter()
            .filter(|s| shows(metrics, **s))
            .map(|s| SectionView {
                id: s.id(),
                title: s.title(),
            })
            .collect(),
        warnings: capped(metrics.warnings.iter().map(|w| w.text()).collect()),
        data_notes: capped(data_notes(metrics)),
        period_notes: period_notes(metrics),
        plan: analysis
            .plan
            .as_ref()
            .map(|plan| plan_view(plan, plan_chart)),
        non_gaap,
        plan_actual,
        peers,
        readiness: Some(&analysis.scorecard),
        methodology: methodology::definitions(metrics.rule_of_40_margin, &metrics.kpis),
        sources: metrics.company.sources.clone(),
        footnotes: Vec::new(),
        metrics: Some(metrics_view(analysis, &shown)),
    }
}

/// The metrics of the periods shown, for template overrides.
fn metrics_view<'a>(
    analysis: &'a Analysis,
    shown: &std::collections::HashSet<crate::period::PeriodLabel>,
) -> MetricsView<'a> {
    let metrics = &analysis.metrics;
    MetricsView {
        company: &metrics.company,
        periods: metrics
            .periods
            .iter()
            .filter(|p| shown.contains(&p.label))
            .collect(),
        warnings: &metrics.warnings,
        plan: analysis.plan.as_ref(),
        readiness: Some(&analysis.scorecard),
    }
}

fn company_view(company: &crate::input::Company) -> CompanyView {
    let summary = company.summary.as_deref();
    CompanyView {
        name: company.name.clone(),
        ticker: company.ticker.clone(),
        currency: company.currency.clone(),
        scale: company.scale.name().to_string(),
        amounts_label: company.scale.amounts_label(&company.currency),
        summary_markdown: summary.map(|s| markdown::inert_html(s, 3)),
        summary_html: summary.map(|s| markdown::to_safe_html(s, 3)),
    }
}

/// The periods' notes: the latest, when a long history has many.
fn period_notes(metrics: &Metrics) -> Vec<PeriodNote> {
    let with_notes: Vec<&PeriodMetrics> = metrics
        .periods
        .iter()
        .filter(|p| p.notes.is_some())
        .collect();
    with_notes[with_notes.len().saturating_sub(MAX_NOTES)..]
        .iter()
        .filter_map(|p| {
            p.notes.as_ref().map(|n| PeriodNote {
                label: p.label.to_string(),
                markdown: markdown::inert_html(n.trim(), 3),
                html: markdown::to_safe_html(n, 4),
            })
        })
        .collect()
}

/// Derived-versus-reported and approximation notes, one line each.
fn data_notes(metrics: &Metrics) -> Vec<String> {
    let mut notes = Vec::new();
    for period in &metrics.periods {
        if period.operating_income_source == Some("derived") {
            notes.push(format!(
                "{}: operating income is derived as revenue minus the listed cost lines, not reported.",
                period.label
            ));
        }
        for approximation in &period.approximations {
            notes.push(format!("{}: {approximation}.", period.label));
        }
    }
    notes
}

/// Whether the brief shows a section: the profitability-and-cash section only when some period
/// has one of its figures (most inputs have no cash-flow statement; a section of "n/a" helps
/// no one), company KPIs when the company defines some, every other section always.
fn shows(metrics: &Metrics, section: Section) -> bool {
    if section == Section::Kpis {
        return !metrics.kpis.is_empty();
    }
    section != Section::Cash
        || crate::metrics::CATALOGUE
            .iter()
            .filter(|m| m.section == Section::Cash)
            .any(|m| metrics.periods.iter().any(|p| m.value(p).is_some()))
}
