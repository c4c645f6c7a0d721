//! The four quarters the plan-against-actual tests work by hand (full units): 2025-Q1 below its
//! range and under budget, Q2 on budget and within, Q3 above a point guidance, Q4 with guidance
//! and no budget.

use super::PlanActual;

pub const QUARTERS: &str = r#"[company]
name = "Plan AB"
currency = "SEK"

[[period]]
label = "2025-Q1"
revenue = 100
headcount_end = 52
costs = { marketing = 30, rent = 10 }
[period.budget]
revenue = 110
headcount_end = 50
costs = { marketing = 25, rent = 12 }
[period.guidance]
revenue = [105, 115]

[[period]]
label = "2025-Q2"
revenue = 120
[period.budget]
revenue = 120
[period.guidance]
revenue = [115, 125]

[[period]]
label = "2025-Q3"
revenue = 130
[period.budget]
revenue = 125
[period.guidance]
revenue = 126

[[period]]
label = "2025-Q4"
revenue = 140
[period.guidance]
revenue = [130, 150]
"#;

/// The plan against actual of an input written out in TOML.
pub fn plan_of(text: &str) -> PlanActual {
    let input = crate::input::from_toml(text).unwrap_or_else(|e| panic!("{e}"));
    crate::metrics::compute(&input).plan_actual
}
