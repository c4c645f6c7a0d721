//! The model's presentation by hand-computed values: each cell reads as its unit and place say,
//! in the currency and scale it is shown in.

use super::present;
use crate::metrics::{Number, Polarity, Unit};
use crate::money::Exact;
use crate::report::cell::{Cell, Place};

fn cell(value: Option<Number>, unit: Unit, polarity: Polarity, place: Place) -> Cell {
    Cell::new(value, unit, polarity, place)
}

fn exact(text: &str) -> Option<Number> {
    Some(Number::Exact(Exact(text.parse().expect("a decimal"))))
}

#[test]
fn cells_read_by_unit_place_currency_and_scale() {
    let up = Polarity::UpGood;
    // 2,811,000,000 in a table in millions is 2,811; on a card, $2.81B.
    let revenue = cell(exact("2811000000"), Unit::Amount, up, Place::Table);
    assert_eq!(
        present::cell(&revenue, "USD", "millions"),
        ("2,811".into(), None)
    );
    let card = Cell {
        place: Place::Card,
        ..revenue
    };
    assert_eq!(
        present::cell(&card, "USD", "millions"),
        ("$2.81B".into(), None)
    );
    // A cost up 3.2% is bad news.
    let cost = cell(
        Some(Number::Float(3.2)),
        Unit::Growth,
        Polarity::DownGood,
        Place::Table,
    );
    assert_eq!(
        present::cell(&cost, "USD", "millions"),
        ("▲ +3.2%".into(), Some("bad"))
    );
    // No value: "n/a", or "n/m" when a change is not meaningful; neither has a tone.
    let mut missing = cell(None, Unit::Pct, up, Place::Table);
    assert_eq!(
        present::cell(&missing, "USD", "units"),
        ("n/a".into(), None)
    );
    missing.not_meaningful = true;
    assert_eq!(
        present::cell(&missing, "USD", "units"),
        ("n/m".into(), None)
    );
    // The Rule of 40 at 39.95 against 40 shows the digit that decides it.
    let mut rule = cell(Some(Number::Float(39.95)), Unit::Points, up, Place::Card);
    rule.bar = Some(40.0);
    assert_eq!(present::cell(&rule, "USD", "units"), ("39.95".into(), None));
}
