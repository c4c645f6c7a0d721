//! From the raw input to a validated [`CompanyInput`]: required fields, ranges, labels,
//! currency, scale, duplicates and gaps. Every error points at the field in the file.

use foldhash::HashMap;

use rust_decimal::Decimal;

use super::cost_sign::CostSign;
use super::locate::{FieldPath, Locate, Table};
use super::names::name_problem;
use super::raw::{
    Amount, RawInput, RawPeriod, ACKNOWLEDGE_FIELDS, AI_FIELDS, COMPANY_FIELDS, PERIOD_FIELDS,
    PLAN_FIELDS, READINESS_FIELDS, TOP_FIELDS,
};
use super::{Ai, CompanyInput, LineMap, Period, ReadinessOverrides, Scale, Warning, WarningKind};
use crate::diagnostic::{did_you_mean, InputError};
use crate::period::{PeriodKind, PeriodLabel, LABEL_FORMS};

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
    let command_line = table_fields(&mut raw, company_fields)?;
    let (company, cost_sign) = company(
        raw.company.clone().unwrap_or_default(),
        &command_line.company,
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
    let mut reading_warnings = std::mem::take(&mut raw.reading_warnings);
    reading_warnings.extend(raw.periods.iter().flat_map(subtotal_warnings));
    let lines = locator.label_lines(raw.periods.len());
    let mut label_lines = std::collections::HashMap::with_capacity(raw.periods.len());
    let mut periods = Vec::with_capacity(raw.periods.len());
    let mut seen: HashMap<PeriodLabel, usize> = HashMap::default();
    // Each label as written, for a duplicate's message ("2024Q1" and "Q1 2024" are one period).
    let written: Vec<String> = raw
        .periods
        .iter()
        .map(|p| p.label.as_ref().map_or("", |l| l.0.trim()).to_string())
        .collect();
    // Periods are checked on all cores; the first error in file order is the one reported, as
    // if they had been checked one after another.
    let value_units = {
        let mut given: Vec<&str> = raw
            .periods
            .iter()
            .flat_map(|p| p.values.keys().map(String::as_str))
            .collect();
        given.sort_unstable();
        given.dedup();
        super::kpi::value_units(std::mem::take(&mut raw.values), &given, |name, message| {
            check.error(FieldPath::new(Table::Values, &[name, "unit"]), message)
        })?
    };
    let raw_plans = plan::take(&mut raw.periods);
    let checked: Vec<Result<Period, InputError>> = {
        use rayon::prelude::*;
        let units = &value_units;
        raw.periods
            .into_par_iter()
            .enumerate()
            .map(|(index, raw_period)| {
                period(raw_period, index, &company, units, cost_sign, &check)
            })
            .collect()
    };
    for (index, period) in checked.into_iter().enumerate() {
        let period = period?;
        if let Some(first) = seen.insert(period.label, index) {
            return Err(check
                .error(
                    FieldPath::new(Table::Period(index), &["label"]),
                    duplicate_label(&written, period.label, first, index),
                )
                .with_help("each period label may appear once; remove or relabel one of them"));
        }
        if let Some(line) = lines.get(index).copied().flatten() {
            label_lines.insert(period.label, line);
        }
        periods.push(period);
    }
    let check_budget =
        |raw, index, check: &Checker| period(raw, index, &company, &value_units, cost_sign, check);
    let (plan_actual, plan_warnings) = plan::plans(
        raw_plans,
        &periods,
        &written,
        company.scale,
        check_budget,
        &check,
    )?;
    check_cost_lines(&company, &periods, &check)?;
    check_cost_sign(&periods, cost_sign, &check)?;
    periods.sort_by_key(|p| p.label.sort_key());
    super::years::complete(&mut periods, company.scale);
    let mut warnings = gap_warnings(&periods);
    warnings.extend(reading_warnings);
    warnings.extend(plan_warnings);
    let plan = raw.plan.map(|plan| self::plan(plan, &check)).transpose()?;
    let acknowledgements = super::acknowledge::validate(raw.acknowledge, file, locator)?;
    let readiness = raw
        .readiness
        .map(|r| {
            Ok::<_, InputError>(ReadinessOverrides {
                rule_of_40_margin: statement::rule_of_40_margin(r.rule_of_40_margin, &check)?,
                kpi: super::kpi::thresholds(r.kpi, &|path| check.error(path, ""))?,
                min_revenue_growth_pct: r.min_revenue_growth_pct.map(|a| a.0),
                min_rule_of_40: r.min_rule_of_40.map(|a| a.0),
                min_fiscal_years: r.min_fiscal_years.map(|a| a.0),
                min_quarters_at_guidance: r.min_quarters_at_guidance.map(|a| a.0),
                max_budget_error_pct: r.max_budget_error_pct.map(|a| a.0),
                set_on_command_line: command_line.readiness_keys.clone(),
            })
        })
        .transpose()?;
    warnings.extend(readiness.as_ref().and_then(|r| {
        let key = "min_revenue_growth_pct";
        let value = r.min_revenue_growth_pct?;
        let slip =
            super::percent_as_share(key, rust_decimal::prelude::ToPrimitive::to_f64(&value)?)?;
        let place = match command_line.readiness_keys.iter().any(|k| k == key) {
            true => Some(format!("--company readiness.{key}")),
            false => locator
                .locate(&FieldPath::new(Table::Readiness, &[key]))
                .map(|location| location.place(file)),
        };
        let message = format!("{}; {}", slip.message, slip.help);
        Some(Warning::new(None, WarningKind::PercentAsShare, message).at(place))
    }));
    let kpis = super::kpi::definitions(raw.kpi, file, locator)?;
    // A warning made while reading names its period as written; name it as every output shows
    // it ("FY2025 Q4" in a March year end), so it is one period wherever it is matched.
    for warning in &mut warnings {
        let label = warning.period.as_deref().map(PeriodLabel::parse);
        if let Some(Ok(label)) = label {
            warning.period = Some(label.in_calendar(company.calendar).to_string());
        }
    }
    Ok(CompanyInput {
        kpis,
        source: file.to_string(),
        company,
        plan,
        readiness: readiness.unwrap_or_default(),
        periods,
        plan_actual,
        value_units,
        warnings,
        acknowledgements,
        label_lines,
    })
}

fn period(
    mut raw: RawPeriod,
    index: usize,
    company: &super::Company,
    value_units: &std::collections::BTreeMap<String, super::ValueUnit>,
    cost_sign: CostSign,
    check: &Checker,
) -> Result<Period, InputError> {
    let scale = company.scale;
    let at = |keys: &[&str]| FieldPath::new(Table::Period(index), keys);
    let label_text = raw.label.take().map(|l| l.0).unwrap_or_default();
    if label_text.trim().is_empty() {
        return Err(check
            .error(at(&["label"]), format!("period {} has no label", index + 1))
            .with_help(
                "add label = \"2024\" (a year), \"2024-H1\" (a half) or \"2024-Q3\" (a quarter)",
            ));
    }
    let label = PeriodLabel::parse(&label_text)
        .map_err(|e| {
            check
                .error(at(&["label"]), format!("bad period label: {}", e.0))
                .with_help(LABEL_FORMS)
        })?
        .in_calendar(company.calendar);
    let coverage = year_to_date(raw.months.take(), label, || at(&["months"]), check)?;
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
    let statement = statement::statement(&raw, scale, cost_sign, check, &at)?;
    let values = super::kpi::values(
        std::mem::take(&mut raw.values),
        scale,
        value_units,
        |name, message| check.error(at(&["values", name]), message),
    )?;
    let mut costs = LineMap::with_capacity_and_hasher(raw.costs.len(), Default::default());
    for (name, Amount(amount)) in raw.costs {
        let path = || at(&["costs", &name]);
        if let Some(problem) = name_problem(&name) {
            return Err(check
                .error(path(), format!("the cost line name {problem}"))
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
        statement,
        values,
        notes: raw.notes.filter(|n| !n.trim().is_empty()),
        costs,
        ai,
        coverage,
    })
}

/// `months = n` on a year row that holds only its first n months (year to date): a whole
/// number from 1 to 12 (12 is the whole year), on a year only.
fn year_to_date(
    months: Option<Amount>,
    label: PeriodLabel,
    path: impl Fn() -> FieldPath,
    check: &Checker,
) -> Result<super::Coverage, InputError> {
    let Some(Amount(months)) = months else {
        return Ok(super::Coverage::Given);
    };
    if label.kind != PeriodKind::Year {
        return Err(check
            .error(
                path(),
                format!("months is for a year that is year to date, but {label} is not a year"),
            )
            .with_help("remove months: a quarter or a half covers its own months"));
    }
    match u8::try_from(months.normalize().mantissa()) {
        Ok(whole @ 1..=11) if months.fract().is_zero() => {
            Ok(super::Coverage::YearToDate { months: whole })
        }
        Ok(12) if months.fract().is_zero() => Ok(super::Coverage::Given),
        _ => Err(check
            .error(
                path(),
                format!("months must be a whole number from 1 to 12, found {months}"),
            )
            .with_help(
                "write how many months of the year the row holds: months = 6 for a first half",
            )),
    }
}

/// A warning for each subtotal ("Total costs") that is not the sum of the period's cost lines,
/// as written. One that is the sum is simply skipped: it repeats the lines.
fn subtotal_warnings(period: &RawPeriod) -> Vec<Warning> {
    let label = period
        .label
        .as_ref()
        .and_then(|l| PeriodLabel::parse(&l.0).ok())
        .map(|l| l.to_string());
    if period.subtotals.is_empty() {
        return Vec::new();
    }
    // Past the decimals' range the lines cannot be added up; the amounts are refused later.
    let Some(lines) = period
        .costs
        .values()
        .try_fold(Decimal::ZERO, |sum, a| sum.checked_add(a.0))
    else {
        return Vec::new();
    };
    period
        .subtotals
        .iter()
        .filter(|subtotal| subtotal.amount.0 != lines)
        .map(|subtotal| {
            let period_words = label.as_deref().map_or(String::new(), |l| format!("{l}: "));
            let message = format!(
                "{period_words}\"{}\" is {}, but the cost lines add up to {}: it is skipped, \
                 not read as a cost line; check the lines, or name the difference as a cost \
                 line of its own",
                subtotal.name,
                subtotal.amount.0.normalize(),
                lines.normalize()
            );
            Warning::new(label.clone(), WarningKind::SubtotalMismatch, message)
                .at(Some(subtotal.place.clone()))
        })
        .collect()
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
    let lists: [&'static [&'static str]; 9] = [
        PERIOD_FIELDS.as_slice(),
        COMPANY_FIELDS,
        PLAN_FIELDS,
        AI_FIELDS.as_slice(),
        READINESS_FIELDS,
        ACKNOWLEDGE_FIELDS,
        super::raw::KPI_FIELDS,
        super::raw::KPI_THRESHOLD_FIELDS,
        TOP_FIELDS,
    ];
    lists
        .into_iter()
        .find(|list| list.iter().all(|f| message.contains(&format!("`{f}`"))))
        .unwrap_or(TOP_FIELDS)
}

#[path = "validate_company.rs"]
mod company;
#[path = "validate_costs.rs"]
mod costs;
#[path = "validate_plan_guidance.rs"]
mod guidance;
#[path = "validate_labels.rs"]
mod labels;
#[path = "validate_plan.rs"]
mod plan;
#[path = "validate_statement.rs"]
mod statement;
#[path = "validate_plan_unmatched.rs"]
mod unmatched;

pub use company::MAX_PEERS;
use company::{company, plan, table_fields};
use costs::{check_cost_lines, check_cost_sign};
use labels::duplicate_label;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_get_a_suggestion() {
        // serde's message lists every field of the table.
        let expected: Vec<String> = PERIOD_FIELDS.iter().map(|f| format!("`{f}`")).collect();
        let (message, help) = explain_serde_message(&format!(
            "unknown field `revenu`, expected one of {}",
            expected.join(", ")
        ));
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
