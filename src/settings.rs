//! One validated settings value, made from the command-line arguments and the environment in
//! one place before any work starts (ripgrep's `LowArgs` -> `HiArgs`, just's
//! `Config::from_arguments`). Commands receive it and never see clap's types or read the
//! environment; outputs receive typed options of their own (`report::ChartFormat`).

pub mod values;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{self, BriefArgs, Cli, Command, ImportSource, ReadArgs};
use crate::diagnostic::{InputError, Output};
use crate::exit::usage;
use crate::import::sec;
use crate::input::ReadOptions;
/// What `generate` (and `serve`) asks of the pipeline.
pub use crate::pipeline::Generate;
use crate::report::pdf::{Paper, Standard};
use crate::report::{ChartFormat, Formats};
use crate::scorecard::Thresholds;

/// What the program was asked to do, checked.
#[derive(Debug)]
pub struct Settings {
    /// How much to print on standard error.
    pub output: Output,
    pub command: CommandSettings,
}

/// Each command's settings.
#[derive(Debug)]
pub enum CommandSettings {
    Metrics(Metrics),
    Generate(Generate),
    Serve(Serve),
    Check(Check),
    Compare(Compare),
    ImportSec(ImportSec),
    Init(Init),
    Completions(clap_complete::Shell),
    /// The command whose man page to print (empty: the main page), or a folder for all pages.
    Man {
        command: Vec<String>,
        dir: Option<PathBuf>,
    },
}

#[derive(Debug)]
pub struct Metrics {
    pub input: PathBuf,
    pub read: ReadOptions,
    pub as_of: Option<String>,
}

#[derive(Debug)]
pub struct Serve {
    /// What to generate, as `generate` would. Its `dir` is unused: serve writes into a
    /// temporary folder of its own, made when it starts, and its thresholds are read from
    /// `thresholds_file` on every regeneration (the defaults until then).
    pub generate: Generate,
    /// The thresholds file, watched and read again on each change.
    pub thresholds_file: Option<PathBuf>,
    /// 127.0.0.1 unless `--bind` says otherwise; port 0 picks a free one.
    pub address: std::net::SocketAddr,
    /// Open the page in the default browser.
    pub open: bool,
}

#[derive(Debug)]
pub struct Check {
    pub inputs: Vec<PathBuf>,
    pub strict: bool,
    pub format: CheckFormat,
    /// The thresholds file's, with `--fail-on-warnings` applied.
    pub thresholds: Thresholds,
    /// Warnings about the thresholds file, printed on standard error before the results.
    pub warnings: Vec<InputError>,
    pub read: ReadOptions,
}

#[derive(Debug)]
pub struct Compare {
    pub inputs: Vec<PathBuf>,
    /// One company's periods as columns (`--periods`), as given.
    pub periods: Vec<String>,
    /// The period to compare companies in (`--period`).
    pub period: Option<String>,
    /// Each period of `periods` beside its budget (`--against budget`).
    pub against: Option<crate::compare::against::Against>,
    pub dir: Option<PathBuf>,
    pub templates: Option<PathBuf>,
    pub read: ReadOptions,
    pub as_of: Option<String>,
    pub paper: Paper,
    pub pdf_standard: Option<Standard>,
}

#[derive(Debug)]
pub struct ImportSec {
    /// `-` is standard input.
    pub file: PathBuf,
    pub options: sec::Options,
    /// `-` is standard output.
    pub output: PathBuf,
}

#[derive(Debug)]
pub struct Init {
    pub dir: PathBuf,
    pub templates: bool,
    pub force: bool,
}

/// How `check` prints its results, and how any error is printed (`check --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// An aligned table on standard output; errors on standard error.
    Text,
    /// One JSON array on standard output: a scorecard or an error per input.
    Json,
    /// GitHub Actions annotations on standard output.
    Github,
}

/// The environment variables that change what the program does, read once.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// SOURCE_DATE_EPOCH: the report date when `--as-of` is not given.
    pub source_date_epoch: Option<String>,
    /// CI is set: no progress bar.
    pub in_ci: bool,
}

impl Environment {
    pub fn read() -> Self {
        Environment {
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
            in_ci: std::env::var_os("CI").is_some(),
        }
    }
}

/// How errors are printed: as `check --format` asks, else as text. Known before the settings
/// are checked, so an error in them is printed the same way.
pub fn message_format(cli: &Cli) -> CheckFormat {
    match &cli.command {
        Command::Check { format, .. } => check_format(*format),
        _ => CheckFormat::Text,
    }
}

impl Settings {
    /// Checks the arguments; an error is a usage or input error (exit 2).
    pub fn from_cli(cli: Cli, env: &Environment) -> Result<Settings> {
        let output = Output {
            quiet: cli.quiet,
            verbose: cli.verbose,
        };
        let as_of = |flag: Option<String>| report_date(flag, env);
        let command = match cli.command {
            Command::Metrics { input, read, date } => CommandSettings::Metrics(Metrics {
                input,
                read: read_options(read)?,
                as_of: as_of(date.as_of)?,
            }),
            Command::Generate {
                inputs,
                output: dir,
                brief,
                read,
                date,
            } => CommandSettings::Generate(generate_command(
                inputs, dir, brief, read, date.as_of, output, env,
            )?),
            Command::Serve {
                inputs,
                port,
                bind,
                open,
                brief,
                read,
                date,
            } => CommandSettings::Serve(serve(
                inputs,
                std::net::SocketAddr::new(bind, port),
                open,
                brief,
                read,
                date.as_of,
                env,
            )?),
            Command::Check {
                inputs,
                strict,
                fail_on_warnings,
                format,
                thresholds,
                read,
            } => CommandSettings::Check(check(
                inputs,
                strict,
                fail_on_warnings,
                format,
                thresholds,
                read,
            )?),
            Command::Compare(args) => CommandSettings::Compare(compare(args, env)?),
            other => tool_command(other)?,
        };
        Ok(Settings { output, command })
    }
}

/// `compare`'s settings, its options validated.
fn compare(args: crate::cli::CompareArgs, env: &Environment) -> Result<Compare> {
    let as_of = report_date(args.date.as_of, env)?;
    Ok(Compare {
        inputs: args.inputs,
        periods: args.periods,
        period: args.period,
        against: args.against.map(|against| match against {
            crate::cli::AgainstArg::Budget => crate::compare::against::Against::Budget,
        }),
        dir: args.output,
        templates: args.templates,
        paper: paper(args.pdf.paper),
        pdf_standard: pdf_standard(args.pdf.pdf_standard, as_of.as_deref())?,
        read: read_options(args.read)?,
        as_of,
    })
}

/// The settings of a command that reads no company file: `import`, `init`, `completions`
/// and `man`.
fn tool_command(command: Command) -> Result<CommandSettings> {
    Ok(match command {
        Command::Import(ImportSource::Sec {
            file,
            from,
            quarters,
            headcount,
            output,
        }) => CommandSettings::ImportSec(ImportSec {
            file,
            options: sec::Options {
                from,
                quarters,
                headcount: values::headcount(&headcount).map_err(usage)?,
            },
            output,
        }),
        Command::Init {
            dir,
            templates,
            force,
        } => CommandSettings::Init(Init {
            dir,
            templates,
            force,
        }),
        Command::Completions { shell } => CommandSettings::Completions(shell),
        Command::Man { command, dir } => CommandSettings::Man { command, dir },
        _ => unreachable!("the commands that read company files are settled in from_cli"),
    })
}

/// The report date: `--as-of`, else SOURCE_DATE_EPOCH (a bad one is a usage error).
fn report_date(flag: Option<String>, env: &Environment) -> Result<Option<String>> {
    values::as_of(flag.as_deref(), env.source_date_epoch.as_deref()).map_err(usage)
}

/// `generate`'s settings from its arguments: the thresholds file read, the progress bar
/// unless quiet or in CI.
fn generate_command(
    inputs: Vec<PathBuf>,
    dir: PathBuf,
    brief: BriefArgs,
    read: ReadArgs,
    as_of: Option<String>,
    output: Output,
    env: &Environment,
) -> Result<Generate> {
    let (thresholds, warnings) = values::thresholds(brief.thresholds.as_deref())?;
    Ok(Generate {
        thresholds,
        warnings,
        progress: !output.quiet && !env.in_ci,
        ..generate(inputs, dir, brief, read, report_date(as_of, env)?)?
    })
}

/// `serve`'s settings: inputs from files only (it watches them), the thresholds file kept to
/// read again when it changes.
fn serve(
    inputs: Vec<PathBuf>,
    address: std::net::SocketAddr,
    open: bool,
    brief: BriefArgs,
    read: ReadArgs,
    as_of: Option<String>,
    env: &Environment,
) -> Result<Serve> {
    if inputs.iter().any(|input| input.as_os_str() == "-") {
        return Err(usage(anyhow::anyhow!(
            "serve watches files for changes and cannot read standard input (`-`): give a file"
        )));
    }
    let thresholds_file = brief.thresholds.clone();
    Ok(Serve {
        generate: generate(
            inputs,
            PathBuf::new(),
            brief,
            read,
            report_date(as_of, env)?,
        )?,
        thresholds_file,
        address,
        open,
    })
}

/// `check`'s settings: the thresholds file read, `--fail-on-warnings` over it.
fn check(
    inputs: Vec<PathBuf>,
    strict: bool,
    fail_on_warnings: bool,
    format: cli::CheckFormat,
    thresholds: Option<PathBuf>,
    read: ReadArgs,
) -> Result<Check> {
    let (mut thresholds, warnings) = values::thresholds(thresholds.as_deref())?;
    if fail_on_warnings {
        let source = crate::scorecard::ThresholdSource::CommandLine;
        thresholds.fail_on_warnings.set(true, source);
    }
    Ok(Check {
        inputs,
        strict,
        format: check_format(format),
        read: read_options(read)?,
        thresholds,
        warnings,
    })
}

/// `generate`'s settings from its arguments, with the default thresholds and no progress bar.
fn generate(
    inputs: Vec<PathBuf>,
    dir: PathBuf,
    brief: BriefArgs,
    read: ReadArgs,
    as_of: Option<String>,
) -> Result<Generate> {
    Ok(Generate {
        inputs,
        dir,
        formats: output_formats(brief.format)?,
        paper: paper(brief.pdf.paper),
        pdf_standard: pdf_standard(brief.pdf.pdf_standard, as_of.as_deref())?,
        charts: chart_format(brief.charts),
        templates: brief.templates,
        thresholds: Thresholds::default(),
        warnings: Vec::new(),
        read: read_options(read)?,
        progress: false,
        peers: (!brief.peers.is_empty()).then_some(brief.peers),
        fx: crate::report::peers::Rates {
            rates: match &brief.fx {
                Some(text) => crate::report::peers::fx::parse(text)
                    .map_err(|e| usage(anyhow::anyhow!("--fx \"{text}\": {e}")))?,
                None => Vec::new(),
            },
            as_of: as_of.clone(),
        },
        as_of,
    })
}

fn read_options(args: ReadArgs) -> Result<ReadOptions> {
    Ok(ReadOptions {
        format: args.input_format,
        company_fields: values::company_fields(&args.company).map_err(usage)?,
        sheet: args.sheet,
        layout: args.layout,
    })
}

fn paper(paper: cli::Paper) -> Paper {
    match paper {
        cli::Paper::A4 => Paper::A4,
        cli::Paper::Letter => Paper::Letter,
    }
}

/// The PDF standard; PDF/A needs a document date, and the date comes only from the report date.
fn pdf_standard(
    standard: Option<cli::PdfStandard>,
    as_of: Option<&str>,
) -> Result<Option<Standard>> {
    match (standard, as_of) {
        (Some(_), None) => Err(crate::exit::UsageError(
            "--pdf-standard a-2b: PDF/A needs a document date; give one with --as-of YYYY-MM-DD \
             or SOURCE_DATE_EPOCH"
                .to_string(),
        )
        .into()),
        (standard, _) => Ok(standard.map(|cli::PdfStandard::A2b| Standard::A2b)),
    }
}

/// The outputs asked for, by the names of the brief's outputs; a PDF only from a binary built
/// with the feature `pdf`.
fn output_formats(formats: Vec<String>) -> Result<Formats> {
    crate::report::output::formats(&formats).map_err(|why| crate::exit::UsageError(why).into())
}

fn chart_format(format: cli::ChartFormat) -> ChartFormat {
    match format {
        cli::ChartFormat::Svg => ChartFormat::Svg,
        cli::ChartFormat::Png => ChartFormat::Png,
        cli::ChartFormat::Both => ChartFormat::Both,
    }
}

fn check_format(format: cli::CheckFormat) -> CheckFormat {
    match format {
        cli::CheckFormat::Text => CheckFormat::Text,
        cli::CheckFormat::Json => CheckFormat::Json,
        cli::CheckFormat::Github => CheckFormat::Github,
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn settings(args: &[&str], env: &Environment) -> Result<Settings> {
        let cli = Cli::try_parse_from(std::iter::once("ipobrief").chain(args.iter().copied()))?;
        Settings::from_cli(cli, env)
    }

    #[test]
    fn the_report_date_comes_from_the_environment_given() {
        // 1767225600 s since 1970 = 20454 days = 2026-01-01; --as-of wins over it.
        let env = Environment {
            source_date_epoch: Some("1767225600".into()),
            in_ci: false,
        };
        let Ok(Settings {
            command: CommandSettings::Metrics(metrics),
            ..
        }) = settings(&["metrics", "x.toml"], &env)
        else {
            panic!("metrics settings");
        };
        assert_eq!(metrics.as_of.as_deref(), Some("2026-01-01"));
        let Ok(Settings {
            command: CommandSettings::Compare(compare),
            ..
        }) = settings(
            &[
                "compare",
                "x.toml",
                "--periods",
                "a,b",
                "--as-of",
                "2025-06-30",
            ],
            &env,
        )
        else {
            panic!("compare settings");
        };
        assert_eq!(compare.as_of.as_deref(), Some("2025-06-30"));
    }

    #[test]
    fn generate_maps_formats_and_hides_progress_in_ci() {
        let env = Environment {
            source_date_epoch: None,
            in_ci: true,
        };
        let Ok(Settings {
            command: CommandSettings::Generate(generate),
            ..
        }) = settings(
            &["generate", "--format", "json,md", "--charts", "both"],
            &env,
        )
        else {
            panic!("generate settings");
        };
        assert_eq!(generate.formats.names(), ["json", "md"]);
        assert_eq!(generate.charts, ChartFormat::Both);
        assert!(!generate.progress);
        assert_eq!(generate.as_of, None);
    }

    #[test]
    fn bad_values_are_usage_errors() {
        let env = Environment::default();
        for args in [
            &["metrics", "x.toml", "--as-of", "2025-13-01"][..],
            &["metrics", "x.csv", "--company", "Acme"],
            &["import", "sec", "f.json", "--headcount", "2025"],
        ] {
            let error = settings(args, &env).expect_err("refused");
            assert!(
                error.downcast_ref::<crate::exit::UsageError>().is_some(),
                "{args:?}: {error:#}"
            );
        }
    }
}
