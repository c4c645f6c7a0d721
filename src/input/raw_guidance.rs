//! `[period.guidance]` as written: `given`, and each other key a number (a point guidance) or
//! `[low, high]`, and a `values` table of guided `[period.values]` figures. Generic over the amount type `A` (the input's `Amount`), so this file reads
//! nothing else of the input and the raw structs that hold it import it one way. Which keys are
//! figures is checked in validation (`validate_plan_guidance.rs`), with "did you mean".

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{F64Deserializer, I64Deserializer, StrDeserializer, U64Deserializer};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A `[period.guidance]` table as written, keys in the order written.
#[derive(Debug, Clone)]
pub struct RawGuidance<A> {
    pub given: Option<String>,
    pub ranges: Vec<(String, RawRange<A>)>,
}

impl<A> Default for RawGuidance<A> {
    fn default() -> Self {
        RawGuidance {
            given: None,
            ranges: Vec::new(),
        }
    }
}

/// One guided figure: one number (low = high) or `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawRange<A> {
    pub low: A,
    pub high: A,
}

impl<'de, A: Deserialize<'de> + Copy> Deserialize<'de> for RawGuidance<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct GuidanceVisitor<A>(PhantomData<A>);
        impl<'de, A: Deserialize<'de> + Copy> Visitor<'de> for GuidanceVisitor<A> {
            type Value = RawGuidance<A>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of guided figures, each a number or [low, high]")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut guidance = RawGuidance::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "given" {
                        guidance.given = Some(map.next_value()?);
                    } else if key == "values" {
                        // `[period.guidance.values]`: guided `[period.values]` figures, read
                        // as `values.<name>` in the order written.
                        let values: Vec<(String, RawRange<A>)> = map.next_value::<Ordered<A>>()?.0;
                        let named = values.into_iter().map(|(k, r)| (format!("values.{k}"), r));
                        guidance.ranges.extend(named);
                    } else {
                        let range = map.next_value()?;
                        guidance.ranges.push((key, range));
                    }
                }
                Ok(guidance)
            }
        }
        deserializer.deserialize_map(GuidanceVisitor(PhantomData))
    }
}

/// A table of guided figures read in the order written (`[period.guidance.values]`).
struct Ordered<A>(Vec<(String, RawRange<A>)>);

impl<'de, A: Deserialize<'de> + Copy> Deserialize<'de> for Ordered<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<A>(PhantomData<A>);
        impl<'de, A: Deserialize<'de> + Copy> Visitor<'de> for OrderedVisitor<A> {
            type Value = Ordered<A>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of guided values, each a number or [low, high]")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut ranges = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    ranges.push((key, map.next_value()?));
                }
                Ok(Ordered(ranges))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

impl<'de, A: Deserialize<'de> + Copy> Deserialize<'de> for RawRange<A> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RangeVisitor<A>(PhantomData<A>);
        /// One number: a point guidance, low and high the same.
        fn one<A: Copy, E>(amount: Result<A, E>) -> Result<RawRange<A>, E> {
            amount.map(|a| RawRange { low: a, high: a })
        }
        impl<'de, A: Deserialize<'de> + Copy> Visitor<'de> for RangeVisitor<A> {
            type Value = RawRange<A>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number (point guidance) or a range [low, high]")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                one(A::deserialize(I64Deserializer::<E>::new(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                one(A::deserialize(U64Deserializer::<E>::new(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                one(A::deserialize(F64Deserializer::<E>::new(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                one(A::deserialize(StrDeserializer::<E>::new(v)))
            }
            // A JSON number read with every digit arrives as a one-entry map.
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                one(A::deserialize(de::value::MapAccessDeserializer::new(map)))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
                let wrong = || de::Error::custom("a guidance range is two numbers: [low, high]");
                let low: A = seq.next_element()?.ok_or_else(wrong)?;
                let high: A = seq.next_element()?.ok_or_else(wrong)?;
                match seq.next_element::<IgnoredAny>()? {
                    Some(_) => Err(wrong()),
                    None => Ok(RawRange { low, high }),
                }
            }
        }
        deserializer.deserialize_any(RangeVisitor(PhantomData))
    }
}
