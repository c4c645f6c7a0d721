//! The headcount plan's criterion: whether the path from today's headcount reaches the `[plan]`
//! target. A target the path never reaches (a growth target that hiring cannot catch up with
//! at the plan's attrition, a cut that hiring holds off) is a watch with the plan's own reason,
//! so `check` shows it instead of a plan that silently "reaches" its target.

use super::verdict::Verdict;
use super::words::{plural, whole};
use super::{Criterion, Status};
use crate::plan::HeadcountPlan;

/// Criterion 9 (only with a `[plan]`): the headcount plan reaches its target.
pub(super) fn plan_target(plan: &HeadcountPlan) -> Criterion {
    let target = whole(plan.target_headcount.0);
    let threshold = format!("reaches {target} people");
    let verdict = match plan.months_to_target {
        Some(months) if plan.reached => Verdict {
            status: Status::Pass,
            figure: format!("month {months}"),
            why: match (plan.start_headcount, plan.start_period) {
                (Some(start), Some(period)) if months > 0 => format!(
                    "From {} people at the end of {period}, headcount reaches the target of \
                     {target} in month {months}{}.",
                    whole(start.0),
                    years(months)
                ),
                (Some(start), Some(period)) => format!(
                    "Headcount is already at the target of {target}: {} people at the end of \
                     {period}.",
                    whole(start.0)
                ),
                _ => format!("Headcount reaches the target of {target} in month {months}."),
            },
            threshold,
            period: None,
            value: Some(f64::from(months)),
        },
        _ => Verdict {
            status: Status::Watch,
            figure: "not reached".to_string(),
            why: format!(
                "The plan does not reach its target: {}.",
                plan.unavailable
                    .get("months_to_target")
                    .map_or("the path never gets there", String::as_str)
            ),
            threshold,
            period: None,
            value: None,
        },
    };
    verdict.named("plan_target", "Headcount plan reaches its target")
}

/// A year or more of months in years and months, " (2 years 11 months)"; nothing under a year,
/// where the month says it all.
fn years(months: u32) -> String {
    let years = plural((months / 12) as usize, "year");
    match months % 12 {
        _ if months < 12 => String::new(),
        0 => format!(" ({years})"),
        rest => format!(" ({years} {})", plural(rest as usize, "month")),
    }
}

#[cfg(test)]
mod tests {
    use super::years;

    #[test]
    fn months_read_as_years_and_months_from_a_year_on() {
        assert_eq!(years(3), "");
        assert_eq!(years(12), " (1 year)");
        assert_eq!(years(19), " (1 year 7 months)");
        assert_eq!(years(35), " (2 years 11 months)");
    }
}
