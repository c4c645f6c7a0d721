//! Validating `[period.guidance]`: every key a figure of the period (else "did you mean"), each
//! range low end first, `given` a date; money scaled to full units.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::super::locate::{FieldPath, Table};
use super::super::plan_actual::{Guidance, GuidanceRange};
use super::super::raw::Amount;
use super::super::raw_guidance::RawGuidance;
use super::super::Scale;
use super::super::{Table as FigureTable, FIGURES};
use super::checker::Checker;
use crate::diagnostic::{did_you_mean, InputError};

/// The keys a `[period.guidance]` table takes: `given` and the period's own figures.
static GUIDANCE_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("given")
        .chain(super::super::figures::keys(FigureTable::Period))
        .collect()
});

pub(super) fn guidance(
    raw: RawGuidance<Amount>,
    index: usize,
    scale: Scale,
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
        let figure = FIGURES
            .iter()
            .find(|f| f.key == key && f.table == FigureTable::Period);
        let Some(figure) = figure else {
            let hint = did_you_mean(&key, GUIDANCE_FIELDS.iter().copied())
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(check
                .error(at(&key), format!("unknown field `{key}`"))
                .with_help(format!(
                    "{hint}the fields allowed here are: {}",
                    GUIDANCE_FIELDS.join(", ")
                )));
        };
        let (low, high) = (range.low.0, range.high.0);
        if low > high {
            return Err(check
                .error(
                    at(&key),
                    format!(
                        "the guidance for {key} is [{low}, {high}]: its low end is above its \
                         high end"
                    ),
                )
                .with_help(format!("write the range low end first: [{high}, {low}]")));
        }
        let scaled = |v: Decimal| match figure.money {
            true => check.scaled(v, scale, || at(&key)),
            false => Ok(v),
        };
        ranges.push(GuidanceRange {
            key: figure.key,
            field: figure.field,
            low: scaled(low)?,
            high: scaled(high)?,
        });
    }
    Ok(Guidance {
        given: raw.given.map(|g| g.trim().to_string()),
        ranges,
    })
}
