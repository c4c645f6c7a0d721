//! The brief's methodology section: every computed metric's name and formula, read from the
//! catalogue (the same words `docs/metrics.md` prints in its generated table).

use serde::Serialize;

use crate::metrics::catalogue::{Formula, CATALOGUE, LINE_CATALOGUE};

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// The JSON key in metrics.json.
    pub key: String,
    pub name: &'static str,
    pub formula: &'static str,
}

/// Every computed metric, in catalogue order, then the cost-line metrics. Figures read from
/// the input as given need no formula.
pub fn definitions() -> Vec<Definition> {
    let computed = |formula: Formula| matches!(formula, Formula::Computed(_));
    CATALOGUE
        .iter()
        .filter(|m| computed(m.formula))
        .map(|m| Definition {
            key: m.key.to_string(),
            name: m.name,
            formula: m.formula.words(),
        })
        .chain(
            LINE_CATALOGUE
                .iter()
                .filter(|l| computed(l.formula))
                .map(|l| Definition {
                    key: format!("cost_lines.<name>.{}", l.key),
                    name: l.name,
                    formula: l.formula.words(),
                }),
        )
        .collect()
}
