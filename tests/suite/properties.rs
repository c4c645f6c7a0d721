//! Property tests (issue 5): no input makes a reader or the pipeline panic. Each reader gets
//! arbitrary text and structured-but-wild inputs (random labels, huge, tiny and negative
//! numbers, random cost-line names); the whole pipeline (read -> analyse -> report::build with
//! every format and chart kind) gets valid-shaped wild inputs.
//!
//! Case counts are modest so the suite stays quick: 256 per reader property, 64 for the pipeline.

use ipobrief::input::{parse, Format, ReadOptions};
use ipobrief::report::{build, ChartFormat, ReportSettings};
use ipobrief::scorecard::Thresholds;
use proptest::prelude::*;

const READER_CASES: u32 = 256;
const PIPELINE_CASES: u32 = 64;

fn options() -> ReadOptions {
    ReadOptions {
        company_fields: vec![
            ("name".into(), "Acme".into()),
            ("currency".into(), "SEK".into()),
        ],
        ..ReadOptions::default()
    }
}

/// Reads `text` in `format`; an error is fine, a panic fails the property.
fn read(text: &str, format: Format) -> Option<ipobrief::input::CompanyInput> {
    parse(text, "prop", format, &options()).ok()
}

/// A number as a person might type it: ordinary, huge, tiny, negative, or not quite a number.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (-1e30f64..1e30).prop_map(|f| format!("{f}")),
        (0u32..40, -40i32..40).prop_map(|(m, e)| format!("{m}e{e}")),
        Just("0.000001".to_string()),
        Just("1000000000000000".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("-0".to_string()),
        Just("1e400".to_string()),
        Just("NaN".to_string()),
        Just("1,234".to_string()),
        Just("1.234,5".to_string()),
    ]
}

/// A period label: mostly valid years, halves and quarters, some broken.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1990u32..2030).prop_map(|y| y.to_string()),
        4 => (1990u32..2030, 1u8..5).prop_map(|(y, q)| format!("{y}-Q{q}")),
        2 => (1990u32..2030, 1u8..3).prop_map(|(y, h)| format!("{y}-H{h}")),
        1 => (0u32..10_000, 0u8..10).prop_map(|(y, q)| format!("{y:04}-Q{q}")),
        1 => "\\PC{0,12}",
    ]
}

/// A cost-line name: plain words, or anything printable (quotes, brackets, markup, emoji).
fn cost_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        "\\PC{1,16}",
        Just("<script>x</script>".to_string())
    ]
}

#[derive(Debug, Clone)]
struct WildPeriod {
    label: String,
    revenue: String,
    headcount: Option<String>,
    operating_income: Option<String>,
    costs: Vec<(String, String)>,
    notes: Option<String>,
}

fn wild_period() -> impl Strategy<Value = WildPeriod> {
    (
        label(),
        number(),
        proptest::option::of(number()),
        proptest::option::of(number()),
        proptest::collection::vec((cost_name(), number()), 0..5),
        proptest::option::of("\\PC{0,40}"),
    )
        .prop_map(
            |(label, revenue, headcount, operating_income, costs, notes)| WildPeriod {
                label,
                revenue,
                headcount,
                operating_income,
                costs,
                notes,
            },
        )
}

fn periods() -> impl Strategy<Value = Vec<WildPeriod>> {
    proptest::collection::vec(wild_period(), 0..8)
}

/// Quotes text for TOML and JSON alike (a JSON string is a valid TOML basic string).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn to_toml(name: &str, scale: &str, periods: &[WildPeriod]) -> String {
    let mut text = format!(
        "[company]\nname = {}\ncurrency = \"SEK\"\nscale = {}\n",
        quoted(name),
        quoted(scale)
    );
    for p in periods {
        text.push_str(&format!(
            "\n[[period]]\nlabel = {}\nrevenue = {}\n",
            quoted(&p.label),
            p.revenue
        ));
        if let Some(h) = &p.headcount {
            text.push_str(&format!("headcount_end = {h}\n"));
        }
        if let Some(o) = &p.operating_income {
            text.push_str(&format!("operating_income = {o}\n"));
        }
        if let Some(n) = &p.notes {
            text.push_str(&format!("notes = {}\n", quoted(n)));
        }
        if !p.costs.is_empty() {
            let lines: Vec<String> = p
                .costs
                .iter()
                .map(|(k, v)| format!("{} = {v}", quoted(k)))
                .collect();
            text.push_str(&format!("costs = {{ {} }}\n", lines.join(", ")));
        }
    }
    text
}

fn to_json(name: &str, scale: &str, periods: &[WildPeriod]) -> String {
    let periods: Vec<String> = periods
        .iter()
        .map(|p| {
            let mut fields = vec![
                format!("\"label\": {}", quoted(&p.label)),
                format!("\"revenue\": {}", p.revenue),
            ];
            if let Some(h) = &p.headcount {
                fields.push(format!("\"headcount_end\": {h}"));
            }
            if let Some(o) = &p.operating_income {
                fields.push(format!("\"operating_income\": {o}"));
            }
            if let Some(n) = &p.notes {
                fields.push(format!("\"notes\": {}", quoted(n)));
            }
            let costs: Vec<String> = p
                .costs
                .iter()
                .map(|(k, v)| format!("{}: {v}", quoted(k)))
                .collect();
            fields.push(format!("\"costs\": {{ {} }}", costs.join(", ")));
            format!("{{ {} }}", fields.join(", "))
        })
        .collect();
    format!(
        "{{ \"company\": {{ \"name\": {}, \"currency\": \"SEK\", \"scale\": {} }},\n\"period\": [\n{}\n] }}",
        quoted(name),
        quoted(scale),
        periods.join(",\n")
    )
}

fn to_csv(periods: &[WildPeriod]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for p in periods {
        for (k, _) in &p.costs {
            if !names.contains(&k.as_str()) {
                names.push(k);
            }
        }
    }
    let cell = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let mut header = vec![
        "label".to_string(),
        "revenue".into(),
        "headcount_end".into(),
    ];
    header.extend(names.iter().map(|n| cell(&format!("cost:{n}"))));
    let mut text = header.join(",") + "\n";
    for p in periods {
        let mut row = vec![
            cell(&p.label),
            p.revenue.clone(),
            p.headcount.clone().unwrap_or_default(),
        ];
        for name in &names {
            let value = p
                .costs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone());
            row.push(value.map(|v| cell(&v)).unwrap_or_default());
        }
        text.push_str(&(row.join(",") + "\n"));
    }
    text
}

fn scale() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("units".to_string()),
        Just("thousands".to_string()),
        Just("millions".to_string()),
        Just("billions".to_string()),
        "\\PC{0,8}",
    ]
}

fn company_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ]{1,20}",
        "\\PC{0,30}",
        Just("../../etc/passwd".to_string()),
        Just("CON".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(READER_CASES))]

    #[test]
    fn toml_reader_never_panics_on_any_text(text in "\\PC{0,400}") {
        read(&text, Format::Toml);
    }

    #[test]
    fn json_reader_never_panics_on_any_text(text in "\\PC{0,400}") {
        read(&text, Format::Json);
    }

    #[test]
    fn csv_reader_never_panics_on_any_text(text in "\\PC{0,400}") {
        read(&text, Format::Csv);
    }

    #[test]
    fn readers_never_panic_on_any_characters(text in "(?s).{0,200}") {
        for format in [Format::Toml, Format::Json, Format::Csv] {
            read(&text, format);
        }
    }

    #[test]
    fn toml_reader_never_panics_on_wild_figures(
        name in company_name(), scale in scale(), periods in periods()
    ) {
        read(&to_toml(&name, &scale, &periods), Format::Toml);
    }

    #[test]
    fn json_reader_never_panics_on_wild_figures(
        name in company_name(), scale in scale(), periods in periods()
    ) {
        read(&to_json(&name, &scale, &periods), Format::Json);
    }

    #[test]
    fn csv_reader_never_panics_on_wild_figures(periods in periods()) {
        read(&to_csv(&periods), Format::Csv);
    }

    #[test]
    fn readers_never_panic_on_cut_inputs(periods in periods(), cut in 0usize..2000) {
        // Truncated files: every reader gets a valid-looking input cut at a random place.
        for (text, format) in [
            (to_toml("Acme", "units", &periods), Format::Toml),
            (to_json("Acme", "units", &periods), Format::Json),
            (to_csv(&periods), Format::Csv),
        ] {
            let mut end = cut.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            read(&text[..end], format);
        }
    }
}

/// A period that always reads: valid label (unique by construction), amounts within range.
fn valid_periods() -> impl Strategy<Value = Vec<WildPeriod>> {
    let amount = prop_oneof![
        (0i64..1_000_000_000).prop_map(|n| n.to_string()),
        Just("0".to_string()),
        Just("0.000001".to_string()),
        Just("1000000000000000".to_string()),
        (1u32..1_000_000).prop_map(|n| format!("0.{n:06}")),
    ];
    let signed = prop_oneof![
        amount.clone(),
        (1i64..1_000_000_000).prop_map(|n| format!("-{n}")),
    ];
    let lines = proptest::collection::vec(("[a-z]{1,6}", signed.clone()), 0..4);
    proptest::collection::vec(
        (
            amount.clone(),
            proptest::option::of(amount),
            proptest::option::of(signed),
            lines,
            proptest::option::of("\\PC{0,40}"),
        ),
        1..12,
    )
    .prop_flat_map(|rows| (Just(rows), 1990u32..2020, any::<bool>()))
    .prop_map(|(rows, first_year, quarters)| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (revenue, headcount, operating_income, costs, notes))| WildPeriod {
                    label: if quarters {
                        format!("{}-Q{}", first_year + i as u32 / 4, i % 4 + 1)
                    } else {
                        (first_year + i as u32).to_string()
                    },
                    revenue,
                    headcount,
                    operating_income,
                    costs: dedup(costs),
                    notes,
                },
            )
            .collect()
    })
}

fn dedup(costs: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in costs {
        if !out.iter().any(|(seen, _)| *seen == k) {
            out.push((k, v));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(PIPELINE_CASES))]

    #[test]
    fn the_whole_pipeline_never_panics(
        name in company_name(),
        scale in prop_oneof![Just("units"), Just("thousands"), Just("billions")],
        periods in valid_periods(),
    ) {
        let settings = ReportSettings::new(
            &["md", "html", "json"],
            ChartFormat::Both,
            None,
        ).unwrap();
        let input = read(&to_toml(&name, scale, &periods), Format::Toml);
        // Names and amounts are generated valid, so only an empty name may be refused.
        prop_assume!(input.is_some());
        let input = input.unwrap();
        let metrics = ipobrief::analyse(&input, &Thresholds::default(), None);
        let files = build(&input, &metrics, None, &settings).expect("a valid input builds a report");
        let json = files.iter().find(|f| f.path.ends_with("metrics.json")).unwrap();
        let json = String::from_utf8_lossy(&json.bytes().unwrap()).into_owned();
        // serde_json writes a non-finite float as null, so look for the text forms too.
        for bad in [": NaN", ": inf", ": -inf", "\"NaN\"", "\"inf\""] {
            prop_assert!(!json.contains(bad), "{} in {}", bad, json);
        }
    }
}
