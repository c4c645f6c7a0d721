//! The analysis stage: one company's metrics, headcount plan and scorecard.

use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::scorecard::Thresholds;

/// Everything computed for one company: the metrics, the headcount plan and the scorecard.
pub fn analyse(input: &CompanyInput, thresholds: &Thresholds, as_of: Option<String>) -> Analysis {
    Analysis::of(input, thresholds, as_of)
}
