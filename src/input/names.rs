//! Names of figures as people write them in a spreadsheet or CSV file: "Headcount end",
//! "Headcount-End" and "headcount_end" are one name, and a "Total costs" or "Subtotal" row or
//! column is a subtotal, checked against the cost lines rather than read as one. And what makes
//! a name a person gave unfit to show ([`name_problem`]).

/// Longest accepted text for names and labels; longer text is almost surely a pasted mistake.
pub const MAX_NAME_CHARS: usize = 200;

/// `name` folded: lower case, each run of spaces, hyphens and other punctuation one `_`, none
/// at either end. "Headcount-End " -> "headcount_end", "AI (spend)" -> "ai_spend".
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            if gap && !folded.is_empty() {
                folded.push('_');
            }
            gap = false;
            folded.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    folded
}

/// Whether a figure's name is a subtotal: it starts with the word "Total" or "Subtotal"
/// ("Total costs", "Sub-total opex", "TOTAL").
pub fn is_subtotal(name: &str) -> bool {
    let folded = fold(name).replace("sub_total", "subtotal");
    ["total", "subtotal"].iter().any(|word| {
        folded
            .strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
    })
}

/// What is wrong with a name a person gave (a company, a cost line, a KPI), if anything: empty,
/// longer than [`MAX_NAME_CHARS`], or holding a control character (a line break or a tab would
/// break a table, a CI annotation or a workbook cell). The words follow "the ... name".
pub fn name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if name.trim().is_empty() {
        Some("is empty".to_string())
    } else if count > MAX_NAME_CHARS {
        Some(format!(
            "is {count} characters long, more than the limit of {MAX_NAME_CHARS}"
        ))
    } else {
        name.chars().find(|c| c.is_control()).map(|c| {
            format!(
                "holds the control character {}: write it on one line, without tabs",
                c.escape_unicode()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards Trust II item 17: "Headcount end" was not matched to headcount_end.
    #[test]
    fn names_fold_as_people_write_them() {
        for written in [
            "Headcount end",
            "Headcount-End",
            "headcount_end",
            " HEADCOUNT  END ",
            "Headcount end:",
        ] {
            assert_eq!(fold(written), "headcount_end", "{written:?}");
        }
        assert_eq!(fold("AI (spend)"), "ai_spend");
        assert_eq!(fold("Label"), "label");
    }

    #[test]
    fn totals_and_subtotals_are_subtotals() {
        for name in [
            "Total costs",
            "TOTAL",
            "Subtotal opex",
            "Sub-total",
            "total_costs",
        ] {
            assert!(is_subtotal(name), "{name}");
        }
        for name in ["totally_new_cost", "revenue", "cost:total", "Opex total"] {
            assert!(!is_subtotal(name), "{name}");
        }
    }
}
