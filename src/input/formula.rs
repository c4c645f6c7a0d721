//! The formula of a company KPI (`[[kpi]] formula = "revenue / values.gmv * 100"`), parsed
//! into a typed tree: numbers, names (`revenue`, `costs.<line>`, `values.<name>`, a metric
//! or another KPI), `prior(x)` (x in the period a year earlier), unary minus, `+ - * /` and
//! parentheses. Every node keeps its byte range in the formula, so an error can point at the
//! column of the name or operator it is about.
//!
//! The tree is public and walkable ([`Expr::walk`]): the brief evaluates it with exact
//! decimals, and a workbook writer can translate it into spreadsheet formulas.
//!
//! Grammar (recursive descent, the usual precedence, left-associative):
//! ```text
//! sum     = product (("+" | "-") product)*
//! product = unary (("*" | "/") unary)*
//! unary   = "-" unary | atom
//! atom    = number | name | "prior" "(" sum ")" | "(" sum ")"
//! name    = word ("." word)?          word = [A-Za-z_][A-Za-z0-9_]*
//! ```

use std::ops::Range;

use rust_decimal::Decimal;

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn symbol(self) -> char {
        match self {
            Op::Add => '+',
            Op::Sub => '-',
            Op::Mul => '*',
            Op::Div => '/',
        }
    }
}

/// What a name in a formula refers to, by its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// A period field, a computed metric or another KPI: `revenue`, `avg_headcount`.
    Plain(String),
    /// A cost line of the period: `costs.marketing`.
    Cost(String),
    /// An operating figure of the period: `values.gmv`.
    Value(String),
}

impl Name {
    /// The name as written: `revenue`, `costs.marketing`, `values.gmv`.
    pub fn written(&self) -> String {
        match self {
            Name::Plain(name) => name.clone(),
            Name::Cost(line) => format!("costs.{line}"),
            Name::Value(name) => format!("values.{name}"),
        }
    }
}

/// A formula's tree. `at` is the node's byte range in the formula text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Number {
        value: Decimal,
        at: Range<usize>,
    },
    Name {
        name: Name,
        at: Range<usize>,
    },
    /// `prior(x)`: x in the period of the same label a year earlier.
    Prior {
        inner: Box<Expr>,
        at: Range<usize>,
    },
    /// `-x`.
    Negate {
        inner: Box<Expr>,
        at: Range<usize>,
    },
    Binary {
        op: Op,
        left: Box<Expr>,
        right: Box<Expr>,
        /// The operator's own position.
        op_at: Range<usize>,
        at: Range<usize>,
    },
}

impl Expr {
    /// The node's byte range in the formula text.
    pub fn at(&self) -> Range<usize> {
        match self {
            Expr::Number { at, .. }
            | Expr::Name { at, .. }
            | Expr::Prior { at, .. }
            | Expr::Negate { at, .. }
            | Expr::Binary { at, .. } => at.clone(),
        }
    }

    /// Visits every node, parents before children, left before right.
    pub fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Expr)) {
        visit(self);
        match self {
            Expr::Number { .. } | Expr::Name { .. } => {}
            Expr::Prior { inner, .. } | Expr::Negate { inner, .. } => inner.walk(visit),
            Expr::Binary { left, right, .. } => {
                left.walk(visit);
                right.walk(visit);
            }
        }
    }

    /// Every name the formula uses, in order, with its position.
    pub fn names(&self) -> Vec<(&Name, Range<usize>)> {
        let mut names = Vec::new();
        self.walk(&mut |node| {
            if let Expr::Name { name, at } = node {
                names.push((name, at.clone()));
            }
        });
        names
    }
}

/// A formula that does not parse: what is wrong, and where (byte range in the formula).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    pub message: String,
    pub at: Range<usize>,
}

/// Longest formula read, in bytes, and deepest nesting: far beyond any real KPI, and a bound
/// on the parser's recursion.
pub const MAX_FORMULA_BYTES: usize = 2_000;
const MAX_DEPTH: usize = 64;

/// Parses a formula.
pub fn parse(text: &str) -> Result<Expr, FormulaError> {
    if text.len() > MAX_FORMULA_BYTES {
        return Err(FormulaError {
            message: format!("the formula is longer than {MAX_FORMULA_BYTES} bytes"),
            at: 0..text.len(),
        });
    }
    let mut parser = Parser {
        text,
        at: 0,
        depth: 0,
    };
    parser.skip_space();
    if parser.at == text.len() {
        return Err(FormulaError {
            message: "the formula is empty".to_string(),
            at: 0..0,
        });
    }
    let expr = parser.sum()?;
    parser.skip_space();
    if parser.at < text.len() {
        let found = parser.token_at(parser.at);
        return Err(parser.error(
            format!("expected an operator (+ - * /) or the end, found {found}"),
            parser.at..parser.at + found_len(&text[parser.at..]),
        ));
    }
    Ok(expr)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

fn found_len(rest: &str) -> usize {
    let word = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    word.max(rest.chars().next().map_or(0, char::len_utf8))
}

impl Parser<'_> {
    fn error(&self, message: String, at: Range<usize>) -> FormulaError {
        FormulaError { message, at }
    }

    /// The bytes of the character at `at` (empty at the end), so that an error's range is
    /// always on character boundaries, whatever the formula's next character is.
    fn char_at(&self, at: usize) -> Range<usize> {
        at..at + self.text[at..].chars().next().map_or(0, char::len_utf8)
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.text[self.at..].chars().next() {
            if !c.is_whitespace() {
                break;
            }
            self.at += c.len_utf8();
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.text[self.at..].chars().next()
    }

    /// The token at `at`, quoted, for messages: `"gmv"`, `")"`, or "the end".
    fn token_at(&self, at: usize) -> String {
        let rest = &self.text[at..];
        if rest.is_empty() {
            "the end of the formula".to_string()
        } else {
            format!("\"{}\"", &rest[..found_len(rest)])
        }
    }

    fn sum(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.product()?;
        while let Some(c @ ('+' | '-')) = self.peek() {
            let op = if c == '+' { Op::Add } else { Op::Sub };
            left = self.binary(op, left, Self::product)?;
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.unary()?;
        while let Some(c @ ('*' | '/')) = self.peek() {
            let op = if c == '*' { Op::Mul } else { Op::Div };
            left = self.binary(op, left, Self::unary)?;
        }
        Ok(left)
    }

    fn binary(
        &mut self,
        op: Op,
        left: Expr,
        right: fn(&mut Self) -> Result<Expr, FormulaError>,
    ) -> Result<Expr, FormulaError> {
        let op_at = self.at..self.at + 1;
        self.at += 1;
        let right = right(self)?;
        let at = left.at().start..right.at().end;
        Ok(Expr::Binary {
            op,
            left: Box::new(left),
            right: Box::new(right),
            op_at,
            at,
        })
    }

    fn unary(&mut self) -> Result<Expr, FormulaError> {
        if self.peek() == Some('-') {
            let start = self.at;
            self.at += 1;
            let inner = self.nested(Self::unary)?;
            let at = start..inner.at().end;
            return Ok(Expr::Negate {
                inner: Box::new(inner),
                at,
            });
        }
        self.atom()
    }

    /// Runs `inner` one level deeper, refusing nesting beyond [`MAX_DEPTH`].
    fn nested(
        &mut self,
        inner: fn(&mut Self) -> Result<Expr, FormulaError>,
    ) -> Result<Expr, FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let at = self.char_at(self.at);
            return Err(self.error(
                format!("the formula nests more than {MAX_DEPTH} levels deep"),
                at,
            ));
        }
        let result = inner(self);
        self.depth -= 1;
        result
    }

    fn atom(&mut self) -> Result<Expr, FormulaError> {
        let start = self.at;
        match self.peek() {
            None => Err(self.error(
                "expected a number, a name or \"(\", found the end of the formula".to_string(),
                start..start,
            )),
            Some('(') => {
                let open = self.at;
                self.at += 1;
                let inner = self.nested(Self::sum)?;
                self.close(open)?;
                Ok(inner)
            }
            Some(c) if c.is_ascii_digit() || c == '.' => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => self.name(),
            Some(_) => {
                let found = self.token_at(self.at);
                Err(self.error(
                    format!("expected a number, a name or \"(\", found {found}"),
                    self.at..self.at + found_len(&self.text[self.at..]),
                ))
            }
        }
    }

    fn close(&mut self, open: usize) -> Result<(), FormulaError> {
        if self.peek() == Some(')') {
            self.at += 1;
            return Ok(());
        }
        let found = self.token_at(self.at);
        Err(self.error(
            format!(
                "expected \")\" to close the \"(\" at column {}, found {found}",
                self.text[..open].chars().count() + 1
            ),
            // At the end of the formula the range is empty: the caret goes after the last
            // character, never a byte past the end.
            self.at..self.at + found_len(&self.text[self.at..]),
        ))
    }

    fn number(&mut self) -> Result<Expr, FormulaError> {
        let start = self.at;
        let rest = &self.text[start..];
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let written = &rest[..len];
        self.at += len;
        let value = Decimal::from_str_exact(written).map_err(|error| {
            let well_formed =
                written.matches('.').count() <= 1 && written.contains(|c: char| c.is_ascii_digit());
            let message = match error {
                rust_decimal::Error::Underflow => format!(
                    "\"{written}\" has more decimal places than the {} a figure can hold",
                    Decimal::MAX_SCALE
                ),
                _ if well_formed => {
                    format!("\"{written}\" is larger than the largest number a figure can hold")
                }
                _ => format!("\"{written}\" is not a number: write digits with at most one dot"),
            };
            self.error(message, start..self.at)
        })?;
        Ok(Expr::Number {
            value,
            at: start..self.at,
        })
    }

    fn word(&mut self) -> &str {
        let rest = &self.text[self.at..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.at += len;
        &rest[..len]
    }

    fn name(&mut self) -> Result<Expr, FormulaError> {
        let start = self.at;
        let first = self.word().to_string();
        if self.text[self.at..].starts_with('.') {
            self.at += 1;
            let second = self.word().to_string();
            let at = start..self.at;
            let name = match (first.as_str(), second.is_empty()) {
                (_, true) => {
                    return Err(self.error(format!("expected a name after \"{first}.\""), at))
                }
                ("costs", false) => Name::Cost(second),
                ("values", false) => Name::Value(second),
                _ => {
                    return Err(self.error(
                        format!(
                            "\"{first}.{second}\": only costs.<line> and values.<name> have a dot"
                        ),
                        at,
                    ))
                }
            };
            return Ok(Expr::Name { name, at });
        }
        if first == "prior" && self.peek() == Some('(') {
            let open = self.at;
            self.at += 1;
            let inner = self.nested(Self::sum)?;
            self.close(open)?;
            return Ok(Expr::Prior {
                inner: Box::new(inner),
                at: start..self.at,
            });
        }
        Ok(Expr::Name {
            name: Name::Plain(first),
            at: start..self.at,
        })
    }
}

#[cfg(test)]
mod tests;
