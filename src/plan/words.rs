//! People in words, and why each plan figure is unavailable.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// People as a reader counts them: "3,800", "2,953.5".
pub(super) fn people(value: f64) -> String {
    crate::format::grouped(Decimal::try_from(value).unwrap_or_default(), 1)
}

/// Plan figure -> why it is unavailable, in words. Ordered, so output is deterministic.
#[derive(Debug, Default)]
pub(super) struct Reasons(pub(super) BTreeMap<String, String>);

impl Reasons {
    /// Keeps a computed value, or records why there is none.
    pub(super) fn take<T>(&mut self, key: &str, value: Result<T, String>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.insert(key.to_string(), reason);
                None
            }
        }
    }
}
