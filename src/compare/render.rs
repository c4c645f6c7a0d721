//! The comparison as files, through the output boundary the brief uses: compare's model
//! ([`super::view`]) rendered by each of its outputs ([`COMPARE`]).

use std::path::Path;

use anyhow::Result;

use super::outputs::{Html, Json, Markdown, Pdf, Workbook};
use super::view::{self, CompareModel};
use super::Comparison;
use crate::report::output::{self, ChartFormat, Formats, Output, ReportSettings};
use crate::report::pdf;
use crate::write::OutputFile;

/// An output of a comparison.
pub type CompareOutput = dyn for<'m> Output<CompareModel<'m>>;

/// Every output of a comparison, in the order its files are listed.
pub const COMPARE: &[&CompareOutput] = &[&Markdown, &Html, &Json, &Workbook, &Pdf];

/// Settings for every output this binary can make of a comparison, with the templates (`dir`
/// overriding the built-in ones) and, with PDF output built in, compare.pdf's.
pub fn settings(
    dir: Option<&Path>,
    paper: pdf::Paper,
    standard: Option<pdf::Standard>,
) -> Result<ReportSettings> {
    let names: Vec<&str> = COMPARE
        .iter()
        .filter(|o| o.unavailable().is_none())
        .map(|o| o.name())
        .collect();
    let formats = Formats::parse(COMPARE, &names).map_err(anyhow::Error::msg)?;
    let settings = ReportSettings {
        formats,
        charts: ChartFormat::Svg,
        templates: crate::report::templates::load(dir)?,
        pdf: None,
    };
    settings.with_pdf(paper, standard, dir, pdf::COMPARE)
}

/// compare.md, compare.html, compare.json and compare.xlsx, and compare.pdf when the settings
/// ask for it.
pub fn files(comparison: &Comparison, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
    let model = view::build(comparison)?;
    output::render(COMPARE, &model, settings)
}
