use super::*;

#[test]
fn amounts_move_the_decimal_point_exactly() {
    assert_eq!(millions(Decimal::from(3_626_396_000_i64)), "3626.396");
    assert_eq!(millions(Decimal::from(-19_426_051)), "-19.426051");
    assert_eq!(millions(Decimal::ZERO), "0");
    // Past TOML's largest whole number: with a point.
    assert_eq!(
        millions("70000000000000000000000000000".parse().unwrap()),
        "70000000000000000000000.0"
    );
}

#[test]
fn strings_are_escaped() {
    assert_eq!(quote("A \"B\" C"), r#""A \"B\" C""#);
}
