//! The generated region of `docs/metrics.md`: one row per catalogue entry, so the document and
//! the program cannot say different things. A test fails when the file is stale;
//! `IPOBRIEF_BLESS=1 cargo test` rewrites it.

use super::{Formula, CATALOGUE, LINE_CATALOGUE};

pub const BEGIN: &str =
    "<!-- begin generated: metrics (from src/metrics/catalogue; do not edit by hand) -->";
pub const END: &str = "<!-- end generated: metrics -->";

/// The Markdown table of every metric, between the markers.
pub fn table() -> String {
    let mut out = String::new();
    out.push_str(BEGIN);
    out.push_str(
        "\n\n| Key | Name | Formula | Units | n/a when | Computed as |\n|---|---|---|---|---|---|\n",
    );
    let rows = CATALOGUE
        .iter()
        .map(|m| (m.key.to_string(), m.name, m.formula, m.unit, m.unavailable))
        .chain(LINE_CATALOGUE.iter().map(|l| {
            (
                format!("cost_lines.<name>.{}", l.key),
                l.name,
                l.formula,
                l.unit,
                l.unavailable,
            )
        }));
    for (key, name, formula, unit, unavailable) in rows {
        let how = match formula {
            Formula::Input(words) => format!("input: {words}"),
            computed => computed.words(unit).into_owned(),
        };
        out.push_str(&format!(
            "| `{key}` | {name} | {} | {} | {} | {} |\n",
            cell(&how),
            unit.words(),
            cell(unavailable),
            cell(&computed_as(formula)),
        ));
    }
    out.push('\n');
    out.push_str(END);
    out
}

/// How ipobrief computes a metric: a formula tree (written as a `[[kpi]]` formula would be), or
/// code and why.
fn computed_as(formula: Formula) -> String {
    match formula {
        Formula::Input(_) => "read".to_string(),
        Formula::Tree(tree) => format!("formula `{}`", tree.formula),
        Formula::Code { why, .. } => format!("code: {why}"),
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// `document` with its generated region replaced by [`table`]; `None` without the markers.
pub fn refreshed(document: &str) -> Option<String> {
    let start = document.find(BEGIN)?;
    let end = document[start..].find(END)? + start + END.len();
    Some(format!(
        "{}{}{}",
        &document[..start],
        table(),
        &document[end..]
    ))
}
