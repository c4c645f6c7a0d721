use super::*;

#[test]
fn kinds_read_back_from_their_names() {
    for kind in WarningKind::ALL {
        assert_eq!(WarningKind::parse(kind.as_str()), Some(kind));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(
            json,
            format!("\"{}\"", kind.as_str()),
            "serde name of {kind}"
        );
    }
    assert_eq!(WarningKind::parse("unlisted costs"), None);
}

#[test]
fn an_acknowledged_warning_shows_its_reason() {
    let mut warning = Warning::new(
        Some("2024".to_string()),
        WarningKind::UnlistedCosts,
        "2024: unlisted costs".to_string(),
    );
    assert_eq!(warning.text(), "2024: unlisted costs");
    warning.acknowledged = Some("D&A is not listed".to_string());
    assert_eq!(
        warning.text(),
        "2024: unlisted costs (acknowledged: D&A is not listed)"
    );
}
