//! The plan at slower and faster attrition.

use rust_decimal::Decimal;

use super::course::Course;
use super::months::hundredths;
use super::Scenario;
use crate::input::Plan;
use crate::money::Exact;

/// The three attrition scenarios around the plan's rate.
pub(super) fn scenarios(plan: &Plan, start: Decimal) -> Vec<Scenario> {
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
