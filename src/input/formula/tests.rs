//! The formula parser: every feature, precedence, and errors with their byte ranges.

use rust_decimal::Decimal;

use super::*;

/// The tree written back with every operation in parentheses, to check its shape.
fn shape(expr: &Expr) -> String {
    match expr {
        Expr::Number { value, .. } => value.to_string(),
        Expr::Name { name, .. } => name.written(),
        Expr::Prior { inner, .. } => format!("prior({})", shape(inner)),
        Expr::Negate { inner, .. } => format!("(-{})", shape(inner)),
        Expr::Binary {
            op, left, right, ..
        } => format!("({} {} {})", shape(left), op.symbol(), shape(right)),
    }
}

fn parsed(text: &str) -> String {
    shape(&parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}")))
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(parsed("1 + 2 * 3"), "(1 + (2 * 3))");
    assert_eq!(parsed("(1 + 2) * 3"), "((1 + 2) * 3)");
    assert_eq!(parsed("8 - 3 - 2"), "((8 - 3) - 2)");
    assert_eq!(parsed("8 / 4 / 2"), "((8 / 4) / 2)");
    assert_eq!(parsed("-revenue * 2"), "((-revenue) * 2)");
    assert_eq!(parsed("--1"), "(-(-1))");
}

#[test]
fn names_of_every_kind() {
    assert_eq!(
        parsed("revenue - costs.processing_servicing - costs.credit_losses"),
        "((revenue - costs.processing_servicing) - costs.credit_losses)"
    );
    assert_eq!(
        parsed("revenue / values.gmv * 100"),
        "((revenue / values.gmv) * 100)"
    );
    assert_eq!(
        parsed("(revenue - prior(revenue)) / prior(revenue)"),
        "((revenue - prior(revenue)) / prior(revenue))"
    );
    assert_eq!(parsed("0.25 * avg_headcount"), "(0.25 * avg_headcount)");
    // A name that merely starts with "prior" is a name.
    assert_eq!(parsed("prior_year"), "prior_year");
}

#[test]
fn every_node_knows_where_it_is() {
    let expr = parse("revenue / values.gmv").unwrap();
    let names: Vec<(String, std::ops::Range<usize>)> = expr
        .names()
        .into_iter()
        .map(|(n, at)| (n.written(), at))
        .collect();
    assert_eq!(
        names,
        [
            ("revenue".to_string(), 0..7),
            ("values.gmv".to_string(), 10..20)
        ]
    );
    let Expr::Binary { op_at, at, .. } = &expr else {
        panic!("a division")
    };
    assert_eq!((op_at.clone(), at.clone()), (8..9, 0..20));
    let mut count = 0;
    expr.walk(&mut |_| count += 1);
    assert_eq!(count, 3);
    assert_eq!(
        parse("12.5").unwrap(),
        Expr::Number {
            value: Decimal::new(125, 1),
            at: 0..4
        }
    );
}

#[test]
fn errors_say_what_and_where() {
    let error = |text: &str| parse(text).unwrap_err();
    let e = error("revenue +");
    assert_eq!(
        (e.message.as_str(), e.at),
        (
            "expected a number, a name or \"(\", found the end of the formula",
            9..9
        )
    );
    let e = error("(revenue - 1");
    assert!(
        e.message
            .starts_with("expected \")\" to close the \"(\" at column 1"),
        "{e:?}"
    );
    let e = error("revenue gmv");
    assert_eq!(
        (e.message.as_str(), e.at),
        (
            "expected an operator (+ - * /) or the end, found \"gmv\"",
            8..11
        )
    );
    let e = error("revenue % 2");
    assert_eq!(e.at, 8..9);
    let e = error("cost.marketing");
    assert!(
        e.message.contains("only costs.<line> and values.<name>"),
        "{e:?}"
    );
    assert_eq!(e.at, 0..14);
    let e = error("1.2.3");
    assert!(e.message.contains("is not a number"), "{e:?}");
    assert_eq!(error("  ").message, "the formula is empty");
    let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
    assert!(error(&deep).message.contains("nests more than 64"));
}
