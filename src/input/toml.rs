//! The TOML reader: the primary input format (TOML 1.1). One parse, by the `toml` crate, gives
//! the values, the positions of fields for validation messages and every number's digits as
//! written, so the exact-decimal check always sees what the values were read from.

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::locate::{Locate, TomlLocator};
use super::raw::RawInput;
use super::validate::explain_serde_message;
use crate::diagnostic::{text_location, InputError};

/// Parses TOML text into the raw input and a locator for its fields.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    let document = DeTable::parse(text).map_err(|error| toml_error(&error, text, file))?;
    check_numbers(document.get_ref(), text, file)?;
    // Deserialising consumes its tree; the locator keeps the original for positions.
    let raw = RawInput::deserialize(toml::de::Deserializer::from(document.clone()))
        .map_err(|error| toml_error(&error, text, file))?;
    Ok((raw, Box::new(TomlLocator::new(text, document))))
}

/// A syntax or type error of the TOML reader, with its position and, for the mistakes people
/// make with numbers and text, a message and a hint in their words.
fn toml_error(error: &toml::de::Error, text: &str, file: &str) -> InputError {
    let (mut message, mut help) = explain_serde_message(error.message());
    // The parser does not name a repeated key; its span is the key as written.
    if let Some(key) = error
        .span()
        .filter(|_| message == "duplicate key")
        .and_then(|span| text.get(span))
    {
        message = format!("duplicate key `{}`", key.trim());
    }
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
}

/// Whether a number written with these digits (a dot, an exponent and underscores aside) may
/// be inexact as a binary float: every decimal of at most 15 significant digits survives one.
fn may_be_inexact(written: &str) -> bool {
    let mantissa = written.split(['e', 'E']).next().unwrap_or(written);
    let digits = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&d| d == b'0');
    digits.count() > 15
}

/// Refuses a number with a fraction that a TOML float cannot hold exactly: the TOML reader
/// reads `999999999999999.97` as the nearest binary float, 1000000000000000, and money would
/// no longer add up to the cent. Whole numbers are exact, up to TOML's 64-bit limit.
fn check_numbers(table: &DeTable<'_>, text: &str, file: &str) -> Result<(), InputError> {
    fn check_value(value: &Spanned<DeValue<'_>>, text: &str, file: &str) -> Result<(), InputError> {
        match value.get_ref() {
            DeValue::Integer(integer) => {
                if i64::from_str_radix(integer.as_str(), integer.radix()).is_ok() {
                    return Ok(());
                }
                let (message, help) = too_large_whole_number();
                let span = value.span();
                Err(InputError::new(file, message)
                    .at(Some(text_location(text, span.start, span.end)))
                    .with_help(help))
            }
            DeValue::Float(float) => {
                let written = float.as_str();
                if !may_be_inexact(written) {
                    return Ok(());
                }
                let exact = super::raw::parse_decimal(written);
                let read = written
                    .parse::<f64>()
                    .map_err(|error| error.to_string())
                    .and_then(|read| super::raw::parse_decimal(&read.to_string()));
                match (exact, read) {
                    (Ok(exact), Ok(read)) if exact.normalize() != read.normalize() => {
                        let span = value.span();
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
            DeValue::Array(array) => array.iter().try_for_each(|v| check_value(v, text, file)),
            DeValue::Table(table) => check_numbers(table, text, file),
            _ => Ok(()),
        }
    }
    table
        .iter()
        .try_for_each(|(_, value)| check_value(value, text, file))
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
    if message.starts_with("invalid float")
        || message.starts_with("floating-point number overflowed")
    {
        return Some((
            "this number cannot be read, or is out of range".to_string(),
            format!("{PLAIN_NUMBERS}, below 10^28"),
        ));
    }
    if message.contains("expected newline")
        && matches!(here, Some(',' | '.'))
        && before.is_some_and(|c| c.is_ascii_digit())
    {
        return Some((
            "a number has a thousands separator or a decimal comma".to_string(),
            format!("{PLAIN_NUMBERS} (1,234 is 1234 and 1.234,5 is 1234.5)"),
        ));
    }
    if message.starts_with("integer number overflowed") {
        return Some(too_large_whole_number());
    }
    if message.starts_with("invalid basic string") {
        return Some((
            "a text in quotes is not closed".to_string(),
            "add the closing \" before the end of the line; is the file complete?".to_string(),
        ));
    }
    None
}

/// The message and hint for a whole number beyond TOML's 64 bits.
fn too_large_whole_number() -> (String, String) {
    (
        "this whole number is too large for TOML".to_string(),
        "TOML whole numbers stop at 9223372036854775807: use a larger scale \
         (scale = \"millions\") with smaller figures"
            .to_string(),
    )
}

#[cfg(test)]
#[path = "toml_tests.rs"]
mod tests;
