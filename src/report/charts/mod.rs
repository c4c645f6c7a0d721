//! Charts, drawn with plotters: each chart is a function from a drawing area and a series of
//! period metrics to a result. Drawn to SVG in memory (text stays text) and, on request, to PNG
//! with the DejaVu Sans font compiled into the binary, so no system fonts are needed.

mod draw;
mod plan;
mod scaled;
mod support;

pub use support::{accessible_svg, bar_value_at, register_font, DrawResult, PALETTE};

use anyhow::{anyhow, Result};
use plotters::prelude::*;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::period::PeriodKind;
use crate::scorecard::Thresholds;

use crate::format;

/// The size charts are laid out at, in CSS pixels: the SVG's size.
pub const WIDTH: u32 = 820;
pub const HEIGHT: u32 = 420;
/// PNG charts have this many times the pixels of the layout in each direction (1640 × 840),
/// for slides and high-density screens.
pub const PNG_SCALE: u32 = 2;

/// The section of the brief a chart belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartSection {
    Growth,
    Efficiency,
    Costs,
    Cash,
    Plan,
    /// Plan against actual: revenue against its guidance and budget.
    PlanActual,
    /// The Peers section: the company beside comparable companies.
    Peers,
    /// The company's own KPIs.
    Kpis,
}

/// One chart of the brief: drawn, or replaced by a sentence saying why not.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// File stem, e.g. `years-revenue`.
    pub id: String,
    pub section: ChartSection,
    /// The series it draws; none for the plans' charts and the peers'.
    pub kind: Option<PeriodKind>,
    pub title: String,
    /// The text alternative: what the chart shows, in words and figures.
    pub alt: String,
    /// The SVG document, when drawn.
    #[serde(skip)]
    pub svg: Option<String>,
    /// The PNG image, when drawn and asked for.
    #[serde(skip)]
    pub png: Option<Vec<u8>>,
    /// Why the chart is not drawn (too little data), as a sentence for the brief.
    pub omitted: Option<String>,
}

/// The periods of one kind (years, halves or quarters), in time order.
pub struct Series<'a> {
    pub kind: PeriodKind,
    /// The latest periods of this kind, at most [`shown`] of them: a brief is read, so a long
    /// history is cut to its recent end (every period stays in metrics.json).
    pub periods: Vec<&'a PeriodMetrics>,
    /// How many periods of this kind the input has.
    pub total: usize,
    pub currency: &'a str,
    pub ai_exposed: &'a [String],
    /// The company's own KPIs, for their table.
    pub kpis: &'a [crate::input::Kpi],
    /// The Rule-of-40 bar the scorecard judges by, drawn as the chart's line.
    pub rule_of_40_bar: f64,
    /// The thresholds on the company's KPIs the scorecard judges by (`[[readiness.kpi]]`).
    pub kpi_thresholds: &'a [crate::input::KpiThreshold],
    /// Decimals the tables give amounts in the company's scale: none when every amount the
    /// input gives for these periods is whole in that scale, else one. Derived amounts (AI
    /// savings to the cent) then read like the figures around them.
    pub amount_decimals: u32,
}

impl Series<'_> {
    pub fn labels(&self) -> Vec<String> {
        self.periods.iter().map(|p| p.label.to_string()).collect()
    }

    /// "years 2022–2025" for titles and text alternatives.
    pub fn span(&self) -> String {
        match (self.periods.first(), self.periods.last()) {
            (Some(first), Some(last)) if first.label != last.label => {
                format!("{} {}–{}", self.kind.plural(), first.label, last.label)
            }
            (Some(first), _) => format!("{} {}", self.kind.plural(), first.label),
            _ => self.kind.plural().to_string(),
        }
    }
}

/// The series present in the metrics: years first, then halves, then quarters.
pub fn series_of<'a>(metrics: &'a Metrics, thresholds: &'a Thresholds) -> Vec<Series<'a>> {
    let rule_of_40_bar = thresholds.min_rule_of_40.value;
    [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
        .into_iter()
        .map(|kind| {
            let all: Vec<&PeriodMetrics> =
                metrics.periods.iter().filter(|p| p.kind == kind).collect();
            let total = all.len();
            let periods = all[total.saturating_sub(shown(kind))..].to_vec();
            let amount_decimals =
                crate::metrics::amount_decimals(periods.iter().copied(), metrics.company.scale);
            Series {
                kind,
                periods,
                total,
                currency: &metrics.company.currency,
                ai_exposed: &metrics.company.ai_exposed,
                kpis: &metrics.kpis,
                rule_of_40_bar,
                kpi_thresholds: &thresholds.kpi,
                amount_decimals,
            }
        })
        .filter(|s| !s.periods.is_empty())
        .collect()
}

/// How many of the latest periods of a kind the brief's tables and charts show: ten years or
/// halves, twelve quarters (three years), as a brief on paper can hold.
pub fn shown(kind: PeriodKind) -> usize {
    match kind {
        PeriodKind::Quarter => 12,
        PeriodKind::Half | PeriodKind::Year => 10,
    }
}

/// Which charts to render as files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOutputs {
    pub svg: bool,
    pub png: bool,
}

/// Every chart of the brief.
pub fn build_all(analysis: &Analysis, outputs: ChartOutputs) -> Result<Vec<Chart>> {
    use rayon::prelude::*;
    register_font()?;
    let series = series_of(&analysis.metrics, analysis.thresholds());
    let jobs: Vec<draw::Job> = series
        .iter()
        .flat_map(|series| draw::ChartKind::ALL.map(|kind| draw::Job { kind, series }))
        // A series without any profitability-and-cash figure gets no such charts (nor a
        // sentence saying they are not drawn): its table already names what is missing.
        .filter(|job| job.kind.section() != ChartSection::Cash || has_cash_figures(job.series))
        // Only a company with percentage KPIs gets their chart.
        .filter(|job| job.kind.section() != ChartSection::Kpis || job.has_percentage_kpis())
        .collect();
    // Charts are independent: draw them on every core (the order of the result is kept).
    let mut charts: Vec<Chart> = jobs
        .par_iter()
        .map(|job| {
            let mut chart = render(job, outputs)?;
            chart.section = job.kind.section();
            chart.kind = Some(job.series.kind);
            Ok(chart)
        })
        .collect::<Result<_>>()?;
    if let Some(plan) = &analysis.plan {
        charts.push(render(&plan::PlanChart { plan }, outputs)?);
    }
    let metrics = &analysis.metrics;
    if let Some(chart) = draw::plan_actual::RevenueAgainstPlan::of(metrics) {
        let mut drawn = render(&chart, outputs)?;
        drawn.section = ChartSection::PlanActual;
        charts.push(drawn);
    }
    Ok(charts)
}

/// The Peers section's charts: revenue per employee against growth, and the Rule of 40 by
/// company against `bar_at`.
pub fn build_peers(
    view: &crate::report::peers::PeersView,
    bar_at: f64,
    outputs: ChartOutputs,
) -> Result<Vec<Chart>> {
    register_font()?;
    let mut charts = vec![
        render(&draw::peers::Efficiency { view }, outputs)?,
        render(&draw::peers::RuleOf40 { view, bar_at }, outputs)?,
    ];
    for chart in &mut charts {
        chart.section = ChartSection::Peers;
    }
    Ok(charts)
}

fn has_cash_figures(series: &Series) -> bool {
    use crate::metrics::catalogue::Section;
    crate::metrics::CATALOGUE
        .iter()
        .filter(|m| m.section == Section::Cash)
        .any(|m| series.periods.iter().any(|p| m.value(p).is_some()))
}

/// Something that can be drawn: the chart's identity, data check and drawing function.
pub trait Drawable {
    fn id(&self) -> String;
    fn title(&self) -> String;
    fn alt(&self) -> String;
    /// Why there is too little data to draw, if so.
    fn too_little_data(&self) -> Option<String>;
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, plotters::coord::Shift>,
    ) -> DrawResult<DB>;
}

fn render(chart: &impl Drawable, outputs: ChartOutputs) -> Result<Chart> {
    let mut out = Chart {
        id: chart.id(),
        section: ChartSection::Plan,
        kind: None,
        title: chart.title(),
        alt: chart.alt(),
        svg: None,
        png: None,
        omitted: chart.too_little_data(),
    };
    if out.omitted.is_some() {
        return Ok(out);
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        chart
            .draw(&root)
            .map_err(|e| anyhow!("drawing {}: {e:?}", out.id))?;
        root.present()
            .map_err(|e| anyhow!("drawing {}: {e:?}", out.id))?;
    }
    out.svg = Some(accessible_svg(&svg, &out.title, &out.alt, &out.id));
    if outputs.png {
        out.png = Some(render_png(chart, &out.id)?);
    }
    Ok(out)
}

fn render_png(chart: &impl Drawable, id: &str) -> Result<Vec<u8>> {
    let (width, height) = (WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE);
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let bitmap = BitMapBackend::with_buffer(&mut pixels, (width, height));
        let root = scaled::Scaled::new(bitmap, PNG_SCALE).into_drawing_area();
        chart
            .draw(&root)
            .map_err(|e| anyhow!("drawing {id}: {e:?}"))?;
        root.present().map_err(|e| anyhow!("drawing {id}: {e:?}"))?;
    }
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &pixels,
        width,
        height,
        image::ColorType::Rgb8,
    )
    .map_err(|e| anyhow!("encoding {id}.png: {e}"))?;
    Ok(png)
}

/// Money on an axis or in a text alternative: "$2.8B".
pub fn money(value: f64, currency: &str) -> String {
    format::money_compact(value, currency)
}

/// A list of labelled values for text alternatives: "2022 $1.9B, 2023 n/a".
pub fn describe(labels: &[String], values: &[Option<f64>], fmt: impl Fn(f64) -> String) -> String {
    labels
        .iter()
        .zip(values)
        .map(|(label, value)| format!("{label} {}", value.map_or("n/a".to_string(), &fmt)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
