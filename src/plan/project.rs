//! The plan projected from the latest headcount, or only its inputs when no period has one.

use rust_decimal::Decimal;

use super::course::Course;
use super::months::{hundredths, month_label, period_end_month};
use super::saving::{latest_loaded_cost, pay_rise, payroll_saving};
use super::scenarios::scenarios;
use super::words::Reasons;
use super::{HeadcountPlan, PathPoint};
use crate::input::{CompanyInput, Plan};
use crate::metrics::Metrics;
use crate::money::Exact;
use crate::period::PeriodLabel;

/// Projects the `[plan]` table; `None` when the input has none.
pub fn project(input: &CompanyInput, metrics: &Metrics) -> Option<HeadcountPlan> {
    let plan = input.plan.as_ref()?;
    let mut na = Reasons::default();
    let start = input
        .periods
        .iter()
        .rev()
        .find_map(|p| p.headcount_end.map(|headcount| (p.label, headcount)));
    let (loaded_cost, loaded_cost_period) = match latest_loaded_cost(metrics) {
        Ok((label, cost)) => (Some(cost), Some(label)),
        Err(reason) => (na.take("loaded_cost_per_employee", Err(reason)), None),
    };
    let Some((start_period, start_headcount)) = start else {
        return Some(without_start(plan, loaded_cost, loaded_cost_period, na));
    };

    let course = Course::new(
        start_headcount,
        plan.annual_attrition,
        plan.hires_per_year,
        plan.target_headcount,
    );
    let path = dated_path(&course, metrics, start_period);
    let months_to_target = na.take("months_to_target", course.months_to_target());
    let years_to_target = na.take("years_to_target", course.years_to_target());
    let people_not_replaced = na.take(
        "people_not_replaced",
        if course.grows() {
            Err(format!(
                "the target of {} is above today's headcount of {}: the plan grows the team, so \
                 no one goes unreplaced and no payroll is saved",
                crate::format::grouped(plan.target_headcount, 1),
                crate::format::grouped(start_headcount, 1)
            ))
        } else {
            course
                .months_to_target()
                .map(|_| (start_headcount - plan.target_headcount).max(Decimal::ZERO))
        },
    );
    let saving = na.take(
        "payroll_saved_per_year",
        payroll_saving(people_not_replaced, loaded_cost),
    );
    let pay_rise_pct = na.take("pay_rise_pct", pay_rise(plan, saving, loaded_cost));

    Some(HeadcountPlan {
        start_period: Some(start_period),
        start_headcount: Some(Exact(start_headcount)),
        target_headcount: Exact(plan.target_headcount),
        annual_attrition: Exact(plan.annual_attrition),
        hires_per_year: Exact(plan.hires_per_year),
        reinvest_share: plan.reinvest_share.map(Exact),
        steady_state_headcount: course.steady_state().map(hundredths),
        reached: months_to_target.is_some(),
        months_to_target,
        years_to_target,
        path,
        people_not_replaced: people_not_replaced.map(Exact),
        loaded_cost_per_employee: loaded_cost.map(Exact),
        loaded_cost_period,
        payroll_saved_per_year: saving.map(Exact),
        pay_rise_pct,
        scenarios: scenarios(plan, start_headcount),
        unavailable: na.0,
    })
}

/// The plan when no period has a headcount: only the inputs, and why nothing else is there.
pub(super) fn without_start(
    plan: &Plan,
    loaded_cost: Option<Decimal>,
    loaded_cost_period: Option<PeriodLabel>,
    mut na: Reasons,
) -> HeadcountPlan {
    let reason = "no period gives a period-end headcount".to_string();
    for key in [
        "start_headcount",
        "months_to_target",
        "years_to_target",
        "people_not_replaced",
    ] {
        na.0.insert(key.to_string(), reason.clone());
    }
    na.0.insert(
        "payroll_saved_per_year".to_string(),
        format!("no people_not_replaced: {reason}"),
    );
    na.0.insert(
        "pay_rise_pct".to_string(),
        format!("no payroll saving: {reason}"),
    );
    HeadcountPlan {
        start_period: None,
        start_headcount: None,
        target_headcount: Exact(plan.target_headcount),
        annual_attrition: Exact(plan.annual_attrition),
        hires_per_year: Exact(plan.hires_per_year),
        reinvest_share: plan.reinvest_share.map(Exact),
        steady_state_headcount: None,
        reached: false,
        months_to_target: None,
        years_to_target: None,
        path: Vec::new(),
        people_not_replaced: None,
        loaded_cost_per_employee: loaded_cost.map(Exact),
        loaded_cost_period,
        payroll_saved_per_year: None,
        pay_rise_pct: None,
        scenarios: Vec::new(),
        unavailable: na.0,
    }
}

/// The path month by month, each month dated when the company gives its fiscal year's end.
fn dated_path(course: &Course, metrics: &Metrics, start_period: PeriodLabel) -> Vec<PathPoint> {
    let first_month = metrics
        .company
        .fiscal_year_end
        .as_ref()
        .and_then(|_| period_end_month(start_period));
    course
        .path()
        .into_iter()
        .enumerate()
        .map(|(month, headcount)| PathPoint {
            month: month as u32,
            headcount: hundredths(headcount),
            date: first_month.map(|first| month_label(first + month as i64)),
        })
        .collect()
}
