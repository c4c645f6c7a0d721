//! A series row's formula, built once and then filled in for each period: a row's formulas
//! differ from period to period only in the cell references its builder asked for, so the
//! builder runs once with markers in place of the references, and each later period asks the
//! same questions of its own cells and puts the answers where the markers were. Building the
//! text (and the formula trees' terms) per cell was most of a long history's series sheets.
//!
//! A template holds while a period's answers are present where the first one's were (a
//! builder only branches on whether an operand is there); otherwise the row is built again
//! and that becomes its template. A template is kept only when filling it in gives the text
//! the builder gave, so a builder that did anything else with a reference is simply built
//! per cell.

use std::cell::RefCell;

use crate::metrics::catalogue::workbook::{Cells, Field, Which};

/// One question a builder asked of the cells.
enum Query {
    Input(Which, Field),
    Metric(Which, String),
    Line(Which, String),
    AllLines(Which),
    AiExposed,
}

impl Query {
    /// Appends the references `cells` give (one or none; any number for the AI-exposed lines)
    /// and tells how many.
    fn ask(&self, cells: &dyn Cells, answers: &mut Vec<String>) -> usize {
        let one = match self {
            Query::Input(which, field) => cells.input(*which, *field),
            Query::Metric(which, key) => cells.metric(*which, key),
            Query::Line(which, name) => cells.line(*which, name),
            Query::AllLines(which) => cells.all_lines(*which),
            Query::AiExposed => {
                let lines = cells.ai_exposed_lines();
                let count = lines.len();
                answers.extend(lines);
                return count;
            }
        };
        one.map(|reference| answers.push(reference)).is_some() as usize
    }
}

/// A row's formula with its references left out.
struct Template {
    /// The months of the period it was built for: a builder writes them into the text (a
    /// year to date beside full years annualises otherwise).
    months: u32,
    /// The questions, in the order the builder asked them, and how many references each gave.
    queries: Vec<(Query, usize)>,
    /// The builder's text, and where each answer goes; `None` when the builder gave none.
    pieces: Option<Vec<Piece>>,
}

enum Piece {
    Text(String),
    /// The answer at this position in the order they were given.
    Reference(usize),
}

/// A row's template, once its first formula is built.
#[derive(Default)]
pub struct RowTemplate {
    current: Option<Template>,
    /// The references of the period being filled in (kept to spare an allocation a cell).
    answers: Vec<String>,
    /// A builder whose text a template cannot give: built per cell.
    per_cell: bool,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl RowTemplate {
    /// `build`'s formula over `cells`, from the row's template when it holds for them.
    pub fn formula(
        &mut self,
        cells: &dyn Cells,
        build: impl Fn(&dyn Cells) -> Option<String>,
    ) -> Option<String> {
        if self.per_cell {
            return build(cells);
        }
        if let Some(template) = &self.current {
            if template.months == cells.months() && answers(template, cells, &mut self.answers) {
                return fill(template.pieces.as_ref()?, &self.answers);
            }
        }
        let recorder = Recorder {
            cells,
            asked: RefCell::default(),
        };
        let marked = build(&recorder);
        let asked = recorder.asked.into_inner();
        let answers: Vec<String> = asked.iter().flat_map(|(_, given)| given.clone()).collect();
        let template = Template {
            months: cells.months(),
            queries: (asked.into_iter())
                .map(|(query, given)| (query, given.len()))
                .collect(),
            pieces: marked.as_deref().map(pieces),
        };
        let direct = build(cells);
        let filled = template.pieces.as_ref().and_then(|p| fill(p, &answers));
        self.per_cell = filled != direct;
        self.current = Some(template);
        direct
    }
}

/// The references `cells` give for the template's questions, into `answers`; false unless each
/// question gets as many as the template's did.
fn answers(template: &Template, cells: &dyn Cells, answers: &mut Vec<String>) -> bool {
    answers.clear();
    (template.queries.iter()).all(|(query, count)| query.ask(cells, answers) == *count)
}

/// The text with its markers as pieces.
fn pieces(marked: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        let Ok(at) = after[..close].parse() else {
            break;
        };
        pieces.push(Piece::Text(rest[..open].to_string()));
        pieces.push(Piece::Reference(at));
        rest = &after[close + CLOSE.len_utf8()..];
    }
    pieces.push(Piece::Text(rest.to_string()));
    pieces
}

/// The formula with the answers in place; `None` when a marker is past them.
fn fill(pieces: &[Piece], answers: &[String]) -> Option<String> {
    let length = |piece: &Piece| match piece {
        Piece::Text(part) => part.len(),
        Piece::Reference(at) => answers.get(*at).map_or(0, String::len),
    };
    let mut text = String::with_capacity(pieces.iter().map(length).sum());
    for piece in pieces {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Reference(at) => text.push_str(answers.get(*at)?),
        }
    }
    Some(text)
}

/// The cells as a builder sees them while its template is made: each answer a marker, and
/// each question and its real answers written down.
struct Recorder<'a> {
    cells: &'a dyn Cells,
    asked: RefCell<Vec<(Query, Vec<String>)>>,
}

impl Recorder<'_> {
    fn ask(&self, query: Query) -> Vec<String> {
        let mut given = Vec::new();
        query.ask(self.cells, &mut given);
        let mut asked = self.asked.borrow_mut();
        let first: usize = asked.iter().map(|(_, given)| given.len()).sum();
        let marks = (first..first + given.len()).map(|at| format!("{OPEN}{at}{CLOSE}"));
        let marks = marks.collect();
        asked.push((query, given));
        marks
    }
}

impl Cells for Recorder<'_> {
    fn input(&self, which: Which, field: Field) -> Option<String> {
        self.ask(Query::Input(which, field)).pop()
    }
    fn metric(&self, which: Which, key: &str) -> Option<String> {
        self.ask(Query::Metric(which, key.to_string())).pop()
    }
    fn line(&self, which: Which, name: &str) -> Option<String> {
        self.ask(Query::Line(which, name.to_string())).pop()
    }
    fn all_lines(&self, which: Which) -> Option<String> {
        self.ask(Query::AllLines(which)).pop()
    }
    fn ai_exposed_lines(&self) -> Vec<String> {
        self.ask(Query::AiExposed)
    }
    fn months(&self) -> u32 {
        self.cells.months()
    }
    fn rule_of_40_margin(&self) -> &'static str {
        self.cells.rule_of_40_margin()
    }
}

#[cfg(test)]
mod tests {
    use super::RowTemplate;
    use crate::metrics::catalogue::workbook::{growth_of, Cells, Field, Which};

    /// Revenue on Inputs row `row`, and a year earlier four rows up when `earlier`.
    struct Period {
        row: u32,
        earlier: bool,
    }

    impl Cells for Period {
        fn input(&self, which: Which, _: Field) -> Option<String> {
            match which {
                Which::This => Some(format!("Inputs!B{}", self.row)),
                Which::YearEarlier if self.earlier => Some(format!("Inputs!B{}", self.row - 4)),
                _ => None,
            }
        }
        fn metric(&self, _: Which, _: &str) -> Option<String> {
            None
        }
        fn line(&self, _: Which, _: &str) -> Option<String> {
            None
        }
        fn all_lines(&self, _: Which) -> Option<String> {
            None
        }
        fn ai_exposed_lines(&self) -> Vec<String> {
            Vec::new()
        }
        fn months(&self) -> u32 {
            3
        }
        fn rule_of_40_margin(&self) -> &'static str {
            "operating_margin"
        }
    }

    /// Each period's formula is the builder's own, from the template or built anew when an
    /// operand comes or goes.
    #[test]
    fn a_template_gives_each_period_the_builders_formula() {
        let growth = |cells: &dyn Cells| growth_of(cells, Field::Revenue, Which::YearEarlier);
        let mut row = RowTemplate::default();
        let mut at = |row_number, earlier| {
            let period = Period {
                row: row_number,
                earlier,
            };
            row.formula(&period, growth)
        };
        assert_eq!(at(3, false), None);
        assert_eq!(at(4, false), None);
        let expected = |this: u32, before: u32| {
            let (this, before) = (format!("Inputs!B{this}"), format!("Inputs!B{before}"));
            Some(format!("IF({before}>0,({this}-{before})/{before},\"n/m\")"))
        };
        assert_eq!(at(7, true), expected(7, 3));
        assert_eq!(at(8, true), expected(8, 4));
        assert_eq!(at(12, true), expected(12, 8));
        assert_eq!(at(13, false), None);
    }

    /// A builder that changes a reference's text is built per cell, never filled in wrongly.
    #[test]
    fn a_builder_that_rewrites_references_is_built_per_cell() {
        let lower =
            |cells: &dyn Cells| Some(cells.input(Which::This, Field::Revenue)?.to_lowercase());
        let mut row = RowTemplate::default();
        for number in [3, 4, 5] {
            let period = Period {
                row: number,
                earlier: false,
            };
            assert_eq!(
                row.formula(&period, lower),
                Some(format!("inputs!b{number}"))
            );
        }
        assert!(row.per_cell);
    }
}
