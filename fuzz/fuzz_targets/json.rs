//! Fuzzes the JSON reader: any UTF-8 text must give a company or an
//! input error, never a panic.
#![no_main]

use ipobrief::input::{parse, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let options = ReadOptions {
            company_fields: vec![
                ("name".into(), "Acme".into()),
                ("currency".into(), "SEK".into()),
            ],
            ..ReadOptions::default()
        };
        let _ = parse(text, "fuzz", Format::Json, &options);
    }
});
