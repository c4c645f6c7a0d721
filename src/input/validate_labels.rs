//! Period labels across the input: a label met twice is quoted as the person wrote it, with
//! the period it reads as, since "2024Q1" and "Q1 2024" are one period written two ways.

use crate::period::PeriodLabel;

/// A period label met twice, quoted as written at its second place (`index`), and read as
/// its canonical form when that differs: `"2024Q1" appears twice: it reads as 2024-Q1, as
/// "Q1 2024" does`.
pub(super) fn duplicate_label(
    written: &[String],
    label: PeriodLabel,
    first: usize,
    index: usize,
) -> String {
    let here = written.get(index).map_or("", String::as_str);
    let there = written.get(first).map_or("", String::as_str);
    let canonical = label.to_string();
    let reads = match (here == canonical, here == there) {
        (true, true) => String::new(),
        (false, true) => format!(": it reads as {canonical}"),
        (_, false) => format!(": it reads as {canonical}, as \"{there}\" does"),
    };
    format!(
        "the period \"{here}\" appears twice{reads} (periods {} and {} in the file)",
        first + 1,
        index + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    /// Guards the review of src/input: the duplicate quoted "2024-Q1" when the file said "2024Q1".
    #[test]
    fn a_duplicate_is_quoted_as_written() {
        let q1 = PeriodLabel::quarter(2024, 1);
        assert_eq!(
            duplicate_label(&written(&["Q1 2024", "2024Q1"]), q1, 0, 1),
            "the period \"2024Q1\" appears twice: it reads as 2024-Q1, as \"Q1 2024\" does \
             (periods 1 and 2 in the file)"
        );
        assert_eq!(
            duplicate_label(
                &written(&["FY2024", "2023", "FY2024"]),
                PeriodLabel::year(2024),
                0,
                2
            ),
            "the period \"FY2024\" appears twice: it reads as 2024 (periods 1 and 3 in the file)"
        );
        assert_eq!(
            duplicate_label(&written(&["2024", "2024"]), PeriodLabel::year(2024), 0, 1),
            "the period \"2024\" appears twice (periods 1 and 2 in the file)"
        );
    }
}
