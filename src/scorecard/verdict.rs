//! A criterion's verdict before its id and name are attached, and the rules that keep a pass
//! from resting on figures in doubt.

use super::{Criterion, Status, ThresholdSource};
use crate::input::WarningKind;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::PeriodLabel;

/// Warning kinds that put a period's figures in doubt: a criterion never passes on them. A
/// warning about one company KPI (`share_out_of_range`) puts only that KPI's criterion in doubt
/// (`kpi_threshold.rs`).
pub const DOUBTFUL: &[WarningKind] = &[
    WarningKind::SameDateDisagrees,
    WarningKind::MarginOutOfRange,
    WarningKind::QuartersVsYear,
    WarningKind::HalvesVsYear,
    WarningKind::HeadcountContinuity,
    WarningKind::PersonnelAboveCosts,
    WarningKind::RevenuePerEmployeeJump,
    WarningKind::ImplausiblePerEmployee,
    WarningKind::ScaleJump,
];

/// A criterion before its id and name are attached.
pub(super) struct Verdict {
    pub(super) status: Status,
    pub(super) figure: String,
    /// The number judged (`Criterion::value`).
    pub(super) value: Option<f64>,
    pub(super) threshold: String,
    pub(super) why: String,
    /// The period judged, if one was.
    pub(super) period: Option<PeriodLabel>,
}

impl Verdict {
    pub(super) fn named(self, id: &str, name: &str) -> Criterion {
        Criterion {
            id: id.to_string(),
            name: name.to_string(),
            status: self.status,
            figure: self.figure,
            value: self.value,
            threshold: self.threshold,
            why: self.why,
            period: self.period,
            threshold_source: ThresholdSource::Default,
            at: None,
            line: None,
        }
    }

    /// A pass that rests on figures of a period which raised a warning that puts them in doubt
    /// (an operating margin above 100%, quarters that do not add up to their year, ...) is a
    /// watch until the figures are checked: the scorecard never passes on such figures.
    pub(super) fn unless_warned(
        mut self,
        metrics: &Metrics,
        periods: &[&PeriodMetrics],
    ) -> Verdict {
        if self.status != Status::Pass {
            return self;
        }
        let doubt = metrics.warnings.iter().find(|w| {
            DOUBTFUL.contains(&w.kind)
                && periods
                    .iter()
                    .any(|p| w.period.as_deref() == Some(p.label.to_string().as_str()))
        });
        if let Some(warning) = doubt {
            self.status = Status::Watch;
            self.why = format!(
                "{} Not passed: the figures raised a warning ({}).",
                self.why, warning.message
            );
        }
        self
    }

    /// A pass on a company KPI whose value in `period` raised a warning about that KPI alone (a
    /// share above 100%) is a watch, as [`Verdict::unless_warned`] makes one on doubtful figures.
    pub(super) fn unless_kpi_warned(
        mut self,
        metrics: &Metrics,
        key: &str,
        period: &PeriodMetrics,
    ) -> Verdict {
        if self.status != Status::Pass {
            return self;
        }
        let label = period.label.to_string();
        let doubt = metrics
            .warnings
            .iter()
            .find(|w| w.kpi.as_deref() == Some(key) && w.period.as_deref() == Some(label.as_str()));
        if let Some(warning) = doubt {
            self.status = Status::Watch;
            self.why = format!(
                "{} Not passed: the KPI raised a warning ({}).",
                self.why, warning.message
            );
        }
        self
    }

    pub(super) fn not_available(threshold: String, why: String) -> Verdict {
        Verdict {
            status: Status::Watch,
            figure: "n/a".to_string(),
            value: None,
            threshold,
            why,
            period: None,
        }
    }
}

pub(super) fn pass_if(pass: bool) -> Status {
    if pass {
        Status::Pass
    } else {
        Status::Fail
    }
}
