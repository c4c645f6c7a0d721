//! `ipobrief metrics INPUT`: the metrics JSON on standard output.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::scorecard::Thresholds;
use crate::settings::Metrics;
use crate::{analyse, load, report};

pub fn run(settings: &Metrics) -> Result<ExitCode> {
    let company = load(&settings.input, &settings.read)?;
    let metrics = analyse(&company, &Thresholds::default(), settings.as_of.clone());
    let mut stdout = std::io::stdout().lock();
    for part in report::json::metrics_json_parts(&metrics)? {
        stdout.write_all(&part)?;
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
