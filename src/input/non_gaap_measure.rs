//! A non-GAAP measure as validated from its `[[non_gaap]]` table: its kind, the entries it
//! adds and subtracts, and where it is written.

use serde::Serialize;

use super::Field;
use crate::diagnostic::{did_you_mean, InputError, Location};

/// Where something is written, for a warning or a verdict about it: the place as a message
/// names it (`t.toml:31:1`) and its line (or row), for `check --format github`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub text: String,
    pub line: Option<usize>,
    /// The position itself, for an error about what is written there.
    pub location: Location,
}

impl Place {
    pub fn of(location: &Location, file: &str) -> Place {
        let line = match location {
            Location::Text { line, .. } => Some(*line),
            Location::Cell { row, .. } => Some(*row),
            Location::Sheet { .. } => None,
        };
        Place {
            text: location.place(file),
            line,
            location: location.clone(),
        }
    }
}

/// What a measure is of: results (performance) or cash (liquidity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    Performance,
    Liquidity,
}

impl MeasureKind {
    /// `kind = "performance"` or `"liquidity"`; else the message and its help.
    pub fn read(written: Option<&str>, key: &str) -> Result<MeasureKind, (String, String)> {
        match written.map(str::trim) {
            Some("performance") => Ok(MeasureKind::Performance),
            Some("liquidity") => Ok(MeasureKind::Liquidity),
            other => {
                let hint = other
                    .and_then(|k| did_you_mean(k, ["performance", "liquidity"]))
                    .map(|c| format!("did you mean \"{c}\"? "))
                    .unwrap_or_default();
                let found = other.map_or("none".to_string(), |k| format!("\"{k}\""));
                Err((
                    format!("the measure \"{key}\" needs kind = \"performance\" or \"liquidity\", found {found}"),
                    format!(
                        "{hint}a performance measure adjusts results (adjusted EBITDA); a \
                         liquidity measure adjusts cash (free cash flow)"
                    ),
                ))
            }
        }
    }
}

/// One entry of a measure's `add` or `subtract` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    /// A statement figure (`interest_expense`).
    Figure(Field),
    /// A named adjustment (`adjustments.restructuring`), by its name.
    Adjustment(String),
}

impl Operand {
    /// The entry as written: `interest_expense`, `adjustments.restructuring`.
    pub fn written(&self) -> String {
        match self {
            Operand::Figure(field) => field.figure().key.to_string(),
            Operand::Adjustment(name) => format!("adjustments.{name}"),
        }
    }
}

impl Serialize for Operand {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written())
    }
}

fn figure_key<S: serde::Serializer>(field: &Field, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(field.figure().key)
}

/// One `[[non_gaap]]` measure, validated.
#[derive(Debug, Clone, Serialize)]
pub struct NonGaapMeasure {
    pub key: String,
    pub name: String,
    /// The most directly comparable GAAP measure, a statement figure.
    #[serde(serialize_with = "figure_key")]
    pub base: Field,
    pub add: Vec<Operand>,
    pub subtract: Vec<Operand>,
    pub kind: MeasureKind,
    /// Why management finds the measure useful, as the company says.
    pub why: Option<String>,
    pub per_share: bool,
    /// Where `key = ...` is (`t.toml:40:1`), for warnings about the measure.
    #[serde(skip)]
    pub at: Option<Place>,
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub key_location: Option<Location>,
}

impl NonGaapMeasure {
    /// An error about the measure's key, pointing at `key = ...`.
    pub fn key_error(&self, message: impl Into<String>) -> InputError {
        InputError::new(self.file.clone(), message).at(self.key_location.clone())
    }
}
