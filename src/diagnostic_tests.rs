use super::*;

#[test]
fn locates_offsets_by_line_and_column() {
    let text = "a = 1\nrevenue = -5\n";
    let offset = text.find("-5").unwrap();
    let location = text_location(text, offset, offset + 2);
    assert_eq!(
        location,
        Location::Text {
            line: 2,
            column: 11,
            source_line: "revenue = -5".into(),
            width: 2
        }
    );
}

#[test]
fn renders_a_caret_under_the_problem() {
    let text = "revenue = -5";
    let error = InputError::new("acme.toml", "revenue must not be negative")
        .at(Some(text_location(text, 10, 12)))
        .with_help("write revenue as a positive amount");
    assert_eq!(
            error.to_string(),
            "revenue must not be negative\n --> acme.toml:1:11\n  |\n1 | revenue = -5\n  |           ^^\n  = help: write revenue as a positive amount"
        );
}

#[test]
fn help_lines_up_with_a_wide_gutter() {
    // Guards the alignment of `= help` under `|` when the line number has two digits.
    let text = "\n".repeat(9) + "label = 1";
    let error = InputError::new("x.toml", "bad label")
        .at(Some(text_location(&text, 9, 14)))
        .with_help("fix it");
    assert_eq!(
        error.to_string(),
        "bad label\n  --> x.toml:10:1\n   |\n10 | label = 1\n   | ^^^^^\n   = help: fix it"
    );
}

/// Regression (review): an error at column 833 showed the line's first 160 characters and
/// the caret 673 places past them.
#[test]
fn the_caret_points_at_shown_text_far_along_a_long_line() {
    let text = "a".repeat(832) + "BAD" + &"z".repeat(500);
    let error = InputError::new("t.tera", "bad").at(Some(text_location(&text, 832, 835)));
    // 60 characters before the problem, the 3 marked, 97 after; cut at both ends.
    let shown = format!("…{}BAD{}…", "a".repeat(60), "z".repeat(97));
    let caret = format!("{}^^^", " ".repeat(61));
    assert_eq!(
        error.to_string(),
        format!("bad\n --> t.tera:1:833\n  |\n1 | {shown}\n  | {caret}")
    );
}

#[test]
fn a_long_line_is_cut_at_one_end_only_near_its_start_or_end() {
    let line = "x".repeat(300);
    let near_start = Window::around(&line, 10, 2);
    assert_eq!((near_start.caret, near_start.width), (10, 2));
    assert_eq!(near_start.text, "x".repeat(160) + "…");
    // At the end of the line (a problem after its last character) the caret follows it.
    let at_end = Window::around(&line, 300, 5);
    assert_eq!(at_end.text, "…".to_string() + &"x".repeat(160));
    assert_eq!((at_end.caret, at_end.width), (161, 1));
    // A mark longer than the window stops at its end.
    let wide = Window::around(&line, 100, 200);
    assert_eq!((wide.caret, wide.width), (61, 80));
    let short = Window::around("ab\u{7}c", 3, 9);
    assert_eq!(
        (short.text.as_str(), short.caret, short.width),
        ("ab\u{fffd}c", 3, 1)
    );
}

#[test]
fn suggests_close_names_only() {
    assert_eq!(
        did_you_mean("revenu", ["label", "revenue"]),
        Some("revenue")
    );
    assert_eq!(did_you_mean("zzz", ["label", "revenue"]), None);
}
