//! The brief's templates: built in with `include_str!`, overridable file by file from a folder
//! (`--templates DIR`), like zola and mdBook themes. A broken override is an error naming the
//! template, line and column; it never falls back silently.

use std::path::Path;

use anyhow::Result;

use crate::diagnostic::{text_location, InputError};

mod built_in;
mod chains;
mod compile;
mod cycles;
mod depth;
mod sections;
mod uses;

pub use built_in::{built_in, for_brief, BRIEF, BUILT_IN, SITE, STYLESHEET};
use compile::{Parsed, Source};
use sections::Deferred;
pub use sections::SECTIONS;

/// The loaded templates: tera's, the overrides' texts (to point at the line of a render error)
/// and what a user should hear about the templates folder.
#[derive(Debug)]
pub struct Templates {
    tera: Parsed,
    /// The built-in section templates not parsed yet.
    sections: Deferred,
    overrides: Vec<Override>,
    /// Files in the templates folder that override nothing, in words, for the command to print.
    pub warnings: Vec<String>,
}

/// An override as read: the template it is, its file and its text.
#[derive(Debug)]
struct Override {
    name: String,
    path: String,
    text: String,
}

/// Loads every built-in template, with any overrides from `dir` taking their place.
pub fn load(dir: Option<&Path>) -> Result<Templates> {
    load_only(dir, None)
}

/// Loads the built-in templates named in `wanted` (all when `None`) and every override from
/// `dir`, through tera's public API. A command loads only what it renders: parsing templates is
/// most of a small run's time, so without a templates folder the optional sections' templates
/// wait until a brief with the section is rendered (`sections`). An override is first checked
/// for nesting deeper than tera's parser can take ([`depth`]), so no template, however deep or
/// large, can overflow the stack.
pub fn load_only(dir: Option<&Path>, wanted: Option<&[&str]>) -> Result<Templates> {
    let mut sources: Vec<Source> = BUILT_IN
        .iter()
        .filter(|(name, _)| wanted.is_none_or(|w| w.contains(name)))
        .map(|(name, text)| Source {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect();
    let (overrides_read, warnings) = match dir {
        Some(dir) => read_folder(dir, &mut sources)?,
        None => (Vec::new(), Vec::new()),
    };
    // Without overrides, the sections' templates wait until a brief needs them.
    let sections = match dir {
        Some(_) => Deferred::default(),
        None => {
            let deferred = Deferred::of(
                SECTIONS
                    .iter()
                    .map(|(name, _)| *name)
                    .filter(|name| sources.iter().any(|s| s.name == *name)),
            );
            sources.retain(|s| !SECTIONS.iter().any(|(name, _)| *name == s.name));
            deferred
        }
    };
    // Only an override can make a loop: the built-in templates have none (tested below).
    if dir.is_some() {
        check_loops(&sources, &overrides_read)?;
    }
    // The stylesheet is plain CSS: handing it over as-is through `{{ stylesheet() }}` spares the
    // template parser 5 KB of text.
    let css = match sources.iter().position(|s| s.name == STYLESHEET) {
        Some(index) => sources.remove(index).text,
        None => built_in(STYLESHEET).to_string(),
    };
    // The built-in templates cannot fail to parse (tested): they are parsed while the caller
    // goes on. Overrides are parsed now, so a broken one fails the command before any work.
    let tera = match dir {
        None => Parsed::in_background(sources, css),
        Some(dir) => Parsed::now(&sources, &css).map_err(|error| {
            InputError::new(
                dir.display().to_string(),
                format!("a template does not compile: {}", error_chain(&error)),
            )
            .with_help("fix the template at the line and column shown, or remove the override")
        })?,
    };
    Ok(Templates {
        tera,
        sections,
        overrides: overrides_read,
        warnings,
    })
}

/// Reads the overrides in the templates folder `dir` into `sources` (in file-name order, each
/// in place of the built-in template of its name), with a warning for each file that
/// overrides nothing.
fn read_folder(dir: &Path, sources: &mut Vec<Source>) -> Result<(Vec<Override>, Vec<String>)> {
    let mut overrides_read = Vec::new();
    let mut warnings = Vec::new();
    let built_ins = sources.len();
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
        if !BUILT_IN.iter().any(|(n, _)| *n == name) && !super::pdf::is_template_name(&name) {
            warnings.push(not_a_template_name(&path, &name));
        }
        if !(name.ends_with(".tera") || name.ends_with(".css")) {
            continue;
        }
        let text = read_override(&path, &name)?;
        overrides_read.push(Override {
            name: name.clone(),
            path: path.display().to_string(),
            text: text.clone(),
        });
        // Only a built-in template can be replaced (file names in a folder are unique), so
        // a folder of thousands of templates is not searched once per file.
        match sources.iter_mut().take(built_ins).find(|s| s.name == name) {
            Some(slot) => slot.text = text,
            None => sources.push(Source { name, text }),
        }
    }
    Ok((overrides_read, warnings))
}

/// One override's text, refused when a template nests deeper than tera's parser can take.
fn read_override(path: &Path, name: &str) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|error| {
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
    Ok(text)
}

/// What to say of a file in the templates folder whose name no built-in template has.
fn not_a_template_name(path: &Path, name: &str) -> String {
    let names: Vec<&str> = BUILT_IN
        .iter()
        .chain(super::pdf::TEMPLATES)
        .map(|(n, _)| *n)
        .collect();
    let closest = names
        .iter()
        .map(|n| (strsim::jaro_winkler(n, name), *n))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| format!(" (did you mean {n}?)"));
    let effect = if name.ends_with(".tera") {
        "it is loaded for other templates to include, but replaces none"
    } else {
        "it is not read"
    };
    format!(
        "warning: {} overrides no built-in template{}: {effect}. The templates that can be \
         overridden are {}.",
        path.display(),
        closest.unwrap_or_default(),
        names.join(", ")
    )
}

/// Refuses loops among the templates (a macro calling itself, templates including or importing
/// one another), which tera would follow until the stack overflows ([`cycles`]), and chains
/// too long for it to follow ([`chains`]).
fn check_loops(sources: &[Source], overrides: &[Override]) -> Result<(), InputError> {
    let templates: Vec<(&str, &str)> = sources
        .iter()
        .filter(|s| s.name.ends_with(".tera"))
        .map(|s| (s.name.as_str(), s.text.as_str()))
        .collect();
    let graph = cycles::Graph::of(&templates);
    // An override is named by its path, a built-in template by its name.
    let located = |template: usize, at: usize, message: String| {
        let (name, text) = templates[template];
        let origin = overrides
            .iter()
            .find(|o| o.name == name)
            .map_or(name, |o| o.path.as_str());
        InputError::new(origin, message).at(Some(text_location(text, at, at + 2)))
    };
    cycles::check_graph(&graph).map_err(|found| {
        located(found.template, found.at, found.message()).with_help(
            "tera follows includes, imports and macro calls with no limit, so a loop never \
             ends: remove the tag that closes it (recursive macros cannot be used in \
             templates)",
        )
    })?;
    chains::check(&graph).map_err(|found| {
        located(found.template, found.at, found.message()).with_help(format!(
            "tera follows each include, import and macro call inside the last, and a chain \
             this long could overflow its stack: keep chains within {} links, for example by \
             putting the parts in one template, one after another",
            chains::MAX_LINKS
        ))
    })
}

/// The stack a template is rendered on. The deepest templates the checks let through (a chain
/// of 63 macro calls or includes, each inside 62 nested `{% for %}` or `{% if %}`, ending in a
/// tag of 60 brackets) needed between 24 and 32 MiB in a debug build; this is four times that.
/// Only the part used is ever backed by memory.
const RENDER_STACK: usize = 128 << 20;

/// Renders one template; errors name the template and the cause.
impl Templates {
    /// Whether a template of the user's takes a built-in one's place.
    pub fn has_overrides(&self) -> bool {
        !self.overrides.is_empty()
    }

    /// Renders one template. A failure comes from an override (the built-in templates render
    /// the example in the tests), so it is bad input (exit 2): the error names the template,
    /// and for an unknown variable its line and what the context has nearby.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.render_on_own_stack(name, context).map_err(|error| {
            let chain = error_chain(&error);
            let mut problem =
                InputError::new(name, format!("the template cannot be rendered: {chain}"));
            if let Some(variable) = unknown_variable(&chain) {
                if let Some((path, location)) = self.find(name, variable) {
                    problem = InputError::new(
                        path,
                        format!(
                            "{name} uses `{variable}`, which the template context does not have"
                        ),
                    )
                    .at(Some(location));
                }
                problem = problem.with_help(nearby(variable, context));
            }
            anyhow::Error::new(problem)
        })
    }

    /// Renders on a thread of its own with a stack of [`RENDER_STACK`] bytes, whatever thread
    /// the caller is (rayon's have 2 MiB): tera recurses once per nested tag and per include or
    /// macro call, and the checks' limits are measured against this stack. Without a thread
    /// (the system refuses one), it renders on the caller's.
    fn render_on_own_stack(&self, name: &str, context: &tera::Context) -> tera::Result<String> {
        let tera = self
            .tera
            .get()
            .map_err(|error| tera::Error::msg(error_chain(error)))?;
        self.sections.parse_needed(tera, name, context)?;
        let tera = tera
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tera: &tera::Tera = &tera;
        std::thread::scope(|scope| {
            let thread = std::thread::Builder::new()
                .name(format!("render {name}"))
                .stack_size(RENDER_STACK)
                .spawn_scoped(scope, || tera.render(name, context));
            match thread {
                Ok(thread) => thread.join().unwrap_or_else(|_| {
                    Err(tera::Error::msg("the template engine stopped unexpectedly"))
                }),
                Err(_) => tera.render(name, context),
            }
        })
    }

    /// Where an override uses `variable` in a tag: in the template being rendered first, then
    /// in the others (templates it includes or extends, macros), in file order.
    fn find(
        &self,
        rendering: &str,
        variable: &str,
    ) -> Option<(String, crate::diagnostic::Location)> {
        let rendered = self.overrides.iter().filter(|o| o.name == rendering);
        let others = self.overrides.iter().filter(|o| o.name != rendering);
        rendered.chain(others).find_map(|o| {
            let at = uses::find_variable(&o.text, variable)?;
            Some((
                o.path.clone(),
                text_location(&o.text, at, at + variable.len()),
            ))
        })
    }
}

/// The variable tera could not find, from its message "Variable `x.y` not found in context".
fn unknown_variable(chain: &str) -> Option<&str> {
    let rest = chain.split_once("Variable `")?.1;
    rest.split_once('`').map(|(name, _)| name)
}

/// "did you mean `company.name`?" and the names the context has where the path broke off.
fn nearby(variable: &str, context: &tera::Context) -> String {
    let json = context.clone().into_json();
    let mut here = &json;
    let mut known = Vec::new();
    for part in variable.split('.') {
        if let Some(next) = here.get(part) {
            known.push(part);
            here = next;
            continue;
        }
        let Some(object) = here.as_object() else {
            break;
        };
        let prefix = known.join(".");
        let path = |key: &str| {
            if prefix.is_empty() {
                key.to_string()
            } else {
                format!("{prefix}.{key}")
            }
        };
        let guess = object
            .keys()
            .map(|k| (strsim::jaro_winkler(k, part), k))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| format!("did you mean `{}`? ", path(k)))
            .unwrap_or_default();
        let listed: Vec<String> = object.keys().take(20).map(|k| path(k)).collect();
        return format!("{guess}available here: {}", listed.join(", "));
    }
    "check the name against the template context (`ipobrief init --templates` writes the \
     built-in templates, which use it)"
        .to_string()
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
        assert_eq!(chains::check(&cycles::Graph::of(BUILT_IN)), Ok(()));
        let tera = load(None).unwrap();
        let parsed = tera.tera.get().unwrap().read().unwrap();
        let mut names: Vec<&str> = parsed.get_template_names().collect();
        names.sort();
        assert_eq!(
            names.len(),
            BUILT_IN.len() - 1 - SECTIONS.len(),
            "all but the stylesheet and the sections' templates: {names:?}"
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
