//! The PDF brief, typeset in the process by Typst (built with the cargo feature `pdf`): the
//! template `brief.typ` (or `compare.typ`) reads the brief's data as JSON ([`data`]) and lays it
//! out; [`compile`] runs Typst in a world of its own ([`world`]) and writes the PDF with a fixed
//! document identifier and a date only from the report date. Without the feature, the options
//! and templates are still known (so `init --templates` writes them), and asking for a PDF is
//! a usage error that says how to get one.

use std::path::Path;

use anyhow::Result;

use crate::diagnostic::InputError;

#[cfg(feature = "pdf")]
mod ahead;
#[cfg(feature = "pdf")]
mod compile;
#[cfg(feature = "pdf")]
pub mod data;
#[cfg(feature = "pdf")]
pub mod markdown;
#[cfg(feature = "pdf")]
mod plan;
#[cfg(feature = "pdf")]
mod world;

#[cfg(feature = "pdf")]
pub use compile::render;

/// Whether this binary can write PDFs.
pub const AVAILABLE: bool = cfg!(feature = "pdf");

/// What to say when a PDF is asked of a binary built without them.
pub const HOW_TO_GET_IT: &str = "this ipobrief was built without PDF output: build it with \
     `cargo install ipobrief --features pdf` (or `cargo build --release --features pdf`)";

/// The built-in Typst templates, by the file name an override uses.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("brief.typ", include_str!("../../../templates/brief.typ")),
    (
        "compare.typ",
        include_str!("../../../templates/compare.typ"),
    ),
];

/// The brief's template.
pub const BRIEF: &str = "brief.typ";
/// The comparison's template.
pub const COMPARE: &str = "compare.typ";

/// The page size (`--paper`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Typst's name for the paper.
    pub fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }
}

/// The PDF standard to conform to (`--pdf-standard`), besides plain PDF 1.7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/A-2b, for archiving.
    A2b,
}

/// How PDFs are made: the paper, the standard, and the template (built in or the override).
#[derive(Debug, Clone)]
pub struct PdfSettings {
    pub paper: Paper,
    pub standard: Option<Standard>,
    pub template: Template,
}

/// A Typst template as read: its name, where it came from (for messages) and its text.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: &'static str,
    /// The override's path, or "built-in brief.typ".
    pub origin: String,
    pub text: String,
    /// Whether the text is the user's (an override) rather than the built-in template's.
    pub overridden: bool,
}

impl Template {
    /// The template `name` (one of [`TEMPLATES`]): the override in `dir` if there is one.
    pub fn load(dir: Option<&Path>, name: &'static str) -> Result<Template> {
        let built_in = TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, text)| text);
        if let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
            let text = std::fs::read_to_string(&path).map_err(|error| {
                InputError::new(
                    path.display().to_string(),
                    format!("cannot read the template: {error}"),
                )
            })?;
            return Ok(Template {
                name,
                origin: path.display().to_string(),
                text,
                overridden: true,
            });
        }
        Ok(Template {
            name,
            origin: format!("built-in {name}"),
            text: built_in.to_string(),
            overridden: false,
        })
    }
}

/// Whether a file in a templates folder overrides a Typst template.
pub fn is_template_name(name: &str) -> bool {
    TEMPLATES.iter().any(|(n, _)| *n == name)
}
