//! Bars with a line on a second axis: revenue and growth, headcount and revenue per employee.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::super::{DrawResult, PALETTE};
use super::axes::*;

pub(super) fn bars_and_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    left: Axis,
    (bar_name, bars): (&str, Vec<Option<f64>>),
    right: Axis,
    (line_name, line): (&str, Vec<Option<f64>>),
) -> DrawResult<DB> {
    let n = labels.len();
    let mut chart = ChartBuilder::on(area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(78)
        .right_y_label_area_size(78)
        .build_cartesian_2d((0..last(n)).into_segmented(), range(&[&bars], true))?
        .set_secondary_coord((0..last(n)).into_segmented(), range(&[&line], true));
    mesh(&mut chart, labels, left.description.as_str(), &|v| {
        left.tick(*v)
    })?;
    // No line value at all (a runway while never burning): no scale to read on the right.
    let right_labels = if line.iter().any(Option::is_some) {
        6
    } else {
        0
    };
    chart
        .configure_secondary_axes()
        .y_labels(right_labels)
        .y_label_formatter(&|v| right.tick(*v))
        .y_desc(right.description.as_str())
        .label_style(label_style())
        .axis_desc_style(label_style())
        .draw()?;
    let bar_colour = PALETTE[0];
    chart
        .draw_series(
            bars.iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| bar(i, 0.0, v, bar_colour.mix(0.85).filled()))),
        )?
        .label(bar_name)
        .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], bar_colour.filled()));
    let line_colour = PALETTE[5];
    for run in runs(&line) {
        chart.draw_secondary_series(LineSeries::new(run, line_colour.stroke_width(3)))?;
    }
    chart
        .draw_secondary_series(line.iter().enumerate().filter_map(|(i, v)| {
            v.map(|v| Circle::new((SegmentValue::CenterOf(i), v), 5, line_colour.filled()))
        }))?
        .label(line_name)
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], line_colour.stroke_width(3))
        });
    legend(&mut chart)
}
