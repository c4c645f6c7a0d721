//! Compare's rows for non-GAAP measures: each GAAP base a measure starts from, then each
//! measure reconciled from it and, when a column's company published one, the figure as
//! reported. A base comes first, as prominent as the measures after it. The measures are those
//! of every company whose `metrics.json` shows them (first seen first); a company without one
//! has n/a with the reason.

use super::{Number, Polarity, Source};
use crate::metrics::non_gaap::{figure_name, Measure, Reconciliation};

/// The group the rows are shown in.
pub const GROUP: &str = "Non-GAAP measures";

/// Which line of a reconciliation a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The GAAP base (the row's key names the base, not a measure).
    Base,
    /// The measure as reconciled: base plus items.
    Total,
    /// The figure the company published.
    Reported,
}

/// A row of the group, before its values are looked up (`rows.rs` makes it a row spec of
/// unit amount in [`GROUP`]).
pub struct Measured {
    /// The row's key in compare.json: `non_gaap.<measure>`, `non_gaap.<measure>.reported`,
    /// `non_gaap.base.<base>`.
    pub key: String,
    pub name: String,
    pub polarity: Polarity,
    pub line: Line,
    /// The base's key (for [`Line::Base`]) or the measure's, which [`value`] looks up.
    pub of: String,
}

/// The rows of every measure the columns' companies show.
pub fn specs(sources: &[Source]) -> Vec<Measured> {
    let mut measures: Vec<&Measure> = Vec::new();
    for source in sources.iter().filter(|s| !s.metrics.non_gaap.hidden()) {
        for measure in &source.metrics.non_gaap.measures {
            if !measures.iter().any(|m| m.key == measure.key) {
                measures.push(measure);
            }
        }
    }
    let mut bases: Vec<&'static str> = Vec::new();
    for measure in &measures {
        if !bases.contains(&measure.base) {
            bases.push(measure.base);
        }
    }
    let mut specs = Vec::new();
    for base in bases {
        let polarity =
            crate::metrics::catalogue::metric(base).map_or(Polarity::UpGood, |m| m.polarity);
        specs.push(spec(
            format!("{} (GAAP)", figure_name(base)),
            base,
            Line::Base,
            polarity,
        ));
        for measure in measures.iter().filter(|m| m.base == base) {
            specs.push(spec(
                measure.name.clone(),
                &measure.key,
                Line::Total,
                polarity,
            ));
            if sources
                .iter()
                .any(|s| reconciliation(s, &measure.key).is_some_and(|r| r.reported.is_some()))
            {
                let name = format!("{}, as reported", measure.name);
                specs.push(spec(name, &measure.key, Line::Reported, polarity));
            }
        }
    }
    specs
}

fn spec(name: String, key: &str, line: Line, polarity: Polarity) -> Measured {
    let row_key = match line {
        Line::Base => format!("non_gaap.base.{key}"),
        Line::Total => format!("non_gaap.{key}"),
        Line::Reported => format!("non_gaap.{key}.reported"),
    };
    Measured {
        key: row_key,
        name,
        polarity,
        line,
        of: key.to_string(),
    }
}

/// The reconciliation of the measure `key` in the source's period, if it has one.
fn reconciliation<'a>(source: &Source<'a>, key: &str) -> Option<&'a Reconciliation> {
    reconciled(source, key).ok()
}

/// The reconciliation of the measure `key` in the source's period, or why there is none.
fn reconciled<'a>(source: &Source<'a>, key: &str) -> Result<&'a Reconciliation, String> {
    let measures = &source.metrics.non_gaap.measures;
    let Some(measure) = measures.iter().find(|m| m.key == key) else {
        return Err("the company defines no such measure".into());
    };
    let mut periods = measure.periods.iter();
    periods
        .find(|p| p.period == source.period.label)
        .ok_or_else(|| {
            format!(
                "the input gives neither the {} nor a reported figure",
                words(measure.base)
            )
        })
}

/// The row's value in the source's column, or why there is none; `key` is the base's key
/// (for [`Line::Base`]) or the measure's.
pub fn value(line: Line, key: &str, source: &Source) -> Result<Number, String> {
    let found = match line {
        Line::Base => {
            let base = key;
            let measures = source
                .metrics
                .non_gaap
                .measures
                .iter()
                .filter(|m| m.base == base);
            let mut periods = measures.flat_map(|m| &m.periods);
            let Some(period) = periods.find(|p| p.period == source.period.label) else {
                return Err(format!(
                    "no measure is reconciled from {} in this period",
                    words(base)
                ));
            };
            period
                .base
                .ok_or_else(|| format!("the input gives no {}", words(base)))
        }
        Line::Total | Line::Reported => {
            let period = reconciled(source, key)?;
            match line {
                Line::Total => period
                    .total
                    .ok_or_else(|| period.unavailable.clone().unwrap_or_default()),
                _ => period
                    .reported
                    .ok_or_else(|| "the company reports no figure for this period".into()),
            }
        }
    };
    found.map(Number::Exact)
}

fn words(base: &str) -> String {
    base.replace('_', " ")
}
