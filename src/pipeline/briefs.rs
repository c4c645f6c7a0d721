//! Every brief of a run in memory, and writing them: each company's folder atomically, then
//! the site index with several companies.

use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::diagnostic::{eprint_line, Output};
use crate::write::{self, OutputFile};

/// Runs with fewer companies than this show no progress bar and name each folder written:
/// they finish at once.
const PROGRESS_FROM: usize = 20;

/// Every brief of a run, and with several companies the site index, in memory: what
/// [`write()`] puts on disk.
pub struct Briefs {
    /// Each company's folder name and files, in input order.
    pub folders: Vec<(String, Vec<OutputFile>)>,
    /// `index.html` and `index.md` with several companies; empty with one.
    pub index: Vec<OutputFile>,
}

/// Writes the briefs into `dir`, each company's folder atomically.
pub fn write(briefs: &Briefs, dir: &Path, output: Output) -> Result<()> {
    let Briefs { folders, index } = briefs;
    // Each folder is written atomically on its own; writing them side by side keeps both
    // cores busy on a large site. Messages follow in input order.
    let written: Vec<Result<PathBuf>> = folders
        .par_iter()
        .map(|(slug, files)| write::write_folder(dir, slug, files))
        .collect();
    for (folder, (_, files)) in written.into_iter().zip(folders) {
        let folder = folder?;
        if output.verbose || (!output.quiet && folders.len() <= PROGRESS_FROM) {
            eprint_line(format_args!(
                "wrote {} ({} files)",
                folder.display(),
                files.len()
            ));
        }
    }
    for file in index {
        write::write_file(&dir.join(&file.path), &file.bytes()?)?;
    }
    if !output.quiet && folders.len() > 1 {
        eprint_line(format_args!(
            "wrote {} briefs and {}",
            folders.len(),
            dir.join("index.html").display()
        ));
    }
    Ok(())
}

/// A progress bar on a terminal for long runs; hidden when piped, or unless the settings allow
/// one (not in CI, not with --quiet).
pub(super) fn progress_bar(total: usize, allowed: bool) -> ProgressBar {
    if !allowed || total < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} briefs {elapsed}") {
        bar.set_style(style);
    }
    bar
}
