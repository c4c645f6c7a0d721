//! User Markdown (company summary, period notes) to safe HTML: pulldown-cmark renders it,
//! ammonia removes anything that could run or load: scripts, event handlers, styles,
//! `javascript:`/`data:` URLs, frames and images (an image would be an external request).
//!
//! User text sits inside a section of the brief, so its headings are moved below the section's
//! own: the first level the user wrote becomes `top` (an `<h3>` under the summary's `<h2>`),
//! and no heading is more than one level deeper than the one before it (a `#` then a `###`
//! become `<h3>` and `<h4>`), as the page's outline and screen readers expect.

use std::sync::OnceLock;

use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .rm_tags(["img"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"));
        builder
    })
}

fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options
}

/// The new level of each heading the user wrote, in order: the distinct levels used are ranked
/// from `top` down, and a heading is never more than one level below the one before (at most 6).
fn relevel(levels: &[usize], top: usize) -> Vec<usize> {
    let top = top.clamp(1, 6);
    let mut distinct = levels.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut previous = top - 1;
    levels
        .iter()
        .map(|level| {
            let rank = distinct.partition_point(|l| l < level);
            let new = (top + rank).min(previous + 1).min(6);
            previous = new;
            new
        })
        .collect()
}

fn heading_level(level: usize) -> HeadingLevel {
    HeadingLevel::try_from(level).unwrap_or(HeadingLevel::H6)
}

/// User Markdown for the Markdown brief: Markdown stays Markdown, with its headings starting at
/// level `top`, but raw HTML is shown as text (`<` and `>` escaped), so a viewer that renders
/// HTML in Markdown runs nothing.
pub fn inert_html(markdown: &str, top: usize) -> String {
    let headings: Vec<(usize, std::ops::Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Heading { level, .. }) => Some((level as usize, range)),
            _ => None,
        })
        .collect();
    let levels: Vec<usize> = headings.iter().map(|(level, _)| *level).collect();
    let mut text = String::with_capacity(markdown.len());
    let mut done = 0;
    for ((_, range), level) in headings.iter().zip(relevel(&levels, top)) {
        let source = &markdown[range.clone()];
        let indent = source.len() - source.trim_start().len();
        let body = source.trim_start();
        let marks = "#".repeat(level);
        text.push_str(&markdown[done..range.start]);
        text.push_str(&source[..indent]);
        if let Some(rest) = body.strip_prefix('#') {
            // `# Title`: the run of `#` is replaced.
            text.push_str(&marks);
            text.push_str(rest.trim_start_matches('#'));
        } else {
            // A setext heading (text underlined with `===` or `---`) becomes `### text`.
            let mut lines: Vec<&str> = body.lines().collect();
            lines.pop();
            let content: Vec<&str> = lines.iter().map(|l| l.trim()).collect();
            text.push_str(&format!("{marks} {}", content.join(" ")));
            if body.ends_with('\n') {
                text.push('\n');
            }
        }
        done = range.end;
    }
    text.push_str(&markdown[done..]);
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders user Markdown to sanitised HTML, its headings starting at `<h{top}>`.
pub fn to_safe_html(markdown: &str, top: usize) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let levels: Vec<usize> = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .collect();
    let mut new_levels = relevel(&levels, top).into_iter();
    let mut open = Vec::new();
    let events = events.into_iter().map(|event| match event {
        Event::Start(Tag::Heading {
            id, classes, attrs, ..
        }) => {
            let level = heading_level(new_levels.next().unwrap_or(top));
            open.push(level);
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            })
        }
        Event::End(TagEnd::Heading(level)) => {
            Event::End(TagEnd::Heading(open.pop().unwrap_or(level)))
        }
        other => other,
    });
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events);
    sanitizer().clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_safe_html("**2,000** staff", 3),
            "<p><strong>2,000</strong> staff</p>\n"
        );
    }

    #[test]
    fn markdown_for_markdown_keeps_formatting_but_not_html() {
        assert_eq!(
            inert_html("**bold** <script>alert(1)</script> & co", 3),
            "**bold** &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
    }

    #[test]
    fn removes_what_could_run_or_load() {
        let hostile = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) \
                       <a href=\"data:text/html,x\">d</a> <iframe src=\"https://evil.example\"></iframe>\
                       <style>body{display:none}</style><p onclick=\"alert(1)\">p</p>";
        let clean = to_safe_html(hostile, 3);
        for needle in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "<iframe",
            "<style",
            "onclick",
            "<img",
        ] {
            assert!(!clean.contains(needle), "{needle} survived in {clean}");
        }
    }

    #[test]
    fn headings_start_below_the_section_and_never_jump() {
        // Levels used 1, 3, 2: ranked 1 -> 3, 2 -> 4, 3 -> 5; each at most one below the last.
        assert_eq!(relevel(&[1, 3, 2, 1], 3), vec![3, 4, 4, 3]);
        assert_eq!(relevel(&[2, 4], 3), vec![3, 4]);
        assert_eq!(relevel(&[4, 1], 3), vec![3, 3]);
        assert_eq!(relevel(&[1, 2, 3, 4, 5, 6], 4), vec![4, 5, 6, 6, 6, 6]);
        assert_eq!(relevel(&[1, 2], 0), vec![1, 2]);
        assert_eq!(
            to_safe_html("# Plan\n\n### Detail\n\ntext", 3),
            "<h3>Plan</h3>\n<h4>Detail</h4>\n<p>text</p>\n"
        );
        assert_eq!(
            to_safe_html("Plan\n====\n\n## Detail", 4),
            "<h4>Plan</h4>\n<h5>Detail</h5>\n"
        );
    }

    #[test]
    fn markdown_headings_are_moved_the_same_way() {
        assert_eq!(
            inert_html("# Plan\n\n### Detail ###\n\ntext # not a heading", 3),
            "### Plan\n\n#### Detail ###\n\ntext # not a heading"
        );
        assert_eq!(
            inert_html("Plan\n----\n\n> # Quoted <b>", 3),
            "### Plan\n\n&gt; ### Quoted &lt;b&gt;"
        );
    }
}
