//! The `peers` list of comparable companies' files.

use super::super::locate::{FieldPath, Table};
use super::super::PeerRef;
use super::Checker;
use crate::diagnostic::InputError;

/// Most comparable companies in `peers`: a brief's table and charts stay readable.
pub const MAX_PEERS: usize = 12;

/// The `peers` list: each entry a file name, none empty or repeated; each keeps its position.
pub(super) fn peers(list: &[String], check: &Checker) -> Result<Vec<PeerRef>, InputError> {
    let at = |index: usize| FieldPath::item(Table::Company, &["peers"], index);
    if list.len() > MAX_PEERS {
        return Err(check
            .error(
                at(MAX_PEERS),
                format!(
                    "there are {} peers, more than the limit of {MAX_PEERS}",
                    list.len()
                ),
            )
            .with_help("list the closest comparable companies only"));
    }
    let mut out: Vec<PeerRef> = Vec::with_capacity(list.len());
    for (index, path) in list.iter().enumerate() {
        let path = path.trim();
        if path.is_empty() {
            return Err(check
                .error(at(index), "a peer's file name is empty")
                .with_help("write the file of a comparable company, relative to this file, e.g. peers = [\"peers/paypal.toml\"]"));
        }
        if out.iter().any(|p| p.path == path) {
            return Err(check
                .error(at(index), format!("the peer \"{path}\" is listed twice"))
                .with_help("list each comparable company once"));
        }
        out.push(PeerRef {
            path: path.to_string(),
            location: check.locator.locate(&at(index)),
        });
    }
    Ok(out)
}
