//! The terminal table's texts and column widths, measured before anything is written.

use super::{Cell, Comparison, Row};

/// Text from an input (names, cost lines) with control characters removed, so a name cannot
/// move the cursor or change the terminal's colours.
pub(super) fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

fn row_name(row: &Row) -> String {
    match row.tag {
        Some(tag) => format!("{} [{tag}]", clean(&row.name)),
        None => clean(&row.name),
    }
}

fn cell_text(cell: &Cell) -> String {
    match cell.note {
        Some(note) => format!("{} [{note}]", cell.text),
        None => cell.text.clone(),
    }
}

fn width<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    texts.map(|t| t.chars().count()).max().unwrap_or(0)
}

/// Every text of the table, cleaned, and the width of each column.
pub(super) struct Table {
    pub(super) names: Vec<String>,
    pub(super) headings: Vec<String>,
    pub(super) subheadings: Vec<String>,
    pub(super) cells: Vec<Vec<String>>,
    pub(super) change_headings: Vec<String>,
    pub(super) name_width: usize,
    pub(super) column_widths: Vec<usize>,
    pub(super) change_widths: Vec<usize>,
}

impl Table {
    /// Measures `comparison`'s table.
    pub(super) fn of(comparison: &Comparison) -> Table {
        let names: Vec<String> = comparison.rows.iter().map(row_name).collect();
        let headings: Vec<String> = comparison
            .columns
            .iter()
            .map(|c| clean(&c.heading))
            .collect();
        let subheadings: Vec<String> = comparison
            .columns
            .iter()
            .map(|c| c.subheading.as_deref().map(clean).unwrap_or_default())
            .collect();
        let cells: Vec<Vec<String>> = comparison
            .rows
            .iter()
            .map(|r| r.cells.iter().map(cell_text).collect())
            .collect();
        let change_headings: Vec<String> = super::words::change_headings(comparison)
            .iter()
            .map(|h| clean(h))
            .collect();

        let name_width = width(
            names
                .iter()
                .map(String::as_str)
                .chain(["Metric", "Cost lines"]),
        );
        let column_widths: Vec<usize> = (0..headings.len())
            .map(|i| {
                width(
                    cells
                        .iter()
                        .filter_map(|row| row.get(i).map(String::as_str))
                        .chain([headings[i].as_str(), subheadings[i].as_str()]),
                )
            })
            .collect();
        let change_widths: Vec<usize> = (0..change_headings.len())
            .map(|i| {
                width(
                    comparison
                        .rows
                        .iter()
                        .filter_map(|row| row.changes.get(i).map(|c| c.text.as_str()))
                        .chain([change_headings[i].as_str()]),
                )
            })
            .collect();
        Table {
            names,
            headings,
            subheadings,
            cells,
            change_headings,
            name_width,
            column_widths,
            change_widths,
        }
    }

    /// The index of the last change column (0 when there is none).
    pub(super) fn last_change(&self) -> usize {
        self.change_headings.len().saturating_sub(1)
    }
}
