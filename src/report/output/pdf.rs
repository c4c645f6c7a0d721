//! `brief.pdf`: the brief typeset by Typst from the model's data (built with the feature `pdf`).

use anyhow::Result;

use super::boundary::{Output, ReportSettings, SiteLink};
use crate::report::model::BriefModel;
use crate::report::pdf;
use crate::write::OutputFile;

pub struct Pdf;

impl Output<BriefModel<'_>> for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn shows_charts(&self) -> bool {
        true
    }

    fn site_link(&self) -> Option<SiteLink> {
        Some(SiteLink {
            file: "brief.pdf",
            label: "PDF",
        })
    }

    fn unavailable(&self) -> Option<&'static str> {
        (!pdf::AVAILABLE).then_some(pdf::HOW_TO_GET_IT)
    }

    fn render(&self, model: &BriefModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let Some(pdf) = &settings.pdf else {
            return Ok(Vec::new());
        };
        Ok(vec![OutputFile::new("brief.pdf", typeset(model, pdf)?)])
    }
}

#[cfg(feature = "pdf")]
fn typeset(model: &BriefModel, settings: &pdf::PdfSettings) -> Result<Vec<u8>> {
    let data = pdf::data::json(model, settings.paper)?;
    let as_of = model.analysis.as_of.as_deref();
    let svgs: Vec<&str> = model
        .charts
        .iter()
        .filter_map(|c| c.svg.as_deref())
        .collect();
    pdf::render(&settings.template, data, &svgs, as_of, settings.standard)
}

/// Without the feature the settings refuse `--format pdf`; this is never reached.
#[cfg(not(feature = "pdf"))]
fn typeset(_: &BriefModel, _: &pdf::PdfSettings) -> Result<Vec<u8>> {
    Err(anyhow::anyhow!(pdf::HOW_TO_GET_IT))
}
