//! Fuzzes `import sec`: any text as a companyfacts JSON must give TOML that reads back as a
//! company (or an input error), or an import error, never a panic; and the JSON's text never
//! makes a live TOML line (every line the import writes is a comment, a table header, a
//! `key = value` or empty).
#![no_main]

use ipobrief::import::sec::{import, Options};
use ipobrief::input::{parse, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = Options {
        quarters: data.first().is_some_and(|b| b % 2 == 0),
        ..Options::default()
    };
    let Ok(imported) = import(text, "fuzz.json", &options) else {
        return;
    };
    for line in imported.toml.lines() {
        let allowed = line.is_empty()
            || line.starts_with('#')
            || ["[company]", "[[period]]", "[period.costs]"].contains(&line)
            || line.split_once(" = ").is_some_and(|(key, _)| {
                key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            });
        assert!(allowed, "a live line from the JSON: {line:?}");
    }
    let _ = parse(&imported.toml, "fuzz.toml", Format::Toml, &ReadOptions::default());
});
