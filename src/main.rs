//! The binary: parse the arguments, run, and print an error once, in the format asked for.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = ipobrief::cli::Cli::parse();
    let format = ipobrief::settings::message_format(&cli);
    match ipobrief::run(cli) {
        Ok(code) => code,
        // The reader of standard output went away (`| head`): it has what it wanted.
        Err(error) if ipobrief::diagnostic::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => ipobrief::commands::errors::report(&error, format),
    }
}
