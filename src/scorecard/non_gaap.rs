//! The scorecard's criteria on non-GAAP measures: one for each check of `metrics/non_gaap`,
//! judged from its findings. A finding not acknowledged makes the criterion a watch or a fail
//! (as grave as the check); an acknowledged one is named in the reason and passes. The
//! criteria are there only when the company shows measures: the reconciliation when it
//! declares one or reports a free cash flow, the others when it declares one.

use super::{Criterion, Status, ThresholdSource};
use crate::input::CompanyInput;
use crate::metrics::non_gaap::{Check, Finding, Severity};
use crate::metrics::Metrics;

/// The criterion's id, name and bar.
fn described(check: Check) -> (&'static str, &'static str, &'static str) {
    match check {
        Check::NotReconciled => (
            "non_gaap_reconciled",
            "Non-GAAP figures reconcile",
            "reported = GAAP base + items, within rounding",
        ),
        Check::Inconsistent => (
            "non_gaap_consistent",
            "Non-GAAP adjustments consistent",
            "the same items adjusted in every period",
        ),
        Check::OneSided => (
            "non_gaap_even_handed",
            "Non-GAAP charges and gains alike",
            "non-recurring charges and gains treated alike",
        ),
        Check::RecurringCash => (
            "non_gaap_recurring_cash",
            "Non-GAAP keeps recurring cash expenses",
            "no normal recurring cash expense excluded",
        ),
        Check::LiquidityCash => (
            "non_gaap_liquidity",
            "Non-GAAP liquidity measures keep cash charges",
            "no cash-settled charge excluded (EBIT, EBITDA aside)",
        ),
        Check::NoPurpose => (
            "non_gaap_purpose",
            "Non-GAAP measures say why",
            "every measure states why it is useful",
        ),
    }
}

/// The criteria, in the checks' order (none when the company shows no measure).
pub fn criteria(input: &CompanyInput, metrics: &Metrics) -> Vec<Criterion> {
    if metrics.non_gaap.hidden() {
        return Vec::new();
    }
    let findings: Vec<&Finding> = metrics
        .non_gaap
        .measures
        .iter()
        .flat_map(|m| &m.checks)
        .collect();
    Check::ALL
        .into_iter()
        .filter(|check| *check == Check::NotReconciled || !input.non_gaap.is_empty())
        .map(|check| {
            let of: Vec<&Finding> = findings
                .iter()
                .copied()
                .filter(|f| f.check == check)
                .collect();
            criterion(check, &of)
        })
        .collect()
}

fn criterion(check: Check, findings: &[&Finding]) -> Criterion {
    let (id, name, threshold) = described(check);
    let open: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| f.acknowledged.is_none())
        .collect();
    let status = match (open.is_empty(), check.severity()) {
        (true, _) => Status::Pass,
        (false, Severity::Watch) => Status::Watch,
        (false, Severity::Fail) => Status::Fail,
    };
    let mut reasons: Vec<String> = findings
        .iter()
        .map(|f| match &f.acknowledged {
            Some(reason) => format!("{} (acknowledged: {reason}).", f.message),
            None => format!("{}.", f.message),
        })
        .collect();
    if reasons.is_empty() {
        reasons.push("No measure raises this check.".to_string());
    }
    reasons.push(format!("Rule: {}.", check.rule()));
    let period = open.iter().find_map(|f| match f.periods.as_slice() {
        [one] => Some(*one),
        _ => None,
    });
    let at = open.iter().find_map(|f| f.at.as_ref());
    Criterion {
        id: id.to_string(),
        name: name.to_string(),
        status,
        figure: match open.len() {
            0 => "none".to_string(),
            1 => "1 finding".to_string(),
            n => format!("{n} findings"),
        },
        value: Some(open.len() as f64),
        threshold: threshold.to_string(),
        why: reasons.join(" "),
        period,
        at: at.map(|p| p.text.clone()),
        line: at.and_then(|p| p.line),
        threshold_source: ThresholdSource::Default,
    }
}

#[cfg(test)]
mod tests {
    use super::Status;
    use crate::scorecard::Thresholds;

    /// (id, status) of the non-GAAP criteria of a fixture, with `extra` appended.
    fn judged(fixture: &str, extra: &str) -> Vec<(String, Status)> {
        let text = format!("{fixture}{extra}");
        let input = crate::input::from_toml(&text).unwrap_or_else(|e| panic!("{e}"));
        let card = crate::analyse(&input, &Thresholds::default(), None).scorecard;
        let ours = card
            .criteria
            .into_iter()
            .filter(|c| c.id.starts_with("non_gaap_"));
        ours.map(|c| (c.id, c.status)).collect()
    }

    #[test]
    fn each_check_is_a_criterion_as_grave_as_the_check() {
        let every = include_str!("../../tests/fixtures/non-gaap/every-check.toml");
        let statuses: Vec<Status> = judged(every, "").into_iter().map(|(_, s)| s).collect();
        use Status::{Fail, Watch};
        assert_eq!(statuses, [Fail, Watch, Watch, Watch, Fail, Watch]);
        // Acknowledged, the missing purpose passes (its reason is in the criterion's words).
        let ack = "\n[[acknowledge]]\nkind = \"non_gaap_no_purpose\"\nreason = \"In the S-1.\"\n";
        let purpose = judged(every, ack).pop();
        assert_eq!(
            purpose,
            Some(("non_gaap_purpose".to_string(), Status::Pass))
        );
        // A company that shows no measure has no such criteria (its scorecard is unchanged).
        assert!(judged(include_str!("../../tests/fixtures/acme.toml"), "").is_empty());
    }
}
