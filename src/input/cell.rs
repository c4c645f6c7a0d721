//! Numbers in cells as people type them and spreadsheets show them: "1 234", "1,234",
//! "(1,500)" for -1500, "12%" where a share is expected, and "-" or "—" for an empty cell.
//! One reading for CSV cells and spreadsheet cells alike; "1,5" (a decimal comma?) is refused.

use rust_decimal::Decimal;

use super::raw::parse_decimal;

/// What a cell holds a number for: percentages read differently in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// An amount or a count: a percentage is refused.
    Amount,
    /// A share of 1 (attrition): "12%" is 0.12.
    Share,
    /// A figure in percent (a growth threshold): "20%" is 20.
    Percent,
}

/// A dash that stands for "nothing here" in financial tables.
fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "—" | "–" | "--")
}

/// A cell's text, from a CSV file or a spreadsheet: grouping, parentheses, percentages and
/// dashes as a spreadsheet program shows them. None for a dash. The error names what was found.
pub fn read_number(text: &str, expect: Expect) -> Result<Option<Decimal>, String> {
    let text = text.trim();
    if is_dash(text) {
        return Ok(None);
    }
    let (negative, body) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, text),
    };
    let (percent, body) = match body.strip_suffix('%') {
        Some(number) => (true, number.trim_end()),
        None => (false, body),
    };
    let not_a_number = || {
        format!(
            "expected a number, found \"{text}\": write numbers with a dot for decimals \
             (e.g. 1234.5 or 1,234.5), without currency signs"
        )
    };
    let plain = ungrouped(body).ok_or_else(not_a_number)?;
    // parse_decimal's own advice ("without thousands separators") does not hold for cells.
    let mut value = parse_decimal(&plain).map_err(|error| match error {
        _ if error.starts_with("expected a number") => not_a_number(),
        _ => error,
    })?;
    if negative {
        value = -value;
    }
    if percent {
        value = match expect {
            Expect::Amount => {
                return Err(format!(
                    "found the percentage \"{text}\" where an amount is expected"
                ))
            }
            Expect::Share => value / Decimal::ONE_HUNDRED,
            Expect::Percent => value,
        };
    }
    Ok(Some(value))
}

/// The number without its thousands separators, when they group digits by three before the
/// decimal point: "1,234,567.5" and "1 234" (spaces of any width). None for "1,5" or "1.234,5",
/// whose comma could be a decimal comma.
fn ungrouped(text: &str) -> Option<String> {
    let is_space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}';
    let Some(separator) = text.chars().find(|&c| c == ',' || is_space(c)) else {
        return Some(text.to_string());
    };
    let (sign, digits) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let groups: Vec<&str> = whole
        .split(|c: char| c == separator || (is_space(c) && is_space(separator)))
        .collect();
    let well_grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !well_grouped || fraction.is_some_and(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut plain = format!("{sign}{}", groups.concat());
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Some(plain)
}

#[cfg(test)]
#[path = "cell_tests.rs"]
mod tests;
