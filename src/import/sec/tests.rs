use super::*;

/// Guards issue 12: the years without headcount were only said in a TOML comment.
#[test]
fn missing_headcount_is_a_warning() {
    let imported = Imported {
        toml: String::new(),
        missing_headcount: vec!["2023".into(), "2024".into()],
        notices: Vec::new(),
    };
    assert_eq!(
        imported.warnings(),
        [
            "warning: the SEC file has no headcount for 2023, 2024: add headcount_end to \
                 those years, or import again with --headcount 2024=N,..."
        ]
    );
    let complete = Imported {
        missing_headcount: Vec::new(),
        ..imported
    };
    assert!(complete.warnings().is_empty());
}

#[test]
fn capitalised_names_read_as_names() {
    assert_eq!(company_name("SNOWFLAKE INC."), "Snowflake Inc.");
    assert_eq!(
        company_name("Logistic Properties of the Americas"),
        "Logistic Properties of the Americas"
    );
}
