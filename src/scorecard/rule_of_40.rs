//! Criterion 2: the Rule of 40.

use super::latest::{latest_with, missing_figure, missing_reason};
use super::verdict::{pass_if, Verdict};
use super::words::{against, number, part};
use super::{Criterion, Thresholds};
use crate::metrics::{Metrics, PeriodMetrics};

/// Criterion 2: Rule of 40: revenue growth plus operating margin.
pub(super) fn rule_of_40(metrics: &Metrics, thresholds: &Thresholds) -> Criterion {
    use crate::input::RuleOf40Margin;
    let min = thresholds.min_rule_of_40.value;
    let margin = metrics.rule_of_40_margin;
    let article = |words: &str| {
        if words.starts_with(['a', 'e', 'i', 'o', 'u', 'E']) {
            "an"
        } else {
            "a"
        }
    };
    let threshold = format!(">= {}", number(min));
    let verdict = match latest_with(metrics, |p| p.rule_of_40) {
        None => Verdict {
            figure: missing_figure(metrics, "rule_of_40"),
            ..Verdict::not_available(
                threshold,
                format!("No Rule of 40: {}.", missing_reason(metrics, "rule_of_40")),
            )
        },
        Some((period, score)) => Verdict {
            status: pass_if(score >= min),
            figure: against(score, min),
            why: format!(
                "In {} revenue growth of {} plus {} {} of {} makes {}, {} {}.",
                period.label,
                period
                    .revenue_growth_yoy_pct
                    .map_or("n/a".to_string(), |g| part(g, score, min)),
                article(margin.words()),
                margin.words(),
                crate::metrics::catalogue::known(margin.metric_key())
                    .value(period)
                    .map_or("n/a".to_string(), |m| part(m.as_f64(), score, min)),
                against(score, min),
                if score >= min { "at or above" } else { "below" },
                number(min)
            ),
            threshold,
            period: Some(period.label),
            value: Some(score),
        }
        .unless_warned(metrics, &[period]),
    };
    let verdict = match (margin, verdict.period) {
        (RuleOf40Margin::Operating | RuleOf40Margin::Ebitda, Some(label)) => {
            let judged: Vec<&PeriodMetrics> = metrics
                .periods
                .iter()
                .filter(|p| p.label == label)
                .collect();
            verdict.unless_derived(metrics, &judged)
        }
        _ => verdict,
    };
    // The name says which margin, unless it is the usual operating margin.
    let name = match margin {
        RuleOf40Margin::Operating => "Rule of 40",
        RuleOf40Margin::Ebitda => "Rule of 40 (EBITDA margin)",
        RuleOf40Margin::Fcf => "Rule of 40 (free-cash-flow margin)",
    };
    verdict.named("rule_of_40", name)
}
