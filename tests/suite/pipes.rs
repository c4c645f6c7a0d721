//! Output whose reader has gone (`| head`, `2>&1 | head -1`): the binary never panics, and a
//! command that prints to standard output ends quietly with exit 0, as ripgrep does.

use crate::harness::{root, Stream, Test};

/// Regression (review): `generate ... 2>&1 | head -1` panicked in `eprintln!` (exit 101).
#[test]
fn a_closed_standard_error_neither_panics_nor_changes_the_exit_code() {
    Test::new()
        .copy("examples/klarna.toml", "klarna.toml")
        .example_peers()
        .args(["generate", "klarna.toml", "-o", "out"])
        .run_with_reader_gone(Stream::Stderr)
        .status(0)
        .present("out/klarna-group-plc/brief.md");
    // An error that cannot be printed still has its exit code.
    Test::new()
        .file("bad.toml", "[company\n")
        .args(["generate", "bad.toml", "-o", "out"])
        .run_with_reader_gone(Stream::Stderr)
        .status(2)
        .absent("out");
}

/// Regression (review): `check ... | head` printed "error: Broken pipe" and failed.
#[test]
fn every_command_printing_to_a_closed_standard_output_ends_quietly_with_exit_0() {
    let klarna = root().join("examples/klarna.toml");
    let klarna = klarna.to_string_lossy();
    let runs: [&[&str]; 7] = [
        &["check", &klarna],
        &["check", &klarna, "--format", "json"],
        &["check", &klarna, "--format", "github"],
        &["compare", &klarna, "--periods", "2023,2024"],
        &["metrics", &klarna],
        &["completions", "bash"],
        &["man"],
    ];
    for args in runs {
        Test::new()
            .args(args)
            .run_with_reader_gone(Stream::Stdout)
            .status(0)
            .stderr_lacks("Broken pipe")
            .stderr_lacks("panicked");
    }
}
