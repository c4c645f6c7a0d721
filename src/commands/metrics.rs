//! `ipobrief metrics INPUT`: the metrics JSON on standard output.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{DateArgs, ReadArgs};
use crate::scorecard::Thresholds;
use crate::{analyse, load, report, settings, usage};

pub fn run(input: &Path, read: &ReadArgs, date: &DateArgs) -> Result<ExitCode> {
    let options = settings::read_options(read).map_err(usage)?;
    let as_of = settings::as_of(date).map_err(usage)?;
    let company = load(input, &options)?;
    let metrics = analyse(&company, &Thresholds::default(), as_of);
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    report::json::write_metrics_json(&metrics, &mut stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
