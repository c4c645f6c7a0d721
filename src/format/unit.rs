//! What a value is measured in, and where it is shown: the two things that decide how it reads.
//! The metric catalogue, the company KPIs and every output name a value's unit with [`Unit`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a metric is measured, which decides how it is shown and how a change in it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Money over the period, shown in the company's scale in tables ("2,811" under "USD
    /// millions") and compact in headline cards ("$2.81B").
    Amount,
    /// Money per person per year, shown compact with its currency ("$820k").
    Money,
    /// People (or full-time equivalents).
    People,
    /// A share, in percent ("23.5%"); its changes are in percentage points.
    Pct,
    /// A growth rate, in percent, shown signed with an arrow ("▲ +23.5%").
    #[serde(rename = "change")]
    Growth,
    /// A difference of percentages, in percentage points.
    Pp,
    /// Rule-of-40 points.
    Points,
    /// A multiple ("2.70×").
    Ratio,
    /// A length of time in months ("18.4 months").
    Months,
}

impl Unit {
    /// Every unit, for tests over the set.
    pub const ALL: [Unit; 9] = [
        Unit::Amount,
        Unit::Money,
        Unit::People,
        Unit::Pct,
        Unit::Growth,
        Unit::Pp,
        Unit::Points,
        Unit::Ratio,
        Unit::Months,
    ];

    /// Whether values of this unit are exact decimals (money, people) rather than ratios.
    pub fn is_exact(self) -> bool {
        matches!(self, Unit::Amount | Unit::Money | Unit::People)
    }

    /// Whether values of this unit are money (and so carry a currency).
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Amount | Unit::Money)
    }

    /// The unit in words, for the methodology and the docs.
    pub fn words(self) -> &'static str {
        match self {
            Unit::Amount => "currency",
            Unit::Money => "currency per person per year",
            Unit::People => "people",
            Unit::Pct | Unit::Growth => "%",
            Unit::Pp => "percentage points",
            Unit::Points => "points",
            Unit::Ratio => "multiple",
            Unit::Months => "months",
        }
    }

    /// The unit as a column of figures names it: "USD millions" (amounts in the tables'
    /// scale), "USD per person per year", "%", "people".
    pub fn heading(self, currency: &str, scale: &str) -> String {
        match self {
            Unit::Amount if scale == "units" => currency.to_string(),
            Unit::Amount => format!("{currency} {scale}"),
            Unit::Money => format!("{currency} per person per year"),
            other => other.words().to_string(),
        }
    }
}

/// How a value is shown: in a table (amounts in the company's scale), on a headline card
/// (amounts compact with their currency, "$2.81B"), or as a change beside a card's value
/// ("▲ +24.8%", whatever the unit), or as the difference between two values in the unit's own
/// terms, without an arrow ("-10", "+2.3 pp": a variance against budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    #[default]
    Table,
    Card,
    Change,
    Difference,
}

/// A value to show, as an exact decimal and as a float: exact units (money, people) are
/// rounded from the decimal, never through a float; ratios are floats from the start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub exact: Option<Decimal>,
    pub float: Option<f64>,
}

impl Figure {
    /// An exact amount or count.
    pub fn exact(value: Decimal) -> Figure {
        Figure {
            exact: Some(value),
            float: value.to_string().parse().ok(),
        }
    }

    /// A ratio or percentage: its decimal is the float's shortest text, as JSON writes it.
    pub fn float(value: f64) -> Figure {
        Figure {
            exact: value.to_string().parse().ok(),
            float: value.is_finite().then_some(value),
        }
    }
}
