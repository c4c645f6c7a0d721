//! ipobrief: turn a company's financial figures into an investor-readiness brief.
//!
//! The pipeline reads as a list: [`input::load`] -> [`metrics::compute`] -> [`report::build`]
//! -> [`write::write_folder`]. `main` only parses arguments and maps errors to exit codes.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostic;
pub mod format;
pub mod import;
pub mod input;
pub mod metrics;
pub mod money;
pub mod period;
pub mod plan;
pub mod report;
pub mod scorecard;
pub mod settings;
pub mod write;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

pub use crate::analysis::Analysis;
use crate::cli::Cli;
use crate::input::{CompanyInput, ReadOptions};
use crate::scorecard::Thresholds;

/// The bundled example, compiled in so `ipobrief generate` works from any folder.
pub const EXAMPLE_TOML: &str = include_str!("../examples/klarna.toml");
pub const EXAMPLE_PATH: &str = "examples/klarna.toml";
/// The bundled example's peers (its `peers` list), compiled in with it.
pub const EXAMPLE_PEERS: &[(&str, &str)] = &[
    (
        "examples/peers/paypal.toml",
        include_str!("../examples/peers/paypal.toml"),
    ),
    (
        "examples/peers/affirm.toml",
        include_str!("../examples/peers/affirm.toml"),
    ),
];

/// A problem with how the program was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Several inputs are invalid: every error, in input order. Returned, never printed here;
/// [`commands::errors::report`] prints each one.
#[derive(Debug, thiserror::Error)]
#[error("{} of {inputs} inputs are invalid; nothing was written", errors.len())]
pub struct InputErrors {
    pub errors: Vec<diagnostic::InputError>,
    /// How many inputs there were.
    pub inputs: usize,
}

/// The exit code for an error: 2 for bad input or usage, 3 for everything else (output).
pub fn exit_code_for(error: &anyhow::Error) -> ExitCode {
    let bad_input = error.chain().any(|cause| {
        cause.downcast_ref::<diagnostic::InputError>().is_some()
            || cause.downcast_ref::<InputErrors>().is_some()
            || cause.downcast_ref::<UsageError>().is_some()
    });
    ExitCode::from(if bad_input { 2 } else { 3 })
}

/// Checks the arguments into settings, then runs one command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let settings = settings::Settings::from_cli(cli, &settings::Environment::read())?;
    commands::run(settings)
}

/// How much to print on standard error.
#[derive(Debug, Clone, Copy, Default)]
pub struct Output {
    pub quiet: bool,
    pub verbose: bool,
}

/// Everything computed for one company: the metrics, the headcount plan and the scorecard.
pub fn analyse(input: &CompanyInput, thresholds: &Thresholds, as_of: Option<String>) -> Analysis {
    Analysis::of(input, thresholds, as_of)
}

pub(crate) fn usage(error: anyhow::Error) -> anyhow::Error {
    anyhow::Error::new(UsageError(format!("{error:#}")))
}

/// Reads one input; an error names the file and position.
pub fn load(path: &Path, options: &ReadOptions) -> Result<CompanyInput> {
    Ok(checked(input::load(path, options))?)
}

/// An input read, with its KPI formulas checked against the metrics they read.
fn checked(
    input: Result<CompanyInput, diagnostic::InputError>,
) -> Result<CompanyInput, diagnostic::InputError> {
    let mut input = input?;
    let warnings = metrics::kpi::check(&input)?;
    metrics::non_gaap::check_keys(&input)?;
    input.warnings.extend(warnings);
    Ok(input)
}

/// Reads each input on its own, in input order (the bundled example when there is none).
pub fn load_each(
    paths: &[PathBuf],
    options: &ReadOptions,
) -> Vec<Result<CompanyInput, diagnostic::InputError>> {
    if paths.is_empty() {
        return vec![checked(input::parse(
            EXAMPLE_TOML,
            EXAMPLE_PATH,
            input::Format::Toml,
            options,
        ))];
    }
    // Inputs are independent: read them on every core, keeping their order.
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|path| checked(input::load(path, options)))
        .collect()
}

/// Reads every input; any error fails the whole, and every error is returned (one as itself,
/// several as [`InputErrors`]) for the caller to print.
pub fn load_all(paths: &[PathBuf], options: &ReadOptions) -> Result<Vec<CompanyInput>> {
    let results = load_each(paths, options);
    let inputs = results.len();
    let mut companies = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(company) => companies.push(company),
            Err(error) => errors.push(error),
        }
    }
    match errors.len() {
        0 => Ok(companies),
        1 => Err(errors.remove(0).into()),
        _ => Err(InputErrors { errors, inputs }.into()),
    }
}
