//! `metrics.json`: the analysis as pretty JSON ([`crate::report::json`]).

use anyhow::Result;

use super::boundary::{Output, ReportSettings};
use crate::report::json::{metrics_json, write_metrics_json};
use crate::report::model::BriefModel;
use crate::write::OutputFile;

pub struct Json;

impl Output<BriefModel<'_>> for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn render(&self, model: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        const NAME: &str = "metrics.json";
        let file = match crate::report::long_history(model.analysis) {
            true => OutputFile::spilled(NAME, |out| write_metrics_json(model.analysis, out))?,
            false => OutputFile::new(NAME, metrics_json(model.analysis)?),
        };
        Ok(vec![file])
    }
}
