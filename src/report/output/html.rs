//! `brief.html`: the brief as one self-contained page, from the `brief.html.tera` template.

use anyhow::Result;

use super::boundary::{Output, ReportSettings};
use crate::report::model::BriefModel;
use crate::write::OutputFile;

pub struct Html;

impl Output<BriefModel<'_>> for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn shows_charts(&self) -> bool {
        true
    }

    fn render(&self, model: &BriefModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let text = settings
            .templates
            .render("brief.html.tera", model.template_context()?)?;
        Ok(vec![OutputFile::new("brief.html", text)])
    }
}
