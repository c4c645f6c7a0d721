//! The brief's notes on unavailable values, grouped by reason.
//!
//! Building the tables, each n/a cell is marked with its period, row and typed reason; the
//! cells with the same reason join one group, whatever their row, table or series (years,
//! quarters, the company's KPIs): a reason is a fact about the input ("the input gives no
//! headcount, period end"), true of every period it names. Once the brief is built, the groups become
//! numbered notes in reading order, each naming its periods once as a range ("2025-Q1 to
//! 2025-Q4: no 2024-Q1 to 2024-Q4 in the input to compare with"). A row whose n/a cells all
//! share one note carries the mark beside its name instead of in every cell; tables whose
//! notes read the same (same periods, same reason) share one. Notes are typed data in the
//! template context: a template (Markdown, HTML, a later PDF) lays them out.

use std::collections::HashMap;

use serde::Serialize;

use crate::metrics::reason::words;
use crate::metrics::runs::{self, Run};
use crate::metrics::Reason;
use crate::period::PeriodLabel;

/// The reasons of the n/a cells met while building the brief, grouped by reason.
#[derive(Debug, Default)]
pub struct Notes {
    groups: Vec<Group>,
    index: HashMap<Reason, usize>,
}

#[derive(Debug)]
struct Group {
    /// The reason of n/a cells; None for a note said in words ([`Notes::said`]).
    reason: Option<Reason>,
    /// The note's words when it has no typed reason.
    said: String,
    labels: Vec<PeriodLabel>,
}

impl Notes {
    /// Records that the value of `label` in the row `row` (its metric key, or a cost line's
    /// `cost_lines.<name>.<key>`) is n/a for `reason`; returns the group, which a cell holds
    /// until [`Numbering`] turns it into a note number.
    pub fn mark(&mut self, label: PeriodLabel, _row: &str, reason: Reason) -> usize {
        let key = reason;
        let group = match self.index.get(&key) {
            Some(&group) => group,
            None => {
                let group = self.groups.len();
                self.groups.push(Group {
                    reason: Some(key.clone()),
                    said: String::new(),
                    labels: Vec::new(),
                });
                self.index.insert(key, group);
                group
            }
        };
        let labels = &mut self.groups[group].labels;
        if !labels.contains(&label) {
            labels.push(label);
        }
        group
    }

    /// A note in words that belongs to no period of the company's own series (the Peers
    /// section's notes name the peer and its fiscal year); equal words share one note.
    pub fn said(&mut self, text: String) -> usize {
        if let Some(group) = self
            .groups
            .iter()
            .position(|g| g.reason.is_none() && g.said == text)
        {
            return group;
        }
        self.groups.push(Group {
            reason: None,
            said: text,
            labels: Vec::new(),
        });
        self.groups.len() - 1
    }

    /// A note in words about `label` (the plan against actual's reasons, which are words):
    /// equal words share one note, naming each of their periods.
    pub fn said_of(&mut self, label: PeriodLabel, text: String) -> usize {
        let group = self.said(text);
        let labels = &mut self.groups[group].labels;
        if !labels.contains(&label) {
            labels.push(label);
        }
        group
    }
}

/// A note on n/a values: the periods it holds in and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// The periods, as runs of consecutive periods in time order.
    pub runs: Vec<Run>,
    /// The same runs as one phrase: "2025-Q1 to 2025-Q3, 2026-Q1".
    pub periods: String,
    /// Why the values are n/a, in words.
    pub reason: String,
}

/// Turns note groups into note numbers in the order a reader meets them. Equal notes share a
/// number.
#[derive(Debug)]
pub struct Numbering {
    groups: Vec<Group>,
    numbers: HashMap<usize, usize>,
    notes: Vec<Note>,
}

impl Numbering {
    pub fn new(notes: Notes) -> Self {
        Numbering {
            groups: notes.groups,
            numbers: HashMap::new(),
            notes: Vec::new(),
        }
    }

    /// The note number of a group, numbering it on first sight.
    pub fn number(&mut self, group: usize) -> usize {
        if let Some(&number) = self.numbers.get(&group) {
            return number;
        }
        let note = match self.groups.get(group) {
            Some(Group {
                reason: None,
                said,
                labels,
            }) => {
                let runs = runs::runs(labels.iter().copied());
                Note {
                    periods: runs::text(&runs),
                    runs,
                    reason: said.clone(),
                }
            }
            Some(
                g @ Group {
                    reason: Some(reason),
                    ..
                },
            ) => {
                let runs = runs::runs(g.labels.iter().copied());
                Note {
                    periods: runs::text(&runs),
                    runs,
                    reason: words(reason, &g.labels),
                }
            }
            None => Note {
                runs: Vec::new(),
                periods: String::new(),
                reason: "not given in the input".to_string(),
            },
        };
        let number = match self.notes.iter().position(|n| *n == note) {
            Some(index) => index + 1,
            None => {
                self.notes.push(note);
                self.notes.len()
            }
        };
        self.numbers.insert(group, number);
        number
    }

    /// Replaces a cell's note group by its note number.
    pub fn note(&mut self, note: &mut Option<usize>) {
        *note = note.map(|group| self.number(group));
    }

    /// Numbers a table row: when two or more cells are n/a and all for the one reason, the
    /// note goes beside the row's name (`row_note`) and the cells show a plain n/a.
    pub fn row(&mut self, row_note: &mut Option<usize>, mut cell_notes: Vec<&mut Option<usize>>) {
        let groups: Vec<usize> = cell_notes.iter().filter_map(|n| **n).collect();
        let one_reason = groups.len() >= 2 && groups.iter().all(|g| *g == groups[0]);
        if one_reason {
            *row_note = Some(self.number(groups[0]));
            for note in &mut cell_notes {
                **note = None;
            }
        } else {
            for note in cell_notes {
                self.note(note);
            }
        }
    }

    /// The notes, in number order.
    pub fn into_notes(self) -> Vec<Note> {
        self.notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::reason::Compared;
    use crate::report::cell::Cell;
    use crate::report::tables::Row;

    fn label(text: &str) -> PeriodLabel {
        PeriodLabel::parse(text).expect("a valid label")
    }

    #[test]
    fn one_reason_in_neighbouring_periods_is_one_note_with_a_range() {
        let mut notes = Notes::default();
        let reason = Reason::NoPeriod {
            compared: Compared::YearEarlier,
        };
        let groups: Vec<usize> = ["2025-Q1", "2025-Q2", "2025-Q3", "2026-Q1"]
            .iter()
            .map(|t| notes.mark(label(t), "revenue_growth_yoy_pct", reason.clone()))
            .collect();
        assert!(groups.iter().all(|g| *g == groups[0]));
        let mut numbering = Numbering::new(notes);
        assert_eq!(numbering.number(groups[0]), 1);
        let list = numbering.into_notes();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].periods, "2025-Q1 to 2025-Q3, 2026-Q1");
        // 2025-Q4 is not among them, so 2024-Q4 is not named either.
        assert_eq!(
            list[0].reason,
            "no 2024-Q1 to 2024-Q3, 2025-Q1 in the input to compare with"
        );
    }

    #[test]
    fn years_and_quarters_with_one_reason_are_one_note() {
        let mut notes = Notes::default();
        let reason = Reason::NotGiven {
            figure: "personnel_cost",
        };
        let year = notes.mark(label("2024"), "personnel_cost", reason.clone());
        let quarter = notes.mark(label("2024-Q4"), "personnel_cost", reason);
        assert_eq!(year, quarter);
        let mut numbering = Numbering::new(notes);
        assert_eq!(numbering.number(year), 1);
        let list = numbering.into_notes();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].periods, "2024, 2024-Q4");
    }

    #[test]
    fn one_reason_in_several_rows_and_tables_is_one_note() {
        let mut notes = Notes::default();
        let reason = Reason::NotGiven {
            figure: "headcount_end",
        };
        // Headcount and average headcount (both in the efficiency table) miss 2025-Q1 and
        // 2026-Q1, revenue per employee (the same table) 2024-Q2 too.
        let mut groups = Vec::new();
        for row in ["headcount_end", "avg_headcount"] {
            for period in ["2025-Q1", "2026-Q1"] {
                groups.push(notes.mark(label(period), row, reason.clone()));
            }
        }
        groups.push(notes.mark(label("2024-Q2"), "revenue_per_employee", reason.clone()));
        // The adjusted operating margin is in the cost table: the same note (a reason is a
        // fact about the input, whatever the table), its period already named.
        groups.push(notes.mark(label("2025-Q1"), "adjusted_operating_margin_pct", reason));
        let mut numbering = Numbering::new(notes);
        let numbers: Vec<usize> = groups.iter().map(|g| numbering.number(*g)).collect();
        assert_eq!(numbers, [1, 1, 1, 1, 1, 1]);
        let list = numbering.into_notes();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].periods, "2024-Q2, 2025-Q1, 2026-Q1");
        assert_eq!(list[0].reason, "the input gives no headcount, period end");
    }

    #[test]
    fn notes_that_read_the_same_share_a_number() {
        let mut notes = Notes::default();
        let reason = Reason::BeforeFirst {
            first: label("2022"),
        };
        // Revenue growth (growth table) and headcount change (efficiency table) in 2022.
        let growth = notes.mark(label("2022"), "revenue_growth_yoy_pct", reason.clone());
        let headcount = notes.mark(label("2022"), "headcount_change_yoy_pct", reason);
        assert_eq!(growth, headcount);
        let mut numbering = Numbering::new(notes);
        assert_eq!(numbering.number(growth), 1);
        assert_eq!(numbering.number(headcount), 1);
        assert_eq!(numbering.into_notes().len(), 1);
    }

    #[test]
    fn a_row_with_one_reason_carries_the_mark_beside_its_name() {
        let mut notes = Notes::default();
        let reason = Reason::NotGiven {
            figure: "personnel_cost",
        };
        let cell = |note: Option<usize>| Cell {
            note,
            ..Cell::new(
                None,
                crate::metrics::Unit::Money,
                crate::metrics::Polarity::DownGood,
                super::super::cell::Place::Table,
            )
        };
        let a = notes.mark(label("2022"), "loaded_cost_per_employee", reason.clone());
        let b = notes.mark(label("2023"), "loaded_cost_per_employee", reason);
        let c = notes.mark(
            label("2024"),
            "loaded_cost_per_employee",
            Reason::Zero {
                figure: "avg_headcount",
            },
        );
        let mut one_reason = Row {
            name: "Loaded cost per employee (annualised)".into(),
            cells: vec![cell(Some(a)), cell(Some(b)), cell(None)],
            tag: None,
            note: None,
        };
        let mut two_reasons = Row {
            name: "Loaded cost per employee (annualised)".into(),
            cells: vec![cell(Some(a)), cell(Some(c))],
            tag: None,
            note: None,
        };
        let mut single = Row {
            name: "Loaded cost per employee (annualised)".into(),
            cells: vec![cell(Some(a)), cell(None)],
            tag: None,
            note: None,
        };
        let mut numbering = Numbering::new(notes);
        one_reason.number(&mut numbering);
        assert_eq!(one_reason.note, Some(1));
        assert!(one_reason.cells.iter().all(|c| c.note.is_none()));
        // Two reasons: each cell keeps its own mark.
        two_reasons.number(&mut numbering);
        assert_eq!(two_reasons.note, None);
        assert_eq!(two_reasons.cells[0].note, Some(1));
        assert_eq!(two_reasons.cells[1].note, Some(2));
        // A single n/a cell is marked where it is.
        single.number(&mut numbering);
        assert_eq!(single.note, None);
        assert_eq!(single.cells[0].note, Some(1));
    }
}
