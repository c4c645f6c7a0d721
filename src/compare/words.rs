//! The words a comparison's outputs head its change columns and name news with: "2025 vs
//! 2024", good or bad; against a budget, "Variance", favourable or unfavourable; and the note
//! on fiscal years that end on different days.

use super::change::Tone;
use super::{Comparison, Mode, Source};
use crate::format;

/// The heading of each change column (one per column after the first).
pub fn change_headings(comparison: &Comparison) -> Vec<String> {
    let Some((base, others)) = comparison.columns.split_first() else {
        return Vec::new();
    };
    others
        .iter()
        .map(|column| match comparison.mode {
            Mode::Budget => "Variance".to_string(),
            _ => format!("{} vs {}", column.heading, base.heading),
        })
        .collect()
}

/// What a tone is called: good or bad news; empty for neither.
pub fn tone_word(mode: Mode, tone: Tone) -> &'static str {
    match (mode, tone) {
        (Mode::Budget, Tone::Good) => "favourable",
        (Mode::Budget, Tone::Bad) => "unfavourable",
        (_, Tone::Good) => "good",
        (_, Tone::Bad) => "bad",
        (_, Tone::Neutral | Tone::Na) => "",
    }
}

/// Whether the first group of rows is named too: against a budget each group is a period.
pub fn first_group_named(mode: Mode) -> bool {
    mode == Mode::Budget
}

/// Set when companies' fiscal years end on different days: each day in words with the
/// companies whose years end on it, in the order given ("on 31 December for A and B; on 30 June
/// for C"); a company whose input gives no year end is taken as ending on 31 December, and
/// said so.
pub(super) fn fiscal_year_note(mode: Mode, sources: &[Source]) -> Option<String> {
    let mut days: Vec<(&str, Vec<String>)> = Vec::new();
    for source in sources {
        let company = &source.metrics.company;
        let (day, name) = match company.fiscal_year_end.as_deref() {
            Some(day) => (day, company.name.clone()),
            None => ("12-31", format!("{} (no year end given)", company.name)),
        };
        match days.iter_mut().find(|(d, _)| *d == day) {
            Some((_, names)) => names.push(name),
            None => days.push((day, vec![name])),
        }
    }
    if mode != Mode::Peers || days.len() < 2 {
        return None;
    }
    let groups: Vec<String> = days
        .iter()
        .map(|(day, names)| {
            format!(
                "on {} for {}",
                format::year_end_in_words(day),
                format::listed(names)
            )
        })
        .collect();
    Some(format!(
        "Fiscal years end on different days ({}): the same period label covers different months \
         for these companies.",
        groups.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use crate::compare::tests::{compare, metrics};

    fn company(name: &str, year_end: Option<&str>) -> crate::metrics::Metrics {
        let end = year_end.map_or(String::new(), |d| format!("fiscal_year_end = \"{d}\"\n"));
        metrics(
            &format!(
                "[company]\nname = \"{name}\"\ncurrency = \"USD\"\n{end}\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\n"
            ),
            "c.toml",
        )
    }

    /// Each day in words with its companies, in the order given; a company with no year end
    /// is taken as ending on 31 December, and said so.
    #[test]
    fn fiscal_years_ending_on_different_days_are_named_by_day() {
        let companies = [
            company("Alpha", Some("06-30")),
            company("Beta", None),
            company("Gamma, Inc.", Some("12-31")),
        ];
        let note = compare(&companies, &[], None).fiscal_year_note;
        assert_eq!(
            note.as_deref(),
            Some(
                "Fiscal years end on different days (on 30 June for Alpha; on 31 December for \
                 Beta (no year end given) and Gamma, Inc.): the same period label covers \
                 different months for these companies."
            )
        );
        let same = [company("Beta", None), company("Gamma", Some("12-31"))];
        assert_eq!(compare(&same, &[], None).fiscal_year_note, None);
    }
}
