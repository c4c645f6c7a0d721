//! The headline cards of a period: revenue with its growth, revenue per employee, headcount,
//! the operating margin, the Rule of 40 against its bar, and the cash figures the input gives;
//! a quarter's cards add its trailing twelve months ([`super::ttm`]).

use serde::Serialize;

use super::cards::{cards, At, Kpi};
use super::series::{heading, subtitle};
use super::ttm::trailing_twelve_months;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::PeriodKind;
use crate::report::notes::Notes;
use crate::scorecard::Thresholds;

/// The cards of one period.
#[derive(Debug, Serialize)]
pub struct Headline {
    pub label: String,
    /// What the label needs said beside it: [`subtitle`].
    pub subtitle: Option<String>,
    /// The label with its subtitle, as headings name the period: "2026 (year to date, 1
    /// quarter)", so a part of a year never reads as the whole.
    pub named: String,
    pub kind: PeriodKind,
    pub kpis: Vec<Kpi>,
}

/// The periods the brief leads with, as its masthead names them: "Latest fiscal year 2025
/// (…) · latest quarter 2025-Q3 (…)", each part only when the brief has that period, each label
/// with its subtitle.
pub fn latest_periods(year: Option<&Headline>, quarter: Option<&Headline>) -> String {
    let mut line = String::new();
    if let Some(h) = year {
        let kind = match h.kind {
            PeriodKind::Year => "fiscal year",
            _ => "period",
        };
        line.push_str(&format!("Latest {kind} {}", h.named));
    }
    if let Some(q) = quarter {
        line.push_str(&format!(" · latest quarter {}", q.named));
    }
    line
}

/// The headline of `period`. A quarter's shows only what the quarter has (the tables carry the
/// n/a reasons), so its unavailable figures take no notes.
pub fn headline(
    metrics: &Metrics,
    period: &PeriodMetrics,
    thresholds: &Thresholds,
    notes: &mut Notes,
) -> Headline {
    let mut scratch = Notes::default();
    let quarter = period.kind == PeriodKind::Quarter;
    let notes = if quarter { &mut scratch } else { notes };
    let at = At {
        period,
        earlier: metrics.year_earlier(period),
        vs: Some(format!("vs {}", period.label.year_earlier())),
    };
    let mut kpis = cards(&at, thresholds, notes);
    if quarter {
        kpis.retain(|k| !k.value.is_na());
        for kpi in &mut kpis {
            kpi.value.note = None;
            if let Some(change) = kpi.change.as_mut() {
                change.note = None;
            }
        }
        kpis.extend(trailing_twelve_months(metrics, period));
    }
    Headline {
        label: period.label.to_string(),
        subtitle: subtitle(period),
        named: heading(period),
        kind: period.kind,
        kpis,
    }
}
