//! What the per-series charts share: axes, ranges, label styles, bars, the mesh and legends.

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;

use super::super::{money, DrawResult};
use crate::format;

/// What an axis measures, for its tick labels.
#[derive(Clone)]
pub(super) enum Unit {
    Money(String),
    Percent,
    People,
    Months,
}

impl Unit {
    pub(super) fn format(&self, value: f64) -> String {
        match self {
            Unit::Money(currency) => money(value, currency),
            Unit::Percent => format!("{}%", crate::format::places(value, 0, false)),
            Unit::People => format::compact(value),
            Unit::Months => format!("{} mo", crate::format::places(value, 0, false)),
        }
    }
}

pub(super) struct Axis {
    pub(super) description: String,
    pub(super) unit: Unit,
}

impl Axis {
    pub(super) fn new(description: String, unit: Unit) -> Self {
        Axis { description, unit }
    }
}

/// A range that holds every value and zero, with head-room for labels.
pub(super) fn range(values: &[&[Option<f64>]], include_zero: bool) -> std::ops::Range<f64> {
    let all: Vec<f64> = values
        .iter()
        .flat_map(|v| v.iter().flatten().copied())
        .collect();
    let mut low = all.iter().copied().fold(f64::INFINITY, f64::min);
    let mut high = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !low.is_finite() || !high.is_finite() {
        return 0.0..1.0;
    }
    if include_zero {
        low = low.min(0.0);
        high = high.max(0.0);
    }
    let span = (high - low)
        .abs()
        .max(high.abs().max(low.abs()) * 0.1)
        .max(1e-9);
    let low = if low < 0.0 { low - span * 0.12 } else { low };
    (low)..(high + span * 0.32)
}

pub(super) fn label_style() -> TextStyle<'static> {
    ("sans-serif", 13).into_font().color(&RGBColor(60, 60, 60))
}

pub(super) fn caption_style() -> TextStyle<'static> {
    ("sans-serif", 19, FontStyle::Bold)
        .into_font()
        .color(&RGBColor(20, 30, 50))
}

/// The last segment index for `n` periods: segmented ranges include their end.
pub(super) fn last(n: usize) -> usize {
    n.saturating_sub(1)
}

/// Only every n-th label when there are many periods, so labels never overlap.
pub(super) fn x_label(labels: &[String], value: &SegmentValue<usize>) -> String {
    let step = labels.len().div_ceil(12).max(1);
    match value {
        SegmentValue::CenterOf(i) if i % step == 0 || *i + 1 == labels.len() => {
            labels.get(*i).cloned().unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// Runs of consecutive values, so a missing period breaks a line instead of bridging it.
pub(super) fn runs(values: &[Option<f64>]) -> Vec<Vec<(SegmentValue<usize>, f64)>> {
    let mut runs = vec![Vec::new()];
    for (i, value) in values.iter().enumerate() {
        match value {
            Some(v) => runs
                .last_mut()
                .map_or((), |run| run.push((SegmentValue::CenterOf(i), *v))),
            None => runs.push(Vec::new()),
        }
    }
    runs.into_iter().filter(|r| !r.is_empty()).collect()
}

pub(super) fn bar(
    i: usize,
    from: f64,
    to: f64,
    style: ShapeStyle,
) -> Rectangle<(SegmentValue<usize>, f64)> {
    let mut rect = Rectangle::new(
        [
            (SegmentValue::Exact(i), from),
            (SegmentValue::Exact(i + 1), to),
        ],
        style,
    );
    rect.set_margin(0, 0, 14, 14);
    rect
}
/// The period axis below and the value axis on the left, in the house style: few, light grid
/// lines, labels thinned when there are many periods.
pub(super) fn mesh<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>>,
    labels: &[String],
    y_desc: &str,
    y_format: &dyn Fn(&f64) -> String,
) -> DrawResult<DB> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(labels.len())
        .x_label_formatter(&|v| x_label(labels, v))
        .y_labels(6)
        .y_label_formatter(y_format)
        .y_desc(y_desc)
        .label_style(label_style())
        .axis_desc_style(label_style())
        .y_max_light_lines(1)
        .light_line_style(RGBColor(245, 245, 245))
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()
}

/// The legend of the series drawn, top left on a translucent white box.
pub(super) fn legend<'a, DB: DrawingBackend + 'a, X: Ranged, Y: Ranged>(
    chart: &mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
) -> DrawResult<DB> {
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font(label_style())
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .draw()
}
/// The width of the cost chart's legend column, in pixels.
pub(super) const LEGEND_WIDTH: u32 = 230;
