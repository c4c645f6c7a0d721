//! A figure's row wider than the row of period labels, where two cells look like one number
//! split by its thousands separator.

use super::super::csv::is_thousands_split;
use super::locate::letters;
use super::FileRow;
use crate::diagnostic::{InputError, Location};

/// Refuses a figure's row with a cell right of the last period label when two of its cells
/// look like one number split by its thousands separator (`revenue,100,62,000` for 62000):
/// read as it stands, the second half would be a period without a label.
pub(super) fn check_row_widths(
    rows: &[FileRow],
    label_row: usize,
    names_column: usize,
    file: &str,
) -> Result<(), InputError> {
    let Some(labels) = rows.get(label_row) else {
        return Ok(());
    };
    let width = labels
        .cells
        .iter()
        .rposition(|cell| !cell.is_empty())
        .map_or(0, |last| last + 1);
    for row in &rows[label_row + 1..] {
        let beyond = row.cells.iter().skip(width).any(|cell| !cell.is_empty());
        if !beyond {
            continue;
        }
        let split = (names_column + 1..row.cells.len().saturating_sub(1))
            .find(|&j| is_thousands_split(&row.cells[j], &row.cells[j + 1]));
        let Some(j) = split else {
            continue;
        };
        let (high, low) = (&row.cells[j], &row.cells[j + 1]);
        let column = labels
            .cells
            .get(j)
            .cloned()
            .unwrap_or_else(|| letters(j as u32));
        let name = row
            .cells
            .get(names_column)
            .filter(|n| !n.is_empty())
            .cloned();
        return Err(InputError::new(
            file,
            format!(
                "row {} has a cell right of the last period label: \"{high},{low}\" looks like \
                 one number split by its thousands separator",
                row.line
            ),
        )
        .at(Some(Location::Cell {
            row: row.line,
            row_name: name,
            column,
            record: row.text.clone(),
        }))
        .with_help(format!(
            "quote it (\"{high},{low}\"), or write {high}{low}: a comma outside quotes starts a \
             new cell"
        )));
    }
    Ok(())
}
