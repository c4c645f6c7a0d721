//! `ipobrief init [DIR]`: a starter company file with every field explained, and with
//! `--templates` the built-in templates written out for editing (like `mdbook init --theme`).
//! Existing files are never overwritten without `--force`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostic::{eprint_line, Output};
use crate::exit::UsageError;
use crate::report::templates::BUILT_IN;
use crate::settings::Init;

/// The starter company file: commented TOML that loads as it is.
pub const STARTER: &str = include_str!("starter.toml");

/// The file name of the starter inside DIR.
pub const STARTER_NAME: &str = "company.toml";

pub fn run(settings: &Init, output: Output) -> Result<ExitCode> {
    let Init {
        dir,
        templates,
        force,
    } = settings;
    let (templates, force) = (*templates, *force);
    let files = files(dir, templates);
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| path.exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        return Err(UsageError(format!(
            "refusing to overwrite {}: add --force to replace {}",
            existing.join(", "),
            if existing.len() == 1 { "it" } else { "them" }
        ))
        .into());
    }
    for (path, text) in &files {
        crate::write::write_file(path, text.as_bytes())?;
    }
    if !output.quiet {
        let starter = dir.join(STARTER_NAME);
        eprint_line(format_args!(
            "wrote {}{}; next: ipobrief generate {}",
            starter.display(),
            if templates {
                format!(
                    " and {} templates",
                    BUILT_IN.len() + crate::report::pdf::TEMPLATES.len()
                )
            } else {
                String::new()
            },
            starter.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `init` writes: the starter, and the templates under DIR/templates/.
fn files(dir: &Path, templates: bool) -> Vec<(PathBuf, &'static str)> {
    let mut files = vec![(dir.join(STARTER_NAME), STARTER)];
    if templates {
        let folder = dir.join("templates");
        files.extend(
            BUILT_IN
                .iter()
                .chain(crate::report::pdf::TEMPLATES)
                .map(|(name, text)| (folder.join(name), *text)),
        );
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, Format, ReadOptions};

    #[test]
    fn the_starter_loads() {
        let input = parse(
            STARTER,
            "company.toml",
            Format::Toml,
            &ReadOptions::default(),
        )
        .unwrap_or_else(|error| panic!("the starter is invalid:\n{error}"));
        assert_eq!(input.periods.len(), 2);
        assert!(input.plan.is_some());
    }

    #[test]
    fn the_starter_explains_every_field() {
        // Guards against a new input field that the starter never mentions.
        for field in crate::input::raw::COMPANY_FIELDS
            .iter()
            .chain(crate::input::PERIOD_FIELDS.iter())
            .chain(crate::input::raw::PLAN_FIELDS)
            .chain(crate::input::raw::READINESS_FIELDS)
        {
            assert!(STARTER.contains(field), "the starter lacks {field}");
        }
    }
}
