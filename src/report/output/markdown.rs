//! `brief.md`: the brief in GitHub-flavoured Markdown, from the `brief.md.tera` template.

use anyhow::Result;

use super::boundary::{Output, ReportSettings};
use crate::report::model::BriefModel;
use crate::write::OutputFile;

pub struct Markdown;

impl Output<BriefModel<'_>> for Markdown {
    fn name(&self) -> &'static str {
        "md"
    }

    fn shows_charts(&self) -> bool {
        true
    }

    fn render(&self, model: &BriefModel, settings: &ReportSettings) -> Result<Vec<OutputFile>> {
        let text = settings
            .templates
            .render("brief.md.tera", model.template_context()?)?;
        Ok(vec![OutputFile::new("brief.md", tidy_markdown(&text))])
    }
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
