//! `ipobrief completions SHELL` and `ipobrief man`: shell completion scripts and the man page,
//! generated from the same clap definition as the parser, so they never fall out of date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::Cli;
use crate::diagnostic::eprint_line;
use crate::exit::usage;

/// Prints the completion script for `shell` on standard output.
pub fn run(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "ipobrief", &mut script);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page of `command` (the main page when empty) on standard output, or with
/// `dir` writes every page there, named as `man` looks them up (`ipobrief-generate.1`).
pub fn man(command: &[String], dir: Option<&Path>) -> Result<ExitCode> {
    let mut root = Cli::command()
        .disable_help_subcommand(true)
        .propagate_version(true);
    root.build();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(root, dir))
            .with_context(|| format!("cannot write the man pages to {}", dir.display()))?;
        eprint_line(format_args!("wrote the man pages to {}", dir.display()));
        return Ok(ExitCode::SUCCESS);
    }
    let mut page_of = root;
    for name in command {
        let names: Vec<String> = page_of
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        page_of = match page_of.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                return Err(usage(anyhow::anyhow!(
                    "no command \"{}\" to show a man page of; the commands are {}",
                    command.join(" "),
                    names.join(", ")
                )))
            }
        };
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(page_of).render(&mut page)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&page)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
