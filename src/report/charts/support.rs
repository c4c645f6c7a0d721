//! What every chart of ipobrief needs, the brief's and the comparison's alike: the built-in
//! font, the palette, the type of a drawing's result, and the SVG's accessible title and
//! description. One home, so the two kinds of chart cannot drift apart.

use std::sync::Once;

use anyhow::{anyhow, Result};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The result of drawing on a plotters area.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The Okabe–Ito palette: distinguishable with the common forms of colour blindness.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
    RGBColor(90, 90, 90),    // grey
];

/// Where a bar's value reads: at the bar's end, centred, above a bar that rises from zero and
/// below one that falls from it (a negative value sits at its own bar, not over the axis).
pub fn bar_value_at(value: f64) -> Pos {
    let side = if value < 0.0 { VPos::Top } else { VPos::Bottom };
    Pos::new(HPos::Center, side)
}

/// Registers the built-in font (DejaVu Sans, regular and bold) as "sans-serif", once per
/// process; plotters uses it to measure text (SVG) and draw it (PNG).
pub fn register_font() -> Result<()> {
    static ONCE: Once = Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        for (style, bytes) in [
            (FontStyle::Normal, dejavu::sans::regular()),
            (FontStyle::Bold, dejavu::sans::bold()),
        ] {
            if plotters::style::register_font("sans-serif", style, bytes).is_err() {
                result = Err(anyhow!("the built-in font could not be loaded"));
            }
        }
    });
    result
}

/// Adds a `<title>` and `<desc>` (the text alternative) and an ARIA role to plotters' SVG: the
/// chart is one image, named by its title and described by the text alternative (its drawn
/// text is not read out piece by piece). `id` prefixes the ids of the two elements, so several
/// charts can share one page.
pub fn accessible_svg(svg: &str, title: &str, alt: &str, id: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let Some(end_of_open_tag) = svg.find('>') else {
        return svg.to_string();
    };
    let (open, rest) = svg.split_at(end_of_open_tag);
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(alt),
        rest.get(1..).unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::{accessible_svg, bar_value_at};
    use plotters::style::text_anchor::{HPos, VPos};

    /// Guards the accessible name: title and description first inside the root, escaped.
    #[test]
    fn title_and_description_follow_the_open_tag() {
        let svg = "<svg width=\"1\">\n<rect/></svg>";
        assert_eq!(
            accessible_svg(svg, "A & B", "x < \"y\"", "c"),
            "<svg width=\"1\" role=\"img\" aria-labelledby=\"c-title\" aria-describedby=\"c-desc\">\
             <title id=\"c-title\">A &amp; B</title><desc id=\"c-desc\">x &lt; &quot;y&quot;</desc>\n<rect/></svg>"
        );
        assert_eq!(accessible_svg("no tag", "t", "a", "c"), "no tag");
    }

    /// A value reads above a rising bar's end, below a falling one's.
    #[test]
    fn a_negative_bar_reads_below_its_end() {
        let at = |v: f64| {
            let pos = bar_value_at(v);
            (
                matches!(pos.h_pos, HPos::Center),
                matches!(pos.v_pos, VPos::Top),
            )
        };
        assert_eq!(at(12.5), (true, false));
        assert_eq!(at(0.0), (true, false));
        assert_eq!(at(-6.6), (true, true));
    }
}
