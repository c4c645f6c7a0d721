//! How each metric is written in the analyst's workbook (`metrics.xlsx`): as an Excel formula
//! built from the cell references of its operands, or as a value with the reason why. The
//! formulas live on the catalogue entries, beside the formula in words; the workbook module
//! only lays out cells and answers [`Cells`] questions ("where is this period's revenue?").
//!
//! Conventions every formula follows, so that the workbook reads as a finance sheet:
//! - amounts (revenue, costs, income) are in the company's scale, as the input gives them;
//!   the defined name `Scale` (1,000,000 for millions) turns them into currency units;
//! - percentages and growth rates are fractions (0.248 shows as 24.8%); percentage points
//!   and Rule-of-40 points are numbers of points;
//! - money per person per year is in full currency units, rounded to the cent as ipobrief
//!   rounds it.
//!
//! A builder returns `None` when an operand it needs is not in the workbook; the workbook then
//! writes the value and says why in a note (the catalogue tests check this never happens for
//! the bundled example).

/// A figure of the input, one column of the Inputs sheet: defined once, in `input::figures`.
pub use crate::input::Field;

/// Which period a reference is about: the one the formula is for, the same period a year
/// earlier, or the period just before (same series).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    This,
    YearEarlier,
    Previous,
}

/// Cell references a formula is built from. Every answer is an A1 reference (with its sheet
/// when it is on another one), or `None` when that cell is empty (no such figure, or n/a).
pub trait Cells {
    /// A figure of the Inputs sheet.
    fn input(&self, which: Which, field: Field) -> Option<String>;
    /// Another metric's cell (by catalogue key) on the same sheet.
    fn metric(&self, which: Which, key: &str) -> Option<String>;
    /// A cost line's amount on the Inputs sheet.
    fn line(&self, which: Which, name: &str) -> Option<String>;
    /// Every cost line of the period on the Inputs sheet, as one range, when every line that
    /// any period lists is there (like for like).
    fn all_lines(&self, which: Which) -> Option<String>;
    /// The period's cost lines marked `ai_exposed` (those it lists).
    fn ai_exposed_lines(&self) -> Vec<String>;
    /// The months the period's figures cover ([`crate::input::Period::months`]): 12 for a
    /// year, 6 for a half, 3 for a quarter, fewer for a year to date.
    fn months(&self) -> u32;
    /// The catalogue key of the margin the Rule of 40 adds (`rule_of_40_margin`).
    fn rule_of_40_margin(&self) -> &'static str;
}

/// How a metric is written in the workbook.
#[derive(Clone, Copy)]
pub enum InWorkbook {
    /// A formula (without the leading `=`) from the cells of its operands.
    Formula(fn(&dyn Cells) -> Option<String>),
    /// Written as a value, and why it cannot be a formula.
    Value(&'static str),
    /// A formula written in every period whose operands are in the workbook, even where the
    /// metric is n/a: it gives an empty cell there (net burn while not burning), so a what-if
    /// that changes its operands shows the metric appear or go, guarded as ipobrief computes it.
    Guarded(fn(&dyn Cells) -> Option<String>),
    /// The formula is the entry's formula tree, written over its operands' cells (the
    /// workbook's tree writer); built only for a cell with a value.
    Tree,
}

impl InWorkbook {
    /// The formula's builder, if the metric is a formula.
    pub fn builder(self) -> Option<fn(&dyn Cells) -> Option<String>> {
        match self {
            InWorkbook::Formula(build) | InWorkbook::Guarded(build) => Some(build),
            InWorkbook::Value(_) | InWorkbook::Tree => None,
        }
    }
}

impl std::fmt::Debug for InWorkbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InWorkbook::Formula(_) => f.write_str("Formula"),
            InWorkbook::Guarded(_) => f.write_str("Guarded"),
            InWorkbook::Tree => f.write_str("Tree"),
            InWorkbook::Value(why) => write!(f, "Value({why:?})"),
        }
    }
}

/// How a cost line's metric is written: like [`InWorkbook`], for the line named.
#[derive(Clone, Copy)]
pub enum LineInWorkbook {
    Formula(fn(&dyn Cells, &str) -> Option<String>),
    Value(&'static str),
    /// The entry's formula tree, over the line's and the Inputs sheet's cells.
    Tree,
}

impl std::fmt::Debug for LineInWorkbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineInWorkbook::Formula(_) => f.write_str("Formula"),
            LineInWorkbook::Tree => f.write_str("Tree"),
            LineInWorkbook::Value(why) => write!(f, "Value({why:?})"),
        }
    }
}

/// The defined name holding the scale factor (1,000,000 for millions).
pub const SCALE: &str = "Scale";

/// A figure as the input gives it.
pub fn link(cells: &dyn Cells, field: Field) -> Option<String> {
    cells.input(Which::This, field)
}

/// `(after − before) ÷ before`, a fraction; "n/m" (not meaningful) when `before` is zero or
/// negative, as ipobrief says it (`money::change_pct`).
pub fn growth(after: String, before: String) -> String {
    format!("IF({before}>0,({after}-{before})/{before},\"n/m\")")
}

/// A figure's growth against the same period a year earlier.
pub fn growth_of(cells: &dyn Cells, field: Field, against: Which) -> Option<String> {
    Some(growth(
        cells.input(Which::This, field)?,
        cells.input(against, field)?,
    ))
}

/// An amount of the period (in the scale) per person per year, in currency to the cent: a
/// year to date's months are annualised as a quarter's are.
pub fn per_employee(cells: &dyn Cells, amount: &str) -> Option<String> {
    Some(format!(
        "ROUND({}*{SCALE}*{}/{},2)",
        cells.metric(Which::This, amount)?,
        annualised(cells.months()),
        cells.metric(Which::This, "avg_headcount")?
    ))
}

/// What a period's figure is multiplied by to be a year's: "4" for a quarter, "12/5" for five
/// months (a whole factor where 12 divides evenly, so a full period's formula reads as ever).
fn annualised(months: u32) -> String {
    match months {
        0 => "0".to_string(),
        m if 12 % m == 0 => (12 / m).to_string(),
        m => format!("12/{m}"),
    }
}

/// Average headcount: start and end halved; the start is the previous period's end when the
/// input gives none; without either, the end alone.
pub fn average_headcount(cells: &dyn Cells) -> Option<String> {
    let end = cells.input(Which::This, Field::HeadcountEnd)?;
    let start = cells
        .input(Which::This, Field::HeadcountStart)
        .or_else(|| cells.input(Which::Previous, Field::HeadcountEnd));
    Some(match start {
        Some(start) => format!("({start}+{end})/2"),
        None => end,
    })
}

/// Operating income: the reported figure, else revenue minus opex.
pub fn operating_income(cells: &dyn Cells) -> Option<String> {
    cells
        .input(Which::This, Field::OperatingIncome)
        .or_else(|| {
            Some(format!(
                "{}-{}",
                cells.metric(Which::This, "revenue")?,
                cells.metric(Which::This, "opex")?
            ))
        })
}

/// Two growth rates (fractions) told apart in percentage points, or added as Rule-of-40 points.
pub fn points(cells: &dyn Cells, first: &str, operator: char, second: &str) -> Option<String> {
    Some(format!(
        "({}{operator}{})*100",
        cells.metric(Which::This, first)?,
        cells.metric(Which::This, second)?
    ))
}

/// AI savings: AI full-time equivalents × personnel cost per average head, to the cent, in
/// the scale.
pub fn ai_savings(cells: &dyn Cells) -> Option<String> {
    Some(format!(
        "ROUND({}*({}*{SCALE}/{}),2)/{SCALE}",
        cells.metric(Which::This, "ai_fte_equivalent")?,
        cells.metric(Which::This, "personnel_cost")?,
        cells.metric(Which::This, "avg_headcount")?
    ))
}

/// The sum of the cost lines marked AI-exposed that the period lists.
pub fn ai_exposed(cells: &dyn Cells) -> Option<String> {
    let lines = cells.ai_exposed_lines();
    (!lines.is_empty()).then(|| format!("SUM({})", lines.join(",")))
}

/// Net burn: minus the free cash flow, while that is below zero; else an empty cell.
pub fn net_burn(cells: &dyn Cells) -> Option<String> {
    let fcf = cells.metric(Which::This, "free_cash_flow")?;
    Some(format!("IF({fcf}<0,-{fcf},\"\")"))
}

/// Cash runway in months: cash × the period's months ÷ its net burn (a quarter's burn is
/// spread over 3 months, a half's over 6, a year's over 12, a year to date's over its months).
pub fn runway_months(cells: &dyn Cells) -> Option<String> {
    let (cash, burn) = (
        cells.metric(Which::This, "cash")?,
        cells.metric(Which::This, "net_burn")?,
    );
    // Only while burning: the burn cell is empty (text) otherwise, and text > 0 in Excel.
    Some(format!(
        "IF(AND(ISNUMBER({burn}),ISNUMBER({cash})),IF({burn}>0,{cash}*{}/{burn},\"\"),\"\")",
        cells.months(),
    ))
}

#[cfg(test)]
mod tests {
    use super::annualised;

    /// A quarter's figure is a year's times 4; five months' times 12/5.
    #[test]
    fn a_period_is_annualised_by_its_months() {
        assert_eq!(annualised(12), "1");
        assert_eq!(annualised(6), "2");
        assert_eq!(annualised(3), "4");
        assert_eq!(annualised(9), "12/9");
        assert_eq!(annualised(5), "12/5");
    }
}
