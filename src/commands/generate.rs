//! `ipobrief generate`: the brief of each company, written atomically to `DIR/<slug>/`; with
//! several companies also `DIR/index.html` and `DIR/index.md`, a peer table linking them all.
//!
//! Every input is read and every brief rendered in memory before anything is written, so one
//! bad input fails the run with all the errors reported and nothing half-written. Companies are
//! rendered in parallel.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::diagnostic::{eprint_line, InputError};
use crate::input::CompanyInput;
use crate::settings::Generate;
use crate::write::{self, OutputFile};
use crate::{analyse, load_all, report, Output, UsageError};

/// Runs with fewer companies than this show no progress bar: they finish at once.
const PROGRESS_FROM: usize = 20;

pub fn run(settings: &Generate, output: Output) -> Result<ExitCode> {
    let briefs = render(settings)?;
    write(&briefs, &settings.dir, output)?;
    Ok(ExitCode::SUCCESS)
}

/// Every brief of a run, and with several companies the site index, in memory: what
/// [`write`] puts on disk. `serve` renders through here too.
pub struct Briefs {
    /// Each company's folder name and files, in input order.
    pub folders: Vec<(String, Vec<OutputFile>)>,
    /// `index.html` and `index.md` with several companies; empty with one.
    pub index: Vec<OutputFile>,
}

/// Reads every input and renders every brief in memory; nothing is written.
pub fn render(settings: &Generate) -> Result<Briefs> {
    render_noting(settings, &mut Vec::new())
}

/// [`render`], adding to `peer_files` the peers' files as soon as the inputs name them, before
/// they are read: `serve` watches them, also when one of them is what fails.
pub fn render_noting(settings: &Generate, peer_files: &mut Vec<PathBuf>) -> Result<Briefs> {
    let report_settings = report::ReportSettings::with_formats(
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
    for warning in &settings.warnings {
        eprint_line(format_args!("warning: {warning}\n"));
    }
    let companies = load_all(&settings.inputs, &settings.read)?;
    check_unique_slugs(&companies)?;
    let bundled = settings.inputs.is_empty();
    let cli_peers = settings.peers.as_deref();
    peer_files.extend(super::peers::files(&companies, cli_peers, bundled));
    let peer_sets = super::peers::load(&companies, cli_peers, bundled)?;
    own_currency_rate(&companies, &peer_sets, &settings.fx)?;
    let (thresholds, as_of) = (&settings.thresholds, &settings.as_of);

    let progress = progress_bar(companies.len(), settings.progress);
    let rendered: Vec<Result<(String, Vec<OutputFile>, report::site::Entry)>> = companies
        .par_iter()
        .enumerate()
        .map(|(index, company)| {
            let analysis = analyse(company, thresholds, as_of.clone());
            let peers = peer_sets.of_company(index).map(|metrics| report::Peers {
                metrics,
                rates: &settings.fx,
            });
            let charts = report_settings.chart_outputs();
            let model = report::model::build(company, &analysis, peers.as_ref(), charts)?;
            let files = report::output::render_brief(&model, &report_settings)?;
            drop(model);
            progress.inc(1);
            let done = (
                analysis.metrics.company.slug.clone(),
                files,
                report::site::entry(&analysis),
            );
            drop_aside(analysis);
            Ok(done)
        })
        .collect();
    progress.finish_and_clear();
    drop_aside(companies);
    let rendered: Vec<_> = rendered.into_iter().collect::<Result<_>>()?;

    let index = if rendered.len() > 1 {
        let entries: Vec<_> = rendered.iter().map(|(_, _, entry)| entry).collect();
        let templates = report::templates::load_only(
            settings.templates.as_deref(),
            Some(report::templates::SITE),
        )?;
        report::site::render(
            &templates,
            &entries,
            as_of.as_deref(),
            &report::output::site_links(&settings.formats),
        )?
    } else {
        Vec::new()
    };
    let folders = rendered
        .into_iter()
        .map(|(slug, files, _)| (slug, files))
        .collect();
    Ok(Briefs { folders, index })
}

/// Writes the briefs into `dir`, each company's folder atomically.
pub fn write(briefs: &Briefs, dir: &Path, output: Output) -> Result<()> {
    let Briefs { folders, index } = briefs;
    // Each folder is written atomically on its own; writing them side by side keeps both
    // cores busy on a large site. Messages follow in input order.
    let written: Vec<Result<PathBuf>> = folders
        .par_iter()
        .map(|(slug, files)| write::write_folder(dir, slug, files))
        .collect();
    for (folder, (_, files)) in written.into_iter().zip(folders) {
        let folder = folder?;
        if output.verbose || (!output.quiet && folders.len() <= PROGRESS_FROM) {
            eprint_line(format_args!(
                "wrote {} ({} files)",
                folder.display(),
                files.len()
            ));
        }
    }
    for file in index {
        write::write_file(&dir.join(&file.path), file.bytes())?;
    }
    if !output.quiet && folders.len() > 1 {
        eprint_line(format_args!(
            "wrote {} briefs and {}",
            folders.len(),
            dir.join("index.html").display()
        ));
    }
    Ok(())
}

/// Frees a large value on a spare core instead of on the way to writing the files: 10,000
/// periods of 50 cost lines are half a million small allocations, about 50 ms to free.
fn drop_aside<T: Send + 'static>(value: T) {
    rayon::spawn(move || drop(value));
}

/// Two companies may not write to the same folder.
fn check_unique_slugs(companies: &[CompanyInput]) -> Result<()> {
    for (index, company) in companies.iter().enumerate() {
        if let Some(other) = companies[..index]
            .iter()
            .find(|c| c.company.slug == company.company.slug)
        {
            return Err(InputError::new(
                &company.source,
                format!(
                    "this company's folder name \"{}\" is the same as that of {} ({})",
                    company.company.slug, other.source, other.company.name
                ),
            )
            .with_help(
                "give the companies different names, or generate them into different folders",
            )
            .into());
        }
    }
    Ok(())
}

/// A progress bar on a terminal for long runs; hidden when piped, or unless the settings allow
/// one (not in CI, not with --quiet).
fn progress_bar(total: usize, allowed: bool) -> ProgressBar {
    if !allowed || total < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} briefs {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// Refuses `--fx` with a rate for the currency every brief with peers is in: amounts in the
/// brief's own currency are never converted, and "2 USD per USD" would only mislead.
fn own_currency_rate(
    companies: &[CompanyInput],
    peers: &super::peers::PeerSets,
    rates: &report::peers::Rates,
) -> Result<()> {
    let mut currencies = companies
        .iter()
        .enumerate()
        .filter(|(index, _)| peers.of_company(*index).is_some())
        .map(|(_, company)| company.company.currency.as_str());
    let Some(first) = currencies.next() else {
        return Ok(());
    };
    if currencies.all(|c| c == first) && rates.rate(first).is_some() {
        return Err(UsageError(format!(
            "--fx gives a rate for {first}, the brief's own currency: amounts in it are never \
             converted; give rates for the peers' other currencies only"
        ))
        .into());
    }
    Ok(())
}
