//! Reading the inputs: each file into one validated company, its KPI formulas checked against
//! the metrics they read. With no input, the bundled example.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

use crate::diagnostic::InputError;
use crate::exit::InputErrors;
use crate::input::{self, example, CompanyInput, ReadOptions};
use crate::metrics;

/// Reads one input; an error names the file and position.
pub fn load(path: &Path, options: &ReadOptions) -> Result<CompanyInput> {
    Ok(checked(input::load(path, options))?)
}

/// An input read, with its KPI formulas checked against the metrics they read.
fn checked(input: Result<CompanyInput, InputError>) -> Result<CompanyInput, InputError> {
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
) -> Vec<Result<CompanyInput, InputError>> {
    if paths.is_empty() {
        return vec![checked(input::parse(
            example::TOML,
            example::PATH,
            input::Format::Toml,
            options,
        ))];
    }
    // Inputs are independent: read them on every core, keeping their order.
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
