//! The brief as people see it: snapshots of the Markdown and HTML for the fictional test
//! company, well-formed SVG charts, inert hostile input, template overrides, determinism, and
//! the committed example report staying in step with the code.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::{root, Test};
use ipobrief::input::{self, Format, ReadOptions};
use ipobrief::report::{self, ChartFormat, ReportSettings};
use ipobrief::scorecard::Thresholds;

/// Every file of a brief, by path, from input text.
fn brief_files(text: &str, name: &str) -> BTreeMap<String, Vec<u8>> {
    let company =
        input::parse(text, name, Format::Toml, &ReadOptions::default()).expect("valid input");
    let metrics = ipobrief::analyse(&company, &Thresholds::default(), None);
    let settings = ReportSettings::new(&["md", "html", "json"], ChartFormat::Svg, None)
        .expect("built-in templates compile");
    report::build(&company, &metrics, None, &settings)
        .expect("the brief renders")
        .into_iter()
        .map(|f| (f.path.display().to_string(), f.bytes().unwrap().to_vec()))
        .collect()
}

fn acme() -> BTreeMap<String, Vec<u8>> {
    let text = fs::read_to_string(root().join("tests/fixtures/acme.toml")).expect("fixture");
    brief_files(&text, "tests/fixtures/acme.toml")
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone(),
    )
    .expect("utf-8")
}

#[test]
fn markdown_brief_snapshot() {
    insta::assert_snapshot!("acme_brief_md", text(&acme(), "brief.md"));
}

#[test]
fn html_brief_snapshot() {
    // The inline SVGs are checked on their own below; keep the snapshot about the page.
    let html = text(&acme(), "brief.html");
    let mut without_svg = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<svg") {
        without_svg.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</svg>")
            .map_or(rest.len(), |e| start + e + "</svg>".len());
        without_svg.push_str("<svg>[chart]</svg>");
        rest = &rest[end..];
    }
    without_svg.push_str(rest);
    insta::assert_snapshot!("acme_brief_html", without_svg);
}

#[test]
fn every_svg_parses_and_has_a_title_text_alternative_and_axis_labels() {
    let files = acme();
    let svgs: Vec<_> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".svg"))
        .collect();
    assert!(
        svgs.len() >= 8,
        "expected the year and quarter charts, found {}",
        svgs.len()
    );
    for (name, bytes) in svgs {
        let svg = String::from_utf8(bytes.clone()).expect("utf-8");
        let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let texts: Vec<&str> = document
            .descendants()
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        let has = |tag: &str| {
            document.descendants().any(|n| {
                n.tag_name().name() == tag && n.text().is_some_and(|t| !t.trim().is_empty())
            })
        };
        assert!(has("title"), "{name} has no <title>");
        assert!(has("desc"), "{name} has no text alternative");
        let axis_label = ["(%)", "(SEK", "(people)", "(points)"];
        assert!(
            texts
                .iter()
                .any(|t| axis_label.iter().any(|unit| t.contains(unit))),
            "{name} has no axis label with a unit"
        );
    }
}

#[test]
fn a_chart_with_one_period_becomes_a_sentence() {
    let files = brief_files(
        "[company]\nname = \"One Year Co\"\ncurrency = \"EUR\"\n[[period]]\nlabel = \"2024\"\nrevenue = 100\n",
        "one.toml",
    );
    assert!(
        !files.keys().any(|k| k.ends_with(".svg")),
        "no chart can be drawn from one period"
    );
    let md = text(&files, "brief.md");
    assert!(
        md.contains("not drawn, as there is only one period"),
        "{md}"
    );
}

const HOSTILE: &str = r#"
[company]
name = "<script>document.title='XSS'</script>Evil & Co"
ticker = "\"><img/onerror=1>"
currency = "USD"
summary = "Hi <script>alert(1)</script> [click](javascript:alert(1)) <img src=\"https://tracker.example/p.gif\"> <iframe src=\"https://evil.example\"></iframe>"
ai_exposed = ["<b onmouseover=alert(1)>support</b>"]
sources = ["<a href=\"javascript:alert(1)\">source</a>"]

[[period]]
label = "2023"
revenue = 100
notes = "<style>body{display:none}</style><p onclick=\"alert(1)\">note</p>"
[period.costs]
"<b onmouseover=alert(1)>support</b>" = 10

[[period]]
label = "2024"
revenue = 120
[period.costs]
"<b onmouseover=alert(1)>support</b>" = 12
"#;

#[test]
fn hostile_names_and_notes_come_out_inert() {
    let files = brief_files(HOSTILE, "hostile.toml");
    let html = text(&files, "brief.html");
    for needle in [
        "<script",
        "<iframe",
        "<img",
        "<style>body",
        "tracker.example",
        "<b ",
    ] {
        assert!(!html.contains(needle), "brief.html contains {needle}");
    }
    for tag in real_tags(&html) {
        let lower = tag.to_ascii_lowercase();
        let handler = lower
            .split_whitespace()
            .skip(1)
            .any(|attribute| attribute.starts_with("on"));
        assert!(!handler, "an event handler survived: {tag}");
        assert!(
            !lower.contains("javascript:"),
            "a javascript: URL survived: {tag}"
        );
    }
    assert!(
        html.contains("&lt;script&gt;document.title="),
        "the name is shown as text"
    );
    let md = text(&files, "brief.md");
    assert!(
        md.contains("&lt;script&gt;document.title="),
        "Markdown escapes the name"
    );
    for needle in ["<script", "<img", "<iframe", "<style", "<p onclick"] {
        assert!(
            !md.contains(needle),
            "brief.md passes raw HTML through: {needle}"
        );
    }
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".svg")) {
        let svg = String::from_utf8(bytes.clone()).expect("utf-8");
        assert!(
            !svg.contains("<b "),
            "{name} has markup from a cost line name"
        );
    }
}

/// The markup tags of a page (`<p class="x">`), as opposed to escaped text (`&lt;p&gt;`).
fn real_tags(html: &str) -> Vec<&str> {
    html.match_indices('<')
        .filter_map(|(start, _)| {
            html[start..]
                .find('>')
                .map(|end| &html[start..start + end + 1])
        })
        .collect()
}

fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(
                    path.strip_prefix(dir).expect("inside").to_path_buf(),
                    fs::read(&path).expect("file"),
                );
            }
        }
    }
    files
}

#[test]
fn template_override_replaces_one_file_and_a_broken_one_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let templates = dir.path().join("mine");
    fs::create_dir_all(&templates).expect("folder");
    fs::write(templates.join("brief.md.tera"), "# {{ company.name }}\nRevenue {{ metrics.periods.0.revenue | money(currency=company.currency) }}\n")
        .expect("write");
    Test::in_dir(dir.path())
        .args([
            "generate",
            "--templates",
            "mine",
            "-o",
            "out",
            "--format",
            "md,html",
        ])
        .run()
        .status(0);
    let md =
        fs::read_to_string(dir.path().join("out/klarna-group-plc/brief.md")).expect("brief.md");
    assert_eq!(md, "# Klarna Group plc\nRevenue $1.9B\n");
    let html =
        fs::read_to_string(dir.path().join("out/klarna-group-plc/brief.html")).expect("html");
    assert!(
        html.contains("Readiness scorecard"),
        "the HTML still uses the built-in template"
    );

    fs::write(
        templates.join("brief.md.tera"),
        "line one\n{{ company.name \n",
    )
    .expect("write");
    Test::in_dir(dir.path())
        .args(["generate", "--templates", "mine", "-o", "out2"])
        .run()
        .status(2)
        .stderr_contains("brief.md.tera")
        .stderr_contains("--> 3:1");
    assert!(!dir.path().join("out2").exists(), "nothing written");

    // Issue 12: an unknown variable is bad input (exit 2, was 3), naming the template, the
    // line and what the context has there; a file that overrides nothing is warned about.
    fs::write(
        templates.join("brief.md.tera"),
        "# Brief\n\n{{ company.nme }}\n",
    )
    .expect("write");
    fs::write(templates.join("brief.html"), "<p>mine</p>").expect("write");
    Test::in_dir(dir.path())
        .args(["generate", "--templates", "mine", "-o", "out3"])
        .run()
        .status(2)
        .stderr_contains("brief.md.tera uses `company.nme`")
        .stderr_contains("brief.md.tera:3:4")
        .stderr_contains("did you mean `company.name`?")
        .stderr_contains(
            "brief.html overrides no built-in template (did you mean brief.html.tera?)",
        );
    assert!(!dir.path().join("out3").exists(), "nothing written");
}

#[test]
fn two_runs_give_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    for out in ["a", "b"] {
        Test::in_dir(dir.path())
            .args(["generate", "-o", out, "--charts", "both"])
            .run()
            .status(0);
    }
    let a = read_tree(&dir.path().join("a"));
    let b = read_tree(&dir.path().join("b"));
    assert!(a.len() > 10);
    assert_eq!(a, b);
}

#[test]
fn committed_example_report_is_up_to_date() {
    // Regenerate with `cargo run --release -- generate` when this fails after a deliberate change.
    let dir = tempfile::tempdir().expect("tempdir");
    Test::in_dir(root())
        .args(["generate", "-o"])
        .args([dir.path()])
        .run()
        .status(0);
    let fresh = read_tree(&dir.path().join("klarna-group-plc"));
    let committed = read_tree(&root().join("reports/klarna-group-plc"));
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&fresh), names(&committed), "the set of files differs");
    for (name, bytes) in &fresh {
        assert!(
            committed.get(name) == Some(bytes),
            "reports/klarna-group-plc/{} is out of date",
            name.display()
        );
    }
}

#[test]
fn a_site_of_several_companies_has_an_index_linking_every_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let klarna = root().join("examples/klarna.toml");
    let acme = root().join("tests/fixtures/acme.toml");
    Test::in_dir(dir.path())
        .args(["generate"])
        .args([klarna, acme])
        .args(["-o", "site", "-q"])
        .run()
        .status(0);
    let index = fs::read_to_string(dir.path().join("site/index.html")).expect("index.html");
    assert!(index.contains("href=\"klarna-group-plc/brief.html\""));
    assert!(index.contains("href=\"acme-analytics-ab/brief.html\""));
    assert!(
        index.contains("(SEK, USD)"),
        "the index says the currencies differ"
    );
    // Klarna 2025: growth (3509 - 2811) / 2811 = +24.8%; Rule of 40 = 24.8 + (-230 / 3509 = -6.6) = 18.3.
    assert!(index.contains("+24.8%") && index.contains("18.3"));
    let index_md = fs::read_to_string(dir.path().join("site/index.md")).expect("index.md");
    assert!(index_md.contains("[Acme Analytics AB](acme-analytics-ab/brief.md)"));
    assert!(dir
        .path()
        .join("site/acme-analytics-ab/brief.html")
        .exists());
}

#[test]
fn one_bad_input_fails_the_site_reports_every_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("bad1.toml"), "[company]\nname = \"A\"\ncurrency = \"DOLLARS\"\n[[period]]\nlabel = \"2024\"\nrevenue = 1\n").expect("write");
    fs::write(
        dir.path().join("bad2.toml"),
        "[company]\nname = \"B\"\ncurrency = \"USD\"\n[[period]]\nlabel = \"2024\"\nrevenue = -1\n",
    )
    .expect("write");
    let good = root().join("examples/klarna.toml");
    Test::in_dir(dir.path())
        .args(["generate"])
        .args([good])
        .args(["bad1.toml", "bad2.toml", "-o", "site"])
        .run()
        .status(2)
        .stderr_contains("bad1.toml:3:")
        .stderr_contains("bad2.toml:6:")
        .stderr_contains("2 of 3 inputs are invalid");
    assert!(!dir.path().join("site").exists(), "nothing written");
}

/// Issue 12: every footnote the committed brief lists is referenced from the text (a missing
/// cost line used to take a footnote it never showed).
#[test]
fn every_footnote_of_the_brief_is_referenced() {
    let md = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/klarna-group-plc/brief.md"),
    )
    .expect("the committed brief");
    let marks = |text: &str| -> std::collections::BTreeSet<String> {
        text.split("[^")
            .skip(1)
            .filter_map(|rest| rest.split_once(']').map(|(n, _)| n.to_string()))
            .collect()
    };
    let (definitions, text): (Vec<&str>, Vec<&str>) =
        md.lines().partition(|line| line.starts_with("[^"));
    let defined = marks(&definitions.join("\n"));
    let referenced = marks(&text.join("\n"));
    assert!(!defined.is_empty());
    assert_eq!(defined, referenced);
}

/// Issue 12: one threshold, read from one place, everywhere. With `min_rule_of_40 = 55` the
/// scorecard, the headline card, "In brief" and the Rule of 40 chart all name 55, never 40.
#[test]
fn a_company_threshold_reaches_the_card_the_prose_and_the_chart() {
    let example = fs::read_to_string(root().join("examples/klarna.toml")).expect("example");
    let input = example.replacen(
        "[company]",
        "[readiness]\nmin_rule_of_40 = 55\n\n[company]",
        1,
    );
    let files = brief_files(&input, "klarna.toml");
    let md = text(&files, "brief.md");
    // 2025: growth 24.8 + margin -6.6 = 18.3 points; 18.3 - 55 = -36.7.
    assert!(md.contains("▼ -36.7 pts vs the 55 bar"), "{md}");
    assert!(
        md.contains("below the 55 that growth investors look for"),
        "{md}"
    );
    assert!(md.contains("| &gt;= 55 |"), "the scorecard's threshold");
    assert!(
        !md.contains("the 40 bar") && !md.contains("the 40 that"),
        "{md}"
    );
    let chart = text(&files, "charts/years-rule-of-40.svg");
    assert!(
        chart.contains("The 55 line") && chart.contains("Below 55"),
        "{chart}"
    );
    assert!(!chart.contains("The 40 line"));
}

/// Issue 12 item 5: a shown figure never contradicts its judgement, in the cards, the prose and
/// the scorecard. Revenue 10,000 -> 11,996 is +19.96% against a 20% bar; margins of 20.0% and
/// 19.998% make a Rule of 40 of 39.96 against 40; headcount is unchanged; opex grows 19.963%.
#[test]
fn shown_figures_never_contradict_their_verdict() {
    let input = "[company]\nname = \"Edge AB\"\ncurrency = \"SEK\"\n\n\
                 [[period]]\nlabel = \"2024\"\nrevenue = 10000\noperating_income = 2000\n\
                 headcount_end = 100\ncosts = { staff = 8000 }\n\n\
                 [[period]]\nlabel = \"2025\"\nrevenue = 11996\noperating_income = 2399\n\
                 headcount_end = 100\ncosts = { staff = 9597 }\n";
    let md = text(&brief_files(input, "edge.toml"), "brief.md");
    for expected in [
        "| Revenue | SEK 12.0k | ▲ +19.96% vs 2024 |",
        "| Rule of 40 | 39.96 | ▼ -0.04 pts vs the 40 bar |",
        "revenue grew 19.96% to SEK 12.0k while headcount held at 100",
        "(2024: 20.0%), flat (within 0.5 pp either way)",
        "Operating expenses grew 19.963% against revenue growth of 19.960%: costs grew faster",
        "revenue growth of 19.96% plus an operating margin of 20.00% makes 39.96, below 40",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
}

/// The headline shows the cash-and-profitability figures where the input gives them: the
/// every-section fixture's 2024 gross margin of 64.0% (up 1.5 pp), EBITDA margin of 35.6% (up
/// 6.9 pp), free cash flow and runway; the bundled example, which gives none of them, shows none.
#[test]
fn the_headline_shows_margins_cash_flow_and_runway_when_given() {
    let output = Test::new()
        .copy("tests/fixtures/every-section.toml", "acme.toml")
        .args(["generate", "acme.toml", "-o", "out", "--format", "md"])
        .run()
        .status(0);
    let brief = output.read("out/acme-analytics-ab/brief.md");
    let headline = &brief[..brief.find("**Latest quarter").unwrap()];
    for row in [
        "| Gross margin | 64.0% | ▲ +1.5 pp vs 2023 |",
        "| EBITDA margin | 35.6% | ▲ +6.9 pp vs 2023 |",
        "| Free cash flow | -SEK 300k |  |",
        "| Cash runway | 88.0 months |  |",
    ] {
        assert!(headline.contains(row), "{row}\n{headline}");
    }
    let example = Test::new()
        .args(["generate", "-o", "out", "--format", "md"])
        .run()
        .status(0);
    let brief = example.read("out/klarna-group-plc/brief.md");
    let headline = &brief[..brief.find("## In brief").unwrap()];
    assert!(!headline.contains("Gross margin"), "{headline}");
}

/// A runway of hundreds of months says only that the burn is small: 2024 burns 120 (operating
/// cash flow -100, capex 20) against cash of 7,780, 7,780 × 12 ÷ 120 = 778 months, shown as
/// "more than 10 years" in the tables and the chart's text, and drawn at 120 months; 2023's
/// 1,200 × 12 ÷ 120 = 120 months is shown as it is.
#[test]
fn a_runway_beyond_ten_years_reads_as_such() {
    let company = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\n\
        [[period]]\nlabel = \"2023\"\nrevenue = 100\noperating_cash_flow = -100\ncapex = 20\ncash = 1200\n\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 120\noperating_cash_flow = -100\ncapex = 20\ncash = 7780\n";
    let output = Test::new()
        .file("acme.toml", company)
        .args(["generate", "acme.toml", "-o", "out", "--format", "md,html"])
        .run()
        .status(0);
    let brief = output.read("out/acme/brief.md");
    assert!(
        brief.contains("| Cash runway | 120.0 months | more than 10 years |"),
        "{brief}"
    );
    assert!(
        brief.contains("Line: cash runway in months while burning, n/a when not burning (2023 120.0 months, 2024 more than 10 years); a runway of more than 10 years is drawn at 120 months."),
        "{brief}"
    );
    assert!(!brief.contains("778"), "{brief}");
}
