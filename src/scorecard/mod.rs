//! The readiness scorecard: the checks an IPO-readiness review or a growth investor runs first,
//! each judged pass, watch or fail from the computed metrics, with the figure and the reason.
//!
//! A criterion that cannot be computed is "watch", never "fail": missing data is a question for
//! the company, not a verdict. Thresholds have defaults; the input's `[readiness]` table sets its
//! company's own; what is given on the command line (a `--thresholds` file, `--company
//! readiness.<key>=`, `check --fail-on-warnings`) wins over the file being judged, so a company
//! file cannot lower its own bar. Each threshold keeps where it came from ([`Sourced`]).

use serde::Serialize;

use crate::period::PeriodLabel;

mod adjusted;
mod derived;
mod evaluate;
mod growth;
mod history;
pub mod kpi_threshold;
mod latest;
mod margin_trend;
mod non_gaap;
mod per_employee;
mod plan_actual;
mod plan_target;
mod rule_of_40;
mod source;
mod thresholds;
mod verdict;
mod warnings;
mod words;

pub use evaluate::evaluate;
pub use source::{Sourced, ThresholdSource};
pub use thresholds::{Thresholds, ThresholdsFile};
pub use verdict::DOUBTFUL;

/// How a criterion, or the whole scorecard, came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Watch,
    Fail,
}

/// One readiness check.
#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    /// A stable snake_case key, such as `revenue_growth`.
    pub id: String,
    pub name: String,
    pub status: Status,
    /// The measured value in words, "24.8%" or "n/a".
    pub figure: String,
    /// The number the status was judged on, unrounded where it was judged so: a growth rate in
    /// percent (24.83 for "24.8%"; opex's own rate for "29.2% vs 24.8%"), Rule-of-40 points,
    /// percentage points, or a count (years, the month a plan reaches its target, adjusted
    /// figures without a reported one, warnings not acknowledged). Null when the figure is n/a.
    pub value: Option<f64>,
    /// What passes, ">= 20%".
    pub threshold: String,
    /// One sentence with the numbers behind the status.
    pub why: String,
    /// The period whose figures were judged, when one was (`check --format github` points at
    /// its label); left out of JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodLabel>,
    /// Where in the input the verdict points, when it is about one place rather than a
    /// period (a non-GAAP measure's key, a reported figure): `t.toml:40:1`; left out of JSON
    /// when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The line (or row) of `at`, for `check --format github`.
    #[serde(skip)]
    pub line: Option<usize>,
    /// Where the threshold came from: the default for a criterion whose bar is fixed.
    pub threshold_source: ThresholdSource,
}

impl Criterion {
    fn sourced(mut self, source: ThresholdSource) -> Criterion {
        self.threshold_source = source;
        self
    }
}

/// Every criterion and the counts of each status.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub criteria: Vec<Criterion>,
    pub passed: usize,
    pub watch: usize,
    pub failed: usize,
    /// Fail if any criterion fails, else watch if any is on watch, else pass.
    pub status: Status,
    /// The thresholds judged by: the defaults or the thresholds file, with the company's own
    /// `[readiness]` values applied. Sentences and charts that name a bar read it from here.
    #[serde(skip)]
    pub thresholds: Thresholds,
}

impl Scorecard {
    /// Whether the scorecard counts as failed; with `strict`, a watch counts as a failure too.
    pub fn failed_with(&self, strict: bool) -> bool {
        self.failed > 0 || (strict && self.watch > 0)
    }
}

#[cfg(test)]
mod tests;
