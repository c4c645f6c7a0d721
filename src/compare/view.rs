//! Compare's model for its outputs: the comparison and what its templates see beside it (the
//! rows grouped into sections, the chart), built once.

use anyhow::Result;
use serde::Serialize;

use super::change::Tone;
use super::chart::{self, CompareChart};
use super::words;
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
    name: &'a str,
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
    /// Each change column's heading ("2025 vs 2024", "Variance").
    change_headings: Vec<String>,
    /// What good and bad news are called (`tone_words[ch.tone]`).
    tone_words: std::collections::BTreeMap<&'static str, &'static str>,
    /// Whether the first group of rows is named too (against a budget, each is a period).
    first_group_named: bool,
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
        change_headings: words::change_headings(comparison),
        tone_words: [Tone::Good, Tone::Bad]
            .map(|tone| (tone.name(), words::tone_word(comparison.mode, tone)))
            .into(),
        first_group_named: words::first_group_named(comparison.mode),
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
                name: &row.group,
                rows: vec![row],
            }),
        }
    }
    sections
}
