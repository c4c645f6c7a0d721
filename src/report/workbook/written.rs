//! A series sheet's cell as it is about to be written: ipobrief's value, the formula the
//! catalogue built (or why it is a value), and why the value is n/a. A row whose every period
//! is n/a for the same reason says so once, in a note on its name, instead of a note on each
//! of its cells (a long history's sheets held tens of thousands of identical notes, and
//! writing them was a fifth of its workbook's time).

use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

use super::style::note;
use super::template::RowTemplate;
use crate::metrics::catalogue::workbook::{Cells, InWorkbook, LineInWorkbook};
use crate::metrics::catalogue::{self};
use crate::metrics::{Number, PeriodMetrics};

/// A cell ready to be written: what it holds, and its note.
pub struct Ready {
    content: Content,
    note: Option<String>,
    /// Whether the note says why the value is n/a (left out when the row's name says it).
    na: bool,
}

enum Content {
    Formula(Formula),
    Number(f64),
    Empty,
}

impl Ready {
    /// Writes the cell without a format of its own: the row's format (its unit's) applies.
    /// `with_na_note`: false when the row's name carries the note an n/a cell would have.
    pub fn write(
        self,
        sheet: &mut Worksheet,
        (row, column): (u32, u16),
        with_na_note: bool,
    ) -> Result<(), XlsxError> {
        match self.content {
            Content::Formula(formula) => sheet.write_formula(row, column, formula).map(|_| ())?,
            Content::Number(value) => sheet.write_number(row, column, value).map(|_| ())?,
            Content::Empty => {}
        }
        match self.note {
            Some(text) if with_na_note || !self.na => {
                sheet.insert_note(row, column, &note(text)).map(|_| ())
            }
            _ => Ok(()),
        }
    }
}

/// A cell about to be written.
pub struct Written {
    value: Option<Number>,
    formula: Result<Option<String>, &'static str>,
    /// Why the value is n/a, as its note reads; worked out only for a cell that is.
    na: Option<String>,
}

/// "n/m" when `key`'s value in `period` is not meaningful (a percent change from a zero or
/// negative base), else "n/a".
fn mark(period: &PeriodMetrics, key: &str) -> &'static str {
    match period.unavailable.get(key) {
        Some(reason) if reason.not_meaningful() => crate::format::NOT_MEANINGFUL,
        _ => "n/a",
    }
}

/// The note of an n/a cell: "n/a: why" (or "n/m: why").
pub fn na_note(period: &PeriodMetrics, key: &str, why: String) -> String {
    format!("{}: {why}", mark(period, key))
}

/// The note for the name of a row whose every cell (two or more) is n/a with the same note,
/// "n/a in every period: why"; `None` when the cells need notes of their own.
pub fn shared_note(cells: &[Written]) -> Option<String> {
    let (first, rest) = cells.split_first()?;
    let text = first.na.as_deref()?;
    let same = |cell: &Written| cell.value.is_none() && cell.na.as_deref() == Some(text);
    if rest.is_empty() || first.value.is_some() || !rest.iter().all(same) {
        return None;
    }
    let (mark, why) = text.split_once(": ")?;
    Some(format!("{mark} in every period: {why}"))
}

impl Written {
    /// A cell of `value`, its formula (or why it is a value) and, when n/a, its note.
    pub fn new(
        value: Option<Number>,
        formula: Result<Option<String>, &'static str>,
        na: Option<String>,
    ) -> Written {
        Written { value, formula, na }
    }

    /// The cell made ready to write, its formula made with its cached result (the dear part,
    /// done on any thread); `as_held` gives a number as the sheet holds it.
    pub fn prepare(self, as_held: impl Fn(Number) -> f64) -> Ready {
        let Some(number) = self.value else {
            // A guarded formula stands in an n/a cell too, its result empty.
            let content = match self.formula {
                Ok(Some(formula)) => Content::Formula(Formula::new(formula).set_result("")),
                _ => Content::Empty,
            };
            return Ready {
                content,
                note: Some(self.na.unwrap_or_default()),
                na: true,
            };
        };
        let value = as_held(number);
        let (content, note) = match self.formula {
            Ok(Some(formula)) => {
                let formula = Formula::new(formula).set_result(super::cached::result(value));
                (Content::Formula(formula), None)
            }
            Ok(None) => (
                Content::Number(value),
                Some(
                    "written as a value: an operand of its formula is not in the workbook"
                        .to_string(),
                ),
            ),
            Err(why) => (
                Content::Number(value),
                Some(format!("written as a value: {why}")),
            ),
        };
        Ready {
            content,
            note,
            na: false,
        }
    }

    /// A catalogue metric's cell in `period`.
    pub fn metric(
        metric: &catalogue::Metric,
        period: &PeriodMetrics,
        (here, template): (&dyn Cells, &mut RowTemplate),
    ) -> Written {
        let value = metric.value(period);
        Written {
            value,
            formula: match metric.workbook {
                // Built only for a cell with a value: an n/a cell is left empty.
                InWorkbook::Formula(build) => Ok(value.and_then(|_| template.formula(here, build))),
                // In every period its operands allow, empty where n/a.
                InWorkbook::Guarded(build) => Ok(template.formula(here, build)),
                InWorkbook::Tree => Ok(value.and_then(|_| {
                    template.formula(here, |cells| super::tree::metric(metric, cells))
                })),
                InWorkbook::Value(why) => Err(why),
            },
            na: value.is_none().then(|| {
                let why = (period.unavailable.reason(metric.key))
                    .unwrap_or_else(|| metric.unavailable.to_string());
                na_note(period, metric.key, why)
            }),
        }
    }

    /// A cost line's metric's cell in `period`.
    pub fn line(
        line: &str,
        metric: &catalogue::LineMetric,
        period: &PeriodMetrics,
        (here, template): (&dyn Cells, &mut RowTemplate),
    ) -> Written {
        let listed = period.cost_lines.get(line);
        let value = listed.and_then(metric.get);
        Written {
            value,
            formula: match metric.workbook {
                LineInWorkbook::Formula(build) => {
                    Ok(value.and_then(|_| template.formula(here, |cells| build(cells, line))))
                }
                LineInWorkbook::Tree => Ok(value.and_then(|_| {
                    template.formula(here, |cells| super::tree::line(metric, cells, line))
                })),
                LineInWorkbook::Value(why) => Err(why),
            },
            na: value.is_none().then(|| {
                let key = format!("cost_lines.{line}.{}", metric.key);
                let why = match listed {
                    None => format!("{} does not list this line", period.label),
                    Some(_) => (period.unavailable.reason(&key))
                        .unwrap_or_else(|| metric.unavailable.to_string()),
                };
                na_note(period, &key, why)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{shared_note, Written};
    use crate::metrics::Number;

    fn na(why: &str) -> Written {
        Written {
            value: None,
            formula: Ok(None),
            na: Some(why.to_string()),
        }
    }

    /// One note on the row's name only when two or more cells are all n/a for one reason.
    #[test]
    fn a_row_n_a_for_one_reason_in_every_period_has_one_note() {
        let given = "n/a: not given in the input";
        assert_eq!(
            shared_note(&[na(given), na(given), na(given)]).as_deref(),
            Some("n/a in every period: not given in the input")
        );
        assert_eq!(
            shared_note(&[na(given)]),
            None,
            "a single period keeps its cell's"
        );
        assert_eq!(shared_note(&[na(given), na("n/a: other")]), None);
        let valued = Written {
            value: Some(Number::Float(1.0)),
            formula: Ok(None),
            na: None,
        };
        assert_eq!(shared_note(&[na(given), valued]), None);
        assert_eq!(shared_note(&[]), None);
    }
}
