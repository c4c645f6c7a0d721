//! Reading a company's figures: TOML, JSON or CSV in, one validated [`CompanyInput`] out.
//!
//! Each format has a reader (`parse` from a string) and a locator that maps a field back to
//! its position in the text, so validation errors can point at the offending line.

mod acknowledge;
mod amount;
mod cell;
mod columns;
mod cost_sign;
pub(crate) mod csv;
mod csv_columns;
mod csv_delimiter;
pub mod example;
mod figures;
pub mod formula;
mod json;
mod kpi;
mod locate;
mod names;
pub mod non_gaap;
mod non_gaap_definitions;
mod non_gaap_measure;
mod non_gaap_operands;
#[cfg(test)]
mod non_gaap_tests;
mod percent;
pub mod plan_actual;
pub mod raw;
mod raw_guidance;
mod raw_non_gaap;
mod read;
mod sheet;
mod toml;
mod validate;
mod warning;
mod years;

use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostic::InputError;
use crate::period::PeriodLabel;

pub use acknowledge::{apply as acknowledge, Acknowledgement};
pub use columns::Layout;
pub use cost_sign::CostSign;
/// The plain (non-cost) columns of the CSV and spreadsheet input, in their order.
pub use csv::{COLUMNS, INPUTS_SHEET_COLUMNS};
pub use figures::{Field, Figure, Table, FIGURES, PERIOD_FIELDS};
pub use kpi::{Kpi, KpiThreshold, KpiUnit, ValueUnit, MAX_KPIS};
pub use locate::FieldPath;
pub use percent::{percent_as_share, PercentSlip};
pub use read::read_limited;
pub use validate::MAX_PEERS;
pub use warning::{Warning, WarningKind};
pub use years::{held, unmarked, Coverage};

/// Cost lines by name, in input order. Hashed with foldhash: each line is looked up a few
/// times per period, and std's SipHash was a tenth of a large run.
pub type LineMap<V> = indexmap::IndexMap<String, V, foldhash::fast::RandomState>;

/// The largest input file read, in bytes. Larger inputs should be split per company.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// An input format, picked from the file extension or `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Toml,
    Json,
    Csv,
    /// An Excel workbook (.xlsx, .xlsm, and the older .xls).
    Xlsx,
    /// An OpenDocument spreadsheet (.ods).
    Ods,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "xlsx" | "xlsm" | "xls" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }
}

/// How the figures in the input are scaled: amounts are multiplied by this to get full units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    Units,
    Thousands,
    Millions,
    Billions,
}

impl Scale {
    pub const NAMES: [&'static str; 4] = ["units", "thousands", "millions", "billions"];

    pub fn parse(text: &str) -> Option<Scale> {
        match text.trim().to_ascii_lowercase().as_str() {
            "units" | "unit" | "ones" => Some(Scale::Units),
            "thousands" => Some(Scale::Thousands),
            "millions" => Some(Scale::Millions),
            "billions" => Some(Scale::Billions),
            _ => None,
        }
    }

    /// The scale's name as written in the input: "millions".
    pub fn name(self) -> &'static str {
        match self {
            Scale::Units => "units",
            Scale::Thousands => "thousands",
            Scale::Millions => "millions",
            Scale::Billions => "billions",
        }
    }

    /// The short suffix of amounts in this scale: "k", "M", "B", or none for units.
    pub fn suffix(self) -> &'static str {
        match self {
            Scale::Units => "",
            Scale::Thousands => "k",
            Scale::Millions => "M",
            Scale::Billions => "B",
        }
    }

    /// How amounts in this scale are headed: "USD millions", or "USD" for units.
    pub fn amounts_label(self, currency: &str) -> String {
        match self {
            Scale::Units => currency.to_string(),
            scale => format!("{currency} {}", scale.name()),
        }
    }

    pub fn factor(self) -> Decimal {
        match self {
            Scale::Units => Decimal::ONE,
            Scale::Thousands => Decimal::from(1_000),
            Scale::Millions => Decimal::from(1_000_000),
            Scale::Billions => Decimal::from(1_000_000_000),
        }
    }
}

/// The `[company]` table, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Company {
    pub name: String,
    pub slug: String,
    pub ticker: Option<String>,
    pub currency: String,
    pub scale: Scale,
    pub fiscal_year_end: Option<String>,
    /// `fiscal_year_end` read: what every period label of the company carries.
    #[serde(skip)]
    pub calendar: crate::period::FiscalCalendar,
    pub summary: Option<String>,
    pub ai_exposed: Vec<String>,
    pub sources: Vec<String>,
    /// Comparable companies' files from `peers = [...]`, as written (relative to this file).
    #[serde(skip)]
    pub peers: Vec<PeerRef>,
}

/// A comparable company's file named in the `[company]` table's `peers` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRef {
    /// The path as written, relative to the company's file.
    pub path: String,
    /// Where the entry is written, for errors about the file it names.
    pub location: Option<crate::diagnostic::Location>,
}

/// The `[plan]` table: a headcount plan by natural attrition.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub target_headcount: Decimal,
    pub annual_attrition: Decimal,
    pub hires_per_year: Decimal,
    pub reinvest_share: Option<Decimal>,
}

/// Overrides of the readiness thresholds, from the `[readiness]` table.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadinessOverrides {
    pub min_revenue_growth_pct: Option<Decimal>,
    pub min_rule_of_40: Option<Decimal>,
    pub min_fiscal_years: Option<Decimal>,
    /// Quarters of the last four at or above their revenue guidance.
    pub min_quarters_at_guidance: Option<Decimal>,
    /// Mean absolute % error of revenue against budget over the last four quarters.
    pub max_budget_error_pct: Option<Decimal>,
    /// The margin the Rule of 40 adds to revenue growth.
    pub rule_of_40_margin: RuleOf40Margin,
    /// Thresholds on company KPIs (`[[readiness.kpi]]`).
    pub kpi: Vec<KpiThreshold>,
    /// The keys set with `--company readiness.<key>=...` rather than in the file: thresholds
    /// given on the command line, which the scorecard ranks above a thresholds file.
    #[serde(skip)]
    pub set_on_command_line: Vec<String>,
}

/// The margin the Rule of 40 adds to revenue growth (`rule_of_40_margin` in `[readiness]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOf40Margin {
    /// Operating margin, as reported or derived (the default).
    #[default]
    Operating,
    /// EBITDA margin: operating income plus depreciation and amortisation.
    Ebitda,
    /// Free-cash-flow margin: operating cash flow minus capex.
    Fcf,
}

impl RuleOf40Margin {
    /// The names `rule_of_40_margin` takes.
    pub const NAMES: [&'static str; 3] = ["operating", "ebitda", "fcf"];

    pub fn parse(name: &str) -> Option<RuleOf40Margin> {
        match name.trim().to_ascii_lowercase().as_str() {
            "operating" => Some(RuleOf40Margin::Operating),
            "ebitda" => Some(RuleOf40Margin::Ebitda),
            "fcf" => Some(RuleOf40Margin::Fcf),
            _ => None,
        }
    }

    /// The margin in words: "operating margin", "EBITDA margin", "free-cash-flow margin".
    pub fn words(self) -> &'static str {
        match self {
            RuleOf40Margin::Operating => "operating margin",
            RuleOf40Margin::Ebitda => "EBITDA margin",
            RuleOf40Margin::Fcf => "free-cash-flow margin",
        }
    }

    /// The catalogue key of the margin.
    pub fn metric_key(self) -> &'static str {
        match self {
            RuleOf40Margin::Operating => "operating_margin_pct",
            RuleOf40Margin::Ebitda => "ebitda_margin_pct",
            RuleOf40Margin::Fcf => "fcf_margin_pct",
        }
    }
}

/// The optional figures of the income and cash-flow statements of a period, full currency
/// units (scale applied). Costs (cost of revenue, D&A, stock-based compensation, capex) are
/// positive amounts; operating cash flow may be negative; cash is at period end.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Statement {
    pub cost_of_revenue: Option<Decimal>,
    pub depreciation_amortization: Option<Decimal>,
    pub stock_based_compensation: Option<Decimal>,
    pub operating_cash_flow: Option<Decimal>,
    pub capex: Option<Decimal>,
    pub cash: Option<Decimal>,
    /// Net income (a loss negative), interest expense (net, an expense positive) and income
    /// tax (an expense positive): read by the non-GAAP reconciliations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net_income: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_expense: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income_tax: Option<Decimal>,
}

/// AI spend and AI work in a period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Ai {
    /// Money spent on AI in the period, full currency units.
    pub spend: Option<Decimal>,
    /// Work done by AI, in full-time people.
    pub fte_equivalent: Option<Decimal>,
}

/// One `[[period]]`, validated. Money is in full currency units (scale applied).
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub label: PeriodLabel,
    pub revenue: Decimal,
    pub headcount_end: Option<Decimal>,
    pub headcount_start: Option<Decimal>,
    pub personnel_cost: Option<Decimal>,
    pub operating_income: Option<Decimal>,
    pub adjusted_operating_income: Option<Decimal>,
    pub statement: Statement,
    /// Operating figures (`[period.values]`) for KPI formulas: money in full units (scale
    /// applied), other units as written (see `CompanyInput::value_units`).
    pub values: LineMap<Decimal>,
    pub notes: Option<String>,
    pub costs: LineMap<Decimal>,
    pub ai: Ai,
    /// The period's non-GAAP adjustments and reported figures (`[period.adjustments]`,
    /// `[period.reported]`).
    #[serde(skip_serializing_if = "non_gaap::PeriodNonGaap::is_empty")]
    pub non_gaap: non_gaap::PeriodNonGaap,
    /// A year's coverage: as given, summed from its quarters, or year to date.
    #[serde(skip_serializing_if = "Coverage::is_given")]
    pub coverage: Coverage,
}

impl Period {
    /// The months the figures cover: 12 for a year (3 for each quarter of a year to date), 6
    /// for a half, 3 for a quarter.
    pub fn months(&self) -> u32 {
        match self.coverage {
            Coverage::YearToDate { months } => u32::from(months),
            _ => self.label.kind.months(),
        }
    }
}

/// A company's validated input: what every later stage works from.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyInput {
    /// The file it came from, as the user named it.
    pub source: String,
    pub company: Company,
    pub plan: Option<Plan>,
    pub readiness: ReadinessOverrides,
    /// The KPIs the company defines (`[[kpi]]`), formulas parsed, in the file's order.
    pub kpis: Vec<Kpi>,
    /// The non-GAAP measures the company shows (`[[non_gaap]]`), in the file's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub non_gaap: Vec<non_gaap::NonGaapMeasure>,
    /// Periods in time order.
    pub periods: Vec<Period>,
    /// The budgets and guidance of the periods that have them, in time order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan_actual: Vec<plan_actual::PeriodPlan>,
    /// The unit of each `[period.values]` name declared with `[values.<name>] unit = ...`;
    /// a name not listed is money ([`CompanyInput::value_unit`]).
    pub value_units: std::collections::BTreeMap<String, ValueUnit>,
    /// The names declared for values (`[values.<name>] name = ...`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub value_names: std::collections::BTreeMap<String, String>,
    /// The value that is the top line the company guides on (`[values.<name>] top_line =
    /// true`), judged as revenue guidance where a period has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_line: Option<String>,
    /// The names declared for non-GAAP adjustments (`[adjustments.<name>] name = ...`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub adjustment_names: std::collections::BTreeMap<String, String>,
    pub warnings: Vec<Warning>,
    /// Known, accepted warnings, from `[[acknowledge]]` tables; applied once every warning is
    /// known (`metrics::compute`).
    pub acknowledgements: Vec<Acknowledgement>,
    /// Where each period's label sits in the file: the 1-based line (TOML, JSON) or row (CSV,
    /// a spreadsheet), so a verdict on a period's figures can point at them (`check --format
    /// github`). Only looked up, never listed, so its order does not matter.
    #[serde(skip)]
    pub label_lines: std::collections::HashMap<PeriodLabel, usize>,
}

impl CompanyInput {
    /// The unit of the value `name` (`values.<name>` in formulas): money unless declared.
    pub fn value_unit(&self, name: &str) -> ValueUnit {
        self.value_units.get(name).copied().unwrap_or_default()
    }

    /// The name outputs show the value `name` by: as declared, else the name itself.
    pub fn value_name<'a>(&'a self, name: &'a str) -> &'a str {
        self.value_names.get(name).map_or(name, String::as_str)
    }

    /// The line (or row) of `label` in the file, when the reader knew it.
    pub fn label_line(&self, label: PeriodLabel) -> Option<usize> {
        self.label_lines.get(&label).copied()
    }
}

/// How to read an input: the options every command that reads input accepts.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Overrides the format the file extension implies (required for standard input).
    pub format: Option<Format>,
    /// `key=value` company fields, e.g. from `--company "name=Acme AB,currency=SEK"`.
    pub company_fields: Vec<(String, String)>,
    /// The worksheet holding the periods (spreadsheets only); default: the first with a `label` column.
    pub sheet: Option<String>,
    /// Periods in rows or across the columns (CSV and spreadsheets); default: detected.
    pub layout: Option<Layout>,
}

/// Reads and validates one input file; `-` reads standard input.
pub fn load(path: &Path, options: &ReadOptions) -> Result<CompanyInput, InputError> {
    let display = path.display().to_string();
    // Before the format check: a folder has no extension, and "unknown input format" would mislead.
    if display != "-" && path.is_dir() {
        return Err(
            InputError::new(display, "this is a folder, not an input file")
                .with_help("give the path of a .toml, .json or .csv file inside it"),
        );
    }
    let format = match options.format.or_else(|| Format::from_path(path)) {
        Some(format) => format,
        None if display == "-" => {
            return Err(
                InputError::new(display, "cannot tell the format of standard input")
                    .with_help("add --input-format toml, json or csv"),
            )
        }
        None => {
            return Err(InputError::new(display, "unknown input format").with_help(
                "name the file .toml, .json, .csv, .xlsx, .xls or .ods, or add --input-format",
            ))
        }
    };
    if matches!(format, Format::Xlsx | Format::Ods) {
        return sheet::load(path, &display, options);
    }
    let text = read_text(path, &display)?;
    parse(&text, &display, format, options)
}

/// Test set-up: TOML text read as a file named `t.toml` with default options.
#[cfg(test)]
pub fn from_toml(text: &str) -> Result<CompanyInput, InputError> {
    parse(text, "t.toml", Format::Toml, &ReadOptions::default())
}

/// Test set-up: the bundled example, `examples/klarna.toml`.
#[cfg(test)]
pub fn klarna_example() -> CompanyInput {
    parse(
        include_str!("../../examples/klarna.toml"),
        "klarna.toml",
        Format::Toml,
        &ReadOptions::default(),
    )
    .expect("the bundled example is valid")
}

/// Parses and validates input text in a known format. `file` is only used in messages.
pub fn parse(
    text: &str,
    file: &str,
    format: Format,
    options: &ReadOptions,
) -> Result<CompanyInput, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::new(file, "the file is empty").with_help(
            "write the company's figures in it: a [company] table and [[period]] tables \
             (see examples/klarna.toml), or a CSV with a header row",
        ));
    }
    if options.layout == Some(Layout::Columns) && matches!(format, Format::Toml | Format::Json) {
        return Err(InputError::new(
            file,
            "--layout columns is read from CSV files and spreadsheets only",
        )
        .with_help("TOML and JSON name each period's fields: leave out --layout"));
    }
    let (raw, locator): (raw::RawInput, Box<dyn locate::Locate + '_>) = match format {
        Format::Toml => toml::parse(text, file)?,
        Format::Json => json::parse(text, file)?,
        Format::Csv => {
            let delimiter = csv_delimiter::Delimiter::detect(text);
            match csv_columns::parse(text, file, options.layout, delimiter)? {
                Some(across) => across,
                None => csv::parse(text, file, delimiter)?,
            }
        }
        Format::Xlsx | Format::Ods => return Err(sheet::binary_only(file)),
    };
    validate::validate(raw, file, locator.as_ref(), &options.company_fields)
}

fn read_text(path: &Path, display: &str) -> Result<String, InputError> {
    decode(read_input(path, display)?, display)
}

/// The bytes of a company file, at most [`MAX_INPUT_BYTES`] of them.
fn read_input(path: &Path, display: &str) -> Result<Vec<u8>, InputError> {
    read_limited(
        path,
        display,
        MAX_INPUT_BYTES,
        "split the input: one company per file, or fewer periods per file",
    )
}

/// Decodes UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark, the
/// encodings spreadsheet programs export.
fn decode(bytes: Vec<u8>, display: &str) -> Result<String, InputError> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| -> Option<String> {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    let decoded = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                return Err(not_text(display, error.as_bytes(), valid));
            }
        },
    };
    match decoded {
        Some(text) => match text.find('\0') {
            None => Ok(text),
            Some(offset) => Err(not_text(display, text.as_bytes(), offset)),
        },
        None => Err(InputError::new(
            display,
            "the file starts with a UTF-16 byte-order mark but is not valid UTF-16 text",
        )
        .with_help("save or export the file again as UTF-8 (in Excel: \"CSV UTF-8\")")),
    }
}

/// Why `bytes` is not text, pointing at the first offending byte at `offset`.
fn not_text(display: &str, bytes: &[u8], offset: usize) -> InputError {
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(offset + 160)]);
    let location = crate::diagnostic::text_location(&shown, offset, offset + 1);
    let binary = bytes.contains(&0);
    let (message, help) = if binary {
        let kind = if bytes.starts_with(b"PK\x03\x04") {
            " (it looks like a zip archive, such as an .xlsx workbook)"
        } else if bytes.len() >= 2 && bytes[0].is_ascii() && bytes[0] != 0 && bytes[1] == 0 {
            " (it looks like UTF-16 text without a byte-order mark)"
        } else {
            ""
        };
        (
            format!("the file is not text (UTF-8 or UTF-16 expected): it holds binary data{kind}"),
            "give a TOML, JSON or CSV export of the figures, saved as UTF-8",
        )
    } else {
        (
            format!(
                "the file is not text (UTF-8 or UTF-16 expected): byte 0x{:02X} is not UTF-8",
                bytes[offset]
            ),
            "save or export the file as UTF-8 (in Excel: \"CSV UTF-8\"); it looks like another \
             encoding such as Windows-1252 or Latin-1",
        )
    };
    InputError::new(display, message)
        .at(Some(location))
        .with_help(help)
}
