//! The statement figures of a period (cost of revenue, D&A, stock-based compensation,
//! operating cash flow, capex, cash), validated like the other amounts: costs and cash must
//! not be negative, costs follow `cost_sign`, every amount is scaled without overflow. And
//! `rule_of_40_margin` in `[readiness]`.

use rust_decimal::Decimal;

use super::super::cost_sign::CostSign;
use super::super::locate::{FieldPath, Table};
use super::super::raw::{Amount, RawPeriod};
use super::super::{RuleOf40Margin, Scale, Statement};
use super::Checker;
use crate::diagnostic::{did_you_mean, InputError};

/// How a statement figure is signed.
#[derive(Clone, Copy, PartialEq)]
enum Sign {
    /// A cost: written as a positive amount (negated first under `cost_sign = "negative"`).
    Cost,
    /// Never below zero, whatever `cost_sign` says (cash at period end).
    NonNegative,
    /// Either sign (operating cash flow).
    Any,
    /// An expense that may turn to income (interest, tax): read by `cost_sign` like a cost,
    /// either sign allowed.
    Expense,
}

pub(super) fn statement(
    raw: &RawPeriod,
    scale: Scale,
    cost_sign: CostSign,
    check: &Checker,
    at: &dyn Fn(&[&str]) -> FieldPath,
) -> Result<Statement, InputError> {
    let reader = FigureReader {
        scale,
        cost_sign,
        check,
        at,
    };
    let figure = |value, key, what, sign| reader.figure(value, key, what, sign);
    Ok(Statement {
        cost_of_revenue: figure(
            raw.cost_of_revenue,
            "cost_of_revenue",
            "cost of revenue",
            Sign::Cost,
        )?,
        depreciation_amortization: figure(
            raw.depreciation_amortization,
            "depreciation_amortization",
            "depreciation and amortisation",
            Sign::Cost,
        )?,
        stock_based_compensation: figure(
            raw.stock_based_compensation,
            "stock_based_compensation",
            "stock-based compensation",
            Sign::Cost,
        )?,
        operating_cash_flow: figure(
            raw.operating_cash_flow,
            "operating_cash_flow",
            "operating cash flow",
            Sign::Any,
        )?,
        capex: figure(raw.capex, "capex", "capex", Sign::Cost)?,
        cash: figure(raw.cash, "cash", "cash", Sign::NonNegative)?,
        net_income: figure(raw.net_income, "net_income", "net income", Sign::Any)?,
        interest_expense: figure(
            raw.interest_expense,
            "interest_expense",
            "interest expense",
            Sign::Expense,
        )?,
        income_tax: figure(raw.income_tax, "income_tax", "income tax", Sign::Expense)?,
    })
}

/// What reading one statement figure needs: the scale, the cost sign, the checker and where
/// a figure's key sits in the file.
struct FigureReader<'a> {
    scale: Scale,
    cost_sign: CostSign,
    check: &'a Checker<'a>,
    at: &'a dyn Fn(&[&str]) -> FieldPath,
}

impl FigureReader<'_> {
    /// One figure, signed by `sign` and scaled; `None` when it is not written.
    fn figure(
        &self,
        value: Option<Amount>,
        key: &str,
        what: &str,
        sign: Sign,
    ) -> Result<Option<Decimal>, InputError> {
        let Some(Amount(written)) = value else {
            return Ok(None);
        };
        let (check, at) = (self.check, self.at);
        if sign == Sign::Cost && self.cost_sign == CostSign::Negative && written > Decimal::ZERO {
            return Err(check
                .error(
                    at(&[key]),
                    format!(
                        "{what} is written as {written}, above zero, but cost_sign = \
                         \"negative\" says costs are written below zero"
                    ),
                )
                .with_help(format!("write it as -{written}, as the cost lines are")));
        }
        let value = match sign {
            Sign::Cost | Sign::Expense => self.cost_sign.read(written),
            _ => written,
        };
        if matches!(sign, Sign::Cost | Sign::NonNegative)
            && value.is_sign_negative()
            && !value.is_zero()
        {
            return Err(check
                .error(
                    at(&[key]),
                    format!("{what} must not be negative, found {value}"),
                )
                .with_help(negative_help(key, what)));
        }
        check.scaled(value, self.scale, || at(&[key])).map(Some)
    }
}

/// The help for a figure found negative that must not be.
fn negative_help(key: &str, what: &str) -> String {
    match key {
        "capex" => "write capex as the money paid, a positive amount (a cash-flow \
                    statement shows it in brackets; leave the sign out)"
            .to_string(),
        "cash" => "write the cash held at the period's end, 0 or more".to_string(),
        _ => format!("write {what} as a positive amount (a cost of 0 or more)"),
    }
}

/// `rule_of_40_margin` in `[readiness]`: "operating" (the default), "ebitda" or "fcf".
pub(super) fn rule_of_40_margin(
    written: Option<String>,
    check: &Checker,
) -> Result<RuleOf40Margin, InputError> {
    let Some(written) = written else {
        return Ok(RuleOf40Margin::default());
    };
    RuleOf40Margin::parse(&written).ok_or_else(|| {
        let hint = did_you_mean(&written, RuleOf40Margin::NAMES.iter().copied())
            .map(|c| format!("did you mean \"{c}\"? "))
            .unwrap_or_default();
        check
            .error(
                FieldPath::new(Table::Readiness, &["rule_of_40_margin"]),
                format!(
                    "rule_of_40_margin must be \"operating\", \"ebitda\" or \"fcf\", found \
                     \"{written}\""
                ),
            )
            .with_help(format!(
                "{hint}the Rule of 40 adds this margin to revenue growth: operating margin \
                 (the default), EBITDA margin or free-cash-flow margin"
            ))
    })
}

#[cfg(test)]
#[path = "validate_statement_tests.rs"]
mod tests;
