//! The values of single options, parsed and checked: `--company` fields, `--as-of` and
//! SOURCE_DATE_EPOCH, `--headcount`, and the thresholds file. Each function takes text and
//! returns a typed value or an error that says what was expected.

use anyhow::{anyhow, bail, Context, Result};
use rust_decimal::Decimal;

use crate::input::raw::parse_decimal;
use crate::period::PeriodLabel;

/// Splits `--company` values into key/value pairs. A comma separates fields only when the text
/// after it starts a new `key=` (a key may be dotted, `plan.annual_attrition`); so
/// "name=Acme, Inc.,currency=USD" keeps the name whole.
pub fn company_fields(values: &[String]) -> Result<Vec<(String, String)>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for value in values {
        for part in value.split(',') {
            let starts_field = part.split_once('=').is_some_and(|(key, _)| {
                !key.trim().is_empty()
                    && key
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
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

/// Readiness thresholds: the defaults, or those of a TOML file (each marked as the thresholds
/// file's), and warnings about the file for standard error.
pub fn thresholds(
    path: Option<&std::path::Path>,
) -> Result<(
    crate::scorecard::Thresholds,
    Vec<crate::diagnostic::InputError>,
)> {
    use crate::scorecard::{Thresholds, ThresholdsFile};
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
    let file: ThresholdsFile = toml::from_str(&text).map_err(|error: toml::de::Error| {
        let location = error
            .span()
            .map(|span| crate::diagnostic::text_location(&text, span.start, span.end));
        crate::diagnostic::InputError::new(&display, error.message().to_string())
            .at(location)
            .with_help(format!(
                "thresholds are {}",
                ThresholdsFile::KEYS.join(", ")
            ))
    })?;
    let warnings = file
        .min_revenue_growth_pct
        .and_then(|value| growth_as_share(&text, &display, value))
        .into_iter()
        .collect();
    Ok((Thresholds::from_file(&file), warnings))
}

/// A growth bar between 0 and 1 (0.25) in a thresholds file: almost surely a share meant as a
/// percentage (25), since the bar is in percent. Points at its line.
fn growth_as_share(text: &str, file: &str, value: f64) -> Option<crate::diagnostic::InputError> {
    let key = "min_revenue_growth_pct";
    let problem = crate::input::percent_as_share(key, value)?;
    let offset = text
        .lines()
        .scan(0, |start, line| {
            let at = *start;
            *start += line.len() + 1;
            Some((at, line))
        })
        .find(|(_, line)| line.trim_start().starts_with(key))
        .map(|(at, line)| (at + line.len() - line.trim_start().len(), line.trim().len()));
    let location = offset.map(|(at, len)| crate::diagnostic::text_location(text, at, at + len));
    Some(
        crate::diagnostic::InputError::new(file, problem.message)
            .at(location)
            .with_help(problem.help),
    )
}

/// The report date: `--as-of`, else SOURCE_DATE_EPOCH (seconds since 1970, UTC), else none.
pub fn as_of(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<Option<String>> {
    if let Some(text) = flag {
        let date = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .with_context(|| format!("--as-of expects a date as YYYY-MM-DD, found \"{text}\""))?;
        return Ok(Some(date.format("%Y-%m-%d").to_string()));
    }
    match source_date_epoch {
        Some(text) if !text.trim().is_empty() => {
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

/// `--headcount 2025=7834,2024-Q4=7800` as period labels and counts.
pub fn headcount(values: &[String]) -> Result<Vec<(PeriodLabel, Decimal)>> {
    values
        .iter()
        .filter(|value| !value.trim().is_empty())
        .map(|value| {
            let (label, count) = value.split_once('=').ok_or_else(|| {
                anyhow!("--headcount expects PERIOD=N such as 2025=7834, found \"{value}\"")
            })?;
            let label = PeriodLabel::parse(label)
                .map_err(|error| anyhow!("--headcount {value}: {}", error.0))?;
            let count =
                parse_decimal(count).map_err(|error| anyhow!("--headcount {value}: {error}"))?;
            if count.is_sign_negative() && !count.is_zero() {
                return Err(anyhow!(
                    "--headcount {value}: a headcount cannot be negative"
                ));
            }
            Ok((label, count))
        })
        .collect()
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
        // Guards dotted keys: they start a field of their own, not part of the name.
        let fields = company_fields(&["name=Acme,plan.annual_attrition=0.1".into()]).unwrap();
        assert_eq!(
            fields,
            vec![
                ("name".into(), "Acme".into()),
                ("plan.annual_attrition".into(), "0.1".into())
            ]
        );
    }

    #[test]
    fn as_of_date_is_checked() {
        assert!(as_of(Some("2025-02-30"), None).is_err());
        assert_eq!(
            as_of(Some("2025-02-28"), Some("0")).unwrap().as_deref(),
            Some("2025-02-28")
        );
    }

    #[test]
    fn source_date_epoch_is_a_day_in_utc() {
        // 1767225600 s = 20454 days of 86400 s since 1970-01-01 = 2026-01-01.
        assert_eq!(
            as_of(None, Some("1767225600")).unwrap().as_deref(),
            Some("2026-01-01")
        );
        // One second before is still 2025-12-31.
        assert_eq!(
            as_of(None, Some("1767225599")).unwrap().as_deref(),
            Some("2025-12-31")
        );
        assert_eq!(as_of(None, Some(" ")).unwrap(), None);
        assert!(as_of(None, Some("yesterday")).is_err());
    }

    #[test]
    fn headcount_values_are_labels_and_counts() {
        let values = headcount(&["2025=7834".into(), "2024-q4=7800".into()]).unwrap();
        assert_eq!(values[0], (PeriodLabel::year(2025), Decimal::from(7834)));
        assert_eq!(
            values[1],
            (PeriodLabel::quarter(2024, 4), Decimal::from(7800))
        );
        assert!(headcount(&["2025".into()]).is_err());
        assert!(headcount(&["2025=-3".into()]).is_err());
    }
}
