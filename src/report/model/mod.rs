//! The brief model: one per company, built once by [`build`], and the only thing an output
//! reads. It holds the analysis, the input as read (the workbook's Inputs and Company sheets
//! lay out its figures), the charts drawn, and the brief as templates see it: every section,
//! row and cell with its presented text ([`present`]), the Peers section (built once, its notes
//! numbered with the brief's) and the numbered notes.

mod numbering;
pub mod present;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_non_gaap;
mod texts;

use std::sync::OnceLock;

use anyhow::Result;

use super::charts::{self, Chart, ChartOutputs};
use super::context::{self, Brief};
use super::notes::Notes;
use super::peers::{self, PeersView, Rates};
use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::metrics::Metrics;

/// The comparable companies of a brief: their metrics, and the exchange rates given.
pub struct Peers<'a> {
    pub metrics: Vec<&'a Metrics>,
    pub rates: &'a Rates,
}

/// One company's brief, ready for every output.
#[derive(Debug)]
pub struct BriefModel<'a> {
    /// The input as read: the workbook lays out its figures as the Inputs sheet.
    pub input: &'a CompanyInput,
    pub analysis: &'a Analysis,
    /// The charts drawn, when an output asked for shows them; empty otherwise.
    pub charts: Vec<Chart>,
    /// Which chart files the charts were drawn as.
    pub chart_files: ChartOutputs,
    /// The brief as the templates see it, every cell presented.
    pub brief: Brief<'a>,
    /// The brief as tera's context, made once for the templates that render it.
    context: OnceLock<Result<tera::Context, String>>,
}

impl BriefModel<'_> {
    /// The brief as tera's context, made on first use and shared by every template.
    pub fn template_context(&self) -> Result<&tera::Context> {
        let made = self.context.get_or_init(|| {
            tera::Context::from_serialize(&self.brief).map_err(|error| format!("{error:#}"))
        });
        made.as_ref().map_err(|error| anyhow::anyhow!("{error}"))
    }

    /// The Peers section's table, when the brief has one.
    pub fn peers(&self) -> Option<&PeersView> {
        self.brief.peers.as_ref().map(|p| &p.table)
    }
}

/// What a brief model is built for (`ReportSettings::renders`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Renders {
    /// The chart files to draw; none when no output shows the charts.
    pub charts: Option<ChartOutputs>,
    /// A template of the user's renders the brief: its data then keeps the metrics view,
    /// which only an override reads.
    pub overrides: bool,
}

/// Builds the model of one company: the Peers view once, the charts when `renders` asks for
/// them, the brief's sections, the notes numbered in reading order, and every cell's text.
pub fn build<'a>(
    input: &'a CompanyInput,
    analysis: &'a Analysis,
    peers: Option<&Peers>,
    renders: Renders,
) -> Result<BriefModel<'a>> {
    let charts = renders.charts;
    let bar = analysis.thresholds().min_rule_of_40.value;
    let mut notes = Notes::default();
    let view = peers.map(|p| peers::build(&analysis.metrics, &p.metrics, p.rates, bar, &mut notes));
    let mut drawn = match charts {
        Some(outputs) => charts::build_all(analysis, outputs)?,
        None => Vec::new(),
    };
    if let (Some(view), Some(outputs)) = (&view, charts) {
        // The charts draw the same table the section shows.
        drawn.extend(charts::build_peers(view, bar, outputs)?);
    }
    let chart_files = charts.unwrap_or(ChartOutputs {
        svg: true,
        png: false,
    });
    let chart_ext = if chart_files.svg { "svg" } else { "png" };
    let mut brief = context::build(analysis, &drawn, chart_ext, view, &mut notes);
    if !renders.overrides {
        brief.metrics = None;
    }
    brief.footnotes = numbering::number_notes(notes, &mut brief);
    texts::present_all(&mut brief);
    Ok(BriefModel {
        input,
        analysis,
        charts: drawn,
        chart_files,
        brief,
        context: OnceLock::new(),
    })
}
