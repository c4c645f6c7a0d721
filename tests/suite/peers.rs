//! The brief's Peers section: `--peers`, `peers = [...]` in `[company]`, `--fx`, and every
//! mistake in them as exit 2 with its position. The table's arithmetic is checked by hand in
//! `src/report/peers/tests.rs`; here, what the user sees.

use crate::harness::Test;

/// A (USD): 2024 revenue 120 against 100, 14 people against 10, income 12.
pub(crate) const A: &str = r#"[company]
name = "A"
currency = "USD"
peers = ["peers/b.toml"]

[[period]]
label = "2023"
revenue = 100
headcount_end = 10

[[period]]
label = "2024"
revenue = 120
headcount_end = 14
operating_income = 12
"#;

/// B (SEK, years ending 30 June): 2024 revenue 1,000 against 800, 60 people against 40.
pub(crate) const B: &str = r#"[company]
name = "B"
currency = "SEK"
fiscal_year_end = "06-30"

[[period]]
label = "2023"
revenue = 800
headcount_end = 40

[[period]]
label = "2024"
revenue = 1000
headcount_end = 60
operating_income = 50
"#;

/// C (USD), without any headcount.
const C: &str = r#"[company]
name = "C"
currency = "USD"

[[period]]
label = "2023"
revenue = 50

[[period]]
label = "2024"
revenue = 100
operating_income = 20
"#;

fn section(brief: &str) -> &str {
    let start = brief.find("## Peers").expect("a Peers section");
    let end = brief[start..]
        .find("\n## Data notes")
        .map_or(brief.len(), |e| start + e);
    &brief[start..end]
}

#[test]
fn the_company_files_peers_make_a_section_with_ratios_only_across_currencies() {
    let output = Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args(["generate", "a.toml", "-o", "out"])
        .run()
        .status(0)
        .present("out/a/charts/peers-rule-of-40.svg");
    let brief = output.read("out/a/brief.md");
    let peers = section(&brief);
    // Fiscal years ending on different days are named with their ends.
    assert!(
        peers.contains("| A FY2024 (ended 31 Dec 2024) | B FY2024 (ended 30 Jun 2024) |"),
        "{peers}"
    );
    // SEK amounts are shown in SEK, not compared; growth (25% against 20%) is.
    assert!(
        peers.contains("| Revenue | $120 | SEK 1.00k (not compared) | n/a"),
        "{peers}"
    );
    assert!(
        peers.contains(
            "| Revenue growth, YoY | ▲ +20.0% | ▲ +25.0% | ▲ +25.0% | 2 of 2, higher is better |"
        ),
        "{peers}"
    );
    assert!(peers.contains("Amounts in SEK are shown in their own currency and not compared"));
    // Only A has a comparable revenue per employee: the chart says why it is not drawn.
    assert!(peers.contains("not drawn, as fewer than two companies have both figures"));
    let html = output.read("out/a/brief.html");
    assert!(html.contains("<section id=\"peers\">"));
    assert!(html.contains("id=\"chart-peers-rule-of-40\""));
    // The peer is not a brief of its own.
    output.absent("out/b");
}

#[test]
fn rates_convert_amounts_and_name_their_date() {
    // B's revenue SEK 1,000 × 0.1 = USD 100; median of the one peer 100; A's 120 ranks 1 of 2.
    // Revenue per employee: B's SEK 1,000 ÷ 50 = 20 × 0.1 = USD 2; A's 120 ÷ 12 = 10.
    let output = Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args([
            "generate",
            "a.toml",
            "-o",
            "out",
            "--fx",
            "SEK=0.1",
            "--as-of",
            "2025-01-31",
        ])
        .run()
        .status(0);
    let brief = output.read("out/a/brief.md");
    let peers = section(&brief);
    assert!(
        peers.contains("| Revenue | $120 | $100 (converted) | $100 | 1 of 2, higher is better |"),
        "{peers}"
    );
    assert!(peers.contains("| Revenue per employee (annualised) | $10 | $2 (converted) | $2 | 1 of 2, higher is better |"), "{peers}");
    assert!(
        peers.contains("Converted into USD at 0.1 USD per SEK (rates as of 2025-01-31)."),
        "{peers}"
    );
    let without_date = Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args(["generate", "a.toml", "-o", "out", "--fx", "SEK=0.1"])
        .run()
        .status(0);
    assert!(without_date
        .read("out/a/brief.md")
        .contains("(rates as given)."));
}

#[test]
fn a_peer_without_headcount_is_named_not_dropped() {
    let output = Test::new()
        .file("a.toml", A)
        .file("c.toml", C)
        .args(["generate", "a.toml", "--peers", "c.toml", "-o", "out"])
        .run()
        .status(0);
    let brief = output.read("out/a/brief.md");
    let peers = section(&brief);
    assert!(
        peers.contains("Without a headcount in the latest fiscal year: C (per-employee"),
        "{peers}"
    );
    // C's growth (100 − 50) ÷ 50 = 100% is still compared: A's 20% ranks 2 of 2.
    assert!(
        peers.contains("| Revenue growth, YoY | ▲ +20.0% | ▲ +100.0% | ▲ +100.0% | 2 of 2"),
        "{peers}"
    );
}

#[test]
fn a_missing_peer_file_points_at_its_entry() {
    Test::new()
        .file("a.toml", A.replace("peers/b.toml", "peers/nope.toml"))
        .args(["generate", "a.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("the peer file \"peers/nope.toml\" is not found")
        .stderr_contains("a.toml:4:10")
        .absent("out");
    Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args(["generate", "a.toml", "--peers", "nope.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("--peers nope.toml: the peer file is not found")
        .absent("out");
}

#[test]
fn the_company_is_not_its_own_peer() {
    Test::new()
        .file("a.toml", A.replace("peers/b.toml", "a.toml"))
        .args(["generate", "a.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("the peer a.toml is A itself")
        .stderr_contains("a.toml:4:10")
        .absent("out");
    Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args(["generate", "a.toml", "--peers", "a.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("--peers a.toml: the peer a.toml is A itself");
}

#[test]
fn a_peer_file_with_an_error_names_that_file() {
    Test::new()
        .file("a.toml", A)
        .file(
            "peers/b.toml",
            B.replace("revenue = 1000", "revenue = -1000"),
        )
        .args(["generate", "a.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("peers/b.toml:")
        .stderr_contains("revenue must not be negative")
        .absent("out");
}

#[test]
fn bad_peer_lists_and_rates_are_exit_2() {
    Test::new()
        .file(
            "a.toml",
            A.replace("[\"peers/b.toml\"]", "[\"b.toml\", \" \"]"),
        )
        .args(["generate", "a.toml", "-o", "out"])
        .run()
        .status(2)
        .stderr_contains("a peer's file name is empty")
        .stderr_contains("a.toml:4:20");
    for (rates, says) in [
        ("SEK", "is not CODE=rate"),
        ("ZZZ=1", "not an ISO 4217 currency code"),
        ("SEK=0", "not a rate above zero"),
    ] {
        Test::new()
            .file("a.toml", A)
            .file("peers/b.toml", B)
            .args(["generate", "a.toml", "-o", "out", "--fx", rates])
            .run()
            .status(2)
            .stderr_contains(&format!("--fx \"{rates}\""))
            .stderr_contains(says)
            .absent("out");
    }
}

#[test]
fn the_bundled_example_has_its_peers_from_any_folder() {
    let output = Test::new().args(["generate", "-o", "out"]).run().status(0);
    let brief = output.read("out/klarna-group-plc/brief.md");
    let peers = section(&brief);
    assert!(
        peers.contains("PayPal Holdings, Inc. FY2023 (ended 31 Dec 2023) ⚠"),
        "{peers}"
    );
    assert!(
        peers.contains("Affirm Holdings, Inc. FY2024 (ended 30 Jun 2024) ⚠"),
        "{peers}"
    );
    assert!(peers.contains("Without a headcount in the latest fiscal year: Affirm Holdings, Inc."));
}

#[test]
fn with_several_inputs_each_brief_has_the_others_as_peers() {
    let output = Test::new()
        .file("a.toml", a_alone())
        .file("c.toml", C)
        .args([
            "generate", "a.toml", "c.toml", "--peers", "a.toml", "c.toml", "-o", "out",
        ])
        .run()
        .status(0);
    let a = output.read("out/a/brief.md");
    // Both years end on 31 December: no end dates in the headings.
    assert!(
        section(&a).contains("| A FY2024 | C FY2024 |"),
        "{}",
        section(&a)
    );
    let c = output.read("out/c/brief.md");
    assert!(
        section(&c).contains("| C FY2024 | A FY2024 |"),
        "{}",
        section(&c)
    );
}

/// A without its own peers list, for tests that name peers with `--peers`.
fn a_alone() -> String {
    A.replace("peers = [\"peers/b.toml\"]\n", "")
}

/// A company with one fiscal year, 2024, and its revenue as written in TOML.
fn one_year(name: &str, currency: &str, revenue: &str) -> String {
    format!(
        "[company]\nname = \"{name}\"\ncurrency = \"{currency}\"\n\n[[period]]\nlabel = \"2024\"\n\
         revenue = {revenue}\n"
    )
}

#[test]
fn one_peer_under_several_spellings_is_one_column() {
    // peers/b.toml, ./peers/b.toml and peers/../peers/b.toml are one file: one column, and the
    // median is B's revenue alone (USD 100 at 0.1), not counted three times.
    let output = Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args([
            "generate",
            "a.toml",
            "-o",
            "out",
            "--fx",
            "SEK=0.1",
            "--peers",
            "peers/b.toml",
            "./peers/b.toml",
            "peers/../peers/b.toml",
        ])
        .run()
        .status(0);
    let brief = output.read("out/a/brief.md");
    let peers = section(&brief);
    assert!(
        peers.contains("| Revenue | $120 | $100 (converted) | $100 | 1 of 2, higher is better |"),
        "{peers}"
    );
    assert_eq!(peers.matches("B FY2024").count(), 1, "{peers}");
}

/// Two peers at 4 × 10^28, beyond half the decimal range: the run goes on and ranks them (the
/// median's arithmetic, taken by halves, is checked in `report/peers/tests.rs`).
#[test]
fn peers_at_the_edge_of_the_decimal_range_have_a_median() {
    let output = Test::new()
        .file("a.toml", a_alone())
        .file("h1.toml", one_year("H1", "USD", "4e28"))
        .file("h2.toml", one_year("H2", "USD", "4e28"))
        .args([
            "generate",
            "a.toml",
            "--peers",
            "h1.toml",
            "h2.toml",
            "-o",
            "out",
            "--format",
            "md,json,xlsx",
        ])
        .run()
        .status(0);
    let brief = output.read("out/a/brief.md");
    assert!(
        section(&brief).contains("| 3 of 3, higher is better |"),
        "{}",
        section(&brief)
    );
}

/// A rate that takes an amount past the decimal range leaves that peer's amount n/a with the
/// reason, and the run goes on: EUR 1 × 10^21 on a euro peer's revenue of 10^9, and EUR 2 on a
/// peer of 4 × 10^28.
#[test]
fn a_conversion_beyond_the_decimal_range_is_na_with_its_reason() {
    for (revenue, rate) in [("1000000000", "1e21"), ("4e28", "2")] {
        let output = Test::new()
            .file("a.toml", a_alone())
            .file("e.toml", one_year("E", "EUR", revenue))
            .args([
                "generate",
                "a.toml",
                "--peers",
                "e.toml",
                "--fx",
                &format!("EUR={rate}"),
                "-o",
                "out",
                "--format",
                "md,json,xlsx",
            ])
            .run()
            .status(0);
        let brief = output.read("out/a/brief.md");
        assert!(
            section(&brief).contains("| Revenue | $120 | n/a [^"),
            "{rate}: {brief}"
        );
        assert!(
            brief.contains("E, FY2024: too large to convert at"),
            "{rate}: {brief}"
        );
    }
}

#[test]
fn a_peer_that_is_not_a_file_says_what_it_is() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    std::fs::write(dir.join("a.toml"), a_alone()).unwrap();
    std::fs::create_dir_all(dir.join("folder.toml")).unwrap();
    std::os::unix::fs::symlink("loop2.toml", dir.join("loop1.toml")).unwrap();
    std::os::unix::fs::symlink("loop1.toml", dir.join("loop2.toml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.toml"))
        .status()
        .is_ok_and(|s| s.success());
    let mut cases = vec![
        ("folder.toml", "folder.toml is a folder, not an input file"),
        ("/dev/zero", "/dev/zero is a device, not an input file"),
        ("loop1.toml", "loop1.toml cannot be opened: "),
        ("nope.toml", "is not found: there is no file nope.toml"),
    ];
    if fifo {
        cases.push(("pipe.toml", "pipe.toml is a named pipe, not an input file"));
    }
    for (peer, says) in cases {
        Test::in_dir(dir)
            .args(["generate", "a.toml", "--peers", peer, "-o", "out"])
            .run()
            .status(2)
            .stderr_contains(says)
            .absent("out");
    }
}

#[test]
fn a_rate_for_the_briefs_own_currency_is_refused() {
    Test::new()
        .file("a.toml", A)
        .file("peers/b.toml", B)
        .args(["generate", "a.toml", "-o", "out", "--fx", "USD=2,SEK=0.1"])
        .run()
        .status(2)
        .stderr_contains("--fx gives a rate for USD, the brief's own currency")
        .absent("out");
}

#[test]
fn peers_on_the_command_line_have_the_company_files_limit() {
    let mut args: Vec<String> = ["generate", "a.toml", "-o", "out", "--peers"]
        .map(String::from)
        .to_vec();
    let mut test = Test::new().file("a.toml", a_alone());
    for n in 0..13 {
        let name = format!("p{n}.toml");
        test = test.file(
            &name,
            C.replace("name = \"C\"", &format!("name = \"P{n}\"")),
        );
        args.push(name);
    }
    test.args(args)
        .run()
        .status(2)
        .stderr_contains("--peers names 13 files, more than the limit of 12")
        .absent("out");
}
