//! The programs some tests drive besides ipobrief (Chromium, pdftotext, LibreOffice, node and
//! the npm packages of `tests/browser`), found in one place. Where one is missing, the test says
//! which and the package that brings it, and skips; with `IPOBRIEF_REQUIRE_TOOLS=1` (set by
//! `.ci/run`) it fails with the same message instead, so CI cannot pass by skipping.

use std::path::PathBuf;

use crate::harness::root;

/// A program a test needs: the names it goes by and how to install it.
pub struct Tool {
    pub name: &'static str,
    names: &'static [&'static str],
    install: &'static str,
}

pub const CHROMIUM: Tool = Tool {
    name: "Chromium",
    names: &["chromium", "chromium-browser"],
    install: "the Debian package chromium (apt-get install chromium)",
};
pub const PDFTOTEXT: Tool = Tool {
    name: "pdftotext",
    names: &["pdftotext"],
    install: "the Debian package poppler-utils (apt-get install poppler-utils)",
};
pub const LIBREOFFICE: Tool = Tool {
    name: "LibreOffice (soffice)",
    names: &["soffice", "libreoffice"],
    install: "the Debian package libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui)",
};
pub const NODE: Tool = Tool {
    name: "node",
    names: &["node"],
    install: "the Debian package nodejs (apt-get install nodejs npm)",
};

/// Whether a missing tool fails the test instead of skipping it.
fn required() -> bool {
    std::env::var_os("IPOBRIEF_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The tool's path; None when it is missing and the test is to skip (it has said so).
pub fn find(tool: &Tool) -> Option<PathBuf> {
    locate(tool).or_else(|| {
        let what = format!(
            "{} is not installed: it comes with {}",
            tool.name, tool.install
        );
        missing(required(), &what)
    })
}

/// The npm package `name` of `tests/browser`; None when it is missing and the test is to skip.
pub fn npm_package(name: &str) -> Option<PathBuf> {
    let folder = root().join("tests/browser/node_modules").join(name);
    if folder.join("package.json").is_file() {
        return Some(folder);
    }
    let what =
        format!("the npm package {name} is not installed: run `npm ci --prefix tests/browser`");
    missing(required(), &what)
}

/// The tool's path: a file of one of its names on `PATH`, `/usr/bin` or `/usr/local/bin`.
fn locate(tool: &Tool) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let folders: Vec<PathBuf> = std::env::split_paths(&path)
        .chain(["/usr/bin", "/usr/local/bin"].map(PathBuf::from))
        .collect();
    tool.names.iter().find_map(|name| {
        folders
            .iter()
            .map(|folder| folder.join(name))
            .find(|path| path.is_file())
    })
}

/// Says what is missing: a failure when tools are required, else a skip (None).
fn missing<T>(required: bool, what: &str) -> Option<T> {
    if required {
        panic!("{what} (IPOBRIEF_REQUIRE_TOOLS is set: a missing tool fails the test; .ci/run installs them all)");
    }
    eprintln!(
        "skipped: {what} (.ci/run installs it; IPOBRIEF_REQUIRE_TOOLS=1 makes this a failure)"
    );
    None
}

/// Guards CI: where tools are required, a missing one fails the test instead of skipping it.
#[test]
fn a_missing_tool_skips_the_test_or_fails_it_where_tools_are_required() {
    const NOWHERE: Tool = Tool {
        name: "nowhere",
        names: &["ipobrief-test-tool-that-is-nowhere"],
        install: "no package",
    };
    assert_eq!(locate(&NOWHERE), None);
    assert_eq!(missing::<PathBuf>(false, "nowhere is not installed"), None);
    let failed = std::panic::catch_unwind(|| missing::<PathBuf>(true, "nowhere is not installed"));
    let message = failed.expect_err("a required tool that is missing fails the test");
    let text = message.downcast_ref::<String>().expect("a message");
    assert!(
        text.starts_with("nowhere is not installed (IPOBRIEF_REQUIRE_TOOLS is set"),
        "{text}"
    );
}
