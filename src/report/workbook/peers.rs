//! The Peers sheet: the brief's Peers section as cells. The company's latest fiscal year beside
//! its peers' (one column each, with the fiscal year and, when the year ends differ, its last
//! day), the peers' median as a live `MEDIAN` over the peers' cells with ipobrief's value cached
//! (a value where a peer's amount is not compared), the company's rank, and the section's notes
//! below the table. Values are in the company's currency and scale, in the number format of
//! their unit; an n/a or not-compared value is an empty cell with a note saying why.

use rust_xlsxwriter::{utility::row_col_to_cell, Format, Formula, Worksheet, XlsxError};

use super::series::cell_value;
use super::style::{note, width, Styles, Text};
use crate::input::Company;
use crate::report::peers::{PeerColumn, PeerRow, PeersView};

/// The sheet's name.
pub const PEERS: &str = "Peers";
const HEADER: u32 = 1;
const FIRST_COMPANY_COLUMN: u16 = 1;

/// A company's column head: its name, fiscal year and (when the year ends differ) end date.
fn head(column: &PeerColumn, year_ends_differ: bool) -> String {
    let mut text = column.name.clone();
    match (&column.period, &column.year_end_text) {
        (Some(period), Some(end)) if year_ends_differ => {
            text.push_str(&format!("\n{period} (to {end})"))
        }
        (Some(period), _) => text.push_str(&format!("\n{period}")),
        (None, _) => text.push_str("\n(no fiscal year)"),
    }
    if column.stale {
        text.push_str(", stale");
    }
    text
}

/// The Peers sheet of `view`, for the company `company` (its currency and scale).
pub fn sheet(view: &PeersView, company: &Company, styles: &Styles) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(PEERS)?;
    sheet.text_with(
        0,
        0,
        format!(
            "{}: peers, latest fiscal years; amounts in {}, per-employee figures in {}",
            company.name,
            match company.scale.name() {
                "units" => view.currency.clone(),
                scale => format!("{} {scale}", view.currency),
            },
            view.currency
        ),
        &styles.title,
    )?;
    let companies = view.columns.len() as u16;
    let median_column = FIRST_COMPANY_COLUMN + companies;
    let rank_column = median_column + 1;
    sheet.text_with(HEADER, 0, "Metric", &styles.header)?;
    let mut longest = "Metric".len();
    // Heads on three lines at most (name, fiscal year), so the table fits a page's width.
    let wrapped = styles.header_right.clone().set_text_wrap();
    sheet.set_row_height(HEADER, 45)?;
    for (column, at) in view.columns.iter().zip(FIRST_COMPANY_COLUMN..) {
        let text = head(column, view.year_ends_differ);
        sheet.text_with(HEADER, at, &text, &wrapped)?;
        sheet.set_column_width(at, 24.0)?;
    }
    sheet.text_with(HEADER, median_column, "Peers' median", &wrapped)?;
    sheet.text_with(HEADER, rank_column, "Rank", &styles.header)?;
    sheet.set_column_width(median_column, 15.0)?;
    sheet.set_column_width(rank_column, 26.0)?;

    let mut row = HEADER + 1;
    for peer_row in &view.rows {
        metric_row(&mut sheet, row, peer_row, view, company, styles)?;
        longest = longest.max(peer_row.name.chars().count());
        row += 1;
    }
    sheet.set_column_width(0, width(longest, 20, 50))?;
    sheet.set_freeze_panes(HEADER + 1, 1)?;
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);

    row += 1;
    sheet.text_with(row, 0, "Notes", &styles.section)?;
    row += 1;
    for line in notes(view) {
        sheet.text(row, 0, line)?;
        row += 1;
    }
    Ok(sheet)
}

fn metric_row(
    sheet: &mut Worksheet,
    row: u32,
    peer_row: &PeerRow,
    view: &PeersView,
    company: &Company,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let format = styles.unit(peer_row.unit);
    sheet.text(row, 0, peer_row.name)?;
    for ((cell, column), at) in peer_row
        .cells
        .iter()
        .zip(&view.columns)
        .zip(FIRST_COMPANY_COLUMN..)
    {
        match (cell.cell.value, cell.comparable) {
            (Some(value), true) => {
                sheet.write_number_with_format(
                    row,
                    at,
                    cell_value(peer_row.unit, value, company),
                    format,
                )?;
                if let Some(from) = &cell.converted_from {
                    sheet.insert_note(
                        row,
                        at,
                        &note(format!(
                            "converted from {} {} at {} {} per {}",
                            from.value.as_f64(),
                            from.currency,
                            from.rate,
                            view.currency,
                            from.currency
                        )),
                    )?;
                }
            }
            (Some(_), false) => {
                sheet.write_blank(row, at, format)?;
                sheet.insert_note(
                    row,
                    at,
                    &note(format!(
                        "not compared: {} reports in {}, and no rate to {} was given (--fx)",
                        column.name, cell.currency, view.currency
                    )),
                )?;
            }
            (None, _) => {
                sheet.write_blank(row, at, format)?;
                let reason = cell.reason.as_deref().unwrap_or("not given in the input");
                sheet.insert_note(row, at, &note(format!("n/a: {reason}")))?;
            }
        }
    }
    let median_column = FIRST_COMPANY_COLUMN + view.columns.len() as u16;
    median_cell(sheet, row, median_column, peer_row, company, format)?;
    if let Some(rank) = peer_row.rank {
        sheet.text(
            row,
            median_column + 1,
            format!("{} of {} ({})", rank.position, rank.of, peer_row.direction),
        )?;
    }
    Ok(())
}

/// The peers' median: a live `MEDIAN` over the peers' cells when every peer is compared, else
/// ipobrief's value with a note; empty with a note when no peer has a value.
fn median_cell(
    sheet: &mut Worksheet,
    row: u32,
    median_column: u16,
    peer_row: &PeerRow,
    company: &Company,
    format: &Format,
) -> Result<(), XlsxError> {
    match peer_row.median.value {
        Some(median) => {
            let value = cell_value(peer_row.unit, median, company);
            let peers = &peer_row.cells[1..];
            if peers.iter().all(|c| c.comparable) {
                let first = row_col_to_cell(row, FIRST_COMPANY_COLUMN + 1);
                let last = row_col_to_cell(row, median_column - 1);
                let formula = Formula::new(format!("=MEDIAN({first}:{last})"))
                    .set_result(super::cached::result(value));
                sheet.write_formula_with_format(row, median_column, formula, format)?;
            } else {
                sheet.write_number_with_format(row, median_column, value, format)?;
                sheet.insert_note(
                    row,
                    median_column,
                    &note("written as a value: the median leaves out the amounts not compared"),
                )?;
            }
        }
        None => {
            sheet.write_blank(row, median_column, format)?;
            sheet.insert_note(
                row,
                median_column,
                &note("n/a: no peer has a comparable value"),
            )?;
        }
    }
    Ok(())
}

/// The section's notes, in words.
fn notes(view: &PeersView) -> Vec<String> {
    let mut lines = vec![
        "Each company's latest fiscal year; the peers' median leaves the company out; rank 1 \
         is the best of the companies with a comparable value."
            .to_string(),
    ];
    // "Affirm Holdings, Inc." ends a sentence without a second full stop.
    let list = |names: &[String]| names.join(", ").trim_end_matches('.').to_string();
    if !view.stale.is_empty() {
        lines.push(format!(
            "Stale: {} (latest fiscal year ended more than {} months before the company's).",
            view.stale.join(", "),
            crate::report::peers::STALE_AFTER_MONTHS
        ));
    }
    if !view.not_compared_currencies.is_empty() {
        lines.push(format!(
            "Amounts in {} are not compared (no rate to {} given with --fx): their cells are \
             empty and left out of the median and the rank.",
            view.not_compared_currencies.join(", "),
            view.currency
        ));
    }
    if let Some(rates) = &view.fx {
        let used: Vec<String> = rates
            .rates
            .iter()
            .map(|r| format!("1 {} = {} {}", r.currency, r.rate, view.currency))
            .collect();
        let of = rates
            .as_of
            .as_deref()
            .map_or("as given".to_string(), |d| format!("as of {d}"));
        lines.push(format!("Rates used ({of}): {}.", used.join(", ")));
    }
    if !view.lacking_headcount.is_empty() {
        lines.push(format!(
            "No headcount in the latest fiscal year (per-employee figures n/a): {}.",
            list(&view.lacking_headcount)
        ));
    }
    if !view.without_years.is_empty() {
        lines.push(format!(
            "No fiscal year at all: {}.",
            list(&view.without_years)
        ));
    }
    lines
}
