//! `metrics.json`: the analysis as pretty JSON with a final newline, serialised by serde_json in
//! one go.

use anyhow::Result;

use crate::analysis::Analysis;

/// The analysis as pretty JSON, ending in a newline.
pub fn metrics_json(analysis: &Analysis) -> Result<Vec<u8>> {
    let metrics = &analysis.metrics;
    let lines: usize = metrics.periods.iter().map(|p| p.cost_lines.len()).sum();
    let mut bytes = Vec::with_capacity(4096 + metrics.periods.len() * 2500 + lines * 200);
    serde_json::to_writer_pretty(&mut bytes, analysis)?;
    bytes.push(b'\n');
    Ok(bytes)
}
