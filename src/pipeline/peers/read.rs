//! Reading one peer's file (or the bundled example's copy) into its metrics, and the checks
//! that it is a file to read and not the company itself.

use std::path::Path;

use anyhow::Result;

use super::named::Named;
use crate::input::{self, example, CompanyInput, ReadOptions};
use crate::metrics::{self, Metrics};

pub(super) fn read_peer(path: &Path, named: &Named, bundled: bool) -> Result<Metrics> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let embedded = bundled
        .then(|| example::PEERS.iter().find(|(p, _)| *p == shown))
        .flatten();
    let input = match embedded {
        Some((name, text)) => {
            input::parse(text, name, input::Format::Toml, &ReadOptions::default())?
        }
        None => {
            if let Some(what) = not_a_file(path) {
                let (written, help) = match named {
                    Named::List { written, .. } => (
                        format!("\"{written}\" "),
                        "a peer's path is relative to the company's file; give the file of a comparable company",
                    ),
                    Named::Argument(_) => (
                        String::new(),
                        "a path given with --peers is relative to the working folder; give the file of a comparable company",
                    ),
                };
                return Err(named.error(format!("the peer file {written}{what}"), help));
            }
            input::load(path, &ReadOptions::default())?
        }
    };
    Ok(metrics::compute(&input))
}

/// What a peer's path is when it is not a file to read, in words that follow "the peer
/// file ...": missing, a folder, a device or pipe, a loop of links; None for a regular file.
fn not_a_file(path: &Path) -> Option<String> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Some(format!("is not found: there is no file {shown}"));
        }
        // A loop of symbolic links, a folder that may not be read, ...: the system's words.
        Err(error) => return Some(format!("{shown} cannot be opened: {error}")),
    };
    if metadata.is_file() {
        return None;
    }
    if metadata.is_dir() {
        return Some(format!("{shown} is a folder, not an input file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        let what = if kind.is_fifo() {
            "a named pipe"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else if kind.is_socket() {
            "a socket"
        } else {
            "not a regular file"
        };
        return Some(format!("{shown} is {what}, not an input file"));
    }
    #[allow(unreachable_code)]
    Some(format!("{shown} is not a regular file"))
}

/// Whether a peer is the company itself: the same file, or a file of the same company name.
pub(super) fn is_itself(company: &CompanyInput, path: &Path, peer: &Metrics) -> bool {
    let same_file = match (
        std::fs::canonicalize(path),
        std::fs::canonicalize(&company.source),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same_file || peer.company.slug == company.company.slug
}
