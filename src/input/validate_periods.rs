//! The periods of an input: how many there may be, the units of their values, and each one
//! checked (on all cores) with its label unique.

use std::collections::{BTreeMap, HashMap};

use super::super::cost_sign::CostSign;
use super::super::locate::{FieldPath, Table};
use super::super::raw::{RawInput, RawPeriod};
use super::super::{Company, Period, ValueUnit};
use super::period::period;
use super::{duplicate_label, Checker, MAX_PERIODS};
use crate::diagnostic::InputError;
use crate::period::PeriodLabel;

/// Refuses an input without periods, or with more than [`MAX_PERIODS`].
pub(super) fn period_count(raw: &RawInput, check: &Checker) -> Result<(), InputError> {
    if raw.periods.is_empty() {
        return Err(InputError::new(check.file, "the input has no periods").with_help(
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
    Ok(())
}

/// The unit of each value the periods give, from the input's `[values]` table.
pub(super) fn value_units(
    raw: &mut RawInput,
    check: &Checker,
) -> Result<BTreeMap<String, ValueUnit>, InputError> {
    let mut given: Vec<&str> = raw
        .periods
        .iter()
        .flat_map(|p| p.values.keys().map(String::as_str))
        .collect();
    given.sort_unstable();
    given.dedup();
    super::super::kpi::value_units(std::mem::take(&mut raw.values), &given, |name, message| {
        check.error(FieldPath::new(Table::Values, &[name, "unit"]), message)
    })
}

/// Every period checked, in file order, and the line of each label in the file. Periods are
/// checked on all cores; the first error in file order is the one reported, as if they had
/// been checked one after another.
pub(super) fn checked_periods(
    raw_periods: Vec<RawPeriod>,
    written: &[String],
    company: &Company,
    value_units: &BTreeMap<String, ValueUnit>,
    cost_sign: CostSign,
    check: &Checker,
) -> Result<(Vec<Period>, HashMap<PeriodLabel, usize>), InputError> {
    let lines = check.locator.label_lines(raw_periods.len());
    let mut label_lines = HashMap::with_capacity(raw_periods.len());
    let mut periods = Vec::with_capacity(raw_periods.len());
    let mut seen: foldhash::HashMap<PeriodLabel, usize> = foldhash::HashMap::default();
    let checked: Vec<Result<Period, InputError>> = {
        use rayon::prelude::*;
        raw_periods
            .into_par_iter()
            .enumerate()
            .map(|(index, raw_period)| {
                period(raw_period, index, company, value_units, cost_sign, check)
            })
            .collect()
    };
    for (index, period) in checked.into_iter().enumerate() {
        let period = period?;
        if let Some(first) = seen.insert(period.label, index) {
            return Err(check
                .error(
                    FieldPath::new(Table::Period(index), &["label"]),
                    duplicate_label(written, period.label, first, index),
                )
                .with_help("each period label may appear once; remove or relabel one of them"));
        }
        if let Some(line) = lines.get(index).copied().flatten() {
            label_lines.insert(period.label, line);
        }
        periods.push(period);
    }
    Ok((periods, label_lines))
}

/// Each period's label as written, for messages that quote it ("2024Q1" and "Q1 2024" are one
/// period).
pub(super) fn written_labels(raw_periods: &[RawPeriod]) -> Vec<String> {
    raw_periods
        .iter()
        .map(|p| p.label.as_ref().map_or("", |l| l.0.trim()).to_string())
        .collect()
}
