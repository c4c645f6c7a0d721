//! Plan against actual's chart: actual revenue per period against its guidance ranges (bands,
//! a point guidance as a bar across) and its budget (crosses joined by a dashed line), for the
//! kind of period with the most periods that have either, at most the latest 8 as the section.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::super::{describe, DrawResult, Drawable};
use super::bands::{draw_bands, Amounts, Point};
use crate::format;
use crate::metrics::plan_actual::{PeriodPlanActual, WINDOWS};
use crate::metrics::{Metrics, Number};
use crate::period::PeriodKind;

pub struct RevenueAgainstPlan<'a> {
    kind: PeriodKind,
    /// The figure drawn: "Revenue", or the guided top line's name ("Product revenue") for a
    /// company that guides on it and gives no revenue budget or guidance.
    figure: String,
    currency: &'a str,
    amounts: Amounts,
    points: Vec<Point>,
}

impl<'a> RevenueAgainstPlan<'a> {
    /// The chart of `metrics`' plan, none when no period has a revenue budget or guidance.
    pub fn of(metrics: &'a Metrics) -> Option<Self> {
        let periods = &metrics.plan_actual.periods;
        let revenue = periods.iter().any(|p| {
            p.guidance.iter().any(|g| g.key == "revenue")
                || p.variances.iter().any(|v| v.key == "revenue")
        });
        let top_line = match revenue {
            true => None,
            false => periods
                .iter()
                .find_map(|p| p.guidance.iter().find(|g| g.top_line))
                .map(|g| g.name.clone()),
        };
        let of_kind = |kind: PeriodKind| {
            let points: Vec<Point> = periods
                .iter()
                .filter(|p| p.kind == kind)
                .filter_map(|p| match top_line {
                    Some(_) => top_line_point(p),
                    None => point(metrics, p),
                })
                .collect();
            let skip = points.len().saturating_sub(WINDOWS[WINDOWS.len() - 1]);
            (kind, points.into_iter().skip(skip).collect::<Vec<_>>())
        };
        let (kind, points) = [PeriodKind::Year, PeriodKind::Half, PeriodKind::Quarter]
            .map(of_kind)
            .into_iter()
            .max_by_key(|(_, points)| points.len())?;
        let company = &metrics.company;
        let amounts = Amounts {
            label: company.scale.amounts_label(&company.currency),
            factor: format::to_f64(company.scale.factor()),
        };
        (!points.is_empty()).then_some(RevenueAgainstPlan {
            kind,
            figure: top_line.unwrap_or_else(|| "Revenue".to_string()),
            currency: &company.currency,
            amounts,
            points,
        })
    }

    fn labels(&self) -> Vec<String> {
        self.points.iter().map(|p| p.label.clone()).collect()
    }
}

/// A period's actual revenue, revenue budget and revenue guidance; none without either.
fn point(metrics: &Metrics, period: &PeriodPlanActual) -> Option<Point> {
    let budget = period.variances.iter().find(|v| v.key == "revenue");
    let guidance = period.guidance.iter().find(|g| g.key == "revenue");
    if budget.is_none() && guidance.is_none() {
        return None;
    }
    let actual = metrics.periods.iter().find(|p| p.label == period.label)?;
    let float = |d: rust_decimal::Decimal| format::to_f64(d);
    Some(Point {
        label: period.label.to_string(),
        actual: float(actual.revenue.0),
        budget: budget.map(|v| match v.budget {
            Number::Exact(e) => float(e.0),
            Number::Float(f) => f,
        }),
        guidance: guidance.map(|g| (float(g.low.0), float(g.high.0))),
    })
}

/// A period's guided top line (its actual and its guidance range), for a company that guides on
/// it: no budget is drawn, as a revenue budget is not the same figure.
fn top_line_point(period: &PeriodPlanActual) -> Option<Point> {
    let guidance = period.guidance.iter().find(|g| g.top_line)?;
    let float = |d: rust_decimal::Decimal| format::to_f64(d);
    Some(Point {
        label: period.label.to_string(),
        actual: float(guidance.actual?.0),
        budget: None,
        guidance: Some((float(guidance.low.0), float(guidance.high.0))),
    })
}

impl Drawable for RevenueAgainstPlan<'_> {
    fn id(&self) -> String {
        "plan-actual-revenue".to_string()
    }

    fn title(&self) -> String {
        let span = match (self.points.first(), self.points.last()) {
            (Some(first), Some(last)) if first.label != last.label => {
                format!("{}–{}", first.label, last.label)
            }
            (Some(first), _) => first.label.clone(),
            _ => String::new(),
        };
        format!(
            "{} against guidance{}, {} {span}",
            self.figure,
            match self.points.iter().any(|p| p.budget.is_some()) {
                true => " and budget",
                false => "",
            },
            self.kind.plural()
        )
    }

    fn alt(&self) -> String {
        let labels = self.labels();
        // Three significant digits: a range of 1,120 to 1,180 thousand must not read "1.1M to 1.2M".
        let shown = |v: f64| format::money_precise(v, self.currency);
        let actual: Vec<Option<f64>> = self.points.iter().map(|p| Some(p.actual)).collect();
        let budget: Vec<Option<f64>> = self.points.iter().map(|p| p.budget).collect();
        let ranges: Vec<String> = self
            .points
            .iter()
            .map(|p| match p.guidance {
                Some((low, high)) if low == high => format!("{} {}", p.label, shown(low)),
                Some((low, high)) => format!("{} {} to {}", p.label, shown(low), shown(high)),
                None => format!("{} none", p.label),
            })
            .collect();
        let figure = self.figure.to_lowercase();
        let mut alt = format!(
            "Line: actual {figure} ({}). Bands: {figure} guidance ({}).",
            describe(&labels, &actual, shown),
            ranges.join(", "),
        );
        if budget.iter().any(Option::is_some) {
            let budgeted = describe(&labels, &budget, shown);
            alt.push_str(&format!(
                " Crosses on a dashed line: budgeted {figure} ({budgeted})."
            ));
        }
        alt
    }

    fn too_little_data(&self) -> Option<String> {
        (self.points.len() < 2).then(|| {
            format!(
                "{}: not drawn, as fewer than two {} have {figure} guidance or a {figure} budget.",
                self.title(),
                self.kind.plural(),
                figure = self.figure.to_lowercase()
            )
        })
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        draw_bands(
            area,
            &self.title(),
            &self.figure,
            &self.points,
            &self.amounts,
        )
    }
}

#[cfg(test)]
#[path = "plan_actual_tests.rs"]
mod tests;
