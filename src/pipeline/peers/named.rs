//! Where each brief's peers are named: an entry of the company's own `peers` list (relative to
//! its file) or `--peers` (as given), so an error points at the entry or the argument.

use std::path::{Path, PathBuf};

use crate::diagnostic::{InputError, Location};
use crate::exit::UsageError;
use crate::input::CompanyInput;

/// Where a peer is named, for errors: an entry of the company's list, or `--peers`.
pub(super) enum Named<'a> {
    List {
        company: &'a CompanyInput,
        written: &'a str,
        location: Option<&'a Location>,
    },
    Argument(&'a Path),
}

impl Named<'_> {
    pub(super) fn error(&self, message: String, help: &str) -> anyhow::Error {
        match self {
            Named::List {
                company, location, ..
            } => InputError::new(&company.source, message)
                .at(location.cloned())
                .with_help(help)
                .into(),
            Named::Argument(path) => {
                UsageError(format!("--peers {}: {message}; {help}", path.display())).into()
            }
        }
    }
}

/// The peers' files of every company, each once, in the order [`load`](super::load) reads them: what
/// `serve` watches. None for the bundled example, whose peers are compiled in.
pub fn files(companies: &[CompanyInput], cli: Option<&[PathBuf]>, bundled: bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    if bundled {
        return files;
    }
    for company in companies {
        for (path, _) in named(company, cli) {
            if !files.contains(&path) {
                files.push(path);
            }
        }
    }
    files
}

/// The files of `company`'s peers, with where each is named.
pub(super) fn named<'a>(
    company: &'a CompanyInput,
    cli: Option<&'a [PathBuf]>,
) -> Vec<(PathBuf, Named<'a>)> {
    match cli {
        Some(paths) => paths
            .iter()
            .map(|p| (p.clone(), Named::Argument(p)))
            .collect(),
        None => company
            .company
            .peers
            .iter()
            .map(|peer| {
                let folder = Path::new(&company.source).parent().unwrap_or(Path::new(""));
                (
                    folder.join(&peer.path),
                    Named::List {
                        company,
                        written: &peer.path,
                        location: peer.location.as_ref(),
                    },
                )
            })
            .collect(),
    }
}
