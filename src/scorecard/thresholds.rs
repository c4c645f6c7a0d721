//! The bars the criteria are measured against: the defaults, a `--thresholds` file and a
//! company's own `[readiness]` values, each with where it came from.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Sourced, ThresholdSource};
use crate::input::ReadinessOverrides;

/// Default: revenue at or above guidance in 3 of the last 4 quarters (a company that misses
/// guidance twice in a year is the one public investors punish).
pub const MIN_QUARTERS_AT_GUIDANCE: u32 = 3;
/// Default: revenue within 5% of budget on average over the last 4 quarters.
pub const MAX_BUDGET_ERROR_PCT: f64 = 5.0;
/// The bars the criteria are measured against, each with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    /// Year-over-year revenue growth, in percent.
    pub min_revenue_growth_pct: Sourced<f64>,
    /// Revenue growth % plus operating margin %.
    pub min_rule_of_40: Sourced<f64>,
    /// Fiscal years of history.
    pub min_fiscal_years: Sourced<u32>,
    /// A margin change within this many percentage points either way counts as flat.
    pub flat_margin_band_pp: Sourced<f64>,
    /// Unacknowledged data warnings fail the "Data warnings" criterion (else they are a watch).
    pub fail_on_warnings: Sourced<bool>,
    /// Of the last four quarters with revenue guidance, how many must reach its low end.
    pub min_quarters_at_guidance: Sourced<u32>,
    /// The largest mean absolute % error of revenue against budget over the last four quarters.
    pub max_budget_error_pct: Sourced<f64>,
    /// Thresholds on the company's own KPIs (its `[[readiness.kpi]]` tables): the criteria
    /// judge by them, and the brief's KPI table shows each value with the digits that decide it.
    #[serde(skip)]
    pub kpi: Vec<crate::input::KpiThreshold>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_revenue_growth_pct: Sourced::default_value(20.0),
            min_rule_of_40: Sourced::default_value(40.0),
            min_fiscal_years: Sourced::default_value(3),
            flat_margin_band_pp: Sourced::default_value(0.5),
            fail_on_warnings: Sourced::default_value(false),
            min_quarters_at_guidance: Sourced::default_value(MIN_QUARTERS_AT_GUIDANCE),
            max_budget_error_pct: Sourced::default_value(MAX_BUDGET_ERROR_PCT),
            kpi: Vec::new(),
        }
    }
}

/// A `--thresholds` file: every key optional, unknown keys refused.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThresholdsFile {
    pub min_revenue_growth_pct: Option<f64>,
    pub min_rule_of_40: Option<f64>,
    pub min_fiscal_years: Option<u32>,
    pub flat_margin_band_pp: Option<f64>,
    pub fail_on_warnings: Option<bool>,
    pub min_quarters_at_guidance: Option<u32>,
    pub max_budget_error_pct: Option<f64>,
}

impl ThresholdsFile {
    /// The keys a thresholds file takes, for messages.
    pub const KEYS: [&'static str; 7] = [
        "min_revenue_growth_pct",
        "min_rule_of_40",
        "min_fiscal_years",
        "flat_margin_band_pp",
        "fail_on_warnings",
        "min_quarters_at_guidance",
        "max_budget_error_pct",
    ];
}

impl Thresholds {
    /// The defaults with the values of a `--thresholds` file in place.
    pub fn from_file(file: &ThresholdsFile) -> Thresholds {
        let mut thresholds = Thresholds::default();
        let source = ThresholdSource::ThresholdsFile;
        if let Some(value) = file.min_revenue_growth_pct {
            thresholds.min_revenue_growth_pct.set(value, source);
        }
        if let Some(value) = file.min_rule_of_40 {
            thresholds.min_rule_of_40.set(value, source);
        }
        if let Some(value) = file.min_fiscal_years {
            thresholds.min_fiscal_years.set(value, source);
        }
        if let Some(value) = file.flat_margin_band_pp {
            thresholds.flat_margin_band_pp.set(value, source);
        }
        if let Some(value) = file.fail_on_warnings {
            thresholds.fail_on_warnings.set(value, source);
        }
        plan_from_file(&mut thresholds, file);
        thresholds
    }

    /// These thresholds with a company's `[readiness]` values applied where nothing stronger
    /// set them: the company file's values give way to a thresholds file and to the command
    /// line; `--company readiness.<key>=` values are the command line's. A fractional year
    /// count rounds up; a negative one counts as 0.
    pub fn with_overrides(&self, overrides: &ReadinessOverrides) -> Thresholds {
        let float = |value: Decimal| value.to_f64().filter(|v| v.is_finite());
        let years = |value: Decimal| value.max(Decimal::ZERO).ceil().to_u32();
        let source = |key: &str| match overrides.set_on_command_line.iter().any(|k| k == key) {
            true => ThresholdSource::CommandLine,
            false => ThresholdSource::CompanyFile,
        };
        let mut thresholds = self.clone();
        if let Some(value) = overrides.min_revenue_growth_pct.and_then(float) {
            let key = "min_revenue_growth_pct";
            thresholds.min_revenue_growth_pct.set(value, source(key));
        }
        if let Some(value) = overrides.min_rule_of_40.and_then(float) {
            thresholds
                .min_rule_of_40
                .set(value, source("min_rule_of_40"));
        }
        if let Some(value) = overrides.min_fiscal_years.and_then(years) {
            let key = "min_fiscal_years";
            thresholds.min_fiscal_years.set(value, source(key));
        }
        plan_with_overrides(&mut thresholds, overrides, source);
        thresholds.kpi = overrides.kpi.clone();
        thresholds
    }
}

/// The plan-against-actual thresholds from a `--thresholds` file.
fn plan_from_file(thresholds: &mut Thresholds, file: &ThresholdsFile) {
    let source = ThresholdSource::ThresholdsFile;
    if let Some(value) = file.min_quarters_at_guidance {
        thresholds.min_quarters_at_guidance.set(value, source);
    }
    if let Some(value) = file.max_budget_error_pct {
        thresholds.max_budget_error_pct.set(value, source);
    }
}

/// The plan-against-actual thresholds from the company's `[readiness]` table (or `--company readiness.<key>=`).
fn plan_with_overrides(
    thresholds: &mut Thresholds,
    overrides: &ReadinessOverrides,
    source: impl Fn(&str) -> ThresholdSource,
) {
    use rust_decimal::prelude::ToPrimitive;
    let key = "min_quarters_at_guidance";
    let count = overrides
        .min_quarters_at_guidance
        .map(|v| v.max(Decimal::ZERO).ceil());
    if let Some(value) = count.and_then(|v| v.to_u32()) {
        thresholds.min_quarters_at_guidance.set(value, source(key));
    }
    let key = "max_budget_error_pct";
    let pct = overrides.max_budget_error_pct.and_then(|v| v.to_f64());
    if let Some(value) = pct.filter(|v| v.is_finite()) {
        thresholds.max_budget_error_pct.set(value, source(key));
    }
}
