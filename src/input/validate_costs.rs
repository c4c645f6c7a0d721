//! Checks across all periods' cost lines: `ai_exposed` names real lines, the number of lines
//! is bounded, and costs written below zero are refused unless `cost_sign` says so.

use foldhash::HashSet;

use super::super::cost_sign::{negative_convention, CostSign};
use super::super::locate::{FieldPath, Table};
use super::super::{Company, Period};
use super::{Checker, MAX_COST_LINES};
use crate::diagnostic::{did_you_mean, InputError};

/// Every `ai_exposed` name must be a cost line of some period (a typo would silently zero the
/// AI-exposed cost), and the number of distinct lines is bounded.
pub(super) fn check_cost_lines(
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
pub(super) fn check_cost_sign(
    periods: &[Period],
    cost_sign: CostSign,
    check: &Checker,
) -> Result<(), InputError> {
    let Some(found) = negative_convention(periods) else {
        return Ok(());
    };
    let at = FieldPath::new(Table::Period(found.period), &["costs", &found.line]);
    // The period by its label, as every other message names it ("2023", not "period 1").
    let period = periods.get(found.period).map_or_else(
        || format!("period {}", found.period + 1),
        |p| p.label.to_string(),
    );
    let counts = format!("{} of {} cost lines", found.negative_lines, found.lines);
    let error = match cost_sign {
        CostSign::Positive => check
            .error(
                at,
                format!(
                    "costs are entered as negative amounts: {counts} are below zero while revenue \
                     is positive, which would make operating expenses negative (\"{}\" in {period} \
                     is the first)",
                    found.line
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
                     above zero (\"{}\" in {period} is the first)",
                    found.line
                ),
            )
            .with_help("remove cost_sign, or write the costs below zero"),
    };
    Err(error)
}

#[cfg(test)]
mod tests {
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
}
