//! The JSON reader: the same structure as the TOML input, as a JSON object.

use super::locate::{JsonLocator, Locate};
use super::raw::RawInput;
use super::validate::explain_serde_message;
use crate::diagnostic::{line_column_location, InputError};

/// Parses JSON text into the raw input and a locator for its fields.
pub fn parse<'a>(
    text: &'a str,
    file: &str,
) -> Result<(RawInput, Box<dyn Locate + 'a>), InputError> {
    let raw: RawInput = serde_json::from_str(text).map_err(|error| {
        let full = error.to_string();
        let without_position = match full.rfind(" at line ") {
            Some(index) => &full[..index],
            None => full.as_str(),
        };
        let (message, help) = explain_serde_message(without_position);
        let location =
            (error.line() > 0).then(|| line_column_location(text, error.line(), error.column()));
        let mut input_error = InputError::new(file, message).at(location);
        input_error.help = help.or_else(|| {
            error.is_eof().then(|| "the file ends too early: is it complete?".to_string())
        });
        input_error
    })?;
    let root = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default())
        .ok()
        .and_then(|result| result.value);
    Ok((raw, Box::new(JsonLocator { text, root })))
}
