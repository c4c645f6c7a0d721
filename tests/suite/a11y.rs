//! Accessible pages (issue 18). Every HTML page ipobrief writes is checked by axe-core, run in
//! headless Chromium by `tests/browser/axe.mjs` (puppeteer-core drives Debian's `chromium`):
//! the WCAG 2.0/2.1 A and AA rules and axe's best practices, in light and dark colour scheme, at
//! a desktop and a phone width, with no violation allowed. The pages are those of a site of the
//! bundled example and of `tests/fixtures/every-section.toml` (every section of the brief:
//! scorecard with pass, watch and fail, headcount plan, quarters, Markdown summary and notes,
//! sources, n/a footnotes, profitability and cash, company KPIs; the example adds Peers), the
//! site's index, both kinds of comparison, and the page `serve` shows while an input is broken.
//! The script checks
//! every `*.html` file under the folder, so a page a new command writes is checked too.
//!
//! Where node, the npm packages (`npm ci --prefix tests/browser`, done by `.ci/run`) or Chromium
//! are missing, the browser tests say so and skip (fail, with `IPOBRIEF_REQUIRE_TOOLS=1`). The Markdown brief is checked here in Rust:
//! images with alt text, tables with a header row, no heading jump.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::harness::{root, Test};
use crate::tools;

/// What runs the check: node, the check script and Chromium.
struct Checker {
    node: PathBuf,
    script: PathBuf,
    chromium: PathBuf,
}

/// The checker; None (the test skips, or fails where tools are required) when node, its npm
/// packages or Chromium are missing.
fn checker() -> Option<Checker> {
    let chromium = tools::find(&tools::CHROMIUM)?;
    let node = tools::find(&tools::NODE)?;
    for package in ["puppeteer-core", "axe-core"] {
        tools::npm_package(package)?;
    }
    let script = root().join("tests/browser/axe.mjs");
    Some(Checker {
        node,
        script,
        chromium,
    })
}

/// Runs the check over `dir`; its report (one block per violation, then a count) is printed.
fn axe(checker: &Checker, dir: &Path) -> Output {
    let output = Command::new(&checker.node)
        .arg(&checker.script)
        .arg(dir)
        .env("CHROMIUM", &checker.chromium)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("node runs");
    eprintln!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The pages of the example and of a company with every section, the site index and both kinds
/// of comparison, written into `dir`.
fn write_pages(dir: &Path) {
    let klarna = root().join("examples/klarna.toml");
    let every = root().join("tests/fixtures/every-section.toml");
    Test::in_dir(dir)
        .args(["generate", "-q", "-o", "site"])
        .args([&klarna, &every])
        .run()
        .status(0);
    Test::in_dir(dir)
        .args(["compare", "-o", "peers"])
        .args([&klarna, &every])
        .run()
        .status(0);
    Test::in_dir(dir)
        .args(["compare", "--periods", "latest-yoy", "-o", "periods"])
        .args([&every])
        .run()
        .status(0);
    write_serve_error_page(dir);
}

/// The page `serve` shows while an input is broken, saved as `serve-error/index.html`.
#[cfg(unix)]
fn write_serve_error_page(dir: &Path) {
    use crate::serve::{request, PATIENCE};
    let mut server = Test::new()
        .file(
            "broken.toml",
            "[company]\nname = \"Broken <b>AB</b>\"\ncurrency = 12\n",
        )
        .file("tmp/.keep", "")
        .args(["serve", "broken.toml", "--port", "0"])
        .env("TMPDIR", "tmp")
        .start();
    let line = server.line_with("http://", PATIENCE);
    let url = line[line.find("http://").expect("a URL")..].trim();
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let reply = request(&address, "GET", "/");
    assert_eq!(reply.status, 500, "the error page: {}", reply.body);
    server.interrupt();
    server.wait(PATIENCE);
    let folder = dir.join("serve-error");
    std::fs::create_dir_all(&folder).expect("a folder for the error page");
    std::fs::write(folder.join("index.html"), reply.body).expect("the error page saved");
}

#[cfg(not(unix))]
fn write_serve_error_page(_: &Path) {}

#[test]
fn every_page_passes_axe_in_both_schemes_at_both_widths() {
    let Some(checker) = checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path());
    let output = axe(&checker, dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "axe-core found violations (listed above)"
    );
    // At least two briefs, the index and two comparisons (a page a later change adds is
    // checked too), each in 4 views.
    let pages: usize = stdout
        .split_once("axe-core ")
        .and_then(|(_, summary)| {
            summary
                .split_once(": ")?
                .1
                .split_once(" pages")?
                .0
                .parse()
                .ok()
        })
        .unwrap_or(0);
    assert!(
        pages >= 5 && stdout.contains(&format!("{} views", pages * 4)),
        "{stdout}"
    );
    assert!(stdout.contains(", 0 violations"), "{stdout}");
}

/// The check can fail: a page with faint text in dark mode only and a table that scrolls only
/// on a phone is caught in exactly those views, and the exit code says so.
#[test]
fn the_check_reports_violations_in_the_view_they_occur() {
    let Some(checker) = checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.html"),
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad</title>
<style>
html { background: #fff; color: #000; }
@media (prefers-color-scheme: dark) { html { background: #111; color: #eee; } .faint { color: #333; } }
.wrap { overflow-x: auto; }
table { width: 800px; }
</style></head><body><main><h1>Bad</h1><p class="faint">Faint in the dark.</p>
<div class="wrap"><table><caption>Wide</caption><tr><th scope="col">A</th><th scope="col">B</th></tr>
<tr><td>1</td><td>2</td></tr></table></div></main></body></html>"#,
    )
    .unwrap();
    let output = axe(&checker, dir.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("bad.html [dark, desktop]: color-contrast"));
    assert!(stdout.contains("bad.html [dark, phone]: color-contrast"));
    assert!(stdout.contains("bad.html [light, phone]: scrollable-region-focusable"));
    assert!(stdout.contains("foreground color: #333333"), "{stdout}");
    assert!(!stdout.contains("bad.html [light, desktop]"), "{stdout}");
}

/// Headings of a Markdown file, images without alt text and tables without header cells.
fn markdown_faults(markdown: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let mut previous = 0;
    let mut image: Option<(String, String)> = None;
    let mut header: Option<Vec<String>> = None;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize;
                if level > previous + 1 {
                    faults.push(format!("a heading jumps from level {previous} to {level}"));
                }
                previous = level;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), String::new()));
            }
            Event::Start(Tag::TableHead) => header = Some(Vec::new()),
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                if let Some(cells) = header.as_mut() {
                    cells.push(text.trim().to_string());
                }
            }
            Event::End(TagEnd::TableHead) => {
                let cells = header.take().unwrap_or_default();
                if cells.is_empty() || cells.iter().any(String::is_empty) {
                    faults.push(format!("a table's header row has an empty cell: {cells:?}"));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((url, alt)) = image.take() {
                    if alt.trim().is_empty() {
                        faults.push(format!("the image {url} has no alt text"));
                    }
                }
            }
            _ => {}
        }
    }
    faults
}

#[test]
fn markdown_pages_have_alt_text_header_rows_and_no_heading_jumps() {
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path());
    let mut pages = Vec::new();
    let mut folders = vec![dir.path().to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    // At least two briefs, the index and two comparisons.
    assert!(pages.len() >= 5, "{pages:?}");
    for page in &pages {
        let markdown = fs::read_to_string(page).unwrap();
        let faults = markdown_faults(&markdown);
        assert!(faults.is_empty(), "{}: {faults:#?}", page.display());
    }
    let every = fs::read_to_string(dir.path().join("site/acme-analytics-ab/brief.md")).unwrap();
    assert!(
        every.contains("![Revenue and growth year over year, years 2023–2024](charts/"),
        "charts are images with their title as alt text"
    );
}

#[test]
fn the_markdown_check_finds_each_fault() {
    assert!(markdown_faults("# A\n\n## B\n\n### C\n\n## D\n\n# E\n").is_empty());
    assert_eq!(
        markdown_faults("# A\n\n### C\n"),
        ["a heading jumps from level 1 to 3"]
    );
    assert_eq!(
        markdown_faults("## A\n"),
        ["a heading jumps from level 0 to 2"]
    );
    assert_eq!(
        markdown_faults("# A\n\n![](x.svg)\n"),
        ["the image x.svg has no alt text"]
    );
    assert_eq!(
        markdown_faults("# A\n\n| a | |\n|---|---|\n| 1 | 2 |\n"),
        ["a table's header row has an empty cell: [\"a\", \"\"]"]
    );
}
