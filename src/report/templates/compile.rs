//! Turning template texts into tera's parsed templates, the largest cost of a small run (tera's
//! parser takes tens of millions of instructions for the brief's templates). The built-in
//! Markdown templates and HTML ones never include one another, so they are parsed side by side
//! on two threads and joined with [`Tera::extend`]. The built-in templates, which cannot fail to
//! parse (tested), are parsed on a thread of their own while the caller reads and analyses the
//! input; the first render waits for them. Overrides are parsed at once, in one tera.

use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::thread::JoinHandle;

use tera::Tera;

use super::super::filters;

/// A template's name and text (built in, or the override that replaces it).
pub(super) struct Source {
    pub name: String,
    pub text: String,
}

/// Parsed templates, ready or still being parsed on a thread of their own.
#[derive(Debug)]
pub(super) struct Parsed {
    /// Behind a lock, as a section template is added when a brief first needs it
    /// ([`super::sections`]).
    ready: OnceLock<tera::Result<RwLock<Tera>>>,
    pending: Mutex<Option<JoinHandle<tera::Result<Tera>>>>,
}

impl Parsed {
    /// Templates parsed on the caller's thread, all in one tera (an override may import or
    /// include any other template): their errors are the caller's to report.
    pub fn now(sources: &[Source], css: &str) -> tera::Result<Parsed> {
        let tera = compile_one(sources.iter(), css)?;
        Ok(Parsed {
            ready: OnceLock::from(Ok(RwLock::new(tera))),
            pending: Mutex::new(None),
        })
    }

    /// Templates parsed on another thread; without one (the system refuses it), on this one.
    pub fn in_background(sources: Vec<Source>, css: String) -> Parsed {
        let input = Arc::new((sources, css));
        let theirs = Arc::clone(&input);
        let thread = std::thread::Builder::new()
            .name("parse templates".to_string())
            .spawn(move || compile(&theirs.0, &theirs.1));
        match thread {
            Ok(handle) => Parsed {
                ready: OnceLock::new(),
                pending: Mutex::new(Some(handle)),
            },
            Err(_) => Parsed {
                ready: OnceLock::from(compile(&input.0, &input.1).map(RwLock::new)),
                pending: Mutex::new(None),
            },
        }
    }

    /// The parsed templates, waiting for their thread when it has not finished.
    pub fn get(&self) -> Result<&RwLock<Tera>, &tera::Error> {
        self.ready
            .get_or_init(|| {
                let handle = self
                    .pending
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take();
                match handle.map(JoinHandle::join) {
                    Some(Ok(parsed)) => parsed.map(RwLock::new),
                    _ => Err(tera::Error::msg("the template parser stopped unexpectedly")),
                }
            })
            .as_ref()
    }
}

/// One tera with every built-in template of `sources`: the Markdown ones (`*.md.tera`), which
/// import and include only one another, parsed on a second thread beside the others.
fn compile(sources: &[Source], css: &str) -> tera::Result<Tera> {
    let (markdown, others): (Vec<&Source>, Vec<&Source>) =
        sources.iter().partition(|s| s.name.ends_with(".md.tera"));
    if markdown.is_empty() || others.is_empty() {
        return compile_one(sources.iter(), css);
    }
    std::thread::scope(|scope| {
        let side = std::thread::Builder::new()
            .name("parse templates".to_string())
            .spawn_scoped(scope, || compile_one(markdown.iter().copied(), css));
        let mut tera = compile_one(others.iter().copied(), css)?;
        let markdown = match side {
            Ok(side) => side.join().unwrap_or_else(|_| {
                Err(tera::Error::msg("the template parser stopped unexpectedly"))
            })?,
            Err(_) => compile_one(markdown.iter().copied(), css)?,
        };
        tera.extend(&markdown)?;
        Ok(tera)
    })
}

/// One tera with the filters, the stylesheet and `sources` parsed on this thread.
fn compile_one<'a>(sources: impl Iterator<Item = &'a Source>, css: &str) -> tera::Result<Tera> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html.tera", ".html"]);
    filters::register(&mut tera);
    tera.register_function("stylesheet", Stylesheet(css.to_string()));
    tera.add_raw_templates(sources.map(|s| (s.name.as_str(), s.text.as_str())))?;
    Ok(tera)
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
