//! The brief's methodology section: every computed metric's name and formula, read from the
//! catalogue (the same words `docs/metrics.md` prints in its generated table).

use serde::Serialize;

use crate::input::{Kpi, RuleOf40Margin};
use crate::metrics::catalogue::{Formula, CATALOGUE, LINE_CATALOGUE};

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// The JSON key in metrics.json.
    pub key: String,
    pub name: String,
    pub formula: String,
}

/// Every computed metric, in catalogue order, then the cost-line metrics. Figures read from
/// the input as given need no formula. The Rule of 40's says which margin this brief adds.
pub fn definitions(rule_of_40_margin: RuleOf40Margin, kpis: &[Kpi]) -> Vec<Definition> {
    let computed = |formula: Formula| !formula.is_input();
    CATALOGUE
        .iter()
        .filter(|m| computed(m.formula))
        .map(|m| Definition {
            key: m.key.to_string(),
            name: m.name.to_string(),
            formula: match m.key {
                "rule_of_40" => format!(
                    "{}. This brief adds the {}.",
                    m.formula.words(m.unit),
                    rule_of_40_margin.words()
                ),
                _ => m.formula.words(m.unit).into_owned(),
            },
        })
        .chain(
            LINE_CATALOGUE
                .iter()
                .filter(|l| computed(l.formula))
                .map(|l| Definition {
                    key: format!("cost_lines.<name>.{}", l.key),
                    name: l.name.to_string(),
                    formula: l.formula.words(l.unit).into_owned(),
                }),
        )
        .chain(kpis.iter().map(|kpi| Definition {
            key: format!("kpis.{}", kpi.key),
            name: format!("{} (company KPI)", kpi.name),
            formula: format!(
                "{} ({}){}",
                kpi.formula,
                kpi.unit.name(),
                kpi.definition
                    .as_deref()
                    .map(|d| format!(": {d}"))
                    .unwrap_or_default()
            ),
        }))
        .collect()
}
