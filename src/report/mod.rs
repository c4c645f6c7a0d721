//! The report: metrics.json, charts, and the Markdown and HTML brief, as files in memory.
//! `build` runs chart -> context -> render; writing is the caller's job (see `crate::write`).

pub mod charts;
pub mod context;
pub mod filters;
pub mod format;
pub mod markdown;
pub mod methodology;
pub mod site;
mod story;
pub mod tables;
pub mod templates;

use std::path::Path;

use anyhow::Result;
use tera::Tera;

use crate::cli::{ChartFormat, OutputFormat};
use crate::metrics::Metrics;
use crate::write::OutputFile;

/// What to put in a report, and the compiled templates (compiled once, used for every company).
pub struct ReportSettings {
    pub formats: Vec<OutputFormat>,
    pub charts: ChartFormat,
    pub tera: Tera,
}

impl ReportSettings {
    pub fn new(
        formats: Vec<OutputFormat>,
        charts: ChartFormat,
        templates: Option<&Path>,
    ) -> Result<Self> {
        Ok(ReportSettings {
            formats,
            charts,
            tera: templates::load(templates)?,
        })
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
    let wants = |format: OutputFormat| settings.formats.contains(&format);
    if wants(OutputFormat::Json) {
        files.push(OutputFile::new("metrics.json", metrics_json(metrics)?));
    }
    let outputs = charts::ChartOutputs {
        svg: settings.charts != ChartFormat::Png,
        png: settings.charts != ChartFormat::Svg,
    };
    let charts = charts::build_all(metrics, outputs)?;
    if wants(OutputFormat::Md) || wants(OutputFormat::Html) {
        for chart in &charts {
            if let (Some(svg), true) = (&chart.svg, outputs.svg) {
                files.push(OutputFile::new(
                    format!("charts/{}.svg", chart.id),
                    svg.clone(),
                ));
            }
            if let Some(png) = &chart.png {
                files.push(OutputFile::new(
                    format!("charts/{}.png", chart.id),
                    png.clone(),
                ));
            }
        }
    }
    let chart_ext = if outputs.svg { "svg" } else { "png" };
    let brief = context::build(metrics, &charts, chart_ext);
    let context = tera::Context::from_serialize(&brief)?;
    if wants(OutputFormat::Md) {
        let text = templates::render(&settings.tera, "brief.md.tera", &context)?;
        files.push(OutputFile::new("brief.md", tidy_markdown(&text)));
    }
    if wants(OutputFormat::Html) {
        files.push(OutputFile::new(
            "brief.html",
            templates::render(&settings.tera, "brief.html.tera", &context)?,
        ));
    }
    Ok(files)
}

/// Collapses runs of blank lines that template control blocks leave behind.
fn tidy_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_start().to_string()
}
