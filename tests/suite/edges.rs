//! Numbers at the edges (issue 5): zero revenue, one period, 60 years of quarters, amounts of
//! 10^15 and millionths. No overflow, no NaN, the right "n/a" reasons, and operating expenses
//! that equal the sum of the cost lines to the cent. Expected values are worked out by hand.

use ipobrief::input::{parse, Format, ReadOptions};
use ipobrief::report::{build, ChartFormat, ReportSettings};
use ipobrief::scorecard::Thresholds;
use serde_json::Value;

use crate::harness::Test;

/// Reads TOML, computes everything and renders every format; returns metrics.json, parsed.
fn brief(toml: &str) -> Value {
    brief_of(toml, Format::Toml)
}

fn brief_of(text: &str, format: Format) -> Value {
    let input = parse(text, "edge", format, &ReadOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let metrics = ipobrief::analyse(&input, &Thresholds::default(), None);
    let settings = ReportSettings::new(&["md", "html", "json"], ChartFormat::Svg, None).unwrap();
    let files = build(&input, &metrics, None, &settings).expect("the report builds");
    for file in &files {
        let text = String::from_utf8_lossy(&file.bytes().unwrap()).into_owned();
        for bad in ["NaN", "inf%", ": inf", "-inf"] {
            assert!(!text.contains(bad), "{bad} in {}", file.path.display());
        }
    }
    let json = files
        .iter()
        .find(|f| f.path.ends_with("metrics.json"))
        .unwrap();
    serde_json::from_slice(&json.bytes().unwrap()).unwrap()
}

fn company() -> &'static str {
    "[company]\nname = \"Edge AB\"\ncurrency = \"SEK\"\n"
}

fn reason<'a>(period: &'a Value, metric: &str) -> &'a str {
    period["unavailable"][metric]
        .as_str()
        .unwrap_or_else(|| panic!("no reason for {metric}: {}", period["unavailable"]))
}

#[test]
fn zero_revenue_gives_reasons_not_nan() {
    let json = brief(&format!(
        "{}\n[[period]]\nlabel = \"2023\"\nrevenue = 0\nheadcount_end = 10\ncosts = {{ support = 5 }}\n\n[[period]]\nlabel = \"2024\"\nrevenue = 0\nheadcount_end = 10\ncosts = {{ support = 5 }}\n",
        company()
    ));
    let latest = &json["periods"][1];
    assert_eq!(latest["revenue"], 0);
    assert!(latest["revenue_growth_yoy_pct"].is_null());
    assert_eq!(
        reason(latest, "revenue_growth_yoy_pct"),
        "revenue in 2023 is zero, so a percent change is not meaningful (n/m)"
    );
    // Not missing but not meaningful: metrics.json says so beside the reason.
    assert!(latest["not_meaningful"]
        .as_array()
        .expect("a list")
        .iter()
        .any(|key| key == "revenue_growth_yoy_pct"));
    assert_eq!(reason(latest, "opex_pct_of_revenue"), "revenue is zero");
    assert_eq!(latest["opex"], 5);
}

#[test]
fn one_period_has_no_growth_and_says_why() {
    let json = brief(&format!(
        "{}\n[[period]]\nlabel = \"2024\"\nrevenue = 100\n",
        company()
    ));
    let only = &json["periods"][0];
    assert!(only["revenue_growth_yoy_pct"].is_null());
    assert_eq!(
        reason(only, "revenue_growth_yoy_pct"),
        "the input's years start at 2024, so there is no earlier year to compare with"
    );
    assert_eq!(reason(only, "opex"), "the input lists no cost lines");
}

#[test]
fn sixty_years_of_quarters() {
    let mut toml = company().to_string();
    for n in 0..240 {
        toml.push_str(&format!(
            "\n[[period]]\nlabel = \"{}-Q{}\"\nrevenue = {}\nheadcount_end = 100\ncosts = {{ a = 1 }}\n",
            1965 + n / 4,
            n % 4 + 1,
            1000 + n
        ));
    }
    let json = brief(&toml);
    let all = json["periods"].as_array().unwrap();
    // Each year's four quarters add up to it (summed from quarters): 240 quarters, 60 years.
    assert_eq!(all.len(), 300);
    let periods: Vec<&serde_json::Value> = all.iter().filter(|p| p["kind"] == "quarter").collect();
    assert_eq!(periods.len(), 240);
    assert_eq!(periods[0]["label"], "1965-Q1");
    assert_eq!(periods[239]["label"], "2024-Q4");
    // 2024-Q4 (n = 239) over 2023-Q4 (n = 235): 1239 / 1235 - 1 = 0.3238866... %
    let growth = periods[239]["revenue_growth_yoy_pct"].as_f64().unwrap();
    assert!((growth - 0.323886639676113).abs() < 1e-9, "{growth}");
}

#[test]
fn amounts_of_ten_to_the_fifteenth_reconcile_to_the_cent() {
    // 999,999,999,999,999.97 + 0.01 + 0.02 = 1,000,000,000,000,000.00 exactly. JSON keeps every
    // digit (TOML refuses this number, see below).
    let json = brief_of(
        r#"{ "company": { "name": "Edge AB", "currency": "SEK" }, "period": [
            { "label": "2024", "revenue": 1000000000000000, "headcount_end": 1,
              "operating_income": 0,
              "costs": { "big": 999999999999999.97, "small": 0.01, "smaller": 0.02 } } ] }"#,
        Format::Json,
    );
    let period = &json["periods"][0];
    assert_eq!(period["revenue"].to_string(), "1000000000000000");
    assert_eq!(period["opex"].to_string(), "1000000000000000");
    assert_eq!(
        period["revenue_per_employee"].to_string(),
        "1000000000000000"
    );
    assert_eq!(period["opex_pct_of_revenue"].as_f64(), Some(100.0));
}

#[test]
fn toml_refuses_a_fraction_it_cannot_hold_exactly() {
    // Regression: TOML floats are binary; 999999999999999.97 used to become 1000000000000000
    // without a word, and the cost lines no longer added up to the cent.
    let text = format!(
        "{}\n[[period]]\nlabel = \"2024\"\nrevenue = 1\ncosts = {{ big = 999999999999999.97 }}\n",
        company()
    );
    let error = parse(&text, "edge.toml", Format::Toml, &ReadOptions::default()).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("edge.toml:8:17"), "{message}");
    assert!(
        message.contains("more digits than TOML keeps exactly"),
        "{message}"
    );
}

#[test]
fn billions_scale_of_ten_to_the_fifteenth_does_not_overflow() {
    // 10^15 billions is 10^24 full units, below rust_decimal's 7.9 x 10^28.
    let json = brief(
        "[company]\nname = \"Edge AB\"\ncurrency = \"SEK\"\nscale = \"billions\"\n\n[[period]]\nlabel = \"2023-Q4\"\nrevenue = 1000000000000000\nheadcount_end = 1\ncosts = { a = 1000000000000000 }\n\n[[period]]\nlabel = \"2024-Q4\"\nrevenue = 1000000000000000\nheadcount_end = 1\ncosts = { a = 1000000000000000 }\n",
    );
    let period = &json["periods"][1];
    assert_eq!(period["revenue"].to_string(), "1000000000000000000000000");
    assert_eq!(period["revenue_growth_yoy_pct"].as_f64(), Some(0.0));
    // Annualised per employee: 10^24 x 4 / 1.
    assert_eq!(
        period["revenue_per_employee"].to_string(),
        "4000000000000000000000000"
    );
}

#[test]
fn millionths_stay_exact() {
    // 0.000001 + 0.000002 + 0.000003 = 0.000006; the share of revenue 0.000006 / 0.000012 = 50 %.
    let json = brief(&format!(
        "{}\n[[period]]\nlabel = \"2024\"\nrevenue = 0.000012\nheadcount_end = 3\ncosts = {{ a = 0.000001, b = 0.000002, c = 0.000003 }}\n",
        company()
    ));
    let period = &json["periods"][0];
    assert_eq!(period["revenue"].to_string(), "0.000012");
    assert_eq!(period["opex"].to_string(), "0.000006");
    assert_eq!(period["opex_pct_of_revenue"].as_f64(), Some(50.0));
    // Per employee is money, rounded to the cent: 0.000012 / 3 = 0.000004 -> 0.
    assert_eq!(period["revenue_per_employee"].to_string(), "0");
}

/// A take rate of 138 / 10,000 x 100 = 1.38% against `min = 1.4` (Trust II, 10).
const TAKE_RATE: &str = "[company]\nname = \"Take AB\"\ncurrency = \"SEK\"\nscale = \"millions\"\n\
    [[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
    formula = \"revenue / values.gmv * 100\"\n[[readiness.kpi]]\nkey = \"take_rate\"\nmin = 1.4\n\
    [[period]]\nlabel = \"2024\"\nrevenue = 120\n[period.values]\ngmv = 10000\n\
    [[period]]\nlabel = \"2025\"\nrevenue = 138\n[period.values]\ngmv = 10000\n";

/// Trust II (10): "Take rate was 1.4%, outside the threshold of >= 1.4%". Every output shows
/// 1.38%, the digit that decides against 1.4, as the Rule of 40 does: check's text, JSON and
/// GitHub annotations, the brief's scorecard, KPI table (Markdown and HTML) and chart text.
#[test]
fn a_kpi_against_its_threshold_shows_the_deciding_digit_everywhere() {
    let why = "In 2025 Take rate was 1.38%, outside the threshold of >= 1.4%.";
    let text = Test::new()
        .file("take.toml", TAKE_RATE)
        .args(["check", "take.toml"])
        .run()
        .status(1);
    assert!(text.stdout.contains(why), "{}", text.stdout);
    let json = Test::new()
        .file("take.toml", TAKE_RATE)
        .args(["check", "take.toml", "--format", "json"])
        .run()
        .status(1)
        .json();
    let kpi = json[0]["scorecard"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "kpi.take_rate")
        .unwrap()
        .clone();
    assert_eq!(kpi["figure"], "1.38%");
    assert_eq!(kpi["threshold"], ">= 1.4%");
    let github = Test::new()
        .file("take.toml", TAKE_RATE)
        .args(["check", "take.toml", "--format", "github"])
        .run()
        .status(1);
    assert!(
        // A GitHub annotation escapes "%" as "%25".
        github.stdout.contains("1.38%25 (threshold >= 1.4%25)"),
        "{}",
        github.stdout
    );
    let run = Test::new()
        .file("take.toml", TAKE_RATE)
        .args(["generate", "take.toml", "-o", "out", "--format", "md,html"])
        .run()
        .status(0);
    let md = run.read("out/take-ab/brief.md");
    // Markdown writes ">" as "&gt;".
    assert!(
        md.contains(&why.replace('>', "&gt;")),
        "the scorecard's sentence"
    );
    // The KPI table: 2024 is 120 / 10,000 = 1.2%, 2025 1.38%.
    assert!(md.contains("| Take rate | 1.2% | 1.38% |"), "{md}");
    assert!(
        md.contains("Take rate (2024 1.2%, 2025 1.38%)"),
        "the chart's text"
    );
    let html = run.read("out/take-ab/brief.html");
    assert!(html.contains(">1.38%<"), "the HTML table");
    assert!(!html.contains(">1.4%<"), "1.38% never reads 1.4%");
}

/// Trust II (11): revenue growth from a year of zero revenue was left out of the brief as
/// n/a. It is not meaningful: "n/m" with its note in the Growth table and on the headline card.
#[test]
fn growth_from_a_zero_base_reads_not_meaningful_in_the_brief() {
    let text = "[company]\nname = \"Zero AB\"\ncurrency = \"SEK\"\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 0\n[[period]]\nlabel = \"2025\"\nrevenue = 100\n";
    let run = Test::new()
        .file("z.toml", text)
        .args(["generate", "z.toml", "-o", "out", "--format", "md,json"])
        .run()
        .status(0);
    let md = run.read("out/zero-ab/brief.md");
    assert!(md.contains("| Revenue growth, YoY | n/a [^"), "{md}");
    assert!(md.contains("| n/m [^1] |"), "{md}");
    assert!(md.contains(
        "[^1]: 2025: revenue in 2024 is zero, so a percent change is not meaningful (n/m)"
    ));
    let json: Value = serde_json::from_str(&run.read("out/zero-ab/metrics.json")).unwrap();
    // Growth and what is computed from it (the Rule of 40, growth minus headcount growth).
    assert_eq!(
        json["periods"][1]["not_meaningful"],
        serde_json::json!([
            "growth_minus_headcount_growth_pp",
            "revenue_growth_yoy_pct",
            "rule_of_40"
        ])
    );
}
