//! Watching what a brief is made from: every input file, the peers' files, the thresholds file
//! and the templates folder. The peers a company file names are known only once it is read, so
//! each build's are added as it finds them (a peer no longer named stays watched: a change to
//! it only builds once more). Editors save by writing a new file and renaming it over the old
//! one, which ends a watch on the file itself, so the folders holding the files are watched and
//! their events kept for the files of interest. An editor's several writes of one save come as
//! one change through the debouncer.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::{Context, Result};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::diagnostic::eprint_line;
use crate::settings::Serve;

/// Writes closer together than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// What wakes the build loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A watched file changed.
    Changed,
    /// Ctrl-C (or a termination request): stop.
    Stop,
}

/// The files and folders a brief is made from, as absolute paths.
#[derive(Debug, Default)]
pub struct Watched {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

impl Watched {
    /// Every input, the thresholds file and the templates folder of `settings`. (The peers'
    /// files are added with [`Watcher::add`]: a missing one is the build's error to show.)
    pub fn of(settings: &Serve) -> Result<Watched> {
        let mut watched = Watched::default();
        let files = settings.generate.inputs.iter();
        for file in files.chain(settings.thresholds_file.as_ref()) {
            watched.files.push(absolute_file(file)?);
        }
        if let Some(folder) = &settings.generate.templates {
            let folder = folder.canonicalize().with_context(|| {
                format!("cannot watch the templates folder {}", folder.display())
            })?;
            watched.folders.push(folder);
        }
        Ok(watched)
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.folders.is_empty()
    }

    /// Whether a change at `path` changes the brief.
    pub fn concerns(&self, path: &Path) -> bool {
        self.files.iter().any(|file| file == path)
            || self.folders.iter().any(|folder| path.starts_with(folder))
    }

    /// Starts watching; each change is a [`Signal::Changed`] on `signals` (for as long as the
    /// returned watcher lives).
    pub fn start(self, signals: Sender<Signal>) -> Result<Watcher> {
        let folders = self.folders.clone();
        let files = self.files.clone();
        let watched = Arc::new(Mutex::new(self));
        let concerned = Arc::clone(&watched);
        let debouncer = new_debouncer(DEBOUNCE, None, move |events: DebounceEventResult| {
            match events {
                // Reading a file (as every build does) is an event too: only changes count.
                Ok(events) => {
                    let watched = lock(&concerned);
                    let changed = events.iter().any(|event| {
                        !matches!(event.kind, EventKind::Access(_))
                            && event.paths.iter().any(|path| watched.concerns(path))
                    });
                    if changed {
                        let _ = signals.send(Signal::Changed);
                    }
                }
                Err(errors) => {
                    for error in errors {
                        eprint_line(format_args!("warning: watching files: {error}"));
                    }
                }
            }
        })
        .context("cannot watch files for changes")?;
        let mut watcher = Watcher {
            debouncer,
            watched,
            parents: Vec::new(),
        };
        for folder in &folders {
            watcher
                .debouncer
                .watch(folder, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {} for changes", folder.display()))?;
        }
        for file in &files {
            watcher.watch_parent(file)?;
        }
        Ok(watcher)
    }
}

/// Files being watched, and more can be added.
pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    watched: Arc<Mutex<Watched>>,
    /// The folders watched for the files in them.
    parents: Vec<PathBuf>,
}

impl Watcher {
    /// Watches `files` too (paths as a build read them), from now on. One that cannot be
    /// watched (its folder is missing: the build says so) is left out.
    pub fn add(&mut self, files: &[PathBuf]) {
        for file in files {
            let Ok(file) = absolute_file(file) else {
                continue;
            };
            if lock(&self.watched).files.contains(&file) {
                continue;
            }
            if let Err(error) = self.watch_parent(&file) {
                eprint_line(format_args!("warning: {error:#}"));
                continue;
            }
            lock(&self.watched).files.push(file);
        }
    }

    /// Watches the folder holding `file` (an absolute path), once.
    fn watch_parent(&mut self, file: &Path) -> Result<()> {
        let Some(parent) = file.parent() else {
            return Ok(());
        };
        if self.parents.iter().any(|p| p == parent) {
            return Ok(());
        }
        self.debouncer
            .watch(parent, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {} for changes", parent.display()))?;
        self.parents.push(parent.to_path_buf());
        Ok(())
    }
}

fn lock(watched: &Mutex<Watched>) -> MutexGuard<'_, Watched> {
    watched
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A file's absolute path through its folder's real path: the file itself may be missing for a
/// moment while an editor saves it.
fn absolute_file(file: &Path) -> Result<PathBuf> {
    let parent = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = file
        .file_name()
        .with_context(|| format!("{} is not a file name to watch", file.display()))?;
    let parent = parent
        .canonicalize()
        .with_context(|| format!("cannot watch {}: its folder is missing", file.display()))?;
    Ok(parent.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_to_the_inputs_and_templates_count_and_others_do_not() {
        let watched = Watched {
            files: vec![PathBuf::from("/w/acme.toml"), PathBuf::from("/t/th.toml")],
            folders: vec![PathBuf::from("/w/templates")],
        };
        assert!(watched.concerns(Path::new("/w/acme.toml")));
        assert!(watched.concerns(Path::new("/t/th.toml")));
        assert!(watched.concerns(Path::new("/w/templates/brief.html.tera")));
        assert!(!watched.concerns(Path::new("/w/acme.toml.swp")));
        assert!(!watched.concerns(Path::new("/w/other.toml")));
        assert!(!watched.concerns(Path::new("/w/templatesx/a")));
    }
}
