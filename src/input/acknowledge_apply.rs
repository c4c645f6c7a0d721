//! Acknowledgements applied: each warning one matches marked with its reason, and a warning
//! for each acknowledgement that matches none.

use foldhash::HashMap;

use super::super::{Warning, WarningKind};
use super::Acknowledgement;
use crate::period::PeriodLabel;

/// A warning's period as the key of an acknowledgement's: its label as written in the input, so
/// that "FY2025 Q4" (a March year end's display) and `period = "2025-Q4"` are one period.
fn period_key(text: &str) -> String {
    PeriodLabel::parse(text).map_or_else(|_| text.to_string(), PeriodLabel::canonical)
}

/// Marks each warning an acknowledgement matches with its reason, and adds a
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
