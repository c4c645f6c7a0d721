//! The comparison as files: compare.json (the model as is), compare.md and compare.html (from
//! the `compare.*.tera` templates, overridable with `--templates DIR` like the brief's).

use anyhow::Result;
use serde::Serialize;

use super::chart::{self, CompareChart};
use super::{Comparison, Row};
use crate::metrics::Generator;
use crate::report::pdf::PdfSettings;
use crate::report::templates::Templates;
use crate::write::OutputFile;

/// The rows of one group ("Headline", "Cost lines"), for the templates' table sections.
#[derive(Debug, Serialize)]
struct Section<'a> {
    name: &'static str,
    rows: Vec<&'a Row>,
}

/// What the compare templates see.
#[derive(Debug, Serialize)]
struct Context<'a> {
    c: &'a Comparison,
    sections: Vec<Section<'a>>,
    chart: CompareChart,
    /// The number of table columns: metric, values and changes (for a spanning row).
    span: usize,
    generator: &'a Generator,
    as_of: &'a Option<String>,
}

fn sections(comparison: &Comparison) -> Vec<Section<'_>> {
    let mut sections: Vec<Section> = Vec::new();
    for row in &comparison.rows {
        match sections.last_mut() {
            Some(section) if section.name == row.group => section.rows.push(row),
            _ => sections.push(Section {
                name: row.group,
                rows: vec![row],
            }),
        }
    }
    sections
}

/// The comparison as pretty JSON with a final newline.
pub fn json(comparison: &Comparison) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(comparison)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// compare.md, compare.html, compare.json and compare.xlsx, and compare.pdf when `pdf` is given.
pub fn files(
    comparison: &Comparison,
    templates: &Templates,
    pdf: Option<&PdfSettings>,
) -> Result<Vec<OutputFile>> {
    let context = Context {
        c: comparison,
        sections: sections(comparison),
        chart: chart::build(comparison)?,
        span: comparison.columns.len() * 2,
        generator: &comparison.generator,
        as_of: &comparison.as_of,
    };
    let pdf = pdf.map(|settings| compare_pdf(comparison, &context, settings));
    let context = tera::Context::from_serialize(&context)?;
    let markdown = templates.render("compare.md.tera", &context)?;
    let html = templates.render("compare.html.tera", &context)?;
    let mut files = vec![
        OutputFile::new("compare.md", tidy(&markdown)),
        OutputFile::new("compare.html", html),
        OutputFile::new("compare.json", json(comparison)?),
        OutputFile::new("compare.xlsx", super::workbook::build(comparison)?),
    ];
    if let Some(pdf) = pdf {
        files.push(OutputFile::new("compare.pdf", pdf?));
    }
    Ok(files)
}

/// compare.pdf, typeset from the templates' context.
#[cfg(feature = "pdf")]
fn compare_pdf(
    comparison: &Comparison,
    context: &Context,
    settings: &PdfSettings,
) -> Result<Vec<u8>> {
    let mut companies: Vec<&str> = comparison
        .columns
        .iter()
        .map(|c| c.company.as_str())
        .collect();
    companies.dedup();
    let data = crate::report::pdf::data::compare_json(
        context,
        &comparison.title,
        &companies,
        settings.paper,
    )?;
    crate::report::pdf::render(
        &settings.template,
        data,
        comparison.as_of.as_deref(),
        settings.standard,
    )
}

/// Without the feature no PDF settings are ever made; this is never reached.
#[cfg(not(feature = "pdf"))]
fn compare_pdf(_: &Comparison, _: &Context, _: &PdfSettings) -> Result<Vec<u8>> {
    Err(anyhow::anyhow!(crate::report::pdf::HOW_TO_GET_IT))
}

/// Trailing spaces off, runs of blank lines collapsed: what template control blocks leave.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_blank = true;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() && previous_blank {
            continue;
        }
        previous_blank = line.is_empty();
        out.push_str(line);
        out.push('\n');
    }
    out
}
