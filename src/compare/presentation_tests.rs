//! One value of each unit and the text every output gives it, written by hand: the brief's
//! Markdown and HTML cells, the PDF's data text, compare's table, a chart axis's tick and the
//! workbook's number format applied to the value the sheet holds. They read alike because one
//! module (`format`) decides them; a second rule anywhere fails here.

use rust_decimal_macros::dec;

use super::reading_tests as reading;
use crate::format::{self, Unit};
use crate::metrics::{Number, Polarity};
use crate::money::Exact;
use crate::report::cell::{Cell, Place};

/// A value, and how the brief's table, a chart's axis and the workbook's cell read it.
pub(super) struct Case {
    pub(super) unit: Unit,
    pub(super) value: Number,
    pub(super) brief: &'static str,
    pub(super) tick: &'static str,
    pub(super) sheet: &'static str,
}

fn exact(value: rust_decimal::Decimal) -> Number {
    Number::Exact(Exact(value))
}

/// USD, tables in millions with whole amounts (Klarna's frame).
fn cases() -> Vec<Case> {
    use Number::Float;
    let case = |unit, value, brief, tick, sheet| Case {
        unit,
        value,
        brief,
        tick,
        sheet,
    };
    vec![
        case(
            Unit::Amount,
            exact(dec!(3509000000)),
            "3,509",
            "$3.5B",
            "3,509",
        ),
        // Money per person: compact in the brief, whole under "USD per person per year".
        case(
            Unit::Money,
            exact(dec!(1122341.28)),
            "$1.12M",
            "$1.1M",
            "1,122,341",
        ),
        case(Unit::People, exact(dec!(2831)), "2,831", "2.8k", "2,831"),
        // -230 / 3509 = -6.5546%.
        case(Unit::Pct, Float(-6.5546), "-6.6%", "-7%", "-6.6%"),
        // (3509 - 2811) / 2811 = 24.831%.
        case(Unit::Growth, Float(24.831), "▲ +24.8%", "25%", "+24.8%"),
        case(Unit::Pp, Float(42.06), "▲ +42.1 pp", "42 pp", "+42.1 pp"),
        case(Unit::Points, Float(18.28), "18.3", "18", "18.3"),
        case(Unit::Ratio, Float(2.7), "2.70×", "3", "2.70×"),
        case(Unit::Months, Float(18.46), "18.5 months", "18 mo", "18.5"),
    ]
}

fn cell(case: &Case) -> serde_json::Value {
    serde_json::to_value(typed_cell(case)).expect("a cell serialises")
}

fn typed_cell(case: &Case) -> Cell {
    Cell {
        decimals: Some(0),
        ..Cell::new(Some(case.value), case.unit, Polarity::UpGood, Place::Table)
    }
}

/// The brief's templates' `cell` filters, as Markdown and as HTML (its tags and the words for
/// a screen reader taken off).
pub(super) fn brief(case: &Case) -> (String, String) {
    let mut tera = tera::Tera::default();
    crate::report::filters::register(&mut tera);
    let mut context = tera::Context::new();
    context.insert("c", &cell(case));
    let mut render = |template: &str| tera.render_str(template, &context).expect("renders");
    let markdown = render(r#"{{ c | cell(currency="USD", scale="millions") }}"#);
    let html = render(r#"{{ c | cell_html(currency="USD", scale="millions") }}"#);
    let html = html
        .split("<span class=\"sr-only\">")
        .next()
        .unwrap_or_default();
    (markdown, reading::strip_tags(html))
}

pub(super) fn arrowless(text: &str) -> &str {
    text.trim_start_matches(['▲', '▼', '●', ' '])
}

#[test]
fn every_output_reads_a_value_of_each_unit_alike() {
    let klarna = super::tests::klarna();
    let comparison = super::tests::compare(std::slice::from_ref(&klarna), &["2024", "2025"], None);
    let column = &comparison.columns[1];
    let frame = format::Frame {
        currency: "USD",
        scale: dec!(1000000),
        amount_decimals: 0,
    };
    for case in cases() {
        let unit = case.unit;
        let (markdown, html) = brief(&case);
        assert_eq!(markdown, case.brief, "{unit:?}: the Markdown brief");
        assert_eq!(html, case.brief, "{unit:?}: the HTML brief");
        // The brief model presents every cell once; the PDF reads that text.
        let (pdf, _) = crate::report::model::present::cell(&typed_cell(&case), "USD", "millions");
        assert_eq!(pdf, case.brief, "{unit:?}: the PDF");
        let compared = super::rows::text(unit, case.value, column, true);
        assert_eq!(compared, case.brief, "{unit:?}: compare");
        assert_eq!(
            format::tick(unit, case.value.as_f64(), "USD"),
            case.tick,
            "{unit:?}: a tick"
        );
        let held = crate::report::workbook::cell_value(unit, case.value, &klarna.company);
        let pattern = format::excel_format(unit, format::table_decimals(unit, &frame));
        assert_eq!(
            reading::excel(&pattern, held),
            case.sheet,
            "{unit:?}: the workbook"
        );
        // The sheet's figure is the brief's, its unit in the row's Unit column; money per
        // person is whole there.
        if unit != Unit::Money {
            assert!(
                arrowless(case.brief).starts_with(case.sheet),
                "{unit:?}: {}",
                case.sheet
            );
        }
    }
}
