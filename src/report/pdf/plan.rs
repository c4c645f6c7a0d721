//! The headcount plan's figures as text for the PDF, as the HTML brief prints them.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::format;

/// The plan's figures as the HTML brief prints them.
#[derive(Debug, Serialize)]
pub struct PlanText {
    start_headcount: Option<String>,
    attrition: String,
    hires_per_year: String,
    target_headcount: String,
    years_to_target: Option<String>,
    steady_state_headcount: Option<String>,
    people_not_replaced: Option<String>,
    payroll_saved_per_year: Option<String>,
    loaded_cost_per_employee: Option<String>,
    reinvest: Option<String>,
    pay_rise: Option<String>,
    scenarios: Vec<ScenarioText>,
    unavailable: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ScenarioText {
    name: &'static str,
    attrition: String,
    reached: bool,
    months_to_target: Option<u32>,
    after_12_months: String,
    after_24_months: String,
}

fn people(value: Decimal) -> String {
    format::grouped(value, 0)
}

fn people_f64(value: f64) -> String {
    Decimal::from_f64(value).map_or_else(|| "n/a".to_string(), people)
}

pub fn plan_text(plan: &crate::plan::HeadcountPlan, currency: &str) -> PlanText {
    let pct = |share: Decimal| format::pct(format::to_f64(share) * 100.0, false);
    let money = |amount: Decimal| format::money_precise(format::to_f64(amount), currency);
    PlanText {
        start_headcount: plan.start_headcount.map(|h| people(h.0)),
        attrition: pct(plan.annual_attrition.0),
        hires_per_year: people(plan.hires_per_year.0),
        target_headcount: people(plan.target_headcount.0),
        years_to_target: plan
            .years_to_target
            .filter(|y| y.is_finite())
            .map(format::years),
        steady_state_headcount: plan.steady_state_headcount.map(people_f64),
        people_not_replaced: plan.people_not_replaced.map(|p| people(p.0)),
        payroll_saved_per_year: plan.payroll_saved_per_year.map(|m| money(m.0)),
        loaded_cost_per_employee: plan.loaded_cost_per_employee.map(|m| money(m.0)),
        reinvest: plan.reinvest_share.map(|s| pct(s.0)),
        pay_rise: plan.pay_rise_pct.map(|p| format::pct(p, false)),
        scenarios: plan
            .scenarios
            .iter()
            .map(|s| ScenarioText {
                name: s.name,
                attrition: pct(s.annual_attrition.0),
                reached: s.reached,
                months_to_target: s.months_to_target,
                after_12_months: people_f64(s.headcount_after_12_months),
                after_24_months: people_f64(s.headcount_after_24_months),
            })
            .collect(),
        unavailable: plan
            .unavailable
            .iter()
            .map(|(key, reason)| format!("{}: n/a, {reason}", key.replace('_', " ")))
            .collect(),
    }
}
