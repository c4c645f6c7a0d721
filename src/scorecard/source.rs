//! Where a threshold came from, and a threshold that carries it.

use serde::Serialize;

/// Where a threshold came from, from the weakest to the strongest: a later source wins.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdSource {
    /// ipobrief's own bar.
    #[default]
    Default,
    /// The company file's `[readiness]` table (a spreadsheet's company sheet).
    CompanyFile,
    /// The `--thresholds FILE` given on the command line.
    ThresholdsFile,
    /// A flag: `--company readiness.<key>=...`, `check --fail-on-warnings`.
    CommandLine,
}

impl ThresholdSource {
    /// The source in words: "thresholds file".
    pub fn words(self) -> &'static str {
        match self {
            ThresholdSource::Default => "default",
            ThresholdSource::CompanyFile => "company file",
            ThresholdSource::ThresholdsFile => "thresholds file",
            ThresholdSource::CommandLine => "command line",
        }
    }
}

/// A threshold and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sourced<T> {
    pub value: T,
    pub source: ThresholdSource,
}

impl<T> Sourced<T> {
    pub(super) fn default_value(value: T) -> Sourced<T> {
        Sourced {
            value,
            source: ThresholdSource::Default,
        }
    }

    /// `value` from `source` in place of this one, unless this one comes from a stronger
    /// source (the command line over the company file).
    pub fn set(&mut self, value: T, source: ThresholdSource) {
        if source >= self.source {
            *self = Sourced { value, source };
        }
    }
}
