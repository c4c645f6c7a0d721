//! Warnings the validated periods raise: subtotals that are not the sum of their lines, and
//! gaps inside a series.

use rust_decimal::Decimal;

use super::super::raw::RawPeriod;
use super::super::{Period, Warning, WarningKind};
use crate::period::{PeriodKind, PeriodLabel};

/// A warning made while reading names its period as written; names it as every output shows
/// it ("FY2025 Q4" in a March year end), so it is one period wherever it is matched.
pub(super) fn in_calendar(warnings: &mut [Warning], calendar: crate::period::FiscalCalendar) {
    for warning in warnings {
        let label = warning.period.as_deref().map(PeriodLabel::parse);
        if let Some(Ok(label)) = label {
            warning.period = Some(label.in_calendar(calendar).to_string());
        }
    }
}

/// A warning for each subtotal ("Total costs") that is not the sum of the period's cost lines,
/// as written. One that is the sum is simply skipped: it repeats the lines.
pub(super) fn subtotal_warnings(period: &RawPeriod) -> Vec<Warning> {
    let label = period
        .label
        .as_ref()
        .and_then(|l| PeriodLabel::parse(&l.0).ok())
        .map(|l| l.to_string());
    if period.subtotals.is_empty() {
        return Vec::new();
    }
    // Past the decimals' range the lines cannot be added up; the amounts are refused later.
    let Some(lines) = period
        .costs
        .values()
        .try_fold(Decimal::ZERO, |sum, a| sum.checked_add(a.0))
    else {
        return Vec::new();
    };
    period
        .subtotals
        .iter()
        .filter(|subtotal| subtotal.amount.0 != lines)
        .map(|subtotal| {
            let period_words = label.as_deref().map_or(String::new(), |l| format!("{l}: "));
            let message = format!(
                "{period_words}\"{}\" is {}, but the cost lines add up to {}: it is skipped, \
                 not read as a cost line; check the lines, or name the difference as a cost \
                 line of its own",
                subtotal.name,
                subtotal.amount.0.normalize(),
                lines.normalize()
            );
            Warning::new(label.clone(), WarningKind::SubtotalMismatch, message)
                .at(Some(subtotal.place.clone()))
        })
        .collect()
}

/// A warning for each gap inside a series (periods must be sorted).
pub(super) fn gap_warnings(periods: &[Period]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
        let series: Vec<PeriodLabel> = periods
            .iter()
            .map(|p| p.label)
            .filter(|l| l.kind == kind)
            .collect();
        for pair in series.windows(2) {
            let missing = pair[1].ordinal() - pair[0].ordinal() - 1;
            if missing > 0 {
                warnings.push(Warning::new(
                    Some(pair[1].to_string()),
                    WarningKind::Gap,
                    format!(
                        "gap in the {}: {missing} period{} missing between {} and {}",
                        kind.plural(),
                        if missing == 1 { "" } else { "s" },
                        pair[0],
                        pair[1]
                    ),
                ));
            }
        }
    }
    warnings
}
