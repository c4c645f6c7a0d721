//! A brief's output formats, one module each behind one trait ([`Output`]), listed once in
//! [`BRIEF`]: `--format` takes their names, and a run renders those it asks for. Adding a
//! format is a module and a line in the list.

pub mod boundary;
mod charts;
mod html;
mod json;
mod markdown;
mod pdf;
mod workbook;

use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

pub use boundary::{ChartFormat, Formats, Output, ReportSettings, SiteLink};

use super::model::BriefModel;
use crate::write::OutputFile;

/// An output of a company's brief.
pub type BriefOutput = dyn for<'m> Output<BriefModel<'m>>;

/// Every output of a company's brief, in the order its files are listed.
pub const BRIEF: &[&BriefOutput] = &[
    &markdown::Markdown,
    &html::Html,
    &json::Json,
    &workbook::Workbook,
    &pdf::Pdf,
    &charts::Charts,
];

/// The names `--format` takes: those of the brief's outputs that can be asked for.
pub fn names() -> Vec<&'static str> {
    BRIEF
        .iter()
        .filter(|o| o.selectable())
        .map(|o| o.name())
        .collect()
}

/// The brief's outputs `names` names, or a sentence saying which cannot be made.
pub fn formats(names: &[impl AsRef<str>]) -> Result<Formats, String> {
    Formats::parse(BRIEF, names)
}

impl ReportSettings {
    /// Settings for the brief's outputs `formats` (of [`BRIEF`]), with the templates they
    /// render with (`dir` overriding the built-in ones) and no PDF settings yet.
    pub fn new(
        formats: &[impl AsRef<str>],
        charts: ChartFormat,
        dir: Option<&Path>,
    ) -> Result<Self> {
        let formats = self::formats(formats).map_err(anyhow::Error::msg)?;
        ReportSettings::with_formats(formats, charts, dir)
    }
}

/// The links the site's index gives beside each company: those of the outputs asked for.
pub fn site_links(formats: &Formats) -> Vec<SiteLink> {
    BRIEF
        .iter()
        .filter(|o| o.asked_by(formats))
        .filter_map(|o| o.site_link())
        .collect()
}

/// Renders the outputs of `list` that the settings ask for, side by side, their files in the
/// list's order; an output's error names it.
pub fn render<M: Sync + ?Sized>(
    list: &[&(dyn Output<M> + '_)],
    model: &M,
    settings: &ReportSettings,
) -> Result<Vec<OutputFile>> {
    let rendered: Vec<Vec<OutputFile>> = list
        .par_iter()
        .filter(|output| output.asked_by(&settings.formats))
        .map(|output| {
            output
                .render(model, settings)
                .with_context(|| format!("cannot write the {} output", output.name()))
        })
        .collect::<Result<_>>()?;
    Ok(rendered.into_iter().flatten().collect())
}

/// Renders the brief's outputs the settings ask for, from one company's model.
pub fn render_brief(model: &BriefModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
    render(BRIEF, model, settings)
}

#[cfg(test)]
mod tests;
