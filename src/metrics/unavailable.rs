//! Collecting the reasons a metric could not be computed.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::reason::{words, Reason};
use crate::period::PeriodLabel;

/// Metric name -> why it is unavailable, in one period. Ordered, so output is deterministic.
/// In `metrics.json` each reason is written in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub BTreeMap<String, Reason>, pub PeriodLabel);

impl Unavailable {
    /// No reasons yet, for the period `label`.
    pub fn of(label: PeriodLabel) -> Self {
        Unavailable(BTreeMap::new(), label)
    }

    /// Keeps a computed value, or records why there is none.
    pub fn take<T>(&mut self, key: &str, value: Result<T, Reason>) -> Option<T> {
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
        value: Result<T, Reason>,
    ) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.0.insert(key(), reason);
                None
            }
        }
    }

    /// Why `key` is unavailable, as a typed reason.
    pub fn get(&self, key: &str) -> Option<&Reason> {
        self.0.get(key)
    }

    /// Why `key` is unavailable, in words (for one period's own output: compare, check).
    pub fn reason(&self, key: &str) -> Option<String> {
        self.get(key).map(|reason| words(reason, &[self.1]))
    }

    /// The keys whose value is not meaningful ("n/m") rather than missing, in key order.
    pub fn not_meaningful(&self) -> Vec<String> {
        self.0
            .iter()
            .filter(|(_, reason)| reason.not_meaningful())
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// Replaces "needs another metric" by that metric's own reason, followed to its root, so
    /// a value computed from a missing figure gives the figure's reason ("the input gives no
    /// headcount, period end"), and neighbouring metrics share one note. A needed figure with
    /// no recorded reason is an input figure the period does not give.
    pub fn resolve(&mut self) {
        let resolved: Vec<(String, Reason)> = self
            .0
            .iter()
            .filter(|(_, reason)| matches!(reason, Reason::Needs { .. }))
            .map(|(key, reason)| (key.clone(), self.root(reason, 0)))
            .collect();
        self.0.extend(resolved);
    }

    fn root(&self, reason: &Reason, depth: usize) -> Reason {
        match reason {
            // Metrics depend on metrics a few levels deep; the bound only guards a cycle.
            Reason::Needs { figure } if depth < 8 => match self.0.get(*figure) {
                Some(next) => self.root(next, depth + 1),
                None => Reason::NotGiven { figure },
            },
            other => other.clone(),
        }
    }
}

impl Serialize for Unavailable {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, reason) in &self.0 {
            map.serialize_entry(key, &words(reason, &[self.1]))?;
        }
        map.end()
    }
}
