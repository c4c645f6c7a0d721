//! Values against ranges: a line of actual values over a band per period (its low to high
//! end) and crosses for a plan, on a period axis; the drawing of plan against actual's chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};

use super::super::{DrawResult, PALETTE};
use super::axes::{caption_style, last, legend, mesh, runs};
use rust_decimal::Decimal;

use crate::format;

/// The space between a band and the next period's, on each side, in pixels.
const BAND_MARGIN: u32 = 18;

/// One period: its actual value, its plan and its range, when given.
pub struct Point {
    pub label: String,
    pub actual: f64,
    pub budget: Option<f64>,
    /// Low and high end; equal for a point guidance.
    pub guidance: Option<(f64, f64)>,
}

/// The values' range with room below and, for the legend, above; never a range of zero.
fn value_range(points: &[Point]) -> std::ops::Range<f64> {
    let values = points.iter().flat_map(|p| {
        let (low, high) = p.guidance.unzip();
        [Some(p.actual), p.budget, low, high]
    });
    let values: Vec<f64> = values.flatten().collect();
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = (high - low).max(high.abs().max(low.abs()) * 0.05).max(1e-9);
    (low - span * 0.15)..(high + span * 0.45)
}

/// How the value axis reads: in the tables' scale, as the tables do ("1,150" under "SEK
/// thousands"), with as many decimals as the ticks' spacing needs (a chart of ranges zooms in,
/// so compact money would read "1.2M" twice).
pub struct Amounts {
    /// "SEK thousands".
    pub label: String,
    /// What one unit of the scale is in full currency units.
    pub factor: f64,
}

impl Amounts {
    fn tick(&self, value: f64, range: &std::ops::Range<f64>) -> String {
        let step = (range.end - range.start) / self.factor / 10.0;
        let decimals = match step {
            s if s >= 1.0 || s <= 0.0 => 0,
            s => (-s.log10()).ceil().clamp(0.0, 6.0) as u32,
        };
        let value = Decimal::from_f64_retain(value / self.factor).unwrap_or_default();
        format::grouped(value, decimals)
    }
}

pub(super) fn draw_bands<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    figure: &str,
    points: &[Point],
    amounts: &Amounts,
) -> DrawResult<DB> {
    let labels: Vec<String> = points.iter().map(|p| p.label.clone()).collect();
    let n = labels.len();
    let range = value_range(points);
    let mut chart = ChartBuilder::on(area)
        .caption(title, caption_style())
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(78)
        .build_cartesian_2d((0..last(n)).into_segmented(), range.clone())?;
    let y_desc = format!("{figure} ({})", amounts.label);
    mesh(&mut chart, &labels, &y_desc, &|v| amounts.tick(*v, &range))?;
    let band = PALETTE[4];
    let bands = points.iter().enumerate().filter_map(|(i, p)| {
        let (low, high) = p.guidance?;
        let mut rect = Rectangle::new(
            [
                (SegmentValue::Exact(i), low),
                (SegmentValue::Exact(i + 1), high),
            ],
            band.mix(0.3).filled(),
        );
        rect.set_margin(0, 0, BAND_MARGIN, BAND_MARGIN);
        Some(rect)
    });
    chart
        .draw_series(bands)?
        .label("Guidance range")
        .legend(move |(x, y)| {
            Rectangle::new([(x, y - 6), (x + 14, y + 6)], band.mix(0.3).filled())
        });
    // The ends of each range as lines across its band, so a point guidance shows as one line.
    let width = chart.plotting_area().dim_in_pixel().0 as i32;
    let half = (width / n.max(1) as i32 / 2 - BAND_MARGIN as i32).max(4);
    let ends = points.iter().enumerate().flat_map(|(i, p)| {
        let ends = p.guidance.map(|(low, high)| [low, high]);
        ends.into_iter().flatten().map(move |end| {
            let across = PathElement::new(vec![(-half, 0), (half, 0)], band.stroke_width(3));
            EmptyElement::at((SegmentValue::CenterOf(i), end)) + across
        })
    });
    chart.draw_series(ends)?;
    if points.iter().any(|p| p.budget.is_some()) {
        draw_budget(&mut chart, points)?;
    }
    let actual = PALETTE[0];
    let centre = |i: usize| SegmentValue::CenterOf(i);
    let line: Vec<_> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (centre(i), p.actual))
        .collect();
    chart.draw_series(LineSeries::new(line.clone(), actual.stroke_width(3)))?;
    chart
        .draw_series(
            line.into_iter()
                .map(|at| Circle::new(at, 5, actual.filled())),
        )?
        .label(format!("Actual {}", figure.to_lowercase()))
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], actual.stroke_width(3)));
    legend(&mut chart)
}

/// The budget: a cross in each period that has one, joined by a dashed line where periods with
/// a budget are neighbours.
fn draw_budget<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, PeriodAxes>,
    points: &[Point],
) -> DrawResult<DB> {
    let colour = PALETTE[5];
    let budget: Vec<Option<f64>> = points.iter().map(|p| p.budget).collect();
    for run in runs(&budget) {
        chart.draw_series(DashedLineSeries::new(run, 8, 5, colour.stroke_width(2)))?;
    }
    let crosses = budget.iter().enumerate().filter_map(|(i, v)| {
        v.map(|v| Cross::new((SegmentValue::CenterOf(i), v), 7, colour.stroke_width(3)))
    });
    chart
        .draw_series(crosses)?
        .label("Budget")
        .legend(move |(x, y)| Cross::new((x + 8, y), 6, colour.stroke_width(3)));
    Ok(())
}

/// Periods along x, values up y.
type PeriodAxes = Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>;

#[cfg(test)]
mod tests {
    use super::Amounts;

    /// Ticks read in the tables' scale with the decimals their spacing needs.
    #[test]
    fn ticks_read_in_the_scale_and_never_alike() {
        let thousands = Amounts {
            label: "SEK thousands".into(),
            factor: 1e3,
        };
        // 1,055k to 1,435k: a tenth of the span is 38 thousand, so whole thousands.
        assert_eq!(
            thousands.tick(1_150_000.0, &(1_055_000.0..1_435_000.0)),
            "1,150"
        );
        let millions = Amounts {
            label: "USD millions".into(),
            factor: 1e6,
        };
        // 1.40M to 1.60M: a tenth of the span is 0.02 million, so two decimals (never
        // "1.5" for both 1.45 and 1.50).
        assert_eq!(
            millions.tick(1_450_000.0, &(1_400_000.0..1_600_000.0)),
            "1.45"
        );
    }
}
