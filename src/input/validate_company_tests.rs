use super::*;

#[test]
fn slugs_are_safe_folder_names() {
    assert_eq!(slug_for("Klarna Group plc"), "klarna-group-plc");
    assert_eq!(slug_for("../../etc/passwd"), "etc-passwd");
    assert_eq!(slug_for("CON"), "con-company");
    assert_eq!(slug_for("LPT1"), "lpt1-company");
    assert_eq!(slug_for("***"), "company");
    assert_eq!(slug_for("Öresund Bank AB"), "oresund-bank-ab");
}
