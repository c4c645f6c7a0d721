//! Periods named as ranges: "2025-Q1 to 2025-Q3, 2026-Q1". A note that holds for several
//! periods names them once, as runs of consecutive periods of one series.

use std::fmt;

use serde::Serialize;

use crate::period::PeriodLabel;

/// Consecutive periods of one series, from `first` to `last` (the same for a single period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Run {
    #[serde(serialize_with = "as_text")]
    pub first: PeriodLabel,
    #[serde(serialize_with = "as_text")]
    pub last: PeriodLabel,
}

fn as_text<S: serde::Serializer>(label: &PeriodLabel, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(label)
}

impl Run {
    /// Whether the run is one period.
    pub fn single(&self) -> bool {
        self.first == self.last
    }
}

impl fmt::Display for Run {
    /// "2025-Q1", "2025-Q1, 2025-Q2" (two periods read better listed) or "2025-Q1 to 2025-Q3".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.single() {
            write!(f, "{}", self.first)
        } else if self.last.ordinal() - self.first.ordinal() == 1 {
            write!(f, "{}, {}", self.first, self.last)
        } else {
            write!(f, "{} to {}", self.first, self.last)
        }
    }
}

/// The labels as runs of consecutive periods, in time order within a series, years first, then
/// halves, then quarters (as the brief shows its series); duplicates count once. Periods of
/// different series (a year among quarters) never join a run.
pub fn runs(labels: impl IntoIterator<Item = PeriodLabel>) -> Vec<Run> {
    let mut labels: Vec<PeriodLabel> = labels.into_iter().collect();
    labels.sort_by_key(|l| (std::cmp::Reverse(l.kind), l.ordinal()));
    labels.dedup();
    let mut runs: Vec<Run> = Vec::new();
    for label in labels {
        match runs.last_mut() {
            Some(run)
                if run.last.kind == label.kind && run.last.ordinal() + 1 == label.ordinal() =>
            {
                run.last = label
            }
            _ => runs.push(Run {
                first: label,
                last: label,
            }),
        }
    }
    runs
}

/// The runs as one phrase: "2025-Q1 to 2025-Q3, 2026-Q1".
pub fn text(runs: &[Run]) -> String {
    runs.iter()
        .map(Run::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The labels named as runs: [`runs`] then [`text`].
pub fn named(labels: impl IntoIterator<Item = PeriodLabel>) -> String {
    text(&runs(labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<PeriodLabel> {
        texts
            .iter()
            .map(|t| PeriodLabel::parse(t).expect("a valid label"))
            .collect()
    }

    #[test]
    fn consecutive_quarters_make_one_range() {
        let quarters = labels(&["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
        assert_eq!(named(quarters), "2025-Q1 to 2025-Q4");
    }

    #[test]
    fn a_gap_starts_a_new_run() {
        // 2025-Q4 is missing, so 2026-Q1 does not follow 2025-Q3.
        let quarters = labels(&["2025-Q1", "2025-Q2", "2025-Q3", "2026-Q1"]);
        assert_eq!(named(quarters), "2025-Q1 to 2025-Q3, 2026-Q1");
        let scattered = labels(&["2024-Q1", "2024-Q2", "2025-Q1", "2026-Q1"]);
        assert_eq!(named(scattered), "2024-Q1, 2024-Q2, 2025-Q1, 2026-Q1");
    }

    #[test]
    fn runs_cross_the_year_end() {
        // 2025-Q1 follows 2024-Q4.
        let quarters = labels(&["2024-Q3", "2024-Q4", "2025-Q1"]);
        assert_eq!(named(quarters), "2024-Q3 to 2025-Q1");
    }

    #[test]
    fn two_periods_are_listed_and_one_stands_alone() {
        assert_eq!(named(labels(&["2022", "2023"])), "2022, 2023");
        assert_eq!(named(labels(&["2022"])), "2022");
        assert_eq!(named(labels(&["2022", "2023", "2024"])), "2022 to 2024");
    }

    #[test]
    fn order_and_duplicates_do_not_matter() {
        let quarters = labels(&["2026-Q1", "2025-Q2", "2025-Q1", "2025-Q2", "2025-Q3"]);
        assert_eq!(named(quarters), "2025-Q1 to 2025-Q3, 2026-Q1");
    }

    #[test]
    fn years_and_quarters_never_join() {
        // 2024 and 2024-Q4 are not one run, though one year and one quarter apart in ordinal;
        // years come first, as the brief shows its series.
        let mixed = labels(&["2024-Q4", "2025", "2025-Q1"]);
        assert_eq!(named(mixed), "2025, 2024-Q4, 2025-Q1");
        assert!(named(labels(&[])).is_empty());
    }
}
