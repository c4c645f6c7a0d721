//! The brief's templates: built in with `include_str!`, overridable file by file from a folder
//! (`--templates DIR`), like zola and mdBook themes. A broken override is an error naming the
//! template, line and column; it never falls back silently.

use std::path::Path;

use anyhow::{Context, Result};
use tera::Tera;

use super::filters;
use crate::diagnostic::InputError;

/// The built-in templates, by the file name an override uses.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "base.html.tera",
        include_str!("../../templates/base.html.tera"),
    ),
    (
        "brief.html.tera",
        include_str!("../../templates/brief.html.tera"),
    ),
    (
        "brief.md.tera",
        include_str!("../../templates/brief.md.tera"),
    ),
    (
        "index.html.tera",
        include_str!("../../templates/index.html.tera"),
    ),
    (
        "index.md.tera",
        include_str!("../../templates/index.md.tera"),
    ),
    (
        "compare.html.tera",
        include_str!("../../templates/compare.html.tera"),
    ),
    (
        "compare.md.tera",
        include_str!("../../templates/compare.md.tera"),
    ),
    (
        "macros.html.tera",
        include_str!("../../templates/macros.html.tera"),
    ),
    (
        "macros.md.tera",
        include_str!("../../templates/macros.md.tera"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

/// Loads the built-in templates, with any overrides from `dir` taking their place.
pub fn load(dir: Option<&Path>) -> Result<Tera> {
    let mut sources: Vec<(String, String)> = BUILT_IN
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|error| {
            InputError::new(
                dir.display().to_string(),
                format!("cannot read the templates folder: {error}"),
            )
        })?;
        let mut overrides: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        overrides.sort();
        for path in overrides {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if !(name.ends_with(".tera") || name.ends_with(".css")) {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|error| {
                InputError::new(
                    path.display().to_string(),
                    format!("cannot read the template: {error}"),
                )
            })?;
            match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            }
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html.tera", ".html"]);
    filters::register(&mut tera);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|error| {
            let origin = dir.map_or("built-in templates".to_string(), |d| {
                d.display().to_string()
            });
            InputError::new(
                origin,
                format!("a template does not compile: {}", error_chain(&error)),
            )
            .with_help("fix the template at the line and column shown, or remove the override")
        })?;
    Ok(tera)
}

/// Renders one template; errors name the template and the cause.
pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<String> {
    tera.render(name, context)
        .map_err(|error| anyhow::anyhow!("{}", error_chain(&error)))
        .with_context(|| format!("rendering {name}"))
}

/// Tera puts the useful part (line, column, what was expected) in the error's sources.
fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!("\n{cause}"));
        source = cause.source();
    }
    text
}
