//! A measure's reconciliation in each period: the GAAP base, each item with its sign, the
//! total, the reported figure and the difference. A period is reconciled when it gives the
//! base or a reported figure; a missing base or item makes the total n/a with its reason.

use rust_decimal::Decimal;

use super::{Item, Measure, Reconciliation};
use crate::input::non_gaap::{MeasureKind, NonGaapMeasure, Operand};
use crate::input::{CompanyInput, Field, Period};
use crate::metrics::reason::{words, Reason};
use crate::money::Exact;

/// The built-in free cash flow: operating cash flow less capex, a liquidity measure.
pub fn free_cash_flow(input: &CompanyInput) -> Measure {
    let definition = NonGaapMeasure {
        key: crate::input::non_gaap::FREE_CASH_FLOW.to_string(),
        name: "Free cash flow".to_string(),
        base: Field::OperatingCashFlow,
        add: Vec::new(),
        subtract: vec![Operand::Figure(Field::Capex)],
        kind: MeasureKind::Liquidity,
        why: None,
        per_share: false,
        at: None,
        file: input.source.clone(),
        key_location: None,
    };
    Measure {
        built_in: true,
        ..measure(input, &definition)
    }
}

/// A measure reconciled in every period that gives a reported figure for it, or its base and
/// (for a company's own measure) at least one of its items: a statement figure alone says
/// nothing of a measure the company did not compute that year.
pub fn measure(input: &CompanyInput, definition: &NonGaapMeasure) -> Measure {
    let built_in = definition.key == crate::input::non_gaap::FREE_CASH_FLOW;
    let items = || definition.add.iter().chain(&definition.subtract);
    let periods = input
        .periods
        .iter()
        .filter(|p| {
            let some_item = built_in || items().any(|o| operand(p, o, input).is_ok());
            (definition.base.get(p).is_some() && some_item)
                || p.non_gaap.reported.contains_key(&definition.key)
        })
        .map(|p| period(p, definition, input))
        .collect();
    let written = std::iter::once(definition.base.figure().key.to_string())
        .chain(definition.add.iter().map(Operand::written))
        .chain(definition.subtract.iter().map(Operand::written));
    let names = written
        .map(|w| (w.clone(), super::names::item_name(&w, input)))
        .collect();
    Measure {
        names,
        key: definition.key.clone(),
        name: definition.name.clone(),
        kind: definition.kind,
        base: definition.base.figure().key,
        add: definition.add.iter().map(Operand::written).collect(),
        subtract: definition.subtract.iter().map(Operand::written).collect(),
        why: definition.why.clone(),
        per_share: definition.per_share,
        built_in: false,
        periods,
        checks: Vec::new(),
    }
}

/// The value of an item in a period, or why there is none.
pub fn operand(
    period: &Period,
    operand: &Operand,
    input: &CompanyInput,
) -> Result<Decimal, Reason> {
    let found = match operand {
        Operand::Figure(field) => field.get(period),
        Operand::Adjustment(name) => period.non_gaap.adjustments.get(name).map(|a| a.amount),
    };
    found.ok_or_else(|| Reason::NonGaapItemNotGiven {
        item: super::names::item_words(&operand.written(), input),
    })
}

fn period(period: &Period, definition: &NonGaapMeasure, input: &CompanyInput) -> Reconciliation {
    let signed = definition
        .add
        .iter()
        .map(|o| (o, 1i8))
        .chain(definition.subtract.iter().map(|o| (o, -1i8)));
    let mut items = Vec::new();
    let base = definition.base.get(period);
    let mut total: Result<Decimal, Reason> = base.ok_or_else(|| Reason::NonGaapItemNotGiven {
        item: super::names::item_words(definition.base.figure().key, input),
    });
    for (entry, sign) in signed {
        let value = operand(period, entry, input).map(|v| v * Decimal::from(sign));
        total = match (total, &value) {
            (Ok(sum), Ok(v)) => sum.checked_add(*v).ok_or(Reason::TooLarge),
            (Err(reason), _) => Err(reason),
            (Ok(_), Err(reason)) => Err(reason.clone()),
        };
        items.push(Item {
            name: entry.written(),
            sign,
            amount: value.as_ref().ok().copied().map(Exact),
            reason: value.err(),
        });
    }
    let reported = period.non_gaap.reported.get(&definition.key).copied();
    let difference = match (reported, &total) {
        (Some(r), Ok(t)) => r.checked_sub(*t),
        _ => None,
    };
    let reason = total.as_ref().err().cloned();
    Reconciliation {
        period: period.label,
        base: base.map(Exact),
        items,
        total: total.ok().map(Exact),
        reported: reported.map(Exact),
        difference: difference.map(Exact),
        unavailable: reason.as_ref().map(|r| words(r, &[period.label])),
        reason,
    }
}

/// Half a unit in the last place of the reported figure as the file writes it, in full
/// currency units: a figure published as 121 reconciles with a total from 120.5 to 121.5, one
/// published as 120.7 with a total from 120.65 to 120.75 (in the file's scale).
pub fn half_unit(reconciliation: &Reconciliation, factor: Decimal) -> Decimal {
    let decimals = reconciliation
        .reported
        .map_or(0, |r| (r.0 / factor).normalize().scale())
        .min(27);
    Decimal::new(5, decimals + 1) * factor
}
