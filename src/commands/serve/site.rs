//! What `serve` serves: the latest generation of the briefs, or the error that stopped it.
//!
//! Each build renders through the pipeline, as `generate` does, and writes into a fresh numbered folder inside the
//! temporary folder; only then does the served folder switch to it (and the previous one goes),
//! so a request never sees half a site. Every build, good or bad, has a new generation number:
//! open pages listen for it and reload when it changes.

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Result;

use crate::commands::errors;
use crate::diagnostic::Output;
use crate::pipeline::{self, Briefs};
use crate::report::ReportSettings;
use crate::settings::{values, Serve};

use super::quote;

/// The state every request reads.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Counts builds from 1; 0 before the first.
    pub generation: u64,
    /// The folder of the last good build.
    pub root: Option<PathBuf>,
    /// The page `/` shows, inside `root`: `index.html` for several companies, else the brief.
    pub landing: Option<PathBuf>,
    /// The last build's error as the error page shows it (see [`quote`]); none when it
    /// succeeded.
    pub error: Option<String>,
    /// Set once on Ctrl-C: event streams end.
    pub stopping: bool,
}

/// The served site, shared by the request threads and the build loop.
pub struct Site {
    folder: PathBuf,
    state: Mutex<Snapshot>,
    changed: Condvar,
    /// The outputs' settings of the last build, kept while the templates are the built-in
    /// ones: they cannot change between saves, so they are parsed once, not on every save.
    outputs: Mutex<Option<ReportSettings>>,
}

impl Site {
    /// A site built into numbered folders inside `folder`.
    pub fn new(folder: &Path) -> Self {
        Site {
            folder: folder.to_path_buf(),
            state: Mutex::new(Snapshot::default()),
            changed: Condvar::new(),
            outputs: Mutex::new(None),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().clone()
    }

    /// Waits until the generation is no longer `seen` (or the server stops), at most `timeout`.
    pub fn wait_past(&self, seen: u64, timeout: Duration) -> Snapshot {
        let state = self.lock();
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |s| s.generation == seen && !s.stopping)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.clone()
    }

    pub fn stop(&self) {
        self.lock().stopping = true;
        self.changed.notify_all();
    }

    /// Generates again and makes the result (or its error) what is served. Returns the error's
    /// text when the build failed, as the terminal prints it; adds to `peer_files` the peers'
    /// files the build read (or failed on).
    pub fn rebuild(&self, settings: &mut Serve, peer_files: &mut Vec<PathBuf>) -> Option<String> {
        let generation = self.lock().generation + 1;
        let mut outputs = self.outputs.lock().unwrap_or_else(|p| p.into_inner());
        let built = build(
            settings,
            &mut outputs,
            &self.folder.join(generation.to_string()),
            peer_files,
        );
        drop(outputs);
        let mut state = self.lock();
        state.generation = generation;
        let outcome = match built {
            Ok((root, landing)) => {
                if let Some(previous) = state.root.replace(root) {
                    let _ = std::fs::remove_dir_all(previous);
                }
                state.landing = landing;
                state.error = None;
                None
            }
            Err(error) => {
                state.error = Some(quote::page_text(&error));
                Some(errors::text(&error))
            }
        };
        drop(state);
        self.changed.notify_all();
        outcome
    }

    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Renders the briefs as `generate` does (with the outputs' settings of the last build when
/// they still hold) and writes them into `into`; returns the folder and the landing page
/// inside it.
fn build(
    settings: &mut Serve,
    outputs: &mut Option<ReportSettings>,
    into: &Path,
    peer_files: &mut Vec<PathBuf>,
) -> Result<(PathBuf, Option<PathBuf>)> {
    (settings.generate.thresholds, settings.generate.warnings) =
        values::thresholds(settings.thresholds_file.as_deref())?;
    // Overrides may have been edited: they are read and parsed again on every build.
    let reused = outputs
        .take()
        .filter(|_| settings.generate.templates.is_none());
    let report_settings = match reused {
        Some(made) => made,
        None => pipeline::output_settings(&settings.generate)?,
    };
    let briefs = pipeline::render_with(&settings.generate, &report_settings, peer_files);
    *outputs = Some(report_settings);
    let briefs = briefs?;
    let quiet = Output {
        quiet: true,
        verbose: false,
    };
    let written = pipeline::write(&briefs, into, quiet);
    if written.is_err() {
        let _ = std::fs::remove_dir_all(into);
    }
    written?;
    Ok((into.to_path_buf(), landing(&briefs)))
}

/// The page `/` shows: the site index, else the one company's HTML brief, else its first file.
fn landing(briefs: &Briefs) -> Option<PathBuf> {
    if let Some(index) = briefs.index.iter().find(|f| f.path.ends_with("index.html")) {
        return Some(index.path.clone());
    }
    let (slug, files) = briefs.folders.first()?;
    let page = files
        .iter()
        .find(|f| f.path.ends_with("brief.html"))
        .or_else(|| files.iter().find(|f| f.path.ends_with("brief.md")))
        .or_else(|| files.first())?;
    Some(Path::new(slug).join(&page.path))
}
