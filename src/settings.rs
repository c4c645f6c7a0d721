//! Validated settings, made from the command-line arguments before any work starts.

use anyhow::{bail, Context, Result};

use crate::cli::{DateArgs, ReadArgs};
use crate::input::ReadOptions;

/// Splits `--company` values into key/value pairs. A comma separates fields only when the text
/// after it starts a new `key=`; so "name=Acme, Inc.,currency=USD" keeps the name whole.
pub fn company_fields(values: &[String]) -> Result<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for value in values {
        for part in value.split(',') {
            let starts_field = part.split_once('=').is_some_and(|(key, _)| {
                !key.trim().is_empty()
                    && key
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            match (starts_field, fields.last_mut()) {
                (true, _) => {
                    let (key, v) = part.split_once('=').unwrap_or((part, ""));
                    fields.push((key.trim().to_string(), v.to_string()));
                }
                (false, Some(last)) => {
                    last.1.push(',');
                    last.1.push_str(part);
                }
                (false, None) => bail!(
                    "--company expects key=value pairs such as \"name=Acme AB,currency=SEK\", found \"{value}\""
                ),
            }
        }
    }
    Ok(fields)
}

pub fn read_options(args: &ReadArgs) -> Result<ReadOptions> {
    Ok(ReadOptions {
        format: args.input_format,
        company_fields: company_fields(&args.company)?,
        sheet: args.sheet.clone(),
    })
}

/// Readiness thresholds: the defaults, or those of a TOML file.
pub fn thresholds(path: Option<&std::path::Path>) -> Result<crate::scorecard::Thresholds> {
    let Some(path) = path else {
        return Ok(Default::default());
    };
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| {
        crate::diagnostic::InputError::new(
            &display,
            format!("cannot read the thresholds file: {error}"),
        )
    })?;
    toml::from_str(&text).map_err(|error: toml::de::Error| {
        let location = error
            .span()
            .map(|span| crate::diagnostic::text_location(&text, span.start, span.end));
        crate::diagnostic::InputError::new(&display, error.message().to_string())
            .at(location)
            .with_help("thresholds are min_revenue_growth_pct, min_rule_of_40, min_fiscal_years and flat_margin_band_pp")
            .into()
    })
}

/// The report date: `--as-of`, else SOURCE_DATE_EPOCH (seconds since 1970, UTC), else none.
pub fn as_of(args: &DateArgs) -> Result<Option<String>> {
    if let Some(text) = &args.as_of {
        let date = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .with_context(|| format!("--as-of expects a date as YYYY-MM-DD, found \"{text}\""))?;
        return Ok(Some(date.format("%Y-%m-%d").to_string()));
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => {
            let seconds: i64 = text.trim().parse().with_context(|| {
                format!("SOURCE_DATE_EPOCH must be whole seconds since 1970, found \"{text}\"")
            })?;
            let date = chrono::DateTime::from_timestamp(seconds, 0)
                .with_context(|| format!("SOURCE_DATE_EPOCH {seconds} is out of range"))?;
            Ok(Some(date.format("%Y-%m-%d").to_string()))
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_fields_keep_commas_inside_values() {
        let fields =
            company_fields(&["name=Acme, Inc.,currency=USD,ai_exposed=a,b".into()]).unwrap();
        assert_eq!(
            fields,
            vec![
                ("name".into(), "Acme, Inc.".into()),
                ("currency".into(), "USD".into()),
                ("ai_exposed".into(), "a,b".into())
            ]
        );
    }

    #[test]
    fn as_of_date_is_checked() {
        let args = DateArgs {
            as_of: Some("2025-02-30".into()),
        };
        assert!(as_of(&args).is_err());
        let args = DateArgs {
            as_of: Some("2025-02-28".into()),
        };
        assert_eq!(as_of(&args).unwrap().as_deref(), Some("2025-02-28"));
    }
}
