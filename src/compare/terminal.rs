//! The comparison as an aligned table on the terminal. Colour comes from anstyle and is
//! stripped by anstream when the output is not a terminal or `NO_COLOR` is set; the words
//! "good" and "bad" carry the meaning without colour too.

use std::io::Write;

use anstyle::{AnsiColor, Style};

use super::change::Tone;
use super::{Comparison, Row};

/// Text from an input (names, cost lines) with control characters removed, so a name cannot
/// move the cursor or change the terminal's colours.
fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

fn tone_style(tone: Tone) -> Style {
    match tone {
        Tone::Good => Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
        Tone::Bad => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        Tone::Neutral | Tone::Na => Style::new().dimmed(),
    }
}

fn tone_word(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "good",
        Tone::Bad => "bad",
        Tone::Neutral | Tone::Na => "",
    }
}

fn row_name(row: &Row) -> String {
    match row.tag {
        Some(tag) => format!("{} [{tag}]", clean(&row.name)),
        None => clean(&row.name),
    }
}

fn cell_text(cell: &super::Cell) -> String {
    match cell.note {
        Some(note) => format!("{} [{note}]", cell.text),
        None => cell.text.clone(),
    }
}

fn width<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    texts.map(|t| t.chars().count()).max().unwrap_or(0)
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

    let base = comparison
        .columns
        .first()
        .map_or(String::new(), |c| clean(&c.heading));
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
    let change_headings: Vec<String> = headings
        .iter()
        .skip(1)
        .map(|h| format!("{h} vs {base}"))
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

    write!(out, "{bold}{:<name_width$}", "Metric")?;
    for (heading, w) in headings.iter().zip(&column_widths) {
        write!(out, "  {heading:>w$}")?;
    }
    let last_change = change_headings.len().saturating_sub(1);
    for (i, (heading, w)) in change_headings.iter().zip(&change_widths).enumerate() {
        if i == last_change {
            write!(out, "  {heading}")?;
        } else {
            write!(out, "  {heading:<w$}      ")?;
        }
    }
    writeln!(out, "{bold:#}")?;
    if subheadings.iter().any(|s| !s.is_empty()) {
        write!(out, "{dim}{:<name_width$}", "")?;
        for (sub, w) in subheadings.iter().zip(&column_widths) {
            write!(out, "  {sub:>w$}")?;
        }
        writeln!(out, "{dim:#}")?;
    }

    let mut group = "";
    for ((row, name), cells) in comparison.rows.iter().zip(&names).zip(&cells) {
        if row.group != group && !group.is_empty() {
            writeln!(out, "{bold}{}{bold:#}", row.group)?;
        }
        group = row.group;
        write!(out, "{name:<name_width$}")?;
        for (text, w) in cells.iter().zip(&column_widths) {
            write!(out, "  {text:>w$}")?;
        }
        for (i, (change, w)) in row.changes.iter().zip(&change_widths).enumerate() {
            let word = tone_word(change.tone);
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
