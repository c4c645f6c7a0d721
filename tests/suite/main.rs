//! The integration test suite, one binary: each module runs the real `ipobrief` binary (or the
//! library's whole pipeline) the way a user or CI would, always through `harness::Test`.
//!
//! - `harness`: the one helper that runs the binary;
//! - `tools`: the one place a test finds Chromium, pdftotext, LibreOffice or node (a missing one
//!   skips the test, or fails it with `IPOBRIEF_REQUIRE_TOOLS=1`, as `.ci/run` sets);
//! - `architecture`: the imports between the files of `src/` follow ARCHITECTURE.md, no circles;
//! - `cli`: commands, exit codes and every validation error with its position;
//! - `brief`: snapshots of the brief, SVG charts, hostile input, templates, determinism, the site;
//! - `compare`: periods and peers side by side;
//! - `crosschecks`: issue 12's cross-check warnings and acknowledged warnings;
//! - `hardening`: the bad-input corpus, limits, killed runs, safe slugs;
//! - `browser`: injection vectors opened in headless Chromium (see `tools` where it is missing);
//! - `a11y`: axe-core over every HTML page in both colour schemes and two widths (skipped without
//!   node, the npm packages or Chromium), and the Markdown pages' images, tables and headings;
//! - `print`: the print stylesheet and the example printed to PDF (Chromium and pdftotext);
//! - `pdf`: the PDF brief typeset by Typst (with `--features pdf`), or the error without it;
//! - `properties`: property tests (no panic on any input);
//! - `edges`: numbers at the edges;
//! - `example_figures`: the bundled examples' sourced figures (Klarna's reconciliation,
//!   Snowflake's product revenue against its guidance), worked by hand;
//! - `serve`: the live preview on a free port of 127.0.0.1 (issue 17);
//! - `input_people`: input as people keep it (negative costs, "FY2024", periods across);
//! - `notes`: the example's notes on n/a values, grouped and in the brief's words;
//! - `overflow`: figures at the edge of the decimal range through every command, never a panic;
//! - `docs_links`: every relative link of the README and the book in `docs/` reaches its target.
//! - `plan_brief`: the Plan and guidance section in Markdown and HTML;
//! - `sizes`: the median production file and the longest functions, read from `src/`.

mod a11y;
mod architecture;
mod brief;
mod browser;
mod cli;
mod compare;
mod compare_budget;
mod compare_non_gaap;
mod crosschecks;
mod docs_links;
mod edges;
mod example_figures;
mod fiscal;
mod hardening;
mod harness;
mod input_people;
mod non_gaap;
mod non_gaap_brief;
mod non_gaap_check;
mod non_gaap_layout;
mod notes;
mod overflow;
mod pdf;
mod peers;
mod pipes;
mod plan_brief;
mod print;
mod properties;
mod serve;
mod serve_browser;
mod sizes;
mod tools;
mod workbook;
mod workbook_non_gaap;
mod workbook_plan_actual;
