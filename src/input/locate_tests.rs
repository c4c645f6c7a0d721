use crate::input::{parse, Format, ReadOptions};
use crate::period::PeriodLabel;

/// The line (or row) each reader keeps for the labels "2023" and "2024-Q1", counted by hand
/// in the texts below.
fn lines(text: &str, format: Format, fields: &[(&str, &str)]) -> (Option<usize>, Option<usize>) {
    let options = ReadOptions {
        company_fields: fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..ReadOptions::default()
    };
    let input = parse(text, "t", format, &options).unwrap();
    (
        input.label_line(PeriodLabel::year(2023)),
        input.label_line(PeriodLabel::quarter(2024, 1)),
    )
}

#[test]
fn toml_labels_keep_their_lines() {
    // Line 5 holds `label = "2023"`, line 9 `label = "Q1 2024"` (written as people do).
    let text = "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n[[period]]\nlabel = \"2023\"\n\
                    revenue = 10\n\n[[period]]\nlabel = \"Q1 2024\"\nrevenue = 3\n";
    assert_eq!(lines(text, Format::Toml, &[]), (Some(5), Some(9)));
}

#[test]
fn json_labels_keep_their_lines() {
    // The periods are listed newest first: "2024-Q1" on line 4, "2023" on line 5.
    let text = "{\"company\": {\"name\": \"Acme\", \"currency\": \"SEK\"},\n\"period\": [\n\
                    \n{\"label\": \"2024-Q1\", \"revenue\": 3},\n{\"label\": \"2023\", \"revenue\": 10}\n]}\n";
    assert_eq!(lines(text, Format::Json, &[]), (Some(5), Some(4)));
}

#[test]
fn csv_labels_keep_their_rows() {
    // The header is row 1; "2023" is row 2 and "2024-Q1" row 3.
    let text = "label,revenue\n2023,10\n2024-Q1,3\n";
    let company = [("name", "Acme"), ("currency", "SEK")];
    assert_eq!(lines(text, Format::Csv, &company), (Some(2), Some(3)));
    // Periods across, under a title row: both labels are in row 2.
    let across = "Acme,,\nmetric,2023,Q1 2024\nrevenue,10,3\n";
    assert_eq!(lines(across, Format::Csv, &company), (Some(2), Some(2)));
}
