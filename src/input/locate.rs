//! Finding where a field sits in the user's file, so validation errors can point at it.

use std::ops::Range;

use crate::diagnostic::{LineIndex, Location};

/// A field in the input, by the table it is in and the keys below that table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    pub table: Table,
    pub keys: Vec<String>,
    /// An entry of the list at `keys` (0-based), such as one of `peers = [...]`.
    pub item: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Company,
    Plan,
    Readiness,
    /// The n-th period, 0-based, in input order.
    Period(usize),
    /// The n-th `[[acknowledge]]` table, 0-based.
    Acknowledge(usize),
    /// The n-th `[[kpi]]` table, 0-based.
    Kpi(usize),
    /// The n-th `[[readiness.kpi]]` threshold, 0-based.
    ReadinessKpi(usize),
    /// The `[values.<name>]` tables: the units of the periods' values.
    Values,
    Adjustments,
    /// The n-th `[[non_gaap]]` measure, 0-based.
    NonGaap(usize),
}

impl FieldPath {
    pub fn new(table: Table, keys: &[&str]) -> Self {
        FieldPath {
            table,
            keys: keys.iter().map(|k| k.to_string()).collect(),
            item: None,
        }
    }

    /// The `index`-th entry (0-based) of the list at `keys`.
    pub fn item(table: Table, keys: &[&str], index: usize) -> Self {
        FieldPath {
            item: Some(index),
            ..FieldPath::new(table, keys)
        }
    }

    /// The keys from the top of the document, with array positions as numbers.
    fn steps(&self) -> Vec<Step<'_>> {
        let mut steps = match self.table {
            Table::Company => vec![Step::Key("company")],
            Table::Plan => vec![Step::Key("plan")],
            Table::Readiness => vec![Step::Key("readiness")],
            Table::Period(index) => vec![Step::Key("period"), Step::Index(index)],
            Table::Acknowledge(index) => vec![Step::Key("acknowledge"), Step::Index(index)],
            Table::Kpi(index) => vec![Step::Key("kpi"), Step::Index(index)],
            Table::ReadinessKpi(index) => {
                vec![Step::Key("readiness"), Step::Key("kpi"), Step::Index(index)]
            }
            Table::Values => vec![Step::Key("values")],
            Table::Adjustments => vec![Step::Key("adjustments")],
            Table::NonGaap(index) => vec![Step::Key("non_gaap"), Step::Index(index)],
        };
        steps.extend(self.keys.iter().map(|k| Step::Key(k.as_str())));
        steps.extend(self.item.map(Step::Index));
        steps
    }
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Maps a field to a position in the source. Falls back to the nearest enclosing table
/// when the field itself is absent (a missing field is reported at its table).
/// `Sync`: periods are validated on all cores, and any of them may need a position.
pub trait Locate: Sync {
    fn locate(&self, path: &FieldPath) -> Option<Location>;

    /// The 1-based line (TOML, JSON) or row (CSV, a spreadsheet) of each period's label, by
    /// the period's place in the input; `None` where it is not known. Cheap: one pass, never a
    /// full [`Location`] per period.
    fn label_lines(&self, periods: usize) -> Vec<Option<usize>>;
}

/// The label of the `index`-th period.
fn label_path(index: usize) -> FieldPath {
    FieldPath::new(Table::Period(index), &["label"])
}

/// The 1-based line of each byte offset in `text`, from one index of the line starts.
fn lines_at(lines: &LineIndex, offsets: &[Option<usize>]) -> Vec<Option<usize>> {
    offsets
        .iter()
        .map(|offset| offset.map(|at| lines.line(at)))
        .collect()
}

/// Locator for TOML, from the spans of the tree the values were read from.
pub struct TomlLocator<'a> {
    text: &'a str,
    document: toml::Spanned<toml::de::DeTable<'a>>,
    /// Where the text's lines start, made on the first place asked for.
    lines: std::sync::OnceLock<LineIndex>,
}

impl<'a> TomlLocator<'a> {
    pub fn new(text: &'a str, document: toml::Spanned<toml::de::DeTable<'a>>) -> Self {
        TomlLocator {
            text,
            document,
            lines: std::sync::OnceLock::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }
}

/// The value at `step` below `value`, and the span to point at: `key = value` for a value
/// (an inline table included), the key in the header for a table, the header for one table
/// of an array of tables.
fn toml_child<'v, 'a>(
    value: &'v toml::Spanned<toml::de::DeValue<'a>>,
    step: Step<'_>,
) -> Option<(&'v toml::Spanned<toml::de::DeValue<'a>>, Range<usize>)> {
    use toml::de::DeValue;
    match (step, value.get_ref()) {
        (Step::Key(key), DeValue::Table(table)) => toml_key(table, key),
        (Step::Index(index), DeValue::Array(array)) => {
            let table = array.get(index)?;
            Some((table, table.span()))
        }
        _ => None,
    }
}

impl TomlLocator<'_> {
    /// The span to point at for `path`: the field, else its nearest enclosing table.
    fn span(&self, path: &FieldPath) -> Option<Range<usize>> {
        let steps = path.steps();
        let (first, rest) = steps.split_first()?;
        let Step::Key(key) = *first else {
            return None;
        };
        let (mut value, here) = toml_key(self.document.get_ref(), key)?;
        let mut span = (here.end > here.start).then_some(here);
        for step in rest {
            let Some((next, here)) = toml_child(value, *step) else {
                break;
            };
            value = next;
            if here.end > here.start {
                span = Some(here);
            }
        }
        span
    }
}

impl Locate for TomlLocator<'_> {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        self.span(path)
            .map(|s| self.lines().location(self.text, s.start, s.end))
    }

    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        let offsets: Vec<Option<usize>> = (0..periods)
            .map(|index| self.span(&label_path(index)).map(|s| s.start))
            .collect();
        lines_at(self.lines(), &offsets)
    }
}

/// The value of `key` in `table` and the span to point at.
fn toml_key<'v, 'a>(
    root: &'v toml::de::DeTable<'a>,
    key: &str,
) -> Option<(&'v toml::Spanned<toml::de::DeValue<'a>>, Range<usize>)> {
    let (k, v) = root.get_key_value(key)?;
    let (ks, vs) = (k.span(), v.span());
    // A table's header starts before its key (`[company]`); a value comes after it.
    let here = if vs.start >= ks.start && vs.end > vs.start {
        ks.start..vs.end
    } else {
        ks
    };
    Some((v, here))
}

/// Locator for JSON, from jsonc-parser's syntax tree.
/// The syntax tree is only built when an error needs a position, so valid input is parsed once.
pub struct JsonLocator<'a> {
    pub text: &'a str,
    pub root: std::sync::OnceLock<Option<jsonc_parser::ast::Value<'a>>>,
    /// Where the text's lines start, made on the first place asked for.
    lines: std::sync::OnceLock<LineIndex>,
}

impl<'a> JsonLocator<'a> {
    pub fn new(text: &'a str) -> Self {
        JsonLocator {
            text,
            root: std::sync::OnceLock::new(),
            lines: std::sync::OnceLock::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }
}

impl JsonLocator<'_> {
    /// The byte span to point at for `path`: the field, else its nearest enclosing value.
    fn span(&self, path: &FieldPath) -> Option<(usize, usize)> {
        use jsonc_parser::ast::Value;
        use jsonc_parser::common::Ranged;
        let root = self.root.get_or_init(|| {
            jsonc_parser::parse_to_ast(self.text, &Default::default(), &Default::default())
                .ok()
                .and_then(|result| result.value)
        });
        let mut value = root.as_ref()?;
        let mut span: Option<(usize, usize)> = None;
        for step in path.steps() {
            let next = match (step, value) {
                (Step::Key(key), Value::Object(object)) => {
                    let key = if key == "period" && object.get("period").is_none() {
                        "periods"
                    } else {
                        key
                    };
                    object
                        .get(key)
                        .map(|prop| (&prop.value, prop.range.start, prop.range.end))
                }
                (Step::Index(index), Value::Array(array)) => array.elements.get(index).map(|v| {
                    let r = v.range();
                    // Point at the opening brace only: a whole object spans many lines.
                    (v, r.start, r.start + 1)
                }),
                _ => None,
            };
            let Some((next, start, end)) = next else {
                break;
            };
            value = next;
            span = Some((start, end));
        }
        span
    }
}

impl Locate for JsonLocator<'_> {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        self.span(path)
            .map(|(start, end)| self.lines().location(self.text, start, end))
    }

    /// Builds the syntax tree that valid input otherwise never needs: one more parse.
    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        let offsets: Vec<Option<usize>> = (0..periods)
            .map(|index| self.span(&label_path(index)).map(|(start, _)| start))
            .collect();
        lines_at(self.lines(), &offsets)
    }
}

/// Locator for CSV: a period is a row, a field is a column.
pub struct CsvLocator {
    /// For each period (in input order): its 1-based row number and the raw record text.
    pub rows: Vec<(usize, String)>,
}

impl CsvLocator {
    /// The CSV column that holds a period field.
    pub fn column_for(keys: &[String]) -> String {
        match keys {
            [table, name] if table == "costs" => format!("cost:{name}"),
            [table, name] if table == "values" => format!("value:{name}"),
            [table, name] if table == "adjustments" => format!("adjustment:{name}"),
            [table, name] if table == "reported" => format!("reported:{name}"),
            [table, name] if table == "ai" => super::figures::FIGURES
                .iter()
                .find(|f| f.table == super::figures::Table::Ai && f.key == name)
                .map_or_else(|| format!("ai_{name}"), |f| f.column.to_string()),
            [name, ..] => name.clone(),
            [] => "label".to_string(),
        }
    }
}

impl Locate for CsvLocator {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        match path.table {
            Table::Period(index) => {
                let (row, record) = self.rows.get(index)?;
                Some(Location::Cell {
                    row: *row,
                    row_name: None,
                    column: Self::column_for(&path.keys),
                    record: record.clone(),
                })
            }
            // Company fields come from --company, not from the file.
            _ => None,
        }
    }

    fn label_lines(&self, periods: usize) -> Vec<Option<usize>> {
        (0..periods)
            .map(|index| self.rows.get(index).map(|(row, _)| *row))
            .collect()
    }
}

#[cfg(test)]
#[path = "locate_tests.rs"]
mod tests;
