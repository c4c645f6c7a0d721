//! Writing a report folder atomically: everything goes to a temporary sibling folder that is
//! renamed into place at the end, so a failed or killed run never leaves a half-written report
//! and an existing report stays intact until the new one is complete.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};

/// One file of a report: its path inside the report folder and its content.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: PathBuf,
    content: Content,
}

#[derive(Debug, Clone)]
enum Content {
    Bytes(Vec<u8>),
    /// Written to a temporary file as it was made (a long history's `metrics.json` and
    /// workbook, hundreds of megabytes held in memory otherwise until the folder is written);
    /// the file is removed with the last copy of this.
    Spilled(Arc<tempfile::TempPath>),
}

impl OutputFile {
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(bytes.into()),
        }
    }

    /// A file whose content `write` writes straight to a temporary file in the system's
    /// temporary folder, so it is never held in memory.
    pub fn spilled(
        path: impl Into<PathBuf>,
        write: impl FnOnce(&mut BufWriter<File>) -> Result<()>,
    ) -> Result<Self> {
        let (file, temporary) = tempfile::NamedTempFile::new()
            .context(
                "cannot create a temporary file in the system's temporary folder (TMPDIR), \
                 which a long history's largest files are written through",
            )?
            .into_parts();
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        out.flush()
            .context("cannot write to the system's temporary folder (TMPDIR)")?;
        Ok(OutputFile {
            path: path.into(),
            content: Content::Spilled(Arc::new(temporary)),
        })
    }

    /// The file's content (read back when it was written to a temporary file).
    pub fn bytes(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match &self.content {
            Content::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            Content::Spilled(temporary) => fs::read(&**temporary).map(Cow::Owned),
        }
    }

    /// Writes the content to the file `to`.
    pub fn write_to(&self, to: &Path) -> std::io::Result<()> {
        match &self.content {
            Content::Bytes(bytes) => fs::write(to, bytes),
            // Copied into a file made as any other (`fs::copy` would keep the temporary
            // file's private permissions).
            Content::Spilled(temporary) => {
                let mut from = File::open(&**temporary)?;
                std::io::copy(&mut from, &mut File::create(to)?).map(|_| ())
            }
        }
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
        file.write_to(&path)
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
