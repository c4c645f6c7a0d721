//! `ipobrief check`: the readiness scorecard for CI. Every input is checked, and every result
//! and every error printed (an error does not hide the other inputs' results); the exit code is
//! the worst: 2 when an input is bad, else 1 when a criterion fails (with `--strict`, also on
//! watch; with `--fail-on-warnings` or `fail_on_warnings = true`, on an unacknowledged data
//! warning), else 0. Each criterion says where its threshold came from.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use serde::Serialize;

use super::errors::{escape_data, escape_property, write_annotation, ErrorEntry, Problem};
use crate::analysis::Analysis;
use crate::diagnostic::{eprint_line, InputError, Output};
use crate::input::Warning;
use crate::period::PeriodLabel;
use crate::pipeline::{analyse, load_each};
use crate::scorecard::{Criterion, Scorecard, Status, ThresholdSource};
use crate::settings::{Check, CheckFormat};

#[derive(Serialize)]
struct Report<'a> {
    company: &'a str,
    source: &'a str,
    scorecard: &'a Scorecard,
    /// Where each period's label is in the input, for the annotations' `line=`.
    #[serde(skip)]
    label_lines: &'a LabelLines,
    /// The unacknowledged data warnings when they fail the check (`--fail-on-warnings`), each
    /// listed so CI says which (JSON has them in the scorecard's figures and the brief).
    #[serde(skip)]
    failing_warnings: &'a [Warning],
}

/// A period label's line (or row) in its input, as the reader found it.
type LabelLines = HashMap<PeriodLabel, usize>;

/// What checking one input gave.
enum Outcome {
    Checked {
        company: String,
        source: String,
        scorecard: Scorecard,
        label_lines: LabelLines,
        failing_warnings: Vec<Warning>,
    },
    Invalid(InputError, Problem),
}

pub fn run(settings: &Check, output: Output) -> Result<ExitCode> {
    for warning in &settings.warnings {
        eprint_line(format_args!("warning: {warning}\n"));
    }
    let outcomes: Vec<Outcome> = load_each(&settings.inputs, &settings.read)
        .into_iter()
        .map(|loaded| match loaded {
            Ok(company) => {
                let analysis = analyse(&company, &settings.thresholds, None);
                Outcome::Checked {
                    failing_warnings: failing_warnings(&analysis),
                    scorecard: analysis.scorecard,
                    company: company.company.name,
                    source: company.source,
                    label_lines: company.label_lines,
                }
            }
            Err(error) => {
                let problem = Problem::from(&error);
                Outcome::Invalid(error, problem)
            }
        })
        .collect();
    for outcome in &outcomes {
        if let Outcome::Invalid(error, _) = outcome {
            eprint_line(format_args!("error: {error}\n"));
        }
    }
    let mut out = anstream::stdout().lock();
    match settings.format {
        CheckFormat::Json => write_json(&mut out, &outcomes)?,
        CheckFormat::Github => {
            for outcome in &outcomes {
                match outcome {
                    Outcome::Checked {
                        company,
                        source,
                        scorecard,
                        label_lines,
                        failing_warnings,
                    } => write_github(
                        &mut out,
                        &report(company, source, scorecard, label_lines, failing_warnings),
                    )?,
                    Outcome::Invalid(_, problem) => write_annotation(&mut out, problem)?,
                }
            }
        }
        CheckFormat::Text => {
            for outcome in &outcomes {
                if let Outcome::Checked {
                    company,
                    source,
                    scorecard,
                    label_lines,
                    failing_warnings,
                } = outcome
                {
                    write_text(
                        &mut out,
                        &report(company, source, scorecard, label_lines, failing_warnings),
                        settings.strict,
                        output.verbose,
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::from(worst_code(&outcomes, settings.strict)))
}

/// The unacknowledged data warnings, when they fail the "Data warnings" criterion.
fn failing_warnings(analysis: &Analysis) -> Vec<Warning> {
    let failed = analysis
        .scorecard
        .criteria
        .iter()
        .any(|c| c.id == "data_warnings" && c.status == Status::Fail);
    match failed {
        true => analysis
            .metrics
            .warnings
            .iter()
            .filter(|w| w.acknowledged.is_none())
            .cloned()
            .collect(),
        false => Vec::new(),
    }
}

/// 2 when an input could not be checked, else 1 when a scorecard fails, else 0.
fn worst_code(outcomes: &[Outcome], strict: bool) -> u8 {
    let code = |outcome: &Outcome| match outcome {
        Outcome::Invalid(..) => 2,
        Outcome::Checked { scorecard, .. } => u8::from(scorecard.failed_with(strict)),
    };
    outcomes.iter().map(code).max().unwrap_or(0)
}

fn report<'a>(
    company: &'a str,
    source: &'a str,
    scorecard: &'a Scorecard,
    label_lines: &'a LabelLines,
    failing_warnings: &'a [Warning],
) -> Report<'a> {
    Report {
        company,
        source,
        scorecard,
        label_lines,
        failing_warnings,
    }
}

/// One array in input order: a report for each input checked, an error entry for each not.
fn write_json(out: &mut impl Write, outcomes: &[Outcome]) -> Result<()> {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Entry<'a> {
        Checked(Report<'a>),
        Invalid(ErrorEntry<'a>),
    }
    let entries: Vec<Entry> = outcomes
        .iter()
        .map(|outcome| match outcome {
            Outcome::Checked {
                company,
                source,
                scorecard,
                label_lines,
                failing_warnings,
            } => Entry::Checked(report(
                company,
                source,
                scorecard,
                label_lines,
                failing_warnings,
            )),
            Outcome::Invalid(error, problem) => Entry::Invalid(ErrorEntry {
                source: Some(&error.file),
                error: problem,
            }),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    writeln!(out)?;
    Ok(())
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

/// A criterion's threshold with where it came from: beside every threshold not ipobrief's own
/// (">= 30% (thresholds file)"), and with `verbose` beside the defaults too.
fn sourced_threshold(criterion: &Criterion, verbose: bool) -> String {
    match (criterion.threshold_source, verbose) {
        (ThresholdSource::Default, false) => criterion.threshold.clone(),
        (source, _) => format!("{} ({})", criterion.threshold, source.words()),
    }
}

fn write_text(out: &mut impl Write, report: &Report, strict: bool, verbose: bool) -> Result<()> {
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
    let thresholds: Vec<String> = card
        .criteria
        .iter()
        .map(|c| sourced_threshold(c, verbose))
        .collect();
    let threshold_width = thresholds
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0);
    for (c, threshold) in card.criteria.iter().zip(&thresholds) {
        let s = style(c.status);
        writeln!(
            out,
            "  {s}{:<5}{s:#}  {:<name_width$}  {:>figure_width$}  {:<threshold_width$}  {}",
            word(c.status),
            c.name,
            c.figure,
            threshold,
            c.why
        )?;
        // The warnings that fail the check, under their criterion.
        let failing = report.failing_warnings.iter();
        for warning in failing.filter(|_| c.id == "data_warnings") {
            let at = warning
                .at
                .as_ref()
                .map_or(String::new(), |at| format!(" (--> {at})"));
            writeln!(out, "         {}: {}{at}", warning.kind, warning.message)?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// GitHub Actions workflow commands: a fail is an `::error`, a watch a `::warning`, on the file
/// and, for a verdict on one period's figures, on the line of that period's label.
fn write_github(out: &mut impl Write, report: &Report) -> Result<()> {
    for c in &report.scorecard.criteria {
        let level = match c.status {
            Status::Fail => "error",
            Status::Watch => "warning",
            Status::Pass => continue,
        };
        let line = c
            .line
            .or_else(|| c.period.and_then(|p| report.label_lines.get(&p).copied()))
            .map_or(String::new(), |line| format!(",line={line}"));
        writeln!(
            out,
            "::{level} file={}{line},title={}::{}",
            escape_property(report.source),
            escape_property(&format!("{}: {}", report.company, c.name)),
            escape_data(&format!(
                "{} (threshold {}): {}",
                c.figure, c.threshold, c.why
            ))
        )?;
    }
    for warning in report.failing_warnings {
        let line = warning
            .period
            .as_deref()
            .and_then(|period| PeriodLabel::parse(period).ok())
            .and_then(|period| report.label_lines.get(&period))
            .map_or(String::new(), |line| format!(",line={line}"));
        writeln!(
            out,
            "::error file={}{line},title={}::{}",
            escape_property(report.source),
            escape_property(&format!(
                "{}: data warning ({})",
                report.company, warning.kind
            )),
            escape_data(&warning.message)
        )?;
    }
    let card = report.scorecard;
    // A plain log line, never a workflow command: it starts with the tool's name, so a company
    // named "::add-mask::..." cannot make it one, and its data is escaped like a command's.
    writeln!(
        out,
        "ipobrief check: {}",
        escape_data(&format!(
            "{}: {} ({} pass, {} watch, {} fail)",
            report.company,
            word(card.status),
            card.passed,
            card.watch,
            card.failed
        ))
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{analyse, write_json, Outcome};
    use crate::input::{self, Format, ReadOptions};
    use crate::scorecard::Thresholds;

    /// The criteria of `check --format json` for one input: (id, figure, value).
    fn criteria(text: &str) -> Vec<(String, String, serde_json::Value)> {
        let company = input::parse(text, "a.toml", Format::Toml, &ReadOptions::default())
            .expect("a valid test company");
        let outcome = Outcome::Checked {
            scorecard: analyse(&company, &Thresholds::default(), None).scorecard,
            company: company.company.name,
            source: company.source,
            label_lines: company.label_lines,
            failing_warnings: Vec::new(),
        };
        let mut out = Vec::new();
        write_json(&mut out, &[outcome]).expect("JSON is written");
        let json: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
        json[0]["scorecard"]["criteria"]
            .as_array()
            .expect("a criteria list")
            .iter()
            .map(|c| {
                let text = |key: &str| c[key].as_str().unwrap_or_default().to_string();
                (text("id"), text("figure"), c["value"].clone())
            })
            .collect()
    }

    fn find<'a>(
        criteria: &'a [(String, String, serde_json::Value)],
        id: &str,
    ) -> (&'a str, Option<f64>) {
        let (_, figure, value) = criteria
            .iter()
            .find(|(key, ..)| key == id)
            .unwrap_or_else(|| panic!("no criterion {id}"));
        (figure, value.as_f64())
    }

    /// Each criterion's figure keeps its text and gains the number behind it as `value`.
    #[test]
    fn json_criteria_carry_the_number_beside_the_figure() {
        let klarna = criteria(include_str!("../../examples/klarna.toml"));
        let close = |(figure, value): (&str, Option<f64>), text: &str, expected: f64| {
            assert_eq!(figure, text);
            let value = value.unwrap_or_else(|| panic!("{text}: no value"));
            assert!(
                (value - expected).abs() < 1e-9,
                "{text}: {value} != {expected}"
            );
        };
        // Revenue 2,811 -> 3,509: 698 / 2811 = 24.831%.
        let growth = 698.0 / 2811.0 * 100.0;
        close(find(&klarna, "revenue_growth"), "24.8%", growth);
        // Plus the 2025 operating margin, -230 / 3509 = -6.555%: 18.276.
        close(
            find(&klarna, "rule_of_40"),
            "18.3",
            growth - 230.0 / 3509.0 * 100.0,
        );
        // -6.55% - (-121 / 2811 = -4.30%) = -2.25 pp, judged as shown: -2.3.
        close(find(&klarna, "operating_margin_trend"), "-2.3 pp", -2.3);
        close(find(&klarna, "fiscal_years_history"), "4 years", 4.0);

        // One year: no growth to judge, so n/a and null.
        let one_year = criteria(
            "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\
             [[period]]\nlabel = \"2024\"\nrevenue = 100\n",
        );
        assert_eq!(find(&one_year, "revenue_growth"), ("n/a", None));
        assert_eq!(
            find(&one_year, "fiscal_years_history"),
            ("1 year", Some(1.0))
        );
    }

    /// Trust II (10): the starter file's KPI printed as "341.6666666666667". Its figure is now
    /// presented as the brief shows money per customer (2024: SEK 500M / 1.4M customers =
    /// 357.142857... -> "SEK 357"),
    /// and the unrounded number stays in `value`.
    #[test]
    fn json_kpi_figures_are_presented_not_raw_floats() {
        let starter = criteria(include_str!("starter.toml"));
        let (figure, value) = find(&starter, "kpi.revenue_per_customer");
        assert_eq!(figure, "SEK 357");
        let value = value.expect("a value");
        assert!((value - 500.0 / 1.4).abs() < 1e-9, "{value}");
    }
}
