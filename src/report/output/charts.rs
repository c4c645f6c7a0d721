//! The chart files (`charts/<id>.svg`, `.png`) beside a brief that shows them: made whenever
//! an output asked for shows the charts, never asked for by name.

use anyhow::Result;

use super::boundary::{Formats, Output, ReportSettings};
use crate::report::model::BriefModel;
use crate::write::OutputFile;

pub struct Charts;

impl Output<BriefModel<'_>> for Charts {
    fn name(&self) -> &'static str {
        "charts"
    }

    fn selectable(&self) -> bool {
        false
    }

    fn asked_by(&self, formats: &Formats) -> bool {
        formats.shows_charts()
    }

    fn render(&self, model: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        for chart in &model.charts {
            if let (Some(svg), true) = (&chart.svg, model.chart_files.svg) {
                let path = format!("charts/{}.svg", chart.id);
                files.push(OutputFile::new(path, svg.clone()));
            }
            if let Some(png) = &chart.png {
                files.push(OutputFile::new(
                    format!("charts/{}.png", chart.id),
                    png.clone(),
                ));
            }
        }
        Ok(files)
    }
}
