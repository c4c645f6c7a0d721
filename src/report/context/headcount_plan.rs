//! The headcount plan as the brief shows it: the plan with its shares as percentages.

use serde::Serialize;

use super::ChartView;

/// The headcount plan with its shares as percentages, ready to print.
#[derive(Debug, Serialize)]
pub struct PlanView<'a> {
    #[serde(flatten)]
    pub plan: &'a crate::plan::HeadcountPlan,
    pub attrition_pct: f64,
    pub reinvest_pct: Option<f64>,
    pub scenario_attrition_pct: Vec<f64>,
    pub chart: Option<ChartView>,
}

pub fn plan_view(plan: &crate::plan::HeadcountPlan, chart: Option<ChartView>) -> PlanView<'_> {
    let pct = |share: rust_decimal::Decimal| crate::format::to_f64(share) * 100.0;
    PlanView {
        plan,
        attrition_pct: pct(plan.annual_attrition.0),
        reinvest_pct: plan.reinvest_share.map(|s| pct(s.0)),
        scenario_attrition_pct: plan
            .scenarios
            .iter()
            .map(|s| pct(s.annual_attrition.0))
            .collect(),
        chart,
    }
}
