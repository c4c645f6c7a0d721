//! `ipobrief generate`: the brief of each company, written atomically to `DIR/<slug>/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{ChartFormat, DateArgs, OutputFormat, ReadArgs};
use crate::{analyse, load_all, report, settings, usage, write, Output};

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

pub fn run(args: Args) -> Result<ExitCode> {
    let options = settings::read_options(args.read).map_err(usage)?;
    let as_of = settings::as_of(args.date).map_err(usage)?;
    let thresholds = settings::thresholds(args.thresholds)?;
    let report_settings = report::ReportSettings::new(args.formats, args.charts, args.templates)?;
    let companies = load_all(args.inputs, &options)?;
    for company in &companies {
        let metrics = analyse(company, &thresholds, as_of.clone());
        let files = report::build(&metrics, &report_settings)?;
        let folder = write::write_folder(args.dir, &metrics.company.slug, &files)?;
        if !args.output.quiet {
            eprintln!("wrote {} ({} files)", folder.display(), files.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
