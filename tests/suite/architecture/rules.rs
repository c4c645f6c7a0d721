//! The floors of `ARCHITECTURE.md` as data, and the rule an import breaks.

use std::collections::BTreeSet;

use super::imports::{SourceFile, Src};
use super::tokens;
use crate::harness::root;

/// The floors, bottom first, and the top-level modules of `src/` on each.
const FLOORS: &[(&str, &[&str])] = &[
    (
        "ground",
        &["money", "period", "format", "diagnostic", "write", "exit"],
    ),
    ("input", &["input", "import"]),
    ("metrics", &["metrics"]),
    ("analysis", &["analysis", "plan", "scorecard"]),
    ("outputs", &["report", "outputs", "compare"]),
    ("pipeline", &["pipeline"]),
    ("face", &["main", "cli", "commands", "settings"]),
];

/// Modules of `commands/` that are not commands but shared by them (how errors print).
const SHARED_BY_COMMANDS: &[&str] = &["errors"];

/// The floor of a top-level module, bottom 0.
fn floor(module: &str) -> Option<usize> {
    FLOORS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The rule an import breaks, if any.
pub fn broken_rule(src: &Src, file: &SourceFile, import: &[String]) -> Option<String> {
    let target = import[0].as_str();
    let Some(from) = file.module.first().map(String::as_str) else {
        return None; // lib.rs declares and re-exports: see lib_items
    };
    if !src.is_module(target) {
        return (from != "main").then(|| {
            format!(
                "imports `{target}` from lib.rs, which holds no items: import it from its module"
            )
        });
    }
    let (Some(mine), Some(theirs)) = (floor(from), floor(target)) else {
        let unknown = if floor(from).is_none() { from } else { target };
        return Some(format!(
            "`{unknown}` is on no floor: add it to ARCHITECTURE.md and FLOORS"
        ));
    };
    if theirs > mine {
        let (name, above) = (FLOORS[mine].0, FLOORS[theirs].0);
        return Some(format!(
            "the {name} floor never imports the {above} floor above it"
        ));
    }
    let command = |module: &[String]| match module {
        [first, command, ..]
            if first == "commands" && !SHARED_BY_COMMANDS.contains(&command.as_str()) =>
        {
            Some(command.clone())
        }
        _ => None,
    };
    match (command(&file.module), command(import)) {
        (Some(mine), Some(theirs)) if mine != theirs => Some(
            "a command never imports another command: move what they share to the pipeline".into(),
        ),
        _ => None,
    }
}

/// Each item `lib.rs` holds other than module declarations and re-exports.
pub fn lib_items() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs is read");
    let kinds: BTreeSet<String> = tokens::top_level_items(&text).into_iter().collect();
    kinds
        .iter()
        .filter(|kind| !matches!(kind.as_str(), "mod" | "use"))
        .map(|kind| format!("src/lib.rs: holds a `{kind}`: lib.rs declares modules and re-exports, nothing else"))
        .collect()
}
