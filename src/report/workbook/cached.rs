//! A formula cell's cached result as the sheet stores it: the shortest digits that read back as
//! the same `f64` (by `ryu`), without a trailing ".0". A spreadsheet shows it until it
//! recalculates, and readers that do not calculate (LibreOffice by default, scripts) take it
//! as the value. Written once per formula cell, so its cost counts: Rust's `Display` for
//! `f64` took 240 M instructions of a 1,000-quarter workbook, `ryu` a small part of that.

/// The text of `value` for a formula's cached result.
pub fn result(value: f64) -> String {
    // Every value the workbook caches is finite (n/a is an empty result, never NaN).
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format(value);
    text.strip_suffix(".0").unwrap_or(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::result;

    /// The same number when read back, in the fewest digits; whole numbers without ".0".
    #[test]
    fn a_result_reads_back_as_the_same_number() {
        for value in [
            0.0,
            -0.0,
            3824.0,
            -1.5,
            0.1 + 0.2,
            1e-7,
            1e16,
            1579670000000000.3,
            0.27,
        ] {
            let text = result(value);
            assert_eq!(text.parse::<f64>().unwrap(), value, "{text}");
        }
        assert_eq!(result(3824.0), "3824");
        assert_eq!(result(0.27), "0.27");
        assert_eq!(result(-1.5), "-1.5");
    }
}
