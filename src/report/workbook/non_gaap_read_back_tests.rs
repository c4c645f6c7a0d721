//! The Inputs sheet's reconciliation columns reading back as an input, the same in a
//! low-memory sheet, and absent for a company without non-GAAP figures.

use calamine::{Reader, Xlsx};

use super::non_gaap_tests::{at, sheet, workbook, EVERY_CHECK};
use crate::analysis::Analysis;
use crate::scorecard::Thresholds;

/// The Inputs sheet reads back as an input with every period's reconciliation figures: net
/// income, interest, tax and each adjustment; of the reported figures, free cash flow's (the
/// company's own measures', which a spreadsheet input cannot declare, are on the Reported
/// sheet, which the reader leaves alone).
#[test]
fn the_reconciliation_figures_read_back_from_the_inputs_sheet() {
    let clean = include_str!("../../../tests/fixtures/non-gaap/clean.toml");
    for text in [EVERY_CHECK, clean] {
        let input = crate::input::from_toml(text).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metrics.xlsx");
        std::fs::write(&path, workbook(&input)).unwrap();
        let back = crate::input::load(&path, &Default::default()).expect("reads back");
        use crate::input::Field::{IncomeTax, InterestExpense, NetIncome};
        for (read, written) in back.periods.iter().zip(&input.periods) {
            for field in [NetIncome, InterestExpense, IncomeTax] {
                assert_eq!(field.get(read), field.get(written), "{}", read.label);
            }
            let amounts = |p: &crate::input::Period| -> Vec<(String, rust_decimal::Decimal)> {
                let items = p.non_gaap.adjustments.iter();
                items.map(|(name, a)| (name.clone(), a.amount)).collect()
            };
            assert_eq!(amounts(read), amounts(written));
            let fcf = |p: &crate::input::Period| p.non_gaap.reported.get("free_cash_flow").copied();
            assert_eq!(fcf(read), fcf(written));
            assert_eq!(
                read.non_gaap.reported.len(),
                usize::from(fcf(read).is_some())
            );
        }
    }
}

/// The Inputs sheet's reconciliation columns are written in each period's row as it goes, so
/// a long history's low-memory sheet holds them as the in-memory one does.
#[test]
fn a_low_memory_inputs_sheet_holds_the_reconciliation_columns() {
    let input = crate::input::from_toml(EVERY_CHECK).unwrap();
    let analysis = Analysis::of(&input, &Thresholds::default(), None);
    let build = |low| super::build_with(&input, &analysis, None, low).unwrap();
    let (in_memory, low_memory) = (build(false), build(true));
    for name in ["Inputs", "Non-GAAP", "Reported"] {
        assert_eq!(sheet(&in_memory, name), sheet(&low_memory, name), "{name}");
    }
    assert_eq!(at(&sheet(&low_memory, "Inputs"), "V4"), "6");
}

/// A company without non-GAAP figures has the workbook it had before they were read: no
/// Non-GAAP sheet, no new Inputs columns.
#[test]
fn a_company_without_measures_has_no_non_gaap_sheet() {
    let acme = include_str!("../../../tests/fixtures/acme.toml");
    let bytes = workbook(&crate::input::from_toml(acme).expect("acme"));
    let book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(!book.sheet_names().iter().any(|n| n == "Non-GAAP"));
}
