//! The cell separator of a CSV file: a comma, a semicolon (as spreadsheet programs write CSV
//! where the comma is the decimal mark) or a tab, decided from the header row: the first row
//! holding any of them, outside quotes. The one found most often there wins; when another is
//! there too, the choice is said (a data warning), since it may be wrong.

/// The separators a CSV file may use, in the order that breaks a tie.
const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// The separator chosen, and another one the header row holds too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter {
    pub byte: u8,
    /// A second candidate found in the header row: the choice was not certain.
    pub also: Option<u8>,
}

impl Default for Delimiter {
    fn default() -> Self {
        Delimiter {
            byte: b',',
            also: None,
        }
    }
}

impl Delimiter {
    /// The separator of `text`, from its first row holding one (a comma when none does).
    pub fn detect(text: &str) -> Delimiter {
        for line in text.lines() {
            let counts = CANDIDATES.map(|c| count_outside_quotes(line, c));
            let Some(best) = (0..CANDIDATES.len())
                .filter(|&i| counts[i] > 0)
                .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
            else {
                continue;
            };
            let also = (0..CANDIDATES.len())
                .find(|&i| i != best && counts[i] > 0)
                .map(|i| CANDIDATES[i]);
            return Delimiter {
                byte: CANDIDATES[best],
                also,
            };
        }
        Delimiter::default()
    }

    pub fn char(self) -> char {
        self.byte as char
    }

    /// The separator in words: "semicolon".
    pub fn name(byte: u8) -> &'static str {
        match byte {
            b';' => "semicolon",
            b'\t' => "tab",
            _ => "comma",
        }
    }

    /// What was decided when the header row held two separators, for a data warning.
    pub fn ambiguity(self) -> Option<String> {
        let also = self.also?;
        Some(format!(
            "the CSV header row holds both {}s and {}s: the file is read as {}-separated \
             (the {} is found more often there); if that is wrong, export the file again \
             with one separator",
            Delimiter::name(self.byte),
            Delimiter::name(also),
            Delimiter::name(self.byte),
            Delimiter::name(self.byte),
        ))
    }
}

/// How often `separator` appears in `line` outside double quotes.
fn count_outside_quotes(line: &str, separator: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for byte in line.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b if b == separator && !quoted => count += 1,
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_row_decides_the_separator() {
        let detect = |text: &str| Delimiter::detect(text);
        assert_eq!(detect("label,revenue\n2024,5\n").byte, b',');
        assert_eq!(detect("label;revenue;headcount_end\n2024;5;1\n").byte, b';');
        assert_eq!(detect("label\trevenue\n2024\t5\n").byte, b'\t');
        // A title row without a separator is passed over; quoted commas do not count.
        let across = "Acme figures\nmetric;2023;\"FY,2024\"\nrevenue;1;2\n";
        assert_eq!(
            detect(across),
            Delimiter {
                byte: b';',
                also: None
            }
        );
        // Two kinds in the header row: the more frequent wins, and the choice is said.
        let both = detect("label;revenue;cost:a,b\n");
        assert_eq!(
            both,
            Delimiter {
                byte: b';',
                also: Some(b',')
            }
        );
        assert!(both
            .ambiguity()
            .unwrap()
            .starts_with("the CSV header row holds both semicolons and commas: the file is read as semicolon-separated"));
        assert_eq!(detect("label,revenue\n").ambiguity(), None);
        assert_eq!(detect("revenue\n5\n").byte, b',');
    }
}
