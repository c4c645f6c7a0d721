//! The metric catalogue: the one place that says what each metric is. Its key (the JSON name in
//! `metrics.json`, public API: never reused), its display name, unit, polarity, the series it
//! applies to, how to read its value from a period, its formula and why it can be unavailable.
//!
//! A metric that is arithmetic over other metrics (a share of revenue, a difference, a sum, a
//! ratio) is a formula tree ([`Formula::Tree`], in the language of company KPIs): the one tree
//! gives its value, its words in the methodology and its formula in the workbook. Any other is
//! read from the input or computed by code in `period.rs`, and its entry says why it is not a
//! tree ([`Formula::Code`]).
//!
//! Every output reads this list and keeps none of its own: the brief's tables and headline, the
//! methodology section, `compare` (terminal, Markdown, HTML, JSON), `check` and the generated
//! region of `docs/metrics.md`. Catalogue order is the order rows appear in. The views that show
//! a selection (the headline, the Peers table, compare's chart, the site index, the cash margins
//! chart) read each entry's `picks` ([`picks`]). Adding a metric is one entry here (with its
//! tree, or its computation in `period.rs`), its field in `PeriodMetrics` and a test with values
//! computed by hand.

pub mod docs;
mod fraction;
pub mod picks;
pub mod tree;
mod value;
pub mod workbook;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{CostLineMetrics, PeriodMetrics};
use crate::money::Exact;
use crate::period::PeriodKind;
pub use picks::{picked, Picks, View};
use picks::{Headline, HeadlineChange, Shown};
pub use tree::{Place, Slot, Tree};
pub use value::evaluate;
use workbook::{
    ai_exposed, ai_savings, average_headcount, growth, growth_of, link, net_burn, operating_income,
    per_employee, points, runway_months, Field, InWorkbook, LineInWorkbook, Which,
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

/// Whether a metric is read from the input or computed, and how.
#[derive(Debug, Clone, Copy)]
pub enum Formula {
    /// Read from the input as given (the scale applied).
    Input(&'static str),
    /// Computed by Rust code (`period.rs`, `cash.rs`): how, in words (with units and what is
    /// annualised), and why it is not a formula tree.
    Code {
        words: &'static str,
        why: &'static str,
    },
    /// Arithmetic over other metrics: the one tree gives the value, the words and the
    /// workbook's formula.
    Tree(Tree),
}

impl Formula {
    /// How the metric is had, in words; a tree's in the unit given.
    pub fn words(self, unit: Unit) -> Cow<'static, str> {
        match self {
            Formula::Input(words) | Formula::Code { words, .. } => Cow::Borrowed(words),
            Formula::Tree(tree) => Cow::Owned(tree.words(unit)),
        }
    }

    /// Whether the value is read from the input as given.
    pub fn is_input(self) -> bool {
        matches!(self, Formula::Input(_))
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

/// Why a growth rate is code: its base has guards.
const WHY_GROWTH: &str = "a growth rate: n/m when its base is zero or negative, and a year to date is never set against a full year";
/// Why an amount per employee is code.
const WHY_PER_EMPLOYEE: &str =
    "annualised by the months the period covers and rounded to the cent, which a formula does not say";

const NO_YEAR_EARLIER: &str =
    "no period of the same label a year earlier, or its value is missing (n/m when it is zero or negative)";
const NO_HEADCOUNT: &str = "no period-end headcount, or an average headcount of zero";
const NO_COSTS: &str =
    "no cost lines, or the period lacks a line that other periods list (like for like)";

/// Every metric of a period, in the order the brief and compare show them.
pub const CATALOGUE: &[Metric] = {
    use Formula::{Code, Input};
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
            formula: Code { words: "(revenue − revenue of the same period a year earlier, found by label) ÷ that revenue × 100, in %; n/m (not meaningful) when that revenue is zero or negative", why: WHY_GROWTH },
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
            formula: Code { words: "(revenue − revenue of the previous quarter) ÷ that revenue × 100, in %; quarters only; n/m when that revenue is zero or negative", why: WHY_GROWTH },
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
            formula: Code { words: "(headcount at start + headcount at end) ÷ 2, in people; the start defaults to the previous period's end; without either, the end alone (listed as an approximation)", why: "a fallback: the start is the previous period's end when the input gives none, else the end alone" },
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
            formula: Code { words: "(headcount at end − headcount at end a year earlier) ÷ that headcount × 100, in %; n/m when that headcount is zero", why: WHY_GROWTH },
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
            formula: Formula::Tree(Tree { formula: "revenue_growth_yoy_pct - headcount_change_yoy_pct", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.growth_minus_headcount_growth_pp)) }),
            unavailable: "either growth rate is unavailable",
            workbook: InWorkbook::Tree,
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
            formula: Code { words: "revenue × periods per year (quarter 4, half 2, year 1) ÷ average headcount, in currency per person per year, rounded to the cent", why: WHY_PER_EMPLOYEE },
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
            formula: Code { words: "sum of the cost lines, in currency; n/a when the period lacks a line that other periods list", why: "a sum over whichever cost lines the company lists, like for like with every other period" },
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
            formula: Formula::Tree(Tree { formula: "opex / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.opex_pct_of_revenue)) }),
            unavailable: "no opex, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            formula: Code { words: "(opex − opex a year earlier) ÷ that opex × 100, in %; both periods must list every cost line; n/m when that opex is zero or negative", why: WHY_GROWTH },
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
            formula: Code { words: "opex × periods per year ÷ average headcount, in currency per person per year, rounded to the cent", why: WHY_PER_EMPLOYEE },
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
            formula: Code { words: "as reported; else revenue − opex (marked derived), in currency", why: "a fallback: the reported figure, else derived (and marked so)" },
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
            formula: Formula::Tree(Tree { formula: "operating_income / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.operating_margin_pct)) }),
            unavailable: "no operating income, or revenue is zero",
            workbook: InWorkbook::Tree,
        },
        Metric {
            key: "adjusted_operating_income",
            name: "Adjusted operating income",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Costs,
            picks: Picks { gaap_base: Some("operating_income"), ..Picks::NONE },
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
            picks: Picks { compare_chart: Some(3), gaap_base: Some("operating_margin_pct"), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.adjusted_operating_margin_pct),
            formula: Formula::Tree(Tree { formula: "adjusted_operating_income / revenue * 100", detail: "; the operating income is the company's non-GAAP figure, as reported", slot: Place::Period(|p| Slot::Float(&mut p.adjusted_operating_margin_pct)) }),
            unavailable: "no adjusted_operating_income, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            formula: Code { words: "revenue − opex − reported operating income, in currency: costs not in the listed lines, such as depreciation and amortisation; only when it is not zero", why: "reads the reported operating income only, never the derived one, and is n/a when zero" },
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
            formula: Code { words: "revenue growth YoY % + a margin %, in points: the operating margin unless rule_of_40_margin in [readiness] says \"ebitda\" (EBITDA margin) or \"fcf\" (free-cash-flow margin); the scorecard's threshold (40 by default) is the bar", why: "the margin it adds is the company's choice (rule_of_40_margin in [readiness]), not a fixed operand" },
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
            formula: Formula::Tree(Tree { formula: "revenue - cost_of_revenue", detail: "", slot: Place::Period(|p| Slot::Exact(&mut p.gross_profit)) }),
            unavailable: "no cost of revenue",
            workbook: InWorkbook::Tree,
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
            formula: Formula::Tree(Tree { formula: "gross_profit / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.gross_margin_pct)) }),
            unavailable: "no gross profit, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            // D&A first: the first operand missing is the one a value's n/a names, and
            // without D&A there is no EBITDA whatever the operating income.
            formula: Formula::Tree(Tree { formula: "depreciation_amortization + operating_income", detail: "; operating income as reported, else derived; reported, not adjusted", slot: Place::Period(|p| Slot::Exact(&mut p.ebitda)) }),
            unavailable: "no operating income, or no depreciation and amortisation",
            workbook: InWorkbook::Tree,
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
            formula: Formula::Tree(Tree { formula: "ebitda / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.ebitda_margin_pct)) }),
            unavailable: "no EBITDA, or revenue is zero",
            workbook: InWorkbook::Tree,
        },
        Metric {
            key: "operating_cash_flow",
            name: "Operating cash flow",
            unit: Unit::Amount,
            polarity: UpGood,
            series: EveryPeriod,
            section: Cash,
            picks: Picks { headline: Some(Headline { rank: 10, change: HeadlineChange::None, shown: Shown::WhenGiven }), ..Picks::NONE },
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
            picks: Picks { headline: Some(Headline { rank: 11, change: HeadlineChange::None, shown: Shown::WhenGiven }), gaap_base: Some("operating_cash_flow"), ..Picks::NONE },
            in_tables: true,
            get: |p| exact(p.free_cash_flow),
            formula: Formula::Tree(Tree { formula: "operating_cash_flow - capex", detail: " over the period", slot: Place::Period(|p| Slot::Exact(&mut p.free_cash_flow)) }),
            unavailable: "no operating cash flow or no capital expenditure",
            workbook: InWorkbook::Tree,
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
            formula: Formula::Tree(Tree { formula: "free_cash_flow / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.fcf_margin_pct)) }),
            unavailable: "no free cash flow, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            formula: Formula::Tree(Tree { formula: "stock_based_compensation / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.sbc_pct_of_revenue)) }),
            unavailable: "no stock-based compensation, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            formula: Code { words: "capex − operating cash flow (= −free cash flow), in currency over the period; only while it is above zero", why: "a guard: only while free cash flow is below zero" },
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
            picks: Picks { headline: Some(Headline { rank: 12, change: HeadlineChange::None, shown: Shown::WhenGiven }), ..Picks::NONE },
            in_tables: true,
            get: |p| float(p.runway_months),
            formula: Code { words: "cash at period end ÷ monthly net burn, in months; the monthly burn is the period's net burn ÷ its months (a quarter's ÷ 3, a half's ÷ 6, a year's ÷ 12); only while burning, never negative; beyond 120 months shown as \"more than 10 years\" (and drawn at 120)", why: "a guard (only while burning) and the months the period covers" },
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
            formula: Code { words: "personnel cost × periods per year ÷ average headcount, in currency per person per year, rounded to the cent", why: WHY_PER_EMPLOYEE },
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
            formula: Code { words: "sum of the cost lines the company marks as AI-exposed, in currency", why: "a sum over the lines the company marks, whichever of them the period lists" },
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
            formula: Formula::Tree(Tree { formula: "ai_exposed_cost / revenue * 100", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.ai_exposed_pct_of_revenue)) }),
            unavailable: "no AI-exposed cost, or revenue is zero",
            workbook: InWorkbook::Tree,
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
            formula: Code { words: "AI work in full-time equivalents × personnel cost ÷ average headcount, in currency for the period (not annualised), rounded to the cent", why: "rounded to the cent, which a formula does not say" },
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
            formula: Formula::Tree(Tree { formula: "ai_savings / ai_spend", detail: "", slot: Place::Period(|p| Slot::Float(&mut p.ai_roi)) }),
            unavailable: "no AI savings, or no (or zero) ai.spend",
            workbook: InWorkbook::Tree,
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
        formula: Formula::Tree(Tree { formula: "costs.line / revenue * 100", detail: "", slot: Place::Line(|l| Slot::Float(&mut l.pct_of_revenue)) }),
        unavailable: "the period does not list the line, or revenue is zero",
        workbook: LineInWorkbook::Tree,
    },
    LineMetric {
        key: "yoy_pct",
        suffix: ", growth YoY",
        name: "Cost line growth, YoY",
        unit: Unit::Growth,
        polarity: Polarity::DownGood,
        get: |l| l.yoy_pct.map(Number::Float),
        formula: Formula::Code { words: "(line − the same line a year earlier) ÷ that line × 100, in %; n/m (not meaningful) when that line is zero or negative", why: WHY_GROWTH },
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
#[cfg(test)]
mod tests_prominence;
