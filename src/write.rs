//! Writing a report folder atomically: everything goes to a temporary sibling folder that is
//! renamed into place at the end, so a failed or killed run never leaves a half-written report
//! and an existing report stays intact until the new one is complete.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// One file of a report: its path inside the report folder and its bytes.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: PathBuf,
    bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }

    /// The file's content.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Writes `files` into `parent/name/`, replacing any previous folder of that name whole.
/// Returns the folder written.
pub fn write_folder(parent: &Path, name: &str, files: &[OutputFile]) -> Result<PathBuf> {
    fs::create_dir_all(parent)
        .with_context(|| format!("cannot create the output folder {}", parent.display()))?;
    remove_debris(parent, name);
    let target = parent.join(name);
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = write_all(&staging, files).and_then(|()| swap_into_place(&staging, &target));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result.map(|()| target)
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<()> {
    if staging.exists() {
        fs::remove_dir_all(staging)?;
    }
    for file in files {
        // Paths come from the program, never from input, but refuse to leave the folder anyway.
        let safe = file
            .path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        anyhow::ensure!(
            safe,
            "refusing to write outside the report folder: {}",
            file.path.display()
        );
        let path = staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        fs::write(&path, file.bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn swap_into_place(staging: &Path, target: &Path) -> Result<()> {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    let old = target.with_file_name(format!(".{name}.old-{}", std::process::id()));
    let had_previous = target.exists();
    if had_previous {
        fs::rename(target, &old)
            .with_context(|| format!("cannot move the previous {} aside", target.display()))?;
    }
    if let Err(error) = fs::rename(staging, target) {
        if had_previous {
            let _ = fs::rename(&old, target);
        }
        return Err(error)
            .with_context(|| format!("cannot move the new report to {}", target.display()));
    }
    if had_previous {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Removes staging and set-aside folders that a killed earlier run left behind. If a run was
/// killed between moving the old report aside and moving the new one in, the old one is put back.
fn remove_debris(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let target = parent.join(name);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let is_ours = |kind: &str| file_name.starts_with(&format!(".{name}.{kind}-"));
        if is_ours("old") && !target.exists() {
            let _ = fs::rename(entry.path(), &target);
        } else if is_ours("tmp") || is_ours("old") {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Writes one file atomically (temporary sibling, then rename).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let staging = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    fs::write(&staging, bytes).with_context(|| format!("cannot write {}", staging.display()))?;
    fs::rename(&staging, path)
        .with_context(|| format!("cannot write {}", path.display()))
        .inspect_err(|_| {
            let _ = fs::remove_file(&staging);
        })
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
