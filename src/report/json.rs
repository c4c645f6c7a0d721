//! `metrics.json`: the metrics as pretty JSON, byte for byte what `serde_json::to_writer_pretty`
//! writes, with the periods (nearly all of a long file) written in parallel chunks.

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use crate::metrics::{Metrics, PeriodMetrics};

/// Periods per parallel chunk; below two chunks' worth the file is written in one go.
const CHUNK: usize = 512;

/// The metrics as pretty JSON with a final newline, in parts to be written one after another:
/// one part for most companies; for a long history, the periods in parallel chunks between
/// the text before and after them.
pub fn metrics_json_parts(metrics: &Metrics) -> Result<Vec<Vec<u8>>> {
    if metrics.periods.len() < 2 * CHUNK {
        let lines: usize = metrics.periods.iter().map(|p| p.cost_lines.len()).sum();
        let mut bytes = Vec::with_capacity(4096 + metrics.periods.len() * 2500 + lines * 200);
        serde_json::to_writer_pretty(&mut bytes, metrics)?;
        bytes.push(b'\n');
        return Ok(vec![bytes]);
    }
    // Everything but the periods, with an empty list where they go. The struct literal names
    // every field, so a field added to `Metrics` cannot be left out here without a compile error.
    let shell = Metrics {
        company: metrics.company.clone(),
        source: metrics.source.clone(),
        amounts_in: metrics.amounts_in,
        periods: Vec::new(),
        warnings: metrics.warnings.clone(),
        plan: metrics.plan.clone(),
        readiness: metrics.readiness.clone(),
        as_of: metrics.as_of.clone(),
        generator: metrics.generator.clone(),
    };
    let shell = serde_json::to_vec_pretty(&shell)?;
    // A key at depth 1 starts its own line with two spaces; a JSON string cannot hold a raw
    // line break, so this can only be the `periods` key itself.
    let marker = b"\n  \"periods\": []";
    let at = shell
        .windows(marker.len())
        .position(|w| w == marker)
        .ok_or_else(|| anyhow::anyhow!("metrics.json: no place for the periods"))?
        + marker.len()
        - 1;
    let chunks: Vec<Vec<u8>> = metrics
        .periods
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(index, periods)| periods_at_depth_two(periods, index == 0))
        .collect::<Result<_>>()?;
    let mut parts = Vec::with_capacity(chunks.len() + 2);
    parts.push(shell[..at].to_vec());
    parts.extend(chunks);
    let mut tail = b"\n  ".to_vec();
    tail.extend_from_slice(&shell[at..]);
    tail.push(b'\n');
    parts.push(tail);
    Ok(parts)
}

/// Periods as the items of the top object's `periods` list: each on a new line, indented two
/// levels, after a comma unless `first`; no brackets.
fn periods_at_depth_two(periods: &[PeriodMetrics], first: bool) -> Result<Vec<u8>> {
    let lines: usize = periods.iter().map(|p| p.cost_lines.len()).sum();
    let mut bytes = Vec::with_capacity(periods.len() * 2500 + lines * 200);
    let mut formatter = PrettyFormatter::new();
    // Opening an object and a list on a sink moves the formatter two levels in, as it is when
    // serde_json reaches the periods; nothing else of its state carries over.
    let mut sink = std::io::sink();
    formatter.begin_object(&mut sink)?;
    formatter.begin_array(&mut sink)?;
    for (index, period) in periods.iter().enumerate() {
        let separator: &[u8] = if first && index == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        bytes.extend_from_slice(separator);
        period.serialize(&mut Serializer::with_formatter(
            &mut bytes,
            formatter.clone(),
        ))?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunked file must be the very bytes serde_json writes in one go.
    #[test]
    fn chunked_json_is_what_serde_json_writes() {
        // Quarters with a gap, a note with quotes, and three cost lines, one of them AI-exposed.
        let mut text = String::from(
            "[company]\nname = \"Chunky \\\"periods\\\": []\"\ncurrency = \"EUR\"\n\
             ai_exposed = [\"support\"]\n[plan]\ntarget_headcount = 90\nannual_attrition = 0.1\n",
        );
        for index in 0..(2 * CHUNK + 37) {
            let (year, quarter) = (1900 + index / 4, index % 4 + 1);
            if index == 50 {
                continue;
            }
            text.push_str(&format!(
                "[[period]]\nlabel = \"{year}-Q{quarter}\"\nrevenue = {}.5\nheadcount_end = {}\n\
                 notes = \"a \\\"quoted\\\" note\"\n[period.costs]\nsupport = {}\nsales = 7.25\nrent = 3\n",
                1000 + index * 3,
                120 - index % 7,
                20 + index % 5,
            ));
        }
        let input = crate::input::from_toml(&text).unwrap();
        let metrics = crate::analyse(&input, &Default::default(), Some("2026-01-01".into()));
        let mut expected = serde_json::to_vec_pretty(&metrics).unwrap();
        expected.push(b'\n');
        let chunked = metrics_json_parts(&metrics).unwrap().concat();
        assert!(metrics.periods.len() >= 2 * CHUNK, "takes the chunked path");
        assert_eq!(
            String::from_utf8(chunked).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
