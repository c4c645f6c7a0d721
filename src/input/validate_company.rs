//! The `[company]` table, validated with the `--company` fields over it: name, currency,
//! scale, fiscal year end, ticker, cost sign, limits on text, and its folder's slug.

use super::super::cost_sign::CostSign;
use super::super::locate::{FieldPath, Table};
use super::super::raw::RawCompany;
use super::super::{Company, Scale};
use super::overrides::apply_overrides;
use super::peers::peers;
use super::text::{name, text_limits};
use super::Checker;
use crate::diagnostic::{did_you_mean, InputError};

/// The company with the `--company` fields (`overrides`) over its table, and the sign its
/// costs are written in.
pub(super) fn company(
    mut raw: RawCompany,
    overrides: &[(String, String)],
    check: &Checker,
) -> Result<(Company, CostSign), InputError> {
    apply_overrides(&mut raw, overrides)?;
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let name = name(raw.name.as_deref(), check)?;
    text_limits(&raw, check)?;
    let currency = currency(raw.currency.as_deref(), check)?;
    let scale = match raw.scale.as_deref() {
        None => Scale::Units,
        Some(text) => Scale::parse(text).ok_or_else(|| {
            check
                .error(at("scale"), format!("unknown scale \"{text}\""))
                .with_help(format!("scale is one of {}", Scale::NAMES.join(", ")))
        })?,
    };
    let calendar = calendar(raw.fiscal_year_end.as_deref(), check)?;
    let ticker = raw
        .ticker
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if ticker.as_ref().is_some_and(|t| t.chars().count() > 20) {
        return Err(check.error(at("ticker"), "the ticker is longer than 20 characters"));
    }
    let cost_sign = match raw.cost_sign.as_deref() {
        None => CostSign::default(),
        Some(text) => CostSign::parse(text).ok_or_else(|| {
            check
                .error(at("cost_sign"), format!("unknown cost_sign \"{text}\""))
                .with_help(format!(
                    "cost_sign is one of {}: \"negative\" when costs are written below zero",
                    CostSign::NAMES.join(", ")
                ))
        })?,
    };
    let peers = peers(&raw.peers, check)?;
    let company = Company {
        slug: slug_for(&name),
        name,
        ticker,
        currency,
        scale,
        fiscal_year_end: raw.fiscal_year_end.map(|s| s.trim().to_string()),
        calendar,
        summary: raw.summary.filter(|s| !s.trim().is_empty()),
        ai_exposed: raw
            .ai_exposed
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
        sources: raw.sources,
        peers,
    };
    Ok((company, cost_sign))
}

/// A folder name that is safe on every file system: lower-case ASCII, digits and dashes,
/// never empty, never `.`/`..`, never a reserved Windows device name.
pub fn slug_for(name: &str) -> String {
    let mut slug = slug::slugify(name);
    slug.truncate(64);
    let slug = slug.trim_matches('-').to_string();
    let reserved = ["con", "prn", "aux", "nul"].contains(&slug.as_str())
        || (slug.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && slug.as_bytes()[3].is_ascii_digit());
    match slug.as_str() {
        "" => "company".to_string(),
        _ if reserved => format!("{slug}-company"),
        _ => slug,
    }
}

/// The currency: an ISO 4217 code, upper-cased.
fn currency(written: Option<&str>, check: &Checker) -> Result<String, InputError> {
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let currency_text = written.map(str::trim).unwrap_or_default();
    if currency_text.is_empty() {
        return Err(check
            .error(at("currency"), "the company has no currency")
            .with_help("add currency = \"USD\" (an ISO 4217 code) to the [company] table"));
    }
    let currency = currency_text.to_ascii_uppercase();
    if iso_currency::Currency::from_code(&currency).is_none() {
        let codes: Vec<&str> = <iso_currency::Currency as iso_currency::IntoEnumIterator>::iter()
            .map(|c| c.code())
            .collect();
        let hint = did_you_mean(&currency, codes.iter().copied())
            .map(|c| format!("did you mean \"{c}\"? "))
            .unwrap_or_default();
        return Err(check
            .error(
                at("currency"),
                format!("\"{currency_text}\" is not an ISO 4217 currency code"),
            )
            .with_help(format!(
                "{hint}use a three-letter code such as USD, EUR or SEK"
            )));
    }
    Ok(currency)
}

/// The fiscal calendar from `fiscal_year_end` (MM-DD), December by default.
fn calendar(
    fiscal_year_end: Option<&str>,
    check: &Checker,
) -> Result<crate::period::FiscalCalendar, InputError> {
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let mut calendar = crate::period::FiscalCalendar::default();
    if let Some(end) = fiscal_year_end {
        if let Some(valid) = crate::period::FiscalCalendar::parse(end) {
            calendar = valid;
        } else {
            return Err(check
                .error(
                    at("fiscal_year_end"),
                    format!("\"{end}\" is not a month and day"),
                )
                .with_help(
                    "write the last day of the fiscal year as MM-DD, e.g. \"12-31\" or \"01-31\"",
                ));
        }
    }
    Ok(calendar)
}

#[cfg(test)]
#[path = "validate_company_tests.rs"]
mod tests;
