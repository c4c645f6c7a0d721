//! Percentages over time, one line each, with the zero line: the gross, EBITDA and
//! free-cash-flow margins, and a company's KPIs given in percent.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::super::{DrawResult, PALETTE};
use super::axes::*;

/// Each line as (its name, its values), on an axis described `y_desc`; a line without any
/// value is left out.
pub(super) fn cash_margins<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    y_desc: &str,
    margins: &[(String, Vec<Option<f64>>)],
) -> DrawResult<DB> {
    let n = labels.len();
    let values: Vec<&[Option<f64>]> = margins.iter().map(|(_, v)| v.as_slice()).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d((0..last(n)).into_segmented(), range(&values, true))?;
    mesh(&mut chart, labels, y_desc, &|v| {
        crate::format::tick(crate::format::Unit::Pct, *v, "")
    })?;
    chart.draw_series(LineSeries::new(
        vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Exact(n), 0.0)],
        RGBColor(120, 120, 120).stroke_width(1),
    ))?;
    for (index, (name, values)) in margins.iter().enumerate() {
        if values.iter().all(Option::is_none) {
            continue;
        }
        let colour = PALETTE[index % PALETTE.len()];
        for run in runs(values) {
            if index == 1 {
                chart.draw_series(DashedLineSeries::new(run, 8, 5, colour.stroke_width(3)))?;
            } else {
                chart.draw_series(LineSeries::new(run, colour.stroke_width(3)))?;
            }
        }
        // A different marker per line, so they read apart without colour.
        let points = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (SegmentValue::CenterOf(i), v)));
        match index {
            0 => chart
                .draw_series(points.map(|p| Circle::new(p, 5, colour.filled())))?
                .label(name.as_str())
                .legend(move |(x, y)| Circle::new((x + 8, y), 5, colour.filled())),
            1 => chart
                .draw_series(points.map(|p| TriangleMarker::new(p, 6, colour.filled())))?
                .label(name.as_str())
                .legend(move |(x, y)| TriangleMarker::new((x + 8, y), 6, colour.filled())),
            _ => chart
                .draw_series(points.map(|p| {
                    EmptyElement::at(p) + Rectangle::new([(-5, -5), (5, 5)], colour.filled())
                }))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x + 3, y - 5), (x + 13, y + 5)], colour.filled())
                }),
        };
    }
    legend(&mut chart)
}
