//! Finding and reading each brief's comparable companies: `--peers` (paths as given, for every
//! brief) or the company file's own `peers = [...]` (paths relative to that file). A missing
//! file, or a peer that is the company itself, is an error at the list entry (or the argument;
//! with several inputs, each brief leaves itself out of `--peers`);
//! an error inside a peer's file names that file. Each file is read once however many briefs
//! list it. The bundled example's peers are compiled in with it.

mod named;
mod read;

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Result;

use crate::exit::UsageError;
use crate::input::{self, CompanyInput};
use crate::metrics::Metrics;

pub use self::named::files;
use self::named::named;
use self::read::{is_itself, read_peer};

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
