//! The checks on non-GAAP measures, each from a rule of the SEC's: what each is called, how
//! grave, which rule it comes from, and a finding's data-notes warning. The detection itself is
//! in `rules*.rs`.

use serde::Serialize;

use super::Measure;
use crate::input::non_gaap::Place;
use crate::input::{Warning, WarningKind};
use crate::period::PeriodLabel;

/// One check, in the order the docs list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    NotReconciled,
    Inconsistent,
    OneSided,
    RecurringCash,
    LiquidityCash,
    NoPurpose,
}

/// How a finding weighs in the scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Watch,
    Fail,
}

impl Check {
    pub const ALL: [Check; 6] = [
        Check::NotReconciled,
        Check::Inconsistent,
        Check::OneSided,
        Check::RecurringCash,
        Check::LiquidityCash,
        Check::NoPurpose,
    ];

    pub fn severity(self) -> Severity {
        match self {
            Check::NotReconciled | Check::LiquidityCash => Severity::Fail,
            _ => Severity::Watch,
        }
    }

    /// The rule the check comes from, as a finding cites it.
    pub fn rule(self) -> &'static str {
        match self {
            Check::NotReconciled => {
                "Regulation G, Rule 100(a)(2), and Regulation S-K Item 10(e)(1)(i)(B): a \
                 quantitative reconciliation to the most directly comparable GAAP measure"
            }
            Check::Inconsistent => "Regulation G, Rule 100(b); Non-GAAP C&DI 100.02",
            Check::OneSided => "Regulation G, Rule 100(b); Non-GAAP C&DI 100.03",
            Check::RecurringCash => "Regulation G, Rule 100(b); Non-GAAP C&DI 100.01",
            Check::LiquidityCash => "Regulation S-K Item 10(e)(1)(ii)(A)",
            Check::NoPurpose => "Regulation S-K Item 10(e)(1)(i)(C)",
        }
    }

    /// The data warning's kind.
    pub fn warning_kind(self) -> WarningKind {
        match self {
            Check::NotReconciled => WarningKind::NonGaapNotReconciled,
            Check::Inconsistent => WarningKind::NonGaapInconsistent,
            Check::OneSided => WarningKind::NonGaapOneSided,
            Check::RecurringCash => WarningKind::NonGaapRecurringCash,
            Check::LiquidityCash => WarningKind::NonGaapLiquidityCash,
            Check::NoPurpose => WarningKind::NonGaapNoPurpose,
        }
    }
}

fn place_text<S: serde::Serializer>(at: &Option<Place>, serializer: S) -> Result<S::Ok, S::Error> {
    match at {
        Some(place) => serializer.serialize_str(&place.text),
        None => serializer.serialize_none(),
    }
}

/// What a check found about one measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    /// The measure's key.
    pub measure: String,
    /// The periods concerned (none: the definition itself).
    pub periods: Vec<PeriodLabel>,
    /// The items concerned, as the definition writes them.
    pub items: Vec<String>,
    /// The finding in words, amounts in the file's scale.
    pub message: String,
    pub rule: &'static str,
    /// Where in the input it points: the reported figure, or the measure's key.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "place_text")]
    pub at: Option<Place>,
    /// The reason of the `[[acknowledge]]` table that accepts it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<String>,
}

impl Finding {
    pub fn new(check: Check, measure: &Measure, message: String) -> Finding {
        Finding {
            check,
            severity: check.severity(),
            measure: measure.key.clone(),
            periods: Vec::new(),
            items: Vec::new(),
            message,
            rule: check.rule(),
            at: None,
            acknowledged: None,
        }
    }

    /// The finding as a data warning: on its period when it concerns one, citing its rule.
    pub fn warning(&self) -> Warning {
        let period = match self.periods.as_slice() {
            [one] => Some(one.to_string()),
            _ => None,
        };
        let message = format!("{} ({})", self.message, self.rule);
        Warning::new(period, self.check.warning_kind(), message)
            .at(self.at.as_ref().map(|p| p.text.clone()))
    }
}
