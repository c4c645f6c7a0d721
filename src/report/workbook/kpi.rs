//! A company KPI as a live formula: its `[[kpi]]` formula (the typed tree `input::formula`
//! parsed) written in Excel (`tree.rs`) over the sheet's own rows (metrics, other KPIs) and the
//! Inputs sheet (cost lines, `value:<name>` columns, the headcount at the start).

use super::tree::{excel, Leaves};
use crate::input::formula::Name;
use crate::input::{CompanyInput, ValueUnit};
use crate::metrics::kpi::{target, Target};
use crate::metrics::Unit;

/// Where a KPI formula's operands are, for one period (a `prior` asks for the period a year
/// earlier). Every answer is a cell reference in the sheet's units, or `None` when that cell is
/// not in the workbook or is empty.
pub trait KpiCells: Sized + Clone {
    /// The same cells for the period a year earlier.
    fn year_earlier(&self) -> Self;
    /// A catalogue metric's cell on this sheet.
    fn metric(&self, key: &str) -> Option<String>;
    /// Another company KPI's cell on this sheet, by its index in the input's `[[kpi]]` tables.
    fn kpi(&self, index: usize) -> Option<String>;
    /// A cost line's cell on the Inputs sheet.
    fn line(&self, name: &str) -> Option<String>;
    /// A `[period.values]` cell on the Inputs sheet.
    fn value(&self, name: &str) -> Option<String>;
    /// The headcount at the period's start on the Inputs sheet.
    fn headcount_start(&self) -> Option<String>;
}

/// The Excel formula (without `=`) of the KPI at `index` of the input's `[[kpi]]` tables, in
/// the sheet's units; `None` when an operand is not in the workbook (the value is then
/// written as a value, with a note saying why).
pub fn formula(input: &CompanyInput, index: usize, cells: &impl KpiCells) -> Option<String> {
    let kpi = input.kpis.get(index)?;
    let leaves = KpiLeaves {
        input,
        cells: cells.clone(),
    };
    excel(&kpi.expr, &leaves, crate::metrics::kpi::unit(kpi))
}

/// A KPI formula's names: metrics and other KPIs on this sheet, cost lines, values and the
/// headcount at the start on the Inputs sheet.
struct KpiLeaves<'a, C> {
    input: &'a CompanyInput,
    cells: C,
}

impl<C: KpiCells> Leaves for KpiLeaves<'_, C> {
    fn year_earlier(&self) -> Option<Self> {
        Some(KpiLeaves {
            input: self.input,
            cells: self.cells.year_earlier(),
        })
    }

    fn leaf(&self, name: &Name) -> Option<(String, Unit)> {
        let (input, cells) = (self.input, &self.cells);
        Some(match name {
            Name::Cost(line) => (cells.line(line)?, Unit::Amount),
            // Only money values are in the scale on the Inputs sheet.
            Name::Value(value) => match input.value_unit(value) {
                ValueUnit::Money => (cells.value(value)?, Unit::Amount),
                _ => (cells.value(value)?, Unit::Ratio),
            },
            Name::Plain(plain) => match target(input, plain)? {
                Target::Kpi(k) => (cells.kpi(k)?, crate::metrics::kpi::unit(input.kpis.get(k)?)),
                Target::Metric(metric) => (cells.metric(metric.key)?, metric.unit),
                Target::HeadcountStart => (cells.headcount_start()?, Unit::People),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::term::power_of_hundred;
    use super::*;
    use rust_decimal::Decimal;

    /// Cells at A1-style places named after what they hold, so the formula can be read.
    #[derive(Clone)]
    struct Named(u32);

    impl KpiCells for Named {
        fn year_earlier(&self) -> Self {
            Named(self.0 - 1)
        }
        fn metric(&self, key: &str) -> Option<String> {
            (key != "ebitda").then(|| format!("{key}_{}", self.0))
        }
        fn kpi(&self, index: usize) -> Option<String> {
            Some(format!("kpi{index}_{}", self.0))
        }
        fn line(&self, name: &str) -> Option<String> {
            Some(format!("Inputs!{name}_{}", self.0))
        }
        fn value(&self, name: &str) -> Option<String> {
            Some(format!("Inputs!{name}_{}", self.0))
        }
        fn headcount_start(&self) -> Option<String> {
            None
        }
    }

    fn company(kpis: &str) -> CompanyInput {
        crate::input::from_toml(&format!(
            "[company]\nname = \"A\"\ncurrency = \"USD\"\nscale = \"millions\"\n\
             [[period]]\nlabel = \"2024\"\nrevenue = 10\n[period.values]\ngmv = 200\n{kpis}"
        ))
        .unwrap_or_else(|error| panic!("{error}"))
    }

    const KPI: &str =
        "[[kpi]]\nkey = \"k\"\nname = \"K\"\nunit = \"{unit}\"\nformula = \"{formula}\"\n";

    fn kpi(unit: &str, formula: &str) -> String {
        KPI.replace("{unit}", unit).replace("{formula}", formula)
    }

    #[test]
    fn each_operand_is_brought_to_the_formulas_units_and_the_result_to_the_sheets() {
        // A share of GMV: revenue (millions on the sheet) over a value (millions on Inputs),
        // times 100 (a percent number), back to a fraction on the sheet: the scales cancel,
        // and so do the hundreds.
        let input = company(&kpi("pct", "revenue / values.gmv * 100"));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("revenue_7/Inputs!gmv_7")
        );
        // A plain value in money is its cell; an amount over a head count keeps the scale.
        let input = company(&kpi("money", "values.gmv"));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("Inputs!gmv_7")
        );
        let input = company(&kpi("ratio", "revenue / revenue + 100"));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("revenue_7/revenue_7+100")
        );
        let input = company(&kpi("ratio", "revenue / headcount_end + 100"));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("(revenue_7/headcount_end_7+1/Scale*100)*Scale")
        );
        // Money, a cost line, a percentage metric, a year earlier, a negation, decimals.
        let input = company(&kpi(
            "money",
            "revenue - costs.marketing * operating_margin_pct / 100 + prior(-revenue) * 0.5",
        ));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("revenue_7-Inputs!marketing_7*operating_margin_pct_7+-revenue_6*0.5")
        );
    }

    /// Trust II, 13: a count on the Inputs sheet is as written, not in the scale. Revenue per
    /// customer is revenue (millions on the sheet) over customers, in currency: `*Scale`
    /// once; customers per employee has no Scale at all.
    #[test]
    fn a_value_that_is_not_money_carries_no_scale() {
        let input = crate::input::from_toml(
            "[company]\nname = \"A\"\ncurrency = \"USD\"\nscale = \"millions\"\n\
             [values.customers]\nunit = \"number\"\n\
             [[period]]\nlabel = \"2024\"\nrevenue = 10\nheadcount_end = 5\n\
             values = { customers = 20000 }\n\
             [[kpi]]\nkey = \"k\"\nname = \"K\"\nunit = \"money_per_unit\"\n\
             formula = \"revenue / values.customers\"\n\
             [[kpi]]\nkey = \"c\"\nname = \"C\"\nunit = \"number\"\n\
             formula = \"values.customers / headcount_end\"\n",
        )
        .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(
            formula(&input, 0, &Named(7)).as_deref(),
            Some("revenue_7/Inputs!customers_7*Scale")
        );
        assert_eq!(
            formula(&input, 1, &Named(7)).as_deref(),
            Some("Inputs!customers_7/headcount_end_7")
        );
    }

    #[test]
    fn a_kpi_reads_another_in_its_units_and_a_missing_operand_gives_no_formula() {
        let two = format!(
            "{}{}",
            kpi("money", "revenue"),
            kpi("pct", "k / values.gmv * 100").replace("key = \"k\"", "key = \"k2\"")
        );
        let input = company(&two);
        assert_eq!(
            formula(&input, 1, &Named(3)).as_deref(),
            Some("kpi0_3/Inputs!gmv_3")
        );
        // EBITDA has no cell here, and the headcount at the start none either: no formula.
        assert_eq!(
            formula(&company(&kpi("money", "ebitda")), 0, &Named(3)),
            None
        );
        assert_eq!(
            formula(&company(&kpi("people", "headcount_start")), 0, &Named(3)),
            None
        );
    }

    #[test]
    fn powers_of_a_hundred_stop_at_the_decimal_range() {
        assert_eq!(power_of_hundred(0), Some(Decimal::ONE));
        assert_eq!(power_of_hundred(2), Some(Decimal::from(10_000)));
        assert_eq!(power_of_hundred(-1), Some(Decimal::new(1, 2)));
        // 100^14 = 10^28 is in range, 100^15 = 10^30 is not; 10^-28 likewise, 10^-30 not.
        assert_eq!(
            power_of_hundred(14),
            Some(Decimal::from_i128_with_scale(10i128.pow(28), 0))
        );
        assert_eq!(power_of_hundred(15), None);
        assert_eq!(power_of_hundred(-14), Some(Decimal::new(1, 28)));
        assert_eq!(power_of_hundred(-15), None);
    }

    #[test]
    fn hundreds_stacked_past_the_decimal_range_are_written_as_a_product() {
        // Regression: the literal 100^16 (eight hundreds divided on the left, eight multiplied
        // on the right) overflowed and panicked. Value: 10^-16 + 10^16 = (1 + 100^16) / 100^8.
        let input = company(&kpi(
            "ratio",
            &format!(
                "revenue / revenue{} + 100{}",
                " / 100".repeat(8),
                " * 100".repeat(7)
            ),
        ));
        assert_eq!(
            formula(&input, 0, &Named(7)),
            Some(format!(
                "(revenue_7/revenue_7+1{}){}",
                "*100".repeat(16),
                "/100".repeat(8)
            ))
        );
    }
}
