//! Validating `[period.budget]` and `[period.guidance]`: a budget is checked as a period is
//! (scale, cost sign, names), with errors pointing into the budget table; a guidance range
//! with its low end above its high end is refused; a planned figure the period's actuals do
//! not have is a warning, since it can be compared with nothing.

use rust_decimal::Decimal;

use super::super::locate::{FieldPath, Locate, Table};
use super::super::plan_actual::{Budget, PeriodPlan};
use super::super::raw::Label;
use super::super::raw::{Amount, RawPeriod};
use super::super::raw_guidance::RawGuidance;
use super::super::{Period, Scale, Warning};
use super::checker::Checker;
use crate::diagnostic::InputError;
use crate::diagnostic::Location;

/// A period's budget and guidance as written, taken out of the period before it is checked.
pub(super) type RawPlan = (Option<Box<RawPeriod>>, Option<RawGuidance<Amount>>);

/// The keys of a period that a budget does not take: they describe the period itself.
const NOT_IN_A_BUDGET: [&str; 5] = ["label", "months", "notes", "budget", "guidance"];

/// Takes each period's budget and guidance out, in input order.
pub(super) fn take(periods: &mut [RawPeriod]) -> Vec<RawPlan> {
    periods
        .iter_mut()
        .map(|p| (p.budget.take(), p.guidance.take()))
        .collect()
}

/// The plans of the periods that have one, and a warning for each planned figure the actuals
/// lack. `actuals` and `written` (the labels as written) are in input order, as `raw` is.
pub(super) fn plans(
    raw: Vec<RawPlan>,
    actuals: &[Period],
    written: &[String],
    scale: Scale,
    value_units: &std::collections::BTreeMap<String, super::super::ValueUnit>,
    check_period: impl Fn(RawPeriod, usize, &Checker) -> Result<Period, InputError>,
    check: &Checker,
) -> Result<(Vec<PeriodPlan>, Vec<Warning>), InputError> {
    let mut names: Vec<&str> = actuals
        .iter()
        .flat_map(|p| p.values.keys().map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    let values = super::guidance::GuidedValues {
        names,
        units: value_units,
    };
    let mut plans = Vec::new();
    let mut warnings = Vec::new();
    for (index, ((budget, guidance), actual)) in raw.into_iter().zip(actuals).enumerate() {
        if budget.is_none() && guidance.is_none() {
            continue;
        }
        let budget = budget
            .map(|raw| self::budget(*raw, index, &written[index], actual, &check_period, check))
            .transpose()?;
        let guidance = guidance
            .map(|raw| super::guidance::guidance(raw, index, scale, &values, check))
            .transpose()?;
        warnings.extend(super::unmatched::unmatched(
            budget.as_ref(),
            guidance.as_ref(),
            actual,
            index,
            check,
        ));
        plans.push(PeriodPlan {
            label: actual.label,
            budget,
            guidance,
        });
    }
    plans.sort_by_key(|p| p.label.sort_key());
    Ok((plans, warnings))
}

/// Points a period's field paths into one of its sub-tables (`budget`).
struct Within<'a> {
    outer: &'a dyn Locate,
    key: &'static str,
}

impl Locate for Within<'_> {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        let mut inner = path.clone();
        inner.keys.insert(0, self.key.to_string());
        self.outer.locate(&inner)
    }

    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        self.outer.label_lines(periods)
    }
}

fn budget(
    mut raw: RawPeriod,
    index: usize,
    written: &str,
    actual: &Period,
    check_period: impl Fn(RawPeriod, usize, &Checker) -> Result<Period, InputError>,
    check: &Checker,
) -> Result<Budget, InputError> {
    let present = [
        raw.label.is_some(),
        raw.months.is_some(),
        raw.notes.is_some(),
        raw.budget.is_some(),
        raw.guidance.is_some(),
    ];
    if let Some((key, _)) = NOT_IN_A_BUDGET.iter().zip(present).find(|(_, p)| *p) {
        return Err(check
            .error(
                FieldPath::new(Table::Period(index), &["budget", key]),
                format!("a budget holds figures and cost lines, not `{key}`"),
            )
            .with_help("write it in the period's own table, above [period.budget]"));
    }
    let revenue_given = raw.revenue.is_some();
    raw.label = Some(Label(written.to_string()));
    raw.revenue.get_or_insert(Amount(Decimal::ZERO));
    let within = Within {
        outer: check.locator,
        key: "budget",
    };
    let inner = Checker {
        file: check.file,
        locator: &within,
    };
    let mut period = check_period(raw, index, &inner)?;
    period.label = actual.label;
    period.coverage = actual.coverage;
    Ok(Budget {
        period,
        revenue_given,
    })
}
