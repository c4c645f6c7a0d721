//! The headcount `[plan]` table: a target, an attrition share, hires and a reinvested share.

use rust_decimal::Decimal;

use super::super::locate::{FieldPath, Table};
use super::super::raw::{Amount, RawPlan};
use super::super::Plan;
use super::checker::Checker;
use crate::diagnostic::InputError;

pub(super) fn plan(raw: RawPlan, check: &Checker) -> Result<Plan, InputError> {
    let at = |key: &str| FieldPath::new(Table::Plan, &[key]);
    let required = |value: Option<Amount>, key: &str, example: &str| {
        value.map(|a| a.0).ok_or_else(|| {
            check
                .error(at(key), format!("the plan has no {key}"))
                .with_help(format!("add {key} = {example} to the [plan] table"))
        })
    };
    let target_headcount = required(raw.target_headcount, "target_headcount", "2000")?;
    let annual_attrition = required(raw.annual_attrition, "annual_attrition", "0.2")?;
    let hires_per_year = raw.hires_per_year.map_or(Decimal::ZERO, |a| a.0);
    let share = |value: Decimal, key: &str, allow_one: bool| {
        let ok = value >= Decimal::ZERO
            && (value < Decimal::ONE || (allow_one && value == Decimal::ONE));
        if ok {
            Ok(value)
        } else {
            Err(check
                .error(
                    at(key),
                    format!("{key} must be a share between 0 and 1, found {value}"),
                )
                .with_help("write 20% as 0.2"))
        }
    };
    let annual_attrition = share(annual_attrition, "annual_attrition", false)?;
    let reinvest_share = raw
        .reinvest_share
        .map(|a| share(a.0, "reinvest_share", true))
        .transpose()?;
    for (key, value) in [
        ("target_headcount", target_headcount),
        ("hires_per_year", hires_per_year),
    ] {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(check.error(
                at(key),
                format!("{key} must not be negative, found {value}"),
            ));
        }
    }
    Ok(Plan {
        target_headcount,
        annual_attrition,
        hires_per_year,
        reinvest_share,
    })
}
