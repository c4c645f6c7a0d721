//! From the raw input to a validated [`CompanyInput`]: required fields, ranges, labels,
//! currency, scale, duplicates and gaps. Every error points at the field in the file.

use foldhash::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::cost_sign::{negative_convention, CostSign};
use super::locate::{FieldPath, Locate, Table};
use super::raw::{
    Amount, RawCompany, RawInput, RawPeriod, RawPlan, AI_FIELDS, COMPANY_FIELDS, PERIOD_FIELDS,
    PLAN_FIELDS, READINESS_FIELDS, TOP_FIELDS,
};
use super::{
    Ai, Company, CompanyInput, LineMap, Period, Plan, ReadinessOverrides, Scale, Warning,
    WarningKind,
};
use crate::diagnostic::{did_you_mean, InputError};
use crate::period::{PeriodKind, PeriodLabel};

/// Longest accepted text for names and labels; longer text is almost surely a pasted mistake.
pub const MAX_NAME_CHARS: usize = 200;
/// Most periods in one input: far more than any real history; time and memory grow linearly
/// up to it (see the README's Performance section).
pub const MAX_PERIODS: usize = 20_000;
/// Most distinct cost lines in one input.
pub const MAX_COST_LINES: usize = 200;
/// Longest summary or period notes, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 100_000;
/// Most sources, and the longest one in characters.
pub const MAX_SOURCES: usize = 200;
pub const MAX_SOURCE_CHARS: usize = 2_000;

struct Checker<'a> {
    file: &'a str,
    locator: &'a dyn Locate,
}

impl Checker<'_> {
    fn error(&self, path: FieldPath, message: impl Into<String>) -> InputError {
        InputError::new(self.file, message).at(self.locator.locate(&path))
    }

    /// An amount that must not be negative (revenue, headcount, ...).
    fn non_negative(
        &self,
        value: Option<Amount>,
        path: impl FnOnce() -> FieldPath,
        what: &str,
    ) -> Result<Option<Decimal>, InputError> {
        match value {
            Some(Amount(v)) if v.is_sign_negative() && !v.is_zero() => Err(self
                .error(path(), format!("{what} must not be negative, found {v}"))
                .with_help(format!("write {what} as 0 or more"))),
            Some(Amount(v)) => Ok(Some(v)),
            None => Ok(None),
        }
    }

    /// Multiplies an amount by the company's scale, refusing overflow.
    /// (The path is made only for an error: building one per amount was a cost on large inputs.)
    fn scaled(
        &self,
        value: Decimal,
        scale: Scale,
        path: impl FnOnce() -> FieldPath,
    ) -> Result<Decimal, InputError> {
        value.checked_mul(scale.factor()).ok_or_else(|| {
            self.error(
                path(),
                format!("the amount {value} is too large once scaled to full units"),
            )
            .with_help("amounts must stay below 10^28 in full currency units")
        })
    }
}

/// Validates the raw input and turns it into the typed model.
pub fn validate(
    mut raw: RawInput,
    file: &str,
    locator: &dyn Locate,
    company_fields: &[(String, String)],
) -> Result<CompanyInput, InputError> {
    let check = Checker { file, locator };
    let company_fields = table_fields(&mut raw, company_fields)?;
    let (company, cost_sign) = company(
        raw.company.clone().unwrap_or_default(),
        &company_fields,
        &check,
    )?;
    if raw.periods.is_empty() {
        return Err(InputError::new(file, "the input has no periods").with_help(
            "add at least one [[period]] table with a label and revenue (CSV: one row per period)",
        ));
    }
    if raw.periods.len() > MAX_PERIODS {
        return Err(check
            .error(
                FieldPath::new(Table::Period(MAX_PERIODS), &["label"]),
                format!(
                    "the input has {} periods, more than the limit of {MAX_PERIODS} \
                     (this is period {})",
                    raw.periods.len(),
                    MAX_PERIODS + 1
                ),
            )
            .with_help(format!(
                "split the input into several files of at most {MAX_PERIODS} periods, \
                 e.g. one per decade, and generate a brief from each"
            )));
    }
    let lines = locator.label_lines(raw.periods.len());
    let mut label_lines = std::collections::HashMap::with_capacity(raw.periods.len());
    let mut periods = Vec::with_capacity(raw.periods.len());
    let mut seen: HashMap<PeriodLabel, usize> = HashMap::default();
    // Periods are checked on all cores; the first error in file order is the one reported, as
    // if they had been checked one after another.
    let checked: Vec<Result<Period, InputError>> = {
        use rayon::prelude::*;
        raw.periods
            .into_par_iter()
            .enumerate()
            .map(|(index, raw_period)| period(raw_period, index, company.scale, cost_sign, &check))
            .collect()
    };
    for (index, period) in checked.into_iter().enumerate() {
        let period = period?;
        if let Some(first) = seen.insert(period.label, index) {
            return Err(check
                .error(
                    FieldPath::new(Table::Period(index), &["label"]),
                    format!(
                        "the period \"{}\" appears twice (periods {} and {} in the file)",
                        period.label,
                        first + 1,
                        index + 1
                    ),
                )
                .with_help("each period label may appear once; remove or relabel one of them"));
        }
        if let Some(line) = lines.get(index).copied().flatten() {
            label_lines.insert(period.label, line);
        }
        periods.push(period);
    }
    check_cost_lines(&company, &periods, &check)?;
    check_cost_sign(&periods, cost_sign, &check)?;
    periods.sort_by_key(|p| p.label.sort_key());
    let warnings = gap_warnings(&periods);
    let plan = raw.plan.map(|plan| self::plan(plan, &check)).transpose()?;
    let acknowledgements = super::acknowledge::validate(raw.acknowledge, file, locator)?;
    let readiness = raw.readiness.map(|r| ReadinessOverrides {
        min_revenue_growth_pct: r.min_revenue_growth_pct.map(|a| a.0),
        min_rule_of_40: r.min_rule_of_40.map(|a| a.0),
        min_fiscal_years: r.min_fiscal_years.map(|a| a.0),
    });
    Ok(CompanyInput {
        source: file.to_string(),
        company,
        plan,
        readiness: readiness.unwrap_or_default(),
        periods,
        warnings,
        acknowledgements,
        label_lines,
    })
}

/// Sets the `plan.<key>` and `readiness.<key>` fields of `--company` (as the company sheet's
/// rows do) and returns the company's own fields.
fn table_fields(
    raw: &mut RawInput,
    fields: &[(String, String)],
) -> Result<Vec<(String, String)>, InputError> {
    let mut company_fields = Vec::new();
    for (key, value) in fields {
        match key.split_once('.') {
            Some((table @ ("plan" | "readiness"), field)) => {
                super::sheet::table_field(raw, table, field, value.trim()).map_err(|problem| {
                    InputError::new("--company", format!("--company {key}={value}: {problem}"))
                })?
            }
            _ => company_fields.push((key.clone(), value.clone())),
        }
    }
    Ok(company_fields)
}

fn company(
    mut raw: RawCompany,
    overrides: &[(String, String)],
    check: &Checker,
) -> Result<(Company, CostSign), InputError> {
    for (key, value) in overrides {
        let value = value.trim().to_string();
        match key.as_str() {
            "name" => raw.name = Some(value),
            "ticker" => raw.ticker = Some(value),
            "currency" => raw.currency = Some(value),
            "scale" => raw.scale = Some(value),
            "fiscal_year_end" => raw.fiscal_year_end = Some(value),
            "summary" => raw.summary = Some(value),
            "cost_sign" => raw.cost_sign = Some(value),
            "ai_exposed" => {
                raw.ai_exposed = value
                    .split([',', ';'])
                    .map(|s| s.trim().to_string())
                    .collect()
            }
            other => {
                let hint = did_you_mean(other, COMPANY_FIELDS.iter().copied())
                    .map(|c| format!("did you mean \"{c}\"? "))
                    .unwrap_or_default();
                return Err(InputError::new(
                    "--company",
                    format!("unknown company field \"{other}\""),
                )
                .with_help(format!(
                    "{hint}company fields are {}; plan.{} and readiness.{} set the plan and \
                     the thresholds",
                    COMPANY_FIELDS.join(", "),
                    PLAN_FIELDS.join(", plan."),
                    READINESS_FIELDS.join(", readiness.")
                )));
            }
        }
    }
    let at = |key: &str| FieldPath::new(Table::Company, &[key]);
    let name = raw
        .name
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    if name.is_empty() {
        return Err(check
            .error(at("name"), "the company has no name")
            .with_help(
            "add name = \"...\" to the [company] table (CSV: --company \"name=...,currency=...\")",
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(check
            .error(
                at("name"),
                format!(
                    "the company name is {} characters long, more than the limit of \
                     {MAX_NAME_CHARS}",
                    name.chars().count()
                ),
            )
            .with_help("write the company's short name; describe it in summary"));
    }
    if raw
        .summary
        .as_ref()
        .is_some_and(|s| s.len() > MAX_TEXT_BYTES)
    {
        return Err(check
            .error(
                at("summary"),
                format!("the summary is longer than the limit of {MAX_TEXT_BYTES} bytes"),
            )
            .with_help(
                "shorten it: keep the long text in its own document and name it in sources",
            ));
    }
    if raw.sources.len() > MAX_SOURCES {
        return Err(check
            .error(
                at("sources"),
                format!(
                    "there are {} sources, more than the limit of {MAX_SOURCES}",
                    raw.sources.len()
                ),
            )
            .with_help("list the main documents only, or one index document that lists the rest"));
    }
    if let Some(long) = raw
        .sources
        .iter()
        .find(|s| s.chars().count() > MAX_SOURCE_CHARS)
    {
        return Err(check
            .error(
                at("sources"),
                format!(
                    "a source is {} characters long, more than the limit of {MAX_SOURCE_CHARS}",
                    long.chars().count()
                ),
            )
            .with_help("name each source in a line: a title, a date or a link"));
    }
    let currency_text = raw.currency.as_deref().map(str::trim).unwrap_or_default();
    if currency_text.is_empty() {
        return Err(check
            .error(at("currency"), "the company has no currency")
            .with_help("add currency = \"USD\" (an ISO 4217 code) to the [company] table"));
    }
    let currency = currency_text.to_ascii_uppercase();
    if iso_currency::Currency::from_code(&currency).is_none() {
        let codes: Vec<&str> = <iso_currency::Currency as iso_currency::IntoEnumIterator>::iter()
            .map(|c| c.code())
            .collect();
        let hint = did_you_mean(&currency, codes.iter().copied())
            .map(|c| format!("did you mean \"{c}\"? "))
            .unwrap_or_default();
        return Err(check
            .error(
                at("currency"),
                format!("\"{currency_text}\" is not an ISO 4217 currency code"),
            )
            .with_help(format!(
                "{hint}use a three-letter code such as USD, EUR or SEK"
            )));
    }
    let scale = match raw.scale.as_deref() {
        None => Scale::Units,
        Some(text) => Scale::parse(text).ok_or_else(|| {
            check
                .error(at("scale"), format!("unknown scale \"{text}\""))
                .with_help(format!("scale is one of {}", Scale::NAMES.join(", ")))
        })?,
    };
    if let Some(end) = &raw.fiscal_year_end {
        let valid = chrono::NaiveDate::parse_from_str(&format!("2000-{}", end.trim()), "%Y-%m-%d")
            .is_ok()
            && end.trim().len() == 5;
        if !valid {
            return Err(check
                .error(
                    at("fiscal_year_end"),
                    format!("\"{end}\" is not a month and day"),
                )
                .with_help(
                    "write the last day of the fiscal year as MM-DD, e.g. \"12-31\" or \"01-31\"",
                ));
        }
    }
    let ticker = raw
        .ticker
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if ticker.as_ref().is_some_and(|t| t.chars().count() > 20) {
        return Err(check.error(at("ticker"), "the ticker is longer than 20 characters"));
    }
    let cost_sign = match raw.cost_sign.as_deref() {
        None => CostSign::default(),
        Some(text) => CostSign::parse(text).ok_or_else(|| {
            check
                .error(at("cost_sign"), format!("unknown cost_sign \"{text}\""))
                .with_help(format!(
                    "cost_sign is one of {}: \"negative\" when costs are written below zero",
                    CostSign::NAMES.join(", ")
                ))
        })?,
    };
    let company = Company {
        slug: slug_for(&name),
        name,
        ticker,
        currency,
        scale,
        fiscal_year_end: raw.fiscal_year_end.map(|s| s.trim().to_string()),
        summary: raw.summary.filter(|s| !s.trim().is_empty()),
        ai_exposed: raw
            .ai_exposed
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
        sources: raw.sources,
    };
    Ok((company, cost_sign))
}

/// A folder name that is safe on every file system: lower-case ASCII, digits and dashes,
/// never empty, never `.`/`..`, never a reserved Windows device name.
pub fn slug_for(name: &str) -> String {
    let mut slug = slug::slugify(name);
    slug.truncate(64);
    let slug = slug.trim_matches('-').to_string();
    let reserved = ["con", "prn", "aux", "nul"].contains(&slug.as_str())
        || (slug.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && slug.as_bytes()[3].is_ascii_digit());
    match slug.as_str() {
        "" => "company".to_string(),
        _ if reserved => format!("{slug}-company"),
        _ => slug,
    }
}

fn period(
    raw: RawPeriod,
    index: usize,
    scale: Scale,
    cost_sign: CostSign,
    check: &Checker,
) -> Result<Period, InputError> {
    let at = |keys: &[&str]| FieldPath::new(Table::Period(index), keys);
    let label_text = raw.label.map(|l| l.0).unwrap_or_default();
    if label_text.trim().is_empty() {
        return Err(check
            .error(at(&["label"]), format!("period {} has no label", index + 1))
            .with_help(
                "add label = \"2024\" (a year), \"2024-H1\" (a half) or \"2024-Q3\" (a quarter)",
            ));
    }
    let label = PeriodLabel::parse(&label_text)
        .map_err(|e| check.error(at(&["label"]), format!("bad period label: {}", e.0)))?;
    let revenue = check
        .non_negative(raw.revenue, || at(&["revenue"]), "revenue")?
        .ok_or_else(|| {
            check
                .error(at(&["label"]), format!("period {label} has no revenue"))
                .with_help("add revenue = <amount> to the period (0 is allowed)")
        })?;
    let money = |value: Option<Amount>, key: &str| -> Result<Option<Decimal>, InputError> {
        value
            .map(|a| check.scaled(a.0, scale, || at(&[key])))
            .transpose()
    };
    let headcount_end =
        check.non_negative(raw.headcount_end, || at(&["headcount_end"]), "headcount")?;
    let headcount_start = check.non_negative(
        raw.headcount_start,
        || at(&["headcount_start"]),
        "headcount",
    )?;
    if let (CostSign::Negative, Some(Amount(written))) = (cost_sign, raw.personnel_cost) {
        if written > Decimal::ZERO {
            return Err(check
                .error(
                    at(&["personnel_cost"]),
                    format!(
                        "personnel cost is written as {written}, above zero, but cost_sign = \
                         \"negative\" says costs are written below zero"
                    ),
                )
                .with_help(format!("write it as -{written}, as the cost lines are")));
        }
    }
    let personnel_cost = check.non_negative(
        raw.personnel_cost.map(|a| Amount(cost_sign.read(a.0))),
        || at(&["personnel_cost"]),
        "personnel cost",
    )?;
    let mut costs = LineMap::with_capacity_and_hasher(raw.costs.len(), Default::default());
    for (name, Amount(amount)) in raw.costs {
        let path = || at(&["costs", &name]);
        if name.trim().is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(check
                .error(
                    path(),
                    format!("a cost line name must be 1 to {MAX_NAME_CHARS} characters long"),
                )
                .with_help("name the line in a few words, such as marketing or support"));
        }
        let amount = check.scaled(cost_sign.read(amount), scale, path)?;
        costs.insert(name, amount);
    }
    let raw_ai = raw.ai.unwrap_or_default();
    let spend = check.non_negative(raw_ai.spend, || at(&["ai", "spend"]), "AI spend")?;
    let ai = Ai {
        spend: spend
            .map(|s| check.scaled(s, scale, || at(&["ai", "spend"])))
            .transpose()?,
        fte_equivalent: check.non_negative(
            raw_ai.fte_equivalent,
            || at(&["ai", "fte_equivalent"]),
            "AI full-time equivalent",
        )?,
    };
    if raw.notes.as_ref().is_some_and(|n| n.len() > MAX_TEXT_BYTES) {
        return Err(check
            .error(
                at(&["notes"]),
                format!("the notes are longer than the limit of {MAX_TEXT_BYTES} bytes"),
            )
            .with_help(
                "shorten them: keep the long text in its own document and name it in sources",
            ));
    }
    Ok(Period {
        label,
        revenue: check.scaled(revenue, scale, || at(&["revenue"]))?,
        headcount_end,
        headcount_start,
        personnel_cost: personnel_cost
            .map(|p| check.scaled(p, scale, || at(&["personnel_cost"])))
            .transpose()?,
        operating_income: money(raw.operating_income, "operating_income")?,
        adjusted_operating_income: money(
            raw.adjusted_operating_income,
            "adjusted_operating_income",
        )?,
        notes: raw.notes.filter(|n| !n.trim().is_empty()),
        costs,
        ai,
    })
}

/// Every `ai_exposed` name must be a cost line of some period (a typo would silently zero the
/// AI-exposed cost), and the number of distinct lines is bounded.
fn check_cost_lines(
    company: &Company,
    periods: &[Period],
    check: &Checker,
) -> Result<(), InputError> {
    let mut names: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::default();
    for (index, period) in periods.iter().enumerate() {
        for name in period.costs.keys() {
            if seen.insert(name) {
                names.push(name);
            }
            if names.len() > MAX_COST_LINES {
                return Err(check
                    .error(
                        FieldPath::new(Table::Period(index), &["costs", name]),
                        format!(
                            "the input has more than {MAX_COST_LINES} different cost lines \
                             (\"{name}\" is line {})",
                            MAX_COST_LINES + 1
                        ),
                    )
                    .with_help(format!(
                        "keep at most {MAX_COST_LINES} lines: group small ones together \
                         (e.g. other_opex), or split the input into several files"
                    )));
            }
        }
    }
    for exposed in &company.ai_exposed {
        if !names.contains(&exposed.as_str()) {
            // A close cost line is more likely the misspelt one (ai_exposed is written once,
            // by hand, from the names the reader knows): point at it, never suggest copying it.
            let hint = did_you_mean(exposed, names.iter().copied())
                .map(|close| {
                    format!(
                        "the cost line \"{close}\" is close: if it is misspelt, name it \
                         \"{exposed}\" in the input; "
                    )
                })
                .unwrap_or_default();
            return Err(check
                .error(
                    FieldPath::new(Table::Company, &["ai_exposed"]),
                    format!(
                        "ai_exposed names \"{exposed}\", which is not a cost line of any period"
                    ),
                )
                .with_help(format!(
                    "{hint}cost lines in this input: {}",
                    names.join(", ")
                )));
        }
    }
    Ok(())
}

/// Refuses costs written below zero unless `cost_sign = "negative"` says so, and costs written
/// above zero when it does (see `cost_sign.rs`). `periods` are in input order.
fn check_cost_sign(
    periods: &[Period],
    cost_sign: CostSign,
    check: &Checker,
) -> Result<(), InputError> {
    let Some(found) = negative_convention(periods) else {
        return Ok(());
    };
    let at = FieldPath::new(Table::Period(found.period), &["costs", &found.line]);
    let counts = format!("{} of {} cost lines", found.negative_lines, found.lines);
    let error = match cost_sign {
        CostSign::Positive => check
            .error(
                at,
                format!(
                    "costs are entered as negative amounts: {counts} are below zero while revenue \
                     is positive, which would make operating expenses negative (\"{}\" in period {} \
                     is the first)",
                    found.line,
                    found.period + 1
                ),
            )
            .with_help(
                "enter costs as positive amounts, or set cost_sign = \"negative\" in [company] to \
                 read them as costs (CSV: --company cost_sign=negative; spreadsheets: a cost_sign \
                 row on the company sheet); a single negative line such as a refund is fine",
            ),
        CostSign::Negative => check
            .error(
                at,
                format!(
                    "cost_sign = \"negative\" says costs are written below zero, but {counts} are \
                     above zero (\"{}\" in period {} is the first)",
                    found.line,
                    found.period + 1
                ),
            )
            .with_help("remove cost_sign, or write the costs below zero"),
    };
    Err(error)
}

/// A warning for each gap inside a series (periods must be sorted).
fn gap_warnings(periods: &[Period]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for kind in [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter] {
        let series: Vec<PeriodLabel> = periods
            .iter()
            .map(|p| p.label)
            .filter(|l| l.kind == kind)
            .collect();
        for pair in series.windows(2) {
            let missing = pair[1].ordinal() - pair[0].ordinal() - 1;
            if missing > 0 {
                warnings.push(Warning::new(
                    Some(pair[1].to_string()),
                    WarningKind::Gap,
                    format!(
                        "gap in the {}: {missing} period{} missing between {} and {}",
                        kind.plural(),
                        if missing == 1 { "" } else { "s" },
                        pair[0],
                        pair[1]
                    ),
                ));
            }
        }
    }
    warnings
}

fn plan(raw: RawPlan, check: &Checker) -> Result<Plan, InputError> {
    let at = |key: &str| FieldPath::new(Table::Plan, &[key]);
    let required = |value: Option<Amount>, key: &str, example: &str| {
        value.map(|a| a.0).ok_or_else(|| {
            check
                .error(at(key), format!("the plan has no {key}"))
                .with_help(format!("add {key} = {example} to the [plan] table"))
        })
    };
    let target_headcount = required(raw.target_headcount, "target_headcount", "2000")?;
    let annual_attrition = required(raw.annual_attrition, "annual_attrition", "0.2")?;
    let hires_per_year = raw.hires_per_year.map_or(Decimal::ZERO, |a| a.0);
    let share = |value: Decimal, key: &str, allow_one: bool| {
        let ok = value >= Decimal::ZERO
            && (value < Decimal::ONE || (allow_one && value == Decimal::ONE));
        if ok {
            Ok(value)
        } else {
            Err(check
                .error(
                    at(key),
                    format!("{key} must be a share between 0 and 1, found {value}"),
                )
                .with_help("write 20% as 0.2"))
        }
    };
    let annual_attrition = share(annual_attrition, "annual_attrition", false)?;
    let reinvest_share = raw
        .reinvest_share
        .map(|a| share(a.0, "reinvest_share", true))
        .transpose()?;
    for (key, value) in [
        ("target_headcount", target_headcount),
        ("hires_per_year", hires_per_year),
    ] {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(check.error(
                at(key),
                format!("{key} must not be negative, found {value}"),
            ));
        }
    }
    Ok(Plan {
        target_headcount,
        annual_attrition,
        hires_per_year,
        reinvest_share,
    })
}

/// Rewrites serde's messages in the user's words, with "did you mean" for unknown fields.
pub fn explain_serde_message(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let known = known_fields_for(message);
        let hint = did_you_mean(field, known.iter().copied())
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        return (
            format!("unknown field `{field}`"),
            Some(format!(
                "{hint}the fields allowed here are: {}",
                known.join(", ")
            )),
        );
    }
    if message.starts_with("invalid type") {
        return (
            message.replace("invalid type: ", "wrong type: found "),
            None,
        );
    }
    (message.to_string(), None)
}

/// Which table's field list an "unknown field" message refers to, from serde's own list.
fn known_fields_for(message: &str) -> &'static [&'static str] {
    let lists = [
        PERIOD_FIELDS,
        COMPANY_FIELDS,
        PLAN_FIELDS,
        AI_FIELDS,
        READINESS_FIELDS,
        super::acknowledge::ACKNOWLEDGE_FIELDS,
        TOP_FIELDS,
    ];
    lists
        .into_iter()
        .find(|list| list.iter().all(|f| message.contains(&format!("`{f}`"))))
        .unwrap_or(TOP_FIELDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_folder_names() {
        assert_eq!(slug_for("Klarna Group plc"), "klarna-group-plc");
        assert_eq!(slug_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug_for("CON"), "con-company");
        assert_eq!(slug_for("LPT1"), "lpt1-company");
        assert_eq!(slug_for("***"), "company");
        assert_eq!(slug_for("Öresund Bank AB"), "oresund-bank-ab");
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let (message, help) = explain_serde_message(
            "unknown field `revenu`, expected one of `label`, `revenue`, `headcount_end`, `headcount_start`, `personnel_cost`, `operating_income`, `adjusted_operating_income`, `notes`, `costs`, `ai`",
        );
        assert_eq!(message, "unknown field `revenu`");
        assert!(help.unwrap().starts_with("did you mean `revenue`?"));
    }

    /// `cost_sign = "negative"` negates cost lines and personnel cost; a positive personnel
    /// cost under it is refused at its line.
    #[test]
    fn negative_cost_sign_negates_personnel_cost_too() {
        let text = |personnel: &str| {
            format!(
                "[company]\nname = \"A\"\ncurrency = \"EUR\"\ncost_sign = \"negative\"\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\npersonnel_cost = {personnel}\n\
                 costs = {{ staff = -60, rent = -10 }}\n"
            )
        };
        let input = crate::input::from_toml(&text("-60")).unwrap();
        assert_eq!(input.periods[0].personnel_cost, Some(Decimal::from(60)));
        assert_eq!(input.periods[0].costs["rent"], Decimal::from(10));
        let error = crate::input::from_toml(&text("60")).unwrap_err();
        assert!(
            error.message.contains("written as 60, above zero"),
            "{error}"
        );
        assert!(error.to_string().contains("t.toml:8:1"), "{error}");
    }

    /// Guards issue 12: a misspelt cost line was offered as the fix for ai_exposed.
    #[test]
    fn a_misspelt_cost_line_is_not_suggested_for_ai_exposed() {
        let text = "[company]\nname = \"A\"\ncurrency = \"EUR\"\nai_exposed = [\"marketing\"]\n\
                    [[period]]\nlabel = \"2024\"\nrevenue = 100\ncosts = { marketng = 5 }\n";
        let help = crate::input::from_toml(text)
            .unwrap_err()
            .help
            .unwrap_or_default();
        assert_eq!(
            help,
            "the cost line \"marketng\" is close: if it is misspelt, name it \"marketing\" in \
             the input; cost lines in this input: marketng"
        );
    }

    /// Periods are checked on all cores, but the error reported is the first in the file, with
    /// its position, as when they were checked one by one; a repeated label after it waits.
    #[test]
    fn the_first_bad_period_in_the_file_is_reported() {
        let mut text = String::from("[company]\nname = \"A\"\ncurrency = \"EUR\"\n");
        for index in 0..400 {
            let (year, revenue) = match index {
                120 => (2000 + index, "-1"),
                300 => (2000 + index, "-2"),
                350 => (2000, "5"),
                _ => (2000 + index, "5"),
            };
            text.push_str(&format!(
                "[[period]]\nlabel = \"{year}\"\nrevenue = {revenue}\n"
            ));
        }
        let error = crate::input::from_toml(&text).unwrap_err();
        assert!(error.message.contains("found -1"), "{}", error.message);
        // Line of period 121's revenue: 3 company lines, then 3 lines a period.
        let line = match error.location.as_deref() {
            Some(crate::diagnostic::Location::Text { line, .. }) => Some(*line),
            _ => None,
        };
        assert_eq!(line, Some(3 + 120 * 3 + 3));
    }
}
