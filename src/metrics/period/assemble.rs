//! One period's groups of metrics laid out as the fields of its metrics (the JSON keys).

use super::ai::Ai;
use super::growth::Growth;
use super::opex::Opex;
use super::people::People;
use super::profit::Profit;
use super::Context;
use super::{CostLineMetrics, PeriodMetrics};
use crate::input::LineMap;
use crate::metrics::cash::Cash;
use crate::money::Exact;

/// The groups of one period's metrics, computed in the catalogue's order.
pub(super) struct Groups {
    pub(super) growth: Growth,
    pub(super) people: People,
    pub(super) opex: Opex,
    pub(super) profit: Profit,
    pub(super) cash: Cash,
    pub(super) rule_of_40: Option<f64>,
    pub(super) cost_lines: LineMap<CostLineMetrics>,
    pub(super) ai: Ai,
    pub(super) revenue_per_employee: Option<Exact>,
}

/// The period's metrics from its groups; `cx` holds the reasons, resolved, and the
/// approximations.
pub(super) fn assemble(cx: Context, g: Groups) -> PeriodMetrics {
    let period = cx.period;
    let label = period.label;
    PeriodMetrics {
        label,
        display: label.months().map(|_| label.to_string()),
        months: label.months(),
        coverage: period.coverage,
        kind: label.kind,
        revenue: Exact(period.revenue),
        revenue_growth_yoy_pct: g.growth.yoy,
        revenue_growth_qoq_pct: g.growth.qoq,
        headcount_start: g.people.start.map(Exact),
        headcount_end: period.headcount_end.map(Exact),
        avg_headcount: g.people.average.map(Exact),
        headcount_change_yoy_pct: g.people.change_yoy,
        growth_minus_headcount_growth_pp: g.people.growth_minus_headcount_growth,
        revenue_per_employee: g.revenue_per_employee,
        opex: g.opex.value.ok().map(Exact),
        opex_per_employee: g.opex.per_employee,
        opex_pct_of_revenue: g.opex.pct_of_revenue,
        opex_growth_yoy_pct: g.opex.growth_yoy,
        operating_income: g.profit.operating_income.map(Exact),
        operating_income_source: g.profit.source,
        operating_margin_pct: g.profit.margin,
        adjusted_operating_income: period.adjusted_operating_income.map(Exact),
        adjusted_operating_margin_pct: g.profit.adjusted_margin,
        unlisted_costs: g.profit.unlisted.map(Exact),
        rule_of_40: g.rule_of_40,
        cost_of_revenue: period.statement.cost_of_revenue.map(Exact),
        gross_profit: g.cash.gross_profit.map(Exact),
        gross_margin_pct: g.cash.gross_margin,
        depreciation_amortization: period.statement.depreciation_amortization.map(Exact),
        ebitda: g.cash.ebitda.map(Exact),
        ebitda_margin_pct: g.cash.ebitda_margin,
        operating_cash_flow: period.statement.operating_cash_flow.map(Exact),
        capex: period.statement.capex.map(Exact),
        free_cash_flow: g.cash.free_cash_flow.map(Exact),
        fcf_margin_pct: g.cash.fcf_margin,
        stock_based_compensation: period.statement.stock_based_compensation.map(Exact),
        sbc_pct_of_revenue: g.cash.sbc_pct_of_revenue,
        cash: period.statement.cash.map(Exact),
        net_burn: g.cash.net_burn.map(Exact),
        runway_months: g.cash.runway_months,
        cost_lines: g.cost_lines,
        kpis: LineMap::default(),
        ai_exposed_cost: g.ai.exposed_cost.map(Exact),
        ai_exposed_pct_of_revenue: g.ai.exposed_pct_of_revenue,
        personnel_cost: period.personnel_cost.map(Exact),
        loaded_cost_per_employee: g.ai.loaded_cost_per_employee,
        ai_spend: period.ai.spend.map(Exact),
        ai_fte_equivalent: period.ai.fte_equivalent.map(Exact),
        ai_savings: g.ai.savings.map(Exact),
        ai_roi: g.ai.roi,
        notes: period.notes.clone(),
        not_meaningful: cx.na.not_meaningful(),
        unavailable: cx.na,
        approximations: cx.approximations,
    }
}
