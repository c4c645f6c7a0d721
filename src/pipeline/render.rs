//! Rendering every brief in memory: the inputs and their peers read, then for each company (in
//! parallel) its analysis and outputs, then the site index with several companies. Nothing is
//! written here.

use std::path::PathBuf;

use anyhow::Result;
use rayon::prelude::*;

use super::analyse::analyse;
use super::briefs::{progress_bar, Briefs};
use super::conflicts::{check_unique_slugs, own_currency_rate};
use super::load::load_all;
use super::options::Generate;
use super::peers;
use crate::analysis::Analysis;
use crate::diagnostic::eprint_line;
use crate::input::CompanyInput;
use crate::metrics::Metrics;
use crate::report::{self, ReportSettings};
use crate::write::OutputFile;

/// One company's brief: its folder name, its files and its line in the site index.
type Rendered = (String, Vec<OutputFile>, report::site::Entry);

/// Reads every input and renders every brief in memory; nothing is written.
pub fn render(settings: &Generate) -> Result<Briefs> {
    render_noting(settings, &mut Vec::new())
}

/// [`render`], adding to `peer_files` the peers' files as soon as the inputs name them, before
/// they are read: `serve` watches them, also when one of them is what fails.
pub fn render_noting(settings: &Generate, peer_files: &mut Vec<PathBuf>) -> Result<Briefs> {
    render_with(settings, &output_settings(settings)?, peer_files)
}

/// [`render_noting`] with the outputs' settings made before ([`output_settings`]): `serve` makes them
/// once, as its built-in templates do not change between saves.
pub fn render_with(
    settings: &Generate,
    report_settings: &ReportSettings,
    peer_files: &mut Vec<PathBuf>,
) -> Result<Briefs> {
    for warning in &settings.warnings {
        eprint_line(format_args!("warning: {warning}\n"));
    }
    let companies = load_all(&settings.inputs, &settings.read)?;
    check_unique_slugs(&companies)?;
    let bundled = settings.inputs.is_empty();
    let cli_peers = settings.peers.as_deref();
    peer_files.extend(peers::files(&companies, cli_peers, bundled));
    let peer_sets = peers::load(&companies, cli_peers, bundled)?;
    own_currency_rate(&companies, &peer_sets, &settings.fx)?;

    let progress = progress_bar(companies.len(), settings.progress);
    let rendered: Vec<Result<Rendered>> = companies
        .par_iter()
        .enumerate()
        .map(|(index, company)| {
            let brief = company_brief(
                company,
                peer_sets.of_company(index),
                settings,
                report_settings,
            );
            progress.inc(1);
            brief
        })
        .collect();
    progress.finish_and_clear();
    drop_aside(companies);
    let rendered: Vec<Rendered> = rendered.into_iter().collect::<Result<_>>()?;

    let index = site_index(&rendered, settings)?;
    let folders = rendered
        .into_iter()
        .map(|(slug, files, _)| (slug, files))
        .collect();
    Ok(Briefs { folders, index })
}

/// The outputs' settings, with the templates loaded (a broken override fails before any
/// work); prints the templates' warnings.
pub fn output_settings(settings: &Generate) -> Result<ReportSettings> {
    let report_settings = ReportSettings::with_formats(
        settings.formats.clone(),
        settings.charts,
        settings.templates.as_deref(),
    )?
    .with_pdf(
        settings.paper,
        settings.pdf_standard,
        settings.templates.as_deref(),
        report::pdf::BRIEF,
    )?;
    for warning in &report_settings.templates.warnings {
        eprint_line(warning);
    }
    Ok(report_settings)
}

/// One company's brief: its analysis, then its files.
fn company_brief(
    company: &CompanyInput,
    peers: Option<Vec<&Metrics>>,
    settings: &Generate,
    report_settings: &ReportSettings,
) -> Result<Rendered> {
    let analysis = analyse(company, &settings.thresholds, settings.as_of.clone());
    let peers = peers.map(|metrics| report::Peers {
        metrics,
        rates: &settings.fx,
    });
    let files = outputs(company, &analysis, peers.as_ref(), report_settings)?;
    let done = (
        analysis.metrics.company.slug.clone(),
        files,
        report::site::entry(&analysis),
    );
    drop_aside(analysis);
    Ok(done)
}

/// The files of one company's brief: its model built once, then every output asked for
/// rendered from it.
fn outputs(
    company: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&report::Peers>,
    report_settings: &ReportSettings,
) -> Result<Vec<OutputFile>> {
    let model = report::model::build(company, analysis, peers, report_settings.renders())?;
    report::output::render_brief(&model, report_settings)
}

/// `index.html` and `index.md`, a peer table linking every brief; none with one company.
fn site_index(rendered: &[Rendered], settings: &Generate) -> Result<Vec<OutputFile>> {
    if rendered.len() < 2 {
        return Ok(Vec::new());
    }
    let entries: Vec<_> = rendered.iter().map(|(_, _, entry)| entry).collect();
    let templates =
        report::templates::load_only(settings.templates.as_deref(), Some(report::templates::SITE))?;
    report::site::render(
        &templates,
        &entries,
        settings.as_of.as_deref(),
        &report::output::site_links(&settings.formats),
    )
}

/// Frees a large value on a spare core instead of on the way to writing the files: 10,000
/// periods of 50 cost lines are half a million small allocations, about 50 ms to free.
fn drop_aside<T: Send + 'static>(value: T) {
    rayon::spawn(move || drop(value));
}
