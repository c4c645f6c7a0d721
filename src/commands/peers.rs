//! Finding and reading each brief's comparable companies: `--peers` (paths as given, for every
//! brief) or the company file's own `peers = [...]` (paths relative to that file). A missing
//! file, or a peer that is the company itself, is an error at the list entry (or the argument;
//! with several inputs, each brief leaves itself out of `--peers`);
//! an error inside a peer's file names that file. Each file is read once however many briefs
//! list it. The bundled example's peers are compiled in with it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::diagnostic::{InputError, Location};
use crate::input::{self, CompanyInput, ReadOptions};
use crate::metrics::{self, Metrics};
use crate::UsageError;

/// The peers of every company: the metrics of each distinct peer file, and for each company
/// (in input order) the indexes of its peers.
#[derive(Default)]
pub struct PeerSets {
    pub metrics: Vec<Metrics>,
    pub of: Vec<Vec<usize>>,
}

impl PeerSets {
    /// The peers of the `index`-th company; None when it has none.
    pub fn of_company(&self, index: usize) -> Option<Vec<&Metrics>> {
        let list = self.of.get(index)?;
        (!list.is_empty()).then(|| list.iter().map(|&i| &self.metrics[i]).collect())
    }
}

/// Where a peer is named, for errors: an entry of the company's list, or `--peers`.
enum Named<'a> {
    List {
        company: &'a CompanyInput,
        written: &'a str,
        location: Option<&'a Location>,
    },
    Argument(&'a Path),
}

impl Named<'_> {
    fn error(&self, message: String, help: &str) -> anyhow::Error {
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

/// The peers' files of every company, each once, in the order [`load`] reads them: what
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
fn named<'a>(company: &'a CompanyInput, cli: Option<&'a [PathBuf]>) -> Vec<(PathBuf, Named<'a>)> {
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

/// Reads the peers of every company. `cli` is `--peers`; `bundled` says the companies are the
/// bundled example, whose peers are compiled in.
pub fn load(
    companies: &[CompanyInput],
    cli: Option<&[PathBuf]>,
    bundled: bool,
) -> Result<PeerSets> {
    if let Some(paths) = cli.filter(|p| p.len() > input::MAX_PEERS) {
        return Err(UsageError(format!(
            "--peers names {} files, more than the limit of {}: compare with the closest \
             listed companies",
            paths.len(),
            input::MAX_PEERS
        ))
        .into());
    }
    let mut sets = PeerSets::default();
    // Keyed by the file's canonical path, so `p.toml`, `./p.toml` and `../dir/p.toml` are one
    // peer, read once, in one column.
    let mut read: HashMap<PathBuf, usize> = HashMap::new();
    for company in companies {
        let named = named(company, cli);
        let mut indexes = Vec::with_capacity(named.len());
        for (path, named) in named {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            let index = match read.get(&key) {
                Some(&index) => index,
                None => {
                    let metrics = read_peer(&path, &named, bundled)?;
                    sets.metrics.push(metrics);
                    read.insert(key, sets.metrics.len() - 1);
                    sets.metrics.len() - 1
                }
            };
            if is_itself(company, &path, &sets.metrics[index]) {
                // `generate a.toml b.toml --peers a.toml b.toml`: each brief has the others.
                if cli.is_some() && companies.len() > 1 {
                    continue;
                }
                return Err(named.error(
                    format!(
                        "the peer {} is {} itself",
                        path.to_string_lossy().replace('\\', "/"),
                        company.company.name
                    ),
                    "list other companies as peers, not the company the brief is about",
                ));
            }
            if !indexes.contains(&index) {
                indexes.push(index);
            }
        }
        sets.of.push(indexes);
    }
    Ok(sets)
}

fn read_peer(path: &Path, named: &Named, bundled: bool) -> Result<Metrics> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let embedded = bundled
        .then(|| crate::EXAMPLE_PEERS.iter().find(|(p, _)| *p == shown))
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
fn is_itself(company: &CompanyInput, path: &Path, peer: &Metrics) -> bool {
    let same_file = match (
        std::fs::canonicalize(path),
        std::fs::canonicalize(&company.source),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same_file || peer.company.slug == company.company.slug
}
