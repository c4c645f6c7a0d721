//! `ipobrief check`: the readiness scorecard for CI. Exit 0 when nothing fails, 1 when a
//! criterion fails (with `--strict`, also on watch), 2 for bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use serde::Serialize;

use crate::cli::{CheckFormat, ReadArgs};
use crate::scorecard::{Scorecard, Status};
use crate::{analyse, load_all, settings, usage};

#[derive(Serialize)]
struct Report<'a> {
    company: &'a str,
    source: &'a str,
    scorecard: &'a Scorecard,
}

pub fn run(
    inputs: &[PathBuf],
    strict: bool,
    format: CheckFormat,
    thresholds: Option<&Path>,
    read: &ReadArgs,
) -> Result<ExitCode> {
    let options = settings::read_options(read).map_err(usage)?;
    let thresholds = settings::thresholds(thresholds)?;
    let companies = load_all(inputs, &options)?;
    let mut reports = Vec::new();
    let mut scorecards = Vec::new();
    for company in &companies {
        let analysis = analyse(company, &thresholds, None);
        scorecards.push((
            company.company.name.clone(),
            company.source.clone(),
            analysis.scorecard,
        ));
    }
    for (name, source, scorecard) in &scorecards {
        {
            reports.push(Report {
                company: name,
                source,
                scorecard,
            });
        }
    }
    let mut out = anstream::stdout().lock();
    match format {
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &reports)?;
            writeln!(out)?;
        }
        CheckFormat::Github => {
            for report in &reports {
                write_github(&mut out, report)?;
            }
        }
        CheckFormat::Text => {
            for report in &reports {
                write_text(&mut out, report, strict)?;
            }
        }
    }
    let failed = reports.iter().any(|r| r.scorecard.failed_with(strict));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn style(status: Status) -> Style {
    let colour = match status {
        Status::Pass => AnsiColor::Green,
        Status::Watch => AnsiColor::Yellow,
        Status::Fail => AnsiColor::Red,
    };
    Style::new().fg_color(Some(colour.into())).bold()
}

fn word(status: Status) -> &'static str {
    match status {
        Status::Pass => "PASS",
        Status::Watch => "WATCH",
        Status::Fail => "FAIL",
    }
}

fn write_text(out: &mut impl Write, report: &Report, strict: bool) -> Result<()> {
    let card = report.scorecard;
    let verdict = style(card.status);
    writeln!(
        out,
        "{} ({}): {verdict}{}{verdict:#}, {} pass, {} watch, {} fail{}",
        report.company,
        report.source,
        word(card.status),
        card.passed,
        card.watch,
        card.failed,
        if strict { " (strict: watch fails)" } else { "" }
    )?;
    let name_width = card
        .criteria
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    let figure_width = card
        .criteria
        .iter()
        .map(|c| c.figure.chars().count())
        .max()
        .unwrap_or(0);
    let threshold_width = card
        .criteria
        .iter()
        .map(|c| c.threshold.chars().count())
        .max()
        .unwrap_or(0);
    for c in &card.criteria {
        let s = style(c.status);
        writeln!(
            out,
            "  {s}{:<5}{s:#}  {:<name_width$}  {:>figure_width$}  {:<threshold_width$}  {}",
            word(c.status),
            c.name,
            c.figure,
            c.threshold,
            c.why
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// GitHub Actions workflow commands; `%`, CR and LF are escaped as the runner expects.
fn write_github(out: &mut impl Write, report: &Report) -> Result<()> {
    let escape_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let escape_property = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    for c in &report.scorecard.criteria {
        let level = match c.status {
            Status::Fail => "error",
            Status::Watch => "warning",
            Status::Pass => continue,
        };
        writeln!(
            out,
            "::{level} file={},title={}::{}",
            escape_property(report.source),
            escape_property(&format!("{}: {}", report.company, c.name)),
            escape_data(&format!(
                "{} (threshold {}): {}",
                c.figure, c.threshold, c.why
            ))
        )?;
    }
    let card = report.scorecard;
    writeln!(
        out,
        "{}: {} ({} pass, {} watch, {} fail)",
        report.company,
        word(card.status),
        card.passed,
        card.watch,
        card.failed
    )?;
    Ok(())
}
