//! The input as written: serde structs that mirror the file, before any validation.
//!
//! Required fields are `Option`s here so that a missing one gets a message in our words, with
//! the position of the table it is missing from, instead of serde's generic one.

use std::fmt;

pub use super::amount::{parse_decimal, Amount};
use super::LineMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The whole input file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInput {
    pub company: Option<RawCompany>,
    pub plan: Option<RawPlan>,
    #[serde(default, rename = "period", alias = "periods")]
    pub periods: Vec<RawPeriod>,
    pub readiness: Option<RawReadiness>,
    /// Known, accepted warnings (see `acknowledge.rs`).
    #[serde(default)]
    pub acknowledge: Vec<RawAcknowledge>,
    /// KPIs the company defines (see `kpi.rs`).
    #[serde(default)]
    pub kpi: Vec<RawKpi>,
    /// Non-GAAP measures the company shows (see `non_gaap.rs`).
    #[serde(default)]
    pub non_gaap: Vec<super::raw_non_gaap::RawNonGaap>,
    /// What each `[period.values]` name measures (`[values.customers] unit = "number"`);
    /// money when not declared (see `kpi.rs`).
    #[serde(default)]
    pub values: LineMap<RawValue>,
    /// The name each `[period.adjustments]` item is shown by (`[adjustments.<name>] name =
    /// "Share-based payments"`); from its key when not declared.
    #[serde(default)]
    pub adjustments: LineMap<RawAdjustmentName>,
    /// Warnings raised while reading the file (a CSV separator chosen between two).
    #[serde(skip)]
    pub reading_warnings: Vec<super::Warning>,
}

/// A "Total ..." or "Subtotal ..." row or column of a spreadsheet or CSV file, read aside:
/// checked against the sum of the period's cost lines, never read as a cost line itself.
#[derive(Debug, Clone)]
pub struct RawSubtotal {
    /// Its name as written: "Total costs".
    pub name: String,
    pub amount: Amount,
    /// Where it is in the file, for the warning: `t.csv: row 4, column "Total costs"`.
    pub place: String,
}

/// One `[[kpi]]` table as written (validated in `kpi.rs`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    pub key: Option<String>,
    pub name: Option<String>,
    pub unit: Option<String>,
    pub polarity: Option<String>,
    pub formula: Option<String>,
    pub definition: Option<String>,
}

/// One `[values.<name>]` table as written: the unit of the periods' `values.<name>`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    pub unit: Option<String>,
    /// The name outputs show the value by.
    pub name: Option<String>,
    /// Whether it is the top line the company guides on (see `validate_values.rs`).
    pub top_line: Option<bool>,
}

/// One `[adjustments.<name>]` table as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdjustmentName {
    pub name: Option<String>,
}

/// One `[[readiness.kpi]]` threshold as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKpiThreshold {
    pub key: Option<String>,
    pub min: Option<Amount>,
    pub max: Option<Amount>,
}

/// One `[[acknowledge]]` table as written (validated in `acknowledge.rs`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAcknowledge {
    pub kind: Option<String>,
    pub period: Option<Label>,
    pub reason: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompany {
    pub name: Option<String>,
    pub ticker: Option<String>,
    pub currency: Option<String>,
    pub scale: Option<String>,
    pub fiscal_year_end: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub ai_exposed: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// `"negative"` when costs are written below zero (see `cost_sign.rs`).
    pub cost_sign: Option<String>,
    /// Files of comparable companies, relative to this file (the brief's Peers section).
    #[serde(default)]
    pub peers: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub target_headcount: Option<Amount>,
    pub annual_attrition: Option<Amount>,
    pub hires_per_year: Option<Amount>,
    pub reinvest_share: Option<Amount>,
}

/// Thresholds overriding the readiness scorecard's defaults.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReadiness {
    pub min_revenue_growth_pct: Option<Amount>,
    pub min_rule_of_40: Option<Amount>,
    pub min_fiscal_years: Option<Amount>,
    /// The margin the Rule of 40 adds to growth: "operating" (default), "ebitda" or "fcf".
    pub rule_of_40_margin: Option<String>,
    /// Quarters of the last four at or above their revenue guidance (see `plan_actual.rs`).
    pub min_quarters_at_guidance: Option<Amount>,
    /// Mean absolute % error of revenue against budget over the last four quarters.
    pub max_budget_error_pct: Option<Amount>,
    /// Thresholds on company KPIs.
    #[serde(default)]
    pub kpi: Vec<RawKpiThreshold>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub label: Option<Label>,
    pub revenue: Option<Amount>,
    pub headcount_end: Option<Amount>,
    pub headcount_start: Option<Amount>,
    pub personnel_cost: Option<Amount>,
    pub operating_income: Option<Amount>,
    pub adjusted_operating_income: Option<Amount>,
    pub cost_of_revenue: Option<Amount>,
    pub depreciation_amortization: Option<Amount>,
    pub stock_based_compensation: Option<Amount>,
    pub operating_cash_flow: Option<Amount>,
    pub capex: Option<Amount>,
    pub cash: Option<Amount>,
    pub net_income: Option<Amount>,
    pub interest_expense: Option<Amount>,
    pub income_tax: Option<Amount>,
    pub notes: Option<String>,
    /// For a year row that is year to date: how many of its months it holds (1 to 11).
    pub months: Option<Amount>,
    #[serde(default, deserialize_with = "unique_cost_lines")]
    pub costs: LineMap<Amount>,
    pub ai: Option<RawAi>,
    /// Operating figures of the period (GMV, ...) that KPI formulas read as `values.<name>`.
    #[serde(default)]
    pub values: LineMap<Amount>,
    /// Named items the non-GAAP measures add back or take out (see `non_gaap.rs`).
    #[serde(default, deserialize_with = "super::raw_non_gaap::unique_items")]
    pub adjustments: LineMap<super::raw_non_gaap::RawAdjustment>,
    /// Figures the company itself published, by measure key, to reconcile against.
    #[serde(default, deserialize_with = "super::raw_non_gaap::unique_items")]
    pub reported: LineMap<Amount>,
    /// Subtotal rows or columns (spreadsheets and CSV files only).
    #[serde(skip)]
    pub subtotals: Vec<RawSubtotal>,
    /// `[period.budget]`: the plan's figures, as a period without a label (see `plan_actual.rs`).
    pub budget: Option<Box<RawPeriod>>,
    /// `[period.guidance]`: ranges given before the period (see `plan_actual.rs`).
    pub guidance: Option<super::raw_guidance::RawGuidance<Amount>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAi {
    pub spend: Option<Amount>,
    pub fte_equivalent: Option<Amount>,
}

/// A period label, written as a string ("2024-Q3") or, for years, a bare integer (2024).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(pub String);

/// Reads a period's cost lines, refusing a name that appears twice: JSON allows duplicate keys
/// and a plain map would keep only the last amount, silently.
fn unique_cost_lines<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<LineMap<Amount>, D::Error> {
    struct CostLines;
    impl<'de> Visitor<'de> for CostLines {
        type Value = LineMap<Amount>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a table of cost lines, each a name and an amount")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut lines = LineMap::default();
            while let Some(name) = map.next_key::<String>()? {
                if lines.contains_key(&name) {
                    // Raised before the value is read, so the position is the repeated name.
                    return Err(de::Error::custom(format!(
                        "the cost line \"{name}\" appears twice in this period: \
                         add the amounts up into one line, or give them different names"
                    )));
                }
                let amount: Amount = map.next_value()?;
                lines.insert(name, amount);
            }
            Ok(lines)
        }
    }
    deserializer.deserialize_map(CostLines)
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LabelVisitor;
        impl<'de> Visitor<'de> for LabelVisitor {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period label such as \"2024\" or \"2024-Q3\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Label, A::Error> {
                match map.next_key::<String>()?.as_deref() {
                    Some("$serde_json::private::Number") => Ok(Label(map.next_value()?)),
                    _ => Err(de::Error::custom("expected a period label, found a table")),
                }
            }
        }
        deserializer.deserialize_any(LabelVisitor)
    }
}

/// The field names of each table, for "did you mean" hints on unknown fields.
pub const COMPANY_FIELDS: &[&str] = &[
    "name",
    "ticker",
    "currency",
    "scale",
    "fiscal_year_end",
    "summary",
    "ai_exposed",
    "sources",
    "cost_sign",
    "peers",
];
pub const PLAN_FIELDS: &[&str] = &[
    "target_headcount",
    "annual_attrition",
    "hires_per_year",
    "reinvest_share",
];
pub const TOP_FIELDS: &[&str] = &[
    "company",
    "plan",
    "period",
    "readiness",
    "acknowledge",
    "kpi",
    "non_gaap",
];
/// The fields of a `[[kpi]]` table, and of a `[[readiness.kpi]]` threshold.
pub const KPI_FIELDS: &[&str] = &["key", "name", "unit", "polarity", "formula", "definition"];
pub const KPI_THRESHOLD_FIELDS: &[&str] = &["key", "min", "max"];
/// The fields of an `[[acknowledge]]` table, for "did you mean" hints.
pub const ACKNOWLEDGE_FIELDS: &[&str] = &["kind", "period", "reason"];
pub const READINESS_FIELDS: &[&str] = &[
    "min_revenue_growth_pct",
    "min_rule_of_40",
    "min_fiscal_years",
    "rule_of_40_margin",
    "min_quarters_at_guidance",
    "max_budget_error_pct",
    "kpi",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::amount::few_decimals;
    use rust_decimal::Decimal;

    /// Guards the review of src/input: raw.rs and acknowledge.rs imported each other; the raw
    /// acknowledgement now lives here, so imports run one way (acknowledge -> raw).
    #[test]
    fn raw_imports_no_sibling_that_imports_it() {
        let sibling = format!("{}::{}", "super", "acknowledge");
        assert!(!include_str!("raw.rs").contains(&sibling));
    }

    /// The quick path must give the decimal that reading the float's shortest text gives, for
    /// amounts as people write them and for arbitrary floats.
    #[test]
    fn few_decimals_is_the_shortest_text() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut quick = 0;
        for round in 0..300_000 {
            let v = match round % 3 {
                // Written amounts: up to 6 decimals, up to 10^10.
                0 => {
                    let decimals = (next() % 7) as u32;
                    let m = (next() % 10_000_000_000_000) as i64 - 5_000_000_000_000;
                    Decimal::new(m, decimals)
                        .to_string()
                        .parse::<f64>()
                        .unwrap()
                }
                // Any float of a sensible size.
                1 => f64::from_bits(next() % (0x4210_0000_0000_0000)),
                _ => (next() % 100_000) as f64 / 10f64.powi((next() % 9) as i32),
            };
            if !v.is_finite() {
                continue;
            }
            if let Some(exact) = few_decimals(v) {
                quick += 1;
                let text = parse_decimal(&v.to_string()).unwrap();
                assert_eq!(exact, text, "{v}");
                assert_eq!(exact.to_string(), text.to_string(), "{v}");
            }
        }
        assert!(
            quick > 100_000,
            "the quick path is taken for most amounts ({quick})"
        );
        assert_eq!(few_decimals(18.7), Some(Decimal::new(187, 1)));
        assert_eq!(few_decimals(-0.000001), Some(Decimal::new(-1, 6)));
        assert_eq!(
            few_decimals(0.1 + 0.2),
            None,
            "0.30000000000000004 has 17 decimals"
        );
        assert_eq!(few_decimals(1e10), None, "beyond 2^33");
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(parse_decimal("1234.56").unwrap().to_string(), "1234.56");
        assert_eq!(parse_decimal("1e6").unwrap(), Decimal::from(1_000_000));
        assert!(parse_decimal("1,234")
            .unwrap_err()
            .contains("thousands separators"));
        assert!(parse_decimal("NaN").unwrap_err().contains("finite"));
        assert!(parse_decimal("1e400").unwrap_err().contains("out of range"));
        // A lone dash has no digits: never "the number - is out of range" (issue 12).
        assert!(parse_decimal("-")
            .unwrap_err()
            .starts_with("expected a number, found \"-\""));
    }
}
