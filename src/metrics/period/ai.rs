//! AI-exposed cost, the loaded cost per employee, AI savings and their return.

use rust_decimal::Decimal;

use super::compared::share_of_revenue;
use super::people::people;
use super::Context;
use crate::metrics::reason::Reason;
use crate::money::{ratio, to_cents, Exact};

pub(super) struct Ai {
    pub(super) exposed_cost: Option<Decimal>,
    pub(super) exposed_pct_of_revenue: Option<f64>,
    pub(super) loaded_cost_per_employee: Option<Exact>,
    pub(super) savings: Option<Decimal>,
    pub(super) roi: Option<f64>,
}

/// AI-exposed cost, the loaded cost per employee, AI savings and their return on AI spend.
pub(super) fn ai(
    cx: &mut Context,
    average: Option<Decimal>,
    per_employee: &dyn Fn(Decimal) -> Result<Exact, Reason>,
) -> Ai {
    let period = cx.period;
    let exposed_value = exposed_cost(cx);
    let exposed_pct_of_revenue = cx.na.take(
        "ai_exposed_pct_of_revenue",
        exposed_value
            .clone()
            .and_then(|cost| share_of_revenue(cost, period.revenue)),
    );
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
    let roi = cx.na.take(
        "ai_roi",
        savings_value.clone().and_then(|savings| {
            let spend = period
                .ai
                .spend
                .ok_or(Reason::NotGiven { figure: "ai_spend" })?;
            ratio(savings, spend)
                .ok_or_else(|| Reason::no_quotient(spend, Reason::Zero { figure: "ai_spend" }))
        }),
    );
    let savings = cx.na.take("ai_savings", savings_value);
    Ai {
        exposed_cost,
        exposed_pct_of_revenue,
        loaded_cost_per_employee,
        savings,
        roi,
    }
}

/// The cost of the lines the company marks as AI-exposed, or why there is none; a line absent
/// from this period is left out and noted as an approximation.
fn exposed_cost(cx: &mut Context) -> Result<Decimal, Reason> {
    let period = cx.period;
    let company = cx.company;
    let exposed: Vec<Decimal> = company
        .ai_exposed
        .iter()
        .filter_map(|name| period.costs.get(name).copied())
        .collect();
    if company.ai_exposed.is_empty() {
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
    }
}
