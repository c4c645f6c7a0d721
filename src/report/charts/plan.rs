//! The headcount plan chart: the monthly path by natural attrition towards the target.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{DrawResult, Drawable, PALETTE};
use crate::format;
use crate::plan::HeadcountPlan;

/// Months shown after the target is reached, so the crossing is visible but the tail is not.
const MONTHS_AFTER_TARGET: u32 = 12;
/// The space around the chart, in pixels (the right side may need more: see `draw`).
const MARGIN: u32 = 14;

pub struct PlanChart<'a> {
    pub plan: &'a HeadcountPlan,
}

impl PlanChart<'_> {
    /// The path up to a year past the target (or all of it when never reached).
    fn points(&self) -> Vec<(f64, f64)> {
        let end = match (self.plan.reached, self.plan.months_to_target) {
            (true, Some(month)) => month + MONTHS_AFTER_TARGET,
            _ => u32::MAX,
        };
        self.plan
            .path
            .iter()
            .filter(|p| p.month <= end)
            .map(|p| (f64::from(p.month), p.headcount))
            .collect()
    }

    fn target(&self) -> f64 {
        format::to_f64(self.plan.target_headcount.0)
    }

    /// Where the path reaches the target, marked and said, when it does.
    fn mark_target<'a, DB: DrawingBackend + 'a>(
        &self,
        chart: &mut PlanAxes<'a, DB>,
        points: &[(f64, f64)],
        span: f64,
        label_style: &TextStyle,
    ) -> DrawResult<DB> {
        let target_colour = PALETTE[5];
        if let (true, Some(month)) = (self.plan.reached, self.plan.months_to_target) {
            if let Some(point) = points.iter().find(|p| p.0 == f64::from(month)) {
                chart.draw_series(std::iter::once(Circle::new(
                    *point,
                    6,
                    target_colour.filled(),
                )))?;
                chart.draw_series(std::iter::once(Text::new(
                    format!("target reached, month {month}"),
                    (point.0, point.1 + span * 0.08),
                    label_style.clone(),
                )))?;
            }
        }
        Ok(())
    }

    fn month_label(&self, month: f64) -> String {
        let month = month.round().max(0.0) as u32;
        match self
            .plan
            .path
            .iter()
            .find(|p| p.month == month)
            .and_then(|p| p.date.clone())
        {
            Some(date) => date,
            None => format!("month {month}"),
        }
    }
}

impl Drawable for PlanChart<'_> {
    fn id(&self) -> String {
        "plan-headcount".to_string()
    }

    fn title(&self) -> String {
        "Headcount plan by natural attrition".to_string()
    }

    fn alt(&self) -> String {
        let plan = self.plan;
        let start = plan
            .start_headcount
            .map_or("n/a".to_string(), |h| format::grouped(h.0, 0));
        let attrition = format::pct(format::to_f64(plan.annual_attrition.0) * 100.0, false);
        let reached = match (plan.reached, plan.months_to_target) {
            (true, Some(month)) => format!(
                "reaches the target of {} in month {month}",
                format::grouped(plan.target_headcount.0, 0)
            ),
            _ => format!(
                "never reaches the target of {}",
                format::grouped(plan.target_headcount.0, 0)
            ),
        };
        format!(
            "Line: monthly headcount from {start} at {attrition} annual attrition and {} hires a year; it {reached}. Dashed line: the target.",
            format::grouped(plan.hires_per_year.0, 0)
        )
    }

    fn too_little_data(&self) -> Option<String> {
        (self.plan.path.len() < 2).then(|| {
            let reason = self
                .plan
                .unavailable
                .values()
                .next()
                .cloned()
                .unwrap_or_else(|| "no path".to_string());
            format!("Headcount plan: not drawn ({reason}).")
        })
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        let points = self.points();
        let target = self.target();
        let last_month = points.last().map_or(1.0, |p| p.0).max(1.0);
        let high = points.iter().map(|p| p.1).fold(target, f64::max);
        let low = points.iter().map(|p| p.1).fold(target, f64::min);
        let span = (high - low).max(1.0);
        let label_style = ("sans-serif", 13).into_font().color(&RGBColor(60, 60, 60));
        // The last month's label is centred on the right edge of the plot: half of it must fit
        // in the right margin, or it is cut ("2026-1" for "2026-10").
        let last_label = area.estimate_text_size(&self.month_label(last_month), &label_style)?;
        let right_margin = (last_label.0 / 2 + 6).max(MARGIN);
        let mut chart = ChartBuilder::on(area)
            .caption(
                self.title(),
                ("sans-serif", 19, FontStyle::Bold)
                    .into_font()
                    .color(&RGBColor(20, 30, 50)),
            )
            .margin(MARGIN)
            .margin_right(right_margin)
            .x_label_area_size(34)
            .y_label_area_size(70)
            .build_cartesian_2d(
                0.0..last_month,
                (low - span * 0.1).max(0.0)..(high + span * 0.3),
            )?;
        chart
            .configure_mesh()
            .x_labels(8)
            .x_label_formatter(&|m| self.month_label(*m))
            .y_labels(6)
            .y_label_formatter(&|v| format::tick(format::Unit::People, *v, ""))
            .y_desc("Headcount (people)")
            .x_desc("Month of the plan")
            .label_style(label_style.clone())
            .axis_desc_style(label_style.clone())
            .y_max_light_lines(1)
            .x_max_light_lines(1)
            .light_line_style(RGBColor(245, 245, 245))
            .bold_line_style(RGBColor(225, 225, 225))
            .draw()?;
        draw_path_and_target(&mut chart, &points, target, last_month)?;
        self.mark_target(&mut chart, &points, span, &label_style)?;
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(label_style)
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(200, 200, 200))
            .draw()?;
        Ok(())
    }
}

/// The plan's axes: months along x, people up y.
type PlanAxes<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The headcount path, and the target as a dashed line across the chart.
fn draw_path_and_target<'a, DB: DrawingBackend + 'a>(
    chart: &mut PlanAxes<'a, DB>,
    points: &[(f64, f64)],
    target: f64,
    last_month: f64,
) -> DrawResult<DB> {
    let path_colour = PALETTE[0];
    chart
        .draw_series(LineSeries::new(
            points.iter().copied(),
            path_colour.stroke_width(3),
        ))?
        .label("Headcount path")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], path_colour.stroke_width(3))
        });
    let target_colour = PALETTE[5];
    chart
        .draw_series(DashedLineSeries::new(
            vec![(0.0, target), (last_month, target)],
            10,
            6,
            target_colour.stroke_width(2),
        ))?
        .label("Target")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], target_colour.stroke_width(2))
        });
    Ok(())
}
