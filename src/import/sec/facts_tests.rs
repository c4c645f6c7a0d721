use super::*;

const FILE: &str = r#"{"cik": 42, "entityName": "Acme", "facts": {"us-gaap": {"Revenues": {"units": {"USD": [
        {"start": "2024-01-01", "end": "2024-12-31", "val": 100, "accn": "a-1", "filed": "2025-02-01", "fp": "FY"},
        {"start": "2024-01-01", "end": "2024-12-31", "val": 101, "accn": "a-2", "filed": "2026-02-01", "fp": "FY"},
        {"start": "2025-01-01", "end": "2025-03-31", "val": 30, "accn": "a-3", "filed": "2025-05-01", "fp": "FY"}
    ]}}}}}"#;

#[test]
fn repeated_facts_keep_the_latest_filing() {
    let facts = parse(FILE, "x.json").unwrap();
    let figures = facts.figures("us-gaap:Revenues", Some("USD"));
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].value, Decimal::from(101));
    assert_eq!(figures[0].accn, "a-2");
    assert_eq!(facts.cik().as_deref(), Some("0000000042"));
    assert_eq!(
        facts.currency(&["us-gaap:Revenues"]).as_deref(),
        Some("USD")
    );
}

#[test]
fn a_file_without_facts_is_named_as_such() {
    let error = parse("{\"cik\": 1}", "x.json").unwrap_err();
    assert!(error.message.contains("not an SEC companyfacts file"));
}
