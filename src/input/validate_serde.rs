//! serde's messages about a file, rewritten in the user's words.

use super::super::figures::{AI_FIELDS, PERIOD_FIELDS};
use super::super::raw::{
    ACKNOWLEDGE_FIELDS, COMPANY_FIELDS, PLAN_FIELDS, READINESS_FIELDS, TOP_FIELDS,
};
use crate::diagnostic::did_you_mean;

/// Rewrites serde's messages in the user's words, with "did you mean" for unknown fields.
pub fn explain_serde_message(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let known = known_fields_for(message);
        let hint = did_you_mean(field, known.iter().copied())
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        return (
            format!("unknown field `{field}`"),
            Some(format!(
                "{hint}the fields allowed here are: {}",
                known.join(", ")
            )),
        );
    }
    if message.starts_with("invalid type") {
        return (
            message.replace("invalid type: ", "wrong type: found "),
            None,
        );
    }
    (message.to_string(), None)
}

/// Which table's field list an "unknown field" message refers to, from serde's own list.
fn known_fields_for(message: &str) -> &'static [&'static str] {
    let lists: [&'static [&'static str]; 11] = [
        PERIOD_FIELDS.as_slice(),
        COMPANY_FIELDS,
        PLAN_FIELDS,
        AI_FIELDS.as_slice(),
        READINESS_FIELDS,
        ACKNOWLEDGE_FIELDS,
        super::super::raw::KPI_FIELDS,
        super::super::raw::KPI_THRESHOLD_FIELDS,
        super::super::raw_non_gaap::NON_GAAP_FIELDS,
        super::super::raw_non_gaap::ADJUSTMENT_FIELDS,
        TOP_FIELDS,
    ];
    lists
        .into_iter()
        .find(|list| list.iter().all(|f| message.contains(&format!("`{f}`"))))
        .unwrap_or(TOP_FIELDS)
}
