//! Compare's model for its outputs: the comparison and what its templates see beside it (the
//! rows grouped into sections, the chart), built once.

use anyhow::Result;
use serde::Serialize;

use super::chart::{self, CompareChart};
use super::{Comparison, Row};
use crate::metrics::Generator;

/// The comparison as its outputs read it.
pub struct CompareModel<'a> {
    pub comparison: &'a Comparison,
    /// What the templates (and the PDF) see.
    pub context: Context<'a>,
}

/// The rows of one group ("Headline", "Cost lines"), for the templates' table sections.
#[derive(Debug, Serialize)]
pub struct Section<'a> {
    name: &'static str,
    rows: Vec<&'a Row>,
}

/// What the compare templates see.
#[derive(Debug, Serialize)]
pub struct Context<'a> {
    c: &'a Comparison,
    sections: Vec<Section<'a>>,
    chart: CompareChart,
    /// The number of table columns: metric, values and changes (for a spanning row).
    span: usize,
    generator: &'a Generator,
    as_of: &'a Option<String>,
}

/// The model of `comparison`: its sections and chart.
pub fn build(comparison: &Comparison) -> Result<CompareModel<'_>> {
    let context = Context {
        c: comparison,
        sections: sections(comparison),
        chart: chart::build(comparison)?,
        span: comparison.columns.len() * 2,
        generator: &comparison.generator,
        as_of: &comparison.as_of,
    };
    Ok(CompareModel {
        comparison,
        context,
    })
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
