//! Safe HTML in a real browser (issue 5): briefs generated from an injection corpus, with a
//! vector in every user field, are opened in headless Chromium; no script may run, no injected
//! element may appear, and the page may load nothing from outside.
//!
//! Every vector, were it to run, sets `document.title` to `XSS` or adds an element with the id
//! `xss`; the DOM Chromium prints after the page ran must show neither. Where Chromium is missing
//! the test says so and skips (fails with `IPOBRIEF_REQUIRE_TOOLS=1`, as `.ci/run` sets it).
//!
//! External URLs: the page itself loads nothing (no `src`, `url(...)`, `@import` or `<link>` to
//! http(s)). The one allowed mention is a link a person wrote in their own Markdown summary or
//! notes, kept by the sanitiser as a plain `<a href="https://...">` with `rel="noopener
//! noreferrer nofollow"`: a link is followed only when clicked, nothing is fetched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::json;

use crate::harness::Test;
use crate::tools;

/// OWASP filter-evasion style vectors. None of them may run or inject an element.
const VECTORS: &[&str] = &[
    "<script>document.title='XSS'</script>",
    "<img src=x onerror=\"document.title='XSS'\">",
    "<svg onload=\"document.title='XSS'\">",
    "<body onload=\"document.title='XSS'\">",
    "\"><script>document.title='XSS'</script>",
    "'><script>document.title='XSS'</script>",
    "</title><script>document.title='XSS'</script>",
    "</style><script>document.title='XSS'</script>",
    "</textarea><script>document.title='XSS'</script>",
    "<iframe src=\"javascript:parent.document.title='XSS'\"></iframe>",
    "<iframe srcdoc=\"<script>parent.document.title='XSS'</script>\"></iframe>",
    "<a href=\"javascript:document.title='XSS'\" id=xss>x</a>",
    "<details open ontoggle=\"document.title='XSS'\">",
    "<input autofocus onfocus=\"document.title='XSS'\">",
    "<video><source onerror=\"document.title='XSS'\"></video>",
    "<audio src=x onerror=\"document.title='XSS'\">",
    "<object data=\"javascript:document.title='XSS'\"></object>",
    "<embed src=\"javascript:document.title='XSS'\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"document.title='XSS'\">",
    "<noscript><p title=\"</noscript><img src=x onerror=document.title='XSS'>\">",
    "<IMG SRC=JaVaScRiPt:document.title='XSS'>",
    "<img src=x onerror=&#100;ocument.title='XSS'>",
    "<scr<script>ipt>document.title='XSS'</scr</script>ipt>",
    "<SCRIPT/XSS SRC=\"data:,document.title='XSS'\"></SCRIPT>",
    "<script src=\"data:text/javascript,document.title='XSS'\"></script>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:document.title='XSS'\">",
    "<form id=xss><button formaction=\"javascript:document.title='XSS'\">x</button></form>",
    "<div id=xss>injected</div>",
    "<style>@import 'http://evil.example/x.css';</style>",
    "<link rel=stylesheet href=\"http://evil.example/x.css\">",
    "<base href=\"javascript:/a/-document.title='XSS'//\">",
    "[click](javascript:document.title='XSS')",
    "![x](http://evil.example/x.png\" onerror=\"document.title='XSS')",
    "<svg><script>document.title='XSS'</script></svg>",
    "<marquee onstart=\"document.title='XSS'\">m</marquee>",
    "<x onclick=document.title='XSS' id=xss>click",
    "<img src=\"http://evil.example/pixel.png\">",
    "<script>var e=document.createElement('b');e.id='xss';document.body.appendChild(e)</script>",
    "javascript:document.title='XSS'",
    "{{ 7*7 }} {% raw %} ${7*7}",
];

/// Vectors short enough for the ticker (at most 20 characters).
const TICKER_VECTORS: &[&str] = &[
    "<b id=xss>t</b>",
    "\"><i id=xss>",
    "'><u id=xss>",
    "<svg id=xss>",
];

/// The DOM after the page ran, as Chromium prints it.
fn dump_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "chromium printed no page for {}:\n{}",
        page.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    dom
}

/// Generates the brief of `input` into `dir/name/`; the code is checked by the caller, with `what`.
fn generate(dir: &Path, name: &str, input: &serde_json::Value, code: i32, what: &str) {
    let file = format!("{name}.json");
    let output = Test::in_dir(dir)
        .file(&file, serde_json::to_string_pretty(input).unwrap())
        .args(["generate", &file, "-o", name, "--format", "html,md,json"])
        .run();
    assert_eq!(output.code, Some(code), "{what}: {}", output.stderr);
}

/// Three years with the vectors in notes and cost-line names, so every table and chart has them.
fn periods(notes: &str, lines: &[&str]) -> serde_json::Value {
    let costs: serde_json::Map<String, serde_json::Value> = lines
        .iter()
        .enumerate()
        .map(|(i, name)| (name.to_string(), json!(100 + i)))
        .collect();
    json!([
        { "label": "2022", "revenue": 9000, "headcount_end": 40, "notes": notes, "costs": costs },
        { "label": "2023", "revenue": 10000, "headcount_end": 42, "notes": notes, "costs": costs },
        { "label": "2024", "revenue": 12000, "headcount_end": 45, "notes": notes, "costs": costs },
    ])
}

/// What the raw HTML must not hold: scripts, and anything that loads from outside.
fn assert_loads_nothing(html: &str, page: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{page}: a <script> element");
    for needle in [
        "src=\"http",
        "src='http",
        "src=http",
        "<link",
        "<iframe",
        "<object",
        "<embed",
        "<base",
        "<meta http-equiv=\"refresh",
        "href=\"javascript",
        "src=\"javascript",
    ] {
        // Escaped user text reads `&lt;iframe`; only a real tag or attribute matches here.
        assert!(!lower.contains(needle), "{page}: holds {needle:?}");
    }
    // The page's own stylesheet: nothing imported, no url() to outside.
    for style in lower.split("<style").skip(1) {
        let css = style.split("</style>").next().unwrap_or_default();
        for needle in ["@import", "url(http", "url('http", "url(\"http", "url(//"] {
            assert!(
                !css.contains(needle),
                "{page}: the stylesheet holds {needle:?}"
            );
        }
    }
    for (index, _) in lower.match_indices("href=\"http") {
        let tag_start = lower[..index].rfind('<').unwrap_or(0);
        let tag = &lower[tag_start..index];
        let tag_end = lower[index..].find('>').map_or(lower.len(), |i| index + i);
        assert!(
            tag.starts_with("<a ")
                && lower[tag_start..tag_end].contains("noopener noreferrer nofollow"),
            "{page}: an external reference outside a user's link: {}",
            &html[tag_start..tag_end]
        );
    }
}

fn assert_no_script_ran(dom: &str, page: &str) {
    assert!(
        !dom.contains("<title>XSS</title>"),
        "{page}: a script set the title"
    );
    assert!(
        !dom.contains("id=\"xss\""),
        "{page}: an injected element is in the page"
    );
}

#[test]
fn injection_vectors_do_not_run_in_a_real_browser() {
    let Some(chromium) = tools::find(&tools::CHROMIUM) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut pages: Vec<(String, PathBuf)> = Vec::new();

    // One brief with every vector in every free-text field at once.
    let all = VECTORS.join("\n\n");
    for (i, ticker) in TICKER_VECTORS.iter().enumerate() {
        let name = format!("fields{i}");
        let input = json!({
            "company": {
                "name": "Acme",
                "ticker": ticker,
                "currency": "SEK",
                "summary": all,
                "sources": VECTORS,
                "ai_exposed": [VECTORS[0]],
            },
            "period": periods(&all, VECTORS),
        });
        generate(dir.path(), &name, &input, 0, &name);
        pages.push((name.clone(), dir.path().join(&name).join("acme/brief.html")));
    }

    // The company name, a few vectors at a time (a name is at most 200 characters).
    let mut groups: Vec<String> = Vec::new();
    for vector in VECTORS {
        match groups.last_mut() {
            Some(group) if group.chars().count() + vector.chars().count() < 200 => {
                group.push_str(vector)
            }
            _ => groups.push(vector.to_string()),
        }
    }
    for (i, group) in groups.iter().enumerate() {
        let name = format!("name{i}");
        let input = json!({
            "company": { "name": group, "currency": "SEK", "summary": group },
            "period": periods(group, &["support", group]),
        });
        generate(dir.path(), &name, &input, 0, &name);
        let folder = fs::read_dir(dir.path().join(&name))
            .unwrap()
            .next()
            .expect("a report folder")
            .unwrap()
            .path();
        pages.push((name, folder.join("brief.html")));
    }

    for (name, page) in &pages {
        let html = fs::read_to_string(page).unwrap();
        assert_loads_nothing(&html, name);
        let dom = dump_dom(&chromium, page);
        assert_no_script_ran(&dom, name);
    }
    eprintln!(
        "{} vectors in {} briefs: no script ran, nothing loaded",
        VECTORS.len() + TICKER_VECTORS.len(),
        pages.len()
    );
}

#[test]
fn injection_vectors_as_period_labels_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (i, vector) in VECTORS.iter().enumerate() {
        let name = format!("label{i}");
        let input = json!({
            "company": { "name": "Acme", "currency": "SEK" },
            "period": [{ "label": vector, "revenue": 1 }],
        });
        generate(dir.path(), &name, &input, 2, vector);
        assert!(
            !dir.path().join(&name).exists(),
            "{vector}: a report was written"
        );
    }
}
