//! The Peers section's charts: revenue per employee against revenue growth (one labelled point
//! per company), and the Rule of 40 by company against the scorecard's bar. The company the
//! brief is about is drawn in orange, its peers in blue.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::super::{money, DrawResult, Drawable, PALETTE};
use super::axes::{bar, caption_style, label_style, last, legend, mesh, range};
use crate::format;
use crate::metrics::catalogue::known;
use crate::report::peers::PeersView;

const COMPANY: RGBColor = PALETTE[1];
const PEER: RGBColor = PALETTE[0];

/// Longest company name drawn under a bar or beside a point, in characters.
const NAME_CHARS: usize = 22;

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    let mut out: String = name.chars().take(NAME_CHARS - 1).collect();
    out.push('…');
    out
}

/// A row's comparable values by column, as floats for drawing.
fn values(view: &PeersView, key: &str) -> Vec<Option<f64>> {
    view.rows
        .iter()
        .find(|r| r.key == key)
        .map(|row| {
            row.cells
                .iter()
                .map(|c| c.cell.value.filter(|_| c.comparable).map(|v| v.as_f64()))
                .collect()
        })
        .unwrap_or_default()
}

/// Revenue per employee (y) against revenue growth (x), a point per company.
pub struct Efficiency<'a> {
    pub view: &'a PeersView,
}

impl Efficiency<'_> {
    /// (name, is the company, growth %, revenue per employee) of each company with both.
    fn points(&self) -> Vec<(String, bool, f64, f64)> {
        let growth = values(self.view, "revenue_growth_yoy_pct");
        let per_employee = values(self.view, "revenue_per_employee");
        self.view
            .columns
            .iter()
            .zip(growth.iter().zip(&per_employee))
            .filter_map(|(column, (g, r))| {
                Some((column.name.clone(), column.is_company, (*g)?, (*r)?))
            })
            .collect()
    }

    /// Companies left off, with why.
    fn left_off(&self) -> Vec<String> {
        let growth = values(self.view, "revenue_growth_yoy_pct");
        let per_employee = values(self.view, "revenue_per_employee");
        self.view
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, column)| {
                let why = match (
                    growth.get(i).copied().flatten(),
                    per_employee.get(i).copied().flatten(),
                ) {
                    (Some(_), Some(_)) => return None,
                    (None, _) => "no revenue growth",
                    (_, None) if column.currency != self.view.currency => {
                        "revenue per employee in another currency with no rate given"
                    }
                    (_, None) => "no revenue per employee",
                };
                Some(format!("{} ({why})", column.name))
            })
            .collect()
    }
}

impl Drawable for Efficiency<'_> {
    fn id(&self) -> String {
        "peers-efficiency".to_string()
    }

    fn title(&self) -> String {
        "Revenue per employee and revenue growth, peers".to_string()
    }

    fn alt(&self) -> String {
        let currency = &self.view.currency;
        let points: Vec<String> = self
            .points()
            .iter()
            .map(|(name, is_company, growth, per_employee)| {
                format!(
                    "{name}{}: growth {}, revenue per employee {}",
                    if *is_company { " (this company)" } else { "" },
                    format::pct(*growth, true),
                    money(*per_employee, currency)
                )
            })
            .collect();
        let left_off = self.left_off();
        let mut alt = format!(
            "Scatter of each company's latest fiscal year, revenue growth year over year across and annualised revenue per employee ({currency}) up: {}.",
            points.join("; ")
        );
        if !left_off.is_empty() {
            alt.push_str(&format!(" Not drawn: {}.", left_off.join("; ")));
        }
        alt
    }

    fn too_little_data(&self) -> Option<String> {
        (self.points().len() < 2).then(|| {
            format!(
                "{}: not drawn, as fewer than two companies have both figures ({}).",
                self.title(),
                self.left_off().join("; ")
            )
        })
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        let points = self.points();
        let xs: Vec<Option<f64>> = points.iter().map(|p| Some(p.2)).collect();
        let ys: Vec<Option<f64>> = points.iter().map(|p| Some(p.3)).collect();
        let x_range = {
            let r = range(&[&xs], true);
            // Room on both sides for the names beside the points.
            let pad = (r.end - r.start) * 0.15;
            (r.start - pad)..(r.end + pad)
        };
        let currency = self.view.currency.clone();
        let mut chart = ChartBuilder::on(area)
            .caption(self.title(), caption_style())
            .margin(14)
            .x_label_area_size(44)
            .y_label_area_size(80)
            .build_cartesian_2d(x_range, range(&[&ys], true))?;
        chart
            .configure_mesh()
            .x_labels(8)
            .x_label_formatter(&|v| format::tick(format::Unit::Growth, *v, ""))
            .y_labels(6)
            .y_label_formatter(&|v| money(*v, &currency))
            .x_desc(format!("{} (%)", known("revenue_growth_yoy_pct").name))
            .y_desc(format!("Revenue per employee ({currency}, annualised)"))
            .label_style(label_style())
            .axis_desc_style(label_style())
            .y_max_light_lines(1)
            .x_max_light_lines(1)
            .light_line_style(RGBColor(245, 245, 245))
            .bold_line_style(RGBColor(225, 225, 225))
            .draw()?;
        for (label, colour, wanted, size) in [
            ("This company", COMPANY, true, 9),
            ("Peers", PEER, false, 6),
        ] {
            let dots: Vec<_> = points
                .iter()
                .filter(|p| p.1 == wanted)
                .map(|p| Circle::new((p.2, p.3), size, colour.filled()))
                .collect();
            if dots.is_empty() {
                continue;
            }
            chart
                .draw_series(dots)?
                .label(label)
                .legend(move |(x, y)| Circle::new((x + 7, y), 5, colour.filled()));
        }
        for (name, is_company, x, y) in &points {
            let style = if *is_company {
                label_style().color(&RGBColor(20, 30, 50))
            } else {
                label_style()
            };
            // The name up and to the right of its point, clear of the dot.
            chart.draw_series(std::iter::once(
                EmptyElement::at((*x, *y))
                    + Text::new(
                        short(name),
                        (11, -6),
                        style.pos(Pos::new(HPos::Left, VPos::Bottom)),
                    ),
            ))?;
        }
        legend(&mut chart)
    }
}

/// The Rule of 40 of each company, against the bar.
pub struct RuleOf40<'a> {
    pub view: &'a PeersView,
    pub bar_at: f64,
}

impl RuleOf40<'_> {
    fn bars(&self) -> Vec<(String, bool, f64)> {
        let values = values(self.view, "rule_of_40");
        self.view
            .columns
            .iter()
            .zip(values)
            .filter_map(|(c, v)| Some((c.name.clone(), c.is_company, v?)))
            .collect()
    }
}

impl Drawable for RuleOf40<'_> {
    fn id(&self) -> String {
        "peers-rule-of-40".to_string()
    }

    fn title(&self) -> String {
        "Rule of 40 by company, latest fiscal years".to_string()
    }

    fn alt(&self) -> String {
        let bars: Vec<String> = self
            .bars()
            .iter()
            .map(|(name, is_company, v)| {
                format!(
                    "{name}{} {}",
                    if *is_company { " (this company)" } else { "" },
                    format::places(*v, format::decisive_places(*v, self.bar_at, 1), false)
                )
            })
            .collect();
        let missing: Vec<&str> = self
            .view
            .columns
            .iter()
            .filter(|c| !self.bars().iter().any(|b| b.0 == c.name))
            .map(|c| c.name.as_str())
            .collect();
        let mut alt = format!(
            "Bars: Rule of 40, revenue growth plus operating margin, of each company's latest fiscal year ({}), against the line at {}.",
            bars.join(", "),
            format::threshold(self.bar_at)
        );
        if !missing.is_empty() {
            alt.push_str(&format!(" Not drawn, as n/a: {}.", missing.join("; ")));
        }
        alt
    }

    fn too_little_data(&self) -> Option<String> {
        (self.bars().len() < 2).then(|| {
            format!(
                "{}: not drawn, as fewer than two companies have a Rule of 40.",
                self.title()
            )
        })
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        let bars = self.bars();
        let labels: Vec<String> = bars.iter().map(|b| short(&b.0)).collect();
        let values: Vec<Option<f64>> = bars
            .iter()
            .map(|b| Some(b.2))
            .chain([Some(self.bar_at)])
            .collect();
        let n = bars.len();
        let mut chart = ChartBuilder::on(area)
            .caption(self.title(), caption_style())
            .margin(14)
            .x_label_area_size(34)
            .y_label_area_size(70)
            .build_cartesian_2d((0..last(n)).into_segmented(), range(&[&values], true))?;
        mesh(
            &mut chart,
            &labels,
            "Growth % + operating margin % (points)",
            &|v| format::tick(format::Unit::Points, *v, ""),
        )?;
        for (label, colour, wanted) in [("This company", COMPANY, true), ("Peers", PEER, false)] {
            let drawn: Vec<_> = bars
                .iter()
                .enumerate()
                .filter(|(_, b)| b.1 == wanted)
                .map(|(i, b)| bar(i, 0.0, b.2, colour.filled()))
                .collect();
            if drawn.is_empty() {
                continue;
            }
            chart
                .draw_series(drawn)?
                .label(label)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour.filled())
                });
        }
        let line = RGBColor(30, 30, 30);
        let shown_bar = format::threshold(self.bar_at);
        chart
            .draw_series(DashedLineSeries::new(
                vec![
                    (SegmentValue::Exact(0), self.bar_at),
                    (SegmentValue::Exact(n), self.bar_at),
                ],
                10,
                6,
                line.stroke_width(2),
            ))?
            .label(format!("The {shown_bar} line"))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], line.stroke_width(2))
            });
        for (i, (_, _, v)) in bars.iter().enumerate() {
            chart.draw_series(std::iter::once(Text::new(
                format::places(*v, format::decisive_places(*v, self.bar_at, 1), false),
                (SegmentValue::CenterOf(i), *v),
                label_style().pos(crate::report::charts::bar_value_at(*v)),
            )))?;
        }
        legend(&mut chart)
    }
}
