//! The scorecard's list of criteria, judged in order, and the counts of each status.

use super::adjusted::adjusted_reconciled;
use super::growth::{opex_vs_revenue_growth, revenue_growth};
use super::history::fiscal_years_history;
use super::margin_trend::operating_margin_trend;
use super::per_employee::revenue_per_employee;
use super::rule_of_40::rule_of_40;
use super::warnings::data_warnings;
use super::{kpi_threshold, plan_target, Scorecard, Status, ThresholdSource, Thresholds};
use crate::input::CompanyInput;
use crate::metrics::Metrics;
use crate::plan::HeadcountPlan;

/// Scores a company, and its headcount plan when it has one. The input's `[readiness]`
/// overrides are applied on top of `thresholds`.
pub fn evaluate(
    input: &CompanyInput,
    metrics: &Metrics,
    plan: Option<&HeadcountPlan>,
    thresholds: &Thresholds,
) -> Scorecard {
    let thresholds = thresholds.with_overrides(&input.readiness);
    let mut criteria = vec![
        revenue_growth(metrics, &thresholds).sourced(thresholds.min_revenue_growth_pct.source),
        rule_of_40(metrics, &thresholds).sourced(thresholds.min_rule_of_40.source),
        operating_margin_trend(metrics, &thresholds).sourced(thresholds.flat_margin_band_pp.source),
        revenue_per_employee(metrics),
        opex_vs_revenue_growth(metrics),
        fiscal_years_history(metrics, &thresholds).sourced(thresholds.min_fiscal_years.source),
        adjusted_reconciled(metrics),
        data_warnings(metrics, thresholds.fail_on_warnings.value)
            .sourced(thresholds.fail_on_warnings.source),
    ];
    criteria.extend(super::non_gaap::criteria(input, metrics));
    criteria.extend(super::plan_actual::criteria(metrics, &thresholds));
    // The plan's target and the KPIs' bars are the company file's own.
    criteria.extend(
        plan.map(plan_target::plan_target)
            .map(|c| c.sourced(ThresholdSource::CompanyFile)),
    );
    criteria.extend(
        thresholds
            .kpi
            .iter()
            .filter_map(|threshold| kpi_threshold::criterion(metrics, threshold))
            .map(|c| c.sourced(ThresholdSource::CompanyFile)),
    );
    let count = |status: Status| criteria.iter().filter(|c| c.status == status).count();
    let (passed, watch, failed) = (
        count(Status::Pass),
        count(Status::Watch),
        count(Status::Fail),
    );
    let status = if failed > 0 {
        Status::Fail
    } else if watch > 0 {
        Status::Watch
    } else {
        Status::Pass
    };
    Scorecard {
        criteria,
        passed,
        watch,
        failed,
        status,
        thresholds,
    }
}
