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

    pub fn reason(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}
