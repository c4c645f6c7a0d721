//! From the raw input to a validated [`CompanyInput`]: required fields, ranges, labels,
//! currency, scale, duplicates and gaps. Every error points at the field in the file.

use super::locate::Locate;
use super::raw::RawInput;
use super::CompanyInput;
use crate::diagnostic::InputError;

/// Most periods in one input: far more than any real history; time and memory grow linearly
/// up to it (see the README's Performance section).
pub const MAX_PERIODS: usize = 20_000;
/// Most distinct cost lines in one input.
pub const MAX_COST_LINES: usize = 200;
/// Longest summary or period notes, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 100_000;
/// Most sources, and the longest one in characters.
pub const MAX_SOURCES: usize = 200;
pub const MAX_SOURCE_CHARS: usize = 2_000;

/// Validates the raw input and turns it into the typed model.
pub fn validate(
    mut raw: RawInput,
    file: &str,
    locator: &dyn Locate,
    company_fields: &[(String, String)],
) -> Result<CompanyInput, InputError> {
    let check = Checker { file, locator };
    let command_line = table_fields(&mut raw, company_fields)?;
    let (company, cost_sign) = company(
        raw.company.clone().unwrap_or_default(),
        &command_line.company,
        &check,
    )?;
    period_count(&raw, &check)?;
    let mut reading_warnings = std::mem::take(&mut raw.reading_warnings);
    reading_warnings.extend(raw.periods.iter().flat_map(subtotal_warnings));
    let value_labels = value_labels(&raw, &check)?;
    let adjustment_names = adjustment_names(&raw, &check)?;
    let value_units = value_units(&mut raw, &check)?;
    let raw_plans = budget::take(&mut raw.periods);
    let written = written_labels(&raw.periods);
    let (mut periods, label_lines) = checked_periods(
        raw.periods,
        &written,
        &company,
        &value_units,
        cost_sign,
        &check,
    )?;
    let check_budget = |raw, index, check: &Checker| {
        period::period(raw, index, &company, &value_units, cost_sign, check)
    };
    let (plan_actual, plan_warnings) = budget::plans(
        raw_plans,
        &periods,
        &written,
        company.scale,
        &value_units,
        check_budget,
        &check,
    )?;
    check_cost_lines(&company, &periods, &check)?;
    check_cost_sign(&periods, cost_sign, &check)?;
    periods.sort_by_key(|p| p.label.sort_key());
    super::years::complete(&mut periods, company.scale);
    let mut warnings = gap_warnings(&periods);
    warnings.extend(reading_warnings);
    warnings.extend(plan_warnings);
    let plan = raw.plan.map(|plan| self::plan(plan, &check)).transpose()?;
    let acknowledgements = super::acknowledge::validate(raw.acknowledge, file, locator)?;
    let readiness = readiness(raw.readiness, &command_line.readiness_keys, &check)?;
    warnings.extend(percent_as_share(
        readiness.as_ref(),
        &command_line.readiness_keys,
        &check,
    ));
    let kpis = super::kpi::definitions(raw.kpi, file, locator)?;
    let non_gaap = super::non_gaap::definitions(raw.non_gaap, &periods, &kpis, file, locator)?;
    in_calendar(&mut warnings, company.calendar);
    Ok(CompanyInput {
        kpis,
        non_gaap,
        source: file.to_string(),
        company,
        plan,
        readiness: readiness.unwrap_or_default(),
        periods,
        plan_actual,
        value_units,
        value_names: value_labels.names,
        top_line: value_labels.top_line,
        adjustment_names,
        warnings,
        acknowledgements,
        label_lines,
    })
}

#[path = "validate_budget.rs"]
mod budget;
#[path = "validate_checker.rs"]
mod checker;
#[path = "validate_company.rs"]
mod company;
#[path = "validate_costs.rs"]
mod costs;
#[path = "validate_plan_guidance.rs"]
mod guidance;
#[path = "validate_labels.rs"]
mod labels;
#[path = "validate_overrides.rs"]
mod overrides;
#[path = "validate_peers.rs"]
mod peers;
#[path = "validate_period.rs"]
mod period;
#[path = "validate_periods.rs"]
mod periods;
#[path = "validate_plan.rs"]
mod plan;
#[path = "validate_readiness.rs"]
mod readiness;
#[path = "validate_serde.rs"]
mod serde_messages;
#[path = "validate_statement.rs"]
mod statement;
#[path = "validate_text.rs"]
mod text;
#[path = "validate_plan_unmatched.rs"]
mod unmatched;
#[path = "validate_values.rs"]
mod values;
#[path = "validate_warnings.rs"]
mod warnings;

use checker::Checker;
use company::company;
use costs::{check_cost_lines, check_cost_sign};
use labels::duplicate_label;
use overrides::table_fields;
pub use peers::MAX_PEERS;
use periods::{checked_periods, period_count, value_units, written_labels};
use plan::plan;
use readiness::{percent_as_share, readiness};
pub use serde_messages::explain_serde_message;
use values::{adjustment_names, value_labels};
use warnings::{gap_warnings, in_calendar, subtotal_warnings};

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
