//! One period's metrics, one group at a time, in the order the catalogue lists them.

use rust_decimal::Decimal;

use super::ai::ai;
use super::assemble::{assemble, Groups};
use super::compared::both;
use super::cost_lines::cost_lines;
use super::growth::growth;
use super::opex::opex;
use super::people::{headcount, per_employee};
use super::profit::profitability;
use super::{Context, PeriodMetrics};
use crate::input::{Company, Period, RuleOf40Margin};
use crate::metrics::Unavailable;
use crate::period::PeriodLabel;

/// Computes one period; `lookup` finds other periods by label (for YoY, QoQ and headcount),
/// `first` is the first period of its series in the input. One function per group of
/// metrics, in the order the catalogue lists them.
pub fn compute<'a>(
    period: &'a Period,
    company: &'a Company,
    rule_of_40_margin: RuleOf40Margin,
    all_lines: &'a [&'a str],
    first: PeriodLabel,
    lookup: impl Fn(PeriodLabel) -> Option<&'a Period>,
) -> PeriodMetrics {
    let label = period.label;
    let mut cx = Context {
        period,
        company,
        all_lines,
        year_earlier: lookup(label.year_earlier()),
        previous: lookup(label.previous()),
        first,
        na: Unavailable::of(label),
        approximations: Vec::new(),
    };
    let growth = growth(&mut cx);
    let people = headcount(&mut cx, growth.yoy);
    let per_employee = |amount: Decimal| per_employee(amount, people.average, period.months());
    let opex = opex(&mut cx, &per_employee);
    let profit = profitability(&mut cx, &opex.value);
    let cash = crate::metrics::cash::cash(period, profit.operating_income, &mut cx.na);
    let rule_of_40 = cx.na.take(
        "rule_of_40",
        both(
            growth.yoy,
            cash.margin_for_rule_of_40(rule_of_40_margin, profit.margin),
            ["revenue_growth_yoy_pct", rule_of_40_margin.metric_key()],
        )
        .map(|(growth, margin)| growth + margin),
    );
    let cost_lines = cost_lines(period, company, cx.year_earlier, first, &mut cx.na);
    let ai = ai(&mut cx, people.average, &per_employee);
    let revenue_per_employee = cx
        .na
        .take("revenue_per_employee", per_employee(period.revenue));
    cx.na.resolve();
    let groups = Groups {
        growth,
        people,
        opex,
        profit,
        cash,
        rule_of_40,
        cost_lines,
        ai,
        revenue_per_employee,
    };
    assemble(cx, groups)
}
