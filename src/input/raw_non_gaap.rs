//! The non-GAAP parts of the input as written: `[[non_gaap]]` tables and a period's
//! `[period.adjustments]` items, before validation (`non_gaap.rs`).

use std::fmt;

use serde::de::{self, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::amount::{parse_decimal, Amount};
use super::LineMap;

/// One `[[non_gaap]]` table as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNonGaap {
    pub key: Option<String>,
    pub name: Option<String>,
    pub base: Option<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub subtract: Vec<String>,
    pub kind: Option<String>,
    pub why: Option<String>,
    pub per_share: Option<bool>,
}

/// The fields of a `[[non_gaap]]` table, for "did you mean" hints.
pub const NON_GAAP_FIELDS: &[&str] = &[
    "key",
    "name",
    "base",
    "add",
    "subtract",
    "kind",
    "why",
    "per_share",
];

/// The fields of an adjustment written as a table, for "did you mean" hints.
pub const ADJUSTMENT_FIELDS: &[&str] = &["amount", "recurring", "cash"];

/// One item of `[period.adjustments]`: a plain number (`restructuring = 18.0`) or a table
/// (`restructuring = { amount = 18.0, recurring = false, cash = true }`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RawAdjustment {
    pub amount: Option<Amount>,
    pub recurring: Option<bool>,
    pub cash: Option<bool>,
}

impl<'de> Deserialize<'de> for RawAdjustment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AdjustmentVisitor)
    }
}

struct AdjustmentVisitor;

impl AdjustmentVisitor {
    fn plain<E: de::Error>(amount: Result<Amount, E>) -> Result<RawAdjustment, E> {
        Ok(RawAdjustment {
            amount: Some(amount?),
            ..RawAdjustment::default()
        })
    }
}

impl<'de> Visitor<'de> for AdjustmentVisitor {
    type Value = RawAdjustment;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount, or a table { amount = ..., recurring = ..., cash = ... }")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAdjustment, E> {
        Self::plain(Amount::deserialize(v.into_deserializer()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAdjustment, E> {
        Self::plain(Amount::deserialize(v.into_deserializer()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawAdjustment, E> {
        Self::plain(Amount::deserialize(v.into_deserializer()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAdjustment, E> {
        Self::plain(Amount::deserialize(v.into_deserializer()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAdjustment, A::Error> {
        let mut item = RawAdjustment::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                // serde_json's `arbitrary_precision` hands a number over as a one-entry map.
                "$serde_json::private::Number" => {
                    let text: String = map.next_value()?;
                    let amount = parse_decimal(&text).map_err(de::Error::custom)?;
                    return Self::plain(Ok(Amount(amount)));
                }
                "amount" => item.amount = Some(map.next_value()?),
                "recurring" => item.recurring = Some(map.next_value()?),
                "cash" => item.cash = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, ADJUSTMENT_FIELDS)),
            }
        }
        Ok(item)
    }
}

/// Reads `[period.adjustments]` or `[period.reported]`, refusing a name written twice: JSON
/// allows duplicate keys, and a plain map would keep only the last amount, silently.
pub fn unique_items<'de, D, V>(deserializer: D) -> Result<LineMap<V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Items<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Items<V> {
        type Value = LineMap<V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table of names, each with an amount")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut items = LineMap::default();
            while let Some(name) = map.next_key::<String>()? {
                if items.contains_key(&name) {
                    return Err(de::Error::custom(format!(
                        "\"{name}\" appears twice in this table: write it once"
                    )));
                }
                items.insert(name, map.next_value()?);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_map(Items(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustment_is_a_number_or_a_table() {
        let plain: RawAdjustment = serde_json::from_str("18.5").unwrap();
        assert_eq!(plain.amount.map(|a| a.0.to_string()), Some("18.5".into()));
        let table: RawAdjustment =
            serde_json::from_str(r#"{"amount": -9, "recurring": false, "cash": true}"#).unwrap();
        assert_eq!(table.amount.map(|a| a.0.to_string()), Some("-9".into()));
        assert_eq!((table.recurring, table.cash), (Some(false), Some(true)));
        let error = serde_json::from_str::<RawAdjustment>(r#"{"amout": 1}"#).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `amout`"),
            "{error}"
        );
        assert!(serde_json::from_str::<RawAdjustment>("\"12\"").is_err());
        #[derive(Debug, serde::Deserialize)]
        struct Period {
            #[serde(deserialize_with = "unique_items")]
            #[allow(dead_code)]
            reported: LineMap<Amount>,
        }
        let twice = r#"{"reported": {"a": 1, "a": 2}}"#;
        let error = serde_json::from_str::<Period>(twice).unwrap_err();
        assert!(error.to_string().contains("\"a\" appears twice"), "{error}");
    }
}
