//! The names a CSV gives its figures: the plain columns, the prefixed ones (`cost:`,
//! `value:`), which way they run, and a name as people write it folded to the one the readers
//! know.

use std::sync::LazyLock;

use super::super::figures::FIGURES;
use super::super::names::fold;

/// The plain (non-cost) columns a CSV input may have: `label`, each figure's that the
/// workbook's Inputs sheet has, `notes` (the Inputs sheet's columns, [`INPUTS_SHEET_COLUMNS`]
/// of them), then the figures only the non-GAAP reconciliations read.
pub static COLUMNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let sheet = |on: bool| FIGURES.iter().filter(move |f| f.inputs_sheet == on);
    std::iter::once("label")
        .chain(sheet(true).map(|f| f.column))
        .chain(std::iter::once("notes"))
        .chain(sheet(false).map(|f| f.column))
        .collect()
});

/// How many of [`COLUMNS`] the workbook's Inputs sheet has (the first ones).
pub static INPUTS_SHEET_COLUMNS: LazyLock<usize> =
    LazyLock::new(|| 2 + FIGURES.iter().filter(|f| f.inputs_sheet).count());

/// A column (or row) that names one of a kind of figure after a prefix: `cost:marketing` is a
/// cost line, `value:gmv` an operating value that company KPIs read (`[period.values]`).
pub(in crate::input) struct Prefixed {
    pub prefix: &'static str,
    /// What one of them is, in messages: "cost line".
    pub noun: &'static str,
    pub example: &'static str,
}

pub(in crate::input) const PREFIXES: [Prefixed; 4] = [
    Prefixed {
        prefix: "cost",
        noun: "cost line",
        example: "cost:marketing",
    },
    Prefixed {
        prefix: "value",
        noun: "value",
        example: "value:gmv",
    },
    Prefixed {
        prefix: "adjustment",
        noun: "adjustment",
        example: "adjustment:restructuring",
    },
    Prefixed {
        prefix: "reported",
        noun: "reported figure",
        example: "reported:adjusted_ebitda",
    },
];

impl Prefixed {
    /// The name after this prefix, when `header` has it.
    pub(in crate::input) fn name<'h>(&self, header: &'h str) -> Option<&'h str> {
        header
            .strip_prefix(self.prefix)
            .and_then(|rest| rest.strip_prefix(':'))
    }
}

/// Which way the figures' names run: a header row of columns, or (periods across) the first
/// cell of each row. Messages name a figure's place by it ("unknown row \"revnue\"").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::input) enum Axis {
    Columns,
    Rows,
}

impl Axis {
    pub(in crate::input) fn noun(self) -> &'static str {
        match self {
            Axis::Columns => "column",
            Axis::Rows => "row",
        }
    }
}

/// A figure's name as a header cell or a row's first cell gives it, in the form the readers
/// know: the plain names folded as people write them ("Headcount end", "Headcount-End" ->
/// "headcount_end"), and the prefixes whatever their case and spaces ("Cost : Marketing" ->
/// "cost:Marketing"; the line's own name keeps its case). Anything else (a subtotal, an
/// unknown name to be refused with a suggestion) is returned trimmed.
pub(in crate::input) fn figure_name(written: &str) -> String {
    let trimmed = written.trim();
    if let Some((prefix, name)) = trimmed.split_once(':') {
        if let Some(p) = PREFIXES
            .iter()
            .find(|p| prefix.trim().eq_ignore_ascii_case(p.prefix))
        {
            return format!("{}:{}", p.prefix, name.trim());
        }
    }
    let folded = fold(trimmed);
    if COLUMNS.contains(&folded.as_str()) {
        return folded;
    }
    trimmed.to_string()
}
