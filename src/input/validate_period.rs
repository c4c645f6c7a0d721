//! One period's figures, checked and scaled: revenue, headcount, personnel cost, statement,
//! values, cost lines, AI and notes.

use rust_decimal::Decimal;

use super::super::cost_sign::CostSign;
use super::super::locate::{FieldPath, Table};
use super::super::names::name_problem;
use super::super::raw::{Amount, RawAi, RawPeriod};
use super::super::{Ai, Company, LineMap, Period, Scale, ValueUnit};
use super::labels::label_and_coverage;
use super::{Checker, MAX_TEXT_BYTES};
use crate::diagnostic::InputError;

pub(super) fn period(
    mut raw: RawPeriod,
    index: usize,
    company: &Company,
    value_units: &std::collections::BTreeMap<String, ValueUnit>,
    cost_sign: CostSign,
    check: &Checker,
) -> Result<Period, InputError> {
    let scale = company.scale;
    let at = |keys: &[&str]| FieldPath::new(Table::Period(index), keys);
    let (label, coverage) = label_and_coverage(&mut raw, index, company, check, &at)?;
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
    let personnel_cost = personnel_cost(raw.personnel_cost, cost_sign, check, &at)?;
    let statement = super::statement::statement(&raw, scale, cost_sign, check, &at)?;
    let values = super::super::kpi::values(
        std::mem::take(&mut raw.values),
        scale,
        value_units,
        |name, message| check.error(at(&["values", name]), message),
    )?;
    let non_gaap = super::super::non_gaap::period_items(
        std::mem::take(&mut raw.adjustments),
        std::mem::take(&mut raw.reported),
        &|value, keys| check.scaled(value, scale, || at(keys)),
        &|keys, message| check.error(at(keys), message),
        &|keys| check.place(at(keys)),
    )?;
    let costs = cost_lines(raw.costs, scale, cost_sign, check, &at)?;
    let ai = ai(raw.ai, scale, check, &at)?;
    notes_length(raw.notes.as_deref(), check, &at)?;
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
        non_gaap,
        coverage,
    })
}

/// The personnel cost, read in the file's cost sign: written above zero where costs are
/// written below zero, it is refused.
fn personnel_cost(
    written: Option<Amount>,
    cost_sign: CostSign,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<Option<Decimal>, InputError> {
    if let (CostSign::Negative, Some(Amount(written))) = (cost_sign, written) {
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
    check.non_negative(
        written.map(|a| Amount(cost_sign.read(a.0))),
        || at(&["personnel_cost"]),
        "personnel cost",
    )
}

/// The cost lines, each named in a few words and scaled.
fn cost_lines(
    raw: LineMap<Amount>,
    scale: Scale,
    cost_sign: CostSign,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<LineMap<Decimal>, InputError> {
    let mut costs = LineMap::with_capacity_and_hasher(raw.len(), Default::default());
    for (name, Amount(amount)) in raw {
        let path = || at(&["costs", &name]);
        if let Some(problem) = name_problem(&name) {
            return Err(check
                .error(path(), format!("the cost line name {problem}"))
                .with_help("name the line in a few words, such as marketing or support"));
        }
        let amount = check.scaled(cost_sign.read(amount), scale, path)?;
        costs.insert(name, amount);
    }
    Ok(costs)
}

/// AI spend, scaled, and the work AI does in full-time equivalents.
fn ai(
    raw: Option<RawAi>,
    scale: Scale,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<Ai, InputError> {
    let raw_ai = raw.unwrap_or_default();
    let spend = check.non_negative(raw_ai.spend, || at(&["ai", "spend"]), "AI spend")?;
    Ok(Ai {
        spend: spend
            .map(|s| check.scaled(s, scale, || at(&["ai", "spend"])))
            .transpose()?,
        fte_equivalent: check.non_negative(
            raw_ai.fte_equivalent,
            || at(&["ai", "fte_equivalent"]),
            "AI full-time equivalent",
        )?,
    })
}

/// Notes no longer than [`MAX_TEXT_BYTES`].
fn notes_length(
    notes: Option<&str>,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<(), InputError> {
    if notes.is_some_and(|n| n.len() > MAX_TEXT_BYTES) {
        return Err(check
            .error(
                at(&["notes"]),
                format!("the notes are longer than the limit of {MAX_TEXT_BYTES} bytes"),
            )
            .with_help(
                "shorten them: keep the long text in its own document and name it in sources",
            ));
    }
    Ok(())
}
