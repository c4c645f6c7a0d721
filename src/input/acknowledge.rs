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

use foldhash::HashMap;
use serde::Serialize;

use super::locate::{FieldPath, Locate, Table};
use super::raw::{Label, RawAcknowledge};
use super::{Warning, WarningKind};
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
    let kinds = || {
        WarningKind::ALL
            .iter()
            .filter(|k| **k != WarningKind::StaleAcknowledgement)
            .map(|k| k.as_str())
    };
    let kind_text = raw.kind.as_deref().map(str::trim).unwrap_or_default();
    if kind_text.is_empty() {
        return Err(
            error("kind", format!("acknowledgement {} has no kind", index + 1)).with_help(format!(
                "add kind = \"unlisted_costs\" (the kind of the warning, as in metrics.json): one \
             of {}",
                kinds().collect::<Vec<_>>().join(", ")
            )),
        );
    }
    let kind = match WarningKind::parse(kind_text) {
        Some(WarningKind::StaleAcknowledgement) => {
            return Err(error(
                "kind",
                "a stale acknowledgement cannot be acknowledged".to_string(),
            )
            .with_help("remove the acknowledgement that matches no warning instead"))
        }
        Some(kind) => kind,
        None => {
            let hint = did_you_mean(kind_text, kinds())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            return Err(
                error("kind", format!("\"{kind_text}\" is not a kind of warning")).with_help(
                    format!(
                        "{hint}warning kinds are {}",
                        kinds().collect::<Vec<_>>().join(", ")
                    ),
                ),
            );
        }
    };
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

/// Marks each warning an acknowledgement matches with its reason, and adds a
/// A warning's period as the key of an acknowledgement's: its label as written in the input, so
/// that "FY2025 Q4" (a March year end's display) and `period = "2025-Q4"` are one period.
fn period_key(text: &str) -> String {
    PeriodLabel::parse(text).map_or_else(|_| text.to_string(), PeriodLabel::canonical)
}

/// `stale_acknowledgement` warning for each acknowledgement that matches none. An
/// acknowledgement with a period matches that period's warnings of its kind, one without a
/// period every warning of its kind; a warning matched by both takes the one with its period,
/// and among equals the first in the file.
pub fn apply(warnings: &mut Vec<Warning>, acknowledgements: &[Acknowledgement]) {
    if acknowledgements.is_empty() {
        return;
    }
    // First acknowledgement in the file for each (kind, period): a look-up per warning, so
    // thousands of warnings and acknowledgements stay linear.
    let mut first: HashMap<(WarningKind, Option<String>), usize> = HashMap::default();
    for (index, ack) in acknowledgements.iter().enumerate() {
        let key = (ack.kind, ack.period.map(PeriodLabel::canonical));
        first.entry(key).or_insert(index);
    }
    let mut used = vec![false; acknowledgements.len()];
    for warning in warnings.iter_mut() {
        let exact = warning
            .period
            .as_ref()
            .and_then(|period| first.get(&(warning.kind, Some(period_key(period)))));
        let found = exact.or_else(|| first.get(&(warning.kind, None)));
        if let Some(&index) = found {
            used[index] = true;
            warning.acknowledged = Some(acknowledgements[index].reason.clone());
        }
    }
    for (ack, used) in acknowledgements.iter().zip(used) {
        if used {
            continue;
        }
        let which = match ack.period {
            Some(period) => format!("\"{}\" warnings in {period}", ack.kind),
            None => format!("\"{}\" warnings", ack.kind),
        };
        warnings.push(Warning::new(
            ack.period.map(|p| p.to_string()),
            WarningKind::StaleAcknowledgement,
            format!(
                "the acknowledgement of {which} (\"{}\") matches no warning: remove it, or \
                 check its kind and period",
                ack.reason
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(period: Option<&str>, kind: WarningKind) -> Warning {
        Warning::new(period.map(str::to_string), kind, format!("{kind}"))
    }

    fn ack(kind: WarningKind, period: Option<&str>, reason: &str) -> Acknowledgement {
        Acknowledgement {
            kind,
            period: period.map(|p| PeriodLabel::parse(p).unwrap()),
            reason: reason.to_string(),
        }
    }

    #[test]
    fn a_period_acknowledgement_wins_over_a_general_one() {
        let mut warnings = vec![
            warning(Some("2023"), WarningKind::UnlistedCosts),
            warning(Some("2024"), WarningKind::UnlistedCosts),
            warning(Some("2024"), WarningKind::Gap),
        ];
        let acks = [
            ack(WarningKind::UnlistedCosts, None, "D&A is not listed"),
            ack(WarningKind::UnlistedCosts, Some("2024"), "restructuring"),
        ];
        apply(&mut warnings, &acks);
        let marks: Vec<Option<&str>> = warnings.iter().map(|w| w.acknowledged.as_deref()).collect();
        assert_eq!(
            marks,
            [Some("D&A is not listed"), Some("restructuring"), None]
        );
    }

    /// A March year end shows its periods as "FY2025 Q4"; `period = "2025-Q4"` still names it.
    #[test]
    fn an_acknowledgement_names_a_fiscal_period_as_written() {
        let mut warnings = vec![warning(Some("FY2025 Q4"), WarningKind::UnlistedCosts)];
        let acks = [ack(WarningKind::UnlistedCosts, Some("2025-Q4"), "D&A")];
        apply(&mut warnings, &acks);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].acknowledged.as_deref(), Some("D&A"));
    }

    #[test]
    fn an_acknowledgement_that_matches_nothing_is_stale() {
        let mut warnings = vec![warning(Some("2024"), WarningKind::UnlistedCosts)];
        let acks = [
            ack(WarningKind::UnlistedCosts, Some("2024"), "D&A"),
            ack(WarningKind::UnlistedCosts, Some("2022"), "old"),
            ack(WarningKind::Gap, None, "a quarter is missing"),
        ];
        apply(&mut warnings, &acks);
        let stale: Vec<(Option<&str>, &str)> = warnings
            .iter()
            .filter(|w| w.kind == WarningKind::StaleAcknowledgement)
            .map(|w| (w.period.as_deref(), w.message.as_str()))
            .collect();
        assert_eq!(
            stale,
            [
                (
                    Some("2022"),
                    "the acknowledgement of \"unlisted_costs\" warnings in 2022 (\"old\") matches \
                     no warning: remove it, or check its kind and period"
                ),
                (
                    None,
                    "the acknowledgement of \"gap\" warnings (\"a quarter is missing\") matches \
                     no warning: remove it, or check its kind and period"
                ),
            ]
        );
        assert_eq!(warnings[0].acknowledged.as_deref(), Some("D&A"));
    }

    #[test]
    fn no_acknowledgements_change_nothing() {
        let mut warnings = vec![warning(None, WarningKind::Gap)];
        apply(&mut warnings, &[]);
        assert_eq!(warnings, [warning(None, WarningKind::Gap)]);
    }
}
