//! Compare's output formats behind the brief's output trait: compare.md and compare.html
//! (from the `compare.*.tera` templates), compare.json (the comparison as is), compare.xlsx,
//! and compare.pdf (built with the feature `pdf`).

use anyhow::Result;

use super::view::CompareModel;
use crate::report::output::{Output, ReportSettings};
use crate::report::pdf;
use crate::write::OutputFile;

pub struct Markdown;
pub struct Html;
pub struct Json;
pub struct Workbook;
pub struct Pdf;

impl Output<CompareModel<'_>> for Markdown {
    fn name(&self) -> &'static str {
        "md"
    }

    fn render(&self, model: &CompareModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let context = tera::Context::from_serialize(&model.context)?;
        let text = settings.templates.render("compare.md.tera", &context)?;
        Ok(vec![OutputFile::new("compare.md", tidy(&text))])
    }
}

impl Output<CompareModel<'_>> for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn render(&self, model: &CompareModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let context = tera::Context::from_serialize(&model.context)?;
        let text = settings.templates.render("compare.html.tera", &context)?;
        Ok(vec![OutputFile::new("compare.html", text)])
    }
}

impl Output<CompareModel<'_>> for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn render(&self, model: &CompareModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        let mut bytes = serde_json::to_vec_pretty(model.comparison)?;
        bytes.push(b'\n');
        Ok(vec![OutputFile::new("compare.json", bytes)])
    }
}

impl Output<CompareModel<'_>> for Workbook {
    fn name(&self) -> &'static str {
        "xlsx"
    }

    fn render(&self, model: &CompareModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        let bytes = super::workbook::build(model.comparison)?;
        Ok(vec![OutputFile::new("compare.xlsx", bytes)])
    }
}

impl Output<CompareModel<'_>> for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn unavailable(&self) -> Option<&'static str> {
        (!pdf::AVAILABLE).then_some(pdf::HOW_TO_GET_IT)
    }

    fn render(&self, model: &CompareModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let Some(pdf) = &settings.pdf else {
            return Ok(Vec::new());
        };
        Ok(vec![OutputFile::new("compare.pdf", typeset(model, pdf)?)])
    }
}

/// compare.pdf, typeset from the templates' context.
#[cfg(feature = "pdf")]
fn typeset(model: &CompareModel, settings: &pdf::PdfSettings) -> Result<Vec<u8>> {
    let comparison = model.comparison;
    let mut companies: Vec<&str> = comparison
        .columns
        .iter()
        .map(|c| c.company.as_str())
        .collect();
    companies.dedup();
    let data = pdf::data::compare_json(
        &model.context,
        &comparison.title,
        &companies,
        settings.paper,
    )?;
    pdf::render(
        &settings.template,
        data,
        &[],
        comparison.as_of.as_deref(),
        settings.standard,
    )
}

/// Without the feature no PDF settings are ever made; this is never reached.
#[cfg(not(feature = "pdf"))]
fn typeset(_: &CompareModel, _: &pdf::PdfSettings) -> Result<Vec<u8>> {
    Err(anyhow::anyhow!(pdf::HOW_TO_GET_IT))
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
