//! The report: a company's brief model ([`model`]) and its outputs ([`output`]: metrics.json,
//! charts, the Markdown, HTML and PDF brief, the workbook), as files in memory. [`build`] runs
//! model -> render; writing is the caller's job (see `crate::write`).

pub mod cell;
pub mod charts;
pub mod context;
pub mod filters;

pub mod json;
pub mod markdown;
pub mod methodology;
pub mod model;
pub mod notes;
pub mod output;
pub mod pdf;
pub mod peers;
pub mod site;
mod story;
pub mod tables;
pub mod templates;
pub mod workbook;

use anyhow::Result;

use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::write::OutputFile;

pub use model::{BriefModel, Peers};
pub use output::{ChartFormat, Formats, ReportSettings};

/// Every file of one company's report: its model, built once, rendered by each output the
/// settings ask for; with `peers`, the brief has a Peers section (and the workbook a sheet).
pub fn build(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&Peers>,
    settings: &ReportSettings,
) -> Result<Vec<OutputFile>> {
    let model = model::build(input, analysis, peers, settings.chart_outputs())?;
    output::render_brief(&model, settings)
}
