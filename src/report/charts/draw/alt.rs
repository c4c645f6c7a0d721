//! The charts' text alternatives that take more than a sentence: each line's values in words.

use super::super::{describe, money};
use super::{pct, Job};
use crate::format;

impl Job<'_> {
    /// The cost lines' shares of revenue, AI-exposed lines named so.
    pub(super) fn costs_alt(&self, labels: &[String]) -> String {
        let lines: Vec<String> = self
            .cost_shares()
            .iter()
            .map(|(name, exposed, values)| {
                format!(
                    "{name}{} ({})",
                    if *exposed { ", AI-exposed" } else { "" },
                    describe(labels, values, pct)
                )
            })
            .collect();
        format!(
            "Stacked bars of each cost line as a share of revenue: {}.",
            lines.join("; ")
        )
    }

    /// The Rule of 40 with the digits that decide it against the bar.
    pub(super) fn rule_of_40_alt(&self, labels: &[String]) -> String {
        let bar_at = self.series.rule_of_40_bar;
        format!(
            "Bars: Rule of 40, revenue growth plus operating margin ({}), against the line at {}.",
            describe(labels, &self.rule_of_40(), |v| {
                format::places(v, format::decisive_places(v, bar_at, 1), false)
            }),
            format::threshold(bar_at)
        )
    }

    /// Each cash margin's values.
    pub(super) fn cash_margins_alt(&self, labels: &[String]) -> String {
        let lines: Vec<String> = self
            .cash_margins()
            .iter()
            .map(|(name, values)| format!("{name} ({})", describe(labels, values, pct)))
            .collect();
        format!("Lines: {}.", lines.join("; "))
    }

    /// Each percentage KPI's values.
    pub(super) fn kpis_alt(&self, labels: &[String]) -> String {
        // A KPI the scorecard judges reads with the digits that decide it, as in the
        // table and the scorecard.
        let lines: Vec<String> = self
            .percentage_kpis()
            .iter()
            .map(|(name, values, (floor, ceiling))| {
                let shown = |v: f64| format::judged(v, format::Measure::Pct, *floor, *ceiling);
                format!("{name} ({})", describe(labels, values, shown))
            })
            .collect();
        format!("Lines: {}.", lines.join("; "))
    }

    /// Cash and runway, saying when a long runway is drawn capped.
    pub(super) fn runway_alt(&self, labels: &[String]) -> String {
        let money_fmt = |v: f64| money(v, self.series.currency);
        format!(
            "Bars: cash at period end ({}). Line: cash runway in months while burning, n/a when not burning ({}){}.",
            describe(labels, &self.cash(), money_fmt),
            describe(labels, &self.column(|p| p.runway_months), format::months),
            if self.runway_capped() {
                "; a runway of more than 10 years is drawn at 120 months"
            } else {
                ""
            }
        )
    }
}
