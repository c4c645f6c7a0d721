//! How a measure's base and items read to a person: a statement figure by its catalogue name
//! ("Depreciation and amortisation"), else by its key in words ("Interest expense"), and an
//! adjustment by its own name ("Gain on sale of business").

use crate::format::line_name;
use crate::input::CompanyInput;

/// A statement figure's name, by its key (`operating_cash_flow`: "Operating cash flow").
pub fn figure_name(key: &str) -> String {
    match super::super::catalogue::metric(key) {
        Some(metric) => metric.name.to_string(),
        None => line_name(key),
    }
}

/// An item as a reconciliation's row names it, by the entry as written: an adjustment by the
/// name `[adjustments.<name>]` declares, else from its key (`adjustments.restructuring`:
/// "Restructuring"); a figure by its catalogue name (`capex`: "Capital expenditure").
pub fn item_name(written: &str, input: &CompanyInput) -> String {
    match written.strip_prefix("adjustments.") {
        Some(name) => match input.adjustment_names.get(name) {
            Some(declared) => declared.clone(),
            None => item_name_of_key(written),
        },
        None => item_name_of_key(written),
    }
}

/// An entry's name from its key alone, where no input says more.
pub fn item_name_of_key(written: &str) -> String {
    match written.strip_prefix("adjustments.") {
        Some(name) => line_name(name),
        None => figure_name(written),
    }
}

/// An item mid-sentence, as a reason names it: "interest expense", "share-based payments
/// (adjustment)".
pub fn item_words(written: &str, input: &CompanyInput) -> String {
    let lowered = crate::metrics::reason::lower_first(&item_name(written, input));
    match written.starts_with("adjustments.") {
        true => format!("{lowered} (adjustment)"),
        false => lowered,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_read_by_their_catalogue_names_and_adjustments_by_their_own() {
        let text = "[company]\nname = \"A\"\ncurrency = \"USD\"\n\
                    [adjustments.ipo_costs]\nname = \"IPO costs\"\n\
                    [[period]]\nlabel = \"2025\"\nrevenue = 1\n\
                    [period.adjustments]\nipo_costs = 1\ngain_on_sale_of_business = -1\n";
        let input = crate::input::from_toml(text).unwrap_or_else(|e| panic!("{e}"));
        let name = |written: &str| super::item_name(written, &input);
        assert_eq!(super::figure_name("net_income"), "Net income");
        assert_eq!(
            name("depreciation_amortization"),
            "Depreciation and amortisation"
        );
        assert_eq!(name("capex"), "Capital expenditure");
        assert_eq!(
            name("adjustments.gain_on_sale_of_business"),
            "Gain on sale of business"
        );
        assert_eq!(name("adjustments.ipo_costs"), "IPO costs");
        let words = |written: &str| super::item_words(written, &input);
        assert_eq!(words("adjustments.ipo_costs"), "IPO costs (adjustment)");
        assert_eq!(
            words("adjustments.gain_on_sale_of_business"),
            "gain on sale of business (adjustment)"
        );
        assert_eq!(words("interest_expense"), "interest expense");
    }
}
