//! User Markdown (company summary, period notes) to safe HTML: pulldown-cmark renders it,
//! ammonia removes anything that could run or load: scripts, event handlers, styles,
//! `javascript:`/`data:` URLs, frames and images (an image would be an external request).

use std::sync::OnceLock;

use pulldown_cmark::{html, Options, Parser};

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

/// User Markdown for the Markdown brief: Markdown stays Markdown, but raw HTML is shown as text
/// (`<` and `>` escaped), so a viewer that renders HTML in Markdown runs nothing.
pub fn inert_html(markdown: &str) -> String {
    markdown
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Renders user Markdown to sanitised HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    sanitizer().clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_safe_html("**2,000** staff"),
            "<p><strong>2,000</strong> staff</p>\n"
        );
    }

    #[test]
    fn markdown_for_markdown_keeps_formatting_but_not_html() {
        assert_eq!(
            inert_html("**bold** <script>alert(1)</script> & co"),
            "**bold** &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
    }

    #[test]
    fn removes_what_could_run_or_load() {
        let hostile = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) \
                       <a href=\"data:text/html,x\">d</a> <iframe src=\"https://evil.example\"></iframe>\
                       <style>body{display:none}</style><p onclick=\"alert(1)\">p</p>";
        let clean = to_safe_html(hostile);
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
}
