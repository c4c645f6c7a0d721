//! What a `[values.<name>]` table says of a value besides its unit: the name every output
//! shows it by (`name = "Product revenue"`), and whether it is the top line the company guides
//! on (`top_line = true`: Snowflake guides product revenue, not revenue), which plan against
//! actual then judges where a period has no revenue guidance.

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
