//! One imported figure with where it comes from (filed, or derived from filed figures), and a
//! field's figures by fiscal period with Q4 derived so the quarters add up to the year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::calendar::Span;
use super::facts::Figure;

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Filed as is: the concept and the filing's accession number.
    Filed { concept: String, accn: String },
    /// Computed from filed figures of the concept, as `formula` says ("year - Q1 - Q2 - Q3"
    /// for a Q4), from the filings named; `replaced` is the filed figure that would have made
    /// the quarters miss the year.
    Derived {
        concept: String,
        formula: &'static str,
        accns: Vec<String>,
        replaced: Option<Replaced>,
    },
}

impl Source {
    /// The concept the figure is filed or derived under.
    pub fn concept(&self) -> &str {
        match self {
            Source::Filed { concept, .. } | Source::Derived { concept, .. } => concept,
        }
    }

    /// The filings behind figures, each once, in the order given: what a figure derived from
    /// them cites.
    pub fn filings<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<String> {
        let mut accns: Vec<String> = Vec::new();
        for source in sources {
            if let Source::Filed { accn, .. } = source {
                if !accns.contains(accn) {
                    accns.push(accn.clone());
                }
            }
        }
        accns
    }
}

/// A filed Q4 replaced by the derived one, so the quarters add up to the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    pub value: Decimal,
    pub accn: String,
}

/// One field's value for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub value: Decimal,
    pub source: Source,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Entry {
    pub(super) fn filed(figure: Figure, start: NaiveDate) -> Self {
        Entry {
            value: figure.value,
            source: Source::Filed {
                concept: figure.concept,
                accn: figure.accn,
            },
            start,
            end: figure.end,
        }
    }
}

pub(super) type Series = BTreeMap<Span, Entry>;

/// Makes every year's quarters add up to it exactly: Q4 = fiscal year - Q1 - Q2 - Q3 for every
/// year that has the year and Q1-Q3, when Q4 is not filed (a 10-K has no three-month Q4) or the
/// filed Q4 would make the four quarters miss the year (the year from a later filing, the
/// quarters from the 10-Qs). The replaced figure is kept for the comment.
pub(super) fn derive_fourth_quarters(series: &mut Series) {
    let years: Vec<i32> = series
        .keys()
        .filter_map(|span| match span {
            Span::Year(year) => Some(*year),
            Span::Quarter(..) => None,
        })
        .collect();
    for year in years {
        let filed_q4 = series.get(&Span::Quarter(year, 4)).cloned();
        if matches!(
            filed_q4.as_ref().map(|q4| &q4.source),
            Some(Source::Derived { .. })
        ) {
            continue;
        }
        let parts = [
            Span::Year(year),
            Span::Quarter(year, 1),
            Span::Quarter(year, 2),
            Span::Quarter(year, 3),
        ]
        .map(|span| series.get(&span));
        let [Some(full), Some(q1), Some(q2), Some(q3)] = parts else {
            continue;
        };
        let value = full
            .value
            .checked_sub(q1.value)
            .and_then(|v| v.checked_sub(q2.value))
            .and_then(|v| v.checked_sub(q3.value));
        let (Some(value), Some(start)) = (value, q3.end.succ_opt()) else {
            continue;
        };
        if filed_q4.as_ref().is_some_and(|q4| q4.value == value) {
            continue;
        }
        let replaced = filed_q4.and_then(|q4| match q4.source {
            Source::Filed { accn, .. } => Some(Replaced {
                value: q4.value,
                accn,
            }),
            Source::Derived { .. } => None,
        });
        let accns = Source::filings([full, q1, q2, q3].map(|e| &e.source));
        let concept = full.source.concept().to_string();
        let derived = Entry {
            value,
            source: Source::Derived {
                concept,
                formula: "year - Q1 - Q2 - Q3",
                accns,
                replaced,
            },
            start,
            end: full.end,
        };
        series.insert(Span::Quarter(year, 4), derived);
    }
}
