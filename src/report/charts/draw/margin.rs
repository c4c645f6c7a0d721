//! Operating margin (reported and adjusted) with opex per employee.

use crate::metrics::catalogue::known;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::super::{money, DrawResult, PALETTE};
use super::axes::*;

pub(super) fn margin_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    margin: &[Option<f64>],
    adjusted: &[Option<f64>],
    opex_per_employee: &[Option<f64>],
    currency: &str,
) -> DrawResult<DB> {
    let n = labels.len();
    let has = |values: &[Option<f64>]| values.iter().any(Option::is_some);
    let mut chart = ChartBuilder::on(area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .right_y_label_area_size(if has(opex_per_employee) { 84 } else { 0 })
        .build_cartesian_2d(
            (0..last(n)).into_segmented(),
            range(&[margin, adjusted], true),
        )?
        .set_secondary_coord(
            (0..last(n)).into_segmented(),
            range(&[opex_per_employee], true),
        );
    mesh(&mut chart, labels, "Operating margin (%)", &|v| {
        crate::format::tick(crate::format::Unit::Pct, *v, "")
    })?;
    if has(opex_per_employee) {
        chart
            .configure_secondary_axes()
            .y_labels(6)
            .y_label_formatter(&|v| money(*v, currency))
            .y_desc(format!("Opex per employee ({currency}, annualised)"))
            .label_style(label_style())
            .axis_desc_style(label_style())
            .draw()?;
    }
    // The zero line, so a loss reads as a loss at a glance.
    chart.draw_series(LineSeries::new(
        vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Exact(n), 0.0)],
        RGBColor(120, 120, 120).stroke_width(1),
    ))?;
    draw_margin(&mut chart, margin)?;
    draw_adjusted(&mut chart, adjusted)?;
    let opex_colour = PALETTE[1];
    if has(opex_per_employee) {
        for run in runs(opex_per_employee) {
            chart.draw_secondary_series(LineSeries::new(run, opex_colour.stroke_width(3)))?;
        }
        chart
            .draw_secondary_series(opex_per_employee.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| {
                    EmptyElement::at((SegmentValue::CenterOf(i), v))
                        + Rectangle::new([(-5, -5), (5, 5)], opex_colour.filled())
                })
            }))?
            .label(format!("{} (right axis)", known("opex_per_employee").name))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], opex_colour.stroke_width(3))
            });
    }
    legend(&mut chart)
}

/// The margin axes: periods along x, percent up y.
type Margins<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>>;

/// The reported operating margin: a solid line with dots.
fn draw_margin<'a, DB: DrawingBackend + 'a>(
    chart: &mut Margins<'a, DB>,
    margin: &[Option<f64>],
) -> DrawResult<DB> {
    let margin_colour = PALETTE[0];
    if margin.iter().any(Option::is_some) {
        for run in runs(margin) {
            chart.draw_series(LineSeries::new(run, margin_colour.stroke_width(3)))?;
        }
        chart
            .draw_series(margin.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| Circle::new((SegmentValue::CenterOf(i), v), 5, margin_colour.filled()))
            }))?
            .label(known("operating_margin_pct").name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], margin_colour.stroke_width(3))
            });
    }
    Ok(())
}

/// The adjusted operating margin: a dashed line with triangles.
fn draw_adjusted<'a, DB: DrawingBackend + 'a>(
    chart: &mut Margins<'a, DB>,
    adjusted: &[Option<f64>],
) -> DrawResult<DB> {
    let adjusted_colour = PALETTE[2];
    if adjusted.iter().any(Option::is_some) {
        for run in runs(adjusted) {
            chart.draw_series(DashedLineSeries::new(
                run,
                8,
                5,
                adjusted_colour.stroke_width(3),
            ))?;
        }
        chart
            .draw_series(adjusted.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| {
                    TriangleMarker::new((SegmentValue::CenterOf(i), v), 6, adjusted_colour.filled())
                })
            }))?
            .label(known("adjusted_operating_margin_pct").name)
            .legend(move |(x, y)| TriangleMarker::new((x + 8, y), 6, adjusted_colour.filled()));
    }
    Ok(())
}
