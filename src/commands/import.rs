//! `ipobrief import sec FILE`: a listed company's SEC filings as a company file (TOML), so a
//! peer can be briefed and compared in one step. The TOML goes to standard output or `-o FILE`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostic::{eprint_line, InputError};
use crate::import::sec;
use crate::input::{read_limited, Format, ReadOptions};
use crate::settings::ImportSec;

/// The largest companyfacts file read; the largest filers' files are a few tens of MiB.
const MAX_FACTS_BYTES: usize = 256 * 1024 * 1024;

pub fn run(settings: &ImportSec) -> Result<ExitCode> {
    let display = settings.file.display().to_string();
    let text = read(&settings.file, &display)?;
    let imported = sec::import(&text, &display, &settings.options)?;
    for warning in imported.warnings() {
        eprint_line(warning);
    }
    let toml = imported.toml;
    // The import must load like any company file; if not, say so before writing, about the
    // JSON that was read (the TOML is never written).
    crate::input::parse(&toml, &display, Format::Toml, &ReadOptions::default())
        .map_err(|error| sec::validation_error(error, &text, &display))?;
    write_output(&settings.output, toml.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path, display: &str) -> Result<String, InputError> {
    let bytes = read_limited(
        path,
        display,
        MAX_FACTS_BYTES,
        "give one company's companyfacts JSON from the SEC",
    )?;
    let text = String::from_utf8(bytes)
        .map_err(|_| InputError::new(display, "the file is not UTF-8 text (JSON expected)"))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// Writes to standard output for `-`, else to the file, atomically.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(bytes)?;
        return Ok(stdout.flush()?);
    }
    crate::write::write_file(path, bytes)
}
