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

/// The templates a company's brief needs.
pub const BRIEF: &[&str] = &[
    "base.html.tera",
    "brief.html.tera",
    "brief.md.tera",
    "macros.html.tera",
    "macros.md.tera",
    "style.css",
];

/// The templates of a multi-company site's index.
pub const SITE: &[&str] = &["index.html.tera", "index.md.tera", "style.css"];

/// Loads every built-in template, with any overrides from `dir` taking their place.
pub fn load(dir: Option<&Path>) -> Result<Tera> {
    load_only(dir, None)
}

/// Loads the built-in templates named in `wanted` (all when `None`) and every override from
/// `dir`. Compiling is the slow part of a small run, so a command compiles only what it renders,
/// and the templates are parsed in parallel.
pub fn load_only(dir: Option<&Path>, wanted: Option<&[&str]>) -> Result<Tera> {
    let mut sources: Vec<(String, String)> = BUILT_IN
        .iter()
        .filter(|(name, _)| wanted.is_none_or(|w| w.contains(name)))
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
    // The stylesheet is plain CSS: handing it over as-is through `{{ stylesheet() }}` spares the
    // template parser 5 KB of text (parsing dominates a small run).
    let css = match sources.iter().position(|(name, _)| name == STYLESHEET) {
        Some(index) => sources.remove(index).1,
        None => built_in(STYLESHEET).to_string(),
    };
    tera.register_function("stylesheet", Stylesheet(css));
    compile(&mut tera, &sources).map_err(|error| {
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

/// The stylesheet's file name; an override of that name replaces the built-in styles.
pub const STYLESHEET: &str = "style.css";

fn built_in(name: &str) -> &'static str {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

/// `{{ stylesheet() }}`: the CSS, inserted as it is (it is the user's own or ours, never input).
struct Stylesheet(String);

impl tera::Function for Stylesheet {
    fn call(
        &self,
        _: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        Ok(tera::Value::String(self.0.clone()))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Parses the templates in parallel, then links inheritance and macro imports (what
/// `Tera::add_raw_templates` does, one template after another).
fn compile(tera: &mut Tera, sources: &[(String, String)]) -> tera::Result<()> {
    use rayon::prelude::*;
    let parsed: Vec<tera::Result<tera::Template>> = sources
        .par_iter()
        .map(|(name, text)| {
            tera::Template::new(name, None, text)
                .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e))
        })
        .collect();
    for (template, (name, _)) in parsed.into_iter().zip(sources) {
        tera.templates.insert(name.clone(), template?);
    }
    tera.build_inheritance_chains()?;
    tera.check_macro_files()
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
