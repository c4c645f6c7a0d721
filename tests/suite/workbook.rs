//! `metrics.xlsx`, the analyst's workbook: it reads back as an input to the same metrics, its
//! formulas recomputed by an independent engine (LibreOffice, skipped with a message where it
//! is missing, failed with `IPOBRIEF_REQUIRE_TOOLS=1`) give `metrics.json`, hostile text stays text, and the bytes are deterministic.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader};
use ipobrief::input::Coverage;
use ipobrief::metrics::{Unit, CATALOGUE, LINE_CATALOGUE};
use serde_json::Value;

use crate::harness::{root, Test};
use crate::tools;

/// The inputs checked: the bundled example, and a fixture with AI spend, adjusted income and
/// quarters a year apart; each with its report folder.
const INPUTS: [(&str, &str); 4] = [
    ("examples/klarna.toml", "out/klarna-group-plc"),
    ("tests/fixtures/acme.toml", "out/acme-analytics-ab"),
    // The statement fields and cash metrics (gross profit to runway), in years and quarters.
    ("examples/snowflake.toml", "out/snowflake-inc"),
    // A year summed from quarters and years to date: their labels carry the mark they read
    // back by ("2024 (summed from quarters)").
    ("tests/fixtures/years-from-quarters.toml", "out/quarters-ab"),
];

/// An input's report with the workbook and the JSON.
fn report(input: &str, folder: &str) -> crate::harness::Output {
    generated(Test::new().copy(input, "input.toml").example_peers())
        .present(&format!("{folder}/metrics.xlsx"))
}

/// `generate input.toml -o out --format json,xlsx` in `test`: the JSON and the workbook, the
/// one way the workbook tests make them.
pub(crate) fn generated(test: Test) -> crate::harness::Output {
    test.args([
        "generate",
        "input.toml",
        "-o",
        "out",
        "--format",
        "json,xlsx",
    ])
    .run()
    .status(0)
}

#[test]
fn the_workbook_reads_back_to_the_same_metrics() {
    for (input, folder) in INPUTS {
        round_trip(input, folder);
    }
}

fn round_trip(input: &str, folder: &str) {
    let out = report(input, folder);
    let mut original: Value =
        serde_json::from_str(&out.read(&format!("{folder}/metrics.json"))).unwrap();
    let mut back = Test::new()
        .args([
            "metrics".as_ref(),
            out.path(&format!("{folder}/metrics.xlsx")).as_os_str(),
        ])
        .run()
        .status(0)
        .json();
    // The spreadsheet reader trims text cells, so notes lose their trailing newline; cost
    // lines compare as maps (the workbook lists them in one column order for every period).
    for json in [&mut original, &mut back] {
        for period in json["periods"].as_array_mut().unwrap() {
            if let Some(notes) = period["notes"].as_str() {
                period["notes"] = Value::from(notes.trim());
            }
        }
    }
    // Company KPIs are not in the workbook's input sheets (the spreadsheet input format holds
    // no [[kpi]] tables nor [period.values]): they are compared without them.
    for period in original["periods"].as_array_mut().unwrap() {
        period["kpis"] = serde_json::json!({});
        if let Some(reasons) = period["unavailable"].as_object_mut() {
            reasons.retain(|key, _| !key.starts_with("kpis."));
        }
    }
    for json in [&mut original, &mut back] {
        let readiness = &mut json["readiness"];
        if let Some(criteria) = readiness["criteria"].as_array_mut() {
            // Nor does it hold [[non_gaap]] measures, whose checks are criteria of their own,
            // nor budgets and guidance (the Budget sheet is not read as input), judged by the
            // plan-against-actual criteria.
            let plan = ["revenue_at_guidance", "revenue_within_budget"];
            criteria.retain(|c| {
                let id = c["id"].as_str().unwrap_or_default();
                !id.starts_with("kpi.") && !id.starts_with("non_gaap_") && !plan.contains(&id)
            });
        }
        readiness["passed"] = Value::Null;
        readiness["failed"] = Value::Null;
        readiness["watch"] = Value::Null;
    }
    for part in ["periods", "warnings", "plan", "readiness"] {
        assert_eq!(
            back[part], original[part],
            "{input}: {part} differ after the round trip"
        );
    }
    for field in [
        "name",
        "ticker",
        "currency",
        "scale",
        "fiscal_year_end",
        "ai_exposed",
    ] {
        assert_eq!(
            back["company"][field], original["company"][field],
            "company.{field}"
        );
    }
}

#[test]
fn hostile_text_stays_text() {
    let input = r#"
[company]
name = "=HYPERLINK(\"http://evil.example\",\"click\")"
currency = "USD"
sources = ["@SUM(1+1)"]

[[period]]
label = "2024"
revenue = 100
headcount_end = 10
notes = "+cmd|' /C calc'!A0"
[period.costs]
"-2+3" = 40
"=1+1" = 20
"#;
    let out = Test::new()
        .file("evil.toml", input)
        .args(["generate", "evil.toml", "-o", "out", "--format", "xlsx"])
        .run()
        .status(0);
    let folder = std::fs::read_dir(out.path("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(folder.join("metrics.xlsx")).unwrap();
    let hostile = [
        "=HYPERLINK",
        "@SUM(1+1)",
        "+cmd|",
        "cost:-2+3",
        "cost:=1+1",
        "-2+3",
        "=1+1",
    ];
    let mut found = 0;
    for name in book.sheet_names() {
        let values = book.worksheet_range(&name).unwrap();
        let formulas = book.worksheet_formula(&name).unwrap();
        for (row, column, value) in values.used_cells() {
            let Data::String(text) = value else { continue };
            if !hostile.iter().any(|h| text.starts_with(h)) {
                continue;
            }
            found += 1;
            let (top, left) = values.start().unwrap();
            let at = (top + row as u32, left + column as u32);
            let formula = formulas.get_value(at).cloned().unwrap_or_default();
            assert!(
                formula.is_empty(),
                "{name} {at:?} became the formula {formula:?}"
            );
        }
        // No formula anywhere names the hostile strings.
        for (_, _, formula) in formulas.used_cells() {
            assert!(
                !formula.contains("HYPERLINK") && !formula.contains("cmd"),
                "{formula}"
            );
        }
    }
    assert!(
        found >= 5,
        "the hostile strings are in the workbook as text ({found} found)"
    );
}

#[test]
fn the_workbook_is_deterministic_and_dated_only_when_asked() {
    let bytes = |env: Option<&str>| {
        let mut test = Test::new().example("klarna.toml").args([
            "generate",
            "klarna.toml",
            "-o",
            "out",
            "--format",
            "xlsx",
        ]);
        if let Some(epoch) = env {
            test = test.env("SOURCE_DATE_EPOCH", epoch);
        }
        let out = test.run().status(0);
        std::fs::read(out.path("out/klarna-group-plc/metrics.xlsx")).unwrap()
    };
    let (first, second) = (bytes(None), bytes(None));
    assert!(first == second, "two runs wrote different workbooks");
    assert!(core_xml(&first).contains("2000-01-01T00:00:00Z"));
    // 1764460800 is 2025-11-30 00:00:00 UTC.
    let dated = bytes(Some("1764460800"));
    assert!(
        core_xml(&dated).contains("2025-11-30T00:00:00Z"),
        "{}",
        core_xml(&dated)
    );
    assert!(dated == bytes(Some("1764460800")));
}

fn core_xml(xlsx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    zip.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_committed_example_has_its_workbook() {
    assert!(root()
        .join("reports/klarna-group-plc/metrics.xlsx")
        .is_file());
}

/// The workbook with every formula's cached result removed, so a reader must compute them.
pub(crate) fn without_cached_results(xlsx: &[u8]) -> (Vec<u8>, usize) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut stripped = 0;
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let text = String::from_utf8(bytes).unwrap();
            let mut kept = String::with_capacity(text.len());
            let mut rest = text.as_str();
            // A formula cell is `<f>...</f><v>cached</v>`: drop the `<v>` after each `</f>`.
            while let Some(end) = rest.find("</f>") {
                kept.push_str(&rest[..end + 4]);
                rest = &rest[end + 4..];
                if let (true, Some(close)) = (rest.starts_with("<v>"), rest.find("</v>")) {
                    rest = &rest[close + 4..];
                    stripped += 1;
                }
            }
            kept.push_str(rest);
            bytes = kept.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    (out.finish().unwrap().into_inner(), stripped)
}

/// Each sheet as CSV, computed by LibreOffice with recalculation forced on load, in a profile
/// of its own (a fresh temporary folder, so runs never share or race on one).
pub(crate) fn recalculated(
    soffice: &Path,
    xlsx: &[u8],
    dir: &Path,
) -> HashMap<String, Vec<Vec<String>>> {
    let profile = dir.join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let book = dir.join("book.xlsx");
    std::fs::write(&book, xlsx).unwrap();
    let csv = dir.join("csv");
    let output = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to"])
        // UTF-8, values (not as shown), every sheet to a file of its own.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(&csv)
        .arg(&book)
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut sheets = HashMap::new();
    for entry in std::fs::read_dir(&csv).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let sheet = stem.strip_prefix("book-").unwrap_or(&stem).to_string();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&path)
            .unwrap();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        sheets.insert(sheet, rows);
    }
    sheets
}

/// A number as LibreOffice's CSV writes it (`19.5378151260504%` is 19.5378151260504 percent).
pub(crate) fn number(text: &str) -> Option<f64> {
    let text = text.trim().replace(',', "");
    text.strip_suffix('%').unwrap_or(&text).parse().ok()
}

#[track_caller]
pub(crate) fn close(computed: f64, expected: f64, what: &str) {
    let error = (computed - expected).abs();
    let scale = computed.abs().max(expected.abs());
    assert!(
        error <= 1e-9 * scale || error < 1e-12,
        "{what}: LibreOffice computed {computed}, metrics.json has {expected}"
    );
}

#[test]
fn libreoffice_recomputes_every_formula_to_metrics_json() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    for (input, folder) in INPUTS {
        recompute(&soffice, input, folder);
    }
}

fn recompute(soffice: &Path, input: &str, folder: &str) {
    let out = report(input, folder);
    let json: Value = serde_json::from_str(&out.read(&format!("{folder}/metrics.json"))).unwrap();
    let xlsx = std::fs::read(out.path(&format!("{folder}/metrics.xlsx"))).unwrap();
    let (bare, stripped) = without_cached_results(&xlsx);
    assert!(
        stripped > 150,
        "only {stripped} formulas had a cached result"
    );
    let dir = tempfile::tempdir().unwrap();
    let sheets = recalculated(soffice, &bare, dir.path());
    let factor =
        json["periods"][0]["revenue"].as_f64().unwrap() / number(&sheets["Inputs"][2][1]).unwrap();

    // The company KPIs, from the input's [[kpi]] tables: the row's name, the key in
    // metrics.json, whether it is money (in the scale on the sheet).
    let text = std::fs::read_to_string(root().join(input)).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let kpis: Vec<(String, String, bool)> = table
        .get("kpi")
        .and_then(|k| k.as_array())
        .map(|kpis| {
            kpis.iter()
                .map(|k| {
                    let field = |name: &str| k[name].as_str().unwrap().to_string();
                    (field("name"), field("key"), field("unit") == "money")
                })
                .collect()
        })
        .unwrap_or_default();
    let mut kpis_checked = 0;

    let mut checked = 0;
    for sheet in ["Years", "Halves", "Quarters"] {
        let Some(rows) = sheets.get(sheet) else {
            continue;
        };
        let labels = &rows[1];
        for row in &rows[2..] {
            let name = row[0].as_str();
            let (path, unit): (Vec<String>, Unit) =
                if let Some(metric) = CATALOGUE.iter().find(|m| m.name == name) {
                    (vec![metric.key.to_string()], metric.unit)
                } else if let Some((line, metric)) = line_row(name, &json) {
                    (
                        vec!["cost_lines".into(), line, metric.key.into()],
                        metric.unit,
                    )
                } else if let Some((_, key, money)) = kpis.iter().find(|k| k.0 == name) {
                    // A KPI is a formula too (its [[kpi]] formula over the sheet's cells).
                    kpis_checked += 1;
                    let unit = if *money { Unit::Amount } else { Unit::Ratio };
                    (vec!["kpis".into(), key.clone()], unit)
                } else {
                    continue;
                };
            for (column, cell) in row.iter().enumerate().skip(2) {
                let label = &labels[column];
                // A column is headed as the brief shows its period: Snowflake's "2025" is
                // "FY2025 (Feb 2024-Jan 2025)".
                // A year summed from quarters or to date carries its mark: "2024 (summed
                // from quarters)".
                let heading = |p: &Value| {
                    let shown = p["display"].as_str().or(p["label"].as_str()).unwrap();
                    let coverage = match &p["coverage"] {
                        Value::String(c) if c == "summed_from_quarters" => {
                            Some(Coverage::SummedFromQuarters)
                        }
                        c => (c["year_to_date"]["months"].as_u64())
                            .map(|m| Coverage::YearToDate { months: m as u8 }),
                    };
                    match (p["months"].as_str(), coverage.and_then(Coverage::mark)) {
                        (Some(months), _) => format!("{shown} ({months})"),
                        (None, Some(mark)) => format!("{shown} ({mark})"),
                        (None, None) => shown.to_string(),
                    }
                };
                let period = json["periods"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| heading(p) == *label)
                    .unwrap_or_else(|| panic!("no period headed {label}"));
                let expected = path
                    .iter()
                    .fold(&period.clone(), |v, k| &v[k.as_str()])
                    .clone();
                let what = format!("{sheet} {name} {label}");
                match (number(cell), expected.as_f64()) {
                    (Some(computed), Some(expected)) => {
                        let computed = match unit {
                            Unit::Amount => computed * factor,
                            _ => computed,
                        };
                        close(computed, expected, &what);
                        checked += 1;
                    }
                    (None, None) if cell.is_empty() => {}
                    (computed, expected) => {
                        panic!("{what}: {cell:?} ({computed:?}) vs {expected:?}")
                    }
                }
            }
        }
    }
    assert!(
        checked > 150,
        "{input}: only {checked} values were compared"
    );
    assert!(
        kpis_checked >= kpis.len(),
        "{input}: {kpis_checked} KPI rows compared for {} KPIs",
        kpis.len()
    );

    // The Peers sheet's medians (MEDIAN formulas over the peers' cells), by hand.
    match sheets.get("Peers") {
        Some(peers) => check_peer_medians(peers, input),
        // The example lists its peers; the other inputs do not.
        None => assert!(!input.contains("klarna"), "{input}: no Peers sheet"),
    }

    // The plan's path, month by month (an input without a plan has no Plan sheet).
    let Some(plan) = sheets.get("Plan") else {
        assert!(json["plan"].is_null(), "{input}: a plan but no Plan sheet");
        return;
    };
    let start = plan.iter().position(|row| row[0] == "Month").unwrap() + 1;
    let path = json["plan"]["path"].as_array().unwrap();
    for (row, point) in plan[start..].iter().zip(path) {
        close(
            number(&row[2]).unwrap(),
            point["headcount"].as_f64().unwrap(),
            &format!("month {}", row[0]),
        );
    }
    assert_eq!(plan.len() - start, path.len());
}

/// Each metric's peers' median on the recomputed Peers sheet is the median of the peers'
/// values beside it (the company's column, the first, left out).
fn check_peer_medians(peers: &[Vec<String>], input: &str) {
    let median_column = peers[1].iter().position(|h| h == "Peers' median").unwrap();
    let mut checked = 0;
    for row in peers[2..].iter().take_while(|r| !r[0].is_empty()) {
        let mut values: Vec<f64> = row[2..median_column]
            .iter()
            .filter_map(|c| number(c))
            .collect();
        let median = number(&row[median_column]);
        if values.is_empty() {
            assert_eq!(median, None, "{input}: Peers {}", row[0]);
            continue;
        }
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let by_hand = match n % 2 {
            1 => values[n / 2],
            _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        };
        close(
            median.unwrap(),
            by_hand,
            &format!("{input}: Peers median of {}", row[0]),
        );
        checked += 1;
    }
    assert!(
        checked >= 5,
        "{input}: only {checked} peer medians compared"
    );
}

/// A cost line's row name ("Processing servicing, % of revenue"): its line key and metric.
fn line_row(
    name: &str,
    json: &Value,
) -> Option<(String, &'static ipobrief::metrics::catalogue::LineMetric)> {
    let lines: Vec<String> = json["periods"]
        .as_array()?
        .iter()
        .flat_map(|p| {
            p["cost_lines"]
                .as_object()
                .into_iter()
                .flat_map(|m| m.keys().cloned())
        })
        .collect();
    LINE_CATALOGUE.iter().rev().find_map(|metric| {
        let line = lines.iter().find(|line| {
            format!("{}{}", ipobrief::format::line_name(line), metric.suffix) == name
        })?;
        Some((line.clone(), metric))
    })
}

#[test]
fn libreoffice_recomputes_compare_changes_to_compare_json() {
    let Some(soffice) = tools::find(&tools::LIBREOFFICE) else {
        return;
    };
    let out = Test::new()
        .example("klarna.toml")
        .args([
            "compare",
            "klarna.toml",
            "--periods",
            "2024,2025",
            "-o",
            "out",
        ])
        .run()
        .status(0);
    let json: Value = serde_json::from_str(&out.read("out/compare.json")).unwrap();
    let xlsx = std::fs::read(out.path("out/compare.xlsx")).unwrap();
    let (bare, stripped) = without_cached_results(&xlsx);
    assert!(stripped > 20, "only {stripped} changes are formulas");
    let dir = tempfile::tempdir().unwrap();
    let sheet = &recalculated(&soffice, &bare, dir.path())["Compare"];
    let mut checked = 0;
    for row in json["rows"].as_array().unwrap() {
        let name = row["name"].as_str().unwrap();
        let cells = sheet
            .iter()
            .find(|cells| cells[0] == name || cells[0].starts_with(&format!("{name} (")))
            .unwrap_or_else(|| panic!("no row {name}"));
        let change = &row["changes"][0];
        let difference = change["pp"].as_f64().or(change["absolute"].as_f64());
        for (computed, expected) in [(&cells[4], difference), (&cells[5], change["pct"].as_f64())] {
            match (number(computed), expected) {
                (Some(computed), Some(expected)) => {
                    close(computed, expected, name);
                    checked += 1;
                }
                (None, None) => {}
                (computed, expected) => panic!("{name}: {computed:?} vs {expected:?}"),
            }
        }
    }
    assert!(checked > 20, "only {checked} changes were compared");
}

/// The brief's money as shown ("$29.8B", "$2.32B", "$867k") in units, and half its last
/// shown digit (how far the exact value may be from it).
fn shown_money(text: &str) -> (f64, f64) {
    let text = text.trim().trim_start_matches('$');
    let (number, factor) = match text.chars().last() {
        Some('B') => (&text[..text.len() - 1], 1e9),
        Some('M') => (&text[..text.len() - 1], 1e6),
        Some('k') => (&text[..text.len() - 1], 1e3),
        _ => (text, 1.0),
    };
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = number.replace(',', "").parse().unwrap();
    (
        value * factor,
        0.5 * 10f64.powi(-(decimals as i32)) * factor,
    )
}

#[test]
fn the_peers_sheet_holds_the_briefs_peers_table() {
    let out = Test::new()
        .example("klarna.toml")
        .args([
            "generate",
            "klarna.toml",
            "-o",
            "out",
            "--format",
            "md,json,xlsx",
        ])
        .run()
        .status(0);
    let folder = "out/klarna-group-plc";
    let brief = out.read(&format!("{folder}/brief.md"));
    let json: Value = serde_json::from_str(&out.read(&format!("{folder}/metrics.json"))).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(out.path(&format!("{folder}/metrics.xlsx"))).unwrap();
    assert!(book.sheet_names().contains(&"Peers".to_string()));
    let values = book.worksheet_range("Peers").unwrap();
    let formulas = book.worksheet_formula("Peers").unwrap();
    let text = |row: u32, column: u32| match values.get_value((row, column)) {
        Some(Data::String(text)) => text.clone(),
        _ => String::new(),
    };
    let float = |row: u32, column: u32| match values.get_value((row, column)) {
        Some(Data::Float(value)) => Some(*value),
        _ => None,
    };

    // Header: Metric, the company and its two peers with their fiscal years, median, rank.
    let heads: Vec<String> = (0..6).map(|c| text(1, c)).collect();
    assert_eq!(heads[0], "Metric");
    for (head, name) in heads[1..4].iter().zip([
        "Klarna Group plc",
        "PayPal Holdings, Inc.",
        "Affirm Holdings, Inc.",
    ]) {
        assert!(head.starts_with(name) && head.contains("FY"), "{head:?}");
    }
    assert_eq!(heads[4], "Peers' median");
    assert_eq!(heads[5], "Rank");

    // Revenue: the same values as the brief's Peers table (shown to 3 figures), in millions.
    let revenue_row = (2..20).find(|r| text(*r, 0) == "Revenue").unwrap();
    let line = brief
        .split("## Peers")
        .nth(1)
        .expect("the brief has a Peers section")
        .lines()
        .find(|l| l.starts_with("| Revenue |"))
        .expect("the brief's Peers table has a Revenue row");
    let shown: Vec<&str> = line.split('|').map(str::trim).collect();
    let factor = 1e6; // the example's amounts are in USD millions
    for column in 1..=4u32 {
        let cell = float(revenue_row, column).expect("a revenue value") * factor;
        let (brief_value, half) = shown_money(shown[column as usize + 1]);
        assert!(
            (cell - brief_value).abs() <= half,
            "column {column}: sheet {cell} vs brief {}",
            shown[column as usize + 1]
        );
    }
    // The company's own revenue is exactly its latest year's in metrics.json.
    let latest = json["periods"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|p| p["kind"] == "year")
        .unwrap();
    close(
        float(revenue_row, 1).unwrap() * factor,
        latest["revenue"].as_f64().unwrap(),
        "Klarna's revenue",
    );

    // The median is a MEDIAN formula over the peers' cells, its cached value their median.
    let formula = formulas
        .get_value((revenue_row, 4))
        .cloned()
        .unwrap_or_default();
    let expected_formula = format!("MEDIAN(C{0}:D{0})", revenue_row + 1);
    assert!(
        formula.trim_start_matches('=') == expected_formula,
        "{formula:?}"
    );
    let peers = [
        float(revenue_row, 2).unwrap(),
        float(revenue_row, 3).unwrap(),
    ];
    close(
        float(revenue_row, 4).unwrap(),
        (peers[0] + peers[1]) / 2.0,
        "revenue median",
    );

    // A peer without a headcount: its per-employee cell is empty (no text), with a note.
    let per_employee = (2..20)
        .find(|r| text(*r, 0) == "Revenue per employee (annualised)")
        .unwrap();
    assert_eq!(float(per_employee, 3), None);
    assert_eq!(text(per_employee, 3), "");
    let xml = sheet_xml(&std::fs::read(out.path(&format!("{folder}/metrics.xlsx"))).unwrap());
    assert!(xml.contains("n/a: "), "the n/a cells have notes");
    assert!(brief.contains("Affirm Holdings"));
}

/// Every note (comment) part of a workbook, as one text.
fn sheet_xml(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut all = String::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        if file.name().starts_with("xl/comments") {
            file.read_to_string(&mut all).unwrap();
        }
    }
    all
}

/// The Peers sheet of the workbook of `peers.rs`'s company A against B (SEK), with `args`.
fn peers_sheet(args: &[&str]) -> (calamine::Range<Data>, String) {
    let out = Test::new()
        .file("a.toml", crate::peers::A)
        .file("peers/b.toml", crate::peers::B)
        .args(["generate", "a.toml", "-o", "out", "--format", "xlsx"])
        .args(args)
        .run()
        .status(0);
    let path = out.path("out/a/metrics.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = book.worksheet_range("Peers").unwrap();
    (range, sheet_xml(&std::fs::read(&path).unwrap()))
}

#[test]
fn amounts_in_another_currency_are_empty_with_a_note_unless_a_rate_is_given() {
    // Row 2 is revenue: A's 120; B's SEK 1,000 is not compared, so no median either.
    let (sheet, notes) = peers_sheet(&[]);
    assert_eq!(
        sheet.get_value((2, 0)),
        Some(&Data::String("Revenue".into()))
    );
    assert_eq!(sheet.get_value((2, 1)), Some(&Data::Float(120.0)));
    assert!(matches!(sheet.get_value((2, 2)), None | Some(Data::Empty)));
    assert!(matches!(sheet.get_value((2, 3)), None | Some(Data::Empty)));
    assert!(
        notes.contains("not compared: B reports in SEK, and no rate to USD was given"),
        "{notes}"
    );
    assert!(notes.contains("n/a: no peer has a comparable value"));
    // Growth is compared across currencies: B's +25% is its median.
    assert_eq!(sheet.get_value((3, 3)), Some(&Data::Float(0.25)));

    // At 0.1 USD per SEK, B's revenue is USD 100, and it is the median.
    let (sheet, notes) = peers_sheet(&["--fx", "SEK=0.1"]);
    assert_eq!(sheet.get_value((2, 2)), Some(&Data::Float(100.0)));
    assert_eq!(sheet.get_value((2, 3)), Some(&Data::Float(100.0)));
    assert!(
        notes.contains("converted from 1000 SEK at 0.1 USD per SEK"),
        "{notes}"
    );
}

/// A part of a workbook, as text.
fn part_xml(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Trust II (10): a take rate of 138 / 10,000 = 1.38% against a floor of 1.4 showed "1.4%" in
/// the workbook's `0.0%` format. A KPI row judged by a threshold gets the decimals that decide
/// it (`0.00%`), as the brief and the scorecard show it; other rows keep their unit's format.
#[test]
fn a_judged_kpi_row_shows_the_deciding_digit() {
    let input = "[company]\nname = \"Take AB\"\ncurrency = \"SEK\"\nscale = \"millions\"\n\
        [[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
        formula = \"revenue / values.gmv * 100\"\n[[readiness.kpi]]\nkey = \"take_rate\"\n\
        min = 1.4\n[[period]]\nlabel = \"2024\"\nrevenue = 120\n[period.values]\ngmv = 10000\n\
        [[period]]\nlabel = \"2025\"\nrevenue = 138\n[period.values]\ngmv = 10000\n";
    let run = Test::new()
        .file("take.toml", input)
        .args(["generate", "take.toml", "-o", "out", "--format", "xlsx"])
        .run()
        .status(0);
    let xlsx = std::fs::read(run.path("out/take-ab/metrics.xlsx")).unwrap();
    let styles = part_xml(&xlsx, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.00%_)\""), "{styles}");
    // Against a floor far below (0.014%), one place decides: the unit's own format.
    let run = Test::new()
        .file("take.toml", input.replace("min = 1.4", "min = 0.014"))
        .args(["generate", "take.toml", "-o", "out", "--format", "xlsx"])
        .run()
        .status(0);
    let xlsx = std::fs::read(run.path("out/take-ab/metrics.xlsx")).unwrap();
    assert!(!part_xml(&xlsx, "xl/styles.xml").contains("formatCode=\"0.00%_)\""));
}
