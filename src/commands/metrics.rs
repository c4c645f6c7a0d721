//! `ipobrief metrics INPUT`: the metrics JSON on standard output.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::pipeline::{analyse, load};
use crate::report;
use crate::scorecard::Thresholds;
use crate::settings::Metrics;

pub fn run(settings: &Metrics) -> Result<ExitCode> {
    let company = load(&settings.input, &settings.read)?;
    let analysis = analyse(&company, &Thresholds::default(), settings.as_of.clone());
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    report::json::write_metrics_json(&analysis, &mut stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
