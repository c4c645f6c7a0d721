//! The report: metrics.json, charts, and the Markdown and HTML brief, as files in memory.
//! `build` runs chart -> context -> render; writing is the caller's job (see `crate::write`).

pub mod cell;
pub mod charts;
pub mod context;
pub mod filters;

pub mod json;
pub mod markdown;
pub mod methodology;
pub mod notes;
pub mod pdf;
pub mod peers;
pub mod site;
mod story;
pub mod tables;
pub mod templates;
pub mod workbook;

use std::path::Path;

use anyhow::Result;

use crate::analysis::Analysis;
use crate::write::OutputFile;

/// A file of the brief that can be asked for (the settings map `--format` onto it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Md,
    Html,
    Json,
    /// `metrics.xlsx`, the workbook (see [`workbook`]).
    Xlsx,
    /// brief.pdf, typeset by Typst (built with the feature `pdf`).
    Pdf,
}

/// The chart files to write (the settings map `--charts` onto it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
    Both,
}

/// What to put in a report, and the compiled templates (compiled once, used for every company).
pub struct ReportSettings {
    pub formats: Vec<OutputFormat>,
    pub charts: ChartFormat,
    pub templates: templates::Templates,
    /// How to make brief.pdf, when it is asked for.
    pub pdf: Option<pdf::PdfSettings>,
}

impl ReportSettings {
    pub fn new(
        formats: Vec<OutputFormat>,
        charts: ChartFormat,
        templates: Option<&Path>,
    ) -> Result<Self> {
        let templates = templates::load_only(templates, Some(&templates::for_brief(&formats)))?;
        Ok(ReportSettings {
            formats,
            charts,
            templates,
            pdf: None,
        })
    }
}

/// The comparable companies of a brief: their metrics, and the exchange rates given.
pub struct Peers<'a> {
    pub metrics: Vec<&'a crate::metrics::Metrics>,
    pub rates: &'a peers::Rates,
}

/// Renders every file of one company's report.
pub fn build(analysis: &Analysis, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
    build_with_peers(analysis, None, settings)
}

/// Renders every file of one company's report, with a Peers section when `peers` are given.
pub fn build_with_peers(
    analysis: &Analysis,
    peers: Option<&Peers>,
    settings: &ReportSettings,
) -> Result<Vec<OutputFile>> {
    let wants = |format: OutputFormat| settings.formats.contains(&format);
    let wants_brief =
        wants(OutputFormat::Md) || wants(OutputFormat::Html) || wants(OutputFormat::Pdf);
    let outputs = charts::ChartOutputs {
        svg: settings.charts != ChartFormat::Png,
        png: settings.charts != ChartFormat::Svg,
    };
    // The JSON and the charts do not depend on each other: make them side by side.
    let (json, charts) = rayon::join(
        || {
            wants(OutputFormat::Json)
                .then(|| json::metrics_json(analysis))
                .transpose()
        },
        || match wants_brief {
            true => charts::build_all(analysis, outputs),
            false => Ok(Vec::new()),
        },
    );
    let (json, mut charts) = (json?, charts?);
    let bar = analysis.thresholds().min_rule_of_40.value;
    if let (Some(peers), true) = (peers, wants_brief) {
        // The charts draw the same table the section shows (its footnotes are numbered there).
        let view = peers::build(
            &analysis.metrics,
            &peers.metrics,
            peers.rates,
            bar,
            &mut notes::Notes::default(),
        );
        charts.extend(charts::build_peers(&view, bar, outputs)?);
    }
    let mut files = Vec::new();
    if let Some(json) = json {
        files.push(OutputFile::new("metrics.json", json));
    }
    if !wants_brief {
        return Ok(files);
    }
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
    let chart_ext = if outputs.svg { "svg" } else { "png" };
    let brief = context::build(analysis, &charts, chart_ext, peers);
    let context = tera::Context::from_serialize(&brief)?;
    let render = |wanted: bool, template: &str| -> Result<Option<String>> {
        wanted
            .then(|| settings.templates.render(template, &context))
            .transpose()
    };
    let (markdown, html) = rayon::join(
        || render(wants(OutputFormat::Md), "brief.md.tera"),
        || render(wants(OutputFormat::Html), "brief.html.tera"),
    );
    if let Some(text) = markdown? {
        files.push(OutputFile::new("brief.md", tidy_markdown(&text)));
    }
    if let Some(text) = html? {
        files.push(OutputFile::new("brief.html", text));
    }
    if let (true, Some(pdf)) = (wants(OutputFormat::Pdf), &settings.pdf) {
        files.push(OutputFile::new(
            "brief.pdf",
            brief_pdf(analysis, &brief, pdf)?,
        ));
    }
    Ok(files)
}

/// `metrics.xlsx` when the settings ask for it: the workbook needs the input as read, which
/// the analysis does not keep. With `peers`, it has a Peers sheet: the brief's Peers section.
pub fn workbook_file(
    input: &crate::input::CompanyInput,
    analysis: &Analysis,
    peers: Option<&Peers>,
    settings: &ReportSettings,
) -> Result<Option<OutputFile>> {
    if !settings.formats.contains(&OutputFormat::Xlsx) {
        return Ok(None);
    }
    let view = peers.map(|peers| {
        peers::build(
            &analysis.metrics,
            &peers.metrics,
            peers.rates,
            analysis.thresholds().min_rule_of_40.value,
            &mut notes::Notes::default(),
        )
    });
    let bytes = workbook::build(input, analysis, view.as_ref())?;
    Ok(Some(OutputFile::new("metrics.xlsx", bytes)))
}

/// brief.pdf: the context as data for the Typst template.
#[cfg(feature = "pdf")]
fn brief_pdf(
    analysis: &Analysis,
    brief: &context::Brief,
    settings: &pdf::PdfSettings,
) -> Result<Vec<u8>> {
    let data = pdf::data::json(brief, analysis, settings.paper)?;
    pdf::render(
        &settings.template,
        data,
        analysis.as_of.as_deref(),
        settings.standard,
    )
}

/// Without the feature the settings refuse `--format pdf`; this is never reached.
#[cfg(not(feature = "pdf"))]
fn brief_pdf(_: &Analysis, _: &context::Brief, _: &pdf::PdfSettings) -> Result<Vec<u8>> {
    Err(anyhow::anyhow!(pdf::HOW_TO_GET_IT))
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
