//! The brief's templates: built in with `include_str!`, overridable file by file from a folder
//! (`--templates DIR`), like zola and mdBook themes. A broken override is an error naming the
//! template, line and column; it never falls back silently.

use std::path::Path;

use anyhow::Result;
use tera::Tera;

use super::filters;
use crate::diagnostic::{text_location, InputError};

mod cycles;
mod depth;

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
/// `dir`, through tera's public API. A command loads only what it renders: parsing templates is
/// most of a small run's time. An override is first checked for nesting deeper than tera's
/// parser can take ([`depth`]), so no template, however deep or large, can overflow the stack.
pub fn load_only(dir: Option<&Path>, wanted: Option<&[&str]>) -> Result<Tera> {
    let mut sources: Vec<Source> = BUILT_IN
        .iter()
        .filter(|(name, _)| wanted.is_none_or(|w| w.contains(name)))
        .map(|(name, text)| Source {
            name: name.to_string(),
            text: text.to_string(),
            origin: name.to_string(),
        })
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
            if name.ends_with(".tera") {
                depth::check(&text).map_err(|too_deep| {
                    InputError::new(path.display().to_string(), too_deep.message())
                        .at(Some(text_location(&text, too_deep.at, too_deep.at + 2)))
                        .with_help(
                            "templates this deep cannot be parsed safely: move the inner part \
                             into a macro or split the expression with {% set %}",
                        )
                })?;
            }
            let origin = path.display().to_string();
            match sources.iter_mut().find(|s| s.name == name) {
                Some(slot) => (slot.text, slot.origin) = (text, origin),
                None => sources.push(Source { name, text, origin }),
            }
        }
    }
    // Only an override can make a loop: the built-in templates have none (tested below).
    if dir.is_some() {
        check_loops(&sources)?;
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html.tera", ".html"]);
    filters::register(&mut tera);
    // The stylesheet is plain CSS: handing it over as-is through `{{ stylesheet() }}` spares the
    // template parser 5 KB of text.
    let css = match sources.iter().position(|s| s.name == STYLESHEET) {
        Some(index) => sources.remove(index).text,
        None => built_in(STYLESHEET).to_string(),
    };
    tera.register_function("stylesheet", Stylesheet(css));
    tera.add_raw_templates(sources.iter().map(|s| (s.name.as_str(), s.text.as_str())))
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

/// A template's name and text (built in, or the override that replaces it).
struct Source {
    name: String,
    text: String,
    /// Where it comes from, for errors: the override's path, or the built-in's name.
    origin: String,
}

/// Refuses loops among the templates (a macro calling itself, templates including or importing
/// one another), which tera would follow until the stack overflows ([`cycles`]).
fn check_loops(sources: &[Source]) -> Result<(), InputError> {
    let templates: Vec<(&str, &str)> = sources
        .iter()
        .filter(|s| s.name.ends_with(".tera"))
        .map(|s| (s.name.as_str(), s.text.as_str()))
        .collect();
    cycles::check(&templates).map_err(|found| {
        let (name, text) = templates[found.template];
        let origin = sources
            .iter()
            .find(|s| s.name == name)
            .map_or(name, |s| s.origin.as_str());
        InputError::new(origin, found.message())
            .at(Some(text_location(text, found.at, found.at + 2)))
            .with_help(
                "tera follows includes, imports and macro calls with no limit, so a loop never \
                 ends: remove the tag that closes it (recursive macros cannot be used in \
                 templates)",
            )
    })
}

/// Renders one template; errors name the template and the cause.
/// A template that fails to render is bad input (exit 2), naming the template: the built-in
/// templates render the example in the tests, so a failure comes from an override.
pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<String> {
    tera.render(name, context).map_err(|error| {
        anyhow::Error::new(crate::diagnostic::InputError::new(
            name,
            format!("the template cannot be rendered: {}", error_chain(&error)),
        ))
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `init --templates` writes the built-ins out as overrides: they must pass the depth check.
    #[test]
    fn built_in_templates_load_and_pass_the_depth_check() {
        for (name, text) in BUILT_IN {
            assert_eq!(depth::check(text), Ok(()), "{name}");
        }
        assert_eq!(cycles::check(BUILT_IN), Ok(()));
        let tera = load(None).unwrap();
        let mut names: Vec<&str> = tera.get_template_names().collect();
        names.sort();
        assert_eq!(
            names.len(),
            BUILT_IN.len() - 1,
            "all but the stylesheet: {names:?}"
        );
    }

    /// A template nested past the limit is an error naming the file and the line of the tag.
    #[test]
    fn a_deep_override_is_refused_with_its_position() {
        let dir = tempfile::tempdir().unwrap();
        let deep = "x\n".to_string() + &"{% if true %}".repeat(100) + &"{% endif %}".repeat(100);
        std::fs::write(dir.path().join("index.md.tera"), deep).unwrap();
        let error = load_only(Some(dir.path()), Some(SITE)).unwrap_err();
        let error = error.downcast::<InputError>().unwrap();
        assert!(error.file.ends_with("index.md.tera"), "{}", error.file);
        // The 65th `{% if true %}` is on line 2, after 64 x 13 bytes: column 833.
        assert_eq!(error.position(), (Some(2), Some(833)));
    }

    /// An override with a built-in's name replaces the built-in template.
    #[test]
    fn an_override_replaces_the_built_in_template() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.md.tera"), "overridden {{ 1 + 1 }}").unwrap();
        let tera = load_only(Some(dir.path()), Some(SITE)).unwrap();
        let text = tera.render("index.md.tera", &tera::Context::new()).unwrap();
        assert_eq!(text, "overridden 2");
    }
}
