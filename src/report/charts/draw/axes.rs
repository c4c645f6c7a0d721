//! What the per-series charts share: axes, ranges, label styles, bars, the mesh and legends.

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;

use super::super::DrawResult;
use crate::format::{self, Unit};

/// An axis: what it measures in words, and the unit (and currency) its tick labels read in.
pub(super) struct Axis {
    pub(super) description: String,
    unit: Unit,
    currency: String,
}

impl Axis {
    pub(super) fn new(description: String, unit: Unit, currency: &str) -> Self {
        let currency = currency.to_string();
        Axis {
            description,
            unit,
            currency,
        }
    }

    /// A tick's label, as [`format::tick`] writes the axis's unit.
    pub(super) fn tick(&self, value: f64) -> String {
        format::tick(self.unit, value, &self.currency)
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

/// How many periods apart the labelled ones are: at most 12 labels, and no more than fit side by
/// side, with a gap, on a plot `width` pixels wide (each label measured in the label font).
pub(super) fn label_step(labels: &[String], width: u32) -> usize {
    let font = label_style().font;
    let widest = labels
        .iter()
        .map(|label| match font.box_size(label) {
            Ok((w, _)) => w,
            Err(_) => 8 * label.chars().count() as u32,
        })
        .max()
        .unwrap_or(0);
    let fit = (width / (widest + 12)).max(1) as usize;
    labels
        .len()
        .div_ceil(12)
        .max(labels.len().div_ceil(fit))
        .max(1)
}

/// The label of every `step`-th period counted back from the latest, so the latest period is
/// always labelled and shown labels are evenly spaced (they never overlap).
pub(super) fn x_label(labels: &[String], step: usize, value: &SegmentValue<usize>) -> String {
    match value {
        SegmentValue::CenterOf(i)
            if labels
                .len()
                .saturating_sub(1 + i)
                .is_multiple_of(step.max(1)) =>
        {
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
    let step = label_step(labels, chart.plotting_area().dim_in_pixel().0);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(labels.len())
        .x_label_formatter(&|v| x_label(labels, step, v))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn quarters(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("{}-Q{}", 2023 + (i + 1) / 4, (i + 1) % 4 + 1))
            .collect()
    }

    fn shown(labels: &[String], step: usize) -> Vec<String> {
        (0..labels.len())
            .map(|i| x_label(labels, step, &SegmentValue::CenterOf(i)))
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn labels_are_thinned_to_what_fits_and_the_latest_is_always_shown() {
        let labels = quarters(12);
        // Wide plot: every label fits.
        assert_eq!(label_step(&labels, 2000), 1);
        // The cost chart's plot beside its legend (about 500 px): 12 quarter labels of about
        // 55 px each do not fit, so every other one, counted back from the latest.
        let step = label_step(&labels, 500);
        assert_eq!(step, 2);
        let kept = shown(&labels, step);
        assert_eq!(kept.len(), 6);
        assert_eq!(kept.last(), labels.last());
        assert_eq!(kept.first(), Some(&labels[1]));
        // Never more than 12 labels, however wide.
        assert_eq!(label_step(&quarters(40), 100_000), 4);
        // A plot narrower than one label still shows the latest.
        assert_eq!(
            shown(&labels, label_step(&labels, 10)),
            vec![labels[11].clone()]
        );
    }
}
