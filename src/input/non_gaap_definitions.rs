//! The `[[non_gaap]]` tables, validated: each measure's key, name, GAAP base, the entries it
//! adds and subtracts (`non_gaap_operands.rs`), its kind and its purpose. An error points at
//! the field (file, line, column) and offers the name meant when one is close.

use super::locate::{FieldPath, Locate, Table};
use super::non_gaap_measure::{MeasureKind, NonGaapMeasure, Place};
use super::non_gaap_operands::{base, operands, Reading};
use super::raw_non_gaap::RawNonGaap;
use super::{Kpi, Period, FIGURES};
use crate::diagnostic::{did_you_mean, InputError};

/// The key of the built-in measure, which a company measure may not take.
pub const FREE_CASH_FLOW: &str = "free_cash_flow";

/// The validated measures; `periods` give the adjustment names an entry may read, `kpis`
/// and the figures the keys a measure may not take.
pub fn definitions(
    raw: Vec<RawNonGaap>,
    periods: &[Period],
    kpis: &[Kpi],
    file: &str,
    locator: &dyn Locate,
) -> Result<Vec<NonGaapMeasure>, InputError> {
    let mut given: Vec<&str> = periods
        .iter()
        .flat_map(|p| p.non_gaap.adjustments.keys().map(String::as_str))
        .collect();
    given.sort_unstable();
    given.dedup();
    let reading = Reading {
        file,
        locator,
        given,
        kpis,
    };
    let mut measures: Vec<NonGaapMeasure> = Vec::with_capacity(raw.len());
    for (index, table) in raw.into_iter().enumerate() {
        let measure = one(table, index, &reading, &measures)?;
        measures.push(measure);
    }
    reported_keys(periods, &measures, file)?;
    Ok(measures)
}

/// Refuses a `[period.reported]` figure of no measure: it would be reconciled with nothing.
fn reported_keys(
    periods: &[Period],
    measures: &[NonGaapMeasure],
    file: &str,
) -> Result<(), InputError> {
    let keys: Vec<&str> = std::iter::once(FREE_CASH_FLOW)
        .chain(measures.iter().map(|m| m.key.as_str()))
        .collect();
    for period in periods {
        let Some(key) = period
            .non_gaap
            .reported
            .keys()
            .find(|k| !keys.contains(&k.as_str()))
        else {
            continue;
        };
        let hint = did_you_mean(key, keys.iter().copied())
            .map(|c| format!("did you mean \"{c}\"? "))
            .unwrap_or_default();
        let at = period
            .non_gaap
            .reported_at
            .get(key)
            .map(|p| p.location.clone());
        return Err(InputError::new(
            file,
            format!(
                "{} reports \"{key}\", which is no measure's key",
                period.label
            ),
        )
        .at(at)
        .with_help(format!(
            "{hint}[period.reported] gives the figures of the [[non_gaap]] measures by key, \
             and free_cash_flow"
        )));
    }
    Ok(())
}

/// The `index`-th measure, checked against the ones before it.
fn one(
    table: RawNonGaap,
    index: usize,
    reading: &Reading,
    before: &[NonGaapMeasure],
) -> Result<NonGaapMeasure, InputError> {
    let error = |key: &str, message: String| reading.error(index, &[key], message);
    let required = |value: Option<String>, key: &str, example: &str| {
        value.filter(|v| !v.trim().is_empty()).ok_or_else(|| {
            error(key, format!("the [[non_gaap]] table has no {key}"))
                .with_help(format!("add {key} = {example}"))
        })
    };
    let key = required(table.key, "key", "\"adjusted_ebitda\"")?;
    let clash = if before.iter().any(|m| m.key == key) {
        Some("another measure's key")
    } else if reading.kpis.iter().any(|k| k.key == key) {
        Some("a KPI's key")
    } else if key == FREE_CASH_FLOW || FIGURES.iter().any(|f| f.key == key) {
        Some("a built-in figure")
    } else {
        None
    };
    if let Some(what) = clash {
        return Err(error("key", format!("the measure key \"{key}\" is {what}"))
            .with_help("give each measure a key of its own, such as adjusted_ebitda"));
    }
    let name = required(table.name, "name", "\"Adjusted EBITDA\"")?;
    let base_text = required(table.base, "base", "\"net_income\"")?;
    let base = base(&base_text).map_err(|help| {
        let message = format!("\"{base_text}\" is not a GAAP measure a reconciliation starts from");
        error("base", message).with_help(help)
    })?;
    let kind = MeasureKind::read(table.kind.as_deref(), &key)
        .map_err(|(message, help)| error("kind", message).with_help(help))?;
    let per_share = table.per_share.unwrap_or(false);
    if per_share && kind == MeasureKind::Liquidity {
        return Err(error(
            "per_share",
            format!("the liquidity measure \"{key}\" may not be shown per share"),
        )
        .with_help(
            "the SEC staff does not accept a per-share liquidity measure (Non-GAAP C&DI \
             102.05); drop per_share, or show the measure in total",
        ));
    }
    let add = operands(table.add, "add", base, index, reading)?;
    let subtract = operands(table.subtract, "subtract", base, index, reading)?;
    if let Some(both) = add.iter().find(|o| subtract.contains(o)) {
        let message = format!("\"{}\" is both added and subtracted", both.written());
        return Err(error("subtract", message).with_help("list it in add or in subtract, not both"));
    }
    let key_location = reading
        .locator
        .locate(&FieldPath::new(Table::NonGaap(index), &["key"]));
    Ok(NonGaapMeasure {
        at: key_location.as_ref().map(|l| Place::of(l, reading.file)),
        key,
        name,
        base,
        add,
        subtract,
        kind,
        why: table.why.filter(|w| !w.trim().is_empty()),
        per_share,
        file: reading.file.to_string(),
        key_location,
    })
}
