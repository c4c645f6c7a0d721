//! A verdict on an operating income derived from cost lines rather than reported.

use super::verdict::Verdict;
use super::Status;
use crate::input::WarningKind;
use crate::metrics::{Metrics, PeriodMetrics};

impl Verdict {
    /// A verdict on an operating income that the input does not report but that is derived
    /// from its cost lines says so in its figure and its reason, and is a watch at best until
    /// the input gives the reported figure or acknowledges the derivation.
    pub(super) fn unless_derived(
        mut self,
        metrics: &Metrics,
        periods: &[&PeriodMetrics],
    ) -> Verdict {
        let derived: Vec<String> = periods
            .iter()
            .filter(|p| p.operating_income_source == Some("derived"))
            .map(|p| p.label.to_string())
            .collect();
        if derived.is_empty() || self.figure == "n/a" {
            return self;
        }
        let acknowledged = metrics
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::DerivedOperatingIncome)
            .and_then(|w| w.acknowledged.clone());
        self.figure.push_str(" (derived)");
        let whose = derived.join(" and ");
        match acknowledged {
            Some(reason) => {
                self.why = format!(
                    "{} The operating income of {whose} is derived from the listed cost lines \
                     (acknowledged: {reason}).",
                    self.why
                );
            }
            None => {
                self.why = format!(
                    "{} The operating income of {whose} is not reported but derived as revenue \
                     minus the listed cost lines, which counts only the costs listed.",
                    self.why
                );
                if self.status == Status::Pass {
                    self.status = Status::Watch;
                    self.why.push_str(
                        " Not passed: give operating_income as reported, or acknowledge the \
                         derivation.",
                    );
                }
            }
        }
        self
    }
}
