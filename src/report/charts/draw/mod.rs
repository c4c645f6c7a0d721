//! The per-series charts: revenue and growth, headcount and revenue per employee, cost
//! structure, margin and opex per employee, Rule of 40.

use plotters::coord::Shift;
use plotters::prelude::*;

mod alt;
mod axes;
mod bands;
mod bars;
mod cash_margins;
mod costs;
mod margin;
pub(super) mod peers;
pub(super) mod plan_actual;
mod rule_of_40;

use super::{describe, money, DrawResult, Drawable, Series};
use crate::format;
use crate::format::Unit;
use crate::metrics::catalogue::{known, picked, View};
use crate::money::Exact;
use axes::Axis;
use bars::bars_and_line;
use cash_margins::cash_margins;
use costs::stacked_costs;
use margin::margin_lines;
use rule_of_40::rule_of_40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Revenue,
    Headcount,
    Costs,
    Margin,
    RuleOf40,
    /// Gross, EBITDA and free-cash-flow margins.
    CashMargins,
    /// Cash at period end and the runway it gives.
    Runway,
    /// The company's KPIs given in percent, one line each.
    Kpis,
}

impl ChartKind {
    pub const ALL: [ChartKind; 8] = [
        ChartKind::Revenue,
        ChartKind::Headcount,
        ChartKind::Costs,
        ChartKind::Margin,
        ChartKind::RuleOf40,
        ChartKind::CashMargins,
        ChartKind::Runway,
        ChartKind::Kpis,
    ];

    /// The section of the brief the chart belongs to.
    pub fn section(self) -> super::ChartSection {
        match self {
            ChartKind::Revenue => super::ChartSection::Growth,
            ChartKind::Headcount | ChartKind::Margin => super::ChartSection::Efficiency,
            ChartKind::Costs | ChartKind::RuleOf40 => super::ChartSection::Costs,
            ChartKind::CashMargins | ChartKind::Runway => super::ChartSection::Cash,
            ChartKind::Kpis => super::ChartSection::Kpis,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            ChartKind::Revenue => "revenue",
            ChartKind::Headcount => "headcount",
            ChartKind::Costs => "costs",
            ChartKind::Margin => "margin",
            ChartKind::RuleOf40 => "rule-of-40",
            ChartKind::CashMargins => "cash-margins",
            ChartKind::Runway => "runway",
            ChartKind::Kpis => "kpis",
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
    /// The adjusted (non-GAAP) margin, drawn only beside the operating margin, its GAAP
    /// measure: none when no period has that.
    fn adjusted_margin(&self) -> Vec<Option<f64>> {
        let gaap = self.margin().iter().any(Option::is_some);
        self.column(|p| p.adjusted_operating_margin_pct.filter(|_| gaap))
    }
    fn opex_per_employee(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(p.opex_per_employee))
    }
    fn rule_of_40(&self) -> Vec<Option<f64>> {
        self.column(|p| p.rule_of_40)
    }
    /// The margins of the cash section, each with its catalogue name.
    fn cash_margins(&self) -> Vec<(String, Vec<Option<f64>>)> {
        picked(View::CashMargins)
            .into_iter()
            .map(|metric| {
                (
                    metric.name.to_string(),
                    self.column(|p| metric.value(p).map(|v| v.as_f64())),
                )
            })
            .collect()
    }
    /// The company's KPIs given in percent, each with its name and the floor and ceiling the
    /// scorecard judges it by, if any.
    #[allow(clippy::type_complexity)]
    fn percentage_kpis(&self) -> Vec<(String, Vec<Option<f64>>, (Option<f64>, Option<f64>))> {
        self.series
            .kpis
            .iter()
            .filter(|kpi| kpi.unit == crate::input::KpiUnit::Pct)
            .map(|kpi| {
                let values =
                    self.column(|p| crate::metrics::kpi::value(kpi, p).map(|v| v.as_f64()));
                let bounds = self
                    .series
                    .kpi_thresholds
                    .iter()
                    .find(|t| t.key == kpi.key)
                    .map_or((None, None), |t| {
                        (t.min.map(format::to_f64), t.max.map(format::to_f64))
                    });
                (kpi.name.clone(), values, bounds)
            })
            .collect()
    }
    /// Whether the company defines a KPI in percent (else it has no KPI chart).
    pub fn has_percentage_kpis(&self) -> bool {
        self.series
            .kpis
            .iter()
            .any(|kpi| kpi.unit == crate::input::KpiUnit::Pct)
    }
    fn cash(&self) -> Vec<Option<f64>> {
        self.column(|p| exact(p.cash))
    }
    /// The runway as drawn: at most [`format::MAX_SHOWN_MONTHS`], so one period of hundreds of
    /// months does not flatten the others (its text says "more than 10 years").
    fn runway(&self) -> Vec<Option<f64>> {
        self.column(|p| p.runway_months.map(|m| m.min(format::MAX_SHOWN_MONTHS)))
    }

    fn runway_capped(&self) -> bool {
        self.series.periods.iter().any(|p| {
            p.runway_months
                .is_some_and(|m| m > format::MAX_SHOWN_MONTHS)
        })
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
            ChartKind::CashMargins => self.cash_margins().into_iter().map(|(_, v)| v).collect(),
            ChartKind::Kpis => self
                .percentage_kpis()
                .into_iter()
                .map(|(_, v, _)| v)
                .collect(),
            ChartKind::Runway => vec![self.cash(), self.runway()],
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
            ChartKind::CashMargins => "Gross, EBITDA and free-cash-flow margins".to_string(),
            ChartKind::Runway => "Cash at period end and runway".to_string(),
            ChartKind::Kpis => "Company KPIs in percent".to_string(),
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
            ChartKind::Costs => self.costs_alt(&labels),
            ChartKind::Margin => format!(
                "Line: operating margin ({}). Dashed line: adjusted operating margin ({}). Line on the right axis: annualised opex per employee ({}).",
                describe(&labels, &self.margin(), pct),
                describe(&labels, &self.adjusted_margin(), pct),
                describe(&labels, &self.opex_per_employee(), money_fmt)
            ),
            ChartKind::RuleOf40 => self.rule_of_40_alt(&labels),
            ChartKind::CashMargins => self.cash_margins_alt(&labels),
            ChartKind::Kpis => self.kpis_alt(&labels),
            ChartKind::Runway => self.runway_alt(&labels),
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
                Axis::new(format!("Revenue ({currency})"), Unit::Amount, &currency),
                (known("revenue").name, self.revenue()),
                Axis::new("Growth year over year (%)".into(), Unit::Growth, ""),
                (known("revenue_growth_yoy_pct").name, self.growth()),
            ),
            ChartKind::Headcount => bars_and_line(
                area,
                &title,
                &labels,
                Axis::new("Headcount at period end (people)".into(), Unit::People, ""),
                (known("headcount_end").name, self.headcount()),
                Axis::new(
                    format!("Revenue per employee ({currency}, annualised)"),
                    Unit::Money,
                    &currency,
                ),
                (
                    known("revenue_per_employee").name,
                    self.revenue_per_employee(),
                ),
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
            ChartKind::RuleOf40 => rule_of_40(
                area,
                &title,
                &labels,
                &self.rule_of_40(),
                self.series.rule_of_40_bar,
            ),
            ChartKind::CashMargins => cash_margins(
                area,
                &title,
                &labels,
                "Margin (% of revenue)",
                &self.cash_margins(),
            ),
            ChartKind::Kpis => {
                let lines: Vec<(String, Vec<Option<f64>>)> = self
                    .percentage_kpis()
                    .into_iter()
                    .map(|(name, values, _)| (name, values))
                    .collect();
                cash_margins(area, &title, &labels, "Percent", &lines)
            }
            ChartKind::Runway => bars_and_line(
                area,
                &title,
                &labels,
                Axis::new(
                    format!("Cash at period end ({currency})"),
                    Unit::Amount,
                    &currency,
                ),
                (known("cash").name, self.cash()),
                Axis::new("Runway (months)".into(), Unit::Months, ""),
                (known("runway_months").name, self.runway()),
            ),
        }
    }
}
