//! The comparison as an aligned table on the terminal. Colour comes from anstyle and is
//! stripped by anstream when the output is not a terminal or `NO_COLOR` is set; the words
//! "good" and "bad" carry the meaning without colour too.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::change::Tone;
use super::terminal_table::{clean, Table};
use super::Comparison;

fn tone_style(tone: Tone) -> Style {
    match tone {
        Tone::Good => Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
        Tone::Bad => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        Tone::Neutral | Tone::Na => Style::new().dimmed(),
    }
}

/// Writes the table, then the notes saying why values are n/a.
pub fn write(out: &mut impl Write, comparison: &Comparison) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    writeln!(out, "{bold}{}{bold:#}", clean(&comparison.title))?;
    writeln!(out, "{dim}{}{dim:#}", clean(&comparison.amounts_note))?;
    for note in [
        &comparison.currency_note,
        &comparison.fiscal_year_note,
        &comparison.period_note,
    ]
    .into_iter()
    .flatten()
    {
        let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
        writeln!(out, "{warn}{}{warn:#}", clean(note))?;
    }
    writeln!(out)?;

    let table = Table::of(comparison);
    write_head(out, &table)?;
    write_rows(out, comparison, &table)?;
    if !comparison.empty_rows.is_empty() {
        writeln!(
            out,
            "\n{dim}Not shown, as no column has the figures: {}.{dim:#}",
            clean(&comparison.empty_rows.join("; "))
        )?;
    }
    if !comparison.notes.is_empty() {
        writeln!(out, "\nWhy values are n/a:")?;
        for (index, note) in comparison.notes.iter().enumerate() {
            writeln!(out, "  [{}] {}", index + 1, clean(note))?;
        }
    }
    Ok(())
}

/// The heading row (and the subheadings, when the columns have any).
fn write_head(out: &mut impl Write, table: &Table) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let Table {
        headings,
        subheadings,
        change_headings,
        name_width,
        column_widths,
        change_widths,
        ..
    } = table;
    let name_width = *name_width;
    write!(out, "{bold}{:<name_width$}", "Metric")?;
    for (heading, w) in headings.iter().zip(column_widths) {
        write!(out, "  {heading:>w$}")?;
    }
    let last_change = table.last_change();
    for (i, (heading, w)) in change_headings.iter().zip(change_widths).enumerate() {
        if i == last_change {
            write!(out, "  {heading}")?;
        } else {
            write!(out, "  {heading:<w$}      ")?;
        }
    }
    writeln!(out, "{bold:#}")?;
    if subheadings.iter().any(|s| !s.is_empty()) {
        write!(out, "{dim}{:<name_width$}", "")?;
        for (sub, w) in subheadings.iter().zip(column_widths) {
            write!(out, "  {sub:>w$}")?;
        }
        writeln!(out, "{dim:#}")?;
    }
    Ok(())
}

/// A line per row, with a group's name before its first row (after the first group).
fn write_rows(out: &mut impl Write, comparison: &Comparison, table: &Table) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let Table {
        names,
        cells,
        name_width,
        column_widths,
        change_widths,
        ..
    } = table;
    let name_width = *name_width;
    let last_change = table.last_change();
    let mut group = "";
    for ((row, name), cells) in comparison.rows.iter().zip(names).zip(cells) {
        // Against a budget each group is a period: every one is named.
        let named = !group.is_empty() || super::words::first_group_named(comparison.mode);
        if row.group != group && named {
            writeln!(out, "{bold}{}{bold:#}", row.group)?;
        }
        group = &row.group;
        write!(out, "{name:<name_width$}")?;
        for (text, w) in cells.iter().zip(column_widths) {
            write!(out, "  {text:>w$}")?;
        }
        for (i, (change, w)) in row.changes.iter().zip(change_widths).enumerate() {
            let word = super::words::tone_word(comparison.mode, change.tone);
            let style = tone_style(change.tone);
            if i == last_change && word.is_empty() {
                write!(out, "  {}", change.text)?;
            } else if i == last_change {
                write!(out, "  {:<w$}  {style}{word}{style:#}", change.text)?;
            } else {
                write!(out, "  {:<w$}  {style}{word:<4}{style:#}", change.text)?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
