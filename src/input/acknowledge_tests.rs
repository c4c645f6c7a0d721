use super::*;
use crate::input::Warning;

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
