//! The metrics of one period. Formulas are in `docs/metrics.md`; each function here is one row
//! of that table.

use serde::Serialize;

use super::Unavailable;
use crate::input::{Company, Coverage, LineMap, Period};
use crate::money::Exact;
use crate::period::{PeriodKind, PeriodLabel};

mod ai;
mod assemble;
mod compared;
mod compute;
mod cost_lines;
mod growth;
mod opex;
mod people;
mod profit;

pub use compute::compute;
pub use cost_lines::unlisted_costs_warning;

/// What the groups of metrics read: the period, its company, the periods it is compared
/// with, and where reasons and approximations are recorded.
pub(super) struct Context<'a> {
    pub(super) period: &'a Period,
    pub(super) company: &'a Company,
    pub(super) all_lines: &'a [&'a str],
    pub(super) year_earlier: Option<&'a Period>,
    pub(super) previous: Option<&'a Period>,
    /// The first period of this period's series in the input: a comparison that looks back
    /// before it says so, rather than naming each missing period.
    pub(super) first: PeriodLabel,
    pub(super) na: Unavailable,
    pub(super) approximations: Vec<String>,
}

/// One cost line in one period.
#[derive(Debug, Clone, Serialize)]
pub struct CostLineMetrics {
    pub amount: Exact,
    pub pct_of_revenue: Option<f64>,
    pub yoy_pct: Option<f64>,
    /// Whether the company marks this line as one where AI substitutes work.
    pub ai_exposed: bool,
}

/// Every metric of one period. Field names are the JSON keys.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodMetrics {
    /// The label as the input writes it, "2025-Q4", whatever the fiscal calendar.
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub label: PeriodLabel,
    /// The label as the brief shows it, "FY2025 Q4", and the months it covers, "Jan-Mar 2025",
    /// when the fiscal year is not the calendar year (left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<String>,
    /// A year summed from its quarters, or year to date (left out for a period as given).
    #[serde(skip_serializing_if = "Coverage::is_given")]
    pub coverage: Coverage,
    pub kind: PeriodKind,
    pub revenue: Exact,
    pub revenue_growth_yoy_pct: Option<f64>,
    pub revenue_growth_qoq_pct: Option<f64>,
    pub headcount_start: Option<Exact>,
    pub headcount_end: Option<Exact>,
    pub avg_headcount: Option<Exact>,
    pub headcount_change_yoy_pct: Option<f64>,
    pub growth_minus_headcount_growth_pp: Option<f64>,
    pub revenue_per_employee: Option<Exact>,
    pub opex: Option<Exact>,
    pub opex_per_employee: Option<Exact>,
    pub opex_pct_of_revenue: Option<f64>,
    pub opex_growth_yoy_pct: Option<f64>,
    pub operating_income: Option<Exact>,
    pub operating_income_source: Option<&'static str>,
    pub operating_margin_pct: Option<f64>,
    pub adjusted_operating_income: Option<Exact>,
    pub adjusted_operating_margin_pct: Option<f64>,
    /// Revenue minus listed cost lines minus reported operating income: costs the input does
    /// not list (depreciation, amortisation, ...). Only when both are known and they differ.
    pub unlisted_costs: Option<Exact>,
    pub rule_of_40: Option<f64>,
    pub cost_of_revenue: Option<Exact>,
    pub gross_profit: Option<Exact>,
    pub gross_margin_pct: Option<f64>,
    pub depreciation_amortization: Option<Exact>,
    pub ebitda: Option<Exact>,
    pub ebitda_margin_pct: Option<f64>,
    pub operating_cash_flow: Option<Exact>,
    pub capex: Option<Exact>,
    pub free_cash_flow: Option<Exact>,
    pub fcf_margin_pct: Option<f64>,
    pub stock_based_compensation: Option<Exact>,
    pub sbc_pct_of_revenue: Option<f64>,
    /// Cash at the period's end.
    pub cash: Option<Exact>,
    pub net_burn: Option<Exact>,
    pub runway_months: Option<f64>,
    pub cost_lines: LineMap<CostLineMetrics>,
    /// The company's own KPIs by key (`null` with the reason under `kpis.<key>` in
    /// `unavailable`), in the order the input defines them.
    pub kpis: LineMap<Option<Exact>>,
    pub ai_exposed_cost: Option<Exact>,
    pub ai_exposed_pct_of_revenue: Option<f64>,
    pub personnel_cost: Option<Exact>,
    pub loaded_cost_per_employee: Option<Exact>,
    pub ai_spend: Option<Exact>,
    pub ai_fte_equivalent: Option<Exact>,
    pub ai_savings: Option<Exact>,
    pub ai_roi: Option<f64>,
    pub notes: Option<String>,
    /// Metric name -> why it could not be computed.
    pub unavailable: Unavailable,
    /// The keys of `unavailable` whose value is not missing but not meaningful ("n/m"): a
    /// percent change from a zero or negative base. Outputs show "n/m" for them, not "n/a".
    pub not_meaningful: Vec<String>,
    /// Where a metric rests on an approximation, in words.
    pub approximations: Vec<String>,
}
