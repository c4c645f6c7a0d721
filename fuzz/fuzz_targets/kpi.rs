//! Fuzzes the KPI formula parser and everything after it: any text as a `[[kpi]]` formula must
//! give a company whose KPIs compute, or an input error whose range is on character boundaries,
//! never a panic. The formula is also parsed on its own, with a check of every error's range.
#![no_main]

use ipobrief::input::{formula, parse, Format, ReadOptions};
use ipobrief::scorecard::Thresholds;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = formula::parse(text) {
        assert!(text.is_char_boundary(error.at.start) && text.is_char_boundary(error.at.end));
    }
    let quoted: String = text
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c if c.is_control() => vec![' '],
            c => vec![c],
        })
        .collect();
    let company = format!(
        "[company]\nname = \"Acme\"\ncurrency = \"SEK\"\n\n\
         [[kpi]]\nkey = \"base\"\nname = \"Base\"\nunit = \"money\"\nformula = \"revenue - costs.ads\"\n\n\
         [[kpi]]\nkey = \"k\"\nname = \"K\"\nunit = \"pct\"\nformula = \"{quoted}\"\n\n\
         [[period]]\nlabel = \"2023\"\nrevenue = 100\nheadcount_end = 10\n\
         [period.costs]\nads = 30\n[period.values]\ngmv = 1000\n\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 0\nheadcount_end = 12\n\
         [period.costs]\nads = 79228162514264337593543950335\n[period.values]\ngmv = 0\n"
    );
    if let Ok(input) = parse(&company, "fuzz.toml", Format::Toml, &ReadOptions::default()) {
        if ipobrief::metrics::kpi::check(&input).is_ok() {
            let _ = ipobrief::analyse(&input, &Thresholds::default(), None);
        }
    }
});
