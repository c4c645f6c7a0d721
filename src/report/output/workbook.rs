//! `metrics.xlsx`: the analyst's workbook ([`crate::report::workbook`]), with a Peers sheet
//! when the brief has a Peers section.

use anyhow::Result;

use super::boundary::{Output, ReportSettings};
use crate::report::model::BriefModel;
use crate::report::workbook;
use crate::write::OutputFile;

pub struct Workbook;

impl Output<BriefModel<'_>> for Workbook {
    fn name(&self) -> &'static str {
        "xlsx"
    }

    fn render(&self, model: &BriefModel, _: &ReportSettings) -> Result<Vec<OutputFile>> {
        let file = workbook::file(model.input, model.analysis, model.peers())?;
        Ok(vec![file])
    }
}
