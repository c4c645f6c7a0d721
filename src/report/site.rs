//! The index of a multi-company run: every company with its headline figures, readiness and
//! links, as a peer table (`index.html`, `index.md`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::output::SiteLink;
use super::templates;
use crate::analysis::Analysis;
use crate::metrics::catalogue::{picked, View};
use crate::metrics::{Generator, Number};
use crate::period::PeriodKind;
use crate::scorecard::Status;
use crate::write::OutputFile;

#[derive(Debug, Serialize)]
pub struct Entry {
    pub name: String,
    pub ticker: Option<String>,
    pub slug: String,
    pub currency: String,
    /// The period the figures are for: the latest fiscal year, else the latest period.
    pub period: Option<String>,
    /// The catalogue's metrics picked for the index (`picks.site_index`), by key.
    #[serde(flatten)]
    pub figures: BTreeMap<&'static str, Option<Number>>,
    pub status: Option<Status>,
    pub passed: usize,
    pub watch: usize,
    pub failed: usize,
}

#[derive(Debug, Serialize)]
struct Index<'a> {
    entries: &'a [&'a Entry],
    currencies: Vec<String>,
    as_of: Option<&'a str>,
    generator: Generator,
    /// The files linked beside each company (its brief.pdf), from the outputs asked for.
    links: &'a [SiteLink],
    /// Each company has a brief.pdf to link (for templates that name it themselves).
    pdf: bool,
}

/// One row of the index for a company.
pub fn entry(analysis: &Analysis) -> Entry {
    let metrics = &analysis.metrics;
    let period = metrics
        .periods
        .iter()
        .rev()
        .find(|p| p.kind == PeriodKind::Year)
        .or_else(|| metrics.latest());
    let card = &analysis.scorecard;
    Entry {
        name: metrics.company.name.clone(),
        ticker: metrics.company.ticker.clone(),
        slug: metrics.company.slug.clone(),
        currency: metrics.company.currency.clone(),
        // A year to date or a year summed from quarters says so; months would crowd the column.
        period: period.map(|p| match p.coverage.mark() {
            Some(mark) => format!("{} ({mark})", p.label),
            None => p.label.to_string(),
        }),
        figures: picked(View::SiteIndex)
            .into_iter()
            .map(|metric| (metric.key, period.and_then(|p| metric.value(p))))
            .collect(),
        status: Some(card.status),
        passed: card.passed,
        watch: card.watch,
        failed: card.failed,
    }
}

/// Renders `index.html` and `index.md` for the entries (in the order given), linking each
/// company's files of `links` too.
pub fn render(
    templates: &templates::Templates,
    entries: &[&Entry],
    as_of: Option<&str>,
    links: &[SiteLink],
) -> anyhow::Result<Vec<OutputFile>> {
    let mut currencies: Vec<String> = entries.iter().map(|e| e.currency.clone()).collect();
    currencies.sort();
    currencies.dedup();
    let index = Index {
        entries,
        currencies,
        as_of,
        generator: Generator::default(),
        links,
        pdf: links.iter().any(|l| l.file == "brief.pdf"),
    };
    let context = tera::Context::from_serialize(&index)?;
    Ok(vec![
        OutputFile::new("index.html", templates.render("index.html.tera", &context)?),
        OutputFile::new("index.md", templates.render("index.md.tera", &context)?),
    ])
}
