//! The TOML reader: the primary input format.

use super::locate::{Locate, TomlLocator};
use super::raw::RawInput;
use super::validate::explain_serde_message;
use crate::diagnostic::{text_location, InputError};

/// Parses TOML text into the raw input and a locator for its fields.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    if let Some(raw) = parse_in_pieces(text) {
        return finish(raw, text, file);
    }
    // The `toml` reader is the fast one; on an error the file is read again by `toml_edit`,
    // whose messages name the key and whose wording the hints below recognise.
    let raw: RawInput = match ::toml::from_str(text) {
        Ok(raw) => raw,
        Err(_) => toml_edit::de::from_str(text).map_err(|error| {
            let (mut message, mut help) = explain_serde_message(error.message());
            let location = error
                .span()
                .map(|span| text_location(text, span.start, span.end));
            if let Some((plain, hint)) = syntax_hint(&message, text, error.span()) {
                message = plain;
                help = Some(hint);
            }
            let mut input_error = InputError::new(file, message).at(location);
            input_error.help = help;
            input_error
        })?,
    };
    finish(raw, text, file)
}

/// The checks that need the whole text, and the locator for validation messages.
fn finish<'a>(
    raw: RawInput,
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    // Only a number with 16 or more significant digits can be inexact as a TOML float, so the
    // second, position-keeping parse is needed only when the text has such a run of digits.
    if has_long_digit_run(text) {
        if let Ok(document) = toml_edit::ImDocument::parse(text) {
            check_exact_floats(document.as_item(), text, file)?;
        }
    }
    Ok((raw, Box::new(TomlLocator::new(text))))
}

/// Inputs smaller than this are read in one piece: splitting would not pay.
const PIECES_FROM_BYTES: usize = 256 * 1024;

/// Periods only: what a piece of a large file after its first `[[period]]` holds.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Periods {
    #[serde(default, rename = "period", alias = "periods")]
    periods: Vec<super::raw::RawPeriod>,
}

/// Reads a large file in pieces on all cores, split before lines that are exactly
/// `[[period]]`: the TOML reader takes about 80 ms a megabyte, most of a long run.
///
/// `None` means "read it in one piece" and is always safe: a file with multi-line strings
/// (where such a line could be text) is not split, and any piece that does not read cleanly
/// (a table other than periods after the first period, a syntax error, a repeated key) sends
/// the whole file through the ordinary reader, which reports errors with their positions in
/// the whole file. Pieces are whole `[[period]]` tables with their sub-tables, so reading
/// them apart gives the same periods in the same order; the first piece also holds everything
/// before the first period, so a `period` key defined there clashes just as it does unsplit.
fn parse_in_pieces(text: &str) -> Option<RawInput> {
    use rayon::prelude::*;
    if text.len() < PIECES_FROM_BYTES || text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("[[period]]") && line["[[period]]".len()..].trim().is_empty() {
            starts.push(offset);
        }
        offset += line.len();
    }
    // Four pieces a thread balance the load; a piece holds at least 64 periods.
    let per_piece = (starts.len() / (rayon::current_num_threads() * 4)).max(64);
    let mut bounds: Vec<usize> = starts
        .iter()
        .skip(per_piece)
        .step_by(per_piece)
        .copied()
        .collect();
    if bounds.is_empty() {
        return None;
    }
    bounds.push(text.len());
    let (head, rest) = rayon::join(
        || ::toml::from_str::<RawInput>(&text[..bounds[0]]).ok(),
        || {
            bounds
                .par_windows(2)
                .map(|w| ::toml::from_str::<Periods>(&text[w[0]..w[1]]).ok())
                .collect::<Option<Vec<Periods>>>()
        },
    );
    let mut raw = head?;
    for piece in rest? {
        raw.periods.extend(piece.periods);
    }
    Some(raw)
}

/// Whether the text has 16 or more digits in one number (dots and underscores inside it
/// included): every decimal of at most 15 significant digits survives a binary float exactly.
fn has_long_digit_run(text: &str) -> bool {
    let mut digits = 0;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' => {
                digits += 1;
                if digits >= 16 {
                    return true;
                }
            }
            b'.' | b'_' => {}
            _ => digits = 0,
        }
    }
    false
}

/// Refuses a number with a fraction that a TOML float cannot hold exactly: the TOML reader
/// reads `999999999999999.97` as the nearest binary float, 1000000000000000, and money would
/// no longer add up to the cent. Whole numbers are exact integers and are never refused.
fn check_exact_floats(item: &toml_edit::Item, text: &str, file: &str) -> Result<(), InputError> {
    use toml_edit::{Item, Value};
    fn check_value(value: &Value, text: &str, file: &str) -> Result<(), InputError> {
        match value {
            Value::Float(float) => {
                let Some(span) = float.span() else {
                    return Ok(());
                };
                let Some(written) = text
                    .get(span.clone())
                    .map(|raw| raw.trim().replace('_', ""))
                else {
                    return Ok(());
                };
                let exact = super::raw::parse_decimal(&written);
                let read = super::raw::parse_decimal(&float.value().to_string());
                match (exact, read) {
                    (Ok(exact), Ok(read)) if exact.normalize() != read.normalize() => {
                        Err(InputError::new(
                            file,
                            format!("the number {written} has more digits than TOML keeps exactly"),
                        )
                        .at(Some(text_location(text, span.start, span.end)))
                        .with_help(
                            "TOML keeps about 15 significant digits of a number with a fraction: \
                             round it, use a larger scale, or write the input as JSON, which keeps \
                             every digit",
                        ))
                    }
                    _ => Ok(()),
                }
            }
            Value::Array(array) => array.iter().try_for_each(|v| check_value(v, text, file)),
            Value::InlineTable(table) => table
                .iter()
                .try_for_each(|(_, v)| check_value(v, text, file)),
            _ => Ok(()),
        }
    }
    match item {
        Item::Value(value) => check_value(value, text, file),
        Item::Table(table) => table
            .iter()
            .try_for_each(|(_, item)| check_exact_floats(item, text, file)),
        Item::ArrayOfTables(array) => array
            .iter()
            .flat_map(|table| table.iter())
            .try_for_each(|(_, item)| check_exact_floats(item, text, file)),
        Item::None => Ok(()),
    }
}

/// The TOML parser's syntax messages for the mistakes people make with numbers and text, in
/// their words: a message and a hint.
fn syntax_hint(
    message: &str,
    text: &str,
    span: Option<std::ops::Range<usize>>,
) -> Option<(String, String)> {
    const PLAIN_NUMBERS: &str =
        "write amounts as plain numbers such as 1234.5: no thousands separators, a dot for decimals";
    let start = span.map(|s| s.start)?;
    let before = text.get(..start)?.chars().next_back();
    let here = text.get(start..)?.chars().next();
    if message.starts_with("invalid floating-point number") {
        return Some((
            "this number cannot be read, or is out of range".to_string(),
            format!("{PLAIN_NUMBERS}, below 10^28"),
        ));
    }
    if message.starts_with("expected newline")
        && matches!(here, Some(',' | '.'))
        && before.is_some_and(|c| c.is_ascii_digit())
    {
        return Some((
            "a number has a thousands separator or a decimal comma".to_string(),
            format!("{PLAIN_NUMBERS} (1,234 is 1234 and 1.234,5 is 1234.5)"),
        ));
    }
    if message.starts_with("number too large") {
        return Some((
            "this whole number is too large for TOML".to_string(),
            "TOML whole numbers stop at 9223372036854775807: use a larger scale \
             (scale = \"millions\") with smaller figures"
                .to_string(),
        ));
    }
    if message.starts_with("invalid basic string") {
        return Some((
            "a text in quotes is not closed".to_string(),
            "add the closing \" before the end of the line; is the file complete?".to_string(),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file over the size where it is read in pieces: `periods` quarters with two cost lines.
    fn large(periods: usize) -> String {
        let mut text = String::from("[company]\nname = \"Big\"\ncurrency = \"USD\"\n\n");
        for index in 0..periods {
            text.push_str(&format!(
                "[[period]]\nlabel = \"{}-Q{}\"\nrevenue = {}.25\nheadcount_end = 40\n\
                 [period.costs]\nsupport = 3.5\nsales = {}\n[period.ai]\nspend = 0.5\n\n",
                1000 + index / 4,
                index % 4 + 1,
                100 + index,
                index % 9
            ));
        }
        assert!(text.len() > PIECES_FROM_BYTES);
        text
    }

    fn read(text: &str) -> Result<RawInput, InputError> {
        parse(text, "big.toml").map(|(raw, _)| raw)
    }

    #[test]
    fn pieces_read_the_same_as_one_piece() {
        let text = large(3000);
        let pieces = parse_in_pieces(&text).expect("a large plain file is read in pieces");
        let whole: RawInput = ::toml::from_str(&text).unwrap();
        assert_eq!(pieces.periods.len(), 3000);
        assert_eq!(format!("{pieces:?}"), format!("{whole:?}"));
    }

    #[test]
    fn an_error_late_in_a_large_file_has_its_whole_file_position() {
        let mut text = large(3000);
        let at = text.rfind("headcount_end = 40").unwrap();
        text.replace_range(at..at + "headcount_end".len(), "headcount_edn");
        let line = text[..at].lines().count() + 1;
        let error = read(&text).unwrap_err().to_string();
        assert!(error.contains("headcount_edn"), "{error}");
        assert!(error.contains(&format!("big.toml:{line}:1")), "{error}");
    }

    #[test]
    fn a_table_after_the_periods_or_a_repeated_one_reads_as_unsplit() {
        let text = large(3000) + "[plan]\ntarget_headcount = 30\nannual_attrition = 0.1\n";
        assert!(parse_in_pieces(&text).is_none());
        assert!(read(&text).unwrap().plan.is_some());
        let twice = large(3000) + "[company]\nname = \"Again\"\n";
        assert!(parse_in_pieces(&twice).is_none());
        assert!(
            read(&twice).is_err(),
            "a repeated table is an error, split or not"
        );
        let defined_before = "period = []\n".to_string() + &large(3000);
        assert!(parse_in_pieces(&defined_before).is_none());
        assert!(read(&defined_before).is_err());
    }

    #[test]
    fn a_file_with_multi_line_text_is_not_split() {
        // The `[[period]]` line is part of the notes, not a table.
        let text = large(3000).replacen(
            "headcount_end = 40\n",
            "headcount_end = 40\nnotes = \"\"\"\n[[period]]\n\"\"\"\n",
            1,
        );
        assert!(parse_in_pieces(&text).is_none());
        let raw = read(&text).unwrap();
        assert_eq!(raw.periods.len(), 3000);
        assert_eq!(raw.periods[0].notes.as_deref(), Some("[[period]]\n"));
    }
}
