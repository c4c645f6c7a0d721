//! The companyfacts JSON as the SEC publishes it, and one figure per period out of it.
//!
//! The same fact is repeated by every filing that shows it (a 10-K shows three years); facts are
//! de-duplicated by their period (start and end dates), keeping the latest filing's value.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::diagnostic::{line_column_location, InputError};
use crate::input::raw::parse_decimal;

/// The whole companyfacts file: `facts.<taxonomy>.<concept>.units.<unit>[]`.
#[derive(Debug, Deserialize)]
pub struct CompanyFacts {
    #[serde(default)]
    pub cik: Option<serde_json::Value>,
    #[serde(rename = "entityName", default)]
    pub entity_name: Option<String>,
    pub facts: BTreeMap<String, BTreeMap<String, Concept>>,
    /// What was left out or chosen while reading figures, said to the person importing (in
    /// the TOML's comments and on standard error): a fact whose value or dates cannot be read,
    /// one filing giving two values for one period.
    #[serde(skip)]
    notices: RefCell<BTreeSet<String>>,
}

#[derive(Debug, Deserialize)]
pub struct Concept {
    #[serde(default)]
    pub units: BTreeMap<String, Vec<Fact>>,
}

/// One XBRL fact as filed. `fy` and `fp` are deliberately not read: they describe the filing,
/// not the period, and are sometimes wrong.
#[derive(Debug, Clone, Deserialize)]
pub struct Fact {
    #[serde(default)]
    pub start: Option<String>,
    pub end: String,
    pub val: serde_json::Number,
    #[serde(default)]
    pub accn: String,
    #[serde(default)]
    pub filed: Option<String>,
}

/// A fact's value for one period, with where it was filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// `taxonomy:Concept`, e.g. `us-gaap:Revenues`.
    pub concept: String,
    pub value: Decimal,
    /// The accession number of the filing the value comes from.
    pub accn: String,
    /// None for instant facts (a headcount on a date).
    pub start: Option<NaiveDate>,
    pub end: NaiveDate,
    /// When the filing was filed, as the SEC writes it (`2025-03-21`); None when not given.
    pub filed: Option<String>,
}

/// Parses the companyfacts JSON; a syntax error points at its line and column.
pub fn parse(text: &str, file: &str) -> Result<CompanyFacts, InputError> {
    serde_json::from_str(text).map_err(|error| {
        let help = "download the company's file from the SEC's EDGAR API: \
                    companyfacts/CIK##########.json (the CIK padded to ten digits)";
        let message = error.to_string();
        let message = match message.rfind(" at line ") {
            Some(index) => &message[..index],
            None => message.as_str(),
        };
        let message = if message.contains("missing field `facts`") {
            "this is not an SEC companyfacts file: it has no \"facts\" object".to_string()
        } else {
            format!("cannot read the companyfacts JSON: {message}")
        };
        let location =
            (error.line() > 0).then(|| line_column_location(text, error.line(), error.column()));
        InputError::new(file, message).at(location).with_help(help)
    })
}

impl CompanyFacts {
    /// The facts of `taxonomy:Concept` in `unit`, one per period, from the latest filing.
    /// A `unit` of None takes every unit (for counts such as employees).
    pub fn figures(&self, concept: &str, unit: Option<&str>) -> Vec<Figure> {
        let Some((taxonomy, name)) = concept.split_once(':') else {
            return Vec::new();
        };
        let Some(found) = self.facts.get(taxonomy).and_then(|c| c.get(name)) else {
            return Vec::new();
        };
        let mut latest: BTreeMap<(Option<NaiveDate>, NaiveDate), (&Fact, Figure)> = BTreeMap::new();
        let facts = found
            .units
            .iter()
            .filter(|(u, _)| unit.is_none_or(|want| want == u.as_str()))
            .flat_map(|(_, facts)| facts);
        for fact in facts {
            let figure = match figure(concept, fact) {
                Ok(figure) => figure,
                Err(why) => {
                    self.notice(format!(
                        "{concept} for the period ending {}{}: {why}; that fact is left out",
                        one_line(&fact.end),
                        accession(&fact.accn)
                    ));
                    continue;
                }
            };
            let key = (figure.start, figure.end);
            if let Some((_, kept)) = latest.get(&key) {
                if kept.accn == figure.accn && kept.value != figure.value {
                    self.notice(format!(
                        "{concept} for the period ending {}: filing {} gives two values, {} and \
                         {}; the later in the file, {}, is used",
                        figure.end,
                        one_line(&figure.accn),
                        kept.value,
                        figure.value,
                        figure.value
                    ));
                }
            }
            let newer = latest
                .get(&key)
                .is_none_or(|(kept, _)| fact.filed.as_deref() >= kept.filed.as_deref());
            if newer {
                latest.insert(key, (fact, figure));
            }
        }
        latest.into_values().map(|(_, figure)| figure).collect()
    }

    fn notice(&self, text: String) {
        self.notices.borrow_mut().insert(text);
    }

    /// What was left out or chosen while reading, in a stable order.
    pub fn notices(&self) -> Vec<String> {
        self.notices.borrow().iter().cloned().collect()
    }

    /// The currency the company reports in: the unit most of its revenue facts use.
    pub fn currency(&self, revenue_concepts: &[&str]) -> Option<String> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for concept in revenue_concepts {
            let Some((taxonomy, name)) = concept.split_once(':') else {
                continue;
            };
            let Some(found) = self.facts.get(taxonomy).and_then(|c| c.get(name)) else {
                continue;
            };
            for (unit, facts) in &found.units {
                let is_currency = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
                if is_currency {
                    *counts.entry(unit.as_str()).or_default() += facts.len();
                }
            }
        }
        let chosen = counts
            .iter()
            .max_by_key(|(_, count)| **count)
            .map(|(unit, _)| unit.to_string())?;
        for (unit, count) in counts
            .iter()
            .filter(|(unit, count)| **unit != chosen && **count > 0)
        {
            let facts = if *count == 1 { "fact" } else { "facts" };
            self.notice(format!(
                "{count} revenue {facts} in {} left out: the company reports most of its \
                 revenue in {chosen}, and the import is in {chosen}",
                one_line(unit)
            ));
        }
        Some(chosen)
    }

    /// The CIK as the SEC writes it in file names: ten digits.
    pub fn cik(&self) -> Option<String> {
        let digits = match self.cik.as_ref()? {
            serde_json::Value::String(text) => text.trim().to_string(),
            serde_json::Value::Number(number) => number.to_string(),
            _ => return None,
        };
        digits
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| format!("{digits:0>10}"))
    }
}

/// One fact as a figure, or why it cannot be one.
fn figure(concept: &str, fact: &Fact) -> Result<Figure, String> {
    let date = |text: &str| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| format!("the date \"{}\" is not YYYY-MM-DD", one_line(text)))
    };
    let end = date(&fact.end)?;
    let start = match &fact.start {
        Some(text) => Some(date(text)?),
        None => None,
    };
    if let Some(start) = start.filter(|start| *start > end) {
        return Err(format!("it starts ({start}) after it ends"));
    }
    let written = fact.val.to_string();
    let value = parse_decimal(&written).map_err(|_| {
        format!(
            "the value {} cannot be held exactly (beyond about ±7.9 × 10^28, or more than 28 \
             decimal places)",
            one_line(&written)
        )
    })?;
    Ok(Figure {
        concept: concept.to_string(),
        value,
        accn: one_line(&fact.accn),
        start,
        end,
        filed: fact.filed.clone(),
    })
}

/// Text from the JSON made fit for one line of a comment: every control character (a line
/// break could start a live TOML line) becomes a space, and the length is bounded.
pub fn one_line(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(200)
        .collect();
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn accession(accn: &str) -> String {
    if accn.is_empty() {
        String::new()
    } else {
        format!(" (filing {})", one_line(accn))
    }
}

#[cfg(test)]
#[path = "facts_tests.rs"]
mod tests;
