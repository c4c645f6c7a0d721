//! Plan against actual's chart: drawn from two periods with revenue guidance or a budget, its
//! text alternative in figures, a sentence instead with one such period, nothing without one.

use crate::report::charts::{build_all, Chart, ChartOutputs, ChartSection};

const QUARTERS: &str = include_str!("../../../../tests/fixtures/plan-actual/quarters.toml");
const ID: &str = "plan-actual-revenue";

fn charts(text: &str, png: bool) -> Vec<Chart> {
    let input = crate::input::from_toml(text).unwrap_or_else(|e| panic!("{e}"));
    let analysis = crate::analyse(&input, &Default::default(), None);
    build_all(&analysis, ChartOutputs { svg: true, png }).unwrap()
}

fn plan_chart(text: &str) -> Option<Chart> {
    charts(text, false).into_iter().find(|c| c.id == ID)
}

#[test]
fn four_quarters_are_drawn_with_their_ranges_and_budgets_in_words() {
    let chart = plan_chart(QUARTERS).expect("the chart");
    assert_eq!(chart.section, ChartSection::PlanActual);
    assert_eq!(
        chart.title,
        "Revenue against guidance and budget, quarters 2025-Q1–2025-Q4"
    );
    assert_eq!(
        chart.alt,
        "Line: actual revenue (2025-Q1 SEK 100, 2025-Q2 SEK 120, 2025-Q3 SEK 130, 2025-Q4 SEK 140). \
         Bands: revenue guidance (2025-Q1 SEK 105 to SEK 115, 2025-Q2 SEK 115 to SEK 125, \
         2025-Q3 SEK 126, 2025-Q4 SEK 130 to SEK 150). Crosses on a dashed line: budgeted \
         revenue (2025-Q1 SEK 110, 2025-Q2 SEK 120, 2025-Q3 SEK 125, 2025-Q4 n/a)."
    );
    let svg = chart.svg.expect("drawn");
    // The text alternative is the SVG's description; the legend names the three series.
    assert!(svg.contains("<desc id=\"plan-actual-revenue-desc\">Line: actual revenue"));
    for label in ["Guidance range", "Budget", "Actual revenue", "2025-Q4"] {
        assert!(svg.contains(label), "{label} missing");
    }
    let png = charts(QUARTERS, true).into_iter().find(|c| c.id == ID);
    assert!(png.and_then(|c| c.png).is_some());
}

#[test]
fn one_period_with_guidance_is_a_sentence_and_none_is_nothing() {
    let one = QUARTERS.split("\n[[period]]").take(2).collect::<Vec<_>>();
    let chart = plan_chart(&one.join("\n[[period]]")).expect("a sentence");
    assert!(chart.svg.is_none());
    assert_eq!(
        chart.omitted.as_deref(),
        Some(
            "Revenue against guidance and budget, quarters 2025-Q1: not drawn, as fewer than \
             two quarters have revenue guidance or a revenue budget."
        )
    );
    let example = crate::input::klarna_example();
    let analysis = crate::analyse(&example, &Default::default(), None);
    let outputs = ChartOutputs {
        svg: true,
        png: false,
    };
    let drawn = build_all(&analysis, outputs).unwrap();
    assert!(drawn.iter().all(|c| c.section != ChartSection::PlanActual));
}

#[test]
fn a_guided_top_line_is_drawn_as_itself_without_a_revenue_budget() {
    // Snowflake guides product revenue, not revenue: the chart draws product revenue against
    // its ranges, never total revenue against them.
    let chart = plan_chart(include_str!("../../../../examples/snowflake.toml")).expect("chart");
    assert_eq!(
        chart.title,
        "Product revenue against guidance, quarters FY2024 Q2–FY2025 Q4"
    );
    assert!(
        chart
            .alt
            .starts_with("Line: actual product revenue (FY2024 Q2 $640M, FY2024 Q3 $699M, "),
        "{}",
        chart.alt
    );
    assert!(chart
        .alt
        .contains("Bands: product revenue guidance (FY2024 Q2 $620M to $625M, "));
    assert!(!chart.alt.contains("budget"), "{}", chart.alt);
}
