//! `ipobrief import sec` on the real companyfacts files in tests/fixtures/sec/. Every figure
//! asserted here was read from the JSON by hand.

use crate::harness::Test;

const SNOWFLAKE: &str = "tests/fixtures/sec/snowflake-companyfacts.json";
const LPA: &str = "tests/fixtures/sec/lpa-companyfacts.json";

/// The period of `label` in the metrics JSON.
fn period<'a>(metrics: &'a serde_json::Value, label: &str) -> &'a serde_json::Value {
    metrics["periods"]
        .as_array()
        .and_then(|periods| periods.iter().find(|p| p["label"] == label))
        .unwrap_or_else(|| panic!("no period {label} in {metrics}"))
}

#[test]
fn snowflake_fiscal_2025_ends_in_january_and_round_trips_through_metrics() {
    let imported = Test::new()
        .copy(SNOWFLAKE, "facts.json")
        .args([
            "import",
            "sec",
            "facts.json",
            "--from",
            "2024",
            "--quarters",
        ])
        .args(["--headcount", "2025=7834", "-o", "snowflake.toml"])
        .run()
        .status(0)
        .stdout_empty()
        .present("snowflake.toml");
    let toml = imported.read("snowflake.toml");
    assert!(toml.contains("fiscal_year_end = \"01-31\""), "{toml}");
    // Fiscal 2025: 2024-02-01 to 2025-01-31, USD 3,626,396,000 in the 10-K 0001640147-25-000052.
    assert!(toml.contains(
        "revenue = 3626.396              # us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, 0001640147-25-000052"
    ), "{toml}");
    assert!(toml.contains("headcount_end = 7834            # given with --headcount"));
    let metrics = Test::new()
        .file("snowflake.toml", &toml)
        .args(["metrics", "snowflake.toml"])
        .run()
        .status(0)
        .json();
    assert_eq!(period(&metrics, "2025")["revenue"], 3_626_396_000_i64);
    assert_eq!(period(&metrics, "2024")["revenue"], 2_806_489_000_i64);
    // Q4 of fiscal 2025 is not filed: 3,626,396,000 - 828,709,000 - 868,823,000 - 942,094,000.
    assert_eq!(period(&metrics, "2025-Q4")["revenue"], 986_770_000_i64);
    assert_eq!(period(&metrics, "2025-Q1")["revenue"], 828_709_000_i64);
}

#[test]
fn quarters_are_decided_by_dates_not_by_the_fp_tag() {
    // The latest filing of the three months to 2021-04-30 (0001640147-22-000044) tags it `FY`;
    // it is still Q1 of fiscal 2022 (USD 228,914,000), and fiscal 2022 is the full year.
    let output = Test::new()
        .copy(SNOWFLAKE, "facts.json")
        .args([
            "import",
            "sec",
            "facts.json",
            "--quarters",
            "--from",
            "2022",
        ])
        .run()
        .status(0);
    let toml = &output.stdout;
    let q1 = toml
        .split("label = \"2022-Q1\"")
        .nth(1)
        .expect("a 2022-Q1 period");
    let q1_revenue = q1.lines().nth(1).unwrap_or_default();
    assert!(q1_revenue.starts_with("revenue = 228.914 "), "{q1_revenue}");
    assert!(q1_revenue.ends_with("0001640147-22-000044"), "{q1_revenue}");
    let year = toml
        .split("label = \"2022\"")
        .nth(1)
        .expect("a 2022 period");
    assert!(year
        .lines()
        .nth(1)
        .unwrap_or_default()
        .starts_with("revenue = 1219.327 "));
    // The nine months to 2021-10-31 (835,553,000) are year-to-date, not a quarter.
    assert!(!toml.contains("835.553"));
    assert!(toml.contains("notes = \"Q4 is derived: the fiscal year minus Q1-Q3 as filed."));
}

#[test]
fn missing_headcount_is_said_in_the_toml() {
    Test::new()
        .copy(SNOWFLAKE, "facts.json")
        .args(["import", "sec", "facts.json", "--from", "2024", "-o", "-"])
        .run()
        .status(0)
        .stdout_contains("# Headcount MISSING for 2024, 2025")
        .stdout_contains("--headcount 2025=N");
}

#[test]
fn an_ifrs_filer_imports_with_its_ifrs_concepts() {
    let output = Test::new()
        .copy(LPA, "lpa.json")
        .args(["import", "sec", "lpa.json", "-o", "lpa.toml"])
        .run()
        .status(0);
    let toml = output.read("lpa.toml");
    // Fiscal 2024 in the 20-F 0001997711-25-000030: revenue 43,862,372, employee benefits
    // 6,826,374, administrative expense 15,626,057, operating profit 36,606,814.
    assert!(
        toml.contains("revenue = 43.862372             # ifrs-full:Revenue, 0001997711-25-000030"),
        "{toml}"
    );
    assert!(toml.contains("personnel_cost = 6.826374       # ifrs-full:EmployeeBenefitsExpense"));
    assert!(toml.contains("general_admin = 15.626057       # ifrs-full:AdministrativeExpense"));
    let metrics = Test::new()
        .file("lpa.toml", &toml)
        .args(["metrics", "lpa.toml"])
        .run()
        .status(0)
        .json();
    assert_eq!(period(&metrics, "2024")["revenue"], 43_862_372);
    assert_eq!(period(&metrics, "2024")["operating_income"], 36_606_814);
}

#[test]
fn import_errors_exit_2() {
    Test::new()
        .file("facts.json", "{\"cik\": 1, \"entityName\": \"X\"}")
        .args(["import", "sec", "facts.json"])
        .run()
        .status(2)
        .stdout_empty()
        .stderr_contains("this is not an SEC companyfacts file");
    Test::new()
        .copy(LPA, "lpa.json")
        .args([
            "import",
            "sec",
            "lpa.json",
            "--headcount",
            "2019=40",
            "-o",
            "lpa.toml",
        ])
        .run()
        .status(2)
        .stderr_contains("--headcount names the period 2019, which the import does not have")
        .absent("lpa.toml");
}

/// Snowflake's real file with `facts` added to the revenue concept `concept` (USD).
fn snowflake_with(concept: &str, facts: &[serde_json::Value]) -> String {
    let text = std::fs::read_to_string(crate::harness::root().join(SNOWFLAKE)).expect("fixture");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let units = json["facts"]["us-gaap"]
        .as_object_mut()
        .expect("us-gaap facts")
        .entry(concept)
        .or_insert_with(|| serde_json::json!({"units": {"USD": []}}));
    let list = units["units"]["USD"].as_array_mut().expect("USD facts");
    list.extend(facts.iter().cloned());
    json.to_string()
}

#[test]
fn quarters_add_up_to_their_year_exactly() {
    // Fiscal 2025 of the real file: year 3,626,396,000 (10-K 0001640147-25-000052), Q1
    // 828,709,000, Q2 868,823,000, Q3 942,094,000. A three-month Q4 filed as 986,500,000
    // (added here, as a filing rounded differently would give it) would make the quarters
    // 3,626,126,000, 270,000 short of the year: Q4 is derived instead, 3,626,396,000 −
    // 828,709,000 − 868,823,000 − 942,094,000 = 986,770,000, and its comment says so.
    // Fiscal 2024's filed Q4 of 774,699,000 does add up (2,806,489,000 − 623,599,000 −
    // 674,018,000 − 734,173,000 = 774,699,000) and is kept as filed.
    let fact = |start: &str, end: &str, val: i64, accn: &str| {
        serde_json::json!({"start": start, "end": end, "val": val, "accn": accn,
            "filed": "2025-03-01", "form": "10-K", "fp": "FY"})
    };
    let file = snowflake_with(
        "RevenueFromContractWithCustomerExcludingAssessedTax",
        &[
            fact(
                "2024-11-01",
                "2025-01-31",
                986_500_000,
                "0000000001-25-000001",
            ),
            fact(
                "2023-11-01",
                "2024-01-31",
                774_699_000,
                "0000000001-25-000002",
            ),
        ],
    );
    let output = Test::new()
        .file("facts.json", &file)
        .args([
            "import",
            "sec",
            "facts.json",
            "--from",
            "2024",
            "--quarters",
            "-o",
            "-",
        ])
        .run()
        .status(0);
    let toml = &output.stdout;
    assert!(toml.contains(
        "revenue = 986.77                # derived: us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax year - Q1 - Q2 - Q3"
    ), "{toml}");
    assert!(
        toml.contains(
            "; the filed Q4 of 986.5 (0000000001-25-000001) would miss the year by -0.27"
        ),
        "{toml}"
    );
    assert!(toml.contains(
        "revenue = 774.699               # us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, 0000000001-25-000002"
    ), "{toml}");
    let metrics = Test::new()
        .file("s.toml", toml)
        .args(["metrics", "s.toml"])
        .run()
        .status(0)
        .json();
    let revenue = |label: &str| {
        period(&metrics, label)["revenue"]
            .as_i64()
            .unwrap_or_default()
    };
    assert_eq!(
        revenue("2025-Q1") + revenue("2025-Q2") + revenue("2025-Q3") + revenue("2025-Q4"),
        revenue("2025")
    );
    assert_eq!(revenue("2025-Q4"), 986_770_000);
}

#[test]
fn the_latest_filing_wins_across_a_change_of_concept() {
    // Fiscal 2024 (2023-02-01 to 2024-01-31) is 2,806,489,000 under
    // RevenueFromContractWithCustomerExcludingAssessedTax in the 10-K 0001640147-25-000052
    // (filed 2025). A later filing (added here) reports the same year under us-gaap:Revenues,
    // restated to 2,806,500,000: the later filing's value is used, though its concept comes
    // later in the list of revenue concepts.
    let file = snowflake_with(
        "Revenues",
        &[
            serde_json::json!({"start": "2023-02-01", "end": "2024-01-31", "val": 2_806_500_000_i64,
            "accn": "0000000001-26-000001", "filed": "2026-03-01", "form": "10-K", "fp": "FY"}),
        ],
    );
    let output = Test::new()
        .file("facts.json", &file)
        .args(["import", "sec", "facts.json", "--from", "2024", "-o", "-"])
        .run()
        .status(0);
    let toml = &output.stdout;
    assert!(
        toml.contains("revenue = 2806.5                # us-gaap:Revenues, 0000000001-26-000001"),
        "{toml}"
    );
    // Fiscal 2025, filed only under the first concept, is unchanged.
    assert!(toml.contains(
        "revenue = 3626.396              # us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, 0001640147-25-000052"
    ));
}

/// Issue 16: the statement figures, with the revenue rules and the year-to-date rule of
/// cash-flow statements. Figures read from the JSON by hand (fiscal 2025 starts 2024-02-01):
/// D&A six months to 2024-07-31 85,332,000 - Q1 40,221,000 = 45,111,000; operating cash flow
/// 425,333,000 - 355,468,000 = 69,865,000 (Q2), 527,039,000 - 425,333,000 = 101,706,000 (Q3),
/// the year 959,764,000 - 527,039,000 = 432,725,000 (Q4); cash on 2024-07-31 1,282,045,000.
#[test]
fn snowflake_statement_figures_follow_the_revenue_rules_and_the_year_to_date() {
    let output = Test::new()
        .copy(SNOWFLAKE, "facts.json")
        .args([
            "import",
            "sec",
            "facts.json",
            "--from",
            "2025",
            "--quarters",
        ])
        .args(["--headcount", "2025=7834", "-o", "snowflake.toml"])
        .run()
        .status(0)
        .present("snowflake.toml");
    let toml = output.read("snowflake.toml");
    let q2 = toml.split("label = \"2025-Q2\"").nth(1).expect("2025-Q2");
    assert!(q2.contains(
        "depreciation_amortization = 45.111 # derived: us-gaap:DepreciationDepletionAndAmortization six months to date - Q1, 0001640147-25-000110 0001640147-24-000207"
    ), "{q2}");
    assert!(q2.contains("cash = 1282.045                 # us-gaap:CashAndCashEquivalentsAtCarryingValue, 0001640147-24-000207"), "{q2}");
    let metrics = Test::new()
        .file("snowflake.toml", &toml)
        .args(["metrics", "snowflake.toml"])
        .run()
        .status(0)
        .json();
    let flow = |label: &str| period(&metrics, label)["operating_cash_flow"].clone();
    assert_eq!(flow("2025-Q2"), 69_865_000_i64);
    assert_eq!(flow("2025-Q3"), 101_706_000_i64);
    assert_eq!(flow("2025-Q4"), 432_725_000_i64);
    let year = period(&metrics, "2025");
    // Fiscal 2025: operating cash flow 959,764,000 - capex 46,279,000 = 913,485,000.
    assert_eq!(year["free_cash_flow"], 913_485_000_i64);
    // Cost of revenue 1,214,673,000 (CostOfGoodsAndServicesSold): gross profit
    // 3,626,396,000 - 1,214,673,000 = 2,411,723,000.
    assert_eq!(year["gross_profit"], 2_411_723_000_i64);
    // Free cash flow above zero: no burn, and no runway, with the reason.
    assert_eq!(year["net_burn"], serde_json::Value::Null);
    assert_eq!(
        year["unavailable"]["runway_months"],
        "not burning cash: free cash flow is zero or more"
    );
}

/// Issue 16: an IFRS filer's statement figures come from the ifrs-full concepts. LPA's fiscal
/// 2022: D&A 228,485, capex 88,487, cash 14,988,112 at 2022-12-31 (read from the JSON).
#[test]
fn lpa_statement_figures_come_from_ifrs_concepts() {
    let output = Test::new()
        .copy(LPA, "facts.json")
        .args(["import", "sec", "facts.json"])
        .run()
        .status(0);
    let year = output
        .stdout
        .split("label = \"2022\"")
        .nth(1)
        .expect("a 2022 period");
    for expected in [
        "depreciation_amortization = 0.228485 # ifrs-full:AdjustmentsForDepreciationAndAmortisationExpense",
        "capex = 0.088487                # ifrs-full:PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
        "cash = 14.988112                # ifrs-full:CashAndCashEquivalents",
    ] {
        assert!(year.contains(expected), "{expected}\n{year}");
    }
}

/// A small companyfacts file: revenue facts (USD unless a fact says otherwise) and an entity
/// name, as the SEC writes them.
fn facts_file(name: &str, revenue: &[serde_json::Value]) -> String {
    let mut usd = Vec::new();
    let mut eur = Vec::new();
    for fact in revenue {
        if fact["unit"] == "EUR" {
            eur.push(fact.clone());
        } else {
            usd.push(fact.clone());
        }
    }
    serde_json::json!({
        "cik": 7, "entityName": name,
        "facts": {"us-gaap": {"Revenues": {"units": {"USD": usd, "EUR": eur}}}}
    })
    .to_string()
}

fn fact(start: &str, end: &str, val: serde_json::Value, accn: &str) -> serde_json::Value {
    serde_json::json!({"start": start, "end": end, "val": val, "accn": accn,
        "filed": format!("{}-03-01", &end[..4].parse::<i32>().unwrap() + 1), "form": "10-K"})
}

/// A fact of calendar year `year`, as [`fact`] makes it.
fn year_fact(year: i32, val: serde_json::Value, accn: &str) -> serde_json::Value {
    fact(
        &format!("{year}-01-01"),
        &format!("{year}-12-31"),
        val,
        accn,
    )
}

/// The SEC file's text never reaches the TOML as live lines: an entity name with line breaks
/// that spell `[readiness]` and `[[acknowledge]]` tables stays in one comment line (and the
/// name on one line), so `check` judges the imported company by the default thresholds.
#[test]
fn an_entity_name_with_line_breaks_stays_in_its_comment() {
    let name =
        "Evil Corp\n[readiness]\nmin_rule_of_40 = -1000\n[[acknowledge]]\nwarning = \"x\"\r\n# ";
    let file = facts_file(
        name,
        &[
            year_fact(2023, 100_000_000.into(), "0000000001-24-000001"),
            year_fact(2024, 120_000_000.into(), "0000000001-25-000001"),
        ],
    );
    let output = Test::new()
        .file("facts.json", file)
        .args(["import", "sec", "facts.json", "-o", "-"])
        .run()
        .status(0);
    let toml = &output.stdout;
    assert!(
        toml.starts_with(
            "# Evil Corp [readiness] min_rule_of_40 = -1000 [[acknowledge]] warning = \"x\" #: imported"
        ),
        "{toml}"
    );
    let live: Vec<&str> = toml
        .lines()
        .filter(|l| !l.starts_with('#') && l.starts_with('['))
        .collect();
    assert_eq!(live, ["[company]", "[[period]]", "[[period]]"], "{toml}");
    assert!(
        toml.contains("name = \"Evil Corp [readiness] min_rule_of_40"),
        "{toml}"
    );
}

/// What the import leaves out or chooses is said, in the TOML's comments and on standard
/// error: one filing with two values for a period (the later is used), a value beyond the
/// decimal range (left out, so its year is missing), facts in a minority currency.
#[test]
fn facts_left_out_or_chosen_are_warnings() {
    let file = facts_file(
        "Acme",
        &[
            year_fact(
                2022,
                serde_json::Number::from_string_unchecked("1e300".into()).into(),
                "0000000001-23-000001",
            ),
            year_fact(2023, 100_000_000.into(), "0000000001-24-000001"),
            year_fact(2023, 101_000_000.into(), "0000000001-24-000001"),
            year_fact(2024, 120_000_000.into(), "0000000001-25-000001"),
            serde_json::json!({"start": "2024-01-01", "end": "2024-12-31", "val": 99,
                "accn": "0000000001-25-000009", "filed": "2025-03-01", "unit": "EUR"}),
        ],
    );
    let output = Test::new()
        .file("facts.json", file)
        .args(["import", "sec", "facts.json", "-o", "acme.toml"])
        .run()
        .status(0);
    let toml = output.read("acme.toml");
    let said = [
        "us-gaap:Revenues for the period ending 2022-12-31 (filing 0000000001-23-000001): the value 1e+300 cannot be held exactly",
        "us-gaap:Revenues for the period ending 2023-12-31: filing 0000000001-24-000001 gives two values, 100000000 and 101000000; the later in the file, 101000000, is used",
        "1 revenue fact in EUR left out: the company reports most of its revenue in USD",
    ];
    for text in said {
        assert!(
            toml.contains(&format!("# WARNING: {text}")),
            "{text}\n{toml}"
        );
        assert!(
            output.stderr.contains(&format!("warning: {text}")),
            "{text}\n{}",
            output.stderr
        );
    }
    assert!(!toml.contains("label = \"2022\""), "{toml}");
}

/// A filed Q4 far from the derived one at the edge of the decimal range: the comment's
/// difference would overflow; it says so instead of panicking.
#[test]
fn a_q4_difference_past_the_decimal_range_is_said_not_computed() {
    let big = |text: &str| {
        serde_json::Value::Number(serde_json::Number::from_string_unchecked(text.into()))
    };
    let file = facts_file(
        "Acme",
        &[
            year_fact(
                2024,
                big("70000000000000000000000000000"),
                "0000000001-25-000001",
            ),
            fact("2024-01-01", "2024-03-31", 0.into(), "0000000001-24-000011"),
            fact("2024-04-01", "2024-06-30", 0.into(), "0000000001-24-000012"),
            fact("2024-07-01", "2024-09-30", 0.into(), "0000000001-24-000013"),
            fact(
                "2024-10-01",
                "2024-12-31",
                big("-70000000000000000000000000000"),
                "0000000001-25-000002",
            ),
        ],
    );
    let output = Test::new()
        .file("facts.json", file)
        .args(["import", "sec", "facts.json", "--quarters", "-o", "-"])
        .run();
    assert!(!output.stderr.contains("panicked"), "{}", output.stderr);
    assert!(
        output
            .stdout
            .contains("would miss the year by more than a figure can hold"),
        "{}\n{}",
        output.stdout,
        output.stderr
    );
}

/// When the imported figures fail validation, the error is about the JSON read: it names the
/// figure as imported, the concept and filing it comes from, and points at that fact in the
/// JSON, not at a line of a TOML that is never written.
#[test]
fn a_validation_error_points_at_the_fact_in_the_json() {
    let file = facts_file(
        "Acme",
        &[
            year_fact(2023, 100_000_000.into(), "0000000001-24-000001"),
            year_fact(2024, (-5_000_000).into(), "0000000001-25-000001"),
        ],
    );
    let output = Test::new()
        .file("facts.json", &file)
        .args(["import", "sec", "facts.json", "-o", "acme.toml"])
        .run()
        .status(2)
        .stderr_contains(
            "the imported figures do not pass validation: revenue must not be negative",
        )
        .stderr_contains("(imported as `revenue = -5`)")
        .stderr_contains("the figure comes from us-gaap:Revenues, 0000000001-25-000001")
        .absent("acme.toml");
    // The fact's accession number in the one-line JSON: line 1, after the 2023 fact's.
    let column = file.find("\"0000000001-25-000001\"").unwrap() + 1;
    assert!(
        output.stderr.contains(&format!("facts.json:1:{column}")),
        "{}",
        output.stderr
    );
}
