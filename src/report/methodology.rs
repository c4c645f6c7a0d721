//! The definitions printed in the brief's methodology section; `docs/metrics.md` says the same
//! at more length, and a test checks that every metric here is defined there too.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// The JSON key in metrics.json.
    pub key: &'static str,
    pub name: &'static str,
    pub formula: &'static str,
}

const fn def(key: &'static str, name: &'static str, formula: &'static str) -> Definition {
    Definition { key, name, formula }
}

/// Every metric the brief uses, with its formula and units.
pub const DEFINITIONS: &[Definition] = &[
    def("revenue_growth_yoy_pct", "Revenue growth, year over year", "(revenue − revenue of the same period a year earlier, found by label) ÷ |that revenue| × 100, in %"),
    def("revenue_growth_qoq_pct", "Revenue growth, quarter over quarter", "(revenue − revenue of the previous quarter) ÷ |that revenue| × 100, in %; quarters only"),
    def("avg_headcount", "Average headcount", "(headcount at start + headcount at end) ÷ 2, in people; the start defaults to the previous period's end; without either, the end alone (listed as an approximation)"),
    def("headcount_change_yoy_pct", "Headcount change, year over year", "(headcount at end − headcount at end a year earlier) ÷ that headcount × 100, in %"),
    def("growth_minus_headcount_growth_pp", "Growth minus headcount growth", "revenue growth YoY − headcount change YoY, in percentage points"),
    def("revenue_per_employee", "Revenue per employee", "revenue × periods per year (quarter 4, half 2, year 1) ÷ average headcount, in currency per person per year, rounded to the cent"),
    def("opex", "Operating expenses (opex)", "sum of the cost lines, in currency; n/a when the period lacks a line that other periods list"),
    def("opex_per_employee", "Opex per employee", "opex × periods per year ÷ average headcount, in currency per person per year"),
    def("opex_pct_of_revenue", "Opex as % of revenue", "opex ÷ revenue × 100, in %"),
    def("opex_growth_yoy_pct", "Opex growth, year over year", "(opex − opex a year earlier) ÷ |that opex| × 100, in %"),
    def("operating_income", "Operating income", "as reported; else revenue − opex (marked derived)"),
    def("operating_margin_pct", "Operating margin", "operating income ÷ revenue × 100, in %"),
    def("adjusted_operating_margin_pct", "Adjusted operating margin", "adjusted (non-GAAP) operating income as reported ÷ revenue × 100, in %"),
    def("unlisted_costs", "Unlisted costs", "revenue − opex − reported operating income, in currency: costs not in the listed lines, such as depreciation and amortisation"),
    def("rule_of_40", "Rule of 40", "revenue growth YoY % + operating margin %, in points; 40 or more is the usual bar"),
    def("cost_lines", "Cost line share and growth", "line ÷ revenue × 100 (%), and (line − line a year earlier) ÷ |that line| × 100 (%)"),
    def("ai_exposed_cost", "AI-exposed cost", "sum of the cost lines marked ai_exposed, in currency"),
    def("ai_exposed_pct_of_revenue", "AI-exposed cost as % of revenue", "AI-exposed cost ÷ revenue × 100, in %"),
    def("loaded_cost_per_employee", "Loaded cost per employee", "personnel cost × periods per year ÷ average headcount, in currency per person per year"),
    def("ai_savings", "AI savings", "AI work in full-time equivalents × personnel cost ÷ average headcount, in currency for the period (not annualised)"),
    def("ai_roi", "AI return on spend", "AI savings ÷ AI spend, a multiple"),
];
