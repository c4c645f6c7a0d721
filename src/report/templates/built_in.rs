//! The built-in templates, compiled in, by the file name an override uses, and which of them
//! each command renders.

/// The built-in templates, by the file name an override uses.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "base.html.tera",
        include_str!("../../../templates/base.html.tera"),
    ),
    (
        "brief.html.tera",
        include_str!("../../../templates/brief.html.tera"),
    ),
    (
        "brief.md.tera",
        include_str!("../../../templates/brief.md.tera"),
    ),
    (
        "brief-non-gaap.html.tera",
        include_str!("../../../templates/brief-non-gaap.html.tera"),
    ),
    (
        "brief-peers.html.tera",
        include_str!("../../../templates/brief-peers.html.tera"),
    ),
    (
        "brief-plan.html.tera",
        include_str!("../../../templates/brief-plan.html.tera"),
    ),
    (
        "brief-plan-actual.html.tera",
        include_str!("../../../templates/brief-plan-actual.html.tera"),
    ),
    (
        "brief-non-gaap.md.tera",
        include_str!("../../../templates/brief-non-gaap.md.tera"),
    ),
    (
        "brief-peers.md.tera",
        include_str!("../../../templates/brief-peers.md.tera"),
    ),
    (
        "brief-plan.md.tera",
        include_str!("../../../templates/brief-plan.md.tera"),
    ),
    (
        "brief-plan-actual.md.tera",
        include_str!("../../../templates/brief-plan-actual.md.tera"),
    ),
    (
        "index.html.tera",
        include_str!("../../../templates/index.html.tera"),
    ),
    (
        "index.md.tera",
        include_str!("../../../templates/index.md.tera"),
    ),
    (
        "compare.html.tera",
        include_str!("../../../templates/compare.html.tera"),
    ),
    (
        "compare.md.tera",
        include_str!("../../../templates/compare.md.tera"),
    ),
    (
        "macros.html.tera",
        include_str!("../../../templates/macros.html.tera"),
    ),
    (
        "macros.md.tera",
        include_str!("../../../templates/macros.md.tera"),
    ),
    ("style.css", include_str!("../../../templates/style.css")),
];

/// The templates a company's brief needs (the optional sections' ones, [`super::SECTIONS`], only
/// when the brief has the section).
pub const BRIEF: &[&str] = &[
    "base.html.tera",
    "brief.html.tera",
    "brief.md.tera",
    "brief-non-gaap.html.tera",
    "brief-non-gaap.md.tera",
    "brief-peers.html.tera",
    "brief-peers.md.tera",
    "brief-plan.html.tera",
    "brief-plan.md.tera",
    "brief-plan-actual.html.tera",
    "brief-plan-actual.md.tera",
    "macros.html.tera",
    "macros.md.tera",
    "style.css",
];

/// The templates a company's brief renders, with the Markdown brief (`md`) and the HTML brief
/// (`html`) asked for or not (JSON, the workbook, the PDF and the charts are written without tera), so a run
/// parses no template it does not render.
pub fn for_brief(md: bool, html: bool) -> Vec<&'static str> {
    BRIEF
        .iter()
        .copied()
        .filter(|name| match name.ends_with(".md.tera") {
            true => md,
            false => html,
        })
        .collect()
}

/// The templates of a multi-company site's index.
pub const SITE: &[&str] = &["index.html.tera", "index.md.tera", "style.css"];

/// The stylesheet's file name; an override of that name replaces the built-in styles.
pub const STYLESHEET: &str = "style.css";

/// A built-in template's text by file name (empty for an unknown name).
pub fn built_in(name: &str) -> &'static str {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}
