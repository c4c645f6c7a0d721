//! Command-line arguments, as clap sees them. [`crate::settings`] turns them into validated
//! settings before any work starts.

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand};

use crate::input::Format;

const AFTER_HELP: &str = "\
Examples:
  ipobrief generate                          brief of the bundled Klarna example into reports/
  ipobrief generate acme.toml -o out/        brief of your company into out/acme/
  ipobrief metrics acme.toml > metrics.json  the metrics as JSON on standard output
  ipobrief metrics figures.csv --company \"name=Acme AB,currency=SEK\"

Exit codes: 0 ok, 1 a readiness check failed, 2 bad input or usage, 3 output could not be written.";

/// Turn a company's financial figures into an investor-readiness brief for an IPO.
#[derive(Debug, Parser)]
#[command(name = "ipobrief", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the computed metrics of one company as JSON on standard output.
    #[command(
        after_help = "Example:\n  ipobrief metrics examples/klarna.toml | jq '.periods[-1]'"
    )]
    Metrics {
        /// The company's figures: .toml, .json or .csv; `-` reads standard input.
        input: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        date: DateArgs,
    },
    /// Write the brief (Markdown, HTML, charts, metrics.json) of one or more companies.
    #[command(
        after_help = "Examples:\n  ipobrief generate\n  ipobrief generate acme.toml -o out/ --format md,json\n  ipobrief generate klarna.toml --peers paypal.toml affirm.toml --fx \"SEK=0.095\"\n\nWrites DIR/<company-slug>/brief.md, brief.html, metrics.json and charts/*.svg.\nWith no INPUT, the bundled example (Klarna) is used."
    )]
    Generate {
        /// The companies' figures (.toml, .json, .csv, .xlsx, .ods). None: the bundled example.
        inputs: Vec<PathBuf>,
        /// The folder to write into; each company gets a sub-folder named after it.
        #[arg(short, long, default_value = "reports")]
        output: PathBuf,
        #[command(flatten)]
        brief: BriefArgs,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        date: DateArgs,
    },
    /// Print the readiness scorecard; exit 1 when a criterion fails (for CI gates).
    #[command(
        after_help = "Examples:\n  ipobrief check examples/klarna.toml\n  ipobrief check a.toml b.toml --strict --format github\n  ipobrief check acme.toml --thresholds ci.toml --fail-on-warnings\n\nExit codes: 0 nothing fails, 1 a criterion fails (or, with --strict, is on watch), 2 bad input."
    )]
    Check {
        /// The companies' figures (.toml, .json, .csv, .xlsx, .ods). None: the bundled example.
        inputs: Vec<PathBuf>,
        /// Count "watch" as a failure too.
        #[arg(long)]
        strict: bool,
        /// Fail when a data warning is not acknowledged (and only then: other watches stay
        /// watches). The thresholds file's `fail_on_warnings = true` does the same.
        #[arg(long)]
        fail_on_warnings: bool,
        /// How to print the scorecard.
        #[arg(long, default_value = "text")]
        format: CheckFormat,
        /// Readiness thresholds (TOML): min_revenue_growth_pct, min_rule_of_40,
        /// min_fiscal_years, flat_margin_band_pp, fail_on_warnings. They win over a company's
        /// [readiness] table.
        #[arg(long, value_name = "FILE")]
        thresholds: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Preview the brief in a browser: generate, serve on 127.0.0.1, regenerate on every save.
    #[command(
        after_help = "Examples:\n  ipobrief serve acme.toml\n  ipobrief serve acme.toml --templates my-templates --open\n  ipobrief serve a.toml b.toml --port 0      any free port; the URL is printed\n\nGenerates into a temporary folder and serves it; watches every input, its peers, the\n--templates folder and the --thresholds file, regenerates on each save and reloads\nopen pages. A bad edit shows its error on the page until the next good save. Ctrl-C\nstops and removes the temporary folder. Exit codes: 0 stopped, 2 bad usage or the port is in use."
    )]
    Serve {
        /// The companies' figures (.toml, .json, .csv, .xlsx, .ods). None: the bundled example.
        inputs: Vec<PathBuf>,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on. Anything but 127.0.0.1 shows the brief to the network.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the brief in the default browser once it is served.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        brief: BriefArgs,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        date: DateArgs,
    },
    /// Compare periods of one company, or companies for one period, side by side.
    #[command(
        after_help = "Examples:\n  ipobrief compare examples/klarna.toml --periods 2024,2025\n  ipobrief compare examples/klarna.toml --periods latest-yoy\n  ipobrief compare examples/klarna.toml --periods latest-qoq -o out/\n  ipobrief compare acme.toml klarna.toml --period 2024\n  ipobrief compare acme.toml --periods 2025-Q3 --against budget\n\nChanges are each column against the first. With -o DIR, writes DIR/compare.md,\ncompare.html and compare.json. Money is never compared across currencies.\nExit codes: 0 ok, 2 bad input or usage (such as a period the input does not have)."
    )]
    Compare(CompareArgs),
    /// Turn figures published elsewhere into a company file (TOML) for the other commands.
    #[command(
        subcommand,
        after_help = "Example:\n  ipobrief import sec CIK0001640147.json --from 2021 --headcount 2025=7834 -o snowflake.toml"
    )]
    Import(ImportSource),
    /// Write a starter company file (commented TOML), and with --templates the built-in templates.
    #[command(
        after_help = "Examples:\n  ipobrief init                  writes ./company.toml\n  ipobrief init acme --templates writes acme/company.toml and acme/templates/*\n  ipobrief generate acme/company.toml --templates acme/templates\n\nExisting files are never overwritten without --force (exit 2)."
    )]
    Init {
        /// The folder to write into (created if needed).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Also write the built-in templates into DIR/templates/ for editing.
        #[arg(long)]
        templates: bool,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script on standard output.
    #[command(
        after_help = "Examples:\n  ipobrief completions bash > ~/.local/share/bash-completion/completions/ipobrief\n  ipobrief completions zsh > ~/.zfunc/_ipobrief\n  ipobrief completions fish > ~/.config/fish/completions/ipobrief.fish"
    )]
    Completions {
        /// The shell: bash, zsh, fish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) on standard output, or write all of them to a folder.
    #[command(
        after_help = "Examples:\n  ipobrief man > ipobrief.1 && man ./ipobrief.1\n  ipobrief man generate | man -l -\n  ipobrief man --dir /usr/local/share/man/man1   # ipobrief.1, ipobrief-generate.1, ..."
    )]
    Man {
        /// The command whose page to print, such as `generate` or `import sec`; none: the main page.
        command: Vec<String>,
        /// Write every page (the main one and one per command) into this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<std::path::PathBuf>,
    },
}

/// Where `ipobrief import` reads from.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// The SEC EDGAR companyfacts JSON of a listed company (XBRL, us-gaap or ifrs-full).
    #[command(
        after_help = "Examples:\n  ipobrief import sec snowflake-companyfacts.json -o snowflake.toml\n  ipobrief import sec CIK0001640147.json --from 2022 --quarters --headcount 2025=7834,2024=7004\n  ipobrief import sec facts.json | ipobrief metrics - --input-format toml\n\nFiscal years are named by the calendar year they end in (Snowflake's year ending\n2025-01-31 is 2025). Each figure's comment names its XBRL concept and filing."
    )]
    Sec {
        /// The companyfacts JSON file; `-` reads standard input.
        file: PathBuf,
        /// The first fiscal year to import.
        #[arg(long, value_name = "YEAR")]
        from: Option<i32>,
        /// Import quarters too (Q4 derived as the year minus Q1-Q3 where not filed).
        #[arg(long)]
        quarters: bool,
        /// Headcount at the end of a period, when the file has none: 2025=7834,2024=7004.
        #[arg(long, value_name = "PERIOD=N", value_delimiter = ',')]
        headcount: Vec<String>,
        /// Where to write the TOML; `-` (the default) is standard output.
        #[arg(short, long, value_name = "FILE", default_value = "-")]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// An aligned table, coloured on a terminal (NO_COLOR turns colour off).
    Text,
    /// The scorecards as JSON.
    Json,
    /// GitHub Actions annotations: ::error for a fail, ::warning for a watch.
    Github,
}

/// What a brief is made of and from: `generate` and `serve` take the same.
#[derive(Debug, Args, Clone)]
pub struct BriefArgs {
    /// What to write, comma-separated: md, html, json, xlsx (metrics.xlsx, the workbook with
    /// live formulas), pdf (brief.pdf; built with `--features pdf`).
    #[arg(long, value_delimiter = ',', default_value = "md,html,json,xlsx",
          value_parser = PossibleValuesParser::new(crate::report::output::names()))]
    pub format: Vec<String>,
    /// Chart files to write: svg, png or both (PNG uses the font built into the binary).
    #[arg(long, default_value = "svg")]
    pub charts: ChartFormat,
    /// A folder of templates overriding the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Readiness thresholds (TOML) for the scorecard section; they win over a company's
    /// [readiness] table.
    #[arg(long, value_name = "FILE")]
    pub thresholds: Option<PathBuf>,
    /// Comparable companies' files for the brief's Peers section (any input format);
    /// replaces the `peers` list of the company's [company] table.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub peers: Vec<PathBuf>,
    /// Exchange rates for peers in other currencies: units of the company's currency per
    /// unit of the other, e.g. "SEK=0.095,EUR=1.08". Without one, such amounts are not
    /// compared (ratios and percentages always are).
    #[arg(long, value_name = "RATES")]
    pub fx: Option<String>,
    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// Options of every command that reads input.
#[derive(Debug, Args, Clone, Default)]
pub struct ReadArgs {
    /// The input format, when the file extension does not tell (always for `-`).
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Company fields for inputs without a [company] table (CSV), or to override it:
    /// "name=Acme AB,currency=SEK,scale=millions".
    #[arg(long, value_name = "FIELDS")]
    pub company: Vec<String>,
    /// The worksheet with the periods (.xlsx, .xlsm, .xls, .ods); default: the first with a `label` column.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Periods in rows, or in columns (figures in rows, periods across) for CSV and
    /// spreadsheets; default: detected from the first row holding period labels.
    #[arg(long, value_name = "LAYOUT")]
    pub layout: Option<crate::input::Layout>,
}

/// The report date. Without it no date appears anywhere, so output is reproducible.
#[derive(Debug, Args, Clone, Default)]
pub struct DateArgs {
    /// Date the report "as of" (YYYY-MM-DD). Also taken from SOURCE_DATE_EPOCH.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// How PDFs are laid out and which standard they meet.
#[derive(Debug, Args, Clone, Default)]
pub struct PdfArgs {
    /// The PDF's paper size: a4 or letter.
    #[arg(long, value_name = "SIZE", default_value = "a4")]
    pub paper: Paper,
    /// Make the PDF conform to a standard: a-2b (PDF/A-2b, for archiving).
    #[arg(long, value_name = "STANDARD")]
    pub pdf_standard: Option<PdfStandard>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandard {
    #[value(name = "a-2b")]
    A2b,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormat {
    Svg,
    Png,
    Both,
}

/// What `compare --against` sets each period's actual figures beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AgainstArg {
    /// The budget approved before the period (`[period.budget]`).
    Budget,
}

/// `ipobrief compare`'s arguments.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// One company's figures (with --periods), or two or more companies (peers).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// One company's periods as columns: labels such as 2024,2025 or 2024-Q3,2025-Q3;
    /// or latest-yoy (the latest period against a year earlier) or latest-qoq (the latest
    /// quarter against the one before).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "PERIODS",
        conflicts_with = "period"
    )]
    pub periods: Vec<String>,
    /// The period to compare companies in: a label such as 2024, or latest (the latest
    /// period every input has; the default).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Set each period of --periods beside its budget ([period.budget]): actual, budget
    /// and the variance, favourable or unfavourable.
    #[arg(long, value_enum, value_name = "WHAT", conflicts_with = "period")]
    pub against: Option<AgainstArg>,
    /// Also write compare.md, compare.html and compare.json (and compare.pdf, when built
    /// with `--features pdf`) into this folder.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// A folder of templates overriding the built-in ones (compare.md.tera, compare.html.tera,
    /// compare.typ).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub pdf: PdfArgs,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub date: DateArgs,
}
