//! The workbook's cell formats, made once: each unit's number format as the presentation
//! module writes it ([`format::excel_format`], beside the text rule the brief follows), and the
//! title, header and section rows.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Note, Worksheet, XlsxError};

use crate::format::{self, Unit};

/// The formats every sheet uses.
pub struct Styles {
    pub title: Format,
    pub header: Format,
    pub header_right: Format,
    pub section: Format,
    pub label: Format,
    /// Text in a row that has a number format (a series sheet's Unit column): its own format,
    /// so the row's does not apply to it.
    pub words: Format,
    pub wrap: Format,
    amount: Format,
    money: Format,
    people: Format,
    pct: Format,
    growth: Format,
    pp: Format,
    points: Format,
    ratio: Format,
    pub share: Format,
    pub decimal: Format,
}

impl Styles {
    /// `amount_decimals`: 0 or 1, as the brief shows amounts in the company's scale.
    pub fn new(amount_decimals: u32) -> Styles {
        let number = |pattern: &str| Format::new().set_num_format(pattern);
        let frame = format::Frame {
            amount_decimals: amount_decimals.min(1),
            ..format::Frame::PLAIN
        };
        let unit = |unit: Unit| {
            number(&format::excel_format(
                unit,
                format::table_decimals(unit, &frame),
            ))
        };
        Styles {
            title: Format::new().set_bold().set_font_size(13),
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#F2F2F2"),
            header_right: Format::new()
                .set_bold()
                .set_align(FormatAlign::Right)
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#F2F2F2"),
            section: Format::new().set_bold().set_italic(),
            label: Format::new().set_indent(1),
            words: Format::new().set_align(FormatAlign::Left),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            amount: unit(Unit::Amount),
            money: unit(Unit::Money),
            people: unit(Unit::People),
            pct: unit(Unit::Pct),
            growth: unit(Unit::Growth),
            pp: unit(Unit::Pp),
            points: unit(Unit::Points),
            ratio: unit(Unit::Ratio),
            share: number("0.0%"),
            decimal: number("#,##0.####"),
        }
    }

    /// The number format of a unit.
    pub fn unit(&self, unit: Unit) -> &Format {
        match unit {
            Unit::Amount => &self.amount,
            Unit::Money => &self.money,
            Unit::People => &self.people,
            Unit::Pct => &self.pct,
            Unit::Growth => &self.growth,
            Unit::Pp => &self.pp,
            Unit::Points | Unit::Months => &self.points,
            Unit::Ratio => &self.ratio,
        }
    }
}

/// The format of `unit` with `places` decimals, for a row judged against a threshold (a company
/// KPI's): its figures show the digits that decide them, as the brief's do. `None` for a unit
/// whose format is not a plain count of decimals.
pub fn with_places(unit: Unit, places: usize) -> Option<Format> {
    matches!(unit, Unit::Pct | Unit::Ratio | Unit::People | Unit::Amount)
        .then(|| Format::new().set_num_format(format::excel_format(unit, places)))
}

/// A note (Excel comment) by ipobrief, without the author prefixed to its text.
pub fn note(text: impl Into<String>) -> Note {
    let text: String = text.into();
    // A note holds what a cell may: a longer one (a reason naming many long names) is cut.
    Note::new(fit_within(&text, MAX_NOTE))
        .set_author("ipobrief")
        .add_author_prefix(false)
        .set_width(300)
        .set_height(80)
}

/// A column's width in characters for its longest text, within bounds.
pub fn width(longest: usize, min: usize, max: usize) -> f64 {
    longest.clamp(min, max) as f64 + 1.0
}

/// The most UTF-16 units a cell's text may hold (Excel's limit).
const MAX_TEXT: usize = 32_767;

/// The most a note may hold: rust_xlsxwriter keeps 54 units of a cell's limit for the
/// note's own markup.
const MAX_NOTE: usize = MAX_TEXT - 54;

/// Text as a cell can hold it: longer text (a very long note) is cut, with an ellipsis,
/// rather than failing the workbook.
pub fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    fit_within(text, MAX_TEXT)
}

fn fit_within(text: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    if text.encode_utf16().count() <= limit {
        return text.into();
    }
    let mut units = 0;
    let cut: String = text
        .chars()
        .take_while(|c| {
            units += c.len_utf16();
            units < limit - 8
        })
        .collect();
    format!("{cut}…").into()
}

/// Writing text always as text (never a formula, whatever it starts with), fitted to a cell.
pub trait Text {
    fn text(&mut self, row: u32, column: u16, text: impl AsRef<str>) -> Result<(), XlsxError>;
    fn text_with(
        &mut self,
        row: u32,
        column: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<(), XlsxError>;
}

impl Text for Worksheet {
    fn text(&mut self, row: u32, column: u16, text: impl AsRef<str>) -> Result<(), XlsxError> {
        self.write_string(row, column, fit(text.as_ref()))
            .map(|_| ())
    }

    fn text_with(
        &mut self,
        row: u32,
        column: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.write_string_with_format(row, column, fit(text.as_ref()), format)
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note or a text longer than a cell holds (a reason naming a 40,000-character name) is
    /// cut to fit, never an error that fails the workbook.
    #[test]
    fn notes_and_texts_longer_than_a_cell_are_cut_to_fit() {
        let long = "é".repeat(40_000);
        let mut sheet = Worksheet::new();
        sheet
            .insert_note(0, 0, &note(format!("n/a: {long}")))
            .unwrap();
        sheet.text(1, 0, &long).unwrap();
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_TEXT - 8);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("short"), "short");
    }
}
