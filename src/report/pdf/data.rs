//! The data a PDF template reads (`json("data.json")`): the brief's template context, the same
//! value the HTML and Markdown templates get, with what a Typst template cannot work out for
//! itself added in Rust: every table or headline cell's text as the `cell` filter shows it
//! (`text`, `tone`), the user's Markdown as a tree of strings ([`super::markdown`]), the plan's
//! figures formatted, and the page settings. Everything arrives as data: a template shows it
//! as text, and no value is ever pasted into Typst markup.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::markdown::{self, Block};
use super::Paper;
use crate::analysis::Analysis;
use crate::format;
use crate::report::context::Brief;
use crate::report::filters::cell_parts;

/// What the PDF adds to the context, under `pdf`.
#[derive(Debug, Serialize)]
struct Extras {
    /// Typst's paper name: "a4" or "us-letter".
    paper: &'static str,
    /// "Investor-readiness brief: Klarna Group plc".
    title: String,
    /// The latest period, for the running header.
    latest: Option<String>,
    keywords: Vec<String>,
    summary: Option<Vec<Block>>,
    period_notes: Vec<PeriodNote>,
    plan: Option<PlanText>,
}

#[derive(Debug, Serialize)]
struct PeriodNote {
    label: String,
    blocks: Vec<Block>,
}

/// The plan's figures as the HTML brief prints them.
#[derive(Debug, Serialize)]
struct PlanText {
    start_headcount: Option<String>,
    attrition: String,
    hires_per_year: String,
    target_headcount: String,
    years_to_target: Option<String>,
    steady_state_headcount: Option<String>,
    people_not_replaced: Option<String>,
    payroll_saved_per_year: Option<String>,
    loaded_cost_per_employee: Option<String>,
    reinvest: Option<String>,
    pay_rise: Option<String>,
    scenarios: Vec<ScenarioText>,
    unavailable: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ScenarioText {
    name: &'static str,
    attrition: String,
    reached: bool,
    months_to_target: Option<u32>,
    after_12_months: String,
    after_24_months: String,
}

/// The JSON the template reads.
pub fn json(brief: &Brief, analysis: &Analysis, paper: Paper) -> anyhow::Result<Vec<u8>> {
    let mut value = serde_json::to_value(brief)?;
    let (currency, scale) = (&brief.company.currency, &brief.company.scale);
    format_cells(&mut value, currency, scale);
    format_peers(&mut value);
    let company = &analysis.metrics.company;
    let extras = Extras {
        paper: paper.typst_name(),
        title: format!("Investor-readiness brief: {}", company.name),
        latest: brief
            .headline
            .as_ref()
            .map(|h| h.label.clone())
            .or_else(|| analysis.metrics.latest().map(|p| p.label.to_string())),
        keywords: ["IPO", "investor readiness", "brief"]
            .iter()
            .map(|k| k.to_string())
            .chain(Some(company.name.clone()))
            .chain(company.ticker.clone())
            .collect(),
        summary: company.summary.as_deref().map(markdown::blocks),
        period_notes: period_notes(brief, analysis),
        plan: analysis.plan.as_ref().map(|p| plan_text(p, currency)),
    };
    if let Value::Object(map) = &mut value {
        map.insert("pdf".to_string(), serde_json::to_value(extras)?);
    }
    Ok(serde_json::to_vec(&value)?)
}

/// Compare's context for `compare.typ`, with `pdf` (paper, title, keywords) added: its cells
/// already hold their text.
pub fn compare_json(
    context: &impl Serialize,
    title: &str,
    companies: &[&str],
    paper: Paper,
) -> anyhow::Result<Vec<u8>> {
    let mut value = serde_json::to_value(context)?;
    if let Value::Object(map) = &mut value {
        let keywords: Vec<&str> = ["comparison", "IPO", "investor readiness"]
            .into_iter()
            .chain(companies.iter().copied())
            .collect();
        map.insert(
            "pdf".to_string(),
            serde_json::json!({
                "paper": paper.typst_name(),
                "title": format!("Side by side: {title}"),
                "keywords": keywords,
            }),
        );
    }
    Ok(serde_json::to_vec(&value)?)
}

/// Adds `text` and `tone` to every cell in the context (an object with a value, unit,
/// polarity and place), wherever it is, so sections added to the context later are formatted too.
fn format_cells(value: &mut Value, currency: &str, scale: &str) {
    let is_cell = value.as_object().is_some_and(|map| {
        ["value", "unit", "polarity", "place"]
            .iter()
            .all(|key| map.contains_key(*key))
    });
    if is_cell && set_text(value, currency, scale) {
        return;
    }
    match value {
        Value::Object(map) => map
            .values_mut()
            .for_each(|child| format_cells(child, currency, scale)),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| format_cells(item, currency, scale)),
        _ => {}
    }
}

/// Sets a cell's `text` and `tone` as the `cell` filter shows it; false if `value` is no cell.
fn set_text(value: &mut Value, currency: &str, scale: &str) -> bool {
    let Some((text, tone, _)) = cell_parts(value, currency, scale) else {
        return false;
    };
    if let Some(map) = value.as_object_mut() {
        map.insert("text".to_string(), Value::from(text));
        map.insert("tone".to_string(), tone.map_or(Value::Null, Value::from));
    }
    true
}

/// The Peers table's cells as the HTML brief shows them: each company's amounts in its own
/// currency (which may not be the brief's), the medians in the peers' currency, in units
/// (`cell_html(currency=pc.currency)`), not in the company's table scale.
fn format_peers(value: &mut Value) {
    let Some(peers) = value.get_mut("peers").filter(|p| p.is_object()) else {
        return;
    };
    let currency = peers["currency"].as_str().unwrap_or_default().to_string();
    let Some(rows) = peers.get_mut("rows").and_then(Value::as_array_mut) else {
        return;
    };
    for row in rows {
        if let Some(cells) = row.get_mut("cells").and_then(Value::as_array_mut) {
            for peer_cell in cells {
                let own = peer_cell["currency"]
                    .as_str()
                    .unwrap_or(&currency)
                    .to_string();
                if let Some(cell) = peer_cell.get_mut("cell") {
                    set_text(cell, &own, "units");
                }
            }
        }
        if let Some(median) = row.get_mut("median") {
            set_text(median, &currency, "units");
        }
    }
}

/// The notes the brief shows (the latest, as `context` chose them), as trees.
fn period_notes(brief: &Brief, analysis: &Analysis) -> Vec<PeriodNote> {
    brief
        .period_notes
        .iter()
        .filter_map(|shown| {
            let period = analysis
                .metrics
                .periods
                .iter()
                .find(|p| p.label.to_string() == shown.label)?;
            Some(PeriodNote {
                label: shown.label.clone(),
                blocks: markdown::blocks(period.notes.as_deref()?.trim()),
            })
        })
        .collect()
}

fn people(value: Decimal) -> String {
    format::grouped(value, 0)
}

fn people_f64(value: f64) -> String {
    Decimal::from_f64(value).map_or_else(|| "n/a".to_string(), people)
}

fn plan_text(plan: &crate::plan::HeadcountPlan, currency: &str) -> PlanText {
    let pct = |share: Decimal| format::pct(format::to_f64(share) * 100.0, false);
    let money = |amount: Decimal| format::money_precise(format::to_f64(amount), currency);
    PlanText {
        start_headcount: plan.start_headcount.map(|h| people(h.0)),
        attrition: pct(plan.annual_attrition.0),
        hires_per_year: people(plan.hires_per_year.0),
        target_headcount: people(plan.target_headcount.0),
        years_to_target: plan
            .years_to_target
            .filter(|y| y.is_finite())
            .map(format::years),
        steady_state_headcount: plan.steady_state_headcount.map(people_f64),
        people_not_replaced: plan.people_not_replaced.map(|p| people(p.0)),
        payroll_saved_per_year: plan.payroll_saved_per_year.map(|m| money(m.0)),
        loaded_cost_per_employee: plan.loaded_cost_per_employee.map(|m| money(m.0)),
        reinvest: plan.reinvest_share.map(|s| pct(s.0)),
        pay_rise: plan.pay_rise_pct.map(|p| format::pct(p, false)),
        scenarios: plan
            .scenarios
            .iter()
            .map(|s| ScenarioText {
                name: s.name,
                attrition: pct(s.annual_attrition.0),
                reached: s.reached,
                months_to_target: s.months_to_target,
                after_12_months: people_f64(s.headcount_after_12_months),
                after_24_months: people_f64(s.headcount_after_24_months),
            })
            .collect(),
        unavailable: plan
            .unavailable
            .iter()
            .map(|(key, reason)| format!("{}: n/a, {reason}", key.replace('_', " ")))
            .collect(),
    }
}
