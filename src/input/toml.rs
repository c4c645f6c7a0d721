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
        let (message, help) = explain_serde_message(error.message());
        let location = error
            .span()
            .map(|span| text_location(text, span.start, span.end));
        let mut input_error = InputError::new(file, message).at(location);
        input_error.help = help;
        input_error
    })?;
    let document = toml_edit::ImDocument::parse(text).ok();
    Ok((raw, Box::new(TomlLocator { text, document })))
}
