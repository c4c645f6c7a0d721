//! Acknowledged warnings: `[[acknowledge]]` tables in the company file say that a warning is
//! known and accepted, and why, so `check --strict` can pass on a company whose only warnings
//! are explained. An acknowledged warning still shows everywhere, with its reason; an
//! acknowledgement that matches no warning is reported as stale, so explanations cannot
//! outlive the figures they explained.
//!
//! ```toml
//! [[acknowledge]]
//! kind = "unlisted_costs"         # a warning kind, as in metrics.json
//! period = "2024"                 # optional: only that period's warning of this kind
//! reason = "D&A is not listed"    # required
//! ```
//!
//! On a spreadsheet's company sheet, a row `acknowledge.unlisted_costs | D&A is not listed`
//! (or `acknowledge.unlisted_costs.2024 | ...` for one period) does the same.

use serde::Serialize;

use super::locate::{FieldPath, Locate, Table};
use super::raw::{Label, RawAcknowledge};
use super::WarningKind;
use crate::diagnostic::{did_you_mean, InputError};
use crate::period::{PeriodLabel, LABEL_FORMS};

/// Longest reason, in characters: a sentence or two, not a document.
pub const MAX_REASON_CHARS: usize = 500;

/// A known, accepted warning: every warning of `kind` (in `period`, when given) is marked
/// with `reason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acknowledgement {
    pub kind: WarningKind,
    pub period: Option<PeriodLabel>,
    pub reason: String,
}

/// A spreadsheet's company-sheet row `acknowledge.<kind> | reason`, or
/// `acknowledge.<kind>.<period> | reason` for one period.
pub fn from_sheet_row(name: &str, reason: &str) -> RawAcknowledge {
    let (kind, period) = match name.split_once('.') {
        Some((kind, period)) => (kind, Some(Label(period.to_string()))),
        None => (name, None),
    };
    RawAcknowledge {
        kind: Some(kind.to_string()),
        period,
        reason: Some(reason.to_string()),
    }
}

/// Checks the `[[acknowledge]]` tables; an error points at the offending field.
pub fn validate(
    raw: Vec<RawAcknowledge>,
    file: &str,
    locator: &dyn Locate,
) -> Result<Vec<Acknowledgement>, InputError> {
    raw.into_iter()
        .enumerate()
        .map(|(index, raw)| one(raw, index, file, locator))
        .collect()
}

fn one(
    raw: RawAcknowledge,
    index: usize,
    file: &str,
    locator: &dyn Locate,
) -> Result<Acknowledgement, InputError> {
    let error = |key: &str, message: String| {
        InputError::new(file, message)
            .at(locator.locate(&FieldPath::new(Table::Acknowledge(index), &[key])))
    };
    let kind = kind(raw.kind.as_deref(), index, &error)?;
    let period = raw
        .period
        .map(|label| {
            PeriodLabel::parse(&label.0).map_err(|e| {
                error("period", format!("bad period label: {}", e.0)).with_help(LABEL_FORMS)
            })
        })
        .transpose()?;
    let reason = raw.reason.as_deref().map(str::trim).unwrap_or_default();
    if reason.is_empty() {
        return Err(error(
            "reason",
            format!("the acknowledgement of \"{kind}\" gives no reason"),
        )
        .with_help(
            "add reason = \"...\": why the warning is expected, e.g. \"D&A is not listed\"; \
             the brief shows it next to the warning",
        ));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(error(
            "reason",
            format!(
                "the reason is {} characters long, more than the limit of {MAX_REASON_CHARS}",
                reason.chars().count()
            ),
        )
        .with_help("say it in a sentence; put the long explanation in the period's notes"));
    }
    Ok(Acknowledgement {
        kind,
        period,
        reason: reason.to_string(),
    })
}

/// The warning kind acknowledged: given, known, and not a stale acknowledgement itself.
fn kind(
    written: Option<&str>,
    index: usize,
    error: &dyn Fn(&str, String) -> InputError,
) -> Result<WarningKind, InputError> {
    let kinds = || {
        WarningKind::ALL
            .iter()
            .filter(|k| **k != WarningKind::StaleAcknowledgement)
            .map(|k| k.as_str())
    };
    let kind_text = written.map(str::trim).unwrap_or_default();
    if kind_text.is_empty() {
        return Err(
            error("kind", format!("acknowledgement {} has no kind", index + 1)).with_help(format!(
                "add kind = \"unlisted_costs\" (the kind of the warning, as in metrics.json): one \
             of {}",
                kinds().collect::<Vec<_>>().join(", ")
            )),
        );
    }
    match WarningKind::parse(kind_text) {
        Some(WarningKind::StaleAcknowledgement) => Err(error(
            "kind",
            "a stale acknowledgement cannot be acknowledged".to_string(),
        )
        .with_help("remove the acknowledgement that matches no warning instead")),
        Some(kind) => Ok(kind),
        None => {
            let hint = did_you_mean(kind_text, kinds())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            Err(
                error("kind", format!("\"{kind_text}\" is not a kind of warning")).with_help(
                    format!(
                        "{hint}warning kinds are {}",
                        kinds().collect::<Vec<_>>().join(", ")
                    ),
                ),
            )
        }
    }
}

#[path = "acknowledge_apply.rs"]
mod apply;
pub use apply::apply;

#[cfg(test)]
#[path = "acknowledge_tests.rs"]
mod tests;
