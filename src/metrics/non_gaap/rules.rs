//! Finding what the checks look for: a reported figure that does not reconcile, and an
//! adjustment made in some periods and not in others (read from the reported figures: a
//! period whose figure reconciles only with one item left out, or one more added back).
//! The checks on the items themselves are in `rules_items.rs`.

use rust_decimal::Decimal;

use super::checks::{Check, Finding};
use super::reconcile::half_unit;
use super::{Measure, Reconciliation};
use crate::input::non_gaap::{NonGaapMeasure, Operand};
use crate::input::{CompanyInput, Period};
use crate::period::PeriodLabel;

/// A company measure with its input, for the checks that read its definition.
pub struct Context<'a> {
    pub input: &'a CompanyInput,
    pub measure: &'a Measure,
    pub definition: &'a NonGaapMeasure,
}

/// An amount in the file's scale with its currency: "SEK 121M".
pub fn shown(input: &CompanyInput, amount: Decimal) -> String {
    let scale = input.company.scale;
    let in_scale = amount / scale.factor();
    let suffix = scale.suffix();
    let text = crate::format::money_in_scale(in_scale, suffix, &input.company.currency);
    // A figure with more decimals than one shows them all, so a difference is never "0".
    match in_scale.normalize().scale() > 1 {
        true => format!("{text} ({}{suffix} exactly)", in_scale.normalize()),
        false => text,
    }
}

/// The input period of a label.
pub fn input_period(input: &CompanyInput, label: PeriodLabel) -> Option<&Period> {
    input.periods.iter().find(|p| p.label == label)
}

/// A reported figure and its total that differ by more than rounding: (reported, total).
fn apart(reconciliation: &Reconciliation, factor: Decimal) -> Option<(Decimal, Decimal)> {
    let (reported, total) = (reconciliation.reported?.0, reconciliation.total?.0);
    let off = (reported - total).abs() > half_unit(reconciliation, factor);
    off.then_some((reported, total))
}

/// Check 1: the reported figure differs from base plus items beyond rounding.
pub fn not_reconciled(input: &CompanyInput, measure: &Measure) -> Vec<Finding> {
    let factor = input.company.scale.factor();
    let base = measure.base.replace('_', " ");
    let mut found = Vec::new();
    for rec in &measure.periods {
        let Some((reported, total)) = apart(rec, factor) else {
            continue;
        };
        let message = format!(
            "{} in {}: the company reports {}, but {base} of {} with the items makes {}, {} \
             apart",
            measure.name,
            rec.period,
            shown(input, reported),
            shown(input, rec.base.map_or(Decimal::ZERO, |b| b.0)),
            shown(input, total),
            shown(input, (reported - total).abs()),
        );
        let mut finding = Finding::new(Check::NotReconciled, measure, message);
        finding.periods.push(rec.period);
        finding.at = input_period(input, rec.period)
            .and_then(|p| p.non_gaap.reported_at.get(&measure.key).cloned());
        found.push(finding);
    }
    found
}

impl Context<'_> {
    /// Whether the definition adds or subtracts the adjustment `name`.
    pub fn adjusts(&self, name: &str) -> bool {
        let named = |o: &Operand| matches!(o, Operand::Adjustment(n) if n == name);
        self.definition
            .add
            .iter()
            .chain(&self.definition.subtract)
            .any(named)
    }

    /// Check 2: a period whose reported figure reconciles only with one adjustment treated
    /// otherwise than the definition treats it, where other periods have that item.
    pub fn inconsistent(&self) -> Vec<Finding> {
        let factor = self.input.company.scale.factor();
        let mut found = Vec::new();
        for rec in &self.measure.periods {
            let (Some((reported, total)), Some(period)) =
                (apart(rec, factor), input_period(self.input, rec.period))
            else {
                continue;
            };
            let tolerance = half_unit(rec, factor);
            for (name, item) in &period.non_gaap.adjustments {
                let sign = match self
                    .definition
                    .subtract
                    .contains(&Operand::Adjustment(name.clone()))
                {
                    true => -Decimal::ONE,
                    false => Decimal::ONE,
                };
                let adjusted = self.adjusts(name);
                // Left out where the definition has it; added back where it has not.
                let without = match adjusted {
                    true => total - sign * item.amount,
                    false => total + item.amount,
                };
                if (reported - without).abs() > tolerance {
                    continue;
                }
                let others: Vec<PeriodLabel> = self.others_with(name, rec.period);
                if others.is_empty() {
                    continue;
                }
                let those = crate::metrics::runs::named(others.iter().copied());
                let message = match adjusted {
                    true => format!(
                        "{}: \"{name}\" is adjusted in {those}, but {}'s reported figure \
                         reconciles only without it ({})",
                        self.measure.name,
                        rec.period,
                        shown(self.input, item.amount)
                    ),
                    false => format!(
                        "{}: \"{name}\" is not adjusted in {those}, but {}'s reported figure \
                         reconciles only with it ({}) added back",
                        self.measure.name,
                        rec.period,
                        shown(self.input, item.amount)
                    ),
                };
                let mut finding = Finding::new(Check::Inconsistent, self.measure, message);
                finding.periods = vec![rec.period];
                finding.items = vec![format!("adjustments.{name}")];
                finding.at = period.non_gaap.reported_at.get(&self.measure.key).cloned();
                found.push(finding);
            }
        }
        found
    }

    /// The other periods of the measure that have the adjustment `name`.
    fn others_with(&self, name: &str, except: PeriodLabel) -> Vec<PeriodLabel> {
        self.measure
            .periods
            .iter()
            .filter(|r| r.period != except)
            .filter_map(|r| input_period(self.input, r.period))
            .filter(|p| p.non_gaap.adjustments.contains_key(name))
            .map(|p| p.label)
            .collect()
    }
}
