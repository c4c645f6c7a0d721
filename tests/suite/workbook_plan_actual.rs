//! The workbook's Plan vs actual sheet: LibreOffice recomputes its formulas (every cached
//! result removed first) to `metrics.json`'s `plan_actual`, amounts to the cent and
//! percentages to the two decimals shown, and to the values worked by hand.

use serde_json::Value;

use crate::harness::Test;
use crate::tools;
use crate::workbook::{number, recalculated, without_cached_results};

const INPUT: &str = "tests/fixtures/plan-actual/budget-quarters.toml";
const FOLDER: &str = "out/budget-quarters-ab";

/// The Plan vs actual sheet and the Budget sheet as LibreOffice computes them, and the JSON.
fn recomputed(soffice: &std::path::Path) -> (Vec<Vec<String>>, Value) {
    let out = crate::workbook::generated(Test::new().copy(INPUT, "input.toml"));
    let json: Value = serde_json::from_str(&out.read(&format!("{FOLDER}/metrics.json"))).unwrap();
    let xlsx = std::fs::read(out.path(&format!("{FOLDER}/metrics.xlsx"))).unwrap();
    let (bare, stripped) = without_cached_results(&xlsx);
    assert!(
        stripped > 100,
        "only {stripped} formulas had a cached result"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut sheets = recalculated(soffice, &bare, dir.path());
    (
        sheets
            .remove("Plan vs actual")
            .expect("a Plan vs actual sheet"),
        json,
    )
}

#[track_caller]
fn within(computed: &str, expected: f64, tolerance: f64, what: &str) {
    let computed = number(computed).unwrap_or_else(|| panic!("{what}: {computed:?} is no number"));
    assert!(
        (computed - expected).abs() < tolerance,
        "{what}: LibreOffice computed {computed}, metrics.json has {expected}"
    );
}

#[test]
fn libreoffice_recomputes_the_variances_and_guidance_to_metrics_json() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    let (sheet, json) = recomputed(&soffice);
    const MILLION: f64 = 1e6;
    let mut rows = sheet.iter().skip(2);
    let mut checked = 0;
    for period in json["plan_actual"]["periods"].as_array().unwrap() {
        let label = period["label"].as_str().unwrap();
        if !period["has_budget"].as_bool().unwrap() {
            let row = rows.next().unwrap();
            assert_eq!((row[0].as_str(), row[1].as_str()), (label, "n/a"));
            continue;
        }
        for v in period["variances"].as_array().unwrap() {
            let row = rows.next().unwrap();
            let what = format!("{label} {}", v["key"]);
            let name = v["name"].as_str().unwrap();
            assert_eq!(row[0], label);
            assert!(row[1].eq_ignore_ascii_case(name), "{what}: {}", row[1]);
            let unit = v["unit"].as_str().unwrap();
            let scale = if unit == "amount" { MILLION } else { 1.0 };
            let variance = v["variance"].as_f64().unwrap();
            match unit {
                // The sheet's percentages are fractions; their variance is in points.
                "pct" => within(&row[5], variance, 1e-9, &what),
                _ => within(&row[5], variance / scale, 0.005 / scale, &what),
            }
            if let Some(pct) = v["variance_pct"].as_f64() {
                within(&row[6], pct, 0.005, &format!("{what} %"));
            }
            let verdict = v["verdict"].as_str().unwrap().replace('_', " ");
            assert_eq!(row[7], verdict, "{what}");
            checked += 1;
        }
    }
    assert_eq!(checked, 12 + 8 + 8);
    let guidance: Vec<&Vec<String>> = sheet
        .iter()
        .skip_while(|row| row[0] != "Guidance")
        .skip(2)
        .collect();
    let checks = json["plan_actual"]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["guidance"].as_array().unwrap());
    let mut count = 0;
    for (row, check) in guidance.iter().zip(checks) {
        let what = format!("{} guidance {}", row[0], check["key"]);
        let money = if check["money"].as_bool().unwrap() {
            MILLION
        } else {
            1.0
        };
        within(
            &row[5],
            check["midpoint"].as_f64().unwrap() / money,
            0.005,
            &what,
        );
        assert_eq!(row[7], check["position"].as_str().unwrap(), "{what}");
        if let Some(from) = check["from_midpoint"].as_f64() {
            within(&row[8], from / MILLION, 0.005 / MILLION, &what);
        }
        within(
            &row[9],
            check["from_midpoint_pct"].as_f64().unwrap(),
            0.005,
            &what,
        );
        count += 1;
    }
    assert_eq!(count, 5);
}

/// The figures worked by hand (docs/plan-actual.md), as LibreOffice computes them.
#[test]
fn the_recomputed_sheet_gives_the_hand_worked_values() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    let (sheet, _) = recomputed(&soffice);
    let row = |label: &str, name: &str| {
        let found = sheet.iter().find(|r| r[0] == label && r[1] == name);
        found
            .unwrap_or_else(|| panic!("no row {label} {name}"))
            .clone()
    };
    // 2025-Q1: revenue 100 against 110 is -10, -9.09%, unfavourable.
    let revenue = row("2025-Q1", "Revenue");
    within(&revenue[5], -10.0, 1e-9, "Q1 revenue");
    within(&revenue[6], -9.0909, 0.0001, "Q1 revenue %");
    assert_eq!(revenue[7], "unfavourable");
    // Rent 10 against 12: -2, -16.67%, favourable (a cost under budget).
    let rent = row("2025-Q1", "Rent");
    within(&rent[5], -2.0, 1e-9, "Q1 rent");
    within(&rent[6], -16.6667, 0.0001, "Q1 rent %");
    assert_eq!(rent[7], "favourable");
    // Opex as a share of revenue: 40% against 37 / 110 = 33.64%, +6.36 points.
    let share = row("2025-Q1", "Opex, % of revenue");
    within(&share[4], 33.6364, 0.0001, "Q1 budgeted opex share");
    within(&share[5], 6.3636, 0.0001, "Q1 opex share points");
    // 2025-Q3: operating income -4 against -5 is +1, +20% of |-5|, favourable.
    let income = row("2025-Q3", "Operating income");
    within(&income[5], 1.0, 1e-9, "Q3 operating income");
    within(&income[6], 20.0, 1e-9, "Q3 operating income %");
    assert_eq!(income[7], "favourable");
    // Guidance: 130 against a point guidance of 126 is above, +4, +3.17%.
    let q3 = sheet
        .iter()
        .skip_while(|r| r[0] != "Guidance")
        .find(|r| r[0] == "2025-Q3");
    let q3 = q3.unwrap();
    assert_eq!(q3[7], "above");
    within(&q3[8], 4.0, 1e-9, "Q3 from midpoint");
    within(&q3[9], 3.1746, 0.0001, "Q3 from midpoint %");
}

/// The budget is a sheet of its own: the Inputs sheet stays in the spreadsheet input format,
/// so a workbook with a budget still reads back to the same actual figures. (Three quarters:
/// a year summed from four is labelled on the Inputs sheet in words, which does not read back.)
#[test]
fn a_workbook_with_a_budget_reads_back() {
    let text = std::fs::read_to_string(crate::harness::root().join(INPUT)).unwrap();
    let (three_quarters, _) = text.split_once("[[period]]\nlabel = \"2025-Q4\"").unwrap();
    let out = crate::workbook::generated(Test::new().file("input.toml", three_quarters));
    let original: Value =
        serde_json::from_str(&out.read(&format!("{FOLDER}/metrics.json"))).unwrap();
    let workbook = out.path(&format!("{FOLDER}/metrics.xlsx"));
    let back = Test::new()
        .args(["metrics".as_ref(), workbook.as_os_str()])
        .run()
        .status(0)
        .json();
    assert_eq!(back["periods"], original["periods"]);
}
