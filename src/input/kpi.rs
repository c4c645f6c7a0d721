//! Company KPIs as the input defines them: `[[kpi]]` tables (key, name, unit, polarity,
//! formula, definition), the operating figures of each period (`[period.values]`) with the
//! unit each is declared in once (`[values.<name>] unit = "number"`, money by default) and the
//! `[[readiness.kpi]]` thresholds. Formulas are parsed here (`formula.rs`); what their names
//! refer to, cycles and units are checked against the metrics (`metrics/kpi`).

use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use super::formula::Expr;
use crate::diagnostic::{InputError, Location};

#[path = "kpi_definitions.rs"]
mod definitions;
#[path = "kpi_values.rs"]
mod values;

pub(super) use definitions::{definitions, thresholds};
pub(super) use values::{value_units, values};

/// What a KPI measures, which decides how it is shown and what its formula must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiUnit {
    /// Money over the period, in the company's currency.
    Money,
    /// A share in percent (the formula multiplies by 100 itself).
    Pct,
    /// A multiple.
    Ratio,
    /// People.
    People,
    /// A plain number (a count, an index).
    Number,
    /// Money per unit of a count (revenue per customer: money ÷ a `number` value, or ÷
    /// people), in full currency units, not the company's scale.
    MoneyPerUnit,
}

impl KpiUnit {
    pub const NAMES: [&'static str; 6] = [
        "money",
        "pct",
        "ratio",
        "people",
        "number",
        "money_per_unit",
    ];

    fn parse(name: &str) -> Option<KpiUnit> {
        Some(match name {
            "money" => KpiUnit::Money,
            "pct" => KpiUnit::Pct,
            "ratio" => KpiUnit::Ratio,
            "people" => KpiUnit::People,
            "number" => KpiUnit::Number,
            "money_per_unit" => KpiUnit::MoneyPerUnit,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// What a `[period.values]` name measures, declared once for the file: money (the default,
/// in the company's scale like every amount), a count, people, or a percentage written as
/// percent (12.5 for 12.5%). Only money is scaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueUnit {
    #[default]
    Money,
    Number,
    People,
    Percent,
}

impl ValueUnit {
    pub const NAMES: [&'static str; 4] = ["money", "number", "people", "percent"];

    fn parse(name: &str) -> Option<ValueUnit> {
        Some(match name {
            "money" => ValueUnit::Money,
            "number" => ValueUnit::Number,
            "people" => ValueUnit::People,
            "percent" => ValueUnit::Percent,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The polarities a KPI may have, as the metric catalogue names them.
pub const POLARITIES: [&str; 3] = ["up_good", "down_good", "neutral"];

/// One company KPI, validated; its formula parsed.
#[derive(Debug, Clone, Serialize)]
pub struct Kpi {
    /// The key in `metrics.json`'s `kpis` map and in formulas.
    pub key: String,
    pub name: String,
    pub unit: KpiUnit,
    /// `up_good`, `down_good` or `neutral`.
    pub polarity: &'static str,
    /// The formula as written.
    pub formula: String,
    /// The formula's tree.
    #[serde(skip)]
    pub expr: Expr,
    pub definition: Option<String>,
    /// The input file and where `formula = ...` is in it, for errors about the formula.
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub formula_location: Option<Location>,
    /// Where `key = ...` is, for errors about the key.
    #[serde(skip)]
    pub key_location: Option<Location>,
}

/// Most `[[kpi]]` tables an input may define: far beyond a real company's KPIs, and a
/// bound on the work of checking them (docs/input.md).
pub const MAX_KPIS: usize = 200;

impl Kpi {
    /// An error about the KPI's key, pointing at `key = ...`.
    pub fn key_error(&self, message: impl Into<String>) -> InputError {
        InputError::new(self.file.clone(), message).at(self.key_location.clone())
    }

    /// An error about the formula's bytes `at`, pointing at them in the file when the
    /// formula is written on one line as it reads, else at `formula = ...`.
    pub fn error(&self, at: Range<usize>, message: impl Into<String>) -> InputError {
        let location = point_into(self.formula_location.clone(), &self.formula, at);
        InputError::new(self.file.clone(), message).at(location)
    }
}

/// The location of bytes `at` of `formula`, from the location of `formula = "..."`.
fn point_into(base: Option<Location>, formula: &str, at: Range<usize>) -> Option<Location> {
    let Some(Location::Text {
        line, source_line, ..
    }) = &base
    else {
        return base;
    };
    let after_equals = source_line.find('=').map_or(0, |i| i + 1);
    let Some(found) = source_line[after_equals..].find(formula) else {
        return base;
    };
    let start = after_equals + found;
    let end = floor_char_boundary(formula, at.end);
    let begin = floor_char_boundary(formula, at.start.min(end));
    Some(Location::Text {
        line: *line,
        column: source_line[..start].chars().count() + formula[..begin].chars().count() + 1,
        source_line: source_line.clone(),
        width: formula[begin..end].chars().count().max(1),
    })
}

/// The largest character boundary of `text` at or before byte `at`, so that a range from
/// anywhere never slices a character in two.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A `[[readiness.kpi]]` threshold: the KPI's latest value must be at least `min` and at most
/// `max` (either may be left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiThreshold {
    pub key: String,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    /// Where it is written, for an error naming an unknown KPI.
    #[serde(skip)]
    pub location: Option<Location>,
}
