//! ipobrief: turn a company's financial figures into an investor-readiness brief.
//!
//! The pipeline reads as a list: [`pipeline::load_all`] -> [`pipeline::analyse`] ->
//! [`pipeline::render`] -> [`pipeline::write`]. `main` only parses arguments, calls [`run`] and
//! maps errors to exit codes. This file declares the modules and re-exports a few entry points;
//! it holds nothing of its own, so no module imports anything from it.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostic;
pub mod exit;
pub mod format;
pub mod import;
pub mod input;
pub mod metrics;
pub mod money;
pub mod period;
pub mod pipeline;
pub mod plan;
pub mod report;
pub mod scorecard;
pub mod settings;
pub mod write;

pub use crate::analysis::Analysis;
pub use crate::commands::run;
/// The bundled example, compiled in so `ipobrief generate` works from any folder.
pub use crate::input::example::TOML as EXAMPLE_TOML;
pub use crate::pipeline::analyse;
