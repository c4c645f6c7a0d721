//! The metrics of one period. Formulas are in `docs/metrics.md`; each function here computes the
//! rows of that table that are code (read from the input, or with a fallback, a guard, rounding
//! or a look back). The rows that are formula trees are computed from these by the catalogue
//! (`catalogue::evaluate`), and the code that reads them (net burn, runway, Rule of 40) last.

use crate::input::LineMap;
use rust_decimal::Decimal;
use serde::Serialize;

use super::reason::{Compared, Reason};
use super::Unavailable;
use crate::input::{Company, Coverage, Period, RuleOf40Margin, Warning, WarningKind};
use crate::money::{change_pct, to_cents, Exact, NoPercent, NotMeaningful};
use crate::period::{PeriodKind, PeriodLabel};

/// One cost line in one period.
#[derive(Debug, Clone, Serialize)]
pub struct CostLineMetrics {
    pub amount: Exact,
    pub pct_of_revenue: Option<f64>,
    pub yoy_pct: Option<f64>,
    /// Whether the company marks this line as one where AI substitutes work.
    pub ai_exposed: bool,
}

/// Every metric of one period. Field names are the JSON keys.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodMetrics {
    /// The label as the input writes it, "2025-Q4", whatever the fiscal calendar.
    #[serde(serialize_with = "crate::period::canonical_label")]
    pub label: PeriodLabel,
    /// The label as the brief shows it, "FY2025 Q4", and the months it covers, "Jan-Mar 2025",
    /// when the fiscal year is not the calendar year (left out otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<String>,
    /// A year summed from its quarters, or year to date (left out for a period as given).
    #[serde(skip_serializing_if = "Coverage::is_given")]
    pub coverage: Coverage,
    pub kind: PeriodKind,
    pub revenue: Exact,
    pub revenue_growth_yoy_pct: Option<f64>,
    pub revenue_growth_qoq_pct: Option<f64>,
    pub headcount_start: Option<Exact>,
    pub headcount_end: Option<Exact>,
    pub avg_headcount: Option<Exact>,
    pub headcount_change_yoy_pct: Option<f64>,
    pub growth_minus_headcount_growth_pp: Option<f64>,
    pub revenue_per_employee: Option<Exact>,
    pub opex: Option<Exact>,
    pub opex_per_employee: Option<Exact>,
    pub opex_pct_of_revenue: Option<f64>,
    pub opex_growth_yoy_pct: Option<f64>,
    pub operating_income: Option<Exact>,
    pub operating_income_source: Option<&'static str>,
    pub operating_margin_pct: Option<f64>,
    pub adjusted_operating_income: Option<Exact>,
    pub adjusted_operating_margin_pct: Option<f64>,
    /// Revenue minus listed cost lines minus reported operating income: costs the input does
    /// not list (depreciation, amortisation, ...). Only when both are known and they differ.
    pub unlisted_costs: Option<Exact>,
    pub rule_of_40: Option<f64>,
    pub cost_of_revenue: Option<Exact>,
    pub gross_profit: Option<Exact>,
    pub gross_margin_pct: Option<f64>,
    pub depreciation_amortization: Option<Exact>,
    pub ebitda: Option<Exact>,
    pub ebitda_margin_pct: Option<f64>,
    pub operating_cash_flow: Option<Exact>,
    pub capex: Option<Exact>,
    pub free_cash_flow: Option<Exact>,
    pub fcf_margin_pct: Option<f64>,
    pub stock_based_compensation: Option<Exact>,
    pub sbc_pct_of_revenue: Option<f64>,
    /// Cash at the period's end.
    pub cash: Option<Exact>,
    pub net_burn: Option<Exact>,
    pub runway_months: Option<f64>,
    pub cost_lines: LineMap<CostLineMetrics>,
    /// The company's own KPIs by key (`null` with the reason under `kpis.<key>` in
    /// `unavailable`), in the order the input defines them.
    pub kpis: LineMap<Option<Exact>>,
    pub ai_exposed_cost: Option<Exact>,
    pub ai_exposed_pct_of_revenue: Option<f64>,
    pub personnel_cost: Option<Exact>,
    pub loaded_cost_per_employee: Option<Exact>,
    pub ai_spend: Option<Exact>,
    pub ai_fte_equivalent: Option<Exact>,
    pub ai_savings: Option<Exact>,
    pub ai_roi: Option<f64>,
    pub notes: Option<String>,
    /// Metric name -> why it could not be computed.
    pub unavailable: Unavailable,
    /// The keys of `unavailable` whose value is not missing but not meaningful ("n/m"): a
    /// percent change from a zero or negative base. Outputs show "n/m" for them, not "n/a".
    pub not_meaningful: Vec<String>,
    /// Where a metric rests on an approximation, in words.
    pub approximations: Vec<String>,
}

/// What the groups of metrics read: the period, its company, the periods it is compared
/// with, and where reasons and approximations are recorded.
struct Context<'a> {
    period: &'a Period,
    company: &'a Company,
    all_lines: &'a [&'a str],
    year_earlier: Option<&'a Period>,
    previous: Option<&'a Period>,
    /// The first period of this period's series in the input: a comparison that looks back
    /// before it says so, rather than naming each missing period.
    first: PeriodLabel,
    na: Unavailable,
    approximations: Vec<String>,
}

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
    let groups = groups(&mut cx);
    let mut metrics = assemble(groups, cx);
    // The metrics that are formula trees, then the code that reads them.
    super::catalogue::evaluate(&mut metrics);
    super::cash::burn(&mut metrics, period.months());
    rule_of_40(&mut metrics, rule_of_40_margin);
    metrics.unavailable.resolve();
    metrics.not_meaningful = metrics.unavailable.not_meaningful();
    metrics
}

/// The groups of metrics that are code, computed in the order the catalogue lists them.
struct Groups {
    growth: Growth,
    people: People,
    opex: Opex,
    profit: Profit,
    cost_lines: LineMap<CostLineMetrics>,
    ai: Ai,
    revenue_per_employee: Option<Exact>,
}

/// Computes each group of metrics that is code, recording reasons in `cx`.
fn groups(cx: &mut Context) -> Groups {
    let period = cx.period;
    let growth = growth(cx);
    let people = headcount(cx);
    let per_employee = |amount: Decimal| per_employee(amount, people.average, period.months());
    let opex = opex(cx, &per_employee);
    let profit = profitability(cx, &opex.value);
    let cost_lines = cost_lines(period, cx.company, cx.year_earlier, cx.first, &mut cx.na);
    let ai = ai(cx, people.average, &per_employee);
    let revenue_per_employee = cx
        .na
        .take("revenue_per_employee", per_employee(period.revenue));
    Groups {
        growth,
        people,
        opex,
        profit,
        cost_lines,
        ai,
        revenue_per_employee,
    }
}

/// The period's metrics from its groups; the formula-tree metrics are left empty.
fn assemble(groups: Groups, cx: Context) -> PeriodMetrics {
    let Groups {
        growth,
        people,
        opex,
        profit,
        cost_lines,
        ai,
        revenue_per_employee,
    } = groups;
    let period = cx.period;
    let label = period.label;
    PeriodMetrics {
        label,
        display: label.months().map(|_| label.to_string()),
        months: label.months(),
        coverage: period.coverage,
        kind: label.kind,
        revenue: Exact(period.revenue),
        revenue_growth_yoy_pct: growth.yoy,
        revenue_growth_qoq_pct: growth.qoq,
        headcount_start: people.start.map(Exact),
        headcount_end: period.headcount_end.map(Exact),
        avg_headcount: people.average.map(Exact),
        headcount_change_yoy_pct: people.change_yoy,
        growth_minus_headcount_growth_pp: None,
        revenue_per_employee,
        opex: opex.value.ok().map(Exact),
        opex_per_employee: opex.per_employee,
        opex_pct_of_revenue: None,
        opex_growth_yoy_pct: opex.growth_yoy,
        operating_income: profit.operating_income.map(Exact),
        operating_income_source: profit.source,
        operating_margin_pct: None,
        adjusted_operating_income: period.adjusted_operating_income.map(Exact),
        adjusted_operating_margin_pct: None,
        unlisted_costs: profit.unlisted.map(Exact),
        rule_of_40: None,
        cost_of_revenue: period.statement.cost_of_revenue.map(Exact),
        gross_profit: None,
        gross_margin_pct: None,
        depreciation_amortization: period.statement.depreciation_amortization.map(Exact),
        ebitda: None,
        ebitda_margin_pct: None,
        operating_cash_flow: period.statement.operating_cash_flow.map(Exact),
        capex: period.statement.capex.map(Exact),
        free_cash_flow: None,
        fcf_margin_pct: None,
        stock_based_compensation: period.statement.stock_based_compensation.map(Exact),
        sbc_pct_of_revenue: None,
        cash: period.statement.cash.map(Exact),
        net_burn: None,
        runway_months: None,
        cost_lines,
        kpis: LineMap::default(),
        ai_exposed_cost: ai.exposed_cost.map(Exact),
        ai_exposed_pct_of_revenue: None,
        personnel_cost: period.personnel_cost.map(Exact),
        loaded_cost_per_employee: ai.loaded_cost_per_employee,
        ai_spend: period.ai.spend.map(Exact),
        ai_fte_equivalent: period.ai.fte_equivalent.map(Exact),
        ai_savings: ai.savings.map(Exact),
        ai_roi: None,
        notes: period.notes.clone(),
        not_meaningful: Vec::new(),
        unavailable: cx.na,
        approximations: cx.approximations,
    }
}

/// Revenue growth plus the margin the company chose (`rule_of_40_margin` in `[readiness]`).
fn rule_of_40(metrics: &mut PeriodMetrics, margin: RuleOf40Margin) {
    let chosen = match margin {
        RuleOf40Margin::Operating => metrics.operating_margin_pct,
        RuleOf40Margin::Ebitda => metrics.ebitda_margin_pct,
        RuleOf40Margin::Fcf => metrics.fcf_margin_pct,
    };
    let keys = ["revenue_growth_yoy_pct", margin.metric_key()];
    metrics.rule_of_40 = metrics.unavailable.take(
        "rule_of_40",
        both(metrics.revenue_growth_yoy_pct, chosen, keys).map(|(g, m)| g + m),
    );
}

struct Growth {
    yoy: Option<f64>,
    qoq: Option<f64>,
}

/// Revenue growth against the same period a year earlier and, for quarters, the previous one.
fn growth(cx: &mut Context) -> Growth {
    let period = cx.period;
    let label = period.label;
    let first = cx.first;
    let yoy = cx.na.take(
        "revenue_growth_yoy_pct",
        compared(cx.year_earlier, period, Compared::YearEarlier, first, |p| {
            Ok(p.revenue)
        })
        .and_then(|before| growth_of(period.revenue, before, Compared::YearEarlier, "revenue")),
    );
    let qoq = cx.na.take(
        "revenue_growth_qoq_pct",
        if label.kind == PeriodKind::Quarter {
            compared(cx.previous, period, Compared::Previous, first, |p| {
                Ok(p.revenue)
            })
            .and_then(|before| growth_of(period.revenue, before, Compared::Previous, "revenue"))
        } else {
            Err(Reason::QuartersOnly)
        },
    );
    Growth { yoy, qoq }
}

struct People {
    start: Option<Decimal>,
    average: Option<Decimal>,
    change_yoy: Option<f64>,
}

/// Headcount: the start defaults to the previous period's end in the same series.
fn headcount(cx: &mut Context) -> People {
    let period = cx.period;
    let label = period.label;
    let start = period
        .headcount_start
        .or_else(|| cx.previous.and_then(|p| p.headcount_end));
    let average = match (start, period.headcount_end) {
        (Some(start), Some(end)) => start
            .checked_add(end)
            .map(|sum| sum / Decimal::TWO)
            .ok_or(Reason::TooLarge),
        (None, Some(end)) => {
            // The previous period may be in the input without a period-end headcount.
            let source = match cx.previous {
                Some(_) => format!(", and {} gives no period-end headcount", label.previous()),
                None => format!(" and no {} period", label.previous()),
            };
            cx.approximations.push(format!(
                "average headcount is the period-end headcount ({}): there is no start \
                 headcount{source} to take it from",
                crate::format::grouped(end, 1),
            ));
            Ok(end)
        }
        (_, None) => Err(Reason::NotGiven {
            figure: "headcount_end",
        }),
    };
    let average = cx.na.take("avg_headcount", average);
    let change_yoy = cx.na.take(
        "headcount_change_yoy_pct",
        match period.headcount_end {
            None => Err(Reason::NotGiven {
                figure: "headcount_end",
            }),
            Some(end) => compared(
                cx.year_earlier,
                period,
                Compared::YearEarlier,
                cx.first,
                |p| {
                    p.headcount_end.ok_or(Reason::NotGivenThen {
                        compared: Compared::YearEarlier,
                        figure: "headcount_end",
                    })
                },
            )
            .and_then(|before| growth_of(end, before, Compared::YearEarlier, "headcount_end")),
        },
    );
    People {
        start,
        average,
        change_yoy,
    }
}

/// The average headcount an amount is divided by: given, and not zero.
fn people(average: Option<Decimal>) -> Result<Decimal, Reason> {
    let people = average.ok_or(Reason::Needs {
        figure: "avg_headcount",
    })?;
    if people.is_zero() {
        return Err(Reason::Zero {
            figure: "avg_headcount",
        });
    }
    Ok(people)
}

/// An amount of the period per person per year, to the cent; `months` the period covers (a
/// year to date of two quarters covers 6).
fn per_employee(amount: Decimal, average: Option<Decimal>, months: u32) -> Result<Exact, Reason> {
    let people = people(average)?;
    let annual = amount
        .checked_mul(Decimal::from(12))
        .ok_or(Reason::TooLarge)?
        / Decimal::from(months.max(1));
    Ok(Exact(to_cents(
        annual.checked_div(people).ok_or(Reason::TooLarge)?,
    )))
}

struct Opex {
    /// The total of the cost lines, or why there is none (kept for operating income's reason).
    value: Result<Decimal, Reason>,
    per_employee: Option<Exact>,
    growth_yoy: Option<f64>,
}

/// Operating expenses: the sum of the cost lines, like for like with every other period.
fn opex(cx: &mut Context, per_employee: &dyn Fn(Decimal) -> Result<Exact, Reason>) -> Opex {
    let period = cx.period;
    let missing_lines: Vec<&str> = cx
        .all_lines
        .iter()
        .copied()
        .filter(|name| !period.costs.contains_key(*name))
        .collect();
    let value = if period.costs.is_empty() {
        Err(Reason::NoCostLines)
    } else if !missing_lines.is_empty() {
        Err(Reason::IncompleteLines {
            lines: missing_lines.iter().map(|l| l.to_string()).collect(),
        })
    } else {
        period
            .costs
            .values()
            .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
            .ok_or(Reason::TooLarge)
    };
    let per_employee = cx
        .na
        .take("opex_per_employee", value.clone().and_then(per_employee));
    let all_lines = cx.all_lines;
    let first = cx.first;
    let growth_yoy = cx.na.take(
        "opex_growth_yoy_pct",
        value.clone().and_then(|opex| {
            compared(cx.year_earlier, period, Compared::YearEarlier, first, |p| {
                sum_costs(p, all_lines)
            })
            .and_then(|before| growth_of(opex, before, Compared::YearEarlier, "opex"))
        }),
    );
    cx.na.take("opex", value.clone());
    Opex {
        value,
        per_employee,
        growth_yoy,
    }
}

struct Profit {
    operating_income: Option<Decimal>,
    source: Option<&'static str>,
    unlisted: Option<Decimal>,
}

/// Operating income (reported, else derived), margins and unlisted costs.
fn profitability(cx: &mut Context, opex_value: &Result<Decimal, Reason>) -> Profit {
    let period = cx.period;
    let opex = opex_value.as_ref().ok().copied();
    let (operating_income, source) = match (period.operating_income, opex) {
        (Some(reported), _) => (Some(reported), Some("reported")),
        (None, Some(opex)) => match period.revenue.checked_sub(opex) {
            Some(derived) => (Some(derived), Some("derived")),
            None => {
                cx.na.take::<()>("operating_income", Err(Reason::TooLarge));
                (None, None)
            }
        },
        (None, None) => {
            // Not reported, and not derivable for the reason opex is missing.
            cx.na
                .take::<()>("operating_income", Err(Reason::Needs { figure: "opex" }));
            (None, None)
        }
    };
    let unlisted = cx.na.take(
        "unlisted_costs",
        match (period.operating_income, opex) {
            (Some(reported), Some(opex)) => period
                .revenue
                .checked_sub(opex)
                .and_then(|derived| derived.checked_sub(reported))
                .ok_or(Reason::TooLarge)
                .and_then(|gap| {
                    if gap.is_zero() {
                        Err(Reason::NothingUnlisted)
                    } else {
                        Ok(gap)
                    }
                }),
            (_, None) => Err(Reason::Needs { figure: "opex" }),
            (None, Some(_)) => Err(Reason::NotGiven {
                figure: "operating_income",
            }),
        },
    );
    Profit {
        operating_income,
        source,
        unlisted,
    }
}

struct Ai {
    exposed_cost: Option<Decimal>,
    loaded_cost_per_employee: Option<Exact>,
    savings: Option<Decimal>,
}

/// AI-exposed cost, the loaded cost per employee and AI savings.
fn ai(
    cx: &mut Context,
    average: Option<Decimal>,
    per_employee: &dyn Fn(Decimal) -> Result<Exact, Reason>,
) -> Ai {
    let period = cx.period;
    let company = cx.company;
    let exposed: Vec<Decimal> = company
        .ai_exposed
        .iter()
        .filter_map(|name| period.costs.get(name).copied())
        .collect();
    let exposed_value = if company.ai_exposed.is_empty() {
        Err(Reason::NoAiExposedLines)
    } else if exposed.is_empty() {
        Err(Reason::AiExposedLinesAbsent {
            lines: company.ai_exposed.clone(),
        })
    } else {
        let absent: Vec<&str> = company
            .ai_exposed
            .iter()
            .map(String::as_str)
            .filter(|name| !period.costs.contains_key(*name))
            .collect();
        if !absent.is_empty() {
            let absent: Vec<String> = absent
                .iter()
                .map(|name| crate::format::line_name(name))
                .collect();
            cx.approximations.push(format!(
                "AI-exposed cost leaves out {}, which {} not in this period",
                absent.join(", "),
                if absent.len() == 1 { "is" } else { "are" }
            ));
        }
        exposed
            .iter()
            .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
            .ok_or(Reason::TooLarge)
    };
    let exposed_cost = cx.na.take("ai_exposed_cost", exposed_value);

    let personnel = period.personnel_cost.ok_or(Reason::NotGiven {
        figure: "personnel_cost",
    });
    let loaded_cost_per_employee = cx.na.take(
        "loaded_cost_per_employee",
        personnel.clone().and_then(per_employee),
    );
    // The AI's work is valued at the loaded cost per employee: without personnel cost there
    // is no rate, whatever the work done (so that reason is given first).
    let savings_value = personnel.clone().and_then(|cost| {
        let fte = period.ai.fte_equivalent.ok_or(Reason::NotGiven {
            figure: "ai_fte_equivalent",
        })?;
        let people = people(average)?;
        let per_person = cost.checked_div(people).ok_or(Reason::TooLarge)?;
        Ok(to_cents(
            fte.checked_mul(per_person).ok_or(Reason::TooLarge)?,
        ))
    });
    let savings = cx.na.take("ai_savings", savings_value);
    Ai {
        exposed_cost,
        loaded_cost_per_employee,
        savings,
    }
}

fn cost_lines(
    period: &Period,
    company: &Company,
    year_earlier: Option<&Period>,
    first: PeriodLabel,
    na: &mut Unavailable,
) -> LineMap<CostLineMetrics> {
    period
        .costs
        .iter()
        .map(|(name, &amount)| {
            let yoy_pct = na.take_with(
                || format!("cost_lines.{name}.yoy_pct"),
                compared(year_earlier, period, Compared::YearEarlier, first, |p| {
                    p.costs
                        .get(name)
                        .copied()
                        .ok_or_else(|| Reason::NoLineThen {
                            compared: Compared::YearEarlier,
                            line: name.clone(),
                        })
                })
                .and_then(|before| {
                    change_pct(amount, before).map_err(|why| {
                        let (compared, line) = (Compared::YearEarlier, name.clone());
                        match why {
                            NoPercent::NotMeaningful(NotMeaningful::ZeroBase) => {
                                Reason::LineZeroThen { compared, line }
                            }
                            NoPercent::NotMeaningful(NotMeaningful::NegativeBase) => {
                                Reason::LineNegativeThen { compared, line }
                            }
                            NoPercent::TooLarge => Reason::TooLarge,
                        }
                    })
                }),
            );
            let line = CostLineMetrics {
                amount: Exact(amount),
                // A formula tree, computed with the period's others.
                pct_of_revenue: None,
                yoy_pct,
                ai_exposed: company.ai_exposed.contains(name),
            };
            (name.clone(), line)
        })
        .collect()
}

/// Total opex of another period, only when it lists every cost line (like for like).
fn sum_costs(period: &Period, all_lines: &[&str]) -> Result<Decimal, Reason> {
    if period.costs.is_empty()
        || all_lines
            .iter()
            .any(|name| !period.costs.contains_key(*name))
    {
        return Err(Reason::IncompleteLinesThen {
            compared: Compared::YearEarlier,
        });
    }
    period
        .costs
        .values()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
        .ok_or(Reason::TooLarge)
}

/// A value from the period `relation` looks back to from `label`, or why it is missing:
/// before `first`, the first period of the series, or a gap in the series.
/// The figure `value` reads from `other`, the period `relation` looks back to from `this`, or
/// why there is none. A year to date is never compared with a year (either way).
fn compared(
    other: Option<&Period>,
    this: &Period,
    relation: Compared,
    first: PeriodLabel,
    value: impl Fn(&Period) -> Result<Decimal, Reason>,
) -> Result<Decimal, Reason> {
    let label = this.label;
    if relation == Compared::YearEarlier {
        let partial = [Some(this), other]
            .into_iter()
            .flatten()
            .find_map(|p| match p.coverage {
                Coverage::YearToDate { months } => Some((p.label, months)),
                _ => None,
            });
        if let Some((year, months)) = partial {
            return Err(Reason::PartialYear { year, months });
        }
    }
    let other_label = match relation {
        Compared::YearEarlier => label.year_earlier(),
        Compared::Previous => label.previous(),
    };
    match other {
        Some(period) => value(period),
        None if other_label.ordinal() < first.ordinal() => Err(Reason::BeforeFirst { first }),
        None => Err(Reason::NoPeriod { compared: relation }),
    }
}

fn growth_of(
    after: Decimal,
    before: Decimal,
    relation: Compared,
    figure: &'static str,
) -> Result<f64, Reason> {
    change_pct(after, before).map_err(|why| match why {
        NoPercent::NotMeaningful(NotMeaningful::ZeroBase) => Reason::ZeroThen {
            compared: relation,
            figure,
        },
        NoPercent::NotMeaningful(NotMeaningful::NegativeBase) => Reason::NegativeThen {
            compared: relation,
            figure,
        },
        NoPercent::TooLarge => Reason::TooLarge,
    })
}

/// Two inputs of a combined metric (their catalogue keys in `keys`), or the first that is
/// missing, whose own reason the combined metric takes.
fn both(a: Option<f64>, b: Option<f64>, keys: [&'static str; 2]) -> Result<(f64, f64), Reason> {
    match (a, b) {
        (Some(a), Some(b)) => Ok((a, b)),
        (None, _) => Err(Reason::Needs { figure: keys[0] }),
        (Some(_), None) => Err(Reason::Needs { figure: keys[1] }),
    }
}

/// The "unlisted costs" warning for a period whose reported operating income differs from
/// revenue minus its listed cost lines.
pub fn unlisted_costs_warning(metrics: &PeriodMetrics, company: &Company) -> Option<Warning> {
    let unlisted = metrics.unlisted_costs?.0;
    // In the scale the user typed the figures in: "$82M", as the input reads, not "$82.0M".
    let money = |v: Decimal| {
        crate::format::money_in_scale(
            v / company.scale.factor(),
            company.scale.suffix(),
            &company.currency,
        )
    };
    let reported = money(metrics.operating_income?.0);
    let derived = money(metrics.revenue.0.checked_sub(metrics.opex?.0)?);
    let (kind, word) = if unlisted.is_sign_positive() {
        ("unlisted costs such as D&A", "below")
    } else {
        ("unlisted income or credits", "above")
    };
    Some(Warning::new(
        Some(metrics.label.to_string()),
        WarningKind::UnlistedCosts,
        format!(
            "{}: reported operating income of {reported} is {} {word} revenue minus the listed \
             cost lines ({derived}): {kind}",
            metrics.label,
            money(unlisted.abs()),
        ),
    ))
}
