//! The `[[kpi]]` tables and the `[[readiness.kpi]]` thresholds, validated: keys, names, units,
//! polarities and formulas.

use rust_decimal::Decimal;

use super::super::formula::{self, Expr};
use super::super::locate::{FieldPath, Locate, Table};
use super::super::raw::{RawKpi, RawKpiThreshold};
use super::{Kpi, KpiThreshold, KpiUnit, MAX_KPIS, POLARITIES};
use crate::diagnostic::{did_you_mean, InputError};

/// Whether `text` is a key: lower-case letters, digits and `_`, starting with a letter.
pub(super) fn is_key(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && text.len() <= 64
}

pub(in crate::input) fn thresholds(
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
pub(in crate::input) fn definitions(
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
        if let Some(problem) = super::super::names::name_problem(&name) {
            return Err(error("name", format!("the KPI name {problem}"))
                .with_help("name the KPI in a few words; explain it in definition"));
        }
        let unit_name = required(table.unit, "unit", "\"money\"")?;
        let unit = kpi_unit(&unit_name, &error)?;
        let polarity_name = table.polarity.unwrap_or_else(|| "neutral".to_string());
        let polarity = polarity(&polarity_name, &error)?;
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

/// A KPI's unit by its name, with the closest name when it is none.
fn kpi_unit(
    unit_name: &str,
    error: &dyn Fn(&str, String) -> InputError,
) -> Result<KpiUnit, InputError> {
    KpiUnit::parse(unit_name.trim()).ok_or_else(|| {
        let hint = did_you_mean(unit_name, KpiUnit::NAMES.iter().copied())
            .map(|c| format!("did you mean \"{c}\"? "))
            .unwrap_or_default();
        error("unit", format!("unknown KPI unit \"{unit_name}\"")).with_help(format!(
            "{hint}a unit is one of {}",
            KpiUnit::NAMES.join(", ")
        ))
    })
}

/// A KPI's polarity by its name (one of [`POLARITIES`]), with the closest name when it is none.
fn polarity(
    polarity_name: &str,
    error: &dyn Fn(&str, String) -> InputError,
) -> Result<&'static str, InputError> {
    POLARITIES
        .iter()
        .copied()
        .find(|p| *p == polarity_name.trim())
        .ok_or_else(|| {
            let hint = did_you_mean(polarity_name, POLARITIES.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            error("polarity", format!("unknown polarity \"{polarity_name}\"")).with_help(format!(
                "{hint}a polarity is up_good (a rise is good news), down_good or neutral"
            ))
        })
}
