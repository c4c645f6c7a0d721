//! Criterion 3: the operating margin's trend.

use super::latest::{latest_pair, periods};
use super::verdict::Verdict;
use super::words::{number, pct, pp, shown};
use super::{Criterion, Status, Thresholds};
use crate::metrics::Metrics;
use crate::period::PeriodKind;

/// Criterion 3: Operating margin improving. The trend is the latest quarter's margin minus the
/// margin four quarters earlier; without such a pair of quarters, the latest fiscal year's
/// margin minus the year before's.
pub(super) fn operating_margin_trend(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    let band = thresholds.flat_margin_band_pp.value;
    let threshold = format!(
        "> +{} pp (within {} pp either way is flat)",
        number(band),
        number(band)
    );
    let pair = [PeriodKind::Quarter, PeriodKind::Year]
        .into_iter()
        .find_map(|kind| latest_pair(metrics, kind, |p| p.operating_margin_pct));
    let verdict = match pair {
        None => Verdict::not_available(
            threshold,
            "No quarter or fiscal year has an operating margin together with the one a year \
             earlier."
                .to_string(),
        ),
        Some(((before_label, before), (after_label, after))) => {
            let change = shown(after - before);
            let status = if change > band {
                Status::Pass
            } else if change >= -band {
                Status::Watch
            } else {
                Status::Fail
            };
            let word = match status {
                Status::Pass => "improving",
                Status::Watch => "flat",
                Status::Fail => "worsening",
            };
            Verdict {
                status,
                figure: pp(change),
                why: format!(
                    "Operating margin went from {} in {before_label} to {} in {after_label}, \
                     {} ({word}).",
                    pct(before),
                    pct(after),
                    pp(change)
                ),
                threshold,
                period: Some(after_label),
                value: Some(change),
            }
            .unless_warned(metrics, &periods(metrics, &[before_label, after_label]))
            .unless_derived(metrics, &periods(metrics, &[before_label, after_label]))
        }
    };
    verdict.named("operating_margin_trend", "Operating margin trend")
}
