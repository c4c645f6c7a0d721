//! Work done ahead, on a second thread, while Typst typesets on the first: decoding the charts'
//! SVGs and loading the syntax definitions `raw` text looks its language up in. Typst
//! memoises both (the SVGs in its `comemo` cache, keyed by their arguments; the syntaxes in a
//! lazily loaded static), so when the typesetter reaches a chart or a `raw` it finds the work
//! done instead of doing it. The result is the same either way: only when it is computed
//! changes. An image the second thread has not reached yet is decoded by the typesetter, as
//! before, and the second thread stops as soon as the typesetter is done.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

use typst::comemo::Track;
use typst::foundations::Bytes;
use typst::visualize::SvgImage;
use typst::World;

/// The font families an image in the built-in templates is decoded with: the text's font
/// (`set text(font: "DejaVu Sans")`), then Typst's fallbacks, lower-cased, as Typst passes
/// them. A template that sets other fonts around its images only misses the head start.
const FAMILIES: &[&str] = &[
    "dejavu sans",
    "libertinus serif",
    "twitter color emoji",
    "noto color emoji",
    "apple color emoji",
    "segoe ui emoji",
];

/// Decodes `svgs` (as a template shows them with `image(bytes(svg))` in its main file) and
/// loads the syntax definitions, unless `done` says the typesetter no longer needs them.
pub fn prepare(world: &dyn World, svgs: &[&str], done: &AtomicBool) {
    for svg in svgs {
        if done.load(Ordering::Relaxed) {
            return;
        }
        // An image that cannot be decoded is reported by the typesetter, where it is shown.
        let _ = SvgImage::with_fonts_images(
            Bytes::from_string(svg.to_string()),
            world.track(),
            FAMILIES,
            Some(world.main()),
        );
    }
    if !done.load(Ordering::Relaxed) {
        LazyLock::force(&typst::text::RAW_SYNTAXES);
    }
}
