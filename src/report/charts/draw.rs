//! The per-series charts: revenue and growth, headcount and revenue per employee, cost
//! structure, margin and opex per employee, Rule of 40.

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{describe, format, money, DrawResult, Drawable, Series, PALETTE};
use crate::money::Exact;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Revenue,
    Headcount,
    Costs,
    Margin,
    RuleOf40,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Revenue,
        ChartKind::Headcount,
        ChartKind::Costs,
        ChartKind::Margin,
        ChartKind::RuleOf40,
    ];

    fn slug(self) -> &'static str {
        match self {
            ChartKind::Revenue => "revenue",
            ChartKind::Headcount => "headcount",
            ChartKind::Costs => "costs",
            ChartKind::Margin => "margin",
            ChartKind::RuleOf40 => "rule-of-40",
        }
    }
}

/// A chart of one kind for one series.
pub struct Job<'a> {
    pub kind: ChartKind,
    pub series: &'a Series<'a>,
}

fn exact(value: Option<Exact>) -> Option<f64> {
    value.map(|v| format::to_f64(v.0))
}

fn pct(value: f64) -> String {
    format::pct(value, false)
}

impl Job<'_> {
    fn column<T>(
        &self,
        value: impl Fn(&crate::metrics::PeriodMetrics) -> Option<T>,
    ) -> Vec<Option<T>> {
        self.series.periods.iter().map(|p| value(p)).collect()
    }

    fn revenue(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(Some(p.revenue)))
    }
    fn growth(&self) -> Vec<Option<f64>> {
        self.column(|p| p.revenue_growth_yoy_pct)
    }
    fn headcount(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(p.headcount_end))
    }
    fn revenue_per_employee(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(p.revenue_per_employee))
    }
    fn margin(&self) -> Vec<Option<f64>> {
        self.column(|p| p.operating_margin_pct)
    }
    fn adjusted_margin(&self) -> Vec<Option<f64>> {
        self.column(|p| p.adjusted_operating_margin_pct)
    }
    fn opex_per_employee(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(p.opex_per_employee))
    }
    fn rule_of_40(&self) -> Vec<Option<f64>> {
        self.column(|p| p.rule_of_40)
    }

    /// Cost line names in order, with each period's share of revenue.
    fn cost_shares(&self) -> Vec<(String, bool, Vec<Option<f64>>)> {
        crate::metrics::names_in_order(self.series.periods.iter().flat_map(|p| p.cost_lines.keys()))
            .into_iter()
            .map(|name| {
                let values = self.column(|p| p.cost_lines.get(name).and_then(|c| c.pct_of_revenue));
                (
                    format::line_name(name),
                    self.series.ai_exposed.iter().any(|n| n == name),
                    values,
                )
            })
            .collect()
    }

    fn values_needed(&self) -> Vec<Vec<Option<f64>>> {
        match self.kind {
            ChartKind::Revenue => vec![self.revenue()],
            ChartKind::Headcount => vec![self.headcount(), self.revenue_per_employee()],
            ChartKind::Costs => self.cost_shares().into_iter().map(|(_, _, v)| v).collect(),
            ChartKind::Margin => vec![
                self.margin(),
                self.adjusted_margin(),
                self.opex_per_employee(),
            ],
            ChartKind::RuleOf40 => vec![self.rule_of_40()],
        }
    }
}

impl Drawable for Job<'_> {
    fn id(&self) -> String {
        format!("{}-{}", self.series.kind.plural(), self.kind.slug())
    }

    fn title(&self) -> String {
        let what = match self.kind {
            ChartKind::Revenue => "Revenue and growth year over year".to_string(),
            ChartKind::Headcount => "Headcount and revenue per employee".to_string(),
            ChartKind::Costs => "Cost lines as % of revenue".to_string(),
            ChartKind::Margin => "Operating margin and opex per employee".to_string(),
            ChartKind::RuleOf40 => "Rule of 40".to_string(),
        };
        format!("{what}, {}", self.series.span())
    }

    fn alt(&self) -> String {
        let labels = self.series.labels();
        let currency = self.series.currency;
        let money_fmt = |v: f64| money(v, currency);
        let people = |v: f64| {
            format::grouped(
                rust_decimal::Decimal::from_f64_retain(v).unwrap_or_default(),
                0,
            )
        };
        match self.kind {
            ChartKind::Revenue => format!(
                "Bars: revenue ({}). Line: revenue growth year over year ({}).",
                describe(&labels, &self.revenue(), money_fmt),
                describe(&labels, &self.growth(), |v| format::pct(v, true))
            ),
            ChartKind::Headcount => format!(
                "Bars: headcount at period end ({}). Line: annualised revenue per employee ({}).",
                describe(&labels, &self.headcount(), people),
                describe(&labels, &self.revenue_per_employee(), money_fmt)
            ),
            ChartKind::Costs => {
                let lines: Vec<String> = self
                    .cost_shares()
                    .iter()
                    .map(|(name, exposed, values)| {
                        format!(
                            "{name}{} ({})",
                            if *exposed { ", AI-exposed" } else { "" },
                            describe(&labels, values, pct)
                        )
                    })
                    .collect();
                format!("Stacked bars of each cost line as a share of revenue: {}.", lines.join("; "))
            }
            ChartKind::Margin => format!(
                "Line: operating margin ({}). Dashed line: adjusted operating margin ({}). Line on the right axis: annualised opex per employee ({}).",
                describe(&labels, &self.margin(), pct),
                describe(&labels, &self.adjusted_margin(), pct),
                describe(&labels, &self.opex_per_employee(), money_fmt)
            ),
            ChartKind::RuleOf40 => format!(
                "Bars: Rule of 40, revenue growth plus operating margin ({}), against the line at 40.",
                describe(&labels, &self.rule_of_40(), |v| format!("{v:.1}"))
            ),
        }
    }

    fn too_little_data(&self) -> Option<String> {
        let what = self.title();
        if self.series.periods.len() < 2 {
            return Some(format!(
                "{what}: not drawn, as there is only one period; its figures are in the tables."
            ));
        }
        let values = self.values_needed();
        let drawable = values
            .iter()
            .any(|series| series.iter().filter(|v| v.is_some()).count() >= 1)
            && self.series.periods.len() >= 2;
        let enough = match self.kind {
            // Growth-based charts need at least two periods with a value.
            ChartKind::RuleOf40 => values[0].iter().filter(|v| v.is_some()).count() >= 2,
            _ => drawable,
        };
        (!enough).then(|| {
            format!("{what}: not drawn, as fewer than two periods have the figures it needs.")
        })
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        let labels = self.series.labels();
        let currency = self.series.currency.to_string();
        let title = self.title();
        match self.kind {
            ChartKind::Revenue => bars_and_line(
                area,
                &title,
                &labels,
                Axis::new(
                    format!("Revenue ({currency})"),
                    Unit::Money(currency.clone()),
                ),
                ("Revenue", self.revenue()),
                Axis::new("Growth year over year (%)".into(), Unit::Percent),
                ("Revenue growth YoY", self.growth()),
            ),
            ChartKind::Headcount => bars_and_line(
                area,
                &title,
                &labels,
                Axis::new("Headcount at period end (people)".into(), Unit::People),
                ("Headcount", self.headcount()),
                Axis::new(
                    format!("Revenue per employee ({currency}, annualised)"),
                    Unit::Money(currency.clone()),
                ),
                ("Revenue per employee", self.revenue_per_employee()),
            ),
            ChartKind::Costs => stacked_costs(area, &title, &labels, &self.cost_shares()),
            ChartKind::Margin => margin_lines(
                area,
                &title,
                &labels,
                &self.margin(),
                &self.adjusted_margin(),
                &self.opex_per_employee(),
                &currency,
            ),
            ChartKind::RuleOf40 => rule_of_40(area, &title, &labels, &self.rule_of_40()),
        }
    }
}

/// What an axis measures, for its tick labels.
#[derive(Clone)]
enum Unit {
    Money(String),
    Percent,
    People,
}

impl Unit {
    fn format(&self, value: f64) -> String {
        match self {
            Unit::Money(currency) => money(value, currency),
            Unit::Percent => format!("{value:.0}%"),
            Unit::People => format::compact(value),
        }
    }
}

struct Axis {
    description: String,
    unit: Unit,
}

impl Axis {
    fn new(description: String, unit: Unit) -> Self {
        Axis { description, unit }
    }
}

/// A range that holds every value and zero, with head-room for labels.
fn range(values: &[&[Option<f64>]], include_zero: bool) -> std::ops::Range<f64> {
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

fn label_style() -> TextStyle<'static> {
    ("sans-serif", 13).into_font().color(&RGBColor(60, 60, 60))
}

fn caption_style() -> TextStyle<'static> {
    ("sans-serif", 19, FontStyle::Bold)
        .into_font()
        .color(&RGBColor(20, 30, 50))
}

/// The last segment index for `n` periods: segmented ranges include their end.
fn last(n: usize) -> usize {
    n.saturating_sub(1)
}

/// Only every n-th label when there are many periods, so labels never overlap.
fn x_label(labels: &[String], value: &SegmentValue<usize>) -> String {
    let step = labels.len().div_ceil(12).max(1);
    match value {
        SegmentValue::CenterOf(i) if i % step == 0 || *i + 1 == labels.len() => {
            labels.get(*i).cloned().unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// Runs of consecutive values, so a missing period breaks a line instead of bridging it.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(SegmentValue<usize>, f64)>> {
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

fn bar(i: usize, from: f64, to: f64, style: ShapeStyle) -> Rectangle<(SegmentValue<usize>, f64)> {
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

fn bars_and_line<DB: DrawingBackend>(
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
    let left_unit = left.unit.clone();
    let right_unit = right.unit.clone();
    mesh(&mut chart, labels, left.description.as_str(), &|v| {
        left_unit.format(*v)
    })?;
    chart
        .configure_secondary_axes()
        .y_labels(6)
        .y_label_formatter(&|v| right_unit.format(*v))
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

/// The period axis below and the value axis on the left, in the house style: few, light grid
/// lines, labels thinned when there are many periods.
fn mesh<'a, DB: DrawingBackend + 'a>(
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
fn legend<'a, DB: DrawingBackend + 'a, X: Ranged, Y: Ranged>(
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

fn stacked_costs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    lines: &[(String, bool, Vec<Option<f64>>)],
) -> DrawResult<DB> {
    let n = labels.len();
    // Positive lines stack up from zero, negative ones (credits, reversals) down from zero.
    let mut top = vec![0.0f64; n];
    let mut bottom = vec![0.0f64; n];
    let mut rects: Vec<(usize, usize, f64, f64, bool)> = Vec::new();
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
        format!("{v:.0}%")
    })?;
    let outline = RGBColor(20, 20, 20);
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
    // The legend lists lines top of the stack first, the order a reader scans the bars.
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

/// The width of the cost chart's legend column, in pixels.
const LEGEND_WIDTH: u32 = 230;

fn margin_lines<DB: DrawingBackend>(
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
        format!("{v:.0}%")
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
    let margin_colour = PALETTE[0];
    if has(margin) {
        for run in runs(margin) {
            chart.draw_series(LineSeries::new(run, margin_colour.stroke_width(3)))?;
        }
        chart
            .draw_series(margin.iter().enumerate().filter_map(|(i, v)| {
                v.map(|v| Circle::new((SegmentValue::CenterOf(i), v), 5, margin_colour.filled()))
            }))?
            .label("Operating margin")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], margin_colour.stroke_width(3))
            });
    }
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
            .label("Adjusted operating margin")
            .legend(move |(x, y)| TriangleMarker::new((x + 8, y), 6, adjusted_colour.filled()));
    }
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
            .label("Opex per employee (right axis)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], opex_colour.stroke_width(3))
            });
    }
    legend(&mut chart)
}

fn rule_of_40<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    labels: &[String],
    values: &[Option<f64>],
) -> DrawResult<DB> {
    let n = labels.len();
    let with_threshold: Vec<Option<f64>> = values.iter().copied().chain([Some(40.0)]).collect();
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
        &|v| format!("{v:.0}"),
    )?;
    let meets = PALETTE[2];
    let misses = PALETTE[5];
    // Bars at or above the line in green, below it in vermillion; a legend entry only for
    // a kind that occurs.
    for (label, colour, at_or_above) in
        [("At or above 40", meets, true), ("Below 40", misses, false)]
    {
        let bars: Vec<_> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                v.filter(|v| (*v >= 40.0) == at_or_above)
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
                (SegmentValue::Exact(0), 40.0),
                (SegmentValue::Exact(n), 40.0),
            ],
            10,
            6,
            threshold.stroke_width(2),
        ))?
        .label("The 40 line")
        .legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 16, y)], threshold.stroke_width(2))
        });
    for (i, value) in values.iter().enumerate() {
        if let Some(v) = value {
            let anchor = if *v >= 0.0 { *v } else { 0.0 };
            chart.draw_series(std::iter::once(Text::new(
                format!("{v:.1}"),
                (SegmentValue::CenterOf(i), anchor),
                label_style().pos(Pos::new(HPos::Center, VPos::Bottom)),
            )))?;
        }
    }
    legend(&mut chart)
}
