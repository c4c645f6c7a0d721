//! Cross-checks a finance team runs before figures go out: the quarters (or halves) of a year
//! against the year, headcount continuity, margins no business can have, personnel cost above
//! all costs, a revenue per employee out of line with both neighbours, and the plausibility
//! checks that catch a slip of scale or unit (`plausible.rs`). Each finding is a
//! [`Warning`] in words with formatted amounts; none stops the brief. The rules and their
//! tolerances are in `docs/metrics.md` (Warnings).

use foldhash::HashMap;
use rust_decimal::Decimal;

mod calendar_labels;
mod parts;

use parts::parts_vs_year;

use super::PeriodMetrics;
use crate::format::{grouped, money_precise, pct, to_f64};
use crate::input::{CompanyInput, Period, Warning, WarningKind};
use crate::period::{PeriodKind, PeriodLabel};

/// A start headcount more than this many times off the previous end (either way) is a warning.
const HEADCOUNT_FACTOR: i64 = 2;
/// Margins outside this range, in percent, are warnings: above 100% needs costs below zero.
const MARGIN_MIN_PCT: f64 = -1000.0;
const MARGIN_MAX_PCT: f64 = 100.0;
/// Revenue per employee more than this many times off both neighbours is a warning.
const JUMP_FACTOR: i64 = 3;

/// Every cross-check warning, check by check, each in time order.
pub fn warnings(input: &CompanyInput, periods: &[PeriodMetrics]) -> Vec<Warning> {
    let currency = input.company.currency.as_str();
    let mut warnings = parts_vs_year(input);
    warnings.extend(headcount_continuity(input));
    warnings.extend(periods.iter().flat_map(margins));
    warnings.extend(
        periods
            .iter()
            .filter_map(|p| personnel_above_costs(p, currency)),
    );
    warnings.extend(revenue_per_employee_jumps(periods, currency));
    warnings.extend(same_date(input, currency));
    warnings.extend(derived_operating_income(periods));
    warnings.extend(plausible::warnings(input, periods));
    warnings
}

/// Figures of a point in time that two periods share: a year ends on its last quarter's (and
/// last half's) last day, and starts on its first's first day, so their cash and headcount at
/// that date must be one figure. Each disagreement names both values.
fn same_date(input: &CompanyInput, currency: &str) -> Vec<Warning> {
    let by_label: HashMap<PeriodLabel, &Period> =
        input.periods.iter().map(|p| (p.label, p)).collect();
    let mut warnings = Vec::new();
    let years = input
        .periods
        .iter()
        .filter(|p| p.label.kind == PeriodKind::Year);
    for year in years {
        for kind in [PeriodKind::Quarter, PeriodKind::Half] {
            let part = |index: u8| {
                by_label
                    .get(&PeriodLabel::new(year.label.year, kind, index))
                    .copied()
            };
            let pairs = [(part(kind.per_year() as u8), "end"), (part(1), "start")];
            for (part, at) in pairs {
                let Some(part) = part else { continue };
                let figures: [(&str, Option<Decimal>, Option<Decimal>, bool); 2] = if at == "end" {
                    [
                        ("cash", year.statement.cash, part.statement.cash, true),
                        ("headcount", year.headcount_end, part.headcount_end, false),
                    ]
                } else {
                    [
                        ("cash", None, None, true),
                        (
                            "headcount",
                            year.headcount_start,
                            part.headcount_start,
                            false,
                        ),
                    ]
                };
                for (what, of_year, of_part, is_money) in figures {
                    let (Some(a), Some(b)) = (of_year, of_part) else {
                        continue;
                    };
                    if a == b {
                        continue;
                    }
                    // Every digit: the two figures may differ in the last one.
                    let shown = |v: Decimal| match is_money {
                        true => crate::format::money_full(v, currency),
                        false => grouped(v, 2),
                    };
                    warnings.push(Warning::new(
                        Some(year.label.to_string()),
                        WarningKind::SameDateDisagrees,
                        format!(
                            "{} and {} {} on the same day, but the {what} at their {at} is {} in \
                             {} and {} in {}; one figure is wrong: make them agree",
                            year.label,
                            part.label,
                            if at == "end" { "end" } else { "start" },
                            shown(a),
                            year.label,
                            shown(b),
                            part.label
                        ),
                    ));
                }
            }
        }
    }
    warnings
}

/// One warning naming the periods whose operating income is derived from the listed cost lines
/// rather than reported: a brief that lists only some costs would overstate it, so the criteria
/// judged on it are watch at best until the input gives the reported figure or acknowledges the
/// derivation (`[[acknowledge]] kind = "derived_operating_income"`).
fn derived_operating_income(periods: &[PeriodMetrics]) -> Option<Warning> {
    let derived: Vec<String> = periods
        .iter()
        .filter(|p| p.operating_income_source == Some("derived"))
        .map(|p| p.label.to_string())
        .collect();
    if derived.is_empty() {
        return None;
    }
    Some(Warning::new(
        None,
        WarningKind::DerivedOperatingIncome,
        format!(
            "Operating income is not given for {}, so it is derived as revenue minus the listed \
             cost lines; if the list leaves out any cost, the operating margin and the Rule of \
             40 are overstated: give operating_income as reported, or acknowledge the derivation",
            derived.join(", ")
        ),
    ))
}

fn money(value: Decimal, currency: &str) -> String {
    money_precise(to_f64(value), currency)
}

/// A start headcount more than twice (or less than half) the previous period's end.
fn headcount_continuity(input: &CompanyInput) -> Vec<Warning> {
    let ends: HashMap<PeriodLabel, Decimal> = input
        .periods
        .iter()
        .filter_map(|p| Some((p.label, p.headcount_end?)))
        .collect();
    let factor = Decimal::from(HEADCOUNT_FACTOR);
    let mut warnings = Vec::new();
    for period in &input.periods {
        let Some(start) = period.headcount_start else {
            continue;
        };
        let previous = period.label.previous();
        let Some(&end) = ends.get(&previous) else {
            continue;
        };
        let (larger, smaller) = (start.max(end), start.min(end));
        if larger <= smaller.saturating_mul(factor) {
            continue;
        }
        // No ratio when the smaller is zero, or so small that the ratio is past the range.
        let times = match larger.checked_div(smaller) {
            Some(times) if !smaller.is_zero() => {
                let direction = if start > end { "more" } else { "fewer" };
                format!(", {} times {direction}", grouped(times, 1))
            }
            _ => String::new(),
        };
        warnings.push(Warning::new(
            Some(period.label.to_string()),
            WarningKind::HeadcountContinuity,
            format!(
                "{}: the period starts with {} people but {previous} ended with {}{times}; look \
                 for a typo: the start headcount sets the average headcount and so every \
                 per-employee figure of {}",
                period.label,
                grouped(start, 1),
                grouped(end, 1),
                period.label,
            ),
        ));
    }
    warnings
}

/// Operating and adjusted operating margins outside -1000%..100%.
fn margins(period: &PeriodMetrics) -> Vec<Warning> {
    let checks = [
        ("operating margin", period.operating_margin_pct),
        (
            "adjusted operating margin",
            period.adjusted_operating_margin_pct,
        ),
    ];
    checks
        .into_iter()
        .filter_map(|(name, margin)| {
            let margin = margin?;
            let why = if margin > MARGIN_MAX_PCT {
                format!(
                    "above {}: it takes costs below zero to earn more than the revenue; check \
                     the signs and the scale of the costs",
                    pct(MARGIN_MAX_PCT, false)
                )
            } else if margin < MARGIN_MIN_PCT {
                format!(
                    "below {}: the loss is more than ten times the revenue; check the scale of \
                     revenue and costs",
                    pct(MARGIN_MIN_PCT, false)
                )
            } else {
                return None;
            };
            Some(Warning::new(
                Some(period.label.to_string()),
                WarningKind::MarginOutOfRange,
                format!(
                    "{}: an {name} of {} is {why}",
                    period.label,
                    pct(margin, false)
                ),
            ))
        })
        .collect()
}

/// Personnel cost above the sum of every listed cost line (pay is part of those costs).
fn personnel_above_costs(period: &PeriodMetrics, currency: &str) -> Option<Warning> {
    let personnel = period.personnel_cost?.0;
    let costs = period.opex?.0;
    if personnel <= costs {
        return None;
    }
    Some(Warning::new(
        Some(period.label.to_string()),
        WarningKind::PersonnelAboveCosts,
        format!(
            "{}: personnel cost ({}) is more than all the listed cost lines together ({}); pay \
             is part of those costs, so a line may be missing, or personnel cost is in another \
             scale",
            period.label,
            money(personnel, currency),
            money(costs, currency),
        ),
    ))
}

/// A period whose revenue per employee is more than three times, or less than a third of,
/// both its neighbours in the same series (the nearest periods with a figure).
fn revenue_per_employee_jumps(periods: &[PeriodMetrics], currency: &str) -> Vec<Warning> {
    let factor = Decimal::from(JUMP_FACTOR);
    let mut warnings = Vec::new();
    for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
        let series: Vec<(PeriodLabel, Decimal)> = periods
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| Some((p.label, p.revenue_per_employee?.0)))
            .filter(|(_, value)| *value > Decimal::ZERO)
            .collect();
        for window in series.windows(3) {
            let [(before, a), (label, b), (after, c)] = [window[0], window[1], window[2]];
            let above = b > a.saturating_mul(factor) && b > c.saturating_mul(factor);
            let below = b.saturating_mul(factor) < a && b.saturating_mul(factor) < c;
            let how = match (above, below) {
                (true, _) => "more than three times",
                (_, true) => "less than a third of",
                _ => continue,
            };
            warnings.push(Warning::new(
                Some(label.to_string()),
                WarningKind::RevenuePerEmployeeJump,
                format!(
                    "{label}: revenue per employee of {} is {how} both {before}'s ({}) and \
                     {after}'s ({}); check the headcount and revenue of {label}",
                    money(b, currency),
                    money(a, currency),
                    money(c, currency),
                ),
            ));
        }
    }
    warnings
}

mod plausible;

#[cfg(test)]
mod tests;
