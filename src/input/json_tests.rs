use super::*;

#[test]
fn data_errors_point_at_the_start_of_the_value() {
    // serde_json reports `"revenue": "5"` at the closing quote (column 15); the caret belongs
    // under the whole string, from its opening quote (column 13).
    let line = r#"{"revenue": "5"}"#;
    let at_end = Location::Text {
        line: 1,
        column: 15,
        source_line: line.into(),
        width: 1,
    };
    assert_eq!(
        whole_token(at_end),
        Location::Text {
            line: 1,
            column: 13,
            source_line: line.into(),
            width: 3
        }
    );
    let number = r#"{"revenue": 1e400}"#;
    let at_end = Location::Text {
        line: 1,
        column: 17,
        source_line: number.into(),
        width: 1,
    };
    assert_eq!(
        whole_token(at_end),
        Location::Text {
            line: 1,
            column: 13,
            source_line: number.into(),
            width: 5
        }
    );
}
