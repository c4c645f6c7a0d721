//! The PDF brief (issue 13), typeset in the process by Typst: it parses (lopdf), embeds its
//! fonts, has bookmarks and metadata, reads back (pdftotext) with the company, the headline
//! revenue and every section title, is the same bytes run after run, prints hostile text as
//! text, and a broken template override is an error with its position, never a crash.
//! Built with `--features pdf`; without it, `--format pdf` is a usage error saying so.

#[cfg(feature = "pdf")]
use std::path::Path;
#[cfg(feature = "pdf")]
use std::process::Command;

use crate::harness::Test;

#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_feature_a_pdf_is_a_usage_error_saying_how_to_get_it() {
    Test::new()
        .args(["generate", "--format", "pdf", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("--features pdf")
        .absent("out");
}

#[cfg(feature = "pdf")]
use crate::harness::root;

/// The text of a PDF by pdftotext, whitespace collapsed; None where pdftotext is missing and
/// the test is to skip (see `tools`).
#[cfg(feature = "pdf")]
pub fn pdf_text(pdf: &Path) -> Option<String> {
    let pdftotext = crate::tools::find(&crate::tools::PDFTOTEXT)?;
    let output = Command::new(pdftotext)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A string of the PDF's Info dictionary.
#[cfg(feature = "pdf")]
fn info(document: &lopdf::Document, key: &[u8]) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let dict = document.get_dictionary(info).ok()?;
    let value = dict.get(key).ok()?;
    lopdf::decode_text_string(value).ok()
}

/// Whether every font of the PDF carries its font program.
#[cfg(feature = "pdf")]
fn fonts_embedded(document: &lopdf::Document) -> (usize, usize) {
    let mut descriptors = 0;
    let mut embedded = 0;
    for object in document.objects.values() {
        if let Ok(dict) = object.as_dict() {
            if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
                descriptors += 1;
                if [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| dict.has(key))
                {
                    embedded += 1;
                }
            }
        }
    }
    (descriptors, embedded)
}

#[cfg(feature = "pdf")]
#[test]
fn the_example_pdf_parses_embeds_its_fonts_and_reads_back_with_every_section() {
    let run = Test::new()
        .args(["generate", "--format", "html,pdf", "-o", "out"])
        .args(["--as-of", "2026-01-31"])
        .run()
        .status(0);
    let bytes = std::fs::read(run.path("out/klarna-group-plc/brief.pdf")).expect("brief.pdf");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages = document.get_pages().len();
    assert!((5..=30).contains(&pages), "{pages} pages");
    let (descriptors, embedded) = fonts_embedded(&document);
    assert!(descriptors > 0, "no fonts");
    assert_eq!(embedded, descriptors, "every font is embedded");
    // Metadata: title, author, subject, keywords, language; bookmarks; A4 pages.
    assert_eq!(
        info(&document, b"Title").as_deref(),
        Some("Investor-readiness brief: Klarna Group plc")
    );
    assert_eq!(
        info(&document, b"Author").as_deref(),
        Some("Klarna Group plc")
    );
    assert!(info(&document, b"Subject").is_some_and(|s| s.contains("Klarna")));
    assert!(info(&document, b"Keywords").is_some_and(|k| k.contains("IPO")));
    assert!(info(&document, b"CreationDate").is_some_and(|d| d.starts_with("D:20260131")));
    let catalog = document.catalog().expect("a catalog");
    assert!(catalog.has(b"Outlines"), "headings are bookmarks");
    assert!(catalog.has(b"StructTreeRoot"), "the PDF is tagged");
    assert_eq!(
        catalog
            .get(b"Lang")
            .ok()
            .and_then(|l| lopdf::decode_text_string(l).ok())
            .as_deref(),
        Some("en")
    );
    let media_box = document
        .get_pages()
        .values()
        .next()
        .and_then(|id| document.get_dictionary(*id).ok())
        .and_then(|page| page.get(b"MediaBox").ok()?.as_array().ok().cloned())
        .expect("a media box");
    let height = media_box[3].as_float().expect("a number");
    assert!(
        (height - 841.89).abs() < 0.5,
        "A4 is 841.89 pt high: {height}"
    );

    let Some(text) = pdf_text(&run.path("out/klarna-group-plc/brief.pdf")) else {
        return;
    };
    let html = run.read("out/klarna-group-plc/brief.html");
    // The headline revenue as the HTML's first card shows it ("$2.81B").
    let card = html
        .split("<div class=\"kpi-value\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the first headline card");
    assert!(text.contains(card), "headline revenue {card} missing");
    assert!(text.contains("Klarna Group plc"));
    let mut titles = vec![
        "Headline, 2025".to_string(),
        "In brief".to_string(),
        "Readiness scorecard".to_string(),
        "Headcount plan".to_string(),
        "Peers".to_string(),
        "Latest fiscal years".to_string(),
        "Peers\u{2019} median".to_string(),
        "Data notes".to_string(),
        "Methodology".to_string(),
        "Sources".to_string(),
    ];
    // Every catalogue section the HTML shows (the example has no cash figures, so no cash
    // section; snowflake.toml's is checked below).
    let shown: Vec<_> = ipobrief::metrics::catalogue::Section::ALL
        .iter()
        .filter(|s| html.contains(&format!("<section id=\"{}\">", s.id())))
        .collect();
    assert!(shown.len() >= 4, "the HTML shows its sections: {shown:?}");
    titles.extend(shown.iter().map(|s| s.title().to_string()));
    for title in titles {
        assert!(text.contains(&title), "section {title} missing");
    }
    assert!(
        text.contains(&format!("1 / {pages}")),
        "page numbers 'n / total'"
    );
    // The Peers section: a peer by name, and its revenue as the HTML's table shows it.
    assert!(text.contains("PayPal Holdings, Inc."), "a peer's name");
    let peers = html.split("id=\"peers\"").nth(1).expect("the HTML's Peers");
    let peer_revenue = peers
        .split("<td>")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("a peer's revenue");
    assert!(text.contains(peer_revenue), "peer revenue {peer_revenue}");
    // The n/a notes read "periods: reason" as the HTML's do, never as a dictionary dump.
    let notes: Vec<(String, String)> = html
        .split("<span class=\"periods\">")
        .skip(1)
        .filter_map(|rest| {
            let (periods, rest) = rest.split_once("</span>: ")?;
            let reason = rest.split("</li>").next()?;
            Some((unescape(periods), unescape(reason)))
        })
        .collect();
    assert!(notes.len() > 2, "the HTML lists its notes: {notes:?}");
    for (periods, reason) in notes {
        let note = format!(
            "{periods}: {}",
            reason.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(text.contains(&note), "note {note:?} missing");
    }
    for dump in ["periods:", "reason:", "runs:"] {
        assert!(
            !text.contains(dump),
            "a note printed as a dictionary: {dump}"
        );
    }
}

/// HTML text as pdftotext reads it from the PDF (a value is data, so its quotes stay as written).
#[cfg(feature = "pdf")]
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(feature = "pdf")]
#[test]
fn two_runs_give_the_same_bytes_and_letter_paper_is_letter() {
    let run = || {
        let run = Test::new()
            .args(["generate", "--format", "pdf", "-o", "out"])
            .run()
            .status(0);
        std::fs::read(run.path("out/klarna-group-plc/brief.pdf")).expect("brief.pdf")
    };
    let first = run();
    assert!(first == run(), "two runs differ");
    assert!(
        !String::from_utf8_lossy(&first).contains("/CreationDate"),
        "no date without --as-of or SOURCE_DATE_EPOCH"
    );
    Test::new()
        .args([
            "generate",
            "--format",
            "pdf",
            "--pdf-standard",
            "a-2b",
            "-o",
            "out",
        ])
        .run()
        .status(2)
        .stderr_contains("--as-of")
        .absent("out");
    let letter = Test::new()
        .args([
            "generate", "--format", "pdf", "--paper", "letter", "-o", "out",
        ])
        .args(["--pdf-standard", "a-2b", "--as-of", "2026-01-31"])
        .run()
        .status(0);
    let bytes = std::fs::read(letter.path("out/klarna-group-plc/brief.pdf")).expect("brief.pdf");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let page = document
        .get_pages()
        .values()
        .next()
        .copied()
        .expect("a page");
    let media_box = document
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"MediaBox").ok()?.as_array().ok().cloned())
        .expect("a media box");
    let (width, height) = (
        media_box[2].as_float().unwrap(),
        media_box[3].as_float().unwrap(),
    );
    assert!(
        (width - 612.0).abs() < 0.5 && (height - 792.0).abs() < 0.5,
        "{width} x {height}"
    );
    // PDF/A identifies itself in the XMP metadata.
    let xmp = document
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| s.dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Metadata"))
        .map(|s| String::from_utf8_lossy(&s.content).to_string())
        .expect("XMP metadata");
    assert!(xmp.contains("pdfaid:part") && xmp.contains('2'), "{xmp}");
}

/// User text with everything Typst markup gives meaning to, and HTML besides.
#[cfg(feature = "pdf")]
const HOSTILE: &str = r##"
[company]
name = "Evil #import \"x.typ\" $x$ *b* _i_ [l] <lab> @ref \\ // Co"
ticker = "#panic()"
currency = "USD"
summary = "Summary #eval(\"1\") and $math$ and <tag> and @cite and // not a comment"
sources = ["#read(\"/etc/passwd\") source"]

[[period]]
label = "2023"
revenue = 100
notes = "Note #set page(width: 1cm) and `#code` and <script>alert(1)</script>"
[period.costs]
"Support #let x = 1 [y] $z$" = 10

[[period]]
label = "2024"
revenue = 120
[period.costs]
"Support #let x = 1 [y] $z$" = 12
"##;

#[cfg(feature = "pdf")]
#[test]
fn hostile_text_prints_as_written() {
    let run = Test::new()
        .file("evil.toml", HOSTILE)
        .args(["generate", "evil.toml", "--format", "pdf", "-o", "out"])
        .run()
        .status(0);
    let folder = std::fs::read_dir(run.path("out"))
        .expect("out")
        .flatten()
        .next()
        .expect("a company folder")
        .path();
    let pdf = folder.join("brief.pdf");
    let bytes = std::fs::read(&pdf).expect("brief.pdf");
    lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let Some(text) = pdf_text(&pdf) else {
        return;
    };
    for literal in [
        r#"Evil #import "x.typ" $x$ *b* _i_ [l] <lab> @ref \ // Co"#,
        "#panic()",
        r#"Summary #eval("1") and $math$ and <tag> and @cite and // not a comment"#,
        r#"#read("/etc/passwd") source"#,
        "Note #set page(width: 1cm) and #code and <script>alert(1)</script>",
        "Support #let x = 1 [y] $z$",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} not printed as written in:\n{text}"
        );
    }
}

#[cfg(feature = "pdf")]
#[test]
fn a_broken_override_names_its_line_and_column_and_a_deep_one_never_crashes() {
    // The brief typeset with `template` as the override of brief.typ.
    let typeset = |template: &str| {
        Test::new()
            .file("t/brief.typ", template)
            .args([
                "generate",
                "--format",
                "pdf",
                "--templates",
                "t",
                "-o",
                "out",
            ])
            .run()
    };
    let broken = "#let data = json(\"data.json\")\n\n#let x = (1, 2\n= Title\n";
    typeset(broken)
        .status(2)
        .stderr_contains("t/brief.typ:3:")
        .absent("out");
    let unknown = "#let data = json(\"data.json\")\n#data.company.nmae\n";
    typeset(unknown)
        .status(2)
        .stderr_contains("t/brief.typ:2:")
        .stderr_contains("nmae")
        .absent("out");
    for deep in [
        "#".to_string() + &"(".repeat(20_000) + &")".repeat(20_000),
        "#let f(n) = f(n + 1)\n#f(0)\n".to_string(),
        "#{".repeat(5_000) + &"}".repeat(5_000),
        "#read(\"/etc/passwd\")\n#import \"@preview/x:1.0.0\": *\n".to_string(),
    ] {
        typeset(&deep).status(2).stderr_contains("brief.typ");
    }
    // Typst's hints name its own command-line options (`--root`); ipobrief has none of them.
    for outside in [
        "#read(\"../../x.txt\")\n",
        "#import \"../x.typ\": *\n",
        "#read(\"data.json/../../../etc/passwd\")\n",
    ] {
        let run = typeset(outside).status(2);
        assert!(!run.stderr.contains("--root"), "{}", run.stderr);
        assert!(
            run.stderr.contains("reads only what ipobrief gives it"),
            "{}",
            run.stderr
        );
    }
}

#[cfg(feature = "pdf")]
#[test]
fn compare_writes_compare_pdf_and_the_site_links_each_brief_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("examples/klarna.toml");
    let example = example.to_str().expect("a UTF-8 path");
    let run = Test::in_dir(dir.path())
        .args(["compare", example, "--periods", "2024,2025", "-o", "cmp"])
        .run()
        .status(0);
    let bytes = std::fs::read(run.path("cmp/compare.pdf")).expect("compare.pdf");
    lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    if let Some(text) = pdf_text(&run.path("cmp/compare.pdf")) {
        assert!(text.contains("2025 vs 2024"), "{text}");
    }
    let acme = root().join("tests/fixtures/acme.toml");
    let acme = acme.to_str().expect("a UTF-8 path");
    let run = Test::in_dir(dir.path())
        .args([
            "generate",
            example,
            acme,
            "--format",
            "html,md,pdf",
            "-o",
            "site",
        ])
        .run()
        .status(0);
    let index = run.read("site/index.html");
    assert!(index.contains("klarna-group-plc/brief.pdf"), "{index}");
    assert!(run.path("site/klarna-group-plc/brief.pdf").is_file());
}

/// A peer in another currency: its amounts in its own currency and not compared, as the HTML
/// says; with `--fx`, converted and marked, and the note names the rate.
#[cfg(feature = "pdf")]
#[test]
fn the_peers_notes_name_the_currencies_not_compared_and_the_rates_used() {
    let brief = |fx: &[&str]| {
        let run = Test::new()
            .file("a.toml", crate::peers::A)
            .file("peers/b.toml", crate::peers::B)
            .args(["generate", "a.toml", "--format", "pdf", "-o", "out"])
            .args(["--as-of", "2025-01-31"])
            .args(fx)
            .run()
            .status(0);
        pdf_text(&run.path("out/a/brief.pdf"))
    };
    let Some(text) = brief(&[]) else {
        return;
    };
    assert!(text.contains("SEK 1.00k not compared"), "{text}");
    assert!(text.contains(
        "Amounts in SEK are shown in their own currency and not compared (left out of the medians and ranks)"
    ));
    let text = brief(&["--fx", "SEK=0.1"]).expect("pdftotext ran once");
    assert!(text.contains("Amounts in USD, converted where shown."));
    assert!(text.contains("$100 *"), "B's revenue converted and marked");
    assert!(text.contains("* Converted into USD at 0.1 USD per SEK (rates as of 2025-01-31)."));
}

/// The company KPIs: the example's section, a KPI's name in its table and its formula as
/// written in the methodology, as the HTML shows them.
#[cfg(feature = "pdf")]
#[test]
fn the_example_pdf_shows_the_company_kpis_with_their_formulas() {
    let run = Test::new()
        .args(["generate", "--format", "html,pdf", "-o", "out"])
        .run()
        .status(0);
    let pdf = run.path("out/klarna-group-plc/brief.pdf");
    let Some(text) = pdf_text(&pdf) else {
        return;
    };
    let html = run.read("out/klarna-group-plc/brief.html");
    let kpis = html
        .split("<section id=\"kpis\">")
        .nth(1)
        .expect("the HTML's Company KPIs section");
    assert!(kpis.contains("Gross merchandise volume (GMV)"));
    let kpis_at = text
        .find("Company KPIs Fiscal years")
        .expect("the KPI section");
    let methodology_at = text.rfind("Methodology").expect("the methodology");
    let table = &text[kpis_at..];
    assert!(table.contains("Gross merchandise volume (GMV)"), "{table}");
    assert!(table.contains("127,900"), "the GMV of 2025: {table}");
    let methodology = &text[methodology_at..];
    for written in [
        "Take rate (company KPI) kpis.take_rate revenue / values.gmv * 100 (pct): Revenue as a share of GMV.",
        "Gross merchandise volume (GMV) (company KPI) kpis.gmv values.gmv (money): The value of all purchases paid with Klarna in the period.",
    ] {
        assert!(methodology.contains(written), "{written:?} in {methodology}");
    }
}

/// The profitability-and-cash section of snowflake.toml: its title, the runway as the HTML's
/// table shows it, and both of its charts.
#[cfg(feature = "pdf")]
#[test]
fn the_cash_section_shows_its_tables_runway_and_charts() {
    let run = Test::new()
        .copy("examples/snowflake.toml", "snowflake.toml")
        .args([
            "generate",
            "snowflake.toml",
            "--format",
            "html,pdf",
            "-o",
            "out",
        ])
        .run()
        .status(0);
    let pdf = run.path("out/snowflake-inc/brief.pdf");
    let Some(text) = pdf_text(&pdf) else {
        return;
    };
    let html = run.read("out/snowflake-inc/brief.html");
    let cash = html
        .split("<section id=\"cash\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the HTML's cash section");
    // The runway as the HTML's fiscal-year table shows it (Snowflake's 122.3 months read "more
    // than 10 years").
    let runway = cash
        .split("Cash runway")
        .nth(1)
        .and_then(|rest| rest.split("<td>").nth(1))
        .and_then(|rest| rest.split('<').next())
        .expect("a runway cell");
    assert!(
        runway.ends_with("months") || runway == "more than 10 years",
        "{runway}"
    );
    let title = ipobrief::metrics::catalogue::Section::Cash.title();
    let at = text
        .find(&format!("{title} Fiscal years"))
        .expect("the cash section's heading");
    let section = &text[at..text.rfind("Methodology").expect("the methodology")];
    assert!(section.contains("Cash runway"), "{section}");
    assert!(
        section.contains(runway),
        "runway {runway} missing: {section}"
    );
    for chart in [
        "Gross, EBITDA and free-cash-flow margins, years",
        "Cash at period end and runway, years",
        "Cash at period end and runway, quarters",
    ] {
        assert!(section.contains(chart), "chart {chart:?} missing");
    }
}

/// A company KPI whose name and definition hold what Typst markup gives meaning to, and whose
/// formula holds what the formula grammar allows of it (`*`, `_`, `/`, parentheses).
#[cfg(feature = "pdf")]
const HOSTILE_KPI: &str = r##"
[company]
name = "Hostile KPI Co"
currency = "USD"

[[kpi]]
key = "evil_kpi"
name = "KPI #k $m$ *b* _i_ [l] <t> @r \\ x"
unit = "pct"
polarity = "up_good"
formula = "values.x_y_ * 2 / prior(values.x_y_) * 100"
definition = "Def #eval(\"1\") $m$ *b* _i_ [l] <t> @r \\ end"

[[period]]
label = "2023"
revenue = 100
[period.values]
x_y_ = 3

[[period]]
label = "2024"
revenue = 120
[period.values]
x_y_ = 5
"##;

#[cfg(feature = "pdf")]
#[test]
fn a_hostile_company_kpi_prints_as_written() {
    let run = Test::new()
        .file("evil.toml", HOSTILE_KPI)
        .args(["generate", "evil.toml", "--format", "pdf", "-o", "out"])
        .run()
        .status(0);
    let pdf = run.path("out/hostile-kpi-co/brief.pdf");
    let bytes = std::fs::read(&pdf).expect("brief.pdf");
    lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let Some(text) = pdf_text(&pdf) else {
        return;
    };
    let name = r"KPI #k $m$ *b* _i_ [l] <t> @r \ x";
    // In its table, with 2024's value: 5 × 2 ÷ 3 × 100 = 333.33…, shown 333.3%.
    let table = text.split("Company KPIs").nth(2).expect("the KPI table");
    assert!(table.contains(name), "{table}");
    assert!(table.contains("333.3%"), "{table}");
    // In the methodology: name, key, formula as written, unit, definition.
    let entry = format!(
        r#"{name} (company KPI) kpis.evil_kpi values.x_y_ * 2 / prior(values.x_y_) * 100 (pct): Def #eval("1") $m$ *b* _i_ [l] <t> @r \ end"#
    );
    assert!(
        text.contains(&entry),
        "{entry:?} not printed as written in:\n{text}"
    );
}
