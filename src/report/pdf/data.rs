//! The data a PDF template reads (`json("data.json")`): the brief model's view, the same value
//! the HTML and Markdown templates get (every table or headline cell with its `text` and
//! `tone`), serialised as it is, with what a Typst template cannot work out for itself added
//! under `pdf`: the user's Markdown as a tree of strings ([`super::markdown`]), the plan's
//! figures formatted, and the page settings. Everything arrives as data: a template shows it
//! as text, and no value is ever pasted into Typst markup.

use serde::Serialize;

use super::markdown::{self, Block};
use super::plan::{plan_text, PlanText};
use super::Paper;
use crate::analysis::Analysis;
use crate::report::context::Brief;
use crate::report::model::BriefModel;

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
    /// Each non-GAAP measure's `why` as a tree, in the section's order (null for none).
    non_gaap_why: Vec<Option<Vec<Block>>>,
    plan: Option<PlanText>,
}

#[derive(Debug, Serialize)]
struct PeriodNote {
    label: String,
    blocks: Vec<Block>,
}

/// What `brief.typ` reads: the brief model's view (every cell with its text and tone) and,
/// under `pdf`, what the PDF adds.
#[derive(Serialize)]
struct BriefData<'a> {
    #[serde(flatten)]
    brief: &'a Brief<'a>,
    pdf: Extras,
}

/// The JSON the template reads.
pub fn json(model: &BriefModel, paper: Paper) -> anyhow::Result<Vec<u8>> {
    let (brief, analysis) = (&model.brief, model.analysis);
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
        non_gaap_why: brief
            .non_gaap
            .iter()
            .flat_map(|n| &n.measures)
            .map(|m| m.why.as_deref().map(markdown::blocks))
            .collect(),
        plan: analysis
            .plan
            .as_ref()
            .map(|p| plan_text(p, &brief.company.currency)),
    };
    Ok(serde_json::to_vec(&BriefData { brief, pdf: extras })?)
}

/// What `compare.typ` reads: compare's context (its cells already hold their text) and, under
/// `pdf`, the paper, title and keywords.
#[derive(Serialize)]
struct CompareData<'a, C: Serialize> {
    #[serde(flatten)]
    context: &'a C,
    pdf: CompareExtras,
}

#[derive(Serialize)]
struct CompareExtras {
    paper: &'static str,
    title: String,
    keywords: Vec<String>,
}

/// Compare's context for `compare.typ`, with `pdf` (paper, title, keywords) added.
pub fn compare_json(
    context: &impl Serialize,
    title: &str,
    companies: &[&str],
    paper: Paper,
) -> anyhow::Result<Vec<u8>> {
    let keywords = ["comparison", "IPO", "investor readiness"]
        .into_iter()
        .chain(companies.iter().copied())
        .map(str::to_string)
        .collect();
    let pdf = CompareExtras {
        paper: paper.typst_name(),
        title: format!("Side by side: {title}"),
        keywords,
    };
    Ok(serde_json::to_vec(&CompareData { context, pdf })?)
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
