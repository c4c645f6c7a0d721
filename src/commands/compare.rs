//! `ipobrief compare`: periods of one company, or companies for one period, side by side. The
//! table goes to standard output; with `-o DIR`, compare.md, compare.html and compare.json are
//! written into DIR, each atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{DateArgs, ReadArgs};
use crate::compare::{self, render, select, terminal};
use crate::scorecard::Thresholds;
use crate::{analyse, load_all, report, settings, usage, write, Output};

/// The `compare` command's arguments, as given.
pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub periods: &'a [String],
    pub period: Option<&'a str>,
    pub dir: Option<&'a Path>,
    pub templates: Option<&'a Path>,
    pub read: &'a ReadArgs,
    pub date: &'a DateArgs,
    pub output: Output,
}

/// Runs `compare`: load -> analyse -> select columns -> compare -> print (and write).
pub fn run(args: Args) -> Result<ExitCode> {
    let options = settings::read_options(args.read).map_err(usage)?;
    let as_of = settings::as_of(args.date).map_err(usage)?;
    // Templates first, so a broken override fails before any work.
    let tera = match args.dir {
        Some(_) => Some(report::templates::load(args.templates)?),
        None => None,
    };
    let inputs = load_all(args.inputs, &options)?;
    let companies: Vec<_> = inputs
        .iter()
        .map(|company| analyse(company, &Thresholds::default(), as_of.clone()).metrics)
        .collect();
    let (mode, sources) = select::columns(&companies, args.periods, args.period)?;
    let comparison = compare::build(mode, &sources, as_of);

    let mut stdout = anstream::stdout().lock();
    match terminal::write(&mut stdout, &comparison) {
        // The reader went away (`| head`): what it wanted has been printed.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    if let (Some(dir), Some(tera)) = (args.dir, tera) {
        let files = render::files(&comparison, &tera)?;
        for file in &files {
            write::write_file(&dir.join(&file.path), &file.bytes())?;
        }
        if !args.output.quiet {
            eprintln!("wrote {} ({} files)", dir.display(), files.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
