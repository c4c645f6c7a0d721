//! Finding where a field sits in the user's file, so validation errors can point at it.

use std::ops::Range;

use crate::diagnostic::{text_location, Location};

/// A field in the input, by the table it is in and the keys below that table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    pub table: Table,
    pub keys: Vec<String>,
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
}

impl FieldPath {
    pub fn new(table: Table, keys: &[&str]) -> Self {
        FieldPath {
            table,
            keys: keys.iter().map(|k| k.to_string()).collect(),
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
        };
        steps.extend(self.keys.iter().map(|k| Step::Key(k.as_str())));
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
}

/// Locator for TOML, from toml_edit's spans.
/// The syntax tree is only built when an error needs a position, so valid input is parsed once.
pub struct TomlLocator<'a> {
    pub text: &'a str,
    pub document: std::sync::OnceLock<Option<toml_edit::ImDocument<&'a str>>>,
}

impl<'a> TomlLocator<'a> {
    pub fn new(text: &'a str) -> Self {
        TomlLocator {
            text,
            document: std::sync::OnceLock::new(),
        }
    }
}

/// A place in a toml_edit tree: array-of-tables elements are `Table`s, everything else `Item`s.
#[derive(Clone, Copy)]
enum TomlNode<'a> {
    Item(&'a toml_edit::Item),
    Table(&'a toml_edit::Table),
}

impl<'a> TomlNode<'a> {
    fn table_like(self) -> Option<&'a dyn toml_edit::TableLike> {
        match self {
            TomlNode::Item(item) => item.as_table_like(),
            TomlNode::Table(table) => Some(table),
        }
    }

    fn child(self, step: Step<'_>) -> Option<(TomlNode<'a>, Range<usize>)> {
        match step {
            Step::Key(key) => {
                let (k, v) = self.table_like()?.get_key_value(key)?;
                // Point at `key = value` for plain values, at the header for tables.
                let here = match (k.span(), v.span()) {
                    (Some(ks), Some(vs)) if v.is_value() && vs.end >= ks.start => ks.start..vs.end,
                    (Some(ks), _) => ks,
                    (None, vs) => vs.unwrap_or_default(),
                };
                Some((TomlNode::Item(v), here))
            }
            Step::Index(index) => match self {
                TomlNode::Item(toml_edit::Item::ArrayOfTables(array)) => {
                    let table = array.get(index)?;
                    Some((TomlNode::Table(table), table.span().unwrap_or_default()))
                }
                _ => None,
            },
        }
    }
}

impl Locate for TomlLocator<'_> {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
        let document = self
            .document
            .get_or_init(|| toml_edit::ImDocument::parse(self.text).ok())
            .as_ref()?;
        let mut node = TomlNode::Item(document.as_item());
        let mut span: Option<Range<usize>> = None;
        for step in path.steps() {
            let Some((next, here)) = node.child(step) else {
                break;
            };
            node = next;
            if here.end > here.start {
                span = Some(here);
            }
        }
        span.map(|s| text_location(self.text, s.start, s.end))
    }
}

/// Locator for JSON, from jsonc-parser's syntax tree.
/// The syntax tree is only built when an error needs a position, so valid input is parsed once.
pub struct JsonLocator<'a> {
    pub text: &'a str,
    pub root: std::sync::OnceLock<Option<jsonc_parser::ast::Value<'a>>>,
}

impl<'a> JsonLocator<'a> {
    pub fn new(text: &'a str) -> Self {
        JsonLocator {
            text,
            root: std::sync::OnceLock::new(),
        }
    }
}

impl Locate for JsonLocator<'_> {
    fn locate(&self, path: &FieldPath) -> Option<Location> {
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
        span.map(|(start, end)| text_location(self.text, start, end))
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
            [table, name] if table == "ai" => format!("ai_{name}"),
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
                    column: Self::column_for(&path.keys),
                    record: record.clone(),
                })
            }
            // Company fields come from --company, not from the file.
            _ => None,
        }
    }
}
