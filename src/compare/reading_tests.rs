//! How a reader sees two outputs the presentation tests read: an HTML cell without its tags,
//! and a workbook's number under its Excel number format.

use crate::format;

/// The text of `html` without its tags.
pub(super) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Excel's reading of `value` under `pattern`, for the patterns `format::excel_format` writes:
/// sections for positive;negative;zero, `#,##0` grouping, `.0` decimals, `%`, quoted words, and
/// `_)` (room for a parenthesis, no character).
pub(super) fn excel(pattern: &str, value: f64) -> String {
    let sections: Vec<&str> = pattern.split(';').collect();
    let (section, value, minus) = match sections.len() {
        n if value < 0.0 && n > 1 => (sections[1], -value, ""),
        n if value == 0.0 && n > 2 => (sections[2], value, ""),
        _ if value < 0.0 => (sections[0], -value, "-"),
        _ => (sections[0], value, ""),
    };
    let decimals = section
        .split_once('.')
        .map_or(0, |(_, d)| d.chars().take_while(|c| *c == '0').count());
    let scaled = if section.contains('%') {
        value * 100.0
    } else {
        value
    };
    let digits = format::places(scaled, decimals, false);
    let digits = match section.contains(',') {
        true => format::grouped(digits.parse().expect("a number"), decimals as u32),
        false => digits,
    };
    let (mut out, mut quoted, mut placed, mut chars) =
        (minus.to_string(), false, false, section.chars());
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            c if quoted => out.push(c),
            '_' => {
                chars.next();
            }
            '#' | ',' | '0' | '.' if !placed => {
                out.push_str(&digits);
                placed = true;
            }
            '#' | ',' | '0' | '.' => {}
            c => out.push(c),
        }
    }
    out
}

/// The reader reads as Excel does, for the formats the workbook uses.
#[test]
fn excel_formats_read_as_excel_shows_them() {
    assert_eq!(excel("#,##0_);(#,##0);0_)", -1234.4), "(1,234)");
    assert_eq!(excel("#,##0.0_);(#,##0.0);0.0_)", 0.0), "0.0");
    assert_eq!(excel("0.0%_)", 0.2351), "23.5%");
    assert_eq!(excel("+0.0%_);-0.0%_);0.0%_)", -0.0431), "-4.3%");
    assert_eq!(
        excel("+0.0 \"pp\"_);-0.0 \"pp\"_);0.0 \"pp\"_)", 2.25),
        "+2.3 pp"
    );
    assert_eq!(excel("0.00\"×\"_)", 2.7), "2.70×");
    assert_eq!(excel("0.0_)", -3.0), "-3.0");
    assert_eq!(strip_tags("<span class=\"x\">▲ +1.0%</span>"), "▲ +1.0%");
}
