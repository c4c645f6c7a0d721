//! Every catalogue metric is a formula in the workbook, or says why it is a value; and each
//! formula builder finds its operands wherever ipobrief has a value (the values themselves are
//! recomputed by LibreOffice in `tests/suite/workbook.rs`).

use super::series::Sources;
use crate::analysis::Analysis;
use crate::input::CompanyInput;
use crate::metrics::catalogue::workbook::{InWorkbook, LineInWorkbook};
use crate::metrics::catalogue::{CATALOGUE, LINE_CATALOGUE};
use crate::scorecard::Thresholds;

#[test]
fn every_metric_has_a_workbook_formula_or_a_reason_why_it_is_a_value() {
    for metric in CATALOGUE {
        if let InWorkbook::Value(why) = metric.workbook {
            assert!(
                why.trim().len() > 10,
                "{}: say why it is written as a value",
                metric.key
            );
        }
    }
    for metric in LINE_CATALOGUE {
        if let LineInWorkbook::Value(why) = metric.workbook {
            assert!(
                why.trim().len() > 10,
                "{}: say why it is written as a value",
                metric.key
            );
        }
    }
}

fn inputs() -> Vec<CompanyInput> {
    let acme = include_str!("../../../tests/fixtures/acme.toml");
    vec![
        crate::input::klarna_example(),
        crate::input::from_toml(acme).expect("the acme fixture is valid"),
    ]
}

/// Where the Inputs sheet puts each figure of `input`, as the workbook lays it out.
fn layout(input: &CompanyInput, metrics: &crate::metrics::Metrics) -> super::inputs::InputsLayout {
    let lines = metrics
        .cost_line_names()
        .into_iter()
        .map(String::from)
        .collect();
    super::inputs::layout(input, lines)
}

#[test]
fn each_formula_finds_its_operands_wherever_ipobrief_has_a_value() {
    for input in inputs() {
        let analysis = Analysis::of(&input, &Thresholds::default(), None);
        let metrics = &analysis.metrics;
        let layout = layout(&input, metrics);
        let sources = Sources::new(&input, metrics, &layout);
        let mut formulas = 0;
        for period in &metrics.periods {
            super::series::with_cells(&sources, period.label, |cells| {
                for metric in CATALOGUE
                    .iter()
                    .filter(|m| m.series.applies_to(period.kind))
                {
                    if metric.value(period).is_none()
                        || matches!(metric.workbook, InWorkbook::Value(_))
                    {
                        continue;
                    }
                    // A tree's formula, or the entry's own builder's.
                    let formula = match metric.workbook.builder() {
                        Some(build) => build(cells),
                        None => super::tree::metric(metric, cells),
                    };
                    assert!(
                        formula.is_some(),
                        "{} {}: no formula",
                        period.label,
                        metric.key
                    );
                    formulas += 1;
                }
                for (line, values) in &period.cost_lines {
                    for metric in LINE_CATALOGUE {
                        if (metric.get)(values).is_none() {
                            continue;
                        }
                        let formula = match metric.workbook {
                            LineInWorkbook::Formula(build) => build(cells, line),
                            LineInWorkbook::Tree => super::tree::line(metric, cells, line),
                            LineInWorkbook::Value(_) => continue,
                        };
                        assert!(formula.is_some(), "{} {line} {}", period.label, metric.key);
                        formulas += 1;
                    }
                }
            });
        }
        assert!(
            formulas > 100,
            "{formulas} formulas for {}",
            metrics.company.name
        );
    }
}

#[test]
fn formulas_read_as_an_analyst_would_write_them() {
    // Klarna 2025 (the 8th period, column F of Years; Inputs row 10): revenue growth is
    // (2025 revenue - 2024 revenue) / |2024 revenue| over the Inputs cells of both years.
    let input = crate::input::klarna_example();
    let analysis = Analysis::of(&input, &Thresholds::default(), None);
    let metrics = &analysis.metrics;
    let layout = layout(&input, metrics);
    let sources = Sources::new(&input, metrics, &layout);
    let label = crate::period::PeriodLabel::parse("2025").unwrap();
    let at = sources.index[&label];
    let year_before = sources.index[&label.year_earlier()];
    let formula = |key: &str| match crate::metrics::catalogue::known(key).workbook.builder() {
        Some(build) => super::series::with_cells(&sources, label, |c| build(c)).unwrap(),
        None => panic!("{key} is a value"),
    };
    let (now, before) = (
        super::inputs::InputsLayout::row(at) + 1,
        super::inputs::InputsLayout::row(year_before) + 1,
    );
    assert_eq!(
        formula("revenue_growth_yoy_pct"),
        format!("IF(Inputs!B{before}>0,(Inputs!B{now}-Inputs!B{before})/Inputs!B{before},\"n/m\")")
    );
    // Per employee: revenue (a sheet row, in millions) × Scale × 1 (a year) ÷ average headcount.
    assert!(
        formula("revenue_per_employee").starts_with("ROUND(F"),
        "{}",
        formula("revenue_per_employee")
    );
    assert!(formula("revenue_per_employee").contains("*Scale*1/F"));
    // Rule of 40 adds two fractions and shows points.
    assert!(formula("rule_of_40").ends_with(")*100"));
    // A tree: a share of revenue is the amount's row over revenue's, both on this sheet, and a
    // difference of growth rates (fractions) is shown in points.
    let tree = |key: &str| {
        let metric = crate::metrics::catalogue::known(key);
        super::series::with_cells(&sources, label, |c| super::tree::metric(metric, c)).unwrap()
    };
    let opex = tree("opex_pct_of_revenue");
    let (top, bottom) = opex.split_once('/').unwrap();
    assert!(
        top.starts_with('F') && bottom.starts_with('F') && top != bottom,
        "{opex}"
    );
    let points = tree("growth_minus_headcount_growth_pp");
    assert!(
        points.starts_with("(F") && points.ends_with(")*100"),
        "{points}"
    );
}

#[test]
fn text_longer_than_a_cell_holds_is_cut_not_an_error() {
    // Excel's limit is 32,767 UTF-16 units; "😀" is 2 of them, so 20,000 are 40,000 units.
    let long = "😀".repeat(20_000);
    let fitted = super::style::fit(&long);
    assert!(fitted.encode_utf16().count() <= 32_767);
    assert!(fitted.ends_with('…'));
    assert_eq!(super::style::fit("=1+1"), "=1+1");
}

/// Every cell of a workbook, sheet by sheet: its value and its formula, as calamine reads them.
type Cells = Vec<(String, Vec<(u32, u32, String, String)>)>;

fn cells(bytes: Vec<u8>) -> Cells {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let values = book.worksheet_range(&name).expect("the sheet's values");
            let formulas = book.worksheet_formula(&name).expect("the sheet's formulas");
            let start = values.start().unwrap_or((0, 0));
            let mut cells: Vec<(u32, u32, String, String)> = values
                .cells()
                .map(|(row, column, value)| {
                    // Absolute positions: the two ranges may start at different cells.
                    let at = (start.0 + row as u32, start.1 + column as u32);
                    let formula = formulas.get_value(at).cloned().unwrap_or_default();
                    (at.0, at.1, value.to_string(), formula)
                })
                .collect();
            cells.sort();
            (name, cells)
        })
        .collect()
}

/// The low-memory sheets (used from `LOW_MEMORY_FROM` periods on) write rows as they go and
/// drop any write to an earlier row: built both ways, every sheet holds the same cells, values
/// and formulas, so none was dropped and the two paths stay one workbook.
#[test]
fn low_memory_sheets_hold_the_same_cells_as_in_memory_ones() {
    for input in inputs() {
        let analysis = Analysis::of(&input, &Thresholds::default(), None);
        let in_memory = super::build_with(&input, &analysis, None, false).expect("in memory");
        let low_memory = super::build_with(&input, &analysis, None, true).expect("low memory");
        let (a, b) = (cells(in_memory), cells(low_memory));
        assert_eq!(a.len(), b.len());
        for ((name, a), (_, b)) in a.iter().zip(&b) {
            assert!(a.len() > 1, "{name} is empty");
            assert_eq!(a, b, "{name}");
        }
    }
}

/// Every company KPI with a value is a live formula (its [[kpi]] formula over the sheet's and
/// the Inputs cells), never a value with a note; LibreOffice recomputes them to metrics.json in
/// `tests/suite/workbook.rs`.
#[test]
fn every_kpi_with_a_value_is_a_formula() {
    let input = crate::input::klarna_example();
    assert!(!input.kpis.is_empty());
    let analysis = Analysis::of(&input, &Thresholds::default(), None);
    let book = cells(super::build(&input, &analysis, None).expect("the workbook"));
    let mut formulas = 0;
    for (sheet, cells) in book
        .iter()
        .filter(|(name, _)| name == "Years" || name == "Quarters")
    {
        let kpi_rows: Vec<u32> = cells
            .iter()
            .filter(|(_, column, value, _)| {
                *column == 0 && input.kpis.iter().any(|k| &k.name == value)
            })
            .map(|(row, ..)| *row)
            .collect();
        assert_eq!(kpi_rows.len(), input.kpis.len(), "{sheet}");
        for (row, column, value, formula) in cells {
            if kpi_rows.contains(row) && *column >= 2 && !value.is_empty() {
                assert!(
                    !formula.is_empty(),
                    "{sheet} row {row} column {column}: {value} is no formula"
                );
                formulas += 1;
            }
        }
    }
    assert!(formulas >= 20, "{formulas}");
}

#[test]
fn each_figure_is_in_its_own_input_column() {
    for figure in crate::input::FIGURES.iter().filter(|f| f.inputs_sheet) {
        let column = super::inputs::field_column(figure.field) as usize;
        assert_eq!(crate::input::COLUMNS[column], figure.column);
    }
}

/// Net burn and runway are formulas in every period with cash-flow figures, guarded as ipobrief
/// computes them: 2023 burns (free cash flow 10 - 40 = -30: net burn 30, runway 120 × 12 / 30
/// = 48 months), 2024 does not (free cash flow 50 - 20 = 30), yet its cells hold the same
/// formulas, empty now, so a what-if that cuts 2024's operating cash flow shows its burn.
#[test]
fn net_burn_and_runway_are_guarded_formulas_in_every_period() {
    let input = crate::input::from_toml(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"millions\"\n\
         [[period]]\nlabel = \"2023\"\nrevenue = 100\noperating_cash_flow = 10\ncapex = 40\ncash = 120\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 120\noperating_cash_flow = 50\ncapex = 20\ncash = 150\n",
    )
    .unwrap();
    let analysis = Analysis::of(&input, &Thresholds::default(), None);
    let metrics = &analysis.metrics;
    assert_eq!(metrics.periods[0].runway_months, Some(48.0));
    assert_eq!(metrics.periods[1].net_burn, None);
    let layout = layout(&input, metrics);
    let sources = Sources::new(&input, metrics, &layout);
    for period in &metrics.periods {
        super::series::with_cells(&sources, period.label, |cells| {
            let build = |key: &str| {
                crate::metrics::catalogue::known(key)
                    .workbook
                    .builder()
                    .and_then(|build| build(cells))
                    .unwrap_or_else(|| panic!("{} {key}: no formula", period.label))
            };
            let (burn, runway) = (build("net_burn"), build("runway_months"));
            let fcf = burn
                .trim_start_matches("IF(")
                .split('<')
                .next()
                .unwrap()
                .to_string();
            assert_eq!(burn, format!("IF({fcf}<0,-{fcf},\"\")"));
            assert!(runway.contains("*12/"), "{runway}");
        });
    }
}
