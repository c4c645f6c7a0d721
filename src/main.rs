use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = ipobrief::cli::Cli::parse();
    match ipobrief::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ipobrief::exit_code_for(&error)
        }
    }
}
