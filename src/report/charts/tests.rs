//! Chart sizes and layout: PNGs at twice the layout's pixels, axis labels inside the picture.

use super::{build_all, register_font, ChartOutputs, HEIGHT, PNG_SCALE, WIDTH};
use plotters::prelude::*;

/// One year of 1,000 people, 20% attrition, no hires, target 720: the path reaches 1,000 x
/// 0.8^(18/12) = 715.5 in month 18 (month 17: 729.1), so the chart runs to month 18 + 12 = 30,
/// a round number on which the axis puts its last label, at the right edge.
const PLAN_TO_MONTH_30: &str = r#"
[company]
name = "Plan"
currency = "EUR"
fiscal_year_end = "12-31"
[plan]
target_headcount = 720
annual_attrition = 0.2
[[period]]
label = "2024"
revenue = 100
headcount_end = 1000
[[period]]
label = "2025"
revenue = 110
headcount_end = 1000
"#;

fn charts(text: &str, png: bool) -> Vec<super::Chart> {
    let input = crate::input::from_toml(text).unwrap();
    let metrics = crate::analyse(&input, &Default::default(), None);
    build_all(&metrics, ChartOutputs { svg: true, png }).unwrap()
}

/// PNG charts are 1,640 x 840 pixels: the 820 x 420 layout at twice the pixels.
#[test]
fn png_charts_have_twice_the_pixels() {
    let charts = charts(PLAN_TO_MONTH_30, true);
    let png = charts
        .iter()
        .find_map(|c| c.png.as_ref())
        .expect("a PNG chart");
    // The PNG header: width and height as big-endian u32 at bytes 16 and 20.
    let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((size(16), size(20)), (1640, 840));
    assert_eq!((WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE), (1640, 840));
}

/// Regression: the plan chart's last month label sat centred on the right edge with only the
/// 14-pixel margin beside it, so its right half was cut ("2026-1" for "2026-10").
#[test]
fn the_last_axis_label_of_the_plan_chart_is_not_cut() {
    let charts = charts(PLAN_TO_MONTH_30, false);
    let svg = charts
        .iter()
        .find(|c| c.id == "plan-headcount")
        .and_then(|c| c.svg.clone())
        .expect("the plan chart");
    register_font().unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap();
    let month = |text: &str| {
        text.len() == 7
            && text.as_bytes()[4] == b'-'
            && text.chars().filter(char::is_ascii_digit).count() == 6
    };
    let (label, right_edge) = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let text = n.text()?.trim().to_string();
            let x: f64 = n.attribute("x")?.parse().ok()?;
            month(&text).then_some((text, x))
        })
        .map(|(text, x)| {
            // Laid out at 13 pixels (the SVG writes it in points), centred on x.
            let (width, _) = ("sans-serif", 13).into_font().box_size(&text).unwrap();
            (text, x + f64::from(width) / 2.0)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("month labels on the x axis");
    assert_eq!(label, "2028-06", "the last label is month 30");
    assert!(
        right_edge <= f64::from(WIDTH),
        "{label} ends at {right_edge}, beyond the width of {WIDTH}"
    );
}

/// A company with KPIs in percent gets a chart of them in the KPI section, one line per KPI
/// (the example: take rate, and transaction margin as a share of GMV); one without gets none,
/// nor a sentence about it.
#[test]
fn percentage_kpis_get_a_chart_and_no_kpis_no_chart() {
    let input = crate::input::klarna_example();
    let analysis = crate::analyse(&input, &Default::default(), None);
    let example = build_all(
        &analysis,
        ChartOutputs {
            svg: true,
            png: false,
        },
    )
    .unwrap();
    let years = example
        .iter()
        .find(|c| c.id == "years-kpis")
        .expect("the example's KPI chart");
    assert_eq!(years.section, super::ChartSection::Kpis);
    assert!(years.svg.is_some(), "{:?}", years.omitted);
    assert!(
        years
            .alt
            .starts_with("Lines: Take rate (2022 n/a, 2023 2.5%"),
        "{}",
        years.alt
    );
    assert!(years
        .alt
        .contains("Transaction margin, % of GMV (2022 n/a, 2023 1.2%"));
    let without = charts(PLAN_TO_MONTH_30, false);
    assert!(without
        .iter()
        .all(|c| c.section != super::ChartSection::Kpis));
}
