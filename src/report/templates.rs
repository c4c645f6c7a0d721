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
    let mut sources: Vec<Source> = BUILT_IN
        .iter()
        .filter(|(name, _)| wanted.is_none_or(|w| w.contains(name)))
        .map(|(name, text)| Source {
            name: name.to_string(),
            text: text.to_string(),
            built_in: true,
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
            match sources.iter_mut().find(|s| s.name == name) {
                Some(slot) => {
                    slot.text = text;
                    slot.built_in = false;
                }
                None => sources.push(Source {
                    name,
                    text,
                    built_in: false,
                }),
            }
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html.tera", ".html"]);
    filters::register(&mut tera);
    // The stylesheet is plain CSS: handing it over as-is through `{{ stylesheet() }}` spares the
    // template parser 5 KB of text (parsing dominates a small run).
    let css = match sources.iter().position(|s| s.name == STYLESHEET) {
        Some(index) => sources.remove(index).text,
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

/// A template's name and text, and whether it is the built-in one (not an override).
struct Source {
    name: String,
    text: String,
    built_in: bool,
}

/// The built-in templates, parsed by `build.rs` when the binary was built (and a test fixture).
#[allow(clippy::all, dead_code)]
mod prebuilt {
    include!(concat!(env!("OUT_DIR"), "/prebuilt_templates.rs"));
}

/// Turns the sources into templates, then links inheritance and macro imports (what
/// `Tera::add_raw_templates` does). Built-in templates come already parsed from `build.rs`;
/// overrides are parsed here, in parallel.
fn compile(tera: &mut Tera, sources: &[Source]) -> tera::Result<()> {
    use rayon::prelude::*;
    let parsed: Vec<tera::Result<tera::Template>> = sources
        .par_iter()
        .map(|source| {
            let name = &source.name;
            match source.built_in.then(|| prebuilt::template(name)).flatten() {
                Some(template) => Ok(template),
                None => tera::Template::new(name, None, &source.text)
                    .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e)),
            }
        })
        .collect();
    for (template, source) in parsed.into_iter().zip(sources) {
        tera.templates.insert(source.name.clone(), template?);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The code `build.rs` writes must give the tree tera's own parser gives, for every
    /// built-in template: otherwise a run would render something other than the file says.
    #[test]
    fn prebuilt_templates_match_the_parser() {
        let mut checked = 0;
        for (name, text) in BUILT_IN.iter().filter(|(n, _)| n.ends_with(".tera")) {
            let prebuilt = prebuilt::template(name)
                .unwrap_or_else(|| panic!("{name} is missing from the prebuilt templates"));
            let parsed = tera::Template::new(name, None, text).expect("built-in parses");
            assert_eq!(prebuilt.name, parsed.name, "{name}");
            assert_eq!(prebuilt.ast, parsed.ast, "{name}: the syntax tree differs");
            assert_eq!(prebuilt.macros, parsed.macros, "{name}: macros differ");
            assert_eq!(
                prebuilt.imported_macro_files, parsed.imported_macro_files,
                "{name}"
            );
            assert_eq!(prebuilt.parent, parsed.parent, "{name}");
            assert_eq!(prebuilt.blocks, parsed.blocks, "{name}: blocks differ");
            assert!(!prebuilt.ast.is_empty(), "{name}: empty tree");
            checked += 1;
        }
        assert_eq!(checked, BUILT_IN.len() - 1, "every template but the CSS");
        assert!(prebuilt::template("style.css").is_none());
        assert!(prebuilt::template("no-such.html.tera").is_none());
    }

    /// Every construct tera has, rebuilt by the code `build.rs` writes, is the parser's tree:
    /// a construct the built-in templates do not use yet is covered before one does.
    #[test]
    fn every_construct_is_rebuilt_exactly() {
        let name = "every-construct.html.tera";
        let text = include_str!("../../tests/fixtures/templates/every-construct.html.tera");
        let prebuilt = prebuilt::fixture(name).unwrap();
        let parsed = tera::Template::new(name, None, text).unwrap();
        assert_eq!(prebuilt.ast, parsed.ast);
        assert_eq!(prebuilt.blocks, parsed.blocks);
        assert_eq!(prebuilt.macros, parsed.macros);
        assert_eq!(prebuilt.imported_macro_files, parsed.imported_macro_files);
        assert_eq!(prebuilt.parent, parsed.parent);
    }

    /// An override with a built-in's name is parsed from its own text, not taken prebuilt.
    #[test]
    fn an_override_replaces_the_prebuilt_template() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.md.tera"), "overridden {{ 1 + 1 }}").unwrap();
        let tera = load_only(Some(dir.path()), Some(SITE)).unwrap();
        let text = tera.render("index.md.tera", &tera::Context::new()).unwrap();
        assert_eq!(text, "overridden 2");
    }
}
