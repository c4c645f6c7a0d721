//! What a run of the pipeline is asked for: the inputs, the outputs and their options, checked
//! by the command line's settings before any work starts.

use std::path::PathBuf;

use crate::diagnostic::InputError;
use crate::input::ReadOptions;
use crate::report::pdf::{Paper, Standard};
use crate::report::peers::Rates;
use crate::report::{ChartFormat, Formats};
use crate::scorecard::Thresholds;

/// The briefs to render: what `generate` writes and `serve` shows.
#[derive(Debug)]
pub struct Generate {
    /// None: the bundled example.
    pub inputs: Vec<PathBuf>,
    pub dir: PathBuf,
    pub formats: Formats,
    pub charts: ChartFormat,
    pub templates: Option<PathBuf>,
    pub thresholds: Thresholds,
    /// Warnings about the thresholds file (a growth bar written as a share), printed on
    /// standard error before the work.
    pub warnings: Vec<InputError>,
    pub read: ReadOptions,
    pub as_of: Option<String>,
    /// A progress bar may show for long runs (not in CI, not with --quiet).
    pub progress: bool,
    /// `--peers`: comparable companies for every brief, instead of each file's `peers` list.
    pub peers: Option<Vec<PathBuf>>,
    /// `--fx`, with the report date as the rates' date.
    pub fx: Rates,
    pub paper: Paper,
    pub pdf_standard: Option<Standard>,
}
