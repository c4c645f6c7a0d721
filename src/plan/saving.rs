//! What the plan saves in payroll and the pay rise the saving could fund.

use rust_decimal::Decimal;

use crate::input::Plan;
use crate::metrics::Metrics;
use crate::money::{percent, to_cents};
use crate::period::PeriodLabel;

/// The loaded cost per employee of the latest period that has one, or why there is none.
pub(super) fn latest_loaded_cost(metrics: &Metrics) -> Result<(PeriodLabel, Decimal), String> {
    if let Some(found) = metrics
        .periods
        .iter()
        .rev()
        .find_map(|p| Some((p.label, p.loaded_cost_per_employee?.0)))
    {
        return Ok(found);
    }
    match metrics
        .periods
        .iter()
        .rev()
        .find(|p| p.personnel_cost.is_some())
    {
        None => Err("no personnel_cost in any period".to_string()),
        Some(period) => Err(format!(
            "{}: {}",
            period.label,
            period
                .unavailable
                .reason("loaded_cost_per_employee")
                .unwrap_or_else(|| "not computable".to_string())
        )),
    }
}

pub(super) fn payroll_saving(
    people: Option<Decimal>,
    loaded_cost: Option<Decimal>,
) -> Result<Decimal, String> {
    let people = people.ok_or("no people_not_replaced (the target is not reached)")?;
    let cost = loaded_cost.ok_or("no loaded_cost_per_employee (see its reason)")?;
    cost.checked_mul(people)
        .map(to_cents)
        .ok_or_else(|| "the saving is too large".to_string())
}

pub(super) fn pay_rise(
    plan: &Plan,
    saving: Option<Decimal>,
    loaded_cost: Option<Decimal>,
) -> Result<f64, String> {
    let share = plan.reinvest_share.ok_or("no reinvest_share in [plan]")?;
    let saving = saving.ok_or("no payroll_saved_per_year (see its reason)")?;
    let cost = loaded_cost.ok_or("no loaded_cost_per_employee (see its reason)")?;
    let reinvested = share.checked_mul(saving).ok_or("the saving is too large")?;
    let payroll_at_target = plan
        .target_headcount
        .checked_mul(cost)
        .ok_or("the payroll is too large")?;
    percent(reinvested, payroll_at_target).ok_or_else(|| match payroll_at_target.is_zero() {
        true => "the payroll at target (target x loaded cost) is zero".to_string(),
        false => "the pay rise is too large to represent exactly".to_string(),
    })
}
