//! The company-level tables, validated: `[company]` with the `--company` fields over it
//! (name, currency, scale, fiscal year end, limits on text), and the headcount `[plan]`.

use rust_decimal::Decimal;

use super::super::cost_sign::CostSign;
use super::super::locate::{FieldPath, Table};
use super::super::names::name_problem;
use super::super::raw::{
    Amount, RawCompany, RawInput, RawPlan, COMPANY_FIELDS, PLAN_FIELDS, READINESS_FIELDS,
};
use super::super::{Company, PeerRef, Plan, Scale};
use super::{Checker, MAX_SOURCES, MAX_SOURCE_CHARS, MAX_TEXT_BYTES};
use crate::diagnostic::{did_you_mean, InputError};

/// The fields of `--company`, sorted out: the company's own, and the `readiness.<key>` keys
/// it set (thresholds given on the command line, which win over a thresholds file).
pub(super) struct CommandLineFields {
    pub company: Vec<(String, String)>,
    pub readiness_keys: Vec<String>,
}

/// Sets the `plan.<key>`, `readiness.<key>` and `values.<name>.unit` fields of `--company` (as
/// the company sheet's rows do) and returns the company's own fields and the readiness keys set.
pub(super) fn table_fields(
    raw: &mut RawInput,
    fields: &[(String, String)],
) -> Result<CommandLineFields, InputError> {
    let mut sorted = CommandLineFields {
        company: Vec::new(),
        readiness_keys: Vec::new(),
    };
    for (key, value) in fields {
        match key.split_once('.') {
            Some((table @ ("plan" | "readiness" | "values"), field)) => {
                super::super::sheet::table_field(raw, table, field, value.trim()).map_err(
                    |problem| {
                        InputError::new("--company", format!("--company {key}={value}: {problem}"))
                    },
                )?;
                if table == "readiness" {
                    sorted.readiness_keys.push(field.trim().to_string());
                }
            }
            _ => sorted.company.push((key.clone(), value.clone())),
        }
    }
    Ok(sorted)
}

pub(super) fn company(
    mut raw: RawCompany,
    overrides: &[(String, String)],
    check: &Checker,
) -> Result<(Company, CostSign), InputError> {
    for (key, value) in overrides {
        let value = value.trim().to_string();
        match key.as_str() {
            "name" => raw.name = Some(value),
            "ticker" => raw.ticker = Some(value),
            "currency" => raw.currency = Some(value),
            "scale" => raw.scale = Some(value),
            "fiscal_year_end" => raw.fiscal_year_end = Some(value),
            "summary" => raw.summary = Some(value),
            "cost_sign" => raw.cost_sign = Some(value),
            "ai_exposed" => {
                raw.ai_exposed = value
                    .split([',', ';'])
                    .map(|s| s.trim().to_string())
                    .collect()
            }
            other => {
                let hint = did_you_mean(other, COMPANY_FIELDS.iter().copied())
                    .map(|c| format!("did you mean \"{c}\"? "))
                    .unwrap_or_default();
                return Err(InputError::new(
                    "--company",
                    format!("unknown company field \"{other}\""),
                )
                .with_help(format!(
                    "{hint}company fields are {}; plan.{} and readiness.{} set the plan and \
                     the thresholds",
                    COMPANY_FIELDS.join(", "),
                    PLAN_FIELDS.join(", plan."),
                    READINESS_FIELDS.join(", readiness.")
                )));
            }
        }
    }
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let name = raw
        .name
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
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
    let currency_text = raw.currency.as_deref().map(str::trim).unwrap_or_default();
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
    let scale = match raw.scale.as_deref() {
        None => Scale::Units,
        Some(text) => Scale::parse(text).ok_or_else(|| {
            check
                .error(at("scale"), format!("unknown scale \"{text}\""))
                .with_help(format!("scale is one of {}", Scale::NAMES.join(", ")))
        })?,
    };
    let mut calendar = crate::period::FiscalCalendar::default();
    if let Some(end) = &raw.fiscal_year_end {
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

/// Most comparable companies in `peers`: a brief's table and charts stay readable.
pub const MAX_PEERS: usize = 12;

/// The `peers` list: each entry a file name, none empty or repeated; each keeps its position.
fn peers(list: &[String], check: &Checker) -> Result<Vec<PeerRef>, InputError> {
    let at = |index: usize| FieldPath::item(Table::Company, &["peers"], index);
    if list.len() > MAX_PEERS {
        return Err(check
            .error(
                at(MAX_PEERS),
                format!(
                    "there are {} peers, more than the limit of {MAX_PEERS}",
                    list.len()
                ),
            )
            .with_help("list the closest comparable companies only"));
    }
    let mut out: Vec<PeerRef> = Vec::with_capacity(list.len());
    for (index, path) in list.iter().enumerate() {
        let path = path.trim();
        if path.is_empty() {
            return Err(check
                .error(at(index), "a peer's file name is empty")
                .with_help("write the file of a comparable company, relative to this file, e.g. peers = [\"peers/paypal.toml\"]"));
        }
        if out.iter().any(|p| p.path == path) {
            return Err(check
                .error(at(index), format!("the peer \"{path}\" is listed twice"))
                .with_help("list each comparable company once"));
        }
        out.push(PeerRef {
            path: path.to_string(),
            location: check.locator.locate(&at(index)),
        });
    }
    Ok(out)
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

pub(super) fn plan(raw: RawPlan, check: &Checker) -> Result<Plan, InputError> {
    let at = |key: &str| FieldPath::new(Table::Plan, &[key]);
    let required = |value: Option<Amount>, key: &str, example: &str| {
        value.map(|a| a.0).ok_or_else(|| {
            check
                .error(at(key), format!("the plan has no {key}"))
                .with_help(format!("add {key} = {example} to the [plan] table"))
        })
    };
    let target_headcount = required(raw.target_headcount, "target_headcount", "2000")?;
    let annual_attrition = required(raw.annual_attrition, "annual_attrition", "0.2")?;
    let hires_per_year = raw.hires_per_year.map_or(Decimal::ZERO, |a| a.0);
    let share = |value: Decimal, key: &str, allow_one: bool| {
        let ok = value >= Decimal::ZERO
            && (value < Decimal::ONE || (allow_one && value == Decimal::ONE));
        if ok {
            Ok(value)
        } else {
            Err(check
                .error(
                    at(key),
                    format!("{key} must be a share between 0 and 1, found {value}"),
                )
                .with_help("write 20% as 0.2"))
        }
    };
    let annual_attrition = share(annual_attrition, "annual_attrition", false)?;
    let reinvest_share = raw
        .reinvest_share
        .map(|a| share(a.0, "reinvest_share", true))
        .transpose()?;
    for (key, value) in [
        ("target_headcount", target_headcount),
        ("hires_per_year", hires_per_year),
    ] {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(check.error(
                at(key),
                format!("{key} must not be negative, found {value}"),
            ));
        }
    }
    Ok(Plan {
        target_headcount,
        annual_attrition,
        hires_per_year,
        reinvest_share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_folder_names() {
        assert_eq!(slug_for("Klarna Group plc"), "klarna-group-plc");
        assert_eq!(slug_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug_for("CON"), "con-company");
        assert_eq!(slug_for("LPT1"), "lpt1-company");
        assert_eq!(slug_for("***"), "company");
        assert_eq!(slug_for("Öresund Bank AB"), "oresund-bank-ab");
    }
}
