//! The report: metrics.json, charts, and the Markdown and HTML brief, as files in memory.

use std::path::Path;

use anyhow::Result;

use crate::cli::{ChartFormat, OutputFormat};
use crate::metrics::Metrics;
use crate::write::OutputFile;

/// What to put in a report.
#[derive(Debug, Clone)]
pub struct ReportSettings {
    pub formats: Vec<OutputFormat>,
    pub charts: ChartFormat,
}

impl ReportSettings {
    pub fn new(formats: Vec<OutputFormat>, charts: ChartFormat, _templates: Option<&Path>) -> Result<Self> {
        Ok(ReportSettings { formats, charts })
    }
}

/// The metrics as pretty JSON with a final newline.
pub fn metrics_json(metrics: &Metrics) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(metrics)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Renders every file of one company's report.
pub fn build(metrics: &Metrics, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if settings.formats.contains(&OutputFormat::Json) {
        files.push(OutputFile::new("metrics.json", metrics_json(metrics)?));
    }
    Ok(files)
}
