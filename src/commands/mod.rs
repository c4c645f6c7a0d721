//! One module per command: each turns validated settings into work and an exit code.

pub mod check;
pub mod compare;
pub mod completions;
pub mod generate;
pub mod import;
pub mod init;
pub mod metrics;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let output = crate::Output {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Metrics { input, read, date } => metrics::run(&input, &read, &date),
        Command::Generate {
            inputs,
            output: dir,
            format,
            charts,
            templates,
            thresholds,
            read,
            date,
        } => generate::run(generate::Args {
            inputs: &inputs,
            dir: &dir,
            formats: format,
            charts,
            templates: templates.as_deref(),
            thresholds: thresholds.as_deref(),
            read: &read,
            date: &date,
            output,
        }),
        Command::Check {
            inputs,
            strict,
            format,
            thresholds,
            read,
        } => check::run(&inputs, strict, format, thresholds.as_deref(), &read),
        Command::Compare {
            inputs,
            periods,
            period,
            output: dir,
            templates,
            read,
            date,
        } => compare::run(compare::Args {
            inputs: &inputs,
            periods: &periods,
            period: period.as_deref(),
            dir: dir.as_deref(),
            templates: templates.as_deref(),
            read: &read,
            date: &date,
            output,
        }),
        Command::Import(source) => import::run(source),
        Command::Init {
            dir,
            templates,
            force,
        } => init::run(&dir, templates, force, output),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { command, dir } => completions::man(&command, dir.as_deref()),
    }
}
