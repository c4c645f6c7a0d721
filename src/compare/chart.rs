//! The comparison's chart: a grouped bar chart of the key percentages (growth, margins, cost
//! share, Rule of 40), one group per metric and one bar per column. Percentages share one axis
//! and compare across currencies, which money would not. Drawn to SVG with the built-in font.

use anyhow::{anyhow, Result};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

use super::Comparison;
use crate::metrics::catalogue::{picked, View};
use crate::report::charts::{accessible_svg, bar_value_at, register_font, DrawResult, PALETTE};

const WIDTH: u32 = 900;
const HEIGHT: u32 = 440;

/// The chart as inline SVG with its text alternative, or why it is not drawn.
#[derive(Debug, Clone, Serialize)]
pub struct CompareChart {
    pub title: String,
    pub alt: String,
    pub svg: Option<String>,
    pub omitted: Option<String>,
}

struct Group {
    name: String,
    values: Vec<Option<f64>>,
}

fn groups(comparison: &Comparison) -> Vec<Group> {
    // Against a budget, each period has its rows: a group for each, named with its period.
    let per_period = comparison.mode == super::Mode::Budget;
    picked(View::CompareChart)
        .into_iter()
        .flat_map(|metric| {
            let rows = comparison.rows.iter().filter(move |r| r.key == metric.key);
            rows.take(if per_period { usize::MAX } else { 1 })
        })
        .map(|row| Group {
            name: match per_period {
                true => format!("{} {}", row.group, row.name),
                false => row.name.clone(),
            },
            values: row
                .cells
                .iter()
                .map(|c| c.value.map(|v| v.as_f64()))
                .collect(),
        })
        .collect()
}

/// Draws the chart of the key percentages.
pub fn build(comparison: &Comparison) -> Result<CompareChart> {
    let title = "Key percentages side by side".to_string();
    let groups = groups(comparison);
    let headings: Vec<&str> = comparison
        .columns
        .iter()
        .map(|c| c.heading.as_str())
        .collect();
    let alt = groups
        .iter()
        .map(|g| {
            let values: Vec<String> = headings
                .iter()
                .zip(&g.values)
                .map(|(h, v)| {
                    format!(
                        "{h} {}",
                        v.map_or("n/a".to_string(), |v| crate::format::places(v, 2, false))
                    )
                })
                .collect();
            format!("{}: {}", g.name, values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let alt = format!("Grouped bars, one per column, in percent (Rule of 40 in points). {alt}.");
    if groups.is_empty() {
        return Ok(CompareChart {
            title,
            alt,
            svg: None,
            omitted: Some(
                "The chart is not drawn: no column has any of its percentages.".to_string(),
            ),
        });
    }
    register_font()?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, &title, &groups, &headings)
            .map_err(|e| anyhow!("drawing the comparison chart: {e:?}"))?;
        root.present()
            .map_err(|e| anyhow!("drawing the comparison chart: {e:?}"))?;
    }
    Ok(CompareChart {
        svg: Some(accessible_svg(&svg, &title, &alt, "compare")),
        title,
        alt,
        omitted: None,
    })
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    groups: &[Group],
    headings: &[&str],
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let y_range = y_range(groups);
    let n = groups.len();
    let label_style = ("sans-serif", 13).into_font().color(&RGBColor(60, 60, 60));
    let mut chart = ChartBuilder::on(area)
        .caption(
            title,
            ("sans-serif", 19, FontStyle::Bold)
                .into_font()
                .color(&RGBColor(20, 30, 50)),
        )
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..n as f64, y_range)?;
    let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| crate::format::tick(crate::format::Unit::Points, *v, ""))
        .y_desc("% (Rule of 40: points)")
        .label_style(label_style.clone())
        .axis_desc_style(label_style.clone())
        .light_line_style(RGBColor(245, 245, 245))
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (n as f64, 0.0)],
        RGBColor(120, 120, 120).stroke_width(1),
    )))?;
    let columns = headings.len().max(1);
    let bar_width = 0.8 / columns as f64;
    for (column, heading) in headings.iter().enumerate() {
        draw_column(&mut chart, groups, column, heading, bar_width)?;
    }
    draw_names(area, &chart, &names)?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(200, 200, 200))
        .label_font(label_style)
        .draw()?;
    Ok(())
}

/// The value axis: every value and zero, with room above for the values' labels.
fn y_range(groups: &[Group]) -> std::ops::Range<f64> {
    let all: Vec<f64> = groups
        .iter()
        .flat_map(|g| g.values.iter().flatten().copied())
        .collect();
    let low = all.iter().copied().fold(0.0, f64::min);
    let high = all.iter().copied().fold(0.0, f64::max);
    let span = (high - low).max(1.0);
    (low - span * 0.08)..(high + span * 0.12)
}

/// The bar chart's plotting context: groups along x, percentages up y.
type Bars<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// One column's bars, one in each group, with its legend entry and each bar's value.
fn draw_column<'a, DB: DrawingBackend + 'a>(
    chart: &mut Bars<'a, DB>,
    groups: &[Group],
    column: usize,
    heading: &str,
    bar_width: f64,
) -> DrawResult<DB> {
    let value_style = ("sans-serif", 11).into_font().color(&RGBColor(40, 40, 40));
    let colour = PALETTE[column % PALETTE.len()];
    let bars: Vec<(f64, f64)> = groups
        .iter()
        .enumerate()
        .filter_map(|(g, group)| {
            let x = g as f64 + 0.1 + column as f64 * bar_width;
            group.values.get(column).copied().flatten().map(|v| (x, v))
        })
        .collect();
    chart
        .draw_series(bars.iter().map(|&(x, v)| {
            Rectangle::new(
                [(x + 0.01, 0.0), (x + bar_width - 0.01, v)],
                colour.filled(),
            )
        }))?
        .label(heading)
        .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour.filled()));
    // Each bar's value at its end, and "n/a" above zero where a column has none.
    let values = groups.iter().enumerate().map(|(g, group)| {
        let x = g as f64 + 0.1 + (column as f64 + 0.5) * bar_width;
        match group.values.get(column).copied().flatten() {
            Some(v) => Text::new(
                crate::format::places(v, 1, false),
                (x, v),
                value_style.pos(bar_value_at(v)),
            ),
            None => Text::new(
                "n/a".to_string(),
                (x, 0.0),
                value_style.pos(bar_value_at(0.0)),
            ),
        }
    });
    chart.draw_series(values)?;
    Ok(())
}

/// Metric names under each group, centred: the x axis has no numeric meaning.
fn draw_names<'a, DB: DrawingBackend + 'a>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &Bars<'a, DB>,
    names: &[String],
) -> DrawResult<DB> {
    let name_style = ("sans-serif", 13)
        .into_font()
        .color(&RGBColor(40, 40, 40))
        .pos(Pos::new(HPos::Center, VPos::Top));
    let y_low = chart.y_range().start;
    for (g, name) in names.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(g as f64 + 0.5, y_low));
        for (line, text) in two_lines(name).iter().enumerate() {
            area.draw(&Text::new(
                text.clone(),
                (x, y + 6 + 15 * line as i32),
                name_style.clone(),
            ))?;
        }
    }
    Ok(())
}

/// A metric name on at most two lines, split at the space nearest the middle.
fn two_lines(name: &str) -> Vec<String> {
    if name.chars().count() <= 16 {
        return vec![name.to_string()];
    }
    let middle = name.len() / 2;
    let split = name
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![
            name[..i].trim_end_matches(',').to_string(),
            name[i + 1..].to_string(),
        ],
        None => vec![name.to_string()],
    }
}
