//! The built-in formula trees as a set: each parses, reads catalogue keys only, has a place in
//! the order of computation, fills the field its getter reads and says itself in words; and the
//! KPI evaluator, given the same tree as a company KPI, finds the same values on the examples.

use super::super::{Formula, Number, Unit, CATALOGUE};
use super::words::phrase;
use super::{reads, trees, Slot};
use crate::input::formula::{parse, Expr};

fn tree_entries() -> impl Iterator<Item = (&'static super::Metric, super::Tree)> {
    CATALOGUE.iter().filter_map(|m| match m.formula {
        Formula::Tree(tree) => Some((m, tree)),
        _ => None,
    })
}

#[test]
fn every_tree_parses_reads_only_earlier_computed_keys_and_is_ordered() {
    let count = tree_entries().count();
    assert!(count >= 13, "{count} trees");
    assert_eq!(
        trees().len(),
        count,
        "a tree does not parse, or trees read in a circle"
    );
    for (at, (metric, _, expr)) in trees().iter().enumerate() {
        let mut looks_back = false;
        expr.walk(&mut |node| looks_back |= matches!(node, Expr::Prior { .. }));
        assert!(
            !looks_back,
            "{}: a look back is a growth rate's",
            metric.key
        );
        assert_eq!(reads(expr).len(), expr.names().len(), "{}", metric.key);
        for key in reads(expr) {
            assert!(super::super::metric(key).is_some(), "{}: {key}", metric.key);
            // A tree it reads comes before it.
            let later = trees()[at..].iter().any(|(m, _, _)| m.key == key);
            assert!(!later, "{} reads {key}, computed after it", metric.key);
        }
        let workbook = metric.workbook;
        assert!(
            matches!(workbook, super::super::workbook::InWorkbook::Tree),
            "{}",
            metric.key
        );
    }
}

/// The slot is the field the getter reads, and of the kind the unit says.
#[test]
fn a_tree_fills_the_field_its_getter_reads() {
    let metrics = crate::metrics::compute(&crate::input::klarna_example());
    for (metric, tree) in tree_entries() {
        let mut period = metrics.periods[0].clone();
        let super::Place::Period(slot) = tree.slot else {
            panic!("{}: a period's metric fills a period's field", metric.key);
        };
        match slot(&mut period) {
            Slot::Exact(slot) => {
                assert!(metric.unit.is_exact(), "{}", metric.key);
                *slot = Some(crate::money::Exact(rust_decimal::Decimal::new(-12345, 2)));
            }
            Slot::Float(slot) => {
                assert!(!metric.unit.is_exact(), "{}", metric.key);
                *slot = Some(-123.45);
            }
        }
        assert_eq!(
            metric.value(&period).map(Number::as_f64),
            Some(-123.45),
            "{}",
            metric.key
        );
    }
}

#[test]
fn the_words_name_each_operand_as_the_brief_does() {
    let words = |key: &str| match super::super::known(key).formula {
        Formula::Tree(tree) => tree.words(super::super::known(key).unit),
        _ => panic!("{key} is not a tree"),
    };
    assert_eq!(
        words("gross_margin_pct"),
        "gross profit ÷ revenue × 100, in %"
    );
    assert_eq!(
        words("growth_minus_headcount_growth_pp"),
        "revenue growth YoY − headcount change YoY, in percentage points"
    );
    assert_eq!(words("ai_roi"), "AI savings ÷ AI spend, a multiple");
    // A cost line's formula names the line itself.
    let share = &super::super::LINE_CATALOGUE[1];
    assert_eq!(
        share.formula.words(share.unit),
        "line ÷ revenue × 100, in %"
    );
    for (metric, tree) in tree_entries() {
        assert!(!tree.words(metric.unit).contains('_'), "{}", metric.key);
    }
    // Brackets only where the order of operations needs them.
    let said = |text: &str| phrase(&parse(text).expect("parses")).0;
    assert_eq!(
        said("(revenue - opex) / revenue * 100"),
        "(revenue − operating expenses) ÷ revenue × 100"
    );
    assert_eq!(
        said("revenue - (opex - capex)"),
        "revenue − (operating expenses − capital expenditure)"
    );
    assert_eq!(
        said("revenue - opex - capex"),
        "revenue − operating expenses − capital expenditure"
    );
}

/// Statement figures in odd amounts, a period without revenue and one without cash flows.
const CASH: &str = "[company]\nname = \"Cash\"\ncurrency = \"EUR\"\nscale = \"thousands\"\n\
    [[period]]\nlabel = \"2023\"\nrevenue = 812.3\noperating_income = -41.7\ncost_of_revenue = 301.9\n\
    depreciation_amortization = 52.1\noperating_cash_flow = -33.3\ncapex = 20.7\n\
    stock_based_compensation = 45.5\ncash = 300\n\
    [[period]]\nlabel = \"2024\"\nrevenue = 0\noperating_income = -50\ncost_of_revenue = 3\n\
    depreciation_amortization = 8\noperating_cash_flow = 7\ncapex = 2\nstock_based_compensation = 1\n\
    [[period]]\nlabel = \"2025\"\nrevenue = 1000.01\noperating_income = 99.99\n";

/// The KPI unit that holds a metric's value.
fn kpi_unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Amount => "money",
        Unit::Pct => "pct",
        Unit::Ratio => "ratio",
        _ => "number",
    }
}

/// The same trees as company KPIs: the KPI evaluator (exact decimals, step by step) and the
/// built-in one (one rounding) agree on every period of both examples, n/a where the other is.
#[test]
fn the_kpi_evaluator_finds_the_same_values() {
    let kpis: String = tree_entries()
        .map(|(m, tree)| {
            format!(
                "[[kpi]]\nkey = \"as_kpi_{}\"\nname = \"As KPI {}\"\nunit = \"{}\"\nformula = \"{}\"\n",
                m.key,
                m.key,
                kpi_unit(m.unit),
                tree.formula
            )
        })
        .collect();
    let texts = [
        include_str!("../../../../examples/klarna.toml"),
        include_str!("../../../../tests/fixtures/acme.toml"),
        CASH,
    ];
    let mut compared = std::collections::BTreeMap::new();
    for text in texts {
        let input = crate::input::from_toml(&format!("{text}\n{kpis}")).expect("valid");
        let metrics = crate::metrics::compute(&input);
        for period in &metrics.periods {
            for (metric, _) in tree_entries() {
                let as_kpi = period.kpis[&format!("as_kpi_{}", metric.key)];
                let (ours, theirs) = (metric.value(period), as_kpi.map(|e| e.0));
                assert_eq!(
                    ours.is_some(),
                    theirs.is_some(),
                    "{} {}",
                    period.label,
                    metric.key
                );
                match (ours, theirs) {
                    (Some(Number::Exact(a)), Some(b)) => assert_eq!(a.0, b),
                    (Some(Number::Float(a)), Some(b)) => {
                        let b = crate::format::to_f64(b);
                        assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{a} {b}");
                    }
                    _ => continue,
                }
                *compared.entry(metric.key).or_insert(0) += 1;
            }
        }
    }
    // Every tree is compared somewhere.
    assert_eq!(compared.len(), tree_entries().count(), "{compared:?}");
}
