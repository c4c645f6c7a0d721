//! Non-GAAP measures reconciled: for each measure (the company's `[[non_gaap]]` ones and the
//! built-in free cash flow) and each period, its GAAP base, each item with its sign, the
//! total, and beside it the figure the company reported with the difference; then the checks
//! the SEC's rules on non-GAAP measures ask for (`checks.rs`, `rules.rs`). Exact decimals
//! throughout; a reconciliation that cannot be made is n/a with its [`Reason`].

mod checks;
mod names;
mod reconcile;
mod rules;
mod rules_items;
mod rules_liquidity;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_items;

use serde::Serialize;

use super::Reason;
use crate::input::non_gaap::{MeasureKind, NonGaapMeasure};
use crate::input::{CompanyInput, Warning};
use crate::money::Exact;
use crate::period::PeriodLabel;

pub use checks::{Check, Finding, Severity};
pub use names::{figure_name, item_name};
pub use reconcile::half_unit;

/// Every measure of a company, reconciled and checked.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct NonGaap {
    pub measures: Vec<Measure>,
}

impl NonGaap {
    /// Whether `metrics.json` leaves the measures out: the company declares none and reports no
    /// free cash flow of its own, so its file reads as it did before measures were reconciled.
    pub fn hidden(&self) -> bool {
        self.measures
            .iter()
            .all(|m| m.built_in && m.periods.iter().all(|p| p.reported.is_none()))
    }
}

/// One measure: its definition, its reconciliation in each period, the checks it raised.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub key: String,
    pub name: String,
    pub kind: MeasureKind,
    /// The GAAP base's key (`net_income`).
    pub base: &'static str,
    /// The entries added and subtracted, as written (`adjustments.restructuring`).
    pub add: Vec<String>,
    pub subtract: Vec<String>,
    pub why: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub per_share: bool,
    /// ipobrief's own measure (free cash flow), not one the company declares.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub built_in: bool,
    pub periods: Vec<Reconciliation>,
    /// The checks' findings on this measure, acknowledged or not.
    pub checks: Vec<Finding>,
    /// The name each entry (the base, each item as written) is shown by ([`item_name`]).
    #[serde(skip)]
    pub names: std::collections::BTreeMap<String, String>,
}

impl Measure {
    /// The name the entry `written` (the base, or an item as written) is shown by.
    pub fn name_of(&self, written: &str) -> String {
        match self.names.get(written) {
            Some(name) => name.clone(),
            None => names::item_name_of_key(written),
        }
    }
}

/// A measure in one period.
#[derive(Debug, Clone, Serialize)]
pub struct Reconciliation {
    pub period: PeriodLabel,
    /// The GAAP base, full currency units.
    pub base: Option<Exact>,
    pub items: Vec<Item>,
    /// Base plus the items: the non-GAAP figure as reconciled.
    pub total: Option<Exact>,
    /// The figure the company published (`[period.reported]`).
    pub reported: Option<Exact>,
    /// Reported minus total.
    pub difference: Option<Exact>,
    /// Why there is no total, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
    #[serde(skip)]
    pub reason: Option<Reason>,
}

/// One line of a reconciliation.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// As the definition writes it: `interest_expense`, `adjustments.restructuring`.
    pub name: String,
    /// 1 when added, -1 when subtracted.
    pub sign: i8,
    /// What the item adds to the total (subtracted items negative), full currency units.
    pub amount: Option<Exact>,
    /// Why there is no amount.
    #[serde(skip)]
    pub reason: Option<Reason>,
}

/// The measures reconciled and checked, and the checks' warnings for the data notes.
pub fn compute(input: &CompanyInput) -> (NonGaap, Vec<Warning>) {
    let mut measures = vec![reconcile::free_cash_flow(input)];
    measures.extend(input.non_gaap.iter().map(|m| reconcile::measure(input, m)));
    let mut warnings = Vec::new();
    for (measure, definition) in measures
        .iter_mut()
        .zip(std::iter::once(None).chain(input.non_gaap.iter().map(Some)))
    {
        measure.checks = findings(input, measure, definition);
        warnings.extend(measure.checks.iter().map(Finding::warning));
    }
    (NonGaap { measures }, warnings)
}

/// Every finding on `measure`; `definition` is the company's (none for the built-in free
/// cash flow, which is only checked to reconcile).
fn findings(
    input: &CompanyInput,
    measure: &Measure,
    definition: Option<&NonGaapMeasure>,
) -> Vec<Finding> {
    let mut found = rules::not_reconciled(input, measure);
    if let Some(definition) = definition {
        let context = rules::Context {
            input,
            measure,
            definition,
        };
        found.extend(context.inconsistent());
        found.extend(context.one_sided());
        found.extend(context.recurring_cash());
        found.extend(context.liquidity_cash());
        found.extend(context.no_purpose());
    }
    found
}

/// Marks each finding acknowledged as its warning is (`warnings` holds the findings'
/// warnings from `first` on, in order).
pub fn acknowledged(non_gaap: &mut NonGaap, warnings: &[Warning], first: usize) {
    let findings = non_gaap
        .measures
        .iter_mut()
        .flat_map(|m| m.checks.iter_mut());
    for (finding, warning) in findings.zip(warnings.iter().skip(first)) {
        finding.acknowledged.clone_from(&warning.acknowledged);
    }
}

/// Refuses a measure key that is a metric's: `metrics.json` and formulas name both alike.
pub fn check_keys(input: &CompanyInput) -> Result<(), crate::diagnostic::InputError> {
    for measure in &input.non_gaap {
        if super::catalogue::metric(&measure.key).is_some() {
            return Err(measure
                .key_error(format!(
                    "the measure key \"{}\" is a built-in metric's",
                    measure.key
                ))
                .with_help("give the measure a key of its own, such as adjusted_ebitda"));
        }
    }
    Ok(())
}
