//! The cost structure: cost lines stacked per period, AI-exposed lines outlined.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::super::{DrawResult, PALETTE};
use super::axes::*;

/// One cost line's piece of one period's bar: line, period, from, to, AI-exposed.
type Piece = (usize, usize, f64, f64, bool);

/// The outline of an AI-exposed line.
const OUTLINE: RGBColor = RGBColor(20, 20, 20);

pub(super) fn stacked_costs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    lines: &[(String, bool, Vec<Option<f64>>)],
) -> DrawResult<DB> {
    let n = labels.len();
    let (rects, top, bottom) = stack(lines, n);
    let extent: Vec<Option<f64>> = top.iter().chain(bottom.iter()).map(|v| Some(*v)).collect();
    let (plot_area, legend_area) =
        area.split_horizontally(area.dim_in_pixel().0.saturating_sub(LEGEND_WIDTH));
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(64)
        .build_cartesian_2d((0..last(n)).into_segmented(), range(&[&extent], true))?;
    mesh(&mut chart, labels, "Share of revenue (%)", &|v| {
        crate::format::tick(crate::format::Unit::Pct, *v, "")
    })?;
    let outline = OUTLINE;
    for (line_index, (_, exposed, _)) in lines.iter().enumerate() {
        let colour = PALETTE[line_index % PALETTE.len()];
        let rects_of_line: Vec<_> = rects.iter().filter(|r| r.0 == line_index).collect();
        chart.draw_series(
            rects_of_line
                .iter()
                .map(|(_, i, from, to, _)| bar(*i, *from, *to, colour.filled())),
        )?;
        if *exposed {
            // AI-exposed lines get a dark outline, so they stand out without relying on colour.
            chart.draw_series(
                rects_of_line
                    .iter()
                    .map(|(_, i, from, to, _)| bar(*i, *from, *to, outline.stroke_width(2))),
            )?;
        }
    }
    cost_legend(&legend_area, lines)?;
    Ok(())
}

/// Stacks the lines' values per period: positive lines up from zero, negative ones (credits,
/// reversals) down from zero. The pieces, then each period's top and bottom.
fn stack(lines: &[(String, bool, Vec<Option<f64>>)], n: usize) -> (Vec<Piece>, Vec<f64>, Vec<f64>) {
    let mut top = vec![0.0f64; n];
    let mut bottom = vec![0.0f64; n];
    let mut rects: Vec<Piece> = Vec::new();
    for (line_index, (_, exposed, values)) in lines.iter().enumerate() {
        for (i, value) in values.iter().enumerate() {
            let Some(v) = value else { continue };
            let (from, to) = if *v >= 0.0 {
                let from = top[i];
                top[i] += v;
                (from, top[i])
            } else {
                let from = bottom[i];
                bottom[i] += v;
                (from, bottom[i])
            };
            rects.push((line_index, i, from, to, *exposed));
        }
    }
    (rects, top, bottom)
}

/// The legend beside the chart, lines top of the stack first (the order a reader scans the
/// bars), AI-exposed lines outlined and named so.
fn cost_legend<DB: DrawingBackend>(
    legend_area: &DrawingArea<DB, Shift>,
    lines: &[(String, bool, Vec<Option<f64>>)],
) -> DrawResult<DB> {
    let outline = OUTLINE;
    let mut y = 52;
    for (line_index, (name, exposed, _)) in lines.iter().enumerate().rev() {
        let colour = PALETTE[line_index % PALETTE.len()];
        legend_area.draw(&Rectangle::new([(4, y - 7), (18, y + 7)], colour.filled()))?;
        if *exposed {
            legend_area.draw(&Rectangle::new(
                [(4, y - 7), (18, y + 7)],
                outline.stroke_width(2),
            ))?;
        }
        let text = if *exposed {
            format!("{name} (AI-exposed)")
        } else {
            name.clone()
        };
        legend_area.draw(&Text::new(
            text,
            (26, y),
            label_style().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        y += 22;
    }
    Ok(())
}
