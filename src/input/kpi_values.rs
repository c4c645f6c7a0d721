//! A company's `[period.values]`: the unit declared for each name, and each period's values
//! read in it.

use rust_decimal::Decimal;

use super::super::raw::{Amount, RawValue};
use super::super::{LineMap, Scale};
use super::definitions::is_key;
use super::ValueUnit;
use crate::diagnostic::{did_you_mean, InputError};

/// The units declared for the values (`[values.<name>] unit = ...`), each name checked
/// against the names the periods give.
pub(in crate::input) fn value_units(
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
        let written = value.unit.unwrap_or_else(|| String::from("money"));
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

/// A period's `[period.values]`: money scaled to full units like every amount, other units
/// (counts, people, percentages) as written.
pub(in crate::input) fn values(
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
