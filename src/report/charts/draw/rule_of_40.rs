//! The Rule of 40 per period against the scorecard's bar (40 unless the thresholds say otherwise).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::super::{DrawResult, PALETTE};
use super::axes::*;

pub(super) fn rule_of_40<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    values: &[Option<f64>],
    bar_at: f64,
) -> DrawResult<DB> {
    let n = labels.len();
    let with_threshold: Vec<Option<f64>> = values.iter().copied().chain([Some(bar_at)]).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d(
            (0..last(n)).into_segmented(),
            range(&[&with_threshold], true),
        )?;
    mesh(
        &mut chart,
        labels,
        "Growth % + operating margin % (points)",
        &|v| crate::format::tick(crate::format::Unit::Points, *v, ""),
    )?;
    let meets = PALETTE[2];
    let misses = PALETTE[5];
    // Bars at or above the line in green, below it in vermillion; a legend entry only for
    // a kind that occurs.
    let shown_bar = crate::format::threshold(bar_at);
    for (label, colour, at_or_above) in [
        (format!("At or above {shown_bar}"), meets, true),
        (format!("Below {shown_bar}"), misses, false),
    ] {
        let bars: Vec<_> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                v.filter(|v| (*v >= bar_at) == at_or_above)
                    .map(|v| bar(i, 0.0, v, colour.filled()))
            })
            .collect();
        if bars.is_empty() {
            continue;
        }
        chart
            .draw_series(bars)?
            .label(label)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour.filled()));
    }
    let threshold = RGBColor(30, 30, 30);
    chart
        .draw_series(DashedLineSeries::new(
            vec![
                (SegmentValue::Exact(0), bar_at),
                (SegmentValue::Exact(n), bar_at),
            ],
            10,
            6,
            threshold.stroke_width(2),
        ))?
        .label(format!("The {shown_bar} line"))
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], threshold.stroke_width(2))
        });
    for (i, value) in values.iter().enumerate() {
        if let Some(v) = value {
            let anchor = if *v >= 0.0 { *v } else { 0.0 };
            chart.draw_series(std::iter::once(Text::new(
                crate::format::places(*v, crate::format::decisive_places(*v, bar_at, 1), false),
                (SegmentValue::CenterOf(i), anchor),
                label_style().pos(Pos::new(HPos::Center, VPos::Bottom)),
            )))?;
        }
    }
    legend(&mut chart)
}
