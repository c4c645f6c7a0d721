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

/// From this many periods on a company's history is long: the workbook's growing sheets are
/// written through temporary files, and `metrics.json` and the workbook go straight to
/// temporary files as they are made instead of being held in memory until the folder is
/// written (10,000 quarters of 50 cost lines: a 147 MB `metrics.json`, a 58 MB workbook).
pub const LONG_HISTORY: usize = 2_000;

/// Whether `analysis` is of a long history ([`LONG_HISTORY`]).
pub fn long_history(analysis: &Analysis) -> bool {
    analysis.metrics.periods.len() >= LONG_HISTORY
}
pub use output::{ChartFormat, Formats, ReportSettings};

/// Every file of one company's report: its model, built once, rendered by each output the
/// settings ask for; with `peers`, the brief has a Peers section (and the workbook a sheet).
pub fn build(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&Peers>,
    settings: &ReportSettings,
) -> Result<Vec<OutputFile>> {
    let model = model::build(input, analysis, peers, settings.renders())?;
    output::render_brief(&model, settings)
}
