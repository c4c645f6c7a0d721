//! `metrics.json`: the analysis as pretty JSON ([`crate::report::json`]).

use anyhow::Result;

use super::boundary::{Output, ReportSettings};
use crate::report::json::metrics_json;
use crate::report::model::BriefModel;
use crate::write::OutputFile;

pub struct Json;

impl Output<BriefModel<'_>> for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn render(&self, model: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        let bytes = metrics_json(model.analysis)?;
        Ok(vec![OutputFile::new("metrics.json", bytes)])
    }
}
