//! The evaluator's arithmetic: a quotient stays a fraction until the end, so a share is one
//! division rounded once, the float `money::percent` gives (or a nearer one, for a share so
//! small that `percent` divides decimals first).

use rust_decimal::Decimal;

use super::super::fraction::{apply, Value};
use crate::input::formula::Op;
use crate::metrics::Reason;

fn whole(top: Decimal) -> Value {
    Value::Exact {
        top,
        bottom: Decimal::ONE,
    }
}

/// `a / b * 100`, as the tree of a share of revenue computes it.
fn share(a: Decimal, b: Decimal) -> Option<f64> {
    let quotient = apply(Op::Div, whole(a), whole(b))?;
    apply(Op::Mul, quotient, whole(Decimal::ONE_HUNDRED))?
        .float()
        .ok()
}

#[test]
fn a_share_is_the_percent_money_gives() {
    let amounts = [
        "1",
        "2",
        "3",
        "7",
        "0.1",
        "0.3",
        "812.3",
        "-41.7",
        "2811000000",
        "123456789.01",
        "99999999999.99",
    ];
    let amounts: Vec<Decimal> = amounts
        .iter()
        .map(|a| a.parse().expect("a number"))
        .collect();
    let mut differ = Vec::new();
    for &a in &amounts {
        for &b in &amounts {
            if share(a, b) != crate::money::percent(a, b) {
                differ.push(format!(
                    "{a} / {b}: {:?} {:?}",
                    share(a, b),
                    crate::money::percent(a, b)
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{differ:#?}");
    // Past a float's whole numbers `percent` divides decimals first, to 28 places, which
    // keeps 12 digits of 0.0000001 / 2,811,000,000; the fraction keeps all of them.
    let (tiny, large) = (Decimal::new(1, 7), Decimal::from(2_811_000_000u64));
    let truth = 1e-5 / 2.811e9;
    let ours = share(tiny, large).expect("a share");
    let percent = crate::money::percent(tiny, large).expect("a share");
    assert!(
        (ours - truth).abs() < (percent - truth).abs(),
        "{ours} {percent}"
    );
    // By hand: 1 / 3 × 100 is the float nearest 33.333...; 0.3 / 0.1 × 100 is 300 exactly.
    assert_eq!(share(Decimal::ONE, Decimal::from(3)), Some(100.0 / 3.0));
    assert_eq!(share(Decimal::new(3, 1), Decimal::new(1, 1)), Some(300.0));
}

#[test]
fn a_fraction_times_its_divisor_is_whole_again_and_a_zero_divisor_gives_nothing() {
    let third = apply(Op::Div, whole(Decimal::ONE), whole(Decimal::from(3))).expect("a third");
    let one = apply(Op::Mul, third, whole(Decimal::from(3))).expect("one");
    assert_eq!(one.float(), Ok(1.0));
    // Fractions of unlike bottoms add crosswise: 1/3 + 1/6 = 1/2.
    let sixth = apply(Op::Div, whole(Decimal::ONE), whole(Decimal::from(6))).expect("a sixth");
    assert_eq!(
        apply(Op::Add, third, sixth).expect("a half").float(),
        Ok(0.5)
    );
    assert!(apply(Op::Div, whole(Decimal::ONE), whole(Decimal::ZERO)).is_none());
    assert_eq!(
        apply(Op::Add, whole(Decimal::MAX), whole(Decimal::MAX)).map(|v| v.float()),
        None::<Result<f64, Reason>>
    );
}
