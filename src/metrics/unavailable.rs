//! Collecting the reasons a metric could not be computed.

use std::collections::BTreeMap;

use serde::Serialize;

/// Metric name -> why it is unavailable. Ordered, so output is deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Unavailable(pub BTreeMap<String, String>);

impl Unavailable {
    /// Keeps a computed value, or records why there is none.
    pub fn take<T>(&mut self, key: &str, value: Result<T, String>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.insert(key.to_string(), reason);
                None
            }
        }
    }

    /// Like [`Unavailable::take`], building the key only when there is a reason to record
    /// (cost lines have one key each, and most values are available).
    pub fn take_with<T>(
        &mut self,
        key: impl FnOnce() -> String,
        value: Result<T, String>,
    ) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.insert(key(), reason);
                None
            }
        }
    }

    pub fn reason(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}
