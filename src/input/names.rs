//! Names of figures as people write them in a spreadsheet or CSV file: "Headcount end",
//! "Headcount-End" and "headcount_end" are one name, and a "Total costs" or "Subtotal" row or
//! column is a subtotal, checked against the cost lines rather than read as one.

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
