//! `ipobrief import sec FILE`: a listed company's SEC filings as a company file (TOML), so a
//! peer can be briefed and compared in one step. The TOML goes to standard output or `-o FILE`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use rust_decimal::Decimal;

use crate::cli::ImportSource;
use crate::diagnostic::InputError;
use crate::import::sec;
use crate::input::raw::parse_decimal;
use crate::input::{Format, ReadOptions};
use crate::period::PeriodLabel;
use crate::usage;

/// The largest companyfacts file read; the largest filers' files are a few tens of MiB.
const MAX_FACTS_BYTES: u64 = 256 * 1024 * 1024;

pub fn run(source: ImportSource) -> Result<ExitCode> {
    match source {
        ImportSource::Sec {
            file,
            from,
            quarters,
            headcount,
            output,
        } => {
            let options = sec::Options {
                from,
                quarters,
                headcount: headcount_values(&headcount).map_err(usage)?,
            };
            let display = file.display().to_string();
            let text = read(&file, &display)?;
            let imported = sec::import(&text, &display, &options)?;
            if let Some(warning) = imported.warning() {
                eprintln!("{warning}");
            }
            let toml = imported.toml;
            // The import must load like any company file; if not, say so before writing.
            crate::input::parse(&toml, &display, Format::Toml, &ReadOptions::default())
                .context("the imported figures do not pass validation")?;
            write_output(&output, toml.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `--headcount 2025=7834,2024-Q4=7800` as period labels and counts.
pub fn headcount_values(values: &[String]) -> Result<Vec<(PeriodLabel, Decimal)>> {
    values
        .iter()
        .filter(|value| !value.trim().is_empty())
        .map(|value| {
            let (label, count) = value.split_once('=').ok_or_else(|| {
                anyhow!("--headcount expects PERIOD=N such as 2025=7834, found \"{value}\"")
            })?;
            let label = PeriodLabel::parse(label)
                .map_err(|error| anyhow!("--headcount {value}: {}", error.0))?;
            let count =
                parse_decimal(count).map_err(|error| anyhow!("--headcount {value}: {error}"))?;
            if count.is_sign_negative() && !count.is_zero() {
                return Err(anyhow!(
                    "--headcount {value}: a headcount cannot be negative"
                ));
            }
            Ok((label, count))
        })
        .collect()
}

fn read(path: &Path, display: &str) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    let result = if display == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_FACTS_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|file| file.take(MAX_FACTS_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|error| InputError::new(display, format!("cannot read the file: {error}")))?;
    if bytes.len() as u64 > MAX_FACTS_BYTES {
        return Err(InputError::new(
            display,
            format!(
                "the file is larger than the limit of {} MiB",
                MAX_FACTS_BYTES >> 20
            ),
        ));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headcount_values_are_labels_and_counts() {
        let values = headcount_values(&["2025=7834".into(), "2024-q4=7800".into()]).unwrap();
        assert_eq!(values[0], (PeriodLabel::year(2025), Decimal::from(7834)));
        assert_eq!(
            values[1],
            (PeriodLabel::quarter(2024, 4), Decimal::from(7800))
        );
        assert!(headcount_values(&["2025".into()]).is_err());
        assert!(headcount_values(&["2025=-3".into()]).is_err());
    }
}
