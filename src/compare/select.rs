//! Which columns to compare, from `--periods` (one company) or `--period` (peers). Every
//! mistake is a [`UsageError`] (exit 2) that says what is available.

use crate::exit::UsageError;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::{PeriodKind, PeriodLabel};

use super::{Mode, Source};

/// What the user asked to compare, validated against the inputs: one source per column.
pub fn columns<'a>(
    companies: &'a [Metrics],
    periods: &[String],
    period: Option<&str>,
) -> Result<(Mode, Vec<Source<'a>>), UsageError> {
    match companies {
        [] => Err(UsageError("give at least one input to compare".to_string())),
        [one] => {
            if period.is_some() {
                return Err(UsageError(
                    "--period picks the period when comparing companies; to compare periods of \
                     one company use --periods, e.g. --periods 2024,2025 or --periods latest-yoy"
                        .to_string(),
                ));
            }
            if periods.is_empty() {
                return Err(UsageError(format!(
                    "one input needs --periods to choose the columns, e.g. --periods 2024,2025, \
                     latest-yoy or latest-qoq; or give two or more inputs to compare companies. \
                     Periods in {}: {}",
                    one.source,
                    available(one)
                )));
            }
            let labels = period_columns(one, periods)?;
            let sources = labels
                .into_iter()
                .map(|p| Source {
                    metrics: one,
                    period: p,
                })
                .collect();
            Ok((Mode::Periods, sources))
        }
        many => {
            if !periods.is_empty() {
                return Err(UsageError(
                    "--periods compares periods of one company; to compare companies give the \
                     period with --period, e.g. --period 2024 or --period latest"
                        .to_string(),
                ));
            }
            Ok((Mode::Peers, peer_columns(many, period.unwrap_or("latest"))?))
        }
    }
}

/// The periods of an input, comma-separated, for error messages.
pub fn available(metrics: &Metrics) -> String {
    let labels: Vec<String> = metrics
        .periods
        .iter()
        .map(|p| p.label.to_string())
        .collect();
    if labels.is_empty() {
        "none".to_string()
    } else {
        labels.join(", ")
    }
}

fn find<'a>(
    metrics: &'a Metrics,
    label: PeriodLabel,
    why: &str,
) -> Result<&'a PeriodMetrics, UsageError> {
    metrics.period(label).ok_or_else(|| {
        UsageError(format!(
            "{why}{label} is not a period in {}; periods available: {}",
            metrics.source,
            available(metrics)
        ))
    })
}

fn period_columns<'a>(
    metrics: &'a Metrics,
    periods: &[String],
) -> Result<Vec<&'a PeriodMetrics>, UsageError> {
    let shorthand = periods
        .iter()
        .map(|p| p.trim().to_ascii_lowercase())
        .find(|p| p.starts_with("latest"));
    if let Some(shorthand) = shorthand {
        if periods.len() > 1 {
            return Err(UsageError(format!(
                "--periods {shorthand} stands alone; to choose periods list their labels instead, e.g. --periods 2024,2025"
            )));
        }
        return latest_pair(metrics, &shorthand);
    }
    let mut chosen: Vec<&PeriodMetrics> = Vec::new();
    for text in periods {
        let label = PeriodLabel::parse(text).map_err(|error| {
            UsageError(format!(
                "--periods: {}, or latest-yoy / latest-qoq",
                error.0
            ))
        })?;
        if chosen.iter().any(|p| p.label == label) {
            return Err(UsageError(format!("--periods names {label} twice")));
        }
        chosen.push(find(metrics, label, "--periods: ")?);
    }
    // A change is always the later period against the earlier, whatever order they were named
    // in: the columns run in time order, so the first (the base) is the earliest.
    chosen.sort_by_key(|p| {
        metrics
            .periods
            .iter()
            .position(|q| q.label == p.label)
            .unwrap_or(usize::MAX)
    });
    // A part of a year is never compared with a whole one, nor with a part of another length.
    let years: Vec<&&PeriodMetrics> = chosen
        .iter()
        .filter(|p| p.kind == PeriodKind::Year)
        .collect();
    if let Some(part) = years.iter().find(|p| {
        matches!(p.coverage, crate::input::Coverage::YearToDate { .. })
            && years.iter().any(|q| q.coverage != p.coverage)
    }) {
        if let crate::input::Coverage::YearToDate { months } = part.coverage {
            return Err(UsageError(format!(
                "--periods: {} holds {} (year to date), and a part of a year is not compared \
                 with a whole one; compare its quarters with theirs a year earlier instead",
                part.label,
                crate::input::held(months)
            )));
        }
    }
    if chosen.len() < 2 {
        return Err(UsageError(format!(
            "--periods needs at least two periods to compare, e.g. --periods {}; periods in {}: {}",
            example_pair(metrics),
            metrics.source,
            available(metrics)
        )));
    }
    Ok(chosen)
}

/// `latest-yoy`: the latest period and the same period a year earlier; `latest-qoq`: the latest
/// quarter and the quarter before it. The earlier period comes first (the base).
fn latest_pair<'a>(
    metrics: &'a Metrics,
    shorthand: &str,
) -> Result<Vec<&'a PeriodMetrics>, UsageError> {
    let (latest, earlier, what) = match shorthand {
        "latest-yoy" => {
            let latest = metrics
                .latest()
                .ok_or_else(|| UsageError(format!("{} has no periods", metrics.source)))?;
            (latest, latest.label.year_earlier(), "a year earlier")
        }
        "latest-qoq" => {
            let latest = metrics
                .periods
                .iter()
                .rev()
                .find(|p| p.kind == PeriodKind::Quarter)
                .ok_or_else(|| {
                    UsageError(format!(
                        "latest-qoq compares quarters, and {} has none; periods available: {}",
                        metrics.source,
                        available(metrics)
                    ))
                })?;
            (latest, latest.label.previous(), "the quarter before")
        }
        other => {
            return Err(UsageError(format!(
                "--periods: unknown shorthand \"{other}\"; use latest-yoy or latest-qoq, or period labels such as 2024,2025"
            )))
        }
    };
    let why = format!("{shorthand} compares {} with {what}, but ", latest.label);
    let earlier = find(metrics, earlier, &why)?;
    // A part of a year is never compared with a whole one (`Metrics::year_earlier`).
    for period in [earlier, latest] {
        if let crate::input::Coverage::YearToDate { months } = period.coverage {
            return Err(UsageError(format!(
                "{why}{} holds {} (year to date), and a part of a year is not compared with a \
                 whole one; compare its quarters with theirs a year earlier instead",
                period.label,
                crate::input::held(months)
            )));
        }
    }
    Ok(vec![earlier, latest])
}

fn example_pair(metrics: &Metrics) -> String {
    match metrics.latest() {
        Some(latest) => format!("{},{}", latest.label.year_earlier(), latest.label),
        None => "2024,2025".to_string(),
    }
}

/// The period of every company: a label all of them have, or `latest`, each company's own
/// latest fiscal year (a company with no fiscal year: its latest period), named per column.
fn peer_columns<'a>(companies: &'a [Metrics], period: &str) -> Result<Vec<Source<'a>>, UsageError> {
    if period.trim().eq_ignore_ascii_case("latest") {
        return companies
            .iter()
            .map(|metrics| {
                latest_year(metrics)
                    .map(|p| Source { metrics, period: p })
                    .ok_or_else(|| UsageError(format!("{} has no periods", metrics.source)))
            })
            .collect();
    }
    let label = PeriodLabel::parse(period)
        .map_err(|error| UsageError(format!("--period: {}, or latest", error.0)))?;
    companies
        .iter()
        .map(|metrics| find(metrics, label, "--period: ").map(|p| Source { metrics, period: p }))
        .collect()
}

/// A company's latest fiscal year, else its latest period.
fn latest_year(metrics: &Metrics) -> Option<&PeriodMetrics> {
    metrics
        .periods
        .iter()
        .rev()
        .find(|p| p.kind == PeriodKind::Year)
        .or_else(|| metrics.latest())
}
