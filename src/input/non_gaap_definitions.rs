//! The `[[non_gaap]]` tables, validated: each measure's key, name, GAAP base, the entries it
//! adds and subtracts, its kind and its purpose. An error points at the field (file, line,
//! column) and offers the name meant when one is close.

use super::locate::{FieldPath, Locate, Table};
use super::non_gaap::{MeasureKind, NonGaapMeasure, Operand};
use super::raw_non_gaap::RawNonGaap;
use super::{Field, Kpi, Period, FIGURES};
use crate::diagnostic::{did_you_mean, InputError};

/// The GAAP measures a non-GAAP one may start from: the statement figures a reconciliation
/// begins with (Regulation G: "the most directly comparable" GAAP measure).
pub const BASES: [Field; 4] = [
    Field::NetIncome,
    Field::OperatingIncome,
    Field::OperatingCashFlow,
    Field::Revenue,
];

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
    let mut measures: Vec<NonGaapMeasure> = Vec::with_capacity(raw.len());
    for (index, table) in raw.into_iter().enumerate() {
        let path = |keys: &[&str]| FieldPath::new(Table::NonGaap(index), keys);
        let error = |key: &str, message: String| {
            InputError::new(file, message).at(locator.locate(&path(&[key])))
        };
        let required = |value: Option<String>, key: &str, example: &str| {
            value.filter(|v| !v.trim().is_empty()).ok_or_else(|| {
                error(key, format!("the [[non_gaap]] table has no {key}"))
                    .with_help(format!("add {key} = {example}"))
            })
        };
        let key = required(table.key, "key", "\"adjusted_ebitda\"")?;
        let clash = if measures.iter().any(|m| m.key == key) {
            Some("another measure's key")
        } else if kpis.iter().any(|k| k.key == key) {
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
            error(
                "base",
                format!("\"{base_text}\" is not a GAAP measure a reconciliation starts from"),
            )
            .with_help(help)
        })?;
        let kind = match table.kind.as_deref().map(str::trim) {
            Some("performance") => MeasureKind::Performance,
            Some("liquidity") => MeasureKind::Liquidity,
            other => {
                let hint = other
                    .and_then(|k| did_you_mean(k, ["performance", "liquidity"]))
                    .map(|c| format!("did you mean \"{c}\"? "))
                    .unwrap_or_default();
                return Err(error("kind", format!("the measure \"{key}\" needs kind = \"performance\" or \"liquidity\", found {}", other.map_or("none".to_string(), |k| format!("\"{k}\""))))
                    .with_help(format!("{hint}a performance measure adjusts results (adjusted EBITDA); a liquidity measure adjusts cash (free cash flow)")));
            }
        };
        let per_share = table.per_share.unwrap_or(false);
        if per_share && kind == MeasureKind::Liquidity {
            return Err(error("per_share", format!("the liquidity measure \"{key}\" may not be shown per share"))
                .with_help("the SEC staff does not accept a per-share liquidity measure (Non-GAAP C&DI 102.05); drop per_share, or show the measure in total"));
        }
        let operands = |list: Vec<String>, field: &str| -> Result<Vec<Operand>, InputError> {
            let mut read: Vec<Operand> = Vec::with_capacity(list.len());
            for (at, written) in list.iter().enumerate() {
                let item_error = |message: String| {
                    InputError::new(file, message).at(locator.locate(&FieldPath::item(
                        Table::NonGaap(index),
                        &[field],
                        at,
                    )))
                };
                let operand = operand(written.trim(), base, &given)
                    .map_err(|(message, help)| item_error(message).with_help(help))?;
                if read.contains(&operand) {
                    return Err(item_error(format!("\"{written}\" is listed twice"))
                        .with_help("list each item once"));
                }
                read.push(operand);
            }
            Ok(read)
        };
        let add = operands(table.add, "add")?;
        let subtract = operands(table.subtract, "subtract")?;
        if let Some(both) = add.iter().find(|o| subtract.contains(o)) {
            return Err(error(
                "subtract",
                format!("\"{}\" is both added and subtracted", both.written()),
            )
            .with_help("list it in add or in subtract, not both"));
        }
        let key_location = locator.locate(&path(&["key"]));
        measures.push(NonGaapMeasure {
            at: key_location
                .as_ref()
                .map(|l| super::non_gaap::Place::of(l, file)),
            key,
            name,
            base,
            add,
            subtract,
            kind,
            why: table.why.filter(|w| !w.trim().is_empty()),
            per_share,
            file: file.to_string(),
            key_location,
        });
    }
    Ok(measures)
}

/// The base named `written`, or the help for a name that is none.
fn base(written: &str) -> Result<Field, String> {
    if let Some(base) = BASES.iter().find(|b| b.figure().key == written) {
        return Ok(*base);
    }
    let names = BASES.map(|b| b.figure().key);
    let hint = did_you_mean(written, names)
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    Err(format!(
        "{hint}the base is the GAAP measure the adjusted one is reconciled from: one of {}",
        names.join(", ")
    ))
}

/// An entry of `add` or `subtract`: a statement figure (not the base, not an adjusted one) or
/// `adjustments.<name>` for a name some period gives; else the message and its help.
fn operand(written: &str, base: Field, given: &[&str]) -> Result<Operand, (String, String)> {
    if let Some(name) = written.strip_prefix("adjustments.") {
        if given.contains(&name) {
            return Ok(Operand::Adjustment(name.to_string()));
        }
        let hint = did_you_mean(name, given.iter().copied())
            .map(|c| format!("did you mean \"adjustments.{c}\"? "))
            .unwrap_or_default();
        return Err((
            format!("no period gives the adjustment \"{name}\""),
            format!("{hint}name an item of a [period.adjustments] table"),
        ));
    }
    let figures = || {
        FIGURES.iter().filter(|f| {
            f.money
                && f.table == super::Table::Period
                && f.field != base
                && f.field != Field::AdjustedOperatingIncome
        })
    };
    if let Some(figure) = figures().find(|f| f.key == written) {
        return Ok(Operand::Figure(figure.field));
    }
    let names: Vec<String> = figures()
        .map(|f| f.key.to_string())
        .chain(given.iter().map(|g| format!("adjustments.{g}")))
        .collect();
    let hint = did_you_mean(written, names.iter().map(String::as_str))
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    Err((
        format!("\"{written}\" is neither a statement figure nor an adjustment"),
        format!("{hint}an item is a statement figure (interest_expense) or adjustments.<name>"),
    ))
}
