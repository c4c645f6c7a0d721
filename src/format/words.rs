//! Words the outputs put figures and names in: a list read as a sentence, a fiscal year's
//! end as a day.

/// "a, b and c"; "a" for one; empty for none.
pub fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A fiscal year end as the input writes it ("MM-DD") in words: "31 December". Text that is
/// not a day of the year is given back as it is.
pub fn year_end_in_words(day: &str) -> String {
    // 2000 is a leap year: "02-29" is a day.
    chrono::NaiveDate::parse_from_str(&format!("2000-{day}"), "%Y-%m-%d")
        .map(|date| date.format("%-d %B").to_string())
        .unwrap_or_else(|_| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_a_sentence() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(listed(&names(&[])), "");
        assert_eq!(listed(&names(&["A"])), "A");
        assert_eq!(listed(&names(&["A", "B"])), "A and B");
        assert_eq!(listed(&names(&["A", "B", "C"])), "A, B and C");
    }

    #[test]
    fn year_ends_read_as_days() {
        assert_eq!(year_end_in_words("12-31"), "31 December");
        assert_eq!(year_end_in_words("06-30"), "30 June");
        assert_eq!(year_end_in_words("02-29"), "29 February");
        assert_eq!(year_end_in_words("13-01"), "13-01");
    }
}
