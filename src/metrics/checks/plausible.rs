//! Plausibility checks that catch a slip of scale or unit, which every other check misses
//! because the figures agree with each other: a whole file missing `scale = "thousands"`
//! (revenue per employee of $307 a year), a figure a thousand times off its neighbours (one
//! year entered in units among years in thousands), a share above 100% (GMV in millions in a
//! file in thousands). The bounds are in `docs/metrics.md` (Warnings).

use rust_decimal::Decimal;

use super::super::PeriodMetrics;
use crate::format::{grouped, line_name, money_precise, pct, to_f64};
use crate::input::formula::{Expr, Op};
use crate::input::{CompanyInput, Kpi, KpiUnit, Period, ValueUnit, Warning, WarningKind};
use crate::period::{PeriodKind, PeriodLabel};

/// Annualised revenue per employee no company has, in US dollars a year: below the most
/// labour-intensive (security and cleaning firms, about $5k) and above the leanest traders.
const REVENUE_PER_EMPLOYEE_USD: (i64, i64) = (1_000, 100_000_000);
/// Annualised personnel cost per employee no company pays, in US dollars a year: below a
/// year of the lowest minimum wages, above any firm's average pay.
const LOADED_COST_USD: (i64, i64) = (500, 5_000_000);

/// Rough units of a currency per US dollar, as an order of magnitude, for currencies whose
/// unit is much smaller than a dollar; every other currency counts as about one dollar (EUR,
/// GBP, CHF, ...). The bounds above are wide enough for a rate ten times off.
const UNITS_PER_USD: &[(&str, i64)] = &[
    ("CLP", 1_000),
    ("CNY", 10),
    ("COP", 1_000),
    ("CZK", 10),
    ("DKK", 10),
    ("HUF", 100),
    ("IDR", 10_000),
    ("INR", 100),
    ("ISK", 100),
    ("JPY", 100),
    ("KRW", 1_000),
    ("MXN", 10),
    ("NGN", 1_000),
    ("NOK", 10),
    ("PHP", 10),
    ("PKR", 100),
    ("RUB", 100),
    ("SEK", 10),
    ("THB", 10),
    ("TWD", 10),
    ("VND", 10_000),
    ("ZAR", 10),
];

/// A figure more than this many times both its neighbours (or less than the inverse) is a
/// thousandfold slip: growth alone does not get there in one period.
const SCALE_JUMP_FACTOR: i64 = 500;
/// A share-shaped percentage KPI more than this many times both its neighbours (or less than
/// a tenth) is far outside its own history.
const SHARE_HISTORY_FACTOR: i64 = 10;

/// Every plausibility warning: per-employee amounts, thousandfold jumps, shares above 100%.
pub(super) fn warnings(input: &CompanyInput, periods: &[PeriodMetrics]) -> Vec<Warning> {
    let currency = input.company.currency.as_str();
    let mut warnings: Vec<Warning> = periods
        .iter()
        .flat_map(|p| per_employee(p, currency))
        .collect();
    warnings.extend(scale_jumps(input));
    warnings.extend(shares(input, periods));
    warnings
}

/// The units of `currency` per US dollar, roughly (1 for a currency not in the table).
fn units_per_usd(currency: &str) -> i64 {
    UNITS_PER_USD
        .iter()
        .find(|(code, _)| *code == currency)
        .map_or(1, |(_, units)| *units)
}

/// Revenue and loaded cost per employee outside what any company has in its currency.
fn per_employee(period: &PeriodMetrics, currency: &str) -> Vec<Warning> {
    let rate = units_per_usd(currency);
    let figures = [
        (
            "revenue per employee",
            period.revenue_per_employee,
            REVENUE_PER_EMPLOYEE_USD,
        ),
        (
            "loaded cost per employee",
            period.loaded_cost_per_employee,
            LOADED_COST_USD,
        ),
    ];
    let mut warnings = Vec::new();
    for (name, value, (low_usd, high_usd)) in figures {
        // Zero is not a slip of scale: a company without revenue (or pay) yet.
        let Some(value) = value.map(|v| v.0).filter(|v| *v > Decimal::ZERO) else {
            continue;
        };
        let (low, high) = (
            Decimal::from(low_usd * rate),
            Decimal::from(high_usd * rate),
        );
        let usd = |bound: i64| money_precise(bound as f64, "USD");
        let (side, bound, bound_usd, hint) = if value < low {
            ("below", low, usd(low_usd), "scale = \"thousands\"?")
        } else if value > high {
            (
                "above",
                high,
                usd(high_usd),
                "amounts in thousands marked as millions?",
            )
        } else {
            continue;
        };
        let about = if currency == "USD" {
            String::new()
        } else {
            format!(", about {bound_usd}")
        };
        warnings.push(Warning::new(
            Some(period.label.to_string()),
            WarningKind::ImplausiblePerEmployee,
            format!(
                "{}: {name} of {} a year is {side} any real company's ({}{about}): check the \
                 file's scale ({hint}) and the headcount",
                period.label,
                money_precise(to_f64(value), currency),
                money_precise(to_f64(bound), currency),
            ),
        ));
    }
    warnings
}

/// A figure of one series, for the thousandfold check.
enum Figure<'a> {
    Revenue,
    PersonnelCost,
    Line(&'a str),
    Value(&'a str),
}

impl Figure<'_> {
    fn words(&self) -> String {
        match self {
            Figure::Revenue => "revenue".into(),
            Figure::PersonnelCost => "personnel cost".into(),
            Figure::Line(line) => format!("the \"{}\" cost line", line_name(line)),
            Figure::Value(name) => format!("values.{name}"),
        }
    }

    fn value(&self, period: &Period) -> Option<Decimal> {
        match self {
            Figure::Revenue => Some(period.revenue),
            Figure::PersonnelCost => period.personnel_cost,
            Figure::Line(line) => period.costs.get(*line).copied(),
            Figure::Value(name) => period.values.get(*name).copied(),
        }
    }
}

/// Revenue, personnel cost, each cost line and each `[period.values]` name a thousand times
/// off both its neighbours in the same series (see [`neighbours`]).
fn scale_jumps(input: &CompanyInput) -> Vec<Warning> {
    let currency = input.company.currency.as_str();
    let periods = || input.periods.iter();
    let mut figures = vec![Figure::Revenue, Figure::PersonnelCost];
    let lines = crate::metrics::names_in_order(periods().flat_map(|p| p.costs.keys()));
    figures.extend(lines.into_iter().map(Figure::Line));
    let values = crate::metrics::names_in_order(periods().flat_map(|p| p.values.keys()));
    figures.extend(values.into_iter().map(Figure::Value));
    let factor = Decimal::from(SCALE_JUMP_FACTOR);
    let mut warnings = Vec::new();
    for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
        let mut series: Vec<&Period> = periods().filter(|p| p.label.kind == kind).collect();
        series.sort_by_key(|p| p.label.ordinal());
        for figure in &figures {
            let points: Vec<(PeriodLabel, Decimal)> = series
                .iter()
                .filter_map(|p| Some((p.label, figure.value(p)?)))
                .filter(|(_, v)| *v > Decimal::ZERO)
                .collect();
            for (at, &(label, value)) in points.iter().enumerate() {
                let neighbours: Vec<(PeriodLabel, Decimal)> = neighbours(&points, at);
                if neighbours.is_empty() {
                    continue;
                }
                let above = neighbours
                    .iter()
                    .all(|(_, n)| value > n.saturating_mul(factor));
                let below = neighbours
                    .iter()
                    .all(|(_, n)| value.saturating_mul(factor) < *n);
                let how = match (above, below) {
                    (true, _) => "more than 500 times",
                    (_, true) => "less than a 500th of",
                    _ => continue,
                };
                let money = match figure {
                    Figure::Value(name) => input.value_unit(name) == ValueUnit::Money,
                    _ => true,
                };
                let shown = |v: Decimal| match money {
                    true => money_precise(to_f64(v), currency),
                    false => grouped(v, 2),
                };
                let others: Vec<String> = neighbours
                    .iter()
                    .map(|(l, n)| format!("{l}'s {}", shown(*n)))
                    .collect();
                warnings.push(Warning::new(
                    Some(label.to_string()),
                    WarningKind::ScaleJump,
                    format!(
                        "{label}: {} of {} is {how} {}: a figure a thousand times off its \
                         neighbours; check that it is in the file's scale ({})",
                        figure.words(),
                        shown(value),
                        others.join(" and "),
                        input.company.scale.name(),
                    ),
                ));
            }
        }
    }
    warnings
}

/// The points a figure at `at` is compared with: the one before and the one after; at a
/// series' end, the two nearest on its one side (so that the neighbour of a slip is not taken
/// for one); of two points, the later is compared with the earlier.
fn neighbours(points: &[(PeriodLabel, Decimal)], at: usize) -> Vec<(PeriodLabel, Decimal)> {
    let last = points.len().saturating_sub(1);
    let indices: Vec<usize> = match (at, points.len()) {
        (_, 0 | 1) => vec![],
        (0, 2) => vec![],
        (1, 2) => vec![0],
        (0, _) => vec![1, 2],
        (at, _) if at == last => vec![at - 1, at - 2],
        (at, _) => vec![at - 1, at + 1],
    };
    indices.into_iter().map(|i| points[i]).collect()
}

/// Whether a KPI's formula is a share in percent: a division times 100 (`a / b * 100`,
/// `100 * a / b`, `a * 100 / b`), reading nothing a year earlier (a ratio to a year earlier is
/// an index or a retention rate, which may pass 100%).
fn is_share(kpi: &Kpi) -> bool {
    let hundred =
        |expr: &Expr| matches!(expr, Expr::Number { value, .. } if *value == Decimal::ONE_HUNDRED);
    let division = |expr: &Expr| matches!(expr, Expr::Binary { op: Op::Div, .. });
    let mut prior = false;
    kpi.expr
        .walk(&mut |node| prior |= matches!(node, Expr::Prior { .. }));
    let Expr::Binary {
        op, left, right, ..
    } = &kpi.expr
    else {
        return false;
    };
    let shape = match op {
        Op::Mul => (hundred(right) && division(left)) || (hundred(left) && division(right)),
        Op::Div => matches!(&**left, Expr::Binary { op: Op::Mul, left: a, right: b, .. }
            if hundred(a) || hundred(b)),
        Op::Add | Op::Sub => false,
    };
    shape && !prior
}

/// A `pct` KPI that is a share (`revenue / values.gmv * 100`) above 100%, or more than ten
/// times (or less than a tenth of) both its neighbours in the same series.
fn shares(input: &CompanyInput, periods: &[PeriodMetrics]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for kpi in input
        .kpis
        .iter()
        .filter(|k| k.unit == KpiUnit::Pct && is_share(k))
    {
        let value_in = |p: &PeriodMetrics| Some(p.kpis.get(&kpi.key).copied()??.0);
        let mut out_of_range = Vec::new();
        for period in periods {
            let Some(value) = value_in(period) else {
                continue;
            };
            if value > Decimal::ONE_HUNDRED {
                out_of_range.push(period.label);
                warnings.push(
                    Warning::new(
                        Some(period.label.to_string()),
                        WarningKind::ShareOutOfRange,
                        format!(
                        "{}: KPI \"{}\" is {}, but its formula {} is a share, which cannot pass \
                         100%: check that both sides are in the file's scale ({}), such as a \
                         value in millions in a file in thousands",
                        period.label,
                        kpi.key,
                        pct(to_f64(value), false),
                        kpi.formula,
                        input.company.scale.name(),
                    ),
                    )
                    .about_kpi(&kpi.key),
                );
            }
        }
        let factor = Decimal::from(SHARE_HISTORY_FACTOR);
        for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
            let points: Vec<(PeriodLabel, Decimal)> = periods
                .iter()
                .filter(|p| p.kind == kind)
                .filter_map(|p| Some((p.label, value_in(p)?)))
                .filter(|(_, v)| *v > Decimal::ZERO)
                .collect();
            for window in points.windows(3) {
                let [(before, a), (label, b), (after, c)] = [window[0], window[1], window[2]];
                if out_of_range.contains(&label) {
                    continue;
                }
                let above = b > a.saturating_mul(factor) && b > c.saturating_mul(factor);
                let below = b.saturating_mul(factor) < a && b.saturating_mul(factor) < c;
                let how = match (above, below) {
                    (true, _) => "more than ten times",
                    (_, true) => "less than a tenth of",
                    _ => continue,
                };
                warnings.push(
                    Warning::new(
                        Some(label.to_string()),
                        WarningKind::ShareOutOfRange,
                        format!(
                        "{label}: KPI \"{}\" of {} is {how} both {before}'s ({}) and {after}'s \
                         ({}); check the scale of its figures in {label}",
                        kpi.key,
                        pct(to_f64(b), false),
                        pct(to_f64(a), false),
                        pct(to_f64(c), false),
                    ),
                    )
                    .about_kpi(&kpi.key),
                );
            }
        }
    }
    warnings
}
