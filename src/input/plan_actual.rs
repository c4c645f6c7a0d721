//! A period's plan as written and as validated: `[period.budget]`, the figures the company
//! planned (any figure a period has, cost lines included), and `[period.guidance]`, the ranges
//! it told investors or its board before the period. Validation is in `validate_plan.rs`; the
//! comparison with the actual figures is in `metrics/plan_actual/`.

use std::fmt;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::raw::{Amount, AmountVisitor};
use super::{LineMap, Period};
use crate::period::PeriodLabel;

/// The keys a `[period.guidance]` table takes: `given` and the period's figures.
pub static GUIDANCE_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("given")
        .chain(super::figures::keys(super::figures::Table::Period))
        .collect()
});

/// A `[period.guidance]` table as written. Names that are not figures are kept aside, so
/// validation can point at each one and suggest the name meant.
#[derive(Debug, Default, Clone)]
pub struct RawGuidance {
    pub given: Option<String>,
    pub ranges: LineMap<RawRange>,
    pub unknown: Vec<String>,
}

/// One guided figure: one number (a point) or `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawRange {
    pub low: Amount,
    pub high: Amount,
}

impl<'de> Deserialize<'de> for RawGuidance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct GuidanceVisitor;
        impl<'de> Visitor<'de> for GuidanceVisitor {
            type Value = RawGuidance;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of guided figures, each a number or [low, high]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGuidance, A::Error> {
                let mut guidance = RawGuidance::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "given" {
                        guidance.given = Some(map.next_value()?);
                    } else if GUIDANCE_FIELDS.contains(&key.as_str()) {
                        let range = map.next_value()?;
                        guidance.ranges.insert(key, range);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                        guidance.unknown.push(key);
                    }
                }
                Ok(guidance)
            }
        }
        deserializer.deserialize_map(GuidanceVisitor)
    }
}

impl<'de> Deserialize<'de> for RawRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RangeVisitor;
        fn point(amount: Amount) -> RawRange {
            RawRange {
                low: amount,
                high: amount,
            }
        }
        impl<'de> Visitor<'de> for RangeVisitor {
            type Value = RawRange;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number (point guidance) or a range [low, high]")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawRange, E> {
                AmountVisitor.visit_i64(v).map(point)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawRange, E> {
                AmountVisitor.visit_u64(v).map(point)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawRange, E> {
                AmountVisitor.visit_f64(v).map(point)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRange, E> {
                AmountVisitor.visit_str(v).map(point)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawRange, A::Error> {
                AmountVisitor.visit_map(map).map(point)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawRange, A::Error> {
                let wrong = || de::Error::custom("a guidance range is two numbers: [low, high]");
                let low: Amount = seq.next_element()?.ok_or_else(wrong)?;
                let high: Amount = seq.next_element()?.ok_or_else(wrong)?;
                match seq.next_element::<IgnoredAny>()? {
                    Some(_) => Err(wrong()),
                    None => Ok(RawRange { low, high }),
                }
            }
        }
        deserializer.deserialize_any(RangeVisitor)
    }
}

/// A period's plan, validated. Money is in full currency units (scale applied).
#[derive(Debug, Clone, Serialize)]
pub struct PeriodPlan {
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub label: PeriodLabel,
    pub budget: Option<Budget>,
    pub guidance: Option<Guidance>,
}

/// `[period.budget]`: the budgeted figures as a period of their own, so every metric that
/// can be computed from them is computed the one way (`metrics::plan_actual`).
#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// The budgeted figures; a figure not budgeted is `None`, revenue 0 when not budgeted.
    pub period: Period,
    /// Whether the budget gives revenue: without it no revenue-based metric is compared.
    pub revenue_given: bool,
}

/// `[period.guidance]`: the guided figures and when they were given.
#[derive(Debug, Clone, Serialize)]
pub struct Guidance {
    /// `YYYY-MM-DD`, when written.
    pub given: Option<String>,
    /// In the order written.
    pub ranges: Vec<GuidanceRange>,
}

/// One guided figure: `low == high` for a point guidance.
#[derive(Debug, Clone, Serialize)]
pub struct GuidanceRange {
    /// The figure's key, as written: `revenue`.
    pub key: &'static str,
    #[serde(skip)]
    pub field: super::Field,
    pub low: Decimal,
    pub high: Decimal,
}

#[cfg(test)]
#[path = "plan_actual_tests.rs"]
mod tests;
