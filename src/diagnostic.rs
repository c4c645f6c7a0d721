//! Errors about a user's file: where the problem is, what was expected, what was found.
//!
//! Every reader turns its failures into an [`InputError`], which prints like a compiler
//! message: the file and position, the offending line with a caret under the problem, and a
//! hint. The binary maps an `InputError` to exit code 2.

use std::fmt;

/// Where in the input a problem sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A text file (TOML, JSON): 1-based line and column, the whole line, the width to mark.
    Text {
        line: usize,
        column: usize,
        source_line: String,
        width: usize,
    },
    /// A CSV cell: 1-based row number as a spreadsheet shows it, and the column's header.
    Cell {
        row: usize,
        /// The row's name in its first cell, when figures are rows (periods across): "revenue".
        row_name: Option<String>,
        column: String,
        record: String,
    },
    /// A spreadsheet cell such as `Figures!D7`.
    Sheet { cell: String },
}

/// A problem with the user's input. Displayed in full, ready for a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    /// Boxed to keep `Result<_, InputError>` small (clippy's `result_large_err`).
    pub location: Option<Box<Location>>,
    pub message: String,
    pub help: Option<String>,
}

impl InputError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            location: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location.map(Box::new);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The short `file:line:column` form, for machine-readable output such as GitHub annotations.
    pub fn position(&self) -> (Option<usize>, Option<usize>) {
        match self.location.as_deref() {
            Some(Location::Text { line, column, .. }) => (Some(*line), Some(*column)),
            Some(Location::Cell { row, .. }) => (Some(*row), None),
            _ => (None, None),
        }
    }
}

impl Location {
    /// The place in a line, for a warning that points at it: `t.toml:12:1`,
    /// `t.csv: row 5, column "Total costs"`, `t.xlsx: cell Figures!D7`.
    pub fn place(&self, file: &str) -> String {
        match self {
            Location::Text { line, column, .. } => format!("{file}:{line}:{column}"),
            Location::Cell {
                row,
                row_name,
                column,
                ..
            } => match row_name {
                Some(name) => format!("{file}: row {row} (\"{name}\"), column \"{column}\""),
                None => format!("{file}: row {row}, column \"{column}\""),
            },
            Location::Sheet { cell } => format!("{file}: cell {cell}"),
        }
    }
}

impl std::error::Error for InputError {}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        // The `=` of the help line sits under the `|` of the source lines above it.
        let mut help_indent = "  ".to_string();
        match self.location.as_deref() {
            None => write!(f, "  --> {}", self.file)?,
            Some(Location::Text {
                line,
                column,
                source_line,
                width,
            }) => {
                let gutter = line.to_string().len();
                let pad = " ".repeat(gutter);
                help_indent = format!("{pad} ");
                writeln!(f, "{pad}--> {}:{line}:{column}", self.file)?;
                writeln!(f, "{pad} |")?;
                let shown = Window::around(source_line, column.saturating_sub(1), *width);
                writeln!(f, "{line} | {}", shown.text)?;
                let before: String = shown
                    .text
                    .chars()
                    .take(shown.caret)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "{pad} | {before}{}", "^".repeat(shown.width))?;
            }
            Some(Location::Cell {
                row,
                row_name,
                column,
                record,
            }) => {
                let named = row_name.as_ref().map(|name| format!(" (\"{name}\")"));
                let named = named.unwrap_or_default();
                writeln!(
                    f,
                    "  --> {}: row {row}{named}, column \"{column}\"",
                    self.file
                )?;
                write!(f, "   | {}", printable(record))?;
            }
            Some(Location::Sheet { cell }) => write!(f, "  --> {}: cell {cell}", self.file)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n{help_indent}= help: {help}")?;
        }
        Ok(())
    }
}

/// The most characters of a line shown.
const SHOWN: usize = 160;
/// Of those, how many are shown before the problem when the line is cut.
const SHOWN_BEFORE: usize = 60;

/// Shortens a line for display and replaces control characters, so a binary file cannot
/// garble the terminal.
fn printable(line: &str) -> String {
    Window::around(line, 0, 1).text
}

/// The part of a source line shown with a caret: the whole line when it is short, else
/// [`SHOWN`] characters around the problem with `…` where it was cut, so the caret always
/// points at text on the screen, however far along a long line the problem is.
struct Window {
    text: String,
    /// Characters of `text` before the caret.
    caret: usize,
    /// Carets to draw: at least one, never past the shown text (or its end).
    width: usize,
}

impl Window {
    /// The window of `line` around the character at `at` (0-based), marking `width` of them.
    fn around(line: &str, at: usize, width: usize) -> Window {
        let length = line.chars().count();
        let at = at.min(length);
        let (start, end) = if length <= SHOWN {
            (0, length)
        } else {
            let start = at.saturating_sub(SHOWN_BEFORE).min(length - SHOWN);
            (start, start + SHOWN)
        };
        let mut text = String::new();
        if start > 0 {
            text.push('…');
        }
        text.extend(line.chars().skip(start).take(end - start).map(|c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        }));
        if end < length {
            text.push('…');
        }
        let caret = at - start + usize::from(start > 0);
        Window {
            text,
            caret,
            width: width.min(end.saturating_sub(at)).clamp(1, 80),
        }
    }
}

/// Turns a byte offset range in `text` into a text location (1-based line and column).
pub fn text_location(text: &str, start: usize, end: usize) -> Location {
    LineIndex::new(text).location(text, start, end)
}

/// Where a text's lines start, found once, so that many places in one text (a warning for
/// each of 10,000 periods) are each found by a binary search instead of a scan from its start.
pub struct LineIndex {
    /// The byte offset of every `\n`.
    newlines: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let newlines = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect();
        LineIndex { newlines }
    }

    /// The 1-based line of the byte at `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }

    /// The place of the bytes `start..end` of `text` (the text this index was made of).
    pub fn location(&self, text: &str, start: usize, end: usize) -> Location {
        let start = floor_char_boundary(text, start.min(text.len()));
        let line = self.line(start);
        let line_start = match line {
            1 => 0,
            _ => self.newlines[line - 2] + 1,
        };
        let line_end = self.newlines.get(line - 1).copied().unwrap_or(text.len());
        let column = text[line_start..start].chars().count() + 1;
        let source_line = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        let end = floor_char_boundary(text, end.clamp(start, line_end));
        let width = text[start..end].chars().count().max(1);
        Location::Text {
            line,
            column,
            source_line,
            width,
        }
    }
}

/// Turns a 1-based line and column (as serde_json reports them) into a text location.
pub fn line_column_location(text: &str, line: usize, column: usize) -> Location {
    let source_line = text
        .lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .trim_end_matches('\r');
    Location::Text {
        line,
        column: column.max(1),
        source_line: source_line.to_string(),
        width: 1,
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// How much to print on standard error.
#[derive(Debug, Clone, Copy, Default)]
pub struct Output {
    pub quiet: bool,
    pub verbose: bool,
}

/// Writes one line to standard error, ignoring a failure: with the reader gone
/// (`ipobrief generate 2>&1 | head -1`) there is no one left to tell, and `eprintln!` would
/// panic. Every message of the binary goes through here.
pub fn eprint_line(line: impl fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Whether an error is standard output's reader having gone (`ipobrief check | head`): the
/// command then ends quietly and successfully, as ripgrep does. Writing files never fails so.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => Some(io.kind()),
            None => cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The closest known name to a misspelt one, for "did you mean" hints.
pub fn did_you_mean<'a>(found: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(found, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
#[path = "diagnostic_tests.rs"]
mod tests;
