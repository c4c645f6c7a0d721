//! The Non-GAAP sheet's formulas and notes (LibreOffice recomputes the values in
//! `tests/suite/workbook_non_gaap.rs`; the Inputs columns reading back are in
//! `non_gaap_read_back_tests.rs`).

use std::io::Read;

use calamine::{Reader, Xlsx};

use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::scorecard::Thresholds;

pub(super) const EVERY_CHECK: &str =
    include_str!("../../../tests/fixtures/non-gaap/every-check.toml");

pub(super) fn workbook(input: &CompanyInput) -> Vec<u8> {
    let analysis = Analysis::of(input, &Thresholds::default(), None);
    super::build(input, &analysis, None).expect("the workbook")
}

/// A sheet's text (`A1` reference, formula or value) by cell, as calamine reads it.
pub(super) fn sheet(bytes: &[u8], name: &str) -> Vec<(String, String)> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx");
    let values = book.worksheet_range(name).expect("the sheet");
    let formulas = book.worksheet_formula(name).expect("its formulas");
    let mut cells = Vec::new();
    for (row, column, value) in values.used_cells() {
        let at = (row as u32, column as u32);
        let mut reference = String::new();
        super::a1::push(&mut reference, at.0, at.1 as u16);
        let formula = formulas.get_value(at).filter(|f| !f.is_empty());
        let text = formula.map_or_else(|| value.to_string(), |f| format!("={f}"));
        cells.push((reference, text));
    }
    cells
}

pub(super) fn at<'a>(cells: &'a [(String, String)], reference: &str) -> &'a str {
    let found = cells.iter().find(|(r, _)| r == reference);
    found.map_or("", |(_, text)| text.as_str())
}

/// Every Check's Inputs sheet: cost lines and values none, so after `notes` (P) come
/// net_income (Q), interest_expense (R), income_tax (S) and the three adjustments (T to V);
/// the reported adjusted EBITDA is on the Reported sheet (B). Non-GAAP sheet: free cash flow's block from row 4
/// (operating cash flow B5, capital expenditure B6, total B7), then adjusted EBITDA's from row 9 (why in
/// 10, net income 11, six items 12 to 17, total 18, reported 19, difference 20).
#[test]
fn each_line_of_a_reconciliation_is_a_formula_over_the_inputs_and_the_total_a_sum() {
    let input = crate::input::from_toml(EVERY_CHECK).unwrap();
    let bytes = workbook(&input);
    let inputs = sheet(&bytes, "Inputs");
    let headers = [
        ("Q2", "net_income"),
        ("R2", "interest_expense"),
        ("S2", "income_tax"),
        ("T2", "adjustment:restructuring"),
        ("U2", "adjustment:gain_on_sale_of_business"),
        ("V2", "adjustment:office_rent"),
    ];
    for (reference, header) in headers {
        assert_eq!(at(&inputs, reference), header);
    }
    assert_eq!(at(&inputs, "Q3"), "-47");
    assert_eq!(at(&inputs, "U4"), "", "2025 gives no gain on sale");
    assert_eq!(at(&inputs, "W2"), "");
    let reported = sheet(&bytes, "Reported");
    assert_eq!(at(&reported, "B2"), "reported:adjusted_ebitda");
    assert_eq!(at(&reported, "B3"), "27.5");
    let sheet = sheet(&bytes, "Non-GAAP");
    let expected = [
        ("A7", "Free cash flow"),
        ("B5", "=Inputs!K3"),
        ("B6", "=-Inputs!L3"),
        ("B7", "=SUM(B5:B6)"),
        ("A11", "Net income (GAAP)"),
        ("B11", "=Inputs!Q3"),
        ("C12", "=Inputs!R4"),
        ("C16", "=Inputs!T4"),
        ("A17", "+ Office rent"),
        ("C17", "=Inputs!V4"),
        ("A18", "Adjusted EBITDA"),
        ("C18", "=SUM(C11:C17)"),
        ("C19", "=Reported!B4"),
        ("C20", "=C19-C18"),
    ];
    for (reference, text) in expected {
        assert_eq!(at(&sheet, reference), text, "{reference}");
    }
}

/// A period that does not give an item has that cell and the total empty, each with a note
/// saying why; the other period is still reconciled.
#[test]
fn a_missing_item_leaves_its_cell_and_the_total_empty_with_a_note() {
    let text = EVERY_CHECK.replacen("interest_expense = 10\n", "", 1);
    let input = crate::input::from_toml(&text).unwrap();
    let bytes = workbook(&input);
    let sheet = sheet(&bytes, "Non-GAAP");
    assert_eq!(at(&sheet, "C12"), "");
    assert_eq!(at(&sheet, "C18"), "");
    assert_eq!(at(&sheet, "B18"), "=SUM(B11:B17)");
    let notes = comments(&bytes);
    assert!(
        notes.contains("n/a: the input gives no interest expense"),
        "{notes}"
    );
}

/// Every comment (note) of the workbook, as XML text.
fn comments(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        if file.name().starts_with("xl/comments") {
            file.read_to_string(&mut text).unwrap();
        }
    }
    text
}
