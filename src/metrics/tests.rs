//! Metrics against values computed by hand (being written).
