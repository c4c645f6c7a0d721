//! `ipobrief compare`: periods of one company, or companies for one period, side by side. The
//! table goes to standard output; with `-o DIR`, compare.md, compare.html, compare.json and
//! compare.xlsx (and compare.pdf, when built with the feature `pdf`) are written into DIR, each
//! atomically.

use std::process::ExitCode;

use anyhow::Result;

use crate::compare::{self, against, render, select, terminal};
use crate::diagnostic::{eprint_line, Output};
use crate::pipeline::{analyse, load_all};
use crate::scorecard::Thresholds;
use crate::settings::Compare;
use crate::write;

/// Runs `compare`: load -> analyse -> select columns -> compare -> print (and write).
pub fn run(settings: &Compare, output: Output) -> Result<ExitCode> {
    // Templates first, so a broken override fails before any work; with PDF output built in,
    // compare -o writes compare.pdf too.
    let outputs = match settings.dir {
        Some(_) => Some(render::settings(
            settings.templates.as_deref(),
            settings.paper,
            settings.pdf_standard,
        )?),
        None => None,
    };
    for warning in outputs.iter().flat_map(|o| &o.templates.warnings) {
        eprint_line(warning);
    }
    let inputs = load_all(&settings.inputs, &settings.read)?;
    let companies: Vec<_> = inputs
        .iter()
        .map(|company| analyse(company, &Thresholds::default(), settings.as_of.clone()).metrics)
        .collect();
    let (periods, period) = (&settings.periods, settings.period.as_deref());
    let comparison = match settings.against {
        Some(against) => {
            let (metrics, plans) = against::choose(&companies, periods, period, against)?;
            against::build(metrics, &plans, settings.as_of.clone())
        }
        None => {
            let (mode, sources) = select::columns(&companies, periods, period)?;
            compare::build(mode, &sources, settings.as_of.clone())
        }
    };

    let mut stdout = anstream::stdout().lock();
    match terminal::write(&mut stdout, &comparison) {
        // The reader went away (`| head`): what it wanted has been printed.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    if let (Some(dir), Some(outputs)) = (&settings.dir, outputs) {
        let files = render::files(&comparison, &outputs)?;
        for file in &files {
            write::write_file(&dir.join(&file.path), &file.bytes()?)?;
        }
        if !output.quiet {
            eprint_line(format_args!(
                "wrote {} ({} files)",
                dir.display(),
                files.len()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
