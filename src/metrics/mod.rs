//! The computed metrics: one [`PeriodMetrics`] per input period, plus company-level results.
//!
//! Every formula is documented in `docs/metrics.md`. A value that cannot be computed is `None`
//! (JSON `null`) with the reason in the period's `unavailable` map, never NaN, infinity or 0.

mod cash;
pub mod catalogue;
mod checks;
pub mod kpi;
pub mod non_gaap;
mod period;
pub mod plan_actual;
pub mod reason;
pub mod runs;
mod ttm;
mod unavailable;

use foldhash::{HashMap, HashSet};

use serde::Serialize;

use crate::input::{Company, CompanyInput, Warning};
use crate::period::PeriodLabel;

pub use catalogue::{Number, Polarity, Unit, CATALOGUE, LINE_CATALOGUE};
pub use period::{CostLineMetrics, PeriodMetrics};
pub use reason::Reason;
pub use ttm::TrailingTwelveMonths;
pub use unavailable::Unavailable;

/// Who made the file, so a reader can tell which version's definitions apply.
#[derive(Debug, Clone, Serialize)]
pub struct Generator {
    pub name: &'static str,
    pub version: &'static str,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// All metrics of one company: what `metrics.json` holds and the brief is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub company: Company,
    /// The input file, as the user named it.
    pub source: String,
    /// All money is in full currency units of `company.currency` (the input's scale applied).
    pub amounts_in: &'static str,
    /// Periods in time order.
    /// The margin the Rule of 40 adds to revenue growth (`rule_of_40_margin` in `[readiness]`).
    pub rule_of_40_margin: crate::input::RuleOf40Margin,
    /// The KPIs the company defines, in its order; each period's values are in its `kpis`.
    pub kpis: Vec<crate::input::Kpi>,
    /// The unit of each `[period.values]` name the input declares (`number`, `people`,
    /// `percent`, `money`); a name not listed is money. Left out when none is declared.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub value_units: std::collections::BTreeMap<String, crate::input::ValueUnit>,
    pub periods: Vec<PeriodMetrics>,
    /// The twelve months to the latest quarter, when the input has its four quarters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trailing_twelve_months: Option<TrailingTwelveMonths>,
    /// The non-GAAP measures reconciled and checked (the built-in free cash flow first);
    /// left out while the company declares none and reports no free cash flow of its own.
    #[serde(skip_serializing_if = "non_gaap::NonGaap::hidden")]
    pub non_gaap: non_gaap::NonGaap,
    /// Each period's budget and guidance against its actual figures (left out without either).
    #[serde(skip_serializing_if = "plan_actual::PlanActual::is_empty")]
    pub plan_actual: plan_actual::PlanActual,
    pub warnings: Vec<Warning>,
    pub generator: Generator,
}

impl Metrics {
    /// The last period in time order (a year sorts after the quarters that end with it). The
    /// brief's headline prefers the latest fiscal year and falls back to this.
    pub fn latest(&self) -> Option<&PeriodMetrics> {
        self.periods.last()
    }

    /// Looks a period up by label.
    pub fn period(&self, label: PeriodLabel) -> Option<&PeriodMetrics> {
        self.periods.iter().find(|p| p.label == label)
    }

    /// The same period a year earlier, to compare `period` with: None when the input lacks it,
    /// or when either is a year to date (a part of a year is never compared with a whole one).
    pub fn year_earlier(&self, period: &PeriodMetrics) -> Option<&PeriodMetrics> {
        let earlier = self.period(period.label.year_earlier())?;
        let partial = period.coverage.is_partial() || earlier.coverage.is_partial();
        (!partial).then_some(earlier)
    }

    /// Cost line names in the order they first appear.
    pub fn cost_line_names(&self) -> Vec<&str> {
        names_in_order(self.periods.iter().flat_map(|p| p.cost_lines.keys()))
    }
}

/// Decimals an output shows amounts with in the company's `scale`: none when every figure the
/// user typed for these periods (revenue, cost lines) is whole in it, else one. A computed
/// amount (AI savings to the cent) then reads like the figures around it.
pub fn amount_decimals<'a>(
    periods: impl IntoIterator<Item = &'a PeriodMetrics>,
    scale: crate::input::Scale,
) -> u32 {
    let whole = |amount: rust_decimal::Decimal| (amount / scale.factor()).fract().is_zero();
    let inputs_whole = periods
        .into_iter()
        .all(|p| whole(p.revenue.0) && p.cost_lines.values().all(|line| whole(line.amount.0)));
    if inputs_whole {
        0
    } else {
        1
    }
}

/// Distinct names in the order they first appear. A set answers "seen?", so 10,000 periods of
/// 50 lines cost 500,000 look-ups, not a scan of the list for each.
pub fn names_in_order<'a>(names: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut seen = HashSet::default();
    names
        .map(String::as_str)
        .filter(|name| seen.insert(*name))
        .collect()
}

/// Every cost line name in the input, in the order they first appear.
fn cost_line_names(input: &CompanyInput) -> Vec<&str> {
    names_in_order(input.periods.iter().flat_map(|p| p.costs.keys()))
}

/// Computes every metric of every period.
pub fn compute(input: &CompanyInput) -> Metrics {
    let by_label: HashMap<PeriodLabel, usize> = input
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label, i))
        .collect();
    let mut warnings = input.warnings.clone();
    let all_lines = cost_line_names(input);
    // Each period reads only the input, so long histories are computed on every core; the
    // order of periods and of warnings stays the input's time order.
    use rayon::prelude::*;
    // The first period of each series, so a comparison before it says where the series starts.
    let mut firsts: Vec<PeriodLabel> = Vec::new();
    for p in &input.periods {
        match firsts.iter_mut().find(|f| f.kind == p.label.kind) {
            Some(first) if p.label.ordinal() < first.ordinal() => *first = p.label,
            Some(_) => {}
            None => firsts.push(p.label),
        }
    }
    let mut periods: Vec<PeriodMetrics> = input
        .periods
        .par_iter()
        .map(|p| {
            let lookup = |label: PeriodLabel| by_label.get(&label).map(|&i| &input.periods[i]);
            let first = firsts
                .iter()
                .copied()
                .find(|f| f.kind == p.label.kind)
                .unwrap_or(p.label);
            period::compute(
                p,
                &input.company,
                input.readiness.rule_of_40_margin,
                &all_lines,
                first,
                lookup,
            )
        })
        .collect();
    kpi::evaluate(input, &mut periods);
    warnings.extend(
        periods
            .iter()
            .filter_map(|metrics| period::unlisted_costs_warning(metrics, &input.company)),
    );
    warnings.extend(checks::warnings(input, &periods));
    let (mut non_gaap, found) = non_gaap::compute(input);
    let first_found = warnings.len();
    warnings.extend(found);
    crate::input::acknowledge(&mut warnings, &input.acknowledgements);
    non_gaap::acknowledged(&mut non_gaap, &warnings, first_found);
    Metrics {
        company: input.company.clone(),
        source: input.source.clone(),
        amounts_in: "full currency units",
        rule_of_40_margin: input.readiness.rule_of_40_margin,
        kpis: input.kpis.clone(),
        value_units: input.value_units.clone(),
        trailing_twelve_months: ttm::trailing_twelve_months(&periods),
        plan_actual: plan_actual::compute(input, &periods, &all_lines),
        periods,
        non_gaap,
        warnings,
        generator: Generator::default(),
    }
}

#[cfg(test)]
mod fiscal_tests;
#[cfg(test)]
mod tests;
