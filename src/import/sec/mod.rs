//! `ipobrief import sec`: the SEC EDGAR companyfacts JSON (XBRL facts per company) to our TOML.
//!
//! [`facts::parse`] reads the JSON -> [`statement::build`] finds the fiscal calendar, picks each
//! field's figure per period by start and end dates and derives Q4 -> [`render::toml`] writes
//! the TOML with a comment per figure.

mod calendar;
mod concepts;
mod entry;
mod facts;
mod figures;
mod render;
mod statement;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::diagnostic::InputError;
use crate::period::PeriodLabel;

/// What to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The first fiscal year to keep.
    pub from: Option<i32>,
    /// Keep quarters too (with Q4 derived where it was not filed).
    pub quarters: bool,
    /// Headcount at the end of a period, from `--headcount 2025=7834`; wins over the file.
    pub headcount: Vec<(PeriodLabel, Decimal)>,
}

/// What an import gives: the company file, and what the person importing should hear about.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The TOML input text.
    pub toml: String,
    /// Fiscal years without headcount (the per-employee metrics of those years are n/a).
    pub missing_headcount: Vec<String>,
    /// Facts left out or chosen while reading (also in the TOML's comments).
    pub notices: Vec<String>,
}

impl Imported {
    /// The warnings to print on standard error.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings: Vec<String> = self
            .notices
            .iter()
            .map(|notice| format!("warning: {notice}"))
            .collect();
        if let Some(last) = self.missing_headcount.last() {
            warnings.push(format!(
                "warning: the SEC file has no headcount for {}: add headcount_end to those \
                 years, or import again with --headcount {last}=N,...",
                self.missing_headcount.join(", ")
            ));
        }
        warnings
    }
}

/// Turns companyfacts JSON into TOML input text. `file` names the input in messages and sources.
pub fn import(text: &str, file: &str, options: &Options) -> Result<Imported, InputError> {
    let facts = facts::parse(text, file)?;
    let selection = statement::Selection {
        from: options.from,
        quarters: options.quarters,
    };
    let statement = statement::build(&facts, selection).map_err(|message| {
        InputError::new(file, message).with_help(
            "import the companyfacts file of a company that files income statements in XBRL \
             (us-gaap or ifrs-full); with --from, pick a year the file covers",
        )
    })?;
    let mut headcount = BTreeMap::new();
    for (label, count) in &options.headcount {
        let label = label.to_string();
        if !statement.periods.iter().any(|p| p.span.label() == label) {
            let known: Vec<String> = statement.periods.iter().map(|p| p.span.label()).collect();
            return Err(InputError::new(
                "--headcount",
                format!("--headcount names the period {label}, which the import does not have"),
            )
            .with_help(format!("the imported periods are {}", known.join(", "))));
        }
        headcount.insert(label, *count);
    }
    let header = render::Header {
        name: company_name(&facts::one_line(
            facts.entity_name.as_deref().unwrap_or_default(),
        )),
        notices: facts.notices(),
        cik: facts.cik(),
        file: std::path::Path::new(file)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or(file)
            .to_string(),
    };
    Ok(Imported {
        toml: render::toml(&statement, &header, &headcount),
        missing_headcount: render::missing_headcount(&statement, &headcount),
        notices: header.notices,
    })
}

/// An error of the imported TOML (which is never written) as an error about the JSON read:
/// the figure's line in the TOML names its concept and filing in a comment, and the error
/// points at that filing's fact under that concept in the JSON (or at the file alone).
pub fn validation_error(error: InputError, json: &str, file: &str) -> InputError {
    let toml_line = match error.location.as_deref() {
        Some(crate::diagnostic::Location::Text { source_line, .. }) => source_line.clone(),
        _ => String::new(),
    };
    let (figure, comment) = match toml_line.split_once('#') {
        Some((figure, comment)) => (figure.trim().to_string(), comment.trim().to_string()),
        None => (toml_line.trim().to_string(), String::new()),
    };
    let location = locate_fact(json, &comment);
    let mut message = format!(
        "the imported figures do not pass validation: {}",
        error.message
    );
    if !figure.is_empty() {
        message.push_str(&format!(" (imported as `{figure}`)"));
    }
    let help = if comment.is_empty() {
        "the SEC file's figures are not what a company file takes; check them in the filing"
            .to_string()
    } else {
        format!("the figure comes from {comment}; check it in that filing")
    };
    InputError::new(file, message).at(location).with_help(help)
}

/// Where the fact a TOML comment names (`us-gaap:Revenues, 0000950170-24-012345`, or a
/// derived figure's first filing) is in the JSON: the filing's accession number after the
/// concept's name.
fn locate_fact(json: &str, comment: &str) -> Option<crate::diagnostic::Location> {
    let comment = comment.strip_prefix("derived: ").unwrap_or(comment);
    let concept = comment.split([',', ' ']).next()?;
    let name = concept.split_once(':').map_or(concept, |(_, name)| name);
    let accn = comment.split([',', ' ', ';']).find(|word| {
        word.len() >= 10
            && word.contains('-')
            && word.chars().all(|c| c.is_ascii_digit() || c == '-')
    })?;
    let at = json.find(&format!("\"{name}\""))?;
    let found = at + json[at..].find(&format!("\"{accn}\""))?;
    Some(crate::diagnostic::text_location(
        json,
        found,
        found + accn.len() + 2,
    ))
}

/// The company's name as filed, with all-capitals names ("SNOWFLAKE INC.") in title case.
fn company_name(filed: &str) -> String {
    let filed = filed.trim();
    if filed.is_empty() {
        return "Unnamed company".to_string();
    }
    if filed.chars().any(char::is_lowercase) {
        return filed.to_string();
    }
    filed
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
