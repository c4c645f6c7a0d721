//! The checks on what a measure adjusts: charges and gains treated alike, and no normal
//! recurring cash expense excluded from a performance measure (`rules_liquidity.rs` has the
//! liquidity measures' check and the stated purpose).

use super::checks::{Check, Finding};
use super::rules::{input_period, Context};
use crate::input::non_gaap::{MeasureKind, Operand};
use crate::period::PeriodLabel;

/// "a", "a and b", "a, b and c", each quoted.
pub(super) fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => quoted.concat(),
    }
}

impl Context<'_> {
    fn periods(&self) -> impl Iterator<Item = &crate::input::Period> {
        self.measure
            .periods
            .iter()
            .filter_map(|r| input_period(self.input, r.period))
    }

    pub(super) fn finding(&self, check: Check, message: String) -> Finding {
        let mut finding = Finding::new(check, self.measure, message);
        finding.at = self.definition.at.clone();
        finding
    }

    /// Check 3: in a period, non-recurring charges removed while a non-recurring gain stays
    /// in, or non-recurring gains removed while a non-recurring charge stays in.
    pub fn one_sided(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        for period in self.periods() {
            let of = |charge: bool, adjusted: bool| -> Vec<&str> {
                let items = period.non_gaap.adjustments.iter();
                items
                    .filter(|(name, a)| {
                        a.non_recurring(name) && a.amount.is_sign_positive() == charge
                    })
                    .filter(|(name, a)| !a.amount.is_zero() && self.adjusts(name) == adjusted)
                    .map(|(name, _)| name.as_str())
                    .collect()
            };
            let (removed, kept, what) = match (of(true, true), of(false, false)) {
                (charges, gains) if !charges.is_empty() && !gains.is_empty() => {
                    (charges, gains, ["charge", "gain"])
                }
                _ => (of(false, true), of(true, false), ["gain", "charge"]),
            };
            if removed.is_empty() || kept.is_empty() {
                continue;
            }
            let plural = |word: &str, names: &[&str]| match names.len() {
                1 => word.to_string(),
                _ => format!("{word}s"),
            };
            let message = format!(
                "{} in {}: it removes the non-recurring {} {} but keeps the non-recurring {} {}",
                self.measure.name,
                period.label,
                plural(what[0], &removed),
                quoted(&removed),
                plural(what[1], &kept),
                quoted(&kept)
            );
            let mut finding = self.finding(Check::OneSided, message);
            finding.periods = vec![period.label];
            finding.items = removed
                .iter()
                .chain(&kept)
                .map(|n| format!("adjustments.{n}"))
                .collect();
            found.push(finding);
        }
        found
    }

    /// The adjustments the measure adds back that are charges marked so, with the periods.
    pub(super) fn added_charges(
        &self,
        marked: impl Fn(&crate::input::non_gaap::Adjustment) -> bool,
    ) -> Vec<(String, Vec<PeriodLabel>)> {
        let mut found: Vec<(String, Vec<PeriodLabel>)> = Vec::new();
        for operand in &self.definition.add {
            let Operand::Adjustment(name) = operand else {
                continue;
            };
            let periods: Vec<PeriodLabel> = self
                .periods()
                .filter(|p| {
                    p.non_gaap.adjustments.get(name).is_some_and(|a| {
                        a.amount.is_sign_positive() && !a.amount.is_zero() && marked(a)
                    })
                })
                .map(|p| p.label)
                .collect();
            if !periods.is_empty() {
                found.push((name.clone(), periods));
            }
        }
        found
    }

    /// Check 4: a performance measure that adds back an item marked recurring and cash-settled.
    pub fn recurring_cash(&self) -> Vec<Finding> {
        if self.definition.kind != MeasureKind::Performance {
            return Vec::new();
        }
        let marked = |a: &crate::input::non_gaap::Adjustment| {
            a.recurring == Some(true) && a.cash == Some(true)
        };
        self.added_charges(marked)
            .into_iter()
            .map(|(name, periods)| {
                let message = format!(
                    "{} excludes \"{name}\", a normal, recurring, cash-settled operating expense, in {}",
                    self.measure.name,
                    crate::metrics::runs::named(periods.iter().copied())
                );
                let mut finding = self.finding(Check::RecurringCash, message);
                finding.periods = periods;
                finding.items = vec![format!("adjustments.{name}")];
                finding
            })
            .collect()
    }
}
