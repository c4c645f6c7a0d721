//! How a measure's base and items read to a person: a statement figure by its catalogue name
//! ("Depreciation and amortisation"), else by its key in words ("Interest expense"), and an
//! adjustment by its own name ("Gain on sale of business").

use crate::format::line_name;

/// A statement figure's name, by its key (`operating_cash_flow`: "Operating cash flow").
pub fn figure_name(key: &str) -> String {
    match super::super::catalogue::metric(key) {
        Some(metric) => metric.name.to_string(),
        None => line_name(key),
    }
}

/// An item as a reconciliation's row names it, by the entry as written
/// (`adjustments.restructuring`: "Restructuring"; `capex`: "Capital expenditure").
pub fn item_name(written: &str) -> String {
    match written.strip_prefix("adjustments.") {
        Some(name) => line_name(name),
        None => figure_name(written),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_read_by_their_catalogue_names_and_adjustments_by_their_own() {
        assert_eq!(super::figure_name("net_income"), "Net income");
        assert_eq!(
            super::item_name("depreciation_amortization"),
            "Depreciation and amortisation"
        );
        assert_eq!(super::item_name("capex"), "Capital expenditure");
        assert_eq!(
            super::item_name("adjustments.gain_on_sale_of_business"),
            "Gain on sale of business"
        );
    }
}
