//! A budget or guidance figure for a figure the period's actuals do not give: a warning, with
//! its place in the file, since the plan can be compared with nothing there.

use super::super::locate::{FieldPath, Table};
use super::super::plan_actual::{Budget, Guidance};
use super::super::FIGURES;
use super::super::{Period, Warning, WarningKind};
use super::checker::Checker;

/// One warning for each budgeted figure, cost line or value and each guided figure that the
/// actual period lacks, in the order budget figures, cost lines, values, guidance.
pub(super) fn unmatched(
    budget: Option<&Budget>,
    guidance: Option<&Guidance>,
    actual: &Period,
    index: usize,
    check: &Checker,
) -> Vec<Warning> {
    let mut found: Vec<(Vec<&str>, String)> = Vec::new();
    if let Some(budget) = budget {
        let planned = &budget.period;
        for figure in &FIGURES {
            if figure.field.get(planned).is_some() && figure.field.get(actual).is_none() {
                let keys = match figure.table {
                    super::super::Table::Period => vec!["budget", figure.key],
                    super::super::Table::Ai => vec!["budget", "ai", figure.key],
                };
                found.push((keys, format!("the budget gives {}", figure.key)));
            }
        }
        for line in planned.costs.keys() {
            if !actual.costs.contains_key(line) {
                let words = format!("the budget gives the cost line \"{line}\"");
                found.push((vec!["budget", "costs", line.as_str()], words));
            }
        }
        for name in planned.values.keys() {
            if !actual.values.contains_key(name) {
                let words = format!("the budget gives the value \"{name}\"");
                found.push((vec!["budget", "values", name.as_str()], words));
            }
        }
    }
    for range in guidance.map_or(&[][..], |g| g.ranges.as_slice()) {
        if range.figure.get(actual).is_none() {
            let words = format!("the guidance gives {}", range.key);
            let keys = match range.key.strip_prefix("values.") {
                Some(name) => vec!["guidance", "values", name],
                None => vec!["guidance", range.key.as_str()],
            };
            found.push((keys, words));
        }
    }
    let label = actual.label.to_string();
    found
        .into_iter()
        .map(|(keys, what)| {
            let place = check
                .locator
                .locate(&FieldPath::new(Table::Period(index), &keys))
                .map(|location| location.place(check.file));
            let message = format!(
                "{label}: {what}, but the period's actual figures do not: it is compared with \
                 nothing; add the actual figure to the period, or remove it from the plan"
            );
            Warning::new(Some(label.clone()), WarningKind::PlanWithoutActual, message).at(place)
        })
        .collect()
}
