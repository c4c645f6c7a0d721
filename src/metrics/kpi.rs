//! Company KPIs: what each name in a formula refers to (a period field, a metric, a cost
//! line, a value, another KPI), in which order KPIs are computed (a KPI may not depend on
//! itself, except through `prior`), whether the formula's unit fits the KPI's, and each
//! period's values, computed exactly. A value that cannot be computed is n/a with the reason
//! in the period's `unavailable` map under `kpis.<key>`.

use foldhash::HashMap;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use super::catalogue::{self, Metric, Number, Unit};
use super::reason::{Compared, Reason};
use super::PeriodMetrics;
use crate::diagnostic::{did_you_mean, InputError};
use crate::input::formula::{Expr, Name, Op};
use crate::input::{CompanyInput, Kpi, KpiUnit, LineMap, Period, ValueUnit, Warning, WarningKind};
use crate::money::Exact;
use crate::period::PeriodLabel;

/// Period fields a formula may read that are not metrics of their own.
const FIELDS: &[&str] = &["headcount_start"];

/// What a plain name in a KPI formula refers to.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    Kpi(usize),
    Metric(&'static Metric),
    HeadcountStart,
}

/// The dimension of a formula's value, for the unit check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dim {
    Money,
    People,
    Number,
}

impl Dim {
    fn words(self) -> &'static str {
        match self {
            Dim::Money => "money",
            Dim::People => "people",
            Dim::Number => "a plain number",
        }
    }

    fn of_kpi(unit: KpiUnit) -> Dim {
        match unit {
            KpiUnit::Money | KpiUnit::MoneyPerUnit => Dim::Money,
            KpiUnit::People => Dim::People,
            KpiUnit::Pct | KpiUnit::Ratio | KpiUnit::Number => Dim::Number,
        }
    }

    fn of_value(unit: ValueUnit) -> Dim {
        match unit {
            ValueUnit::Money => Dim::Money,
            ValueUnit::People => Dim::People,
            ValueUnit::Number | ValueUnit::Percent => Dim::Number,
        }
    }

    fn of_metric(unit: Unit) -> Dim {
        match unit {
            Unit::Amount | Unit::Money => Dim::Money,
            Unit::People => Dim::People,
            _ => Dim::Number,
        }
    }
}

/// The KPIs of an input, checked: the order to compute them in, and the lookup of names.
struct Resolved<'a> {
    order: Vec<usize>,
    targets: Targets<'a>,
}

/// Checks every KPI formula of the input: names, cycles and units. The error points at the
/// name, operator or formula it is about. Returns the warnings of formulas that are valid but
/// probably not what was meant: a `pct` KPI that is a share, not yet in percent.
pub fn check(input: &CompanyInput) -> Result<Vec<Warning>, InputError> {
    resolve(input)?;
    Ok(input
        .kpis
        .iter()
        .filter(|kpi| kpi.unit == KpiUnit::Pct && !in_percent(input, &kpi.expr))
        .map(|kpi| share_in_percent(input, kpi))
        .collect())
}

/// Whether a formula gives percent: it has the number 100 (`... * 100`, `100 * ...`), or
/// reads a percentage (a metric in % or pp, another `pct` KPI, a value in percent).
fn in_percent(input: &CompanyInput, expr: &Expr) -> bool {
    let mut found = false;
    expr.walk(&mut |node| match node {
        Expr::Number { value, .. } if *value == Decimal::ONE_HUNDRED => found = true,
        Expr::Name {
            name: Name::Value(value),
            ..
        } => found |= input.value_unit(value) == ValueUnit::Percent,
        Expr::Name {
            name: Name::Plain(plain),
            ..
        } => match target(input, plain) {
            Some(Target::Kpi(index)) if input.kpis[index].unit == KpiUnit::Pct => found = true,
            Some(Target::Metric(metric)) => {
                found |= matches!(
                    metric.unit,
                    Unit::Pct | Unit::Growth | Unit::Pp | Unit::Points
                )
            }
            _ => {}
        },
        _ => {}
    });
    found
}

/// The warning for a `pct` KPI whose formula is a share (0.021), shown as "0.0%".
fn share_in_percent(input: &CompanyInput, kpi: &Kpi) -> Warning {
    let message = format!(
        "KPI \"{}\" is in percent (unit = \"pct\") but its formula {} does not multiply by \
         100: a share such as 0.021 shows as 0.0%; did you mean ({}) * 100, or unit = \"ratio\"?",
        kpi.key, kpi.formula, kpi.formula
    );
    let formula = kpi.error(kpi.expr.at(), String::new()).location;
    let place = formula.map(|l| l.place(&input.source));
    Warning::new(None, WarningKind::PercentAsShare, message).at(place)
}

fn resolve(input: &CompanyInput) -> Result<Resolved<'_>, InputError> {
    let kpis = &input.kpis;
    let targets = Targets::new(input);
    for kpi in kpis {
        reserved(kpi)?;
    }
    for kpi in kpis {
        for (name, at) in kpi.expr.names() {
            known(&targets, kpi, name, at)?;
        }
    }
    let order = order(kpis, &targets)?;
    for &index in &order {
        let kpi = &kpis[index];
        let found = dim(&targets, kpi, &kpi.expr)?;
        let wanted = Dim::of_kpi(kpi.unit);
        if found != wanted {
            return Err(kpi
                .error(
                    kpi.expr.at(),
                    format!(
                        "the formula of KPI \"{}\" gives {}, but its unit is \"{}\"",
                        kpi.key,
                        found.words(),
                        kpi.unit.name()
                    ),
                )
                .with_help(
                    "money ÷ money is a ratio (× 100 for a pct), money ÷ people or ÷ a count \
                     (a value declared [values.<name>] unit = \"number\") is money_per_unit; \
                     a value is money unless declared: set unit to what the formula gives",
                ));
        }
    }
    for threshold in &input.readiness.kpi {
        if !targets.kpis.contains_key(threshold.key.as_str()) {
            let hint = did_you_mean(&threshold.key, kpis.iter().map(|k| k.key.as_str()))
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            return Err(InputError::new(
                input.source.clone(),
                format!(
                    "[[readiness.kpi]] names the KPI \"{}\", which no [[kpi]] defines",
                    threshold.key
                ),
            )
            .at(threshold.location.clone())
            .with_help(format!(
                "{hint}a threshold names the key of a [[kpi]] table"
            )));
        }
    }
    Ok(Resolved { order, targets })
}

/// What a plain name in a KPI formula refers to: another KPI (by its index in the input's
/// `[[kpi]]` tables) first, then a metric of the catalogue, then the headcount at the start.
/// For many names, [`Targets`] looks KPIs up by key instead of along the list.
pub fn target(input: &CompanyInput, name: &str) -> Option<Target> {
    if let Some(index) = input.kpis.iter().position(|k| k.key == name) {
        return Some(Target::Kpi(index));
    }
    builtin(name)
}

fn builtin(name: &str) -> Option<Target> {
    if let Some(metric) = catalogue::metric(name) {
        return Some(Target::Metric(metric));
    }
    (name == "headcount_start").then_some(Target::HeadcountStart)
}

/// [`target`] with the KPIs indexed by key, and the cost lines and values some period has: one
/// pass over the input, then every lookup in constant time, so checking is linear in the KPIs.
struct Targets<'a> {
    input: &'a CompanyInput,
    kpis: HashMap<&'a str, usize>,
    lines: foldhash::HashSet<&'a str>,
    values: foldhash::HashSet<&'a str>,
}

impl<'a> Targets<'a> {
    fn new(input: &'a CompanyInput) -> Self {
        let mut kpis = HashMap::default();
        for (index, kpi) in input.kpis.iter().enumerate() {
            kpis.entry(kpi.key.as_str()).or_insert(index);
        }
        let periods = || input.periods.iter();
        Targets {
            input,
            kpis,
            lines: periods()
                .flat_map(|p| p.costs.keys())
                .map(String::as_str)
                .collect(),
            values: periods()
                .flat_map(|p| p.values.keys())
                .map(String::as_str)
                .collect(),
        }
    }

    fn target(&self, name: &str) -> Option<Target> {
        match self.kpis.get(name) {
            Some(&index) => Some(Target::Kpi(index)),
            None => builtin(name),
        }
    }
}

/// Names a KPI key may not take: a KPI named like a metric, a period figure or a formula's
/// own word would hide it from every other formula (`opex` read as the KPI, not the metric).
fn reserved(kpi: &Kpi) -> Result<(), InputError> {
    let key = kpi.key.as_str();
    let what = if catalogue::metric(key).is_some() {
        "a built-in metric"
    } else if crate::input::FIGURES
        .iter()
        .any(|f| f.column == key || f.key == key)
        || FIELDS.contains(&key)
    {
        "a period figure"
    } else if ["costs", "values", "prior"].contains(&key) {
        "a word formulas use"
    } else {
        return Ok(());
    };
    Err(kpi
        .key_error(format!(
            "the KPI key \"{key}\" is the name of {what}, which formulas would no longer reach"
        ))
        .with_help(format!(
            "give the KPI a key of its own, such as company_{key}; docs/metrics.md lists the \
             metrics' keys"
        )))
}

/// Refuses a name the formula cannot read, with the nearest one it can.
fn known(
    targets: &Targets,
    kpi: &Kpi,
    name: &Name,
    at: std::ops::Range<usize>,
) -> Result<(), InputError> {
    let exists = match name {
        Name::Plain(plain) => targets.target(plain).is_some(),
        Name::Cost(line) => targets.lines.contains(line.as_str()),
        Name::Value(value) => targets.values.contains(value.as_str()),
    };
    if exists {
        return Ok(());
    }
    let input = targets.input;
    let names_of = |each: &dyn Fn(&Period) -> Vec<&String>| {
        crate::metrics::names_in_order(input.periods.iter().flat_map(each))
    };
    let (candidates, what): (Vec<String>, &str) = match name {
        Name::Plain(_) => (
            input
                .kpis
                .iter()
                .map(|k| k.key.clone())
                .chain(catalogue::CATALOGUE.iter().map(|m| m.key.to_string()))
                .chain(FIELDS.iter().map(|f| f.to_string()))
                .collect(),
            "a period field, metric or KPI",
        ),
        Name::Cost(_) => (
            names_of(&|p| p.costs.keys().collect())
                .iter()
                .map(|l| format!("costs.{l}"))
                .collect(),
            "a cost line of some period",
        ),
        Name::Value(_) => (
            names_of(&|p| p.values.keys().collect())
                .iter()
                .map(|v| format!("values.{v}"))
                .collect(),
            "a [period.values] name of some period",
        ),
    };
    let written = name.written();
    let hint = did_you_mean(&written, candidates.iter().map(String::as_str))
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    Err(kpi
        .error(
            at,
            format!(
                "unknown name `{written}` in the formula of KPI \"{}\": it is not {what}",
                kpi.key
            ),
        )
        .with_help(format!(
            "{hint}a formula reads period fields and metrics (revenue, opex, avg_headcount, \
             ...; docs/metrics.md lists them), costs.<line>, values.<name> and other KPIs"
        )))
}

/// The KPIs in an order where each comes after those it reads (outside `prior`), or the
/// error naming a cycle.
fn order(kpis: &[Kpi], targets: &Targets) -> Result<Vec<usize>, InputError> {
    let deps: Vec<Vec<(usize, std::ops::Range<usize>)>> = kpis
        .iter()
        .map(|kpi| {
            let mut found = Vec::new();
            direct_kpis(&kpi.expr, targets, &mut found);
            found
        })
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; kpis.len()];
    let mut order = Vec::with_capacity(kpis.len());
    // Iterative depth-first search: a path of KPI indices, each with its next dependency.
    for root in 0..kpis.len() {
        if marks[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        marks[root] = Mark::Open;
        while let Some((node, next)) = stack.last().cloned() {
            if let Some((dep, at)) = deps[node].get(next).cloned() {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match marks[dep] {
                    Mark::Done => {}
                    Mark::New => {
                        marks[dep] = Mark::Open;
                        stack.push((dep, 0));
                    }
                    Mark::Open => {
                        let from = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let mut path: Vec<&str> = stack[from..]
                            .iter()
                            .map(|(n, _)| kpis[*n].key.as_str())
                            .collect();
                        path.push(kpis[dep].key.as_str());
                        let kpi = &kpis[node];
                        let message = if path.len() == 2 {
                            format!("the KPI \"{}\" depends on itself", kpi.key)
                        } else {
                            format!(
                                "the KPIs depend on each other in a cycle: {}",
                                path.join(" → ")
                            )
                        };
                        return Err(kpi.error(at, message).with_help(
                            "a KPI may read its own or another's value a year earlier with prior(x), \
                             never its value in the same period",
                        ));
                    }
                }
            } else {
                marks[node] = Mark::Done;
                order.push(node);
                stack.pop();
            }
        }
    }
    Ok(order)
}

/// The KPIs `expr` reads in the same period (names outside `prior`), with their positions.
fn direct_kpis(expr: &Expr, targets: &Targets, found: &mut Vec<(usize, std::ops::Range<usize>)>) {
    match expr {
        Expr::Name {
            name: Name::Plain(name),
            at,
        } => {
            if let Some(&index) = targets.kpis.get(name.as_str()) {
                found.push((index, at.clone()));
            }
        }
        Expr::Name { .. } | Expr::Number { .. } | Expr::Prior { .. } => {}
        Expr::Negate { inner, .. } => direct_kpis(inner, targets, found),
        Expr::Binary { left, right, .. } => {
            direct_kpis(left, targets, found);
            direct_kpis(right, targets, found);
        }
    }
}

/// The dimension of `expr`, or the error at the operator whose sides do not fit.
fn dim(targets: &Targets, kpi: &Kpi, expr: &Expr) -> Result<Dim, InputError> {
    Ok(match expr {
        Expr::Number { .. } => Dim::Number,
        Expr::Name { name, .. } => match name {
            Name::Cost(_) => Dim::Money,
            Name::Value(value) => Dim::of_value(targets.input.value_unit(value)),
            Name::Plain(plain) => match targets.target(plain) {
                Some(Target::Kpi(index)) => Dim::of_kpi(targets.input.kpis[index].unit),
                Some(Target::Metric(metric)) => Dim::of_metric(metric.unit),
                Some(Target::HeadcountStart) => Dim::People,
                None => Dim::Number,
            },
        },
        Expr::Prior { inner, .. } | Expr::Negate { inner, .. } => dim(targets, kpi, inner)?,
        Expr::Binary {
            op,
            left,
            right,
            op_at,
            ..
        } => {
            let (a, b) = (dim(targets, kpi, left)?, dim(targets, kpi, right)?);
            let result = match (op, a, b) {
                (Op::Add | Op::Sub, a, b) if a == b => Some(a),
                (Op::Add | Op::Sub, Dim::Number, other)
                | (Op::Add | Op::Sub, other, Dim::Number) => Some(other),
                (Op::Mul, Dim::Number, other) | (Op::Mul, other, Dim::Number) => Some(other),
                (Op::Div, other, Dim::Number) => Some(other),
                (Op::Div, a, b) if a == b => Some(Dim::Number),
                (Op::Div, Dim::Money, Dim::People) => Some(Dim::Money),
                // A count per person: merchants per employee.
                (Op::Div, Dim::Number, Dim::People) => Some(Dim::Number),
                _ => None,
            };
            result.ok_or_else(|| {
                let verb = match op {
                    Op::Add => "adds",
                    Op::Sub => "subtracts",
                    Op::Mul => "multiplies",
                    Op::Div => "divides",
                };
                let joint = match op {
                    Op::Add => "to",
                    Op::Sub => "from",
                    Op::Mul | Op::Div => "by",
                };
                let (first, second) = match op {
                    Op::Add | Op::Sub => (b, a),
                    _ => (a, b),
                };
                kpi.error(
                    op_at.clone(),
                    format!(
                        "the formula of KPI \"{}\" {verb} {} {joint} {}: the units do not fit",
                        kpi.key,
                        first.words(),
                        second.words()
                    ),
                )
                .with_help(
                    "add and subtract like with like; divide money by money, by people or by a \
                     count, and a count by people",
                )
            })?
        }
    })
}

/// Each period's KPI values, `kpis` in the order the input defines them; reasons go to the
/// period's `unavailable` map as `kpis.<key>`. Periods are in time order, so a year earlier
/// is always computed first.
pub(super) fn evaluate(input: &CompanyInput, periods: &mut [PeriodMetrics]) {
    if input.kpis.is_empty() {
        return;
    }
    let Resolved { order, targets } = match resolve(input) {
        Ok(resolved) => resolved,
        Err(_) => {
            // `check` refuses such an input before; a caller that did not check gets the
            // reason on every value rather than a panic.
            for period in periods.iter_mut() {
                for kpi in &input.kpis {
                    period.kpis.insert(kpi.key.clone(), None);
                    period
                        .unavailable
                        .0
                        .insert(format!("kpis.{}", kpi.key), Reason::KpiFormulaRefused);
                }
            }
            return;
        }
    };
    let by_label: HashMap<PeriodLabel, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.label, i))
        .collect();
    let mut results: Vec<Vec<Option<Result<Decimal, Reason>>>> =
        vec![vec![None; input.kpis.len()]; periods.len()];
    // The first period of each kind, so `prior` before it says where the series starts.
    let mut firsts: Vec<PeriodLabel> = Vec::new();
    for p in periods.iter() {
        match firsts.iter_mut().find(|f| f.kind == p.label.kind) {
            Some(first) if p.label.ordinal() < first.ordinal() => *first = p.label,
            Some(_) => {}
            None => firsts.push(p.label),
        }
    }
    for index in 0..periods.len() {
        for &k in &order {
            let cx = Eval {
                input,
                targets: &targets,
                periods,
                by_label: &by_label,
                results: &results,
                firsts: &firsts,
            };
            let value = cx.eval(&input.kpis[k].expr, index);
            results[index][k] = Some(value);
        }
    }
    for (index, period) in periods.iter_mut().enumerate() {
        let mut kpis = LineMap::default();
        for (k, kpi) in input.kpis.iter().enumerate() {
            let value = results[index][k]
                .clone()
                .unwrap_or(Err(Reason::KpiFormulaRefused));
            let value = period.unavailable.take(&format!("kpis.{}", kpi.key), value);
            kpis.insert(kpi.key.clone(), value.map(Exact));
        }
        period.kpis = kpis;
    }
}

struct Eval<'a> {
    input: &'a CompanyInput,
    targets: &'a Targets<'a>,
    periods: &'a [PeriodMetrics],
    by_label: &'a HashMap<PeriodLabel, usize>,
    results: &'a [Vec<Option<Result<Decimal, Reason>>>],
    /// The first period of each series, so `prior` before it says where the series starts.
    firsts: &'a [PeriodLabel],
}

impl Eval<'_> {
    fn eval(&self, expr: &Expr, index: usize) -> Result<Decimal, Reason> {
        let period = &self.periods[index];
        match expr {
            Expr::Number { value, .. } => Ok(*value),
            Expr::Name { name, .. } => self.name(name, index),
            Expr::Prior { inner, .. } => {
                let earlier = period.label.year_earlier();
                let Some(&before) = self.by_label.get(&earlier) else {
                    let first = self
                        .firsts
                        .iter()
                        .copied()
                        .find(|f| f.kind == period.label.kind);
                    return Err(match first {
                        Some(first) if earlier.ordinal() < first.ordinal() => {
                            Reason::BeforeFirst { first }
                        }
                        _ => Reason::NoPeriod {
                            compared: Compared::YearEarlier,
                        },
                    });
                };
                self.eval(inner, before).map_err(|reason| match reason {
                    // Already about a year earlier (a prior inside a prior), said once.
                    Reason::InPrior { .. } => reason,
                    reason => Reason::InPrior {
                        reason: Box::new(reason),
                    },
                })
            }
            Expr::Negate { inner, .. } => Ok(-self.eval(inner, index)?),
            Expr::Binary {
                op, left, right, ..
            } => {
                let a = self.eval(left, index)?;
                let b = self.eval(right, index)?;
                match op {
                    Op::Add => a.checked_add(b).ok_or(Reason::TooLarge),
                    Op::Sub => a.checked_sub(b).ok_or(Reason::TooLarge),
                    Op::Mul => a.checked_mul(b).ok_or(Reason::TooLarge),
                    Op::Div if b.is_zero() => Err(Reason::KpiDivisorZero {
                        operand: self.words(right),
                    }),
                    Op::Div => a.checked_div(b).ok_or(Reason::TooLarge),
                }
            }
        }
    }

    fn name(&self, name: &Name, index: usize) -> Result<Decimal, Reason> {
        let period = &self.periods[index];
        match name {
            Name::Cost(line) => period
                .cost_lines
                .get(line)
                .map(|l| l.amount.0)
                // Said of the period, whatever the line: one note with the cost table's gaps.
                .ok_or(Reason::LineNotListed),
            // The metrics' periods are the input's, in the same order.
            Name::Value(value) => self
                .input
                .periods
                .get(index)
                .filter(|p| p.label == period.label)
                .and_then(|p| p.values.get(value).copied())
                .ok_or_else(|| Reason::KpiValueMissing {
                    name: value.clone(),
                }),
            Name::Plain(plain) => match self.targets.target(plain) {
                Some(Target::Kpi(k)) => match &self.results[index][k] {
                    Some(Ok(value)) => Ok(*value),
                    // The KPI read is n/a for its own reason, which this one shares.
                    Some(Err(why)) => Err(why.clone()),
                    None => Err(Reason::KpiFormulaRefused),
                },
                Some(Target::Metric(metric)) => match metric.value(period) {
                    Some(Number::Exact(exact)) => Ok(exact.0),
                    Some(Number::Float(value)) => Decimal::from_f64(value).ok_or(Reason::TooLarge),
                    None => Err(period
                        .unavailable
                        .get(metric.key)
                        .cloned()
                        .unwrap_or(Reason::NotGiven { figure: metric.key })),
                },
                Some(Target::HeadcountStart) => period
                    .headcount_start
                    .map(|e| e.0)
                    .ok_or(Reason::NoHeadcountStart),
                None => Err(Reason::KpiFormulaRefused),
            },
        }
    }

    /// An operand in the user's words, for a reason: "active consumers", "the EBITDA KPI".
    fn words(&self, expr: &Expr) -> String {
        use super::reason::{figure_name, line_name, value_name};
        match expr {
            Expr::Name { name, .. } => match name {
                Name::Cost(line) => format!("the {} line", line_name(line)),
                Name::Value(value) => format!("the {} value", value_name(value)),
                Name::Plain(plain) => match self.targets.target(plain) {
                    Some(Target::Kpi(k)) => format!("the KPI {}", self.input.kpis[k].name),
                    Some(Target::Metric(metric)) => figure_name(metric.key),
                    Some(Target::HeadcountStart) => "the headcount at the period start".into(),
                    None => "the divisor".into(),
                },
            },
            Expr::Prior { inner, .. } => format!("{} a year earlier", self.words(inner)),
            _ => "the divisor".to_string(),
        }
    }
}

#[cfg(test)]
mod tests;

/// How outputs show a KPI: its unit among the catalogue's (a plain number shows as a count).
pub fn unit(kpi: &Kpi) -> Unit {
    match kpi.unit {
        KpiUnit::Money => Unit::Amount,
        KpiUnit::MoneyPerUnit => Unit::Money,
        KpiUnit::Pct => Unit::Pct,
        KpiUnit::Ratio => Unit::Ratio,
        KpiUnit::People | KpiUnit::Number => Unit::People,
    }
}

pub fn polarity(kpi: &Kpi) -> catalogue::Polarity {
    catalogue::Polarity::from_name(kpi.polarity)
}

/// A KPI's value in a period, as outputs show it: exact for money and counts, a float for
/// shares and multiples (as the catalogue's ratios are).
pub fn value(kpi: &Kpi, period: &PeriodMetrics) -> Option<Number> {
    let exact = (*period.kpis.get(&kpi.key)?)?;
    Some(match unit(kpi) {
        Unit::Amount | Unit::Money | Unit::People => Number::Exact(exact),
        _ => Number::Float(crate::format::to_f64(exact.0)),
    })
}

/// The key of a KPI's reason in a period's `unavailable` map.
pub fn reason_key(kpi: &Kpi) -> String {
    format!("kpis.{}", kpi.key)
}
