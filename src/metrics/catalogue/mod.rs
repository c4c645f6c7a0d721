//! The metric catalogue: the one place that says what each metric is. Its key (the JSON name in
//! `metrics.json`, public API: never reused), its display name, unit, polarity, the series it
//! applies to, how to read its value from a period, its formula in words and why it can be
//! unavailable.
//!
//! Every output reads this list and keeps none of its own: the brief's tables and headline, the
//! methodology section, `compare` (terminal, Markdown, HTML, JSON), `check` and the generated
//! region of `docs/metrics.md`. Catalogue order is the order rows appear in. The views that show
//! a selection (the headline, the Peers table, compare's chart, the site index, the cash margins
//! chart) read each entry's `picks` ([`picks`]). Adding a metric is one entry here, its
//! computation in `period.rs` and a test with values computed by hand.

pub mod docs;
pub mod picks;
pub mod workbook;

use serde::{Deserialize, Serialize};

use super::{CostLineMetrics, PeriodMetrics};
use crate::money::Exact;
use crate::period::PeriodKind;
pub use picks::{picked, Picks, View};
use picks::{Headline, HeadlineChange, Shown};
use workbook::{
    ai_exposed, ai_savings, average_headcount, combine, growth, growth_of, link, net_burn,
    operating_income, per_employee, points, quotient, runway_months, share, Field, InWorkbook,
    LineInWorkbook, Which,
};

/// How a metric is measured: the presentation's unit, which decides how a value reads.
pub use crate::format::Unit;

/// Whether a rise is good news: revenue up is good, cost up is bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    UpGood,
    DownGood,
    Neutral,
}

/// How a change reads for a metric: good news, bad news or neither; `na` when there is no
/// change to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Good,
    Bad,
    Neutral,
    Na,
}

impl Tone {
    /// The tone's name, as JSON and the HTML classes write it.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Bad => "bad",
            Tone::Neutral => "neutral",
            Tone::Na => "na",
        }
    }
}

impl Polarity {
    /// The tone of a change of this sign (-1, 0 or 1, as shown): the one rule every output uses.
    pub fn tone(self, sign: i8) -> Tone {
        match (self, sign) {
            (_, 0) | (Polarity::Neutral, _) => Tone::Neutral,
            (Polarity::UpGood, 1) | (Polarity::DownGood, -1) => Tone::Good,
            _ => Tone::Bad,
        }
    }

    /// The name a template passes (`polarity="down_good"`); unknown names read as up-good.
    pub fn from_name(name: &str) -> Polarity {
        match name {
            "down_good" => Polarity::DownGood,
            "neutral" => Polarity::Neutral,
            _ => Polarity::UpGood,
        }
    }
}

/// Which periods a metric applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    EveryPeriod,
    QuartersOnly,
}

impl Series {
    pub fn applies_to(self, kind: PeriodKind) -> bool {
        self == Series::EveryPeriod || kind == PeriodKind::Quarter
    }
}

/// The section of the brief whose table shows a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Growth,
    Efficiency,
    Costs,
    /// Gross margin, EBITDA, free cash flow, burn and runway.
    Cash,
    /// The company's own KPIs (`[[kpi]]`): no catalogue entry is in it.
    Kpis,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Growth,
        Section::Efficiency,
        Section::Costs,
        Section::Cash,
        Section::Kpis,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Section::Growth => "growth",
            Section::Efficiency => "efficiency",
            Section::Costs => "costs",
            Section::Cash => "cash",
            Section::Kpis => "kpis",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Growth => "Growth",
            Section::Efficiency => "Efficiency and AI",
            Section::Costs => "Cost structure and profitability",
            Section::Cash => "Profitability and cash",
            Section::Kpis => "Company KPIs",
        }
    }
}

/// A value: an exact amount (money, people) or a ratio.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Number {
    Exact(Exact),
    Float(f64),
}

impl Number {
    /// The value as a float, for ratios and drawing.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Exact(exact) => crate::format::to_f64(exact.0),
            Number::Float(value) => value,
        }
    }
}

impl From<Number> for crate::format::Figure {
    fn from(number: Number) -> Self {
        match number {
            Number::Exact(exact) => crate::format::Figure::exact(exact.0),
            Number::Float(value) => crate::format::Figure::float(value),
        }
    }
}

/// Whether a metric is read from the input or computed, and how, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    /// Read from the input as given (the scale applied).
    Input(&'static str),
    /// Computed; the words say how, with units and what is annualised.
    Computed(&'static str),
}

impl Formula {
    pub fn words(self) -> &'static str {
        match self {
            Formula::Input(words) | Formula::Computed(words) => words,
        }
    }
}

/// One metric of a period.
#[derive(Debug)]
pub struct Metric {
    /// The JSON key in `metrics.json` and in a period's `unavailable` map.
    pub key: &'static str,
    /// The one label every output uses.
    pub name: &'static str,
    pub unit: Unit,
    pub polarity: Polarity,
    pub series: Series,
    /// The brief's table that shows it.
    pub section: Section,
    /// The views beyond its table that show it (the headline, the Peers table, ...).
    pub picks: Picks,
    /// Whether the brief's tables show it (every metric is in compare and metrics.json).
    pub in_tables: bool,
    pub get: fn(&PeriodMetrics) -> Option<Number>,
    pub formula: Formula,
    /// Why it can be unavailable, in words (the period's `unavailable` map says which applied).
    pub unavailable: &'static str,
    /// Its formula in the analyst's workbook, over the cells of its operands (`workbook.rs`).
    pub workbook: InWorkbook,
}

impl Metric {
    /// The metric's value in a period.
    pub fn value(&self, period: &PeriodMetrics) -> Option<Number> {
        (self.get)(period)
    }
}

fn exact(value: Option<Exact>) -> Option<Number> {
    value.map(Number::Exact)
}

fn float(value: Option<f64>) -> Option<Number> {
    value.map(Number::Float)
}

const NO_YEAR_EARLIER: &str =
    "no period of the same label a year earlier, or its value is missing (n/m when it is zero or negative)";
const NO_HEADCOUNT: &str = "no period-end headcount, or an average headcount of zero";
const NO_COSTS: &str =
    "no cost lines, or the period lacks a line that other periods list (like for like)";

/// Every metric of a period, in the order the brief and compare show them.
pub const CATALOGUE: &[Metric] = {
    use Formula::{Computed, Input};
    use Polarity::{DownGood, Neutral, UpGood};
    use Section::{Cash, Costs, Efficiency, Growth as GrowthSection};
    use Series::{EveryPeriod, QuartersOnly};
    &[
        Metric {
            key: "revenue",
            name: "Revenue",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: GrowthSection,
            picks: Picks { headline: Some(Headline { rank: 1, change: HeadlineChange::Noted("revenue_growth_yoy_pct"), shown: Shown::Always }), peers: Some(1), site_index: Some(1), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(Some(p.revenue)),
            formula: Input("revenue as reported, in currency"),
            unavailable: "never: every period has revenue",
            workbook: InWorkbook::Formula(|c| link(c, Field::Revenue)),
        },
        Metric {
            key: "revenue_growth_yoy_pct",
            name: "Revenue growth, YoY",
            unit: Unit::Growth,
            polarity: UpGood,
            series: EveryPeriod,
            section: GrowthSection,
            picks: Picks { peers: Some(2), compare_chart: Some(1), site_index: Some(2), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.revenue_growth_yoy_pct),
            formula: Computed("(revenue − revenue of the same period a year earlier, found by label) ÷ that revenue × 100, in %; n/m (not meaningful) when that revenue is zero or negative"),
            unavailable: NO_YEAR_EARLIER,
            workbook: InWorkbook::Formula(|c| growth_of(c, Field::Revenue, Which::YearEarlier)),
        },
        Metric {
            key: "revenue_growth_qoq_pct",
            name: "Revenue growth, QoQ",
            unit: Unit::Growth,
            polarity: UpGood,
            series: QuartersOnly,
            section: GrowthSection,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| float(p.revenue_growth_qoq_pct),
            formula: Computed("(revenue − revenue of the previous quarter) ÷ that revenue × 100, in %; quarters only; n/m when that revenue is zero or negative"),
            unavailable: "not a quarter, or no previous quarter (n/m when its revenue is zero or negative)",
            workbook: InWorkbook::Formula(|c| growth_of(c, Field::Revenue, Which::Previous)),
        },
        Metric {
            key: "headcount_end",
            name: "Headcount, period end",
            unit: Unit::People,
            polarity: Neutral,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { headline: Some(Headline { rank: 3, change: HeadlineChange::Metric("headcount_change_yoy_pct"), shown: Shown::Always }), site_index: Some(6), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.headcount_end),
            formula: Input("people employed at the end of the period, as reported"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::HeadcountEnd)),
        },
        Metric {
            key: "avg_headcount",
            name: "Average headcount",
            unit: Unit::People,
            polarity: Neutral,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.avg_headcount),
            formula: Computed("(headcount at start + headcount at end) ÷ 2, in people; the start defaults to the previous period's end; without either, the end alone (listed as an approximation)"),
            unavailable: "the input gives no period-end headcount",
            workbook: InWorkbook::Formula(average_headcount),
        },
        Metric {
            key: "headcount_change_yoy_pct",
            name: "Headcount change, YoY",
            unit: Unit::Growth,
            polarity: Neutral,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { peers: Some(9), compare_chart: Some(5), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.headcount_change_yoy_pct),
            formula: Computed("(headcount at end − headcount at end a year earlier) ÷ that headcount × 100, in %; n/m when that headcount is zero"),
            unavailable: NO_YEAR_EARLIER,
            workbook: InWorkbook::Formula(|c| growth_of(c, Field::HeadcountEnd, Which::YearEarlier)),
        },
        Metric {
            key: "growth_minus_headcount_growth_pp",
            name: "Growth minus headcount growth",
            unit: Unit::Pp,
            polarity: UpGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| float(p.growth_minus_headcount_growth_pp),
            formula: Computed("revenue growth YoY − headcount change YoY, in percentage points"),
            unavailable: "either growth rate is unavailable",
            workbook: InWorkbook::Formula(|c| points(c, "revenue_growth_yoy_pct", '-', "headcount_change_yoy_pct")),
        },
        Metric {
            key: "revenue_per_employee",
            name: "Revenue per employee (annualised)",
            unit: Unit::Money,
            polarity: UpGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { headline: Some(Headline { rank: 2, change: HeadlineChange::YearEarlier, shown: Shown::Always }), peers: Some(5), site_index: Some(5), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.revenue_per_employee),
            formula: Computed("revenue × periods per year (quarter 4, half 2, year 1) ÷ average headcount, in currency per person per year, rounded to the cent"),
            unavailable: NO_HEADCOUNT,
            workbook: InWorkbook::Formula(|c| per_employee(c, "revenue")),
        },
        Metric {
            key: "opex",
            name: "Operating expenses",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.opex),
            formula: Computed("sum of the cost lines, in currency; n/a when the period lacks a line that other periods list"),
            unavailable: NO_COSTS,
            workbook: InWorkbook::Formula(|c| Some(format!("SUM({})", c.all_lines(Which::This)?))),
        },
        Metric {
            key: "opex_pct_of_revenue",
            name: "Opex, % of revenue",
            unit: Unit::Pct,
            polarity: DownGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks { compare_chart: Some(4), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.opex_pct_of_revenue),
            formula: Computed("opex ÷ revenue × 100, in %"),
            unavailable: "no opex, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "opex")),
        },
        Metric {
            key: "opex_growth_yoy_pct",
            name: "Opex growth, YoY",
            unit: Unit::Growth,
            polarity: DownGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| float(p.opex_growth_yoy_pct),
            formula: Computed("(opex − opex a year earlier) ÷ that opex × 100, in %; both periods must list every cost line; n/m when that opex is zero or negative"),
            unavailable: "no opex in this period or a year earlier",
            workbook: InWorkbook::Formula(|c| Some(growth(c.metric(Which::This, "opex")?, c.metric(Which::YearEarlier, "opex")?))),
        },
        Metric {
            key: "opex_per_employee",
            name: "Opex per employee (annualised)",
            unit: Unit::Money,
            polarity: DownGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { peers: Some(6), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.opex_per_employee),
            formula: Computed("opex × periods per year ÷ average headcount, in currency per person per year, rounded to the cent"),
            unavailable: "no opex, or no average headcount",
            workbook: InWorkbook::Formula(|c| per_employee(c, "opex")),
        },
        Metric {
            key: "operating_income",
            name: "Operating income",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.operating_income),
            formula: Computed("as reported; else revenue − opex (marked derived), in currency"),
            unavailable: "not reported and no complete cost lines to derive it from",
            workbook: InWorkbook::Formula(operating_income),
        },
        Metric {
            key: "operating_margin_pct",
            name: "Operating margin",
            unit: Unit::Pct,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks { headline: Some(Headline { rank: 4, change: HeadlineChange::YearEarlier, shown: Shown::Always }), peers: Some(3), compare_chart: Some(2), site_index: Some(3), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.operating_margin_pct),
            formula: Computed("operating income ÷ revenue × 100, in %"),
            unavailable: "no operating income, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "operating_income")),
        },
        Metric {
            key: "adjusted_operating_income",
            name: "Adjusted operating income",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks::NONE,
            in_tables: false,
            get: |p| exact(p.adjusted_operating_income),
            formula: Input("adjusted (non-GAAP) operating income as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::AdjustedOperatingIncome)),
        },
        Metric {
            key: "adjusted_operating_margin_pct",
            name: "Adjusted operating margin",
            unit: Unit::Pct,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks { headline: Some(Headline { rank: 5, change: HeadlineChange::None, shown: Shown::InPlaceOf("operating_margin_pct") }), compare_chart: Some(3), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.adjusted_operating_margin_pct),
            formula: Computed("adjusted (non-GAAP) operating income as reported ÷ revenue × 100, in %"),
            unavailable: "no adjusted_operating_income, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "adjusted_operating_income")),
        },
        Metric {
            key: "unlisted_costs",
            name: "Unlisted costs (e.g. D&A)",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.unlisted_costs),
            formula: Computed("revenue − opex − reported operating income, in currency: costs not in the listed lines, such as depreciation and amortisation; only when it is not zero"),
            unavailable: "no reported operating income or no opex, or nothing is unlisted",
            workbook: InWorkbook::Formula(|c| Some(format!("{}-{}-{}", c.metric(Which::This, "revenue")?, c.metric(Which::This, "opex")?, c.input(Which::This, Field::OperatingIncome)?))),
        },
        Metric {
            key: "rule_of_40",
            name: "Rule of 40",
            unit: Unit::Points,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks { headline: Some(Headline { rank: 6, change: HeadlineChange::AgainstBar, shown: Shown::Always }), peers: Some(4), compare_chart: Some(6), site_index: Some(4), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.rule_of_40),
            formula: Computed("revenue growth YoY % + a margin %, in points: the operating margin unless rule_of_40_margin in [readiness] says \"ebitda\" (EBITDA margin) or \"fcf\" (free-cash-flow margin); the scorecard's threshold (40 by default) is the bar"),
            unavailable: "no revenue growth YoY or no margin of the kind chosen",
            workbook: InWorkbook::Formula(|c| points(c, "revenue_growth_yoy_pct", '+', c.rule_of_40_margin())),
        },
        Metric {
            key: "cost_of_revenue",
            name: "Cost of revenue",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: false,
            get: |p| exact(p.cost_of_revenue),
            formula: Input("cost of revenue (cost of sales) as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::CostOfRevenue)),
        },
        Metric {
            key: "gross_profit",
            name: "Gross profit",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.gross_profit),
            formula: Computed("revenue − cost of revenue, in currency"),
            unavailable: "no cost of revenue",
            workbook: InWorkbook::Formula(|c| combine(c, "revenue", '-', "cost_of_revenue")),
        },
        Metric {
            key: "gross_margin_pct",
            name: "Gross margin",
            unit: Unit::Pct,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { headline: Some(Headline { rank: 8, change: HeadlineChange::YearEarlier, shown: Shown::WhenGiven }), cash_margins: Some(1), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.gross_margin_pct),
            formula: Computed("gross profit ÷ revenue × 100, in %"),
            unavailable: "no gross profit, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "gross_profit")),
        },
        Metric {
            key: "depreciation_amortization",
            name: "Depreciation and amortisation",
            unit: Unit::Amount,
            polarity: Neutral,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: false,
            get: |p| exact(p.depreciation_amortization),
            formula: Input("depreciation and amortisation as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::DepreciationAmortization)),
        },
        Metric {
            key: "ebitda",
            name: "EBITDA",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.ebitda),
            formula: Computed("operating income (as reported, else derived) + depreciation and amortisation, in currency; reported, not adjusted"),
            unavailable: "no operating income, or no depreciation and amortisation",
            workbook: InWorkbook::Formula(|c| combine(c, "operating_income", '+', "depreciation_amortization")),
        },
        Metric {
            key: "ebitda_margin_pct",
            name: "EBITDA margin",
            unit: Unit::Pct,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { headline: Some(Headline { rank: 9, change: HeadlineChange::YearEarlier, shown: Shown::WhenGiven }), cash_margins: Some(2), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.ebitda_margin_pct),
            formula: Computed("EBITDA ÷ revenue × 100, in %"),
            unavailable: "no EBITDA, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "ebitda")),
        },
        Metric {
            key: "operating_cash_flow",
            name: "Operating cash flow",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.operating_cash_flow),
            formula: Input("net cash from operating activities as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::OperatingCashFlow)),
        },
        Metric {
            key: "capex",
            name: "Capital expenditure",
            unit: Unit::Amount,
            polarity: Neutral,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.capex),
            formula: Input("payments for property, plant and equipment (capex) as reported, a positive amount, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::Capex)),
        },
        Metric {
            key: "free_cash_flow",
            name: "Free cash flow",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { headline: Some(Headline { rank: 10, change: HeadlineChange::None, shown: Shown::WhenGiven }), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.free_cash_flow),
            formula: Computed("operating cash flow − capex, in currency over the period"),
            unavailable: "no operating cash flow or no capital expenditure",
            workbook: InWorkbook::Formula(|c| combine(c, "operating_cash_flow", '-', "capex")),
        },
        Metric {
            key: "fcf_margin_pct",
            name: "Free-cash-flow margin",
            unit: Unit::Pct,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { cash_margins: Some(3), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.fcf_margin_pct),
            formula: Computed("free cash flow ÷ revenue × 100, in %"),
            unavailable: "no free cash flow, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "free_cash_flow")),
        },
        Metric {
            key: "stock_based_compensation",
            name: "Stock-based compensation",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: false,
            get: |p| exact(p.stock_based_compensation),
            formula: Input("stock-based (share-based) compensation expense as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::StockBasedCompensation)),
        },
        Metric {
            key: "sbc_pct_of_revenue",
            name: "Stock-based compensation, % of revenue",
            unit: Unit::Pct,
            polarity: DownGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| float(p.sbc_pct_of_revenue),
            formula: Computed("stock-based compensation ÷ revenue × 100, in %"),
            unavailable: "no stock-based compensation, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "stock_based_compensation")),
        },
        Metric {
            key: "cash",
            name: "Cash, period end",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.cash),
            formula: Input("cash and cash equivalents at the end of the period as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::Cash)),
        },
        Metric {
            key: "net_burn",
            name: "Net burn",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.net_burn),
            formula: Computed("capex − operating cash flow (= −free cash flow), in currency over the period; only while it is above zero"),
            unavailable: "no free cash flow, or not burning (free cash flow is zero or more)",
            workbook: InWorkbook::Guarded(net_burn),
        },
        Metric {
            key: "runway_months",
            name: "Cash runway",
            unit: Unit::Months,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { headline: Some(Headline { rank: 11, change: HeadlineChange::None, shown: Shown::WhenGiven }), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.runway_months),
            formula: Computed("cash at period end ÷ monthly net burn, in months; the monthly burn is the period's net burn ÷ its months (a quarter's ÷ 3, a half's ÷ 6, a year's ÷ 12); only while burning, never negative; beyond 120 months shown as \"more than 10 years\" (and drawn at 120)"),
            unavailable: "not burning (no runway to count), or no net burn or no cash",
            workbook: InWorkbook::Guarded(runway_months),
        },
        Metric {
            key: "personnel_cost",
            name: "Personnel cost",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: false,
            get: |p| exact(p.personnel_cost),
            formula: Input("salaries, benefits and payroll taxes as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::PersonnelCost)),
        },
        Metric {
            key: "loaded_cost_per_employee",
            name: "Loaded cost per employee (annualised)",
            unit: Unit::Money,
            polarity: Neutral,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { peers: Some(7), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.loaded_cost_per_employee),
            formula: Computed("personnel cost × periods per year ÷ average headcount, in currency per person per year, rounded to the cent"),
            unavailable: "no personnel_cost, or no average headcount",
            workbook: InWorkbook::Formula(|c| per_employee(c, "personnel_cost")),
        },
        Metric {
            key: "ai_exposed_cost",
            name: "AI-exposed cost",
            unit: Unit::Amount,
            polarity: DownGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.ai_exposed_cost),
            formula: Computed(
                "sum of the cost lines the company marks as AI-exposed, in currency",
            ),
            unavailable: "no cost line is marked AI-exposed, or none of them is in the period",
            workbook: InWorkbook::Formula(ai_exposed),
        },
        Metric {
            key: "ai_exposed_pct_of_revenue",
            name: "AI-exposed cost, % of revenue",
            unit: Unit::Pct,
            polarity: DownGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks { headline: Some(Headline { rank: 7, change: HeadlineChange::YearEarlier, shown: Shown::WhenGiven }), peers: Some(8), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.ai_exposed_pct_of_revenue),
            formula: Computed("AI-exposed cost ÷ revenue × 100, in %"),
            unavailable: "no AI-exposed cost, or revenue is zero",
            workbook: InWorkbook::Formula(|c| share(c, "ai_exposed_cost")),
        },
        Metric {
            key: "ai_fte_equivalent",
            name: "AI work, full-time equivalents",
            unit: Unit::People,
            polarity: UpGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.ai_fte_equivalent),
            formula: Input("work done by AI in the period, in full-time people, as reported"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::AiFteEquivalent)),
        },
        Metric {
            key: "ai_spend",
            name: "AI spend",
            unit: Unit::Amount,
            polarity: Neutral,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.ai_spend),
            formula: Input("money spent on AI in the period, as reported, in currency"),
            unavailable: "not given in the input",
            workbook: InWorkbook::Formula(|c| link(c, Field::AiSpend)),
        },
        Metric {
            key: "ai_savings",
            name: "AI savings",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| exact(p.ai_savings),
            formula: Computed("AI work in full-time equivalents × personnel cost ÷ average headcount, in currency for the period (not annualised), rounded to the cent"),
            unavailable: "no ai.fte_equivalent, no personnel_cost or no average headcount",
            workbook: InWorkbook::Formula(ai_savings),
        },
        Metric {
            key: "ai_roi",
            name: "AI return on spend",
            unit: Unit::Ratio,
            polarity: UpGood,
            series: EveryPeriod,
            section: Efficiency,
            picks: Picks::NONE,
            in_tables: true,
            get: |p| float(p.ai_roi),
            formula: Computed("AI savings ÷ AI spend, a multiple"),
            unavailable: "no AI savings, or no (or zero) ai.spend",
            workbook: InWorkbook::Formula(|c| quotient(c, "ai_savings", "ai_spend")),
        },
    ]
};

/// A metric of each cost line in a period (`cost_lines.<name>.<key>` in `metrics.json`).
#[derive(Debug)]
pub struct LineMetric {
    pub key: &'static str,
    /// The name after the line's own: "Customer service, % of revenue".
    pub suffix: &'static str,
    pub name: &'static str,
    pub unit: Unit,
    pub polarity: Polarity,
    pub get: fn(&CostLineMetrics) -> Option<Number>,
    pub formula: Formula,
    pub unavailable: &'static str,
    pub workbook: LineInWorkbook,
}

/// The metrics of every cost line.
pub const LINE_CATALOGUE: &[LineMetric] = &[
    LineMetric {
        key: "amount",
        suffix: "",
        name: "Cost line",
        unit: Unit::Amount,
        polarity: Polarity::DownGood,
        get: |l| Some(Number::Exact(l.amount)),
        formula: Formula::Input("the line's amount as reported, in currency"),
        unavailable: "the period does not list the line",
        workbook: LineInWorkbook::Formula(|c, line| c.line(Which::This, line)),
    },
    LineMetric {
        key: "pct_of_revenue",
        suffix: ", % of revenue",
        name: "Cost line, % of revenue",
        unit: Unit::Pct,
        polarity: Polarity::DownGood,
        get: |l| l.pct_of_revenue.map(Number::Float),
        formula: Formula::Computed("line ÷ revenue × 100, in %"),
        unavailable: "the period does not list the line, or revenue is zero",
        workbook: LineInWorkbook::Formula(|c, line| {
            Some(format!(
                "{}/{}",
                c.line(Which::This, line)?,
                c.input(Which::This, Field::Revenue)?
            ))
        }),
    },
    LineMetric {
        key: "yoy_pct",
        suffix: ", growth YoY",
        name: "Cost line growth, YoY",
        unit: Unit::Growth,
        polarity: Polarity::DownGood,
        get: |l| l.yoy_pct.map(Number::Float),
        formula: Formula::Computed(
            "(line − the same line a year earlier) ÷ that line × 100, in %; n/m (not meaningful) when that line is zero or negative",
        ),
        unavailable: NO_YEAR_EARLIER,
        workbook: LineInWorkbook::Formula(|c, line| {
            Some(growth(
                c.line(Which::This, line)?,
                c.line(Which::YearEarlier, line)?,
            ))
        }),
    },
];

/// Looks a metric up by key.
pub fn metric(key: &str) -> Option<&'static Metric> {
    CATALOGUE.iter().find(|m| m.key == key)
}

/// Looks a metric up by key, for keys written in the code. A key that is not in the catalogue
/// is a programming error, never a user's: it panics (the catalogue tests ask for every key the
/// code names), rather than showing another metric in its place.
pub fn known(key: &str) -> &'static Metric {
    match metric(key) {
        Some(metric) => metric,
        None => panic!("`{key}` is not a metric of the catalogue"),
    }
}

#[cfg(test)]
mod tests;
