//! One module per command: each turns validated settings into work and an exit code. [`run`]
//! checks the arguments into [`Settings`] once; commands never read clap's types or the
//! environment themselves, call the library's [`pipeline`](crate::pipeline) for the work they
//! share, and never import one another (`errors`, how any command's error prints, is shared).

pub mod check;
pub mod compare;
pub mod completions;
pub mod errors;
pub mod generate;
pub mod import;
pub mod init;
pub mod metrics;
pub mod serve;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Cli;
use crate::settings::{CommandSettings, Environment, Settings};

/// Checks the arguments into settings, then runs the command the user asked for.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let settings = Settings::from_cli(cli, &Environment::read())?;
    let output = settings.output;
    match settings.command {
        CommandSettings::Metrics(metrics) => metrics::run(&metrics),
        CommandSettings::Generate(generate) => generate::run(&generate, output),
        CommandSettings::Serve(serve) => serve::run(serve, output),
        CommandSettings::Check(check) => check::run(&check, output),
        CommandSettings::Compare(compare) => compare::run(&compare, output),
        CommandSettings::ImportSec(import) => import::run(&import),
        CommandSettings::Init(init) => init::run(&init, output),
        CommandSettings::Completions(shell) => completions::run(shell),
        CommandSettings::Man { command, dir } => completions::man(&command, dir.as_deref()),
    }
}
