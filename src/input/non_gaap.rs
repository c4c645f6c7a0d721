//! Non-GAAP measures as the input gives them: each period's named adjustments
//! (`[period.adjustments]`) and the figures the company published (`[period.reported]`), and
//! the measures themselves (`[[non_gaap]]`, validated in `non_gaap_definitions.rs`). The
//! reconciliation and the checks on it are computed in `metrics/non_gaap`.

use rust_decimal::Decimal;
use serde::Serialize;

use super::raw::Amount;
use super::raw_non_gaap::RawAdjustment;
use super::LineMap;
use crate::diagnostic::InputError;

pub use super::non_gaap_definitions::{definitions, FREE_CASH_FLOW};
pub use super::non_gaap_measure::{MeasureKind, NonGaapMeasure, Operand, Place};
pub use super::non_gaap_operands::BASES;

/// Words that mark an adjustment as non-recurring when it does not say `recurring = ...`
/// itself: a name holding one of them ("restructuring", "goodwill_impairment",
/// "gain_on_sale_of_business") is taken as non-recurring.
pub const NON_RECURRING_WORDS: [&str; 14] = [
    "restructuring",
    "impairment",
    "gain_on_sale",
    "loss_on_sale",
    "disposal",
    "divestiture",
    "litigation",
    "settlement",
    "acquisition",
    "merger",
    "integration",
    "transaction_cost",
    "severance",
    "extinguishment",
];

/// One named item of a period: a charge added back is positive, a gain taken out negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    /// Full currency units (the file's scale applied).
    pub amount: Decimal,
    /// As the file says; when it says nothing, the name decides ([`NON_RECURRING_WORDS`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recurring: Option<bool>,
    /// Settled in cash, as the file says (unknown when it says nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cash: Option<bool>,
}

impl Adjustment {
    /// Whether the item is non-recurring: marked so, or named so and not marked recurring.
    pub fn non_recurring(&self, name: &str) -> bool {
        match self.recurring {
            Some(recurring) => !recurring,
            None => {
                let name = name.to_ascii_lowercase();
                NON_RECURRING_WORDS.iter().any(|word| name.contains(word))
            }
        }
    }
}

/// A period's non-GAAP figures: its adjustments and the figures the company published.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PeriodNonGaap {
    pub adjustments: LineMap<Adjustment>,
    /// The published figure of each measure, by its key, full currency units.
    pub reported: LineMap<Decimal>,
    /// Where each reported figure is written (`t.toml:31:1`), for warnings about it.
    #[serde(skip)]
    pub reported_at: LineMap<Place>,
}

impl PeriodNonGaap {
    pub fn is_empty(&self) -> bool {
        self.adjustments.is_empty() && self.reported.is_empty()
    }
}

/// Multiplies an amount at the keys by the file's scale (an error points at the keys).
type Scaled<'a> = &'a dyn Fn(Decimal, &[&str]) -> Result<Decimal, InputError>;

/// A period's adjustments and reported figures, scaled; `scaled` multiplies by the file's
/// scale (an error points at the keys), `error` points at the keys, `place` names them.
pub(super) fn period_items(
    adjustments: LineMap<RawAdjustment>,
    reported: LineMap<Amount>,
    scaled: Scaled,
    error: &dyn Fn(&[&str], String) -> InputError,
    place: &dyn Fn(&[&str]) -> Option<Place>,
) -> Result<PeriodNonGaap, InputError> {
    let mut items = PeriodNonGaap::default();
    for (name, raw) in adjustments {
        let keys = ["adjustments", name.as_str()];
        let Some(Amount(amount)) = raw.amount else {
            return Err(
                error(&keys, format!("the adjustment \"{name}\" has no amount"))
                    .with_help("write it as a number, or as { amount = 18.0, recurring = false }"),
            );
        };
        let adjustment = Adjustment {
            amount: scaled(amount, &keys)?,
            recurring: raw.recurring,
            cash: raw.cash,
        };
        items.adjustments.insert(name, adjustment);
    }
    for (key, Amount(amount)) in reported {
        let keys = ["reported", key.as_str()];
        items.reported.insert(key.clone(), scaled(amount, &keys)?);
        if let Some(at) = place(&keys) {
            items.reported_at.insert(key, at);
        }
    }
    Ok(items)
}
