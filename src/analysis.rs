//! One company's analysis, built in one go: the metrics, then the headcount plan and the
//! scorecard that read them. Metrics know nothing of the plan or the scorecard; every output
//! (the brief, `metrics.json`, compare, check, the site) takes this value.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::input::CompanyInput;
use crate::metrics::{self, Metrics};
use crate::plan::{self, HeadcountPlan};
use crate::scorecard::{self, Scorecard, Thresholds};

/// Everything computed for one company.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub metrics: Metrics,
    /// The headcount plan by natural attrition, when the input has a `[plan]` table.
    pub plan: Option<HeadcountPlan>,
    pub scorecard: Scorecard,
    /// The report date, only when asked for (`--as-of` or `SOURCE_DATE_EPOCH`).
    pub as_of: Option<String>,
}

impl Analysis {
    /// Computes the metrics, then the plan, then the scorecard from both.
    pub fn of(input: &CompanyInput, thresholds: &Thresholds, as_of: Option<String>) -> Analysis {
        let metrics = metrics::compute(input);
        let plan = plan::project(input, &metrics);
        let scorecard = scorecard::evaluate(input, &metrics, plan.as_ref(), thresholds);
        Analysis {
            metrics,
            plan,
            scorecard,
            as_of,
        }
    }

    /// The thresholds the scorecard judged by (defaults, the thresholds file, the company's
    /// own `[readiness]`): every sentence and chart that names a bar reads it from here.
    pub fn thresholds(&self) -> &Thresholds {
        &self.scorecard.thresholds
    }
}

/// `metrics.json`: the metrics' fields, then the plan, the scorecard (`readiness`), the date
/// and the generator, in that order (the trailing twelve months after the periods, when there
/// are).
impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = &self.metrics;
        let fields = 8
            + usize::from(self.plan.is_some())
            + usize::from(self.as_of.is_some())
            + usize::from(!m.value_units.is_empty())
            + usize::from(m.trailing_twelve_months.is_some())
            + usize::from(!m.non_gaap.hidden())
            + usize::from(!m.plan_actual.is_empty());
        let mut out = serializer.serialize_struct("Analysis", fields)?;
        out.serialize_field("company", &m.company)?;
        out.serialize_field("source", &m.source)?;
        out.serialize_field("amounts_in", &m.amounts_in)?;
        out.serialize_field("rule_of_40_margin", &m.rule_of_40_margin)?;
        // What the periods' values measure, when some are not money (customers: number).
        if !m.value_units.is_empty() {
            out.serialize_field("value_units", &m.value_units)?;
        }
        out.serialize_field("periods", &m.periods)?;
        if let Some(ttm) = &m.trailing_twelve_months {
            out.serialize_field("trailing_twelve_months", ttm)?;
        }
        // The non-GAAP measures, reconciled and checked, when the company shows any.
        if !m.non_gaap.hidden() {
            out.serialize_field("non_gaap", &m.non_gaap)?;
        }
        // Budgets and guidance against the actual figures, when the input gives either.
        if !m.plan_actual.is_empty() {
            out.serialize_field("plan_actual", &m.plan_actual)?;
        }
        out.serialize_field("warnings", &m.warnings)?;
        if let Some(plan) = &self.plan {
            out.serialize_field("plan", plan)?;
        }
        out.serialize_field("readiness", &self.scorecard)?;
        if let Some(as_of) = &self.as_of {
            out.serialize_field("as_of", as_of)?;
        }
        out.serialize_field("generator", &m.generator)?;
        out.end()
    }
}
