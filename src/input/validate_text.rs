//! The company's words: its name, a name rather than a sentence, and its summary and sources
//! within their limits.

use super::super::locate::{FieldPath, Table};
use super::super::names::name_problem;
use super::super::raw::RawCompany;
use super::{Checker, MAX_SOURCES, MAX_SOURCE_CHARS, MAX_TEXT_BYTES};
use crate::diagnostic::InputError;

/// The company's name: given, and a name rather than a sentence.
pub(super) fn name(written: Option<&str>, check: &Checker) -> Result<String, InputError> {
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let name = written.map(str::trim).unwrap_or_default().to_string();
    if name.is_empty() {
        return Err(check
            .error(at("name"), "the company has no name")
            .with_help(
            "add name = \"...\" to the [company] table (CSV: --company \"name=...,currency=...\")",
        ));
    }
    if let Some(problem) = name_problem(&name) {
        return Err(check
            .error(at("name"), format!("the company name {problem}"))
            .with_help("write the company's short name; describe it in summary"));
    }
    Ok(name)
}

/// The summary and the sources within their limits.
pub(super) fn text_limits(raw: &RawCompany, check: &Checker) -> Result<(), InputError> {
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    if raw
        .summary
        .as_ref()
        .is_some_and(|s| s.len() > MAX_TEXT_BYTES)
    {
        return Err(check
            .error(
                at("summary"),
                format!("the summary is longer than the limit of {MAX_TEXT_BYTES} bytes"),
            )
            .with_help(
                "shorten it: keep the long text in its own document and name it in sources",
            ));
    }
    if raw.sources.len() > MAX_SOURCES {
        return Err(check
            .error(
                at("sources"),
                format!(
                    "there are {} sources, more than the limit of {MAX_SOURCES}",
                    raw.sources.len()
                ),
            )
            .with_help("list the main documents only, or one index document that lists the rest"));
    }
    if let Some(long) = raw
        .sources
        .iter()
        .find(|s| s.chars().count() > MAX_SOURCE_CHARS)
    {
        return Err(check
            .error(
                at("sources"),
                format!(
                    "a source is {} characters long, more than the limit of {MAX_SOURCE_CHARS}",
                    long.chars().count()
                ),
            )
            .with_help("name each source in a line: a title, a date or a link"));
    }
    Ok(())
}
