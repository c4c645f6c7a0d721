//! `metrics.json`: the metrics as pretty JSON with a final newline, serialised by serde_json in
//! one go.

use std::io::Write;

use anyhow::Result;

use crate::analysis::Analysis;

/// Writes the analysis as pretty JSON with a final newline to `out` (buffer it: serde_json
/// writes many small pieces).
pub fn write_metrics_json(analysis: &Analysis, mut out: impl Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, analysis)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The analysis as pretty JSON with a final newline, in memory.
pub fn metrics_json(analysis: &Analysis) -> Result<Vec<u8>> {
    // About 2.5 KB a period and 200 bytes a cost line: one allocation for most files.
    let metrics = &analysis.metrics;
    let lines: usize = metrics.periods.iter().map(|p| p.cost_lines.len()).sum();
    let mut bytes = Vec::with_capacity(4096 + metrics.periods.len() * 2500 + lines * 200);
    write_metrics_json(analysis, &mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file is pretty JSON, two spaces an indent, ending in one newline.
    #[test]
    fn metrics_json_is_pretty_with_a_final_newline() {
        let text = "[company]\nname = \"Tiny\"\ncurrency = \"EUR\"\n\n\
                    [[period]]\nlabel = \"2024\"\nrevenue = 12.5\n";
        let input = crate::input::from_toml(text).unwrap();
        let analysis = crate::analyse(&input, &Default::default(), None);
        let json = String::from_utf8(metrics_json(&analysis).unwrap()).unwrap();
        assert!(
            json.starts_with("{\n  \"company\": {\n    \"name\": \"Tiny\","),
            "{json}"
        );
        assert!(json.contains("\n      \"revenue\": 12.5,\n"), "{json}");
        assert!(json.ends_with("\n}\n") && !json.ends_with("\n\n"), "{json}");
    }
}
