//! Issue 12's cross-checks and acknowledged warnings through the real binary: the new warnings
//! reach `metrics.json`, the brief's data notes and `check`; `[[acknowledge]]` tables mark them
//! with their reason, let `check --strict` pass, and are refused with a position when wrong.

use crate::harness::{Output, Test};

/// Runs `ipobrief args` in a fresh folder holding `files` (name, contents).
fn run(files: &[(&str, &str)], args: &[&str]) -> Output {
    files
        .iter()
        .fold(Test::new(), |test, (name, contents)| {
            test.file(name, contents)
        })
        .args(args)
        .run()
}

/// Three years whose reported operating income sits below revenue minus the one cost line
/// (100 - 60 = 40 against 30; 120 - 70 = 50 against 40; 150 - 80 = 70 against 60): three
/// unlisted-costs warnings and nothing else; `acknowledge` is added after the company table.
/// Amounts in thousands: $10k to $15k of revenue a person (in units, $10 to $15 would be
/// implausible_per_employee warnings).
fn company(acknowledge: &str) -> String {
    format!(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"thousands\"\n{acknowledge}\n\
         [[period]]\nlabel = \"2022\"\nrevenue = 100\noperating_income = 30\nheadcount_end = 10\ncosts = {{ staff = 60 }}\n\
         [[period]]\nlabel = \"2023\"\nrevenue = 120\noperating_income = 40\nheadcount_end = 10\ncosts = {{ staff = 70 }}\n\
         [[period]]\nlabel = \"2024\"\nrevenue = 150\noperating_income = 60\nheadcount_end = 10\ncosts = {{ staff = 80 }}\n"
    )
}

const ACKNOWLEDGE: &str =
    "[[acknowledge]]\nkind = \"unlisted_costs\"\nreason = \"D&A is not listed\"\n";

/// The data-warnings criterion is the only one that reads warnings; `--strict` turns its
/// watch into exit 1 until every warning is acknowledged.
#[test]
fn check_strict_passes_when_every_warning_is_acknowledged() {
    let open = run(
        &[("a.toml", &company(""))],
        &["check", "a.toml", "--strict"],
    );
    assert!(
        open.stdout.contains("3 warnings"),
        "{}{}",
        open.stdout,
        open.stderr
    );
    let data_line = |text: &str| {
        text.lines()
            .find(|l| l.contains("Data warnings"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(data_line(&open.stdout).contains("WATCH"), "{}", open.stdout);

    let explained = run(
        &[("a.toml", &company(ACKNOWLEDGE))],
        &["check", "a.toml", "--strict"],
    );
    let line = data_line(&explained.stdout);
    assert!(line.contains("PASS"), "{}", explained.stdout);
    assert!(line.contains("3 warnings, all acknowledged"), "{line}");
    // Every other criterion passes on these figures: data warnings alone decide the exit.
    assert_eq!(open.code, Some(1), "{}", open.stdout);
    assert_eq!(explained.code, Some(0), "{}", explained.stdout);
}

/// An acknowledged warning keeps showing, with its reason, in metrics.json and the brief.
#[test]
fn an_acknowledged_warning_shows_its_reason_everywhere() {
    let toml = company(ACKNOWLEDGE);
    let metrics = run(&[("a.toml", &toml)], &["metrics", "a.toml"]);
    assert_eq!(metrics.code, Some(0), "{}", metrics.stderr);
    let json: serde_json::Value = serde_json::from_str(&metrics.stdout).expect("JSON");
    let warnings = json["warnings"].as_array().expect("a warnings list");
    assert_eq!(warnings.len(), 3);
    for warning in warnings {
        assert_eq!(warning["kind"], "unlisted_costs");
        assert_eq!(warning["acknowledged"], "D&A is not listed");
    }

    let generate = run(&[("a.toml", &toml)], &["generate", "a.toml", "-o", "out"]);
    assert_eq!(generate.code, Some(0), "{}", generate.stderr);
    let markdown = generate.read("out/acme/brief.md");
    assert!(
        markdown.contains("(acknowledged: D&A is not listed)"),
        "{markdown}"
    );
    let html = generate.read("out/acme/brief.html");
    assert!(
        html.contains("(acknowledged: D&amp;A is not listed)</li>"),
        "the HTML data notes"
    );
    // Explained warnings are not "points to check" in the brief's summary.
    assert!(!markdown.contains("points to check"), "{markdown}");
}

/// An acknowledgement that matches no warning is itself a warning, and keeps `--strict` red.
#[test]
fn a_stale_acknowledgement_is_reported() {
    let stale = format!(
        "{ACKNOWLEDGE}[[acknowledge]]\nkind = \"gap\"\nperiod = \"2023\"\nreason = \"restated\"\n"
    );
    let metrics = run(&[("a.toml", &company(&stale))], &["metrics", "a.toml"]);
    let json: serde_json::Value = serde_json::from_str(&metrics.stdout).expect("JSON");
    let stale: Vec<&serde_json::Value> = json["warnings"]
        .as_array()
        .expect("a warnings list")
        .iter()
        .filter(|w| w["kind"] == "stale_acknowledgement")
        .collect();
    assert_eq!(stale.len(), 1, "{json:#}");
    assert_eq!(stale[0]["period"], "2023");
    assert_eq!(
        stale[0]["message"],
        "the acknowledgement of \"gap\" warnings in 2023 (\"restated\") matches no warning: \
         remove it, or check its kind and period"
    );
    let check = run(
        &[(
            "a.toml",
            &company(&format!(
                "{ACKNOWLEDGE}[[acknowledge]]\nkind = \"gap\"\nreason = \"x\"\n"
            )),
        )],
        &["check", "a.toml"],
    );
    assert!(
        check.stdout.contains("1 of 4 unacknowledged"),
        "{}",
        check.stdout
    );
}

/// Wrong acknowledgements stop with exit 2, the file, line and column, and a way out.
#[test]
fn bad_acknowledgements_are_refused_with_their_position() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "[[acknowledge]]\nkind = \"unlisted_costs\"\nreson = \"D&A\"\n",
            &[
                "unknown field `reson`",
                "a.toml:7:1",
                "did you mean `reason`?",
            ],
        ),
        (
            "[[acknowledge]]\nkind = \"unlisted_cost\"\nreason = \"D&A\"\n",
            &[
                "\"unlisted_cost\" is not a kind of warning",
                "a.toml:6:1",
                "did you mean \"unlisted_costs\"?",
            ],
        ),
        (
            "[[acknowledge]]\nkind = \"unlisted_costs\"\n",
            &["gives no reason", "a.toml:5:1", "add reason = "],
        ),
        (
            "[[acknowledge]]\nkind = \"gap\"\nperiod = \"2024-Q5\"\nreason = \"x\"\n",
            &["bad period label", "a.toml:7:1"],
        ),
    ];
    for (acknowledge, expected) in cases {
        let refused = run(&[("a.toml", &company(acknowledge))], &["check", "a.toml"]);
        assert_eq!(refused.code, Some(2), "{acknowledge}\n{}", refused.stderr);
        for text in expected {
            assert!(
                refused.stderr.contains(text),
                "{acknowledge}: stderr lacks {text:?}:\n{}",
                refused.stderr
            );
        }
    }
}

/// JSON input takes the same `acknowledge` list, with positions in the JSON text.
#[test]
fn json_input_acknowledges_too() {
    let json = |acknowledge: &str| {
        format!(
            "{{\n  \"company\": {{ \"name\": \"Acme\", \"currency\": \"USD\" }},\n  \"acknowledge\": [\n    {acknowledge}\n  ],\n  \"period\": [\n    {{ \"label\": \"2024\", \"revenue\": 150, \"operating_income\": 60, \"costs\": {{ \"staff\": 80 }} }}\n  ]\n}}\n"
        )
    };
    let good = run(
        &[(
            "a.json",
            &json("{ \"kind\": \"unlisted_costs\", \"period\": \"2024\", \"reason\": \"D&A\" }"),
        )],
        &["metrics", "a.json"],
    );
    let value: serde_json::Value = serde_json::from_str(&good.stdout).expect("JSON");
    assert_eq!(value["warnings"][0]["acknowledged"], "D&A", "{value:#}");
    let bad = run(
        &[("a.json", &json("{ \"kind\": \"gapp\", \"reason\": \"x\" }"))],
        &["metrics", "a.json"],
    );
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
    assert!(
        bad.stderr.contains("did you mean \"gap\"?"),
        "{}",
        bad.stderr
    );
    assert!(bad.stderr.contains("a.json:4:"), "{}", bad.stderr);
}

/// A typo of 425,000 for 325,000 in one quarter reaches the brief, metrics.json and `check`,
/// in words with formatted amounts: 300,000 + 425,000 + 325,000 + 350,000 = 1,400,000
/// against the year's 1,300,000.
#[test]
fn a_quarter_typo_reaches_the_brief_json_and_check() {
    let toml = "[company]\nname = \"Acme\"\ncurrency = \"USD\"\n\
                [[period]]\nlabel = \"2024\"\nrevenue = 1300000\n\
                [[period]]\nlabel = \"2024-Q1\"\nrevenue = 300000\n\
                [[period]]\nlabel = \"2024-Q2\"\nrevenue = 425000\n\
                [[period]]\nlabel = \"2024-Q3\"\nrevenue = 325000\n\
                [[period]]\nlabel = \"2024-Q4\"\nrevenue = 350000\n";
    let message = "2024: the four quarters add up to revenue of $1.40M, $100k (7.7%) more than \
                   the year's $1.30M; look for a typo in 2024-Q1 to 2024-Q4 or in 2024";
    let metrics = run(&[("a.toml", toml)], &["metrics", "a.toml"]);
    let json: serde_json::Value = serde_json::from_str(&metrics.stdout).expect("JSON");
    assert_eq!(json["warnings"][0]["kind"], "quarters_vs_year", "{json:#}");
    assert_eq!(json["warnings"][0]["message"], message);
    let generate = run(&[("a.toml", toml)], &["generate", "a.toml", "-o", "out"]);
    assert_eq!(generate.code, Some(0), "{}", generate.stderr);
    assert!(generate.read("out/acme/brief.md").contains(message));
    let check = run(
        &[("a.toml", toml)],
        &["check", "a.toml", "--format", "json"],
    );
    let card: serde_json::Value = serde_json::from_str(&check.stdout).expect("JSON");
    let data = card[0]["scorecard"]["criteria"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "data_warnings"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(data["status"], "watch");
    assert_eq!(
        data["why"],
        "The figures raised 1 data warning (quarters against their year: 1)."
    );
}

/// Trust II, 6: the two scale slips that gave "0 warnings" and an unchanged scorecard. Acme
/// (SEK thousands) without its `scale` line: 2024's revenue of SEK 5,000 over 90 people on
/// average ((100 + 80) / 2) is SEK 55.6 each, below SEK 10,000 ($1,000 at ~10 SEK a dollar).
/// A take rate whose GMV is in millions in a file in thousands: 2,939 / 200 x 100 = 1,469.5%.
#[test]
fn scale_slips_raise_warnings_and_never_pass() {
    let acme = std::fs::read_to_string(crate::harness::root().join("tests/fixtures/acme.toml"))
        .unwrap()
        .replace("scale = \"thousands\"\n", "");
    let slipped = run(&[("acme.toml", &acme)], &["check", "acme.toml"]);
    let line = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    };
    let data = line(&slipped.stdout, "Data warnings");
    assert!(
        data.contains("WATCH") && !data.contains(" 0 warnings"),
        "{data}"
    );
    assert!(
        data.contains("per-employee amounts no company has"),
        "{data}"
    );
    let growth = line(&slipped.stdout, "Revenue growth");
    assert!(growth.contains("WATCH"), "{growth}");
    assert!(
        growth.contains("revenue per employee of SEK 55.6 a year is below any real company's"),
        "{growth}"
    );

    let take = "[company]\nname = \"Take AB\"\ncurrency = \"USD\"\nscale = \"thousands\"\n\
        [[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
        formula = \"revenue / values.gmv * 100\"\n\
        [[readiness.kpi]]\nkey = \"take_rate\"\nmin = 2\n\
        [[period]]\nlabel = \"2024\"\nrevenue = 2939\nheadcount_end = 12\nvalues = { gmv = 200 }\n";
    let checked = run(&[("take.toml", take)], &["check", "take.toml"]);
    let kpi = line(&checked.stdout, "Take rate (company KPI)");
    assert!(kpi.contains("WATCH") && kpi.contains("1469.5%"), "{kpi}");
    assert!(kpi.contains("is a share, which cannot pass 100%"), "{kpi}");
    let data = line(&checked.stdout, "Data warnings");
    assert!(data.contains("1 warning"), "{data}");
}
