//! The index of a multi-company run: every company with its headline figures, readiness and
//! links, as a peer table (`index.html`, `index.md`).

use serde::Serialize;
use serde_json::Value;

use super::context::{exact, number};
use super::templates;
use crate::metrics::{Generator, Metrics};
use crate::period::PeriodKind;
use crate::write::OutputFile;

#[derive(Debug, Serialize)]
pub struct Entry {
    pub name: String,
    pub ticker: Option<String>,
    pub slug: String,
    pub currency: String,
    /// The period the figures are for: the latest fiscal year, else the latest period.
    pub period: Option<String>,
    pub revenue: Value,
    pub revenue_growth_yoy_pct: Value,
    pub operating_margin_pct: Value,
    pub rule_of_40: Value,
    pub revenue_per_employee: Value,
    pub headcount: Value,
    /// pass | watch | fail
    pub status: Option<String>,
    pub passed: usize,
    pub watch: usize,
    pub failed: usize,
}

#[derive(Debug, Serialize)]
struct Index<'a> {
    entries: &'a [&'a Entry],
    currencies: Vec<String>,
    as_of: Option<&'a str>,
    generator: Generator,
}

/// One row of the index for a company.
pub fn entry(metrics: &Metrics) -> Entry {
    let period = metrics
        .periods
        .iter()
        .rev()
        .find(|p| p.kind == PeriodKind::Year)
        .or_else(|| metrics.latest());
    let value = |v: Option<Value>| v.unwrap_or(Value::Null);
    let card = metrics.readiness.as_ref();
    Entry {
        name: metrics.company.name.clone(),
        ticker: metrics.company.ticker.clone(),
        slug: metrics.company.slug.clone(),
        currency: metrics.company.currency.clone(),
        period: period.map(|p| p.label.to_string()),
        revenue: value(period.and_then(|p| exact(Some(p.revenue)))),
        revenue_growth_yoy_pct: value(period.and_then(|p| number(p.revenue_growth_yoy_pct))),
        operating_margin_pct: value(period.and_then(|p| number(p.operating_margin_pct))),
        rule_of_40: value(period.and_then(|p| number(p.rule_of_40))),
        revenue_per_employee: value(period.and_then(|p| exact(p.revenue_per_employee))),
        headcount: value(period.and_then(|p| exact(p.headcount_end))),
        status: card
            .and_then(|c| serde_json::to_value(c.status).ok())
            .and_then(|v| v.as_str().map(str::to_string)),
        passed: card.map_or(0, |c| c.passed),
        watch: card.map_or(0, |c| c.watch),
        failed: card.map_or(0, |c| c.failed),
    }
}

/// Renders `index.html` and `index.md` for the entries (in the order given).
pub fn render(
    tera: &tera::Tera,
    entries: &[&Entry],
    as_of: Option<&str>,
) -> anyhow::Result<Vec<OutputFile>> {
    let mut currencies: Vec<String> = entries.iter().map(|e| e.currency.clone()).collect();
    currencies.sort();
    currencies.dedup();
    let index = Index {
        entries,
        currencies,
        as_of,
        generator: Generator::default(),
    };
    let context = tera::Context::from_serialize(&index)?;
    Ok(vec![
        OutputFile::new(
            "index.html",
            templates::render(tera, "index.html.tera", &context)?,
        ),
        OutputFile::new(
            "index.md",
            templates::render(tera, "index.md.tera", &context)?,
        ),
    ])
}
