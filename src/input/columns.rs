//! Periods across the columns, the way most finance sheets are laid out: a row of period
//! labels, and under it one row per figure, named in the first column (`revenue`,
//! `cost:marketing`, ...). Found from the first row holding period labels, or asked for with
//! `--layout columns`; read by turning it into the usual one-row-per-period shape. Where the
//! header row is, in either layout, is decided here for sheets and CSV files alike.

use calamine::{Data, Range};

use super::names::fold;
use crate::period::PeriodLabel;

/// How periods are laid out in a CSV file or a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// One row per period under a header row of field names (the default).
    Rows,
    /// One column per period under a row of period labels; figures in rows.
    Columns,
}

/// A row of a sheet or CSV file: its absolute index (0-based) and its cells with text, each
/// with its absolute column (0-based) and trimmed text.
pub type TextRow = (u32, Vec<(u32, String)>);

/// The header row: the first row with a `label` cell (rows above it, such as a title, are
/// ignored), else the first row with any text. Its absolute row, and each named column's
/// absolute index and name.
pub fn header_row(rows: &[TextRow]) -> Option<TextRow> {
    let with_label = rows
        .iter()
        .position(|(_, cells)| cells.iter().any(|(_, name)| fold(name) == "label"));
    let first = rows.iter().position(|(_, cells)| !cells.is_empty());
    with_label.or(first).map(|index| rows[index].clone())
}

/// The first row holding period labels, when periods run across the sheet (found before any
/// row with a `label` cell, or asked for with `--layout columns`): its row and the column
/// naming the figures.
pub fn columns_header(rows: &[TextRow], layout: Option<Layout>) -> Option<(u32, u32)> {
    if layout == Some(Layout::Rows) {
        return None;
    }
    for (row, cells) in rows {
        if let Some(names_column) = period_header(cells) {
            return Some((*row, names_column));
        }
        if layout.is_none() && cells.iter().any(|(_, text)| fold(text) == "label") {
            return None;
        }
    }
    None
}

/// When a row's non-empty cells (column, text) are a header of period columns: the column
/// that names the figures. Either the first cell is not a label and every other one (at least
/// one) is, or every cell is a label and the names are in the column before the first.
pub fn period_header(cells: &[(u32, String)]) -> Option<u32> {
    let is_label = |text: &str| PeriodLabel::parse(text).is_ok();
    let ((first_column, first), rest) = cells.split_first()?;
    if is_label(first) {
        let all = rest.iter().all(|(_, text)| is_label(text));
        return (all && *first_column > 0).then(|| first_column - 1);
    }
    let all = !rest.is_empty() && rest.iter().all(|(_, text)| is_label(text));
    all.then_some(*first_column)
}

/// A sheet with periods across, turned so that each period is a row: cell (row, column) moves
/// to (column, row), rows above the label row are left out, and the names column's cell in the
/// label row becomes the `label` header. Positions stay absolute, so they can be turned back.
pub fn transpose(range: &Range<Data>, label_row: u32, names_column: u32) -> Range<Data> {
    let (top, left) = range.start().unwrap_or_default();
    let (bottom, right) = range.end().unwrap_or_default();
    let mut turned = Range::new(
        (left.min(names_column), label_row),
        (right, bottom.max(top)),
    );
    for (i, j, value) in range.used_cells() {
        let (row, column) = (top + i as u32, left + j as u32);
        if row >= label_row {
            turned.set_value((column, row), value.clone());
        }
    }
    turned.set_value((names_column, label_row), Data::String("label".to_string()));
    turned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[(u32, &str)]) -> Vec<(u32, String)> {
        texts.iter().map(|(c, t)| (*c, t.to_string())).collect()
    }

    #[test]
    fn a_row_of_period_labels_is_a_header() {
        assert_eq!(
            period_header(&cells(&[(0, "metric"), (1, "FY2023"), (2, "2024")])),
            Some(0)
        );
        assert_eq!(
            period_header(&cells(&[(2, "Q1 2024"), (3, "Q2 2024")])),
            Some(1)
        );
        assert_eq!(period_header(&cells(&[(0, "label"), (1, "revenue")])), None);
        assert_eq!(
            period_header(&cells(&[(0, "2023"), (1, "100"), (2, "50")])),
            None
        );
        assert_eq!(
            period_header(&cells(&[(0, "2023"), (1, "2024")])),
            None,
            "no names column"
        );
        assert_eq!(period_header(&cells(&[(0, "Acme figures")])), None);
    }

    #[test]
    fn transposing_puts_each_period_in_a_row() {
        // A title in A1, labels in row 2 (B2, C2), revenue in row 3.
        let mut range: Range<Data> = Range::new((0, 0), (2, 2));
        range.set_value((0, 0), Data::String("Acme".into()));
        range.set_value((1, 1), Data::String("2023".into()));
        range.set_value((1, 2), Data::String("2024".into()));
        range.set_value((2, 0), Data::String("revenue".into()));
        range.set_value((2, 1), Data::Float(100.0));
        range.set_value((2, 2), Data::Float(130.0));
        let turned = transpose(&range, 1, 0);
        assert_eq!(
            turned.get_value((0, 1)),
            Some(&Data::String("label".into()))
        );
        assert_eq!(
            turned.get_value((0, 2)),
            Some(&Data::String("revenue".into()))
        );
        assert_eq!(turned.get_value((2, 1)), Some(&Data::String("2024".into())));
        assert_eq!(turned.get_value((2, 2)), Some(&Data::Float(130.0)));
        assert_eq!(turned.get_value((0, 0)), None, "the title is left out");
    }
}
