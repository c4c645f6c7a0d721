//! Validating `[period.guidance]`: every key a figure of the period (else "did you mean"), each
//! range low end first, `given` a date; money scaled to full units.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::super::locate::{FieldPath, Table};
use super::super::plan_actual::{Guidance, GuidanceRange, Guided};
use super::super::raw::Amount;
use super::super::raw_guidance::RawGuidance;
use super::super::{Scale, ValueUnit};
use super::super::{Table as FigureTable, FIGURES};
use super::checker::Checker;
use crate::diagnostic::{did_you_mean, InputError};

/// The keys a `[period.guidance]` table takes: `given` and the period's own figures.
static GUIDANCE_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("given")
        .chain(super::super::figures::keys(FigureTable::Period))
        .collect()
});

/// The `[period.values]` names the periods give, and their units: what
/// `[period.guidance.values]` may name.
pub(super) struct GuidedValues<'a> {
    pub names: Vec<&'a str>,
    pub units: &'a std::collections::BTreeMap<String, ValueUnit>,
}

pub(super) fn guidance(
    raw: RawGuidance<Amount>,
    index: usize,
    scale: Scale,
    values: &GuidedValues,
    check: &Checker,
) -> Result<Guidance, InputError> {
    let at = |key: &str| FieldPath::new(Table::Period(index), &["guidance", key]);
    if let Some(given) = &raw.given {
        if chrono::NaiveDate::parse_from_str(given.trim(), "%Y-%m-%d").is_err() {
            return Err(check
                .error(at("given"), format!("`given` is not a date: \"{given}\""))
                .with_help("write the day the guidance was given as YYYY-MM-DD: \"2025-07-20\""));
        }
    }
    let mut ranges = Vec::new();
    for (key, range) in raw.ranges {
        let path: Vec<&str> = match key.strip_prefix("values.") {
            Some(name) => vec!["guidance", "values", name],
            None => vec!["guidance", &key],
        };
        let at = || FieldPath::new(Table::Period(index), &path);
        let (figure, money) = guided(&key, values).map_err(|help| {
            check
                .error(at(), format!("unknown field `{key}`"))
                .with_help(help)
        })?;
        let (low, high) = (range.low.0, range.high.0);
        if low > high {
            return Err(check
                .error(
                    at(),
                    format!(
                        "the guidance for {key} is [{low}, {high}]: its low end is above its \
                         high end"
                    ),
                )
                .with_help(format!("write the range low end first: [{high}, {low}]")));
        }
        let scaled = |v: Decimal| match money {
            true => check.scaled(v, scale, at),
            false => Ok(v),
        };
        ranges.push(GuidanceRange {
            low: scaled(low)?,
            high: scaled(high)?,
            key,
            figure,
            money,
        });
    }
    Ok(Guidance {
        given: raw.given.map(|g| g.trim().to_string()),
        ranges,
    })
}

/// What `key` guides and whether it is money, or the help for an unknown key.
fn guided(key: &str, values: &GuidedValues) -> Result<(Guided, bool), String> {
    if let Some(name) = key.strip_prefix("values.") {
        if values.names.contains(&name) {
            let money = values.units.get(name).copied().unwrap_or_default() == ValueUnit::Money;
            return Ok((Guided::Value(name.to_string()), money));
        }
        let hint = did_you_mean(name, values.names.iter().copied())
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        return Err(format!(
            "{hint}[period.guidance.values] names a value the periods give in [period.values]{}",
            match values.names.is_empty() {
                true => String::from(" (no period gives one)"),
                false => format!(": {}", values.names.join(", ")),
            }
        ));
    }
    let figure = FIGURES
        .iter()
        .find(|f| f.key == key && f.table == FigureTable::Period);
    match figure {
        Some(figure) => Ok((Guided::Figure(figure.field), figure.money)),
        None => {
            let hint = did_you_mean(key, GUIDANCE_FIELDS.iter().copied())
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            Err(format!(
                "{hint}the fields allowed here are: {} (and [period.guidance.values] for a \
                 [period.values] figure)",
                GUIDANCE_FIELDS.join(", ")
            ))
        }
    }
}
