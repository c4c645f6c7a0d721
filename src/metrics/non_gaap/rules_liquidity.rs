//! The checks on a liquidity measure (no cash-settled charge excluded, EBIT and EBITDA aside)
//! and on every measure's stated purpose.

use super::checks::{Check, Finding};
use super::rules::Context;
use super::rules_items::quoted;
use crate::input::non_gaap::{MeasureKind, Operand};
use crate::input::Field;
use crate::period::PeriodLabel;

impl Context<'_> {
    /// Check 5: a liquidity measure adding back a cash-settled charge: interest or tax (allowed
    /// in EBIT and EBITDA), or an adjustment marked `cash = true`.
    pub fn liquidity_cash(&self) -> Vec<Finding> {
        if self.definition.kind != MeasureKind::Liquidity {
            return Vec::new();
        }
        let exempt = ["ebit", "ebitda"].iter().any(|n| {
            self.definition.key.eq_ignore_ascii_case(n)
                || self.definition.name.eq_ignore_ascii_case(n)
        });
        let mut items: Vec<String> = Vec::new();
        if !exempt {
            let cash = [Field::InterestExpense, Field::IncomeTax].map(Operand::Figure);
            items.extend(
                cash.iter()
                    .filter(|o| self.definition.add.contains(o))
                    .map(Operand::written),
            );
        }
        let mut periods: Vec<PeriodLabel> = Vec::new();
        for (name, at) in self.added_charges(|a| a.cash == Some(true)) {
            items.push(format!("adjustments.{name}"));
            periods.extend(at);
        }
        if items.is_empty() {
            return Vec::new();
        }
        periods.sort_by_key(|p| p.sort_key());
        periods.dedup();
        let names: Vec<&str> = items.iter().map(String::as_str).collect();
        let message = format!(
            "{}, a liquidity measure, excludes the cash-settled {} {}",
            self.measure.name,
            if items.len() == 1 {
                "charge"
            } else {
                "charges"
            },
            quoted(&names)
        );
        let mut finding = self.finding(Check::LiquidityCash, message);
        finding.periods = periods;
        finding.items = items;
        vec![finding]
    }

    /// Check 6: no statement of why the measure is useful.
    pub fn no_purpose(&self) -> Vec<Finding> {
        if self.definition.why.is_some() {
            return Vec::new();
        }
        let message = format!(
            "{} does not say why management finds it useful (add why = \"...\")",
            self.measure.name
        );
        vec![self.finding(Check::NoPurpose, message)]
    }
}
