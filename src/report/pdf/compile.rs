//! Typst in the process: compile a template against its data, and write the PDF.

use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::WorldExt;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::ahead;
use super::world::BriefWorld;
use super::{Standard, Template};
use crate::diagnostic::{text_location, InputError};

/// The stack of each thread Typst runs on. Typst limits its own depth (of calls, of nested
/// content, of the parser), and those limits were set for the 8 MiB main thread of its
/// command-line tool; a rayon thread has 2 MiB. Only the part used is backed by memory.
const COMPILE_STACK: usize = 256 << 20;

/// The PDF of `template` with `data` as its `data.json`, which shows the SVG images `svgs`
/// (decoded ahead on a second thread, [`ahead`]). The document identifier is fixed, and the
/// creation date is the report date (`as_of`, YYYY-MM-DD) or absent, so the same input gives
/// the same bytes. An error in the template names the template file, line and column.
pub fn render(
    template: &Template,
    data: Vec<u8>,
    svgs: &[&str],
    as_of: Option<&str>,
    standard: Option<Standard>,
) -> Result<Vec<u8>> {
    let date = as_of.and_then(date_of);
    let world = BriefWorld::new(template.name, &template.text, data, date);
    let typeset = || -> Result<Vec<u8>> {
        let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
        let document = output.map_err(|errors| located(&world, template, &errors))?;
        let standards = match standard {
            Some(Standard::A2b) => PdfStandards::new(&[PdfStandard::A_2b]),
            None => Ok(PdfStandards::default()),
        }
        .map_err(|error| anyhow::anyhow!("the PDF standard cannot be used: {error:?}"))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("ipobrief/{}", template.name)),
            creator: Smart::Custom(Some(format!("ipobrief {}", env!("CARGO_PKG_VERSION")))),
            timestamp: date.map(Timestamp::new_utc),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        typst_pdf::pdf(&document, &options).map_err(|errors| located(&world, template, &errors))
    };
    // The typesetter on this thread, the work done ahead on another when one is free.
    let done = AtomicBool::new(false);
    let run = || {
        let (pdf, ()) = rayon::join(
            || {
                let pdf = typeset();
                done.store(true, Ordering::Relaxed);
                pdf
            },
            || ahead::prepare(&world, svgs, &done),
        );
        pdf
    };
    match pool() {
        Some(pool) => pool
            .install(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)))
            .unwrap_or_else(|_| {
                Err(InputError::new(
                    template.origin.clone(),
                    "the typesetter stopped unexpectedly on this template",
                )
                .into())
            }),
        None => run(),
    }
}

/// The threads Typst runs on: a pool of its own, with large stacks. Typst spreads its work
/// over rayon; run from a thread of rayon's global pool (briefs are rendered there, one per
/// company), that work would wait for threads that are all waiting for it. Inside this pool,
/// Typst's own tasks have threads to run on.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("typeset {i}"))
            .stack_size(COMPILE_STACK)
            .build()
            .ok()
    })
    .as_ref()
}

/// The report date as Typst's date.
fn date_of(as_of: &str) -> Option<Datetime> {
    let date = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
}

/// A Typst hint in ipobrief's words: Typst's own command-line options (`--root`,
/// `--font-path`, `--input`, `--package-path`) do not exist here, so a hint naming one says
/// what ipobrief gives a template instead.
fn our_words(hint: &str) -> &str {
    if hint.contains("--root") || hint.contains("project root") {
        "a PDF template reads only what ipobrief gives it (data.json and the charts), never \
         other files"
    } else if hint.contains("--font-path") || hint.contains("fonts") && hint.contains("--") {
        "the PDF uses the fonts built into ipobrief"
    } else if hint.contains("--input") || hint.contains("--package") {
        "a PDF template reads only data.json and the charts ipobrief gives it; packages cannot \
         be imported"
    } else {
        hint
    }
}

/// The first error, at its line and column in the template when it has one there.
fn located(world: &BriefWorld, template: &Template, errors: &[SourceDiagnostic]) -> anyhow::Error {
    let Some(first) = errors.first() else {
        return InputError::new(template.origin.clone(), "the PDF could not be made").into();
    };
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    let mut error = InputError::new(
        template.origin.clone(),
        format!(
            "the PDF template cannot be typeset: {}{more}",
            first.message
        ),
    );
    let in_template = first.span.id() == Some(world.main_source().id());
    if let (true, Some(range)) = (in_template, world.range(first.span)) {
        let text = world.main_source().text();
        error = error.at(Some(text_location(text, range.start, range.end)));
    }
    let hints: Vec<&str> = first
        .hints
        .iter()
        .map(|h| our_words(h.v.as_str()))
        .collect();
    let help = if hints.is_empty() {
        "fix the template at the line and column shown, or remove the override".to_string()
    } else {
        hints.join("; ")
    };
    error.with_help(help).into()
}
