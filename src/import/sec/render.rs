//! Writing the imported statement as our TOML input, every figure followed by a comment that
//! names its XBRL concept and the accession number of the filing it comes from.

use std::collections::BTreeMap;
use std::fmt::Write;

use rust_decimal::Decimal;

use super::calendar::Span;
use super::entry::{Entry, Source};
use super::statement::{ImportedPeriod, Statement};

/// What the TOML says about the company besides its figures.
#[derive(Debug, Clone)]
pub struct Header {
    /// On one line (no control characters): it is written into a comment.
    pub name: String,
    pub cik: Option<String>,
    /// The file imported, as the user named it.
    pub file: String,
    /// What was left out or chosen while reading the file, one line each.
    pub notices: Vec<String>,
}

/// Figures are written in millions: readable, and exact (a decimal point moves, nothing rounds).
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The fiscal years with no headcount: none in the SEC file and none given with `--headcount`.
pub fn missing_headcount(
    statement: &Statement,
    headcount: &BTreeMap<String, Decimal>,
) -> Vec<String> {
    statement
        .periods
        .iter()
        .filter(|p| matches!(p.span, Span::Year(_)))
        .filter(|p| p.employees.is_none() && !headcount.contains_key(&p.span.label()))
        .map(|p| p.span.label())
        .collect()
}

/// The TOML text. `headcount` holds `--headcount` values by period label; they win over the file.
pub fn toml(
    statement: &Statement,
    header: &Header,
    headcount: &BTreeMap<String, Decimal>,
) -> String {
    let mut out = String::new();
    let cik = header
        .cik
        .as_deref()
        .map(|cik| format!(" (CIK {cik})"))
        .unwrap_or_default();
    let currency = &statement.currency;
    let _ = writeln!(
        out,
        "# {}: imported from the SEC's EDGAR companyfacts file{cik} by `ipobrief import sec`.\n\
         #\n\
         # Amounts are {currency} millions. Each figure's comment names its XBRL concept and the\n\
         # accession number of the filing it comes from; where several filings show the same period,\n\
         # the latest filing's value is used, whichever concept it is filed under. Fiscal years are\n\
         # named by the calendar year they end in (the year ends on {}, MM-DD). A quarter 4 marked\n\
         # \"derived\" is the fiscal year minus Q1-Q3, so the quarters add up to the year exactly.",
        header.name, statement.fiscal_year_end
    );
    if statement.periods.iter().any(|p| !p.statement.is_empty()) {
        out.push_str(
            "# Cash-flow figures are filed year to date in 10-Qs: a quarter 2 or 3 marked \"derived\"\n\
             # is six months minus Q1, or nine months minus six. Cash is the balance on the period's\n\
             # last day. cost_of_revenue is written twice: as the statement figure (gross margin)\n\
             # and as a cost line, so that operating expenses keep every cost.\n",
        );
    }
    for notice in &header.notices {
        let _ = writeln!(out, "# WARNING: {notice}.");
    }
    let missing = missing_headcount(statement, headcount);
    if missing.is_empty() {
        out.push_str("# Headcount: from dei:EntityNumberOfEmployees or --headcount.\n");
    } else {
        let example = missing.last().map(String::as_str).unwrap_or("2025");
        let _ = writeln!(
            out,
            "# Headcount MISSING for {}: the SEC file has no dei:EntityNumberOfEmployees figure for\n\
             # them. Add headcount_end to those years (the annual report's \"Human capital\" section\n\
             # gives it), or import again with --headcount {example}=N,...",
            missing.join(", ")
        );
    }
    out.push_str("\n[company]\n");
    line(&mut out, "name", &quote(&header.name), None);
    line(&mut out, "currency", &quote(currency), None);
    line(&mut out, "scale", "\"millions\"", None);
    line(
        &mut out,
        "fiscal_year_end",
        &quote(&statement.fiscal_year_end),
        None,
    );
    let source = format!("SEC EDGAR companyfacts{cik}, imported from {}", header.file);
    let _ = writeln!(out, "sources = [{}]", quote(&source));
    for period in &statement.periods {
        out.push('\n');
        write_period(&mut out, period, headcount);
    }
    out
}

fn write_period(out: &mut String, period: &ImportedPeriod, headcount: &BTreeMap<String, Decimal>) {
    let label = period.span.label();
    let what = match period.span {
        Span::Year(year) => format!("fiscal {year}"),
        Span::Quarter(year, quarter) => format!("quarter {quarter} of fiscal {year}"),
    };
    out.push_str("[[period]]\n");
    let dates = format!("{what}: {} to {}", period.revenue.start, period.revenue.end);
    line(out, "label", &quote(&label), Some(&dates));
    money(out, "revenue", &period.revenue);
    match (headcount.get(&label), &period.employees) {
        (Some(given), _) => line(
            out,
            "headcount_end",
            &given.to_string(),
            Some("given with --headcount"),
        ),
        (None, Some(filed)) => line(
            out,
            "headcount_end",
            &filed.value.to_string(),
            Some(&source(filed)),
        ),
        (None, None) if matches!(period.span, Span::Year(_)) => out.push_str(
            "# headcount_end: not in the SEC file; add it here or import with --headcount\n",
        ),
        (None, None) => {}
    }
    if let Some(entry) = &period.operating_income {
        money(out, "operating_income", entry);
    }
    if let Some(entry) = &period.personnel_cost {
        money(out, "personnel_cost", entry);
    }
    for (name, entry) in &period.statement {
        money(out, name, entry);
    }
    let mut notes = Vec::new();
    if period.derived() {
        notes.push("Q4 is derived: the fiscal year minus Q1-Q3 as filed.".to_string());
    }
    if let Some(entry) = &period.net_income {
        let _ = writeln!(
            out,
            "# net income {} ({})",
            millions(entry.value),
            source(entry)
        );
        notes.push(format!("Net income: {} million.", millions(entry.value)));
    }
    if !notes.is_empty() {
        line(out, "notes", &quote(&notes.join(" ")), None);
    }
    if period.costs.is_empty() && period.operating_expenses_total.is_none() {
        return;
    }
    out.push_str("[period.costs]\n");
    for (name, entry) in &period.costs {
        money(out, name, entry);
    }
    if let Some(total) = &period.operating_expenses_total {
        let _ = writeln!(
            out,
            "# operating expenses in total {} ({}): the lines above break it down",
            millions(total.value),
            source(total)
        );
    }
}

fn money(out: &mut String, key: &str, entry: &Entry) {
    line(out, key, &millions(entry.value), Some(&source(entry)));
}

fn line(out: &mut String, key: &str, value: &str, comment: Option<&str>) {
    let assignment = format!("{key} = {value}");
    match comment {
        // Comments line up at column 33; a longer assignment keeps a space before its `#`.
        Some(comment) if assignment.len() >= 32 => {
            let _ = writeln!(out, "{assignment} # {comment}");
        }
        Some(comment) => {
            let _ = writeln!(out, "{assignment:<32}# {comment}");
        }
        None => {
            let _ = writeln!(out, "{assignment}");
        }
    }
}

fn source(entry: &Entry) -> String {
    match &entry.source {
        Source::Filed { concept, accn } => format!("{concept}, {accn}"),
        Source::Derived {
            concept,
            formula,
            accns,
            replaced,
        } => {
            let mut text = format!("derived: {concept} {formula}, {}", accns.join(" "));
            if let Some(filed) = replaced {
                let by = filed
                    .value
                    .checked_sub(entry.value)
                    .map_or_else(|| "more than a figure can hold".to_string(), millions);
                text.push_str(&format!(
                    "; the filed Q4 of {} ({}) would miss the year by {by}",
                    millions(filed.value),
                    filed.accn,
                ));
            }
            text
        }
    }
}

fn millions(value: Decimal) -> String {
    let text = value
        .checked_div(MILLION)
        .unwrap_or(value)
        .normalize()
        .to_string();
    // TOML's whole numbers stop at 2^63 - 1; a larger one is written with a point, which the
    // reader still takes digit for digit.
    if !text.contains('.') && text.parse::<i64>().is_err() {
        return format!("{text}.0");
    }
    text
}

/// A TOML basic string, escaped.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
