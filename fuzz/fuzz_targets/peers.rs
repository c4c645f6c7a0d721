//! Fuzzes the peers and `--fx` readers: the input is split at its first line break into the
//! `--fx` text and a peer's company file (TOML). Any text must give rates or an error, a peer or
//! an input error, and the Peers section must build (medians, ranks, conversions) without a
//! panic, whatever the figures.
#![no_main]

use ipobrief::input::{parse, Format, ReadOptions};
use ipobrief::report::notes::Notes;
use ipobrief::report::peers::{self, fx, Rates};
use libfuzzer_sys::fuzz_target;

const COMPANY: &str = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\n\
    [[period]]\nlabel = \"2023\"\nrevenue = 100\nheadcount_end = 10\n\n\
    [[period]]\nlabel = \"2024\"\nrevenue = 120\nheadcount_end = 12\noperating_income = 12\n\
    [period.costs]\nads = 30\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (fx_text, peer_text) = text.split_once('\n').unwrap_or((text, ""));
    let rates = Rates {
        rates: fx::parse(fx_text).unwrap_or_default(),
        as_of: None,
    };
    let company = parse(COMPANY, "acme.toml", Format::Toml, &ReadOptions::default())
        .expect("the fuzz company is valid");
    let company = ipobrief::metrics::compute(&company);
    let Ok(peer) = parse(peer_text, "peer.toml", Format::Toml, &ReadOptions::default()) else {
        return;
    };
    let peer = ipobrief::metrics::compute(&peer);
    let view = peers::build(&company, &[&peer, &peer], &rates, 40.0, &mut Notes::default());
    let _ = serde_json::to_string(&view);
});
