//! The fields of `--company`: those of the `[plan]`, `[readiness]` and `[values]` tables set
//! as the company sheet's rows set them, and the company's own over its `[company]` table.

use super::super::raw::{RawCompany, RawInput, COMPANY_FIELDS, PLAN_FIELDS, READINESS_FIELDS};
use crate::diagnostic::{did_you_mean, InputError};

/// The fields of `--company`, sorted out: the company's own, and the `readiness.<key>` keys
/// it set (thresholds given on the command line, which win over a thresholds file).
pub(super) struct CommandLineFields {
    pub(super) company: Vec<(String, String)>,
    pub(super) readiness_keys: Vec<String>,
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

/// The company's own fields of `--company` over those of its `[company]` table.
pub(super) fn apply_overrides(
    raw: &mut RawCompany,
    overrides: &[(String, String)],
) -> Result<(), InputError> {
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
    Ok(())
}
