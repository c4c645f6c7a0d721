//! `ipobrief import sec`: the SEC EDGAR companyfacts JSON (XBRL facts per company) to our TOML.
//!
//! [`facts::parse`] reads the JSON -> [`statement::build`] finds the fiscal calendar, picks each
//! field's figure per period by start and end dates and derives Q4 -> [`render::toml`] writes
//! the TOML with a comment per figure.

mod calendar;
mod concepts;
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
}

impl Imported {
    /// The warning to print on standard error, if any.
    pub fn warning(&self) -> Option<String> {
        let last = self.missing_headcount.last()?;
        Some(format!(
            "warning: the SEC file has no headcount for {}: add headcount_end to those years, \
             or import again with --headcount {last}=N,...",
            self.missing_headcount.join(", ")
        ))
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
        name: company_name(facts.entity_name.as_deref().unwrap_or_default()),
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
    })
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
mod tests {
    use super::*;

    /// Guards issue 12: the years without headcount were only said in a TOML comment.
    #[test]
    fn missing_headcount_is_a_warning() {
        let imported = Imported {
            toml: String::new(),
            missing_headcount: vec!["2023".into(), "2024".into()],
        };
        assert_eq!(
            imported.warning().as_deref(),
            Some(
                "warning: the SEC file has no headcount for 2023, 2024: add headcount_end to \
                 those years, or import again with --headcount 2024=N,..."
            )
        );
        let complete = Imported {
            missing_headcount: Vec::new(),
            ..imported
        };
        assert_eq!(complete.warning(), None);
    }

    #[test]
    fn capitalised_names_read_as_names() {
        assert_eq!(company_name("SNOWFLAKE INC."), "Snowflake Inc.");
        assert_eq!(
            company_name("Logistic Properties of the Americas"),
            "Logistic Properties of the Americas"
        );
    }
}
