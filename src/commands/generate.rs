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

use crate::cli::{ChartFormat, DateArgs, OutputFormat, ReadArgs};
use crate::diagnostic::InputError;
use crate::input::CompanyInput;
use crate::write::{self, OutputFile};
use crate::{analyse, load_all, report, settings, usage, Output};

pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub dir: &'a Path,
    pub formats: Vec<OutputFormat>,
    pub charts: ChartFormat,
    pub templates: Option<&'a Path>,
    pub thresholds: Option<&'a Path>,
    pub read: &'a ReadArgs,
    pub date: &'a DateArgs,
    pub output: Output,
}

/// Runs with fewer companies than this show no progress bar: they finish at once.
const PROGRESS_FROM: usize = 20;

pub fn run(args: Args) -> Result<ExitCode> {
    let options = settings::read_options(args.read).map_err(usage)?;
    let as_of = settings::as_of(args.date).map_err(usage)?;
    let thresholds = settings::thresholds(args.thresholds)?;
    let report_settings = report::ReportSettings::new(args.formats, args.charts, args.templates)?;
    let companies = load_all(args.inputs, &options)?;
    check_unique_slugs(&companies)?;

    let progress = progress_bar(companies.len(), args.output);
    let rendered: Vec<Result<(String, Vec<OutputFile>, report::site::Entry)>> = companies
        .par_iter()
        .map(|company| {
            let analysis = analyse(company, &thresholds, as_of.clone());
            let files = report::build(&analysis, &report_settings)?;
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
        let tera = report::templates::load_only(args.templates, Some(report::templates::SITE))?;
        report::site::render(&tera, &entries, as_of.as_deref())?
    } else {
        Vec::new()
    };
    // Each folder is written atomically on its own; writing them side by side keeps both
    // cores busy on a large site. Messages follow in input order.
    let folders: Vec<Result<PathBuf>> = rendered
        .par_iter()
        .map(|(slug, files, _)| write::write_folder(args.dir, slug, files))
        .collect();
    for (folder, (_, files, _)) in folders.into_iter().zip(&rendered) {
        let folder = folder?;
        if args.output.verbose || (!args.output.quiet && rendered.len() <= PROGRESS_FROM) {
            eprintln!("wrote {} ({} files)", folder.display(), files.len());
        }
    }
    for file in &index {
        write::write_file(&args.dir.join(&file.path), &file.bytes())?;
    }
    if !args.output.quiet && rendered.len() > 1 {
        eprintln!(
            "wrote {} briefs and {}",
            rendered.len(),
            args.dir.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
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

/// A progress bar on a terminal for long runs; hidden in CI, when piped, or with --quiet.
fn progress_bar(total: usize, output: Output) -> ProgressBar {
    let in_ci = std::env::var_os("CI").is_some();
    if output.quiet || in_ci || total < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} briefs {elapsed}") {
        bar.set_style(style);
    }
    bar
}
