//! The JSON reader: the same structure as the TOML input, as a JSON object.

use super::locate::{JsonLocator, Locate};
use super::raw::RawInput;
use super::validate::explain_serde_message;
use crate::diagnostic::{line_column_location, text_location, InputError, Location};

/// Parses JSON text into the raw input and a locator for its fields.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    check_top_is_object(text, file)?;
    let raw: RawInput = serde_json::from_str(text).map_err(|error| {
        let full = error.to_string();
        let without_position = match full.rfind(" at line ") {
            Some(index) => &full[..index],
            None => full.as_str(),
        };
        let (message, help) = match non_finite_at(text, error.line(), error.column()) {
            Some(word) => (
                format!("expected a number, found {word}"),
                Some(
                    "JSON has no NaN or infinity: write an ordinary number, or leave the field \
                     out when the value is unknown"
                        .to_string(),
                ),
            ),
            None => explain_serde_message(without_position),
        };
        let location = (error.line() > 0).then(|| {
            let location = line_column_location(text, error.line(), error.column());
            match error.classify() {
                // A data error is reported after the value was read: at its last character.
                serde_json::error::Category::Data => whole_token(location),
                _ => location,
            }
        });
        let mut input_error = InputError::new(file, message).at(location);
        input_error.help = help.or_else(|| {
            error
                .is_eof()
                .then(|| "the file ends too early: is it complete?".to_string())
        });
        input_error
    })?;
    Ok((raw, Box::new(JsonLocator::new(text))))
}

/// Refuses JSON whose top level is not an object: serde would read a list as the fields in
/// order and report a confusing "unknown field" deep inside it.
fn check_top_is_object(text: &str, file: &str) -> Result<(), InputError> {
    let Some(start) = text.find(|c: char| !c.is_whitespace()) else {
        return Ok(());
    };
    if text[start..].starts_with('{') {
        return Ok(());
    }
    let width = text[start..]
        .find(|c: char| c.is_whitespace())
        .unwrap_or(text.len() - start);
    Err(InputError::new(
        file,
        "expected a JSON object ({ ... }) at the top of the file",
    )
    .at(Some(text_location(text, start, start + width)))
    .with_help(
        "the file must be one object: { \"company\": { ... }, \"period\": [ ... ] } \
                 (see tests/fixtures/acme.json)",
    ))
}

/// The word NaN, Infinity or -Infinity where serde_json expected a value, if that is what is
/// written there (JavaScript writes them; JSON has no such numbers).
fn non_finite_at(text: &str, line: usize, column: usize) -> Option<&str> {
    let source_line = text.lines().nth(line.checked_sub(1)?)?;
    let start = source_line
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let rest = &source_line[start..];
    ["NaN", "-Infinity", "Infinity", "-NaN"]
        .into_iter()
        .find(|word| rest.starts_with(word))
}

/// Moves a position from the last character of a string or scalar (where serde_json reports
/// errors about a value it has read) to the token's first character, and marks the whole token.
fn whole_token(location: Location) -> Location {
    let Location::Text {
        line,
        column,
        source_line,
        ..
    } = location
    else {
        return location;
    };
    let chars: Vec<char> = source_line.chars().collect();
    let end = column.saturating_sub(1);
    let is_scalar = |c: char| c.is_ascii_alphanumeric() || "+-.".contains(c);
    let start = match chars.get(end) {
        Some('"') => (0..end).rev().find(|&i| {
            chars[i] == '"' && chars[..i].iter().rev().take_while(|&&c| c == '\\').count() % 2 == 0
        }),
        Some(&c) if is_scalar(c) => Some(
            (0..end)
                .rev()
                .take_while(|&i| is_scalar(chars[i]))
                .last()
                .unwrap_or(end),
        ),
        _ => None,
    };
    match start {
        Some(start) => Location::Text {
            line,
            column: start + 1,
            source_line,
            width: end - start + 1,
        },
        None => Location::Text {
            line,
            column,
            source_line,
            width: 1,
        },
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
