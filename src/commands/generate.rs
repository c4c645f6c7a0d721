//! `ipobrief generate`: the brief of each company, written atomically to `DIR/<slug>/`; with
//! several companies also `DIR/index.html` and `DIR/index.md`, a peer table linking them all.
//!
//! Every input is read and every brief rendered in memory (by the pipeline) before anything is
//! written, so one bad input fails the run with all the errors reported and nothing
//! half-written.

use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostic::Output;
use crate::pipeline;
use crate::settings::Generate;

pub fn run(settings: &Generate, output: Output) -> Result<ExitCode> {
    let briefs = pipeline::render(settings)?;
    pipeline::write(&briefs, &settings.dir, output)?;
    Ok(ExitCode::SUCCESS)
}
