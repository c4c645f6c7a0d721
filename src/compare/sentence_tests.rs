//! compare's change and `check`'s sentences give a figure as the brief's cells read it.

use super::presentation_tests::{arrowless, brief, Case};
use crate::format::{self, Unit};
use crate::report::cell::Place;

/// compare's change between two values reads as the brief's change of the same size, without
/// its arrow: -4.305% to -6.555% is "-2.3 pp" in both.
#[test]
fn a_change_reads_alike_in_compare_and_the_brief() {
    let frame = format::Frame::PLAIN;
    let change = -6.5546 - -4.3045;
    let (compared, sign) = format::difference(Unit::Pct, format::Figure::float(change), &frame);
    let brief = format::text(
        Unit::Pp,
        Place::Change,
        format::Figure::float(change),
        &frame,
        format::Judge::NONE,
    );
    assert_eq!((compared.as_str(), sign), ("-2.3 pp", -1));
    assert_eq!(brief.text, "▼ -2.3 pp");
    assert_eq!(arrowless(&brief.text), compared);
}

/// `check`'s sentences about Klarna's 2025 give its figures as the brief's cells read them.
#[test]
fn check_reads_figures_as_the_brief_does() {
    let input = crate::input::klarna_example();
    let analysis = crate::analyse(&input, &crate::scorecard::Thresholds::default(), None);
    let year = analysis
        .metrics
        .period(crate::period::PeriodLabel::parse("2025").expect("a label"))
        .expect("2025");
    let shown = |key: &str| {
        let metric = crate::metrics::catalogue::known(key);
        let number = metric.value(year).expect("a value");
        let case = Case {
            unit: metric.unit,
            value: number,
            brief: "",
            tick: "",
            sheet: "",
        };
        brief(&case).0
    };
    let why = |id: &str| {
        let criteria = &analysis.scorecard.criteria;
        let criterion = criteria.iter().find(|c| c.id == id);
        criterion
            .unwrap_or_else(|| panic!("no criterion {id}"))
            .why
            .clone()
    };
    // "▲ +24.8%" in the brief; "grew 24.8%" in a sentence.
    let growth = shown("revenue_growth_yoy_pct");
    assert!(why("revenue_growth").contains(arrowless(&growth).trim_start_matches('+')));
    assert!(why("rule_of_40").contains(&shown("rule_of_40")));
    assert!(why("rule_of_40").contains(&shown("operating_margin_pct")));
    assert!(why("revenue_per_employee").contains(&shown("revenue_per_employee")));
}
