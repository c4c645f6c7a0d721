//! The Non-GAAP sheet of `metrics.xlsx` recomputed by LibreOffice (skipped where it is
//! missing, failed with `IPOBRIEF_REQUIRE_TOOLS=1`): each measure's base, items, total (a live
//! `SUM` over them, each a formula over the Inputs sheet), reported figure and difference equal
//! `metrics.json`'s to the cent, and the fixtures' hand-worked totals.

use std::path::Path;

use serde_json::Value;

use crate::harness::Test;
use crate::tools;
use crate::workbook::{number, recalculated, without_cached_results};

/// The non-GAAP fixtures, their report folders and their totals worked by hand (in the
/// fixture's comments): (measure's name, period, total, difference), USD millions.
type Worked = &'static [(&'static str, &'static str, f64, Option<f64>)];
const FIXTURES: [(&str, &str, Worked); 2] = [
    (
        "tests/fixtures/non-gaap/every-check.toml",
        "out/every-check-inc",
        &[
            ("Adjusted EBITDA", "2024", 27.5, Some(0.0)),
            ("Adjusted EBITDA", "2025", 31.0, Some(-5.0)),
            ("Adjusted cash flow", "2024", 17.0, None),
            ("Free cash flow", "2025", -3.0, None),
        ],
    ),
    (
        "tests/fixtures/non-gaap/clean.toml",
        "out/clean-co",
        &[
            ("Adjusted EBITDA", "2024", 32.0, Some(0.0)),
            ("Adjusted EBITDA", "2025", 67.0, Some(0.0)),
            ("Free cash flow", "2024", 40.0, Some(0.0)),
            ("Free cash flow", "2025", 55.0, Some(0.0)),
            ("EBITDA", "2024", 2.0, None),
            ("EBITDA", "2025", 36.0, None),
        ],
    ),
];

#[test]
fn libreoffice_recomputes_each_non_gaap_measure_to_metrics_json_to_the_cent() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    for (input, folder, worked) in FIXTURES {
        recompute(&soffice, input, folder, worked);
    }
}

fn recompute(soffice: &Path, input: &str, folder: &str, worked: Worked) {
    let out = crate::workbook::generated(Test::new().copy(input, "input.toml"));
    let json: Value = serde_json::from_str(&out.read(&format!("{folder}/metrics.json"))).unwrap();
    let xlsx = std::fs::read(out.path(&format!("{folder}/metrics.xlsx"))).unwrap();
    let (bare, _) = without_cached_results(&xlsx);
    let dir = tempfile::tempdir().unwrap();
    let sheets = recalculated(soffice, &bare, dir.path());
    let sheet = &sheets["Non-GAAP"];
    // Amounts are in the company's scale on the sheet, in full units in metrics.json.
    let factor =
        json["periods"][0]["revenue"].as_f64().unwrap() / number(&sheets["Inputs"][2][1]).unwrap();
    let column = |label: &str| sheet[1].iter().position(|h| h == label).unwrap();
    let cell = |row: usize, label: &str| -> Option<f64> {
        number(sheet[row].get(column(label)).map_or("", String::as_str))
    };
    let mut checked = 0;
    for measure in json["non_gaap"].as_array().unwrap() {
        let name = measure["name"].as_str().unwrap();
        let total = sheet.iter().position(|row| row[0] == name).unwrap();
        for period in measure["periods"].as_array().unwrap() {
            let label = period["period"].as_str().unwrap();
            let items = period["items"].as_array().unwrap();
            let base = total - items.len() - 1;
            let mut expected = vec![(base, &period["base"], "base")];
            expected.extend(
                (base + 1..)
                    .zip(items)
                    .map(|(r, i)| (r, &i["amount"], "item")),
            );
            expected.push((total, &period["total"], "total"));
            if !period["reported"].is_null() {
                expected.push((total + 1, &period["reported"], "reported"));
                expected.push((total + 2, &period["difference"], "difference"));
            }
            for (row, value, what) in expected {
                let computed = cell(row, label).map(|v| v * factor);
                let what = format!("{input}: {name} {label} {what}");
                match (computed, value.as_f64()) {
                    (Some(computed), Some(value)) => {
                        assert!(
                            cents(computed) == cents(value),
                            "{what}: {computed} vs {value}"
                        );
                        checked += 1;
                    }
                    (None, None) => {}
                    (computed, value) => panic!("{what}: {computed:?} vs {value:?}"),
                }
            }
        }
    }
    assert!(checked >= 20, "{input}: only {checked} cells compared");
    for (name, label, total, difference) in worked {
        let row = sheet.iter().position(|row| row[0] == *name).unwrap();
        assert_eq!(cell(row, label), Some(*total), "{input}: {name} {label}");
        if let Some(difference) = difference {
            assert_eq!(
                cell(row + 2, label),
                Some(*difference),
                "{input}: {name} {label}"
            );
        }
    }
}

/// A full-unit amount in whole cents.
fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// compare.xlsx of Clean Co's 2024 and 2025, recomputed: adjusted EBITDA 32 and 67 million,
/// up 35 million (35 / 32 = 109.375%), after net income (-40 and -10, up 30).
#[test]
fn libreoffice_recomputes_the_measures_changes_in_compare_xlsx() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    let out = Test::new()
        .copy(FIXTURES[1].0, "clean.toml")
        .args([
            "compare",
            "clean.toml",
            "--periods",
            "2024,2025",
            "-o",
            "out",
        ])
        .run()
        .status(0);
    let xlsx = std::fs::read(out.path("out/compare.xlsx")).unwrap();
    let (bare, _) = without_cached_results(&xlsx);
    let dir = tempfile::tempdir().unwrap();
    let sheet = &recalculated(&soffice, &bare, dir.path())["Compare"];
    let row = |name: &str| {
        let at = sheet.iter().rposition(|cells| cells[0] == name).unwrap();
        let values: Vec<Option<f64>> = sheet[at][2..6].iter().map(|c| number(c)).collect();
        (at, values)
    };
    let (base, net_income) = row("Net income (GAAP)");
    let (measure, adjusted) = row("Adjusted EBITDA");
    assert!(base < measure, "the GAAP base comes first");
    let million = 1_000_000.0;
    assert_eq!(
        net_income[..3],
        [
            Some(-40.0 * million),
            Some(-10.0 * million),
            Some(30.0 * million)
        ]
    );
    assert_eq!(
        adjusted[..3],
        [
            Some(32.0 * million),
            Some(67.0 * million),
            Some(35.0 * million)
        ]
    );
    // LibreOffice writes the percent change as shown: 109.375%.
    assert_eq!(adjusted[3], Some(109.375));
}
