//! The spreadsheet's `company` sheet: `field | value` rows for the company table, and
//! `plan.<field>` and `readiness.<field>` rows (also read from `--company`) for the headcount
//! plan and the scorecard's thresholds, and `values.<name>.unit` rows for the unit of a
//! `value:<name>` column.

use calamine::{Data, Range};

use super::super::cell::{read_number, Expect};
use super::super::raw::{
    Amount, RawCompany, RawInput, COMPANY_FIELDS, PLAN_FIELDS, READINESS_FIELDS,
};
use super::{cell_text, SheetLocator};
use crate::diagnostic::{did_you_mean, InputError, Location};

/// The `company` sheet: `field | value` rows for the company table, and `plan.<field>` and
/// `readiness.<field>` rows for the headcount plan and the scorecard's thresholds, as the TOML
/// `[plan]` and `[readiness]` tables.
pub(super) fn company(
    range: &Range<Data>,
    file: &str,
    locator: &mut SheetLocator,
    raw: &mut RawInput,
) -> Result<(), InputError> {
    let mut company = RawCompany::default();
    let (top, left) = range.start().unwrap_or_default();
    for (i, row) in range.rows().enumerate() {
        let at_row = top + i as u32;
        let cell = |j: usize| {
            let at = locator.company_cell(at_row, left + j as u32);
            row.get(j).map_or(Ok(None), cell_text).map_err(|found| {
                InputError::new(file, format!("the cell {} {found}", at_text(&at))).at(Some(at))
            })
        };
        let Some(field) = cell(0)? else {
            continue;
        };
        if field.eq_ignore_ascii_case("field") && i == 0 {
            continue;
        }
        let value = cell(1)?.unwrap_or_default();
        locator.company_rows.insert(field.clone(), at_row);
        if let Some((table, key)) = field.split_once('.') {
            if table == "plan" || table == "readiness" || table == "values" {
                let at = locator.company_cell(at_row, left + 1);
                table_field(raw, table, key, &value).map_err(|problem| {
                    InputError::new(file, format!("{} ({field}): {problem}", at_text(&at)))
                        .at(Some(at))
                })?;
                continue;
            }
            if table == "acknowledge" {
                locator.acknowledge_rows.push(at_row);
                raw.acknowledge
                    .push(super::super::acknowledge::from_sheet_row(key, &value));
                continue;
            }
        }
        if !company_field(&mut company, &field, value) {
            let at = locator.company_cell(at_row, left);
            return Err(unknown_field(&field, file, at));
        }
    }
    raw.company = Some(company);
    Ok(())
}

/// Sets the company field `field` to `value`; false when there is no such field.
fn company_field(company: &mut RawCompany, field: &str, value: String) -> bool {
    let list = |separators: &[char]| -> Vec<String> {
        value
            .split(separators)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    match field {
        "ai_exposed" => company.ai_exposed = list(&[',', ';']),
        // Source citations hold commas of their own: one per line or separated by `;`.
        "sources" => company.sources = list(&[';', '\n']),
        "peers" => company.peers = list(&[',', ';', '\n']),
        "name" => company.name = Some(value),
        "ticker" => company.ticker = Some(value),
        "currency" => company.currency = Some(value),
        "scale" => company.scale = Some(value),
        "fiscal_year_end" => company.fiscal_year_end = Some(value),
        "summary" => company.summary = Some(value),
        "cost_sign" => company.cost_sign = Some(value),
        _ => return false,
    }
    true
}

/// An unknown company field in the cell `at`, with the closest name and what the rows may be.
fn unknown_field(other: &str, file: &str, at: Location) -> InputError {
    let hint = did_you_mean(other, COMPANY_FIELDS.iter().copied())
        .map(|c| format!("did you mean \"{c}\"? "))
        .unwrap_or_default();
    InputError::new(
        file,
        format!("unknown company field \"{other}\" in {}", at_text(&at)),
    )
    .at(Some(at))
    .with_help(format!(
        "{hint}company fields are {}; plan.{} and readiness.{} rows set the plan \
         and the thresholds; acknowledge.<kind> rows acknowledge a warning",
        COMPANY_FIELDS.join(", "),
        PLAN_FIELDS.join(", plan."),
        READINESS_FIELDS.join(", readiness.")
    ))
}

/// Sets `plan.<key>`, `readiness.<key>` or `values.<name>.unit` from a company-sheet row; an
/// error says what is wrong.
pub(in crate::input) fn table_field(
    raw: &mut RawInput,
    table: &str,
    key: &str,
    value: &str,
) -> Result<(), String> {
    if table == "values" {
        // `values.customers.unit | number`: the unit of a `value:<name>` column, checked with
        // the TOML's `[values.<name>]` tables.
        let Some(name) = key.strip_suffix(".unit").filter(|n| !n.is_empty()) else {
            return Err(format!(
                "unknown field: a value's row is values.<name>.unit, such as \
                 values.customers.unit | number, not values.{key}"
            ));
        };
        raw.values.insert(
            name.to_string(),
            super::super::raw::RawValue {
                unit: Some(value.to_string()),
                ..Default::default()
            },
        );
        return Ok(());
    }
    let slot = match (table, key) {
        ("plan", "target_headcount") => &mut plan(raw).target_headcount,
        ("plan", "annual_attrition") => &mut plan(raw).annual_attrition,
        ("plan", "hires_per_year") => &mut plan(raw).hires_per_year,
        ("plan", "reinvest_share") => &mut plan(raw).reinvest_share,
        ("readiness", "min_revenue_growth_pct") => &mut readiness(raw).min_revenue_growth_pct,
        ("readiness", "min_rule_of_40") => &mut readiness(raw).min_rule_of_40,
        ("readiness", "min_fiscal_years") => &mut readiness(raw).min_fiscal_years,
        ("readiness", "min_quarters_at_guidance") => &mut readiness(raw).min_quarters_at_guidance,
        ("readiness", "max_budget_error_pct") => &mut readiness(raw).max_budget_error_pct,
        ("readiness", "rule_of_40_margin") => {
            // A name, not a number: checked with the `[readiness]` table's own.
            readiness(raw).rule_of_40_margin = Some(value.to_string());
            return Ok(());
        }
        _ => {
            let fields = if table == "plan" {
                PLAN_FIELDS
            } else {
                READINESS_FIELDS
            };
            let hint = did_you_mean(key, fields.iter().copied())
                .map(|c| format!("did you mean \"{table}.{c}\"? "))
                .unwrap_or_default();
            return Err(format!(
                "unknown field: {hint}the {table} fields are {table}.{}",
                fields.join(&format!(", {table}."))
            ));
        }
    };
    let expect = match key {
        "annual_attrition" | "reinvest_share" => Expect::Share,
        _ if key.ends_with("_pct") => Expect::Percent,
        _ => Expect::Amount,
    };
    if let Some(number) = read_number(value, expect)? {
        *slot = Some(Amount(number));
    }
    Ok(())
}

fn plan(raw: &mut RawInput) -> &mut super::super::raw::RawPlan {
    raw.plan.get_or_insert_with(Default::default)
}

fn readiness(raw: &mut RawInput) -> &mut super::super::raw::RawReadiness {
    raw.readiness.get_or_insert_with(Default::default)
}

fn at_text(location: &Location) -> &str {
    match location {
        Location::Sheet { cell } => cell,
        _ => "",
    }
}
