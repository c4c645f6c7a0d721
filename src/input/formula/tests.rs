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

/// Every error's range is on character boundaries, whatever character stands where the
/// parser stops: a multi-byte character at every position of formulas that fail in every way
/// the parser can, past the nesting limit too.
#[test]
fn error_ranges_are_on_character_boundaries() {
    let deep = |open: &str| open.repeat(MAX_DEPTH + 1);
    let bases = [
        "revenue / values.gmv * 100".to_string(),
        "(revenue - prior(revenue)) / prior(revenue)".to_string(),
        "costs.x + values.".to_string(),
        "1.2.3 + (".to_string(),
        // Found by the kpi fuzz target: an unclosed "(" at the very end.
        "revenue - (opex - costs.ag_servicing - costs.credit_losses".to_string(),
        deep("("),
        deep("-"),
        deep("prior("),
    ];
    for base in &bases {
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        let cuts = chars.iter().map(|(i, _)| *i).chain([base.len()]);
        for cut in cuts {
            for wide in ["", "é", "€", "𝔘", " é"] {
                let text = format!("{}{wide}{}", &base[..cut], &base[cut..]);
                if let Err(error) = parse(&text) {
                    assert!(
                        text.is_char_boundary(error.at.start)
                            && text.is_char_boundary(error.at.end),
                        "{text:?}: {error:?}"
                    );
                    assert!(error.at.end <= text.len(), "{text:?}: {error:?}");
                    assert!(error.at.start <= error.at.end, "{text:?}: {error:?}");
                }
            }
        }
    }
}

#[test]
fn a_number_beyond_the_decimal_range_is_refused_not_rounded() {
    let error = parse("revenue / 0.00000000000000000000000000001").unwrap_err();
    assert!(error.message.contains("more decimal places"), "{error:?}");
    assert_eq!(error.at, 10..41);
    let error = parse("revenue * 99999999999999999999999999999").unwrap_err();
    assert!(error.message.contains("larger than"), "{error:?}");
    // 28 places still read exactly.
    assert!(parse("0.0000000000000000000000000001").is_ok());
}
