//! Errors, printed once and at the top, in the format the user asked for. Standard error
//! always gets the text a person reads (every input's error when several failed); with
//! `check --format json` standard output also gets them as JSON, and with `--format github` as
//! workflow annotations, so a script or a CI runner always gets its format.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use crate::diagnostic::{eprint_line, InputError};
use crate::exit::{self, InputErrors};
use crate::settings::CheckFormat;

/// One error as data: where it is (when it is about a file) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl From<&InputError> for Problem {
    fn from(error: &InputError) -> Self {
        let (line, column) = error.position();
        Problem {
            file: Some(error.file.clone()),
            line,
            column,
            message: error.message.clone(),
            help: error.help.clone(),
        }
    }
}

/// An entry of `check --format json` for an input that could not be checked.
#[derive(Serialize)]
pub struct ErrorEntry<'a> {
    pub source: Option<&'a str>,
    pub error: &'a Problem,
}

/// Prints `error` as `format` asks and returns its exit code.
pub fn report(error: &anyhow::Error, format: CheckFormat) -> ExitCode {
    let problems = problems(error);
    print_text(error);
    let mut stdout = std::io::stdout().lock();
    // Standard output may be gone (`| head`); the exit code still tells.
    let _ = match format {
        CheckFormat::Text => Ok(()),
        CheckFormat::Json => write_json(&mut stdout, &problems),
        CheckFormat::Github => problems
            .iter()
            .try_for_each(|problem| write_annotation(&mut stdout, problem)),
    };
    exit::code_for(error)
}

/// Prints an error for a person on standard error: each input's error in full when several
/// inputs failed, then what they add up to.
pub fn print_text(error: &anyhow::Error) {
    eprint_line(text(error));
}

/// The text [`print_text`] prints, without its last line break: what `serve`'s error page shows.
pub fn text(error: &anyhow::Error) -> String {
    match error.chain().find_map(|e| e.downcast_ref::<InputErrors>()) {
        Some(several) => {
            let mut text = String::new();
            for one in &several.errors {
                text.push_str(&format!("error: {one}\n\n"));
            }
            text + &format!("error: {several}")
        }
        None => format!("error: {error:#}"),
    }
}

/// The problems in an error: each input error with its position, or the whole message.
fn problems(error: &anyhow::Error) -> Vec<Problem> {
    for cause in error.chain() {
        if let Some(several) = cause.downcast_ref::<InputErrors>() {
            return several.errors.iter().map(Problem::from).collect();
        }
        if let Some(one) = cause.downcast_ref::<InputError>() {
            return vec![Problem::from(one)];
        }
    }
    vec![Problem {
        file: None,
        line: None,
        column: None,
        message: format!("{error:#}"),
        help: None,
    }]
}

fn write_json(out: &mut impl Write, problems: &[Problem]) -> std::io::Result<()> {
    let entries: Vec<ErrorEntry> = problems
        .iter()
        .map(|problem| ErrorEntry {
            source: problem.file.as_deref(),
            error: problem,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    writeln!(out)
}

/// `::error file=F,line=L,col=C::message` (the parts that are known), as GitHub Actions reads.
pub fn write_annotation(out: &mut impl Write, problem: &Problem) -> std::io::Result<()> {
    let mut properties = Vec::new();
    if let Some(file) = &problem.file {
        properties.push(format!("file={}", escape_property(file)));
    }
    if let Some(line) = problem.line {
        properties.push(format!("line={line}"));
    }
    if let Some(column) = problem.column {
        properties.push(format!("col={column}"));
    }
    let mut message = problem.message.clone();
    if let Some(help) = &problem.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let properties = match properties.is_empty() {
        true => String::new(),
        false => format!(" {}", properties.join(",")),
    };
    writeln!(out, "::error{properties}::{}", escape_data(&message))
}

/// Workflow-command data: `%`, CR and LF escaped as the runner expects.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow-command property value: as data, and `:` and `,` too.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::text_location;

    fn revenue_error() -> InputError {
        let text = "[company]\nrevenue = -5\n";
        InputError::new("a,b.toml", "revenue must not be negative, found -5")
            .at(Some(text_location(text, 10, 17)))
            .with_help("50% off")
    }

    #[test]
    fn an_input_error_is_an_annotation_with_its_position() {
        let mut out = Vec::new();
        write_annotation(&mut out, &Problem::from(&revenue_error())).unwrap();
        // Offset 10 is the start of line 2, column 1; `,` in the name and `%` are escaped.
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=a%2Cb.toml,line=2,col=1::revenue must not be negative, found -5\
             %0Ahelp: 50%25 off\n"
        );
    }

    #[test]
    fn an_error_without_a_file_is_a_bare_annotation_and_json_with_nulls() {
        let error = anyhow::anyhow!("cannot write out/: disk full");
        let mut out = Vec::new();
        write_annotation(&mut out, &problems(&error)[0]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error::cannot write out/: disk full\n"
        );
        let mut out = Vec::new();
        write_json(&mut out, &problems(&error)).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json[0]["source"], serde_json::Value::Null);
        assert_eq!(json[0]["error"]["message"], "cannot write out/: disk full");
        assert_eq!(json[0]["error"]["line"], serde_json::Value::Null);
    }

    #[test]
    fn several_input_errors_are_each_a_problem() {
        let error = anyhow::Error::new(InputErrors {
            errors: vec![
                revenue_error(),
                InputError::new("c.toml", "the file is empty"),
            ],
            inputs: 3,
        });
        let problems = problems(&error);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[1].file.as_deref(), Some("c.toml"));
        assert_eq!((problems[0].line, problems[0].column), (Some(2), Some(1)));
        assert_eq!(
            error.to_string(),
            "2 of 3 inputs are invalid; nothing was written"
        );
    }
}
