//! Headcount plan by natural attrition (being written).
