//! The headcount plan: how long natural attrition takes to bring the latest headcount down to
//! the `[plan]` target, what that saves in payroll, and what pay rise the saving could fund.
//!
//! The path is monthly: `H(m+1) = H(m) x (1 - a)^(1/12) + hires / 12`, starting from the latest
//! `headcount_end`. The maths is in `f64` (powers and logarithms), guarded so that no NaN or
//! infinity reaches the output; money stays exact decimal.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::input::{CompanyInput, Plan};
use crate::metrics::Metrics;
use crate::money::{percent, to_cents, Exact};
use crate::period::PeriodLabel;

/// The longest path simulated: 50 years. A target not reached by then is "never reached".
pub const MAX_MONTHS: u32 = 600;

/// How far the path runs on after the target is reached (still capped at [`MAX_MONTHS`]).
pub const PATH_MONTHS_PAST_TARGET: u32 = 120;

/// The plan's outcome. Field names are the JSON keys under `"plan"` in `metrics.json`.
#[derive(Debug, Clone, Serialize)]
pub struct HeadcountPlan {
    /// The latest period with a `headcount_end`: where the path starts.
    pub start_period: Option<PeriodLabel>,
    /// `H(0)`, that period's `headcount_end`.
    pub start_headcount: Option<Exact>,
    pub target_headcount: Exact,
    pub annual_attrition: Exact,
    pub hires_per_year: Exact,
    pub reinvest_share: Option<Exact>,
    /// The headcount the monthly recurrence settles at: `(hires / 12) / (1 - (1 - a)^(1/12))`.
    /// `None` when attrition is zero (there is no single settling point).
    pub steady_state_headcount: Option<f64>,
    /// Whether the path reaches the target within [`MAX_MONTHS`].
    pub reached: bool,
    /// The first month `m` with `H(m) <= target` (0 when already there).
    pub months_to_target: Option<u32>,
    /// Without hires the exact `ln(target / H0) / ln(1 - a)`; with hires `months_to_target / 12`.
    pub years_to_target: Option<f64>,
    /// Month 0 to the target plus [`PATH_MONTHS_PAST_TARGET`] (or [`MAX_MONTHS`]).
    pub path: Vec<PathPoint>,
    /// `H0 - target` when the target is reached (0 when already below it).
    pub people_not_replaced: Option<Exact>,
    /// Annual loaded cost per employee, from the latest period that has one.
    pub loaded_cost_per_employee: Option<Exact>,
    pub loaded_cost_period: Option<PeriodLabel>,
    /// `loaded_cost_per_employee x people_not_replaced`, to the cent.
    pub payroll_saved_per_year: Option<Exact>,
    /// `reinvest_share x saving / (target x loaded cost) x 100`: the rise for staff who stay.
    pub pay_rise_pct: Option<f64>,
    /// Attrition at 0.75, 1 and 1.25 times the plan's rate.
    pub scenarios: Vec<Scenario>,
    /// Field name -> why it is `None`.
    pub unavailable: BTreeMap<String, String>,
}

/// One month of the path. Headcounts are rounded to hundredths of a person.
#[derive(Debug, Clone, Serialize)]
pub struct PathPoint {
    pub month: u32,
    pub headcount: f64,
    /// The calendar month, "2026-01", when `company.fiscal_year_end` is known. Assumes fiscal
    /// year N ends in calendar year N.
    pub date: Option<String>,
}

/// The plan at another attrition rate.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// "slower attrition", "as planned" or "faster attrition".
    pub name: &'static str,
    pub attrition_factor: Exact,
    /// The plan's rate times the factor, at most 1.
    pub annual_attrition: Exact,
    pub reached: bool,
    pub months_to_target: Option<u32>,
    pub years_to_target: Option<f64>,
    pub headcount_after_12_months: f64,
    pub headcount_after_24_months: f64,
    /// Why the target is not reached, when it is not.
    pub not_reached_reason: Option<String>,
}

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
    let first_month = metrics
        .company
        .fiscal_year_end
        .as_ref()
        .and_then(|_| period_end_month(start_period));
    let path = course
        .path()
        .into_iter()
        .enumerate()
        .map(|(month, headcount)| PathPoint {
            month: month as u32,
            headcount: hundredths(headcount),
            date: first_month.map(|first| month_label(first + month as i64)),
        })
        .collect();
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
fn without_start(
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

/// The loaded cost per employee of the latest period that has one, or why there is none.
fn latest_loaded_cost(metrics: &Metrics) -> Result<(PeriodLabel, Decimal), String> {
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

fn payroll_saving(
    people: Option<Decimal>,
    loaded_cost: Option<Decimal>,
) -> Result<Decimal, String> {
    let people = people.ok_or("no people_not_replaced (the target is not reached)")?;
    let cost = loaded_cost.ok_or("no loaded_cost_per_employee (see its reason)")?;
    cost.checked_mul(people)
        .map(to_cents)
        .ok_or_else(|| "the saving is too large".to_string())
}

fn pay_rise(
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

/// The three attrition scenarios around the plan's rate.
fn scenarios(plan: &Plan, start: Decimal) -> Vec<Scenario> {
    [
        ("slower attrition", Decimal::new(75, 2)),
        ("as planned", Decimal::ONE),
        ("faster attrition", Decimal::new(125, 2)),
    ]
    .into_iter()
    .map(|(name, factor)| {
        let attrition = (plan.annual_attrition * factor).min(Decimal::ONE);
        let course = Course::new(start, attrition, plan.hires_per_year, plan.target_headcount);
        let months = course.months_to_target();
        Scenario {
            name,
            attrition_factor: Exact(factor),
            annual_attrition: Exact(attrition),
            reached: months.is_ok(),
            months_to_target: months.as_ref().ok().copied(),
            years_to_target: course.years_to_target().ok(),
            headcount_after_12_months: hundredths(course.after(12)),
            headcount_after_24_months: hundredths(course.after(24)),
            not_reached_reason: months.err(),
        }
    })
    .collect()
}

/// One run of the monthly recurrence, in `f64`.
struct Course {
    start: f64,
    target: f64,
    annual_attrition: f64,
    hires_per_year: f64,
    /// `(1 - a)^(1/12)`: the share of staff still there a month later.
    monthly_retention: f64,
    monthly_hires: f64,
}

impl Course {
    fn new(
        start: Decimal,
        annual_attrition: Decimal,
        hires_per_year: Decimal,
        target: Decimal,
    ) -> Self {
        let float = |value: Decimal| value.to_f64().filter(|v| v.is_finite()).unwrap_or(0.0);
        let annual_attrition = float(annual_attrition).clamp(0.0, 1.0);
        let hires_per_year = float(hires_per_year).max(0.0);
        Course {
            start: float(start),
            target: float(target),
            annual_attrition,
            hires_per_year,
            monthly_retention: (1.0 - annual_attrition).powf(1.0 / 12.0),
            monthly_hires: hires_per_year / 12.0,
        }
    }

    fn next(&self, headcount: f64) -> f64 {
        headcount * self.monthly_retention + self.monthly_hires
    }

    /// The fixed point `H = H x r + h`, i.e. `h / (1 - r)`; none when nobody leaves.
    fn steady_state(&self) -> Option<f64> {
        let leaving = 1.0 - self.monthly_retention;
        (leaving > 0.0)
            .then(|| self.monthly_hires / leaving)
            .filter(|v| v.is_finite())
    }

    /// The headcount after `months` months.
    fn after(&self, months: u32) -> f64 {
        (0..months).fold(self.start, |headcount, _| self.next(headcount))
    }

    /// Why the target can never be reached, decided from the recurrence's limit rather than by
    /// watching floats creep towards it.
    fn unreachable(&self) -> Option<String> {
        if self.grows() {
            return self.growth_unreachable();
        }
        if self.start <= self.target {
            return None;
        }
        match self.steady_state() {
            None if self.hires_per_year > 0.0 => Some(format!(
                "with no attrition, hiring {} a year only adds people",
                people(self.hires_per_year)
            )),
            None => Some(format!(
                "with no attrition and no hires, headcount stays at {}",
                people(self.start)
            )),
            Some(limit) if limit >= self.target && self.hires_per_year == 0.0 => Some(format!(
                "attrition alone shrinks headcount towards 0 but never to {}",
                people(self.target)
            )),
            Some(limit) if limit >= self.target => Some(format!(
                "hiring {} a year at {} attrition holds headcount near {}, at or above the \
                 target of {}",
                people(self.hires_per_year),
                crate::format::pct(self.annual_attrition * 100.0, false),
                people(limit.round()),
                people(self.target)
            )),
            Some(_) => None,
        }
    }

    /// Whether the target is above today's headcount: a plan that grows the team by hiring.
    fn grows(&self) -> bool {
        self.target > self.start
    }

    /// Why a target above today's headcount is never reached: hires must outrun attrition.
    fn growth_unreachable(&self) -> Option<String> {
        match self.steady_state() {
            None if self.hires_per_year > 0.0 => None,
            None => Some(format!(
                "the target of {} is above today's {}, and with no attrition and no hires \
                 headcount stays where it is",
                people(self.target),
                people(self.start)
            )),
            Some(_) if self.hires_per_year == 0.0 => Some(format!(
                "the target of {} is above today's {}, and with no hires attrition only shrinks \
                 headcount",
                people(self.target),
                people(self.start)
            )),
            Some(limit) if limit < self.target => Some(format!(
                "the target of {} is above today's {}: hiring {} a year at {} attrition \
                 settles headcount near {}, below the target",
                people(self.target),
                people(self.start),
                people(self.hires_per_year),
                crate::format::pct(self.annual_attrition * 100.0, false),
                people(limit.round())
            )),
            Some(_) => None,
        }
    }

    /// Whether `headcount` has reached the target, from above (a shrinking plan) or from below
    /// (a growing one).
    fn at_target(&self, headcount: f64) -> bool {
        if self.grows() {
            headcount >= self.target
        } else {
            headcount <= self.target
        }
    }

    /// The first month at the target.
    fn months_to_target(&self) -> Result<u32, String> {
        if let Some(reason) = self.unreachable() {
            return Err(reason);
        }
        let mut headcount = self.start;
        for month in 0..=MAX_MONTHS {
            if self.at_target(headcount) {
                return Ok(month);
            }
            headcount = self.next(headcount);
        }
        Err(format!("not reached within {} years", MAX_MONTHS / 12))
    }

    /// Exact continuous years without hires; months / 12 with them.
    fn years_to_target(&self) -> Result<f64, String> {
        let months = self.months_to_target()?;
        let continuous = if self.hires_per_year == 0.0
            && months > 0
            && self.annual_attrition < 1.0
            && !self.grows()
        {
            let years = (self.target / self.start).ln() / (1.0 - self.annual_attrition).ln();
            Some(years).filter(|y| y.is_finite() && *y >= 0.0)
        } else {
            None
        };
        Ok(continuous.unwrap_or(f64::from(months) / 12.0))
    }

    /// The headcounts from month 0 to the target plus [`PATH_MONTHS_PAST_TARGET`], at most
    /// [`MAX_MONTHS`].
    fn path(&self) -> Vec<f64> {
        let last = match self.months_to_target() {
            Ok(month) => (month + PATH_MONTHS_PAST_TARGET).min(MAX_MONTHS),
            Err(_) => MAX_MONTHS,
        };
        let mut headcount = self.start;
        let mut path = Vec::with_capacity(last as usize + 1);
        for _ in 0..=last {
            path.push(headcount);
            headcount = self.next(headcount);
        }
        path
    }
}

/// People as a reader counts them: "3,800", "2,953.5".
fn people(value: f64) -> String {
    crate::format::grouped(Decimal::try_from(value).unwrap_or_default(), 1)
}

fn hundredths(value: f64) -> f64 {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.is_finite() {
        rounded
    } else {
        0.0
    }
}

/// The calendar month a period ends in (in its company's fiscal calendar), counted from year 0
/// (`year x 12 + month - 1`).
fn period_end_month(label: PeriodLabel) -> Option<i64> {
    use chrono::Datelike;
    let end = label.end()?;
    Some(i64::from(end.year()) * 12 + i64::from(end.month0()))
}

fn month_label(month: i64) -> String {
    format!(
        "{:04}-{:02}",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}

/// Plan figure -> why it is unavailable, in words. Ordered, so output is deterministic.
#[derive(Debug, Default)]
struct Reasons(BTreeMap<String, String>);

impl Reasons {
    /// Keeps a computed value, or records why there is none.
    fn take<T>(&mut self, key: &str, value: Result<T, String>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.insert(key.to_string(), reason);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests;
