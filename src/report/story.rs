//! The brief's prose: sentences with the computed values inside, so the headline reads as a
//! brief ("Revenue grew 23.5% while headcount fell 21.4%") and not only as tables.

use crate::format::{
    decisive_places, grouped, money_precise, pct, places, pp, sign_at, threshold, to_f64,
};
use crate::metrics::{Metrics, PeriodMetrics};
use crate::scorecard::Thresholds;

fn money(metrics: &Metrics, value: rust_decimal::Decimal) -> String {
    money_precise(to_f64(value), &metrics.company.currency)
}

fn rose_or_fell(change: f64, up: &str, down: &str) -> String {
    rose_or_fell_at(change, 1, up, down)
}

/// "grew 23.5%" or "fell 4.1%", with `decimals` places.
fn rose_or_fell_at(change: f64, decimals: usize, up: &str, down: &str) -> String {
    let size = format!("{}%", places(change.abs(), decimals, false));
    if change >= 0.0 {
        format!("{up} {size}")
    } else {
        format!("{down} {size}")
    }
}

/// The sentences, in reading order. Only facts the metrics support; nothing when data is missing.
/// `year` comes with its name as the headline gives it ("2026 (year to date, 1 quarter)").
pub fn sentences(
    metrics: &Metrics,
    thresholds: &Thresholds,
    year: Option<(&PeriodMetrics, &str)>,
    quarter: Option<&PeriodMetrics>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((p, name)) = year {
        let growth = growth_and_people(metrics, p, thresholds);
        // Without the growth sentence ("In 2025, revenue grew ..."), the margin names its
        // period itself: a year to date's is not the year's.
        let named = growth.is_none().then(|| name.to_string());
        out.extend(growth);
        if let Some(s) = profitability(metrics, p, thresholds, named) {
            out.push(s);
        }
        if let Some(s) = costs(p) {
            out.push(s);
        }
        if let Some(s) = ai(metrics, p) {
            out.push(s);
        }
    }
    if let Some(q) = quarter.filter(|q| Some(q.label) != year.map(|(y, _)| y.label)) {
        if let Some(s) = latest_quarter(metrics, q) {
            out.push(s);
        }
    }
    // Acknowledged warnings are explained already; only the others are points to check.
    let open = metrics
        .warnings
        .iter()
        .filter(|w| w.acknowledged.is_none())
        .count();
    if open > 0 {
        let n = open;
        out.push(format!(
            "The data notes list {n} point{} to check before these figures go to investors.",
            if n == 1 { "" } else { "s" }
        ));
    }
    out
}

fn growth_and_people(
    metrics: &Metrics,
    p: &PeriodMetrics,
    thresholds: &Thresholds,
) -> Option<String> {
    let growth = p.revenue_growth_yoy_pct?;
    // Growth is judged against the scorecard's bar: show the digit that decides it.
    let decimals = decisive_places(growth, thresholds.min_revenue_growth_pct.value, 1);
    let mut sentence = format!(
        "In {}, revenue {} to {}",
        p.label,
        rose_or_fell_at(growth, decimals, "grew", "fell"),
        money(metrics, p.revenue.0)
    );
    if let (Some(change), Some(end)) = (p.headcount_change_yoy_pct, p.headcount_end) {
        if sign_at(change, 1) == 0 {
            sentence.push_str(&format!(" while headcount held at {}", grouped(end.0, 0)));
        } else {
            sentence.push_str(&format!(
                " while headcount {} to {}",
                rose_or_fell(change, "rose", "fell"),
                grouped(end.0, 0)
            ));
        }
    }
    let before = metrics.year_earlier(p).and_then(|e| e.revenue_per_employee);
    // No clause when the change has no rate (from zero, or past the decimal range).
    let change = match (p.revenue_per_employee, before) {
        (Some(now), Some(then)) => crate::money::growth_pct(now.0, then.0).map(|c| (now, c)),
        _ => None,
    };
    match change {
        Some((now, change)) => {
            sentence.push_str(&format!(
                ", so revenue per employee {} to {}.",
                rose_or_fell(change, "rose", "fell"),
                money(metrics, now.0)
            ));
        }
        _ => sentence.push('.'),
    }
    if let Some(gap) = p.growth_minus_headcount_growth_pp {
        sentence.push_str(&format!(
            " Revenue growth {} headcount growth by {}.",
            if gap >= 0.0 { "outpaced" } else { "trailed" },
            pp(gap.abs()).trim_start_matches('+')
        ));
    }
    Some(sentence)
}

/// The margin's sentence; `named`, the period it opens with when no sentence before it names it.
fn profitability(
    metrics: &Metrics,
    p: &PeriodMetrics,
    thresholds: &Thresholds,
    named: Option<String>,
) -> Option<String> {
    let bar = thresholds.min_rule_of_40.value;
    let band = thresholds.flat_margin_band_pp.value;
    let margin = p.operating_margin_pct?;
    let mut sentence = match named {
        Some(period) => format!("In {period}, operating margin was {}", pct(margin, false)),
        None => format!("Operating margin was {}", pct(margin, false)),
    };
    if let Some(before) = metrics.year_earlier(p).and_then(|e| e.operating_margin_pct) {
        // The scorecard's words: within the flat band either way is flat.
        let change = margin - before;
        let shown: f64 = places(change, 1, false).parse().unwrap_or(change);
        let trend = if shown > band {
            format!("improving by {}", pp(change.abs()).trim_start_matches('+'))
        } else if shown >= -band {
            format!("flat (within {} pp either way)", threshold(band))
        } else {
            format!("worsening by {}", pp(change.abs()).trim_start_matches('+'))
        };
        sentence.push_str(&format!(
            " ({}: {}), {trend}",
            p.label.year_earlier(),
            pct(before, false),
        ));
    }
    match p.rule_of_40 {
        Some(score) => sentence.push_str(&format!(
            "; with growth that gives a Rule of 40 score of {}{}, {} the {} that growth investors look for.",
            places(score, decisive_places(score, bar, 1), false),
            match metrics.rule_of_40_margin {
                crate::input::RuleOf40Margin::Operating => String::new(),
                other => format!(" (on the {})", other.words()),
            },
            if score >= bar { "meeting" } else { "below" },
            threshold(bar)
        )),
        None => sentence.push('.'),
    }
    Some(sentence)
}

fn costs(p: &PeriodMetrics) -> Option<String> {
    let opex = p.opex_growth_yoy_pct?;
    let growth = p.revenue_growth_yoy_pct?;
    // Shown with the digits that tell the two rates apart, so "slower" never sits beside equal
    // figures.
    let decimals = crate::format::distinct_places(opex, growth, 1);
    Some(format!(
        "Operating expenses {} against revenue growth of {}%: costs grew {} than revenue.",
        rose_or_fell_at(opex, decimals, "grew", "fell"),
        places(growth, decimals, false),
        if opex < growth { "slower" } else { "faster" }
    ))
}

fn ai(metrics: &Metrics, p: &PeriodMetrics) -> Option<String> {
    let cost = p.ai_exposed_cost?;
    let share = p.ai_exposed_pct_of_revenue?;
    let names: Vec<String> = metrics
        .company
        .ai_exposed
        .iter()
        .map(|n| crate::format::line_name(n).to_lowercase())
        .collect();
    let lines = names.join(" and ");
    let mut sentence = format!(
        "The AI-exposed cost lines ({lines}) came to {}, {} of revenue",
        money(metrics, cost.0),
        pct(share, false)
    );
    if let Some(before) = metrics
        .year_earlier(p)
        .and_then(|e| e.ai_exposed_pct_of_revenue)
    {
        sentence.push_str(&format!(
            " ({}: {})",
            p.label.year_earlier(),
            pct(before, false)
        ));
    }
    sentence.push('.');
    if let (Some(fte), Some(savings)) = (p.ai_fte_equivalent, p.ai_savings) {
        sentence.push_str(&format!(
            " AI did the work of {} full-time people, worth {} at the company's own loaded cost per employee",
            grouped(fte.0, 0),
            money(metrics, savings.0)
        ));
        match p.ai_roi {
            Some(roi) => sentence.push_str(&format!(", {}× the AI spend.", places(roi, 1, false))),
            None => sentence.push('.'),
        }
    }
    Some(sentence)
}

fn latest_quarter(metrics: &Metrics, q: &PeriodMetrics) -> Option<String> {
    let mut sentence = format!(
        "In {}, the latest quarter, revenue was {}",
        q.label,
        money(metrics, q.revenue.0)
    );
    match (q.revenue_growth_yoy_pct, q.revenue_growth_qoq_pct) {
        (Some(yoy), _) => sentence.push_str(&format!(
            ", {} on {}",
            rose_or_fell(yoy, "up", "down"),
            q.label.year_earlier()
        )),
        (None, Some(qoq)) => sentence.push_str(&format!(
            ", {} on {}",
            rose_or_fell(qoq, "up", "down"),
            q.label.previous()
        )),
        _ => {}
    }
    // The adjusted (non-GAAP) margin only after the operating margin, its GAAP measure.
    if let (Some(gaap), Some(adjusted)) = (q.operating_margin_pct, q.adjusted_operating_margin_pct)
    {
        sentence.push_str(&format!(
            ", with an operating margin of {} and an adjusted (non-GAAP) operating margin of {}",
            pct(gaap, false),
            pct(adjusted, false)
        ));
    }
    sentence.push('.');
    Some(sentence)
}
