//! The figures a period can give, each defined once: its name in every input format (a CSV
//! column, a spreadsheet row, a workbook Inputs column; in TOML and JSON the period table's key,
//! or the `[period.ai]` table's key for the AI figures), whether it is money, and where the
//! readers put it. The CSV and spreadsheet columns, the TOML field lists behind "did you mean",
//! the readers' setter, the workbook's Inputs columns and the operands of its formulas all draw
//! from [`FIGURES`]; a new figure is one entry here (and its place in the structs).

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::raw::{Amount, RawAi, RawPeriod};
use super::Period;

/// A figure of a period. The order is the CSV columns' (after `label`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Revenue,
    HeadcountEnd,
    HeadcountStart,
    PersonnelCost,
    OperatingIncome,
    AdjustedOperatingIncome,
    CostOfRevenue,
    DepreciationAmortization,
    StockBasedCompensation,
    OperatingCashFlow,
    Capex,
    Cash,
    AiSpend,
    AiFteEquivalent,
    NetIncome,
    InterestExpense,
    IncomeTax,
}

/// Which table of a TOML or JSON period holds a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `[[period]]` itself.
    Period,
    /// `[period.ai]`.
    Ai,
}

/// One figure: how each format names it and what it measures.
#[derive(Debug)]
pub struct Figure {
    pub field: Field,
    /// The CSV column, spreadsheet row and workbook Inputs column.
    pub column: &'static str,
    /// The key in its TOML or JSON table.
    pub key: &'static str,
    pub table: Table,
    /// Money, in the company's currency and scale (else people or a count).
    pub money: bool,
    /// Whether the workbook's Inputs sheet has a column for it among the figures, before
    /// `notes` (the figures only the non-GAAP reconciliations read have theirs after the cost
    /// lines and values, where a period gives them, so a company without them has the sheet it
    /// had before they were read).
    pub inputs_sheet: bool,
}

const fn figure(field: Field, column: &'static str, money: bool) -> Figure {
    Figure {
        field,
        column,
        key: column,
        table: Table::Period,
        money,
        inputs_sheet: true,
    }
}

/// A statement figure that only the non-GAAP reconciliations read (see `inputs_sheet`).
const fn reconciled(field: Field, column: &'static str) -> Figure {
    Figure {
        inputs_sheet: false,
        ..figure(field, column, true)
    }
}

/// Every figure, in [`Field`]'s order (a test checks it).
pub const FIGURES: [Figure; 17] = [
    figure(Field::Revenue, "revenue", true),
    figure(Field::HeadcountEnd, "headcount_end", false),
    figure(Field::HeadcountStart, "headcount_start", false),
    figure(Field::PersonnelCost, "personnel_cost", true),
    figure(Field::OperatingIncome, "operating_income", true),
    figure(
        Field::AdjustedOperatingIncome,
        "adjusted_operating_income",
        true,
    ),
    figure(Field::CostOfRevenue, "cost_of_revenue", true),
    figure(
        Field::DepreciationAmortization,
        "depreciation_amortization",
        true,
    ),
    figure(
        Field::StockBasedCompensation,
        "stock_based_compensation",
        true,
    ),
    figure(Field::OperatingCashFlow, "operating_cash_flow", true),
    figure(Field::Capex, "capex", true),
    figure(Field::Cash, "cash", true),
    Figure {
        field: Field::AiSpend,
        column: "ai_spend",
        key: "spend",
        table: Table::Ai,
        money: true,
        inputs_sheet: true,
    },
    Figure {
        field: Field::AiFteEquivalent,
        column: "ai_fte_equivalent",
        key: "fte_equivalent",
        table: Table::Ai,
        money: false,
        inputs_sheet: true,
    },
    reconciled(Field::NetIncome, "net_income"),
    reconciled(Field::InterestExpense, "interest_expense"),
    reconciled(Field::IncomeTax, "income_tax"),
];

impl Field {
    /// The figure's entry in [`FIGURES`].
    pub fn figure(self) -> &'static Figure {
        &FIGURES[self as usize]
    }

    /// The figure named by a CSV column or spreadsheet row.
    pub fn by_column(column: &str) -> Option<Field> {
        FIGURES.iter().find(|f| f.column == column).map(|f| f.field)
    }

    /// The figure as the validated period has it.
    pub fn get(self, period: &Period) -> Option<Decimal> {
        let statement = &period.statement;
        match self {
            Field::Revenue => Some(period.revenue),
            Field::HeadcountEnd => period.headcount_end,
            Field::HeadcountStart => period.headcount_start,
            Field::PersonnelCost => period.personnel_cost,
            Field::OperatingIncome => period.operating_income,
            Field::AdjustedOperatingIncome => period.adjusted_operating_income,
            Field::CostOfRevenue => statement.cost_of_revenue,
            Field::DepreciationAmortization => statement.depreciation_amortization,
            Field::StockBasedCompensation => statement.stock_based_compensation,
            Field::OperatingCashFlow => statement.operating_cash_flow,
            Field::Capex => statement.capex,
            Field::Cash => statement.cash,
            Field::AiSpend => period.ai.spend,
            Field::AiFteEquivalent => period.ai.fte_equivalent,
            Field::NetIncome => statement.net_income,
            Field::InterestExpense => statement.interest_expense,
            Field::IncomeTax => statement.income_tax,
        }
    }

    /// Where a reader puts the figure in a period as read.
    pub fn slot(self, period: &mut RawPeriod) -> &mut Option<Amount> {
        match self {
            Field::Revenue => &mut period.revenue,
            Field::HeadcountEnd => &mut period.headcount_end,
            Field::HeadcountStart => &mut period.headcount_start,
            Field::PersonnelCost => &mut period.personnel_cost,
            Field::OperatingIncome => &mut period.operating_income,
            Field::AdjustedOperatingIncome => &mut period.adjusted_operating_income,
            Field::CostOfRevenue => &mut period.cost_of_revenue,
            Field::DepreciationAmortization => &mut period.depreciation_amortization,
            Field::StockBasedCompensation => &mut period.stock_based_compensation,
            Field::OperatingCashFlow => &mut period.operating_cash_flow,
            Field::Capex => &mut period.capex,
            Field::Cash => &mut period.cash,
            Field::AiSpend => &mut period.ai.get_or_insert_with(RawAi::default).spend,
            Field::AiFteEquivalent => {
                &mut period.ai.get_or_insert_with(RawAi::default).fte_equivalent
            }
            Field::NetIncome => &mut period.net_income,
            Field::InterestExpense => &mut period.interest_expense,
            Field::IncomeTax => &mut period.income_tax,
        }
    }
}

/// The keys of a TOML or JSON table that are figures.
pub fn keys(table: Table) -> impl Iterator<Item = &'static str> {
    FIGURES
        .iter()
        .filter(move |f| f.table == table)
        .map(|f| f.key)
}

/// The keys of a `[[period]]` table: `label`, the figures it holds, and its sub-tables.
pub static PERIOD_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("label")
        .chain(keys(Table::Period))
        .chain([
            "notes",
            "months",
            "costs",
            "ai",
            "values",
            "adjustments",
            "reported",
            "budget",
            "guidance",
        ])
        .collect()
});
/// The keys of a `[period.ai]` table.
pub static AI_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| keys(Table::Ai).collect());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_is_at_its_own_place() {
        for (at, figure) in FIGURES.iter().enumerate() {
            assert_eq!(figure.field as usize, at, "{}", figure.column);
            assert_eq!(figure.field.figure().column, figure.column);
            assert_eq!(Field::by_column(figure.column), Some(figure.field));
        }
    }

    /// A CSV with every figure's column, each with its own value, read by the real reader
    /// (which puts each into [`Field::slot`]) and validated: [`Field::get`] finds each value
    /// where its column put it, so the readers and the workbook agree on every figure.
    #[test]
    fn every_figure_read_from_its_column_reads_back() {
        let header: Vec<&str> = FIGURES.iter().map(|f| f.column).collect();
        let values: Vec<String> = (1..=FIGURES.len()).map(|n| (n * 10).to_string()).collect();
        let text = format!("label,{}\n2024,{}\n", header.join(","), values.join(","));
        let options = crate::input::ReadOptions {
            company_fields: vec![
                ("name".into(), "Acme".into()),
                ("currency".into(), "USD".into()),
            ],
            ..Default::default()
        };
        let input = crate::input::parse(&text, "all.csv", crate::input::Format::Csv, &options)
            .unwrap_or_else(|error| panic!("{error}"));
        for (n, figure) in FIGURES.iter().enumerate() {
            assert_eq!(
                figure.field.get(&input.periods[0]),
                Some(Decimal::from((n as i64 + 1) * 10)),
                "{}",
                figure.column
            );
        }
    }

    /// The field lists behind "did you mean" and the serde structs (the TOML and JSON schema)
    /// name the same fields, both ways.
    #[test]
    fn the_field_lists_are_the_structs_fields() {
        fn named_by_serde<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
            let error = serde_json::from_str::<T>(r#"{"zzz_unknown": 1}"#)
                .expect_err("an unknown field is refused")
                .to_string();
            // "unknown field `zzz_unknown`, expected one of `label`, `revenue`, ..."
            let mut names: Vec<String> = error
                .split('`')
                .skip(3)
                .step_by(2)
                .map(String::from)
                .collect();
            names.sort();
            names
        }
        let sorted = |list: &[&str]| {
            let mut names: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            names.sort();
            names
        };
        assert_eq!(named_by_serde::<RawPeriod>(), sorted(&PERIOD_FIELDS));
        assert_eq!(named_by_serde::<RawAi>(), sorted(&AI_FIELDS));
    }
}
