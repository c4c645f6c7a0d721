//! The company's own `[readiness]` thresholds, and the warning for a growth bar written as a
//! share where a percentage was meant.

use super::super::locate::{FieldPath, Table};
use super::super::raw::RawReadiness;
use super::super::{ReadinessOverrides, Warning, WarningKind};
use super::Checker;
use crate::diagnostic::InputError;

/// The `[readiness]` table checked; `set_on_command_line` are the keys `--company` gave.
pub(super) fn readiness(
    raw: Option<RawReadiness>,
    set_on_command_line: &[String],
    check: &Checker,
) -> Result<Option<ReadinessOverrides>, InputError> {
    raw.map(|r| {
        Ok::<_, InputError>(ReadinessOverrides {
            rule_of_40_margin: super::statement::rule_of_40_margin(r.rule_of_40_margin, check)?,
            kpi: super::super::kpi::thresholds(r.kpi, &|path| check.error(path, ""))?,
            min_revenue_growth_pct: r.min_revenue_growth_pct.map(|a| a.0),
            min_rule_of_40: r.min_rule_of_40.map(|a| a.0),
            min_fiscal_years: r.min_fiscal_years.map(|a| a.0),
            min_quarters_at_guidance: r.min_quarters_at_guidance.map(|a| a.0),
            max_budget_error_pct: r.max_budget_error_pct.map(|a| a.0),
            set_on_command_line: set_on_command_line.to_vec(),
        })
    })
    .transpose()
}

/// A warning when the growth bar reads like a share (0.2 for 20%), placed where it was given.
pub(super) fn percent_as_share(
    readiness: Option<&ReadinessOverrides>,
    set_on_command_line: &[String],
    check: &Checker,
) -> Option<Warning> {
    let key = "min_revenue_growth_pct";
    let value = readiness?.min_revenue_growth_pct?;
    let slip =
        super::super::percent_as_share(key, rust_decimal::prelude::ToPrimitive::to_f64(&value)?)?;
    let place = match set_on_command_line.iter().any(|k| k == key) {
        true => Some(format!("--company readiness.{key}")),
        false => check
            .locator
            .locate(&FieldPath::new(Table::Readiness, &[key]))
            .map(|location| location.place(check.file)),
    };
    let message = format!("{}; {}", slip.message, slip.help);
    Some(Warning::new(None, WarningKind::PercentAsShare, message).at(place))
}
