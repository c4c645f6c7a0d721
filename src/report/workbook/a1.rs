//! Cell references in A1 style (`C7`, `AB12`), written straight into a string: the workbook
//! writes one or more for most of its formulas, and building each through `format!`
//! (rust_xlsxwriter's `row_col_to_cell`) was a tenth of a long history's workbook. The text is
//! the same (tested against it).

/// Appends the A1 reference of the zero-based `row` and `column` (`0, 0` is `A1`).
pub fn push(text: &mut String, row: u32, column: u16) {
    let mut letters = [0u8; 3];
    let mut start = letters.len();
    let mut rest = u32::from(column) + 1;
    while rest > 0 {
        start -= 1;
        letters[start] = b'A' + ((rest - 1) % 26) as u8;
        rest = (rest - 1) / 26;
    }
    letters[start..]
        .iter()
        .for_each(|&b| text.push(char::from(b)));
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut number = u64::from(row) + 1;
    loop {
        at -= 1;
        digits[at] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    digits[at..].iter().for_each(|&b| text.push(char::from(b)));
}

/// `SHEET!C7`: a cell of another sheet (the sheet's name needs no quotes).
pub fn on_sheet(sheet: &str, row: u32, column: u16) -> String {
    let mut text = String::with_capacity(sheet.len() + 12);
    text.push_str(sheet);
    text.push('!');
    push(&mut text, row, column);
    text
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::utility::row_col_to_cell;

    /// The same text as rust_xlsxwriter's, at the edges of each letter count and digit count,
    /// up to Excel's last row and column (XFD1048576).
    #[test]
    fn references_match_rust_xlsxwriter() {
        let columns = [0u16, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16_383];
        let rows = [0u32, 8, 9, 99, 12_345, 1_048_575, u32::MAX - 1];
        for column in columns {
            for row in rows {
                let mut text = String::new();
                super::push(&mut text, row, column);
                assert_eq!(text, row_col_to_cell(row, column), "{row}, {column}");
            }
        }
        assert_eq!(super::on_sheet("Inputs", 6, 2), "Inputs!C7");
    }
}
