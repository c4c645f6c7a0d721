//! Readiness scorecard (being written).
