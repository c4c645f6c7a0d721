//! Company KPIs as the input defines them: `[[kpi]]` tables (key, name, unit, polarity,
//! formula, definition), the operating figures of each period (`[period.values]`) with the
//! unit each is declared in once (`[values.<name>] unit = "number"`, money by default) and the
//! `[[readiness.kpi]]` thresholds. Formulas are parsed here (`formula.rs`); what their names
//! refer to, cycles and units are checked against the metrics (`metrics/kpi`).

use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use super::formula::{self, Expr};
use super::locate::{FieldPath, Locate, Table};
use super::raw::{Amount, RawKpi, RawKpiThreshold, RawValue};
use super::{LineMap, Scale};
use crate::diagnostic::{did_you_mean, InputError, Location};

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

/// The units declared for the values (`[values.<name>] unit = ...`), each name checked
/// against the names the periods give.
pub(super) fn value_units(
    raw: LineMap<RawValue>,
    given: &[&str],
    error: impl Fn(&str, String) -> InputError,
) -> Result<std::collections::BTreeMap<String, ValueUnit>, InputError> {
    let mut units = std::collections::BTreeMap::new();
    for (name, value) in raw {
        if !given.contains(&name.as_str()) {
            let hint = did_you_mean(&name, given.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            return Err(error(
                &name,
                format!("a unit is declared for the value \"{name}\", which no period gives"),
            )
            .with_help(format!(
                "{hint}declare the unit of a name the periods give ([values.<name>] in TOML, \
                 values.<name>.unit on a company sheet or in --company)"
            )));
        }
        let written = value.unit.unwrap_or_default();
        let unit = ValueUnit::parse(written.trim()).ok_or_else(|| {
            let hint = did_you_mean(&written, ValueUnit::NAMES.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            error(
                &name,
                format!("unknown unit \"{written}\" for the value \"{name}\""),
            )
            .with_help(format!(
                "{hint}a value's unit is one of {} (money, the default, is in the file's scale)",
                ValueUnit::NAMES.join(", ")
            ))
        })?;
        units.insert(name, unit);
    }
    Ok(units)
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

/// A period's `[period.values]`: money scaled to full units like every amount, other units
/// (counts, people, percentages) as written.
pub(super) fn values(
    raw: LineMap<Amount>,
    scale: Scale,
    units: &std::collections::BTreeMap<String, ValueUnit>,
    error: impl Fn(&str, String) -> InputError,
) -> Result<LineMap<Decimal>, InputError> {
    let mut values = LineMap::with_capacity_and_hasher(raw.len(), Default::default());
    for (name, Amount(value)) in raw {
        if !is_key(&name) {
            return Err(
                error(&name, format!("\"{name}\" is not a name a formula can use"))
                    .with_help("name a value in lower-case letters, digits and _, such as gmv"),
            );
        }
        let factor = match units.get(&name).copied().unwrap_or_default() {
            ValueUnit::Money => scale.factor(),
            _ => Decimal::ONE,
        };
        let scaled = value.checked_mul(factor).ok_or_else(|| {
            error(
                &name,
                format!("the value {value} is too large once scaled to full units"),
            )
        })?;
        values.insert(name, scaled);
    }
    Ok(values)
}

/// Whether `text` is a key: lower-case letters, digits and `_`, starting with a letter.
fn is_key(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && text.len() <= 64
}

pub(super) fn thresholds(
    raw: Vec<RawKpiThreshold>,
    locate: &dyn Fn(FieldPath) -> InputError,
) -> Result<Vec<KpiThreshold>, InputError> {
    raw.into_iter()
        .enumerate()
        .map(|(index, threshold)| {
            let at = |key: &str| FieldPath::new(Table::ReadinessKpi(index), &[key]);
            let location = locate(at("key")).location.map(|l| *l);
            let key = threshold
                .key
                .filter(|k| !k.trim().is_empty())
                .ok_or_else(|| {
                    let mut error = locate(at("key"));
                    error.message = "a [[readiness.kpi]] threshold has no key".to_string();
                    error.with_help("add key = \"<the [[kpi]] key>\" and min = or max =")
                })?;
            if threshold.min.is_none() && threshold.max.is_none() {
                let mut error = locate(at("key"));
                error.message = format!("the threshold on \"{key}\" has neither min nor max");
                return Err(error.with_help("add min = <number> or max = <number>"));
            }
            Ok(KpiThreshold {
                key,
                min: threshold.min.map(|a| a.0),
                max: threshold.max.map(|a| a.0),
                location,
            })
        })
        .collect()
}

/// The `[[kpi]]` tables, validated, formulas parsed.
pub(super) fn definitions(
    raw: Vec<RawKpi>,
    file: &str,
    locator: &dyn Locate,
) -> Result<Vec<Kpi>, InputError> {
    if raw.len() > MAX_KPIS {
        return Err(InputError::new(
            file,
            format!(
                "the input defines {} KPIs, more than the limit of {MAX_KPIS}",
                raw.len()
            ),
        )
        .at(locator.locate(&FieldPath::new(Table::Kpi(MAX_KPIS), &["key"])))
        .with_help("keep the KPIs the brief should show; the limit bounds the work of checking"));
    }
    let mut kpis: Vec<Kpi> = Vec::with_capacity(raw.len());
    let mut keys: foldhash::HashSet<String> = Default::default();
    for (index, table) in raw.into_iter().enumerate() {
        let at = |key: &str| FieldPath::new(Table::Kpi(index), &[key]);
        let error = |key: &str, message: String| {
            InputError::new(file, message).at(locator.locate(&at(key)))
        };
        let required = |value: Option<String>, key: &str, example: &str| {
            value.filter(|v| !v.trim().is_empty()).ok_or_else(|| {
                error(key, format!("the [[kpi]] table has no {key}"))
                    .with_help(format!("add {key} = {example}"))
            })
        };
        let key = required(table.key, "key", "\"transaction_margin\"")?;
        if !is_key(&key) {
            return Err(error("key", format!("the KPI key \"{key}\" is not a key"))
                .with_help("write it in lower-case letters, digits and _, such as take_rate"));
        }
        if !keys.insert(key.clone()) {
            return Err(error("key", format!("the KPI \"{key}\" is defined twice"))
                .with_help("give each [[kpi]] its own key"));
        }
        let name = required(table.name, "name", "\"Transaction margin dollars\"")?;
        if let Some(problem) = super::names::name_problem(&name) {
            return Err(error("name", format!("the KPI name {problem}"))
                .with_help("name the KPI in a few words; explain it in definition"));
        }
        let unit_name = required(table.unit, "unit", "\"money\"")?;
        let unit = KpiUnit::parse(unit_name.trim()).ok_or_else(|| {
            let hint = did_you_mean(&unit_name, KpiUnit::NAMES.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            error("unit", format!("unknown KPI unit \"{unit_name}\"")).with_help(format!(
                "{hint}a unit is one of {}",
                KpiUnit::NAMES.join(", ")
            ))
        })?;
        let polarity_name = table.polarity.unwrap_or_else(|| "neutral".to_string());
        let polarity = POLARITIES
            .iter()
            .copied()
            .find(|p| *p == polarity_name.trim())
            .ok_or_else(|| {
                let hint = did_you_mean(&polarity_name, POLARITIES.iter().copied())
                    .map(|c| format!("did you mean \"{c}\"? "))
                    .unwrap_or_default();
                error("polarity", format!("unknown polarity \"{polarity_name}\"")).with_help(
                    format!(
                        "{hint}a polarity is up_good (a rise is good news), down_good or neutral"
                    ),
                )
            })?;
        let formula_text = required(table.formula, "formula", "\"revenue - costs.funding\"")?;
        let formula_location = locator.locate(&at("formula"));
        let key_location = locator.locate(&at("key"));
        let mut kpi = Kpi {
            key,
            name,
            unit,
            polarity,
            formula: formula_text.clone(),
            expr: Expr::Number {
                value: Decimal::ZERO,
                at: 0..0,
            },
            definition: table.definition.filter(|d| !d.trim().is_empty()),
            file: file.to_string(),
            formula_location,
            key_location,
        };
        kpi.expr = formula::parse(&formula_text).map_err(|e| {
            kpi.error(
                e.at,
                format!("in the formula of KPI \"{}\": {}", kpi.key, e.message),
            )
            .with_help(
                "a formula uses numbers, + - * /, parentheses, period fields and metrics \
                     (revenue, opex), costs.<line>, values.<name>, other KPIs and prior(x)",
            )
        })?;
        kpis.push(kpi);
    }
    Ok(kpis)
}
