//! The words a comparison's outputs head its change columns and name news with: "2025 vs
//! 2024", good or bad; against a budget, "Variance", favourable or unfavourable.

use super::change::Tone;
use super::{Comparison, Mode};

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
