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
    let raw: RawInput = ::toml::from_str(text).map_err(|error| {
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
    })?;
    // Only a number with 16 or more significant digits can be inexact as a TOML float, so the
    // second, position-keeping parse is needed only when the text has such a run of digits.
    if has_long_digit_run(text) {
        if let Ok(document) = toml_edit::ImDocument::parse(text) {
            check_exact_floats(document.as_item(), text, file)?;
        }
    }
    Ok((raw, Box::new(TomlLocator::new(text))))
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
