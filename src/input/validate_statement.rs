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
    let figure = |value: Option<Amount>, key: &str, what: &str, sign: Sign| {
        let Some(Amount(written)) = value else {
            return Ok(None);
        };
        if sign == Sign::Cost && cost_sign == CostSign::Negative && written > Decimal::ZERO {
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
            Sign::Cost | Sign::Expense => cost_sign.read(written),
            _ => written,
        };
        if matches!(sign, Sign::Cost | Sign::NonNegative)
            && value.is_sign_negative()
            && !value.is_zero()
        {
            let help = match key {
                "capex" => "write capex as the money paid, a positive amount (a cash-flow \
                            statement shows it in brackets; leave the sign out)"
                    .to_string(),
                "cash" => "write the cash held at the period's end, 0 or more".to_string(),
                _ => format!("write {what} as a positive amount (a cost of 0 or more)"),
            };
            return Err(check
                .error(
                    at(&[key]),
                    format!("{what} must not be negative, found {value}"),
                )
                .with_help(help));
        }
        check.scaled(value, scale, || at(&[key])).map(Some)
    };
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
mod tests {
    use rust_decimal::Decimal;

    use crate::input::{parse, Format, ReadOptions, RuleOf40Margin, Statement};

    fn read(text: &str, format: Format) -> Result<Vec<Statement>, String> {
        let options = ReadOptions {
            company_fields: vec![
                ("name".into(), "Acme".into()),
                ("currency".into(), "EUR".into()),
                ("scale".into(), "thousands".into()),
            ],
            ..ReadOptions::default()
        };
        parse(text, "t", format, &options)
            .map(|input| input.periods.into_iter().map(|p| p.statement).collect())
            .map_err(|e| e.to_string())
    }

    fn thousands(value: i64) -> Option<Decimal> {
        Some(Decimal::from(value * 1000))
    }

    /// The six figures read from TOML, JSON, CSV rows and CSV periods-across alike, scaled.
    #[test]
    fn statement_fields_read_from_every_format() {
        let toml = "[[period]]\nlabel = \"2024\"\nrevenue = 100\ncost_of_revenue = 40\n\
                    depreciation_amortization = 5\nstock_based_compensation = 7\n\
                    operating_cash_flow = -12\ncapex = 3\ncash = 250\n";
        let json = r#"{"period": [{"label": "2024", "revenue": 100, "cost_of_revenue": 40,
            "depreciation_amortization": 5, "stock_based_compensation": 7,
            "operating_cash_flow": -12, "capex": 3, "cash": 250}]}"#;
        let csv = "label,revenue,cost_of_revenue,depreciation_amortization,\
                   stock_based_compensation,operating_cash_flow,capex,cash\n\
                   2024,100,40,5,7,(12),3,250\n";
        let across = "figure,2024\nrevenue,100\nCost_of_Revenue,40\ndepreciation_amortization,5\n\
                      stock_based_compensation,7\noperating_cash_flow,-12\ncapex,3\ncash,250\n";
        for (text, format) in [
            (toml, Format::Toml),
            (json, Format::Json),
            (csv, Format::Csv),
            (across, Format::Csv),
        ] {
            let statements = read(text, format).unwrap_or_else(|e| panic!("{e}\n{text}"));
            let s = &statements[0];
            assert_eq!(s.cost_of_revenue, thousands(40), "{text}");
            assert_eq!(s.depreciation_amortization, thousands(5));
            assert_eq!(s.stock_based_compensation, thousands(7));
            assert_eq!(s.operating_cash_flow, thousands(-12));
            assert_eq!(s.capex, thousands(3));
            assert_eq!(s.cash, thousands(250));
        }
    }

    /// Under cost_sign = "negative" the costs among them are negated; a positive one is refused.
    #[test]
    fn costs_follow_cost_sign_and_cash_never_does() {
        let text = |capex: &str| {
            format!(
                "[company]\nname = \"A\"\ncurrency = \"EUR\"\ncost_sign = \"negative\"\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 100\ncapex = {capex}\ncash = 9\n\
                 operating_cash_flow = 4\ncosts = {{ staff = -60, rent = -10 }}\n"
            )
        };
        let input = crate::input::from_toml(&text("-3")).unwrap();
        let statement = &input.periods[0].statement;
        assert_eq!(statement.capex, Some(Decimal::from(3)));
        assert_eq!(statement.cash, Some(Decimal::from(9)));
        assert_eq!(statement.operating_cash_flow, Some(Decimal::from(4)));
        let error = crate::input::from_toml(&text("3")).unwrap_err().to_string();
        assert!(
            error.contains("capex is written as 3, above zero"),
            "{error}"
        );
        assert!(error.contains("t.toml:8:1"), "{error}");
    }

    #[test]
    fn rule_of_40_margin_is_read_from_readiness() {
        let text = |margin: &str| {
            format!(
                "[company]\nname = \"A\"\ncurrency = \"EUR\"\n[readiness]\n\
                 rule_of_40_margin = \"{margin}\"\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n"
            )
        };
        let margin = |name: &str| {
            crate::input::from_toml(&text(name)).map(|i| i.readiness.rule_of_40_margin)
        };
        assert_eq!(margin("fcf").unwrap(), RuleOf40Margin::Fcf);
        assert_eq!(margin("EBITDA").unwrap(), RuleOf40Margin::Ebitda);
        let error = margin("gross").unwrap_err().to_string();
        assert!(error.contains("t.toml:5:1"), "{error}");
        assert!(error.contains("found \"gross\""), "{error}");
        let default = crate::input::from_toml(
            "[company]\nname = \"A\"\ncurrency = \"EUR\"\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n",
        )
        .unwrap();
        assert_eq!(
            default.readiness.rule_of_40_margin,
            RuleOf40Margin::Operating
        );
        let options = crate::input::ReadOptions {
            company_fields: vec![
                ("name".into(), "A".into()),
                ("currency".into(), "EUR".into()),
                ("readiness.rule_of_40_margin".into(), "ebitda".into()),
            ],
            ..Default::default()
        };
        let input =
            crate::input::parse("label,revenue\n2024,1\n", "t.csv", Format::Csv, &options).unwrap();
        assert_eq!(input.readiness.rule_of_40_margin, RuleOf40Margin::Ebitda);
    }
}
