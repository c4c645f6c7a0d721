//! Each year's quarters and halves against the year: the figures that must add up to it.

use foldhash::HashMap;
use rust_decimal::Decimal;

use super::{calendar_labels, money};
use crate::format::{line_name, pct};
use crate::input::{CompanyInput, Period, Warning, WarningKind};
use crate::money::percent;
use crate::period::{PeriodKind, PeriodLabel};

/// A part-of-year sum may differ from the year by this share of the year's figure (0.5%)...
pub(super) const PARTS_SHARE_TOLERANCE: Decimal = Decimal::from_parts(5, 0, 0, false, 3);
/// ...or by this many units of the input's scale, whichever is larger: four figures each
/// rounded to a whole unit can together be two units off.
pub(super) const PARTS_UNITS_TOLERANCE: i64 = 2;

/// Each year's quarters (and halves), when the input has them all, against the year: revenue,
/// every cost line the year and all its parts list, and reported operating income.
pub(super) fn parts_vs_year(input: &CompanyInput) -> Vec<Warning> {
    let by_label: HashMap<PeriodLabel, &Period> =
        input.periods.iter().map(|p| (p.label, p)).collect();
    let currency = input.company.currency.as_str();
    let units = input.company.scale.factor() * Decimal::from(PARTS_UNITS_TOLERANCE);
    let within = |whole: Decimal, parts_sum: Decimal| {
        parts_sum.checked_sub(whole).is_some_and(|difference| {
            difference.abs() <= (whole.abs() * PARTS_SHARE_TOLERANCE).max(units)
        })
    };
    // Quarters labelled by the calendar in a fiscal year that is not: one warning saying so,
    // instead of one per year and figure.
    let calendar_labelled = calendar_labels::calendar_labelled_quarters(input, within);
    let mut warnings: Vec<Warning> = calendar_labelled.iter().cloned().collect();
    let parts_of = [
        (
            PeriodKind::Quarter,
            WarningKind::QuartersVsYear,
            "four quarters",
        ),
        (PeriodKind::Half, WarningKind::HalvesVsYear, "two halves"),
    ];
    for year in input
        .periods
        .iter()
        .filter(|p| p.label.kind == PeriodKind::Year)
    {
        for (kind, warning_kind, noun) in parts_of {
            if kind == PeriodKind::Quarter && calendar_labelled.is_some() {
                continue;
            }
            let labels: Vec<PeriodLabel> = (1..=kind.per_year() as u8)
                .map(|index| {
                    PeriodLabel::new(year.label.year, kind, index).in_calendar(year.label.calendar)
                })
                .collect();
            let Some(parts) = labels
                .iter()
                .map(|label| by_label.get(label).copied())
                .collect::<Option<Vec<&Period>>>()
            else {
                continue;
            };
            let figures = figures(year, &parts);
            warnings.extend(mismatches(
                year,
                figures,
                (warning_kind, noun),
                &labels,
                units,
                currency,
            ));
        }
    }
    warnings
}

/// The year's figures beside the sum of its parts': revenue, each cost line, and the reported
/// operating income (a sum is None when a part lacks the figure).
fn figures(year: &Period, parts: &[&Period]) -> Vec<(String, Decimal, Option<Decimal>)> {
    let mut figures: Vec<(String, Decimal, Option<Decimal>)> = vec![(
        "revenue".to_string(),
        year.revenue,
        sum(parts.iter().map(|p| Some(p.revenue))),
    )];
    for (name, amount) in &year.costs {
        figures.push((
            format!("\"{}\" costs", line_name(name)),
            *amount,
            sum(parts.iter().map(|p| p.costs.get(name).copied())),
        ));
    }
    if let Some(reported) = year.operating_income {
        figures.push((
            "operating income".to_string(),
            reported,
            sum(parts.iter().map(|p| p.operating_income)),
        ));
    }
    figures
}

/// A warning for each figure whose parts add up to more or less than the year's, beyond the
/// tolerance; `labels` are the parts', `noun` says what they are ("four quarters").
fn mismatches(
    year: &Period,
    figures: Vec<(String, Decimal, Option<Decimal>)>,
    (warning_kind, noun): (WarningKind, &str),
    labels: &[PeriodLabel],
    units: Decimal,
    currency: &str,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let first = labels[0];
    let last = labels[labels.len() - 1];
    for (figure, whole, parts_sum) in figures {
        let Some(parts_sum) = parts_sum else {
            continue;
        };
        let Some(difference) = parts_sum.checked_sub(whole) else {
            continue;
        };
        let tolerance = (whole.abs() * PARTS_SHARE_TOLERANCE).max(units);
        if difference.abs() <= tolerance {
            continue;
        }
        let share = percent(difference.abs(), whole.abs())
            .map(|p| format!(" ({})", pct(p, false)))
            .unwrap_or_default();
        warnings.push(Warning::new(
            Some(year.label.to_string()),
            warning_kind,
            format!(
                "{}: the {noun} add up to {figure} of {}, {}{share} {} than the year's \
                 {}; look for a typo in {first} to {last} or in {}",
                year.label,
                money(parts_sum, currency),
                money(difference.abs(), currency),
                if difference.is_sign_positive() {
                    "more"
                } else {
                    "less"
                },
                money(whole, currency),
                year.label,
            ),
        ));
    }
    warnings
}

/// The sum of amounts that are all present; `None` when one is missing or the sum overflows.
fn sum(mut amounts: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    amounts.try_fold(Decimal::ZERO, |total, amount| total.checked_add(amount?))
}
