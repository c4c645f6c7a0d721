//! Saving the workbook: in memory, or for a long history through low-memory sheets and a
//! temporary file, so that neither its cells nor its bytes are held in memory.

use anyhow::{Context, Result};
use rust_xlsxwriter::Workbook;

use super::unsaved;
use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::report::peers::PeersView;
use crate::write::OutputFile;

/// The workbook of one company. `input` is the validated input the analysis was made from;
/// `peers`, the brief's Peers section when it has one (then the workbook has a Peers sheet).
pub fn build(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&PeersView>,
) -> Result<Vec<u8>> {
    build_with(
        input,
        analysis,
        peers,
        crate::report::long_history(analysis),
    )
}

/// `metrics.xlsx`: the workbook as a file of the brief, written through a temporary file for a
/// long history ([`crate::report::LONG_HISTORY`]), whose growing sheets (the Inputs sheet, a
/// row per period; each series sheet, a column per period; the Notes sheet) are then
/// rust_xlsxwriter's "low memory" sheets: each row goes to a temporary file as soon as the
/// next one starts, instead of every cell staying in memory until the workbook is saved
/// (10,000 quarters: 0.9 GB instead of 1.4 GB, and a second faster). Below it, the workbook is
/// built in memory alone; the cells are the same either way (tested).
pub fn file(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&PeersView>,
) -> Result<OutputFile> {
    const NAME: &str = "metrics.xlsx";
    if !crate::report::long_history(analysis) {
        return build(input, analysis, peers).map(|bytes| OutputFile::new(NAME, bytes));
    }
    let mut workbook = unsaved(input, analysis, peers, true)?;
    let file = OutputFile::spilled(NAME, |out| {
        (workbook.save_to_writer(out)).context("cannot write the workbook metrics.xlsx")
    });
    drop_aside(workbook);
    file
}

/// Frees a saved workbook on a spare core: a long history's sheets are millions of small
/// allocations.
fn drop_aside(workbook: Workbook) {
    rayon::spawn(move || drop(workbook));
}

/// The workbook's zip compression level (zip's default is 6): 1, the fastest, as compressing
/// was the largest single cost of a long history's workbook. Measured on 1,000 quarters: level
/// 3 took 1,190 M instructions for a 4.26 MB file, level 2 about 440 M fewer for a 4.45 MB one,
/// level 1 another 360 M fewer for a 5.88 MB one; the example's file grows from 61 to 76 KB.
pub(super) const ZIP_LEVEL: u8 = 1;

/// [`build`], with the growing sheets in low-memory mode or not.
pub(super) fn build_with(
    input: &CompanyInput,
    analysis: &Analysis,
    peers: Option<&PeersView>,
    low_memory: bool,
) -> Result<Vec<u8>> {
    let mut workbook = unsaved(input, analysis, peers, low_memory)?;
    let bytes = workbook
        .save_to_buffer()
        .context("cannot write the workbook metrics.xlsx");
    drop_aside(workbook);
    bytes
}
