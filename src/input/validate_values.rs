//! What a `[values.<name>]` table says of a value besides its unit: the name every output
//! shows it by (`name = "Product revenue"`), and whether it is the top line the company guides
//! on (`top_line = true`: Snowflake guides product revenue, not revenue), which plan against
//! actual then judges where a period has no revenue guidance. Also the names declared for
//! non-GAAP adjustments (`[adjustments.<name>] name = "Share-based payments"`).

use std::collections::BTreeMap;

use super::super::locate::{FieldPath, Table};
use super::super::names::name_problem;
use super::super::raw::RawInput;
use super::Checker;
use crate::diagnostic::InputError;

/// The names declared for values, and the value that is the guided top line.
#[derive(Debug, Default)]
pub(super) struct ValueLabels {
    pub names: BTreeMap<String, String>,
    pub top_line: Option<String>,
}

pub(super) fn value_labels(raw: &RawInput, check: &Checker) -> Result<ValueLabels, InputError> {
    let at = |name: &str, key: &str| FieldPath::new(Table::Values, &[name, key]);
    let mut labels = ValueLabels::default();
    for (key, value) in &raw.values {
        if let Some(name) = value.name.as_deref().map(str::trim) {
            if let Some(problem) = name_problem(name) {
                return Err(check
                    .error(
                        at(key, "name"),
                        format!("the name of the value \"{key}\" {problem}"),
                    )
                    .with_help("write a short name, such as \"Product revenue\""));
            }
            labels.names.insert(key.clone(), name.to_string());
        }
        if value.top_line != Some(true) {
            continue;
        }
        let unit = value.unit.as_deref().map(str::trim).unwrap_or("money");
        if unit != "money" {
            return Err(check
                .error(
                    at(key, "top_line"),
                    format!("the value \"{key}\" is a guided top line, but its unit is {unit}"),
                )
                .with_help("a top line is money: remove top_line, or the unit"));
        }
        if let Some(first) = &labels.top_line {
            return Err(check
                .error(
                    at(key, "top_line"),
                    format!("\"{first}\" is already the guided top line; a company has one"),
                )
                .with_help(format!(
                    "keep top_line = true on one value: \"{first}\" or \"{key}\""
                )));
        }
        labels.top_line = Some(key.clone());
    }
    Ok(labels)
}

/// The names declared for `[period.adjustments]` items, each for an item some period gives.
pub(super) fn adjustment_names(
    raw: &RawInput,
    check: &Checker,
) -> Result<BTreeMap<String, String>, InputError> {
    let mut given: Vec<&str> = (raw.periods.iter())
        .flat_map(|p| p.adjustments.keys().map(String::as_str))
        .collect();
    given.sort_unstable();
    given.dedup();
    let mut names = BTreeMap::new();
    for (key, declared) in &raw.adjustments {
        let at = || FieldPath::new(Table::Adjustments, &[key, "name"]);
        if !given.contains(&key.as_str()) {
            let hint = crate::diagnostic::did_you_mean(key, given.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            return Err(check
                .error(
                    at(),
                    format!(
                        "a name is declared for the adjustment \"{key}\", which no period gives"
                    ),
                )
                .with_help(format!(
                    "{hint}declare the name of an item a [period.adjustments] table gives"
                )));
        }
        let Some(name) = declared.name.as_deref().map(str::trim) else {
            continue;
        };
        if let Some(problem) = name_problem(name) {
            return Err(check
                .error(
                    at(),
                    format!("the name of the adjustment \"{key}\" {problem}"),
                )
                .with_help("write a short name, such as \"Share-based payments\""));
        }
        names.insert(key.clone(), name.to_string());
    }
    Ok(names)
}
