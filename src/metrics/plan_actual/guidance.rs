//! The guidance record of one period: each guided figure's actual against its range.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::super::catalogue::metric;
use crate::input::plan_actual::{Guidance, GuidanceRange, Guided};
use crate::input::{CompanyInput, Period};
use crate::money::{percent, Exact};

/// Where the actual figure fell against the range (a point guidance is a range of one value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Below,
    Within,
    Above,
}

/// One guided figure against its actual.
#[derive(Debug, Clone, Serialize)]
pub struct GuidanceCheck {
    /// The figure's key, as written in the guidance: `revenue`, `values.product_revenue`.
    pub key: String,
    /// The name every output shows (the catalogue's, or the value's declared name).
    pub name: String,
    /// Whether it is the value the company declares as its guided top line
    /// (`[values.<name>] top_line = true`), judged as revenue where revenue is not guided.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub top_line: bool,
    /// Money (in currency) or not (people, counts).
    pub money: bool,
    pub low: Exact,
    pub high: Exact,
    /// `(low + high) ÷ 2`.
    pub midpoint: Exact,
    pub actual: Option<Exact>,
    /// Below `low`, within `[low, high]` (both ends in), or above `high`.
    pub position: Option<Position>,
    /// `(actual − midpoint) ÷ |midpoint| × 100`.
    pub from_midpoint_pct: Option<f64>,
    /// `actual − midpoint`, for money only.
    pub from_midpoint: Option<Exact>,
    /// Field -> why it is missing, in words.
    pub unavailable: BTreeMap<String, String>,
}

/// Every guided figure of a period, in the order written.
pub fn checks(guidance: &Guidance, actual: &Period, input: &CompanyInput) -> Vec<GuidanceCheck> {
    guidance
        .ranges
        .iter()
        .map(|range| check(range, actual, input))
        .collect()
}

fn check(range: &GuidanceRange, actual: &Period, input: &CompanyInput) -> GuidanceCheck {
    let (name, top_line) = match &range.figure {
        Guided::Figure(_) => {
            let name = metric(&range.key).map_or(range.key.as_str(), |m| m.name);
            (name.to_string(), false)
        }
        Guided::Value(value) => (
            input.value_name(value).to_string(),
            input.top_line.as_deref() == Some(value.as_str()),
        ),
    };
    let money = range.money;
    let midpoint = (range.low + range.high) / Decimal::TWO;
    let value = range.figure.get(actual);
    let mut unavailable = BTreeMap::new();
    if value.is_none() {
        let reason = "the period's actual figures do not give it".to_string();
        unavailable.insert("actual".to_string(), reason);
    }
    let position = value.map(|v| {
        if v < range.low {
            Position::Below
        } else if v > range.high {
            Position::Above
        } else {
            Position::Within
        }
    });
    let from_midpoint = value.map(|v| v - midpoint);
    let from_midpoint_pct = from_midpoint.and_then(|d| percent(d, midpoint.abs()));
    if value.is_some() && from_midpoint_pct.is_none() {
        let reason = "the midpoint of the range is zero, so there is no distance in %";
        unavailable.insert("from_midpoint_pct".to_string(), reason.to_string());
    }
    GuidanceCheck {
        key: range.key.clone(),
        name,
        top_line,
        money,
        low: Exact(range.low),
        high: Exact(range.high),
        midpoint: Exact(midpoint),
        actual: value.map(Exact),
        position,
        from_midpoint_pct,
        from_midpoint: from_midpoint.filter(|_| money).map(Exact),
        unavailable,
    }
}
