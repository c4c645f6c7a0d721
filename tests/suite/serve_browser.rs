//! The live preview in headless Chromium (`tests/browser/serve.mjs`, puppeteer-core driving
//! Debian's `chromium`): a page open on `serve` updates in place on every save, keeping its
//! window and scroll position, shows the error page on a bad edit and the brief on the fix,
//! and runs no script of the pages swapped in. Where node, puppeteer-core or Chromium are
//! missing the test says so and skips (fails with `IPOBRIEF_REQUIRE_TOOLS=1`).

use std::process::{Command, Stdio};

use crate::harness::{root, Test};
use crate::serve::{start, PATIENCE};
use crate::tools;

#[cfg(unix)]
#[test]
fn an_open_page_updates_in_place_on_every_save() {
    let (Some(chromium), Some(node)) = (tools::find(&tools::CHROMIUM), tools::find(&tools::NODE))
    else {
        return;
    };
    if tools::npm_package("puppeteer-core").is_none() {
        return;
    }
    let (mut server, address) = start(
        Test::new()
            .example("klarna.toml")
            .file("tmp/.keep", "")
            .args(["serve", "klarna.toml", "--port", "0"])
            .env("TMPDIR", "tmp"),
    );
    let output = Command::new(node)
        .arg(root().join("tests/browser/serve.mjs"))
        .arg(format!("http://{address}/"))
        .arg(server.path("klarna.toml"))
        .env("CHROMIUM", chromium)
        .stdin(Stdio::null())
        .output()
        .expect("node runs");
    server.interrupt();
    server.wait(PATIENCE);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}\nserver:\n{}",
        String::from_utf8_lossy(&output.stderr),
        server.stderr()
    );
    assert!(
        stdout.contains("updated in place on every save"),
        "{stdout}"
    );
}
