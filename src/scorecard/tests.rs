//! Hand-computed checks of the readiness scorecard.

use rust_decimal::Decimal;

use super::words::{against, number, pp, signed_pct, whole};
use super::*;
use crate::input::ReadinessOverrides;

fn card_for(extra: &str, periods: &str) -> Scorecard {
    card_with(extra, periods, &Thresholds::default())
}

/// Amounts in thousands: revenue of 100 among 10 people is $10k each, a real company's figure
/// (in units, $10 each, the implausible_per_employee check would doubt every criterion).
fn card_with(extra: &str, periods: &str, thresholds: &Thresholds) -> Scorecard {
    let text = format!(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"thousands\"\n{extra}\n{periods}"
    );
    let input = crate::input::from_toml(&text).unwrap();
    let metrics = crate::metrics::compute(&input);
    let plan = crate::plan::project(&input, &metrics);
    evaluate(&input, &metrics, plan.as_ref(), thresholds)
}

fn card(periods: &str) -> Scorecard {
    card_for("", periods)
}

fn criterion<'a>(card: &'a Scorecard, id: &str) -> &'a Criterion {
    card.criteria.iter().find(|c| c.id == id).unwrap()
}

fn year(label: &str, revenue: u32, costs: u32, operating_income: i32, headcount: u32) -> String {
    format!(
        r#"
            [[period]]
            label = "{label}"
            revenue = {revenue}
            operating_income = {operating_income}
            headcount_end = {headcount}
            [period.costs]
            staff = {costs}
        "#
    )
}

/// Three consistent years: revenue 100 -> 130 -> 169, operating income = revenue - costs.
fn healthy() -> String {
    [
        year("2022", 100, 95, 5, 10),
        year("2023", 130, 120, 10, 12),
        year("2024", 169, 150, 19, 13),
    ]
    .concat()
}

#[test]
fn a_healthy_company_passes_everything() {
    let card = card(&healthy());
    // 2024 growth (169 - 130) / 130 = 30.0 %.
    assert_eq!(criterion(&card, "revenue_growth").figure, "30.0%");
    // Rule of 40: 30.0 + 19 / 169 (= 11.24 %) = 41.2.
    assert_eq!(criterion(&card, "rule_of_40").figure, "41.2");
    // Margin 11.24 % (2024) - 10 / 130 (= 7.69 %, 2023) = +3.55 pp.
    assert_eq!(criterion(&card, "operating_margin_trend").figure, "+3.6 pp");
    // Revenue per employee: 169 / ((12 + 13) / 2) = 13.52 against 130 / ((10 + 12) / 2)
    // = 11.82 (to the cent); 13.52 / 11.82 - 1 = +14.4 %.
    assert_eq!(criterion(&card, "revenue_per_employee").figure, "+14.4%");
    // Opex 150 / 120 - 1 = 25.0 % against revenue 30.0 %.
    assert_eq!(
        criterion(&card, "opex_vs_revenue_growth").figure,
        "25.0% vs 30.0%"
    );
    assert_eq!(criterion(&card, "fiscal_years_history").figure, "3 years");
    assert_eq!(
        criterion(&card, "adjusted_reconciled").figure,
        "no adjusted figures"
    );
    assert_eq!(criterion(&card, "data_warnings").figure, "0 warnings");
    assert!(
        card.criteria.iter().all(|c| c.status == Status::Pass),
        "{card:#?}"
    );
    assert_eq!(
        (card.passed, card.watch, card.failed, card.status),
        (8, 0, 0, Status::Pass)
    );
    assert!(!card.failed_with(true));
}

#[test]
fn slow_growth_fails_growth_and_rule_of_40() {
    let periods = [
        year("2022", 100, 95, 5, 10),
        year("2023", 130, 120, 10, 12),
        year("2024", 140, 130, 10, 13),
    ]
    .concat();
    let card = card(&periods);
    // (140 - 130) / 130 = 7.7 % < 20 %.
    let growth = criterion(&card, "revenue_growth");
    assert_eq!(
        (growth.status, growth.figure.as_str()),
        (Status::Fail, "7.7%")
    );
    assert_eq!(
        growth.why,
        "Revenue grew 7.7% in 2024 over 2023, below the 20% bar."
    );
    // 7.69 + 10 / 140 (= 7.14) = 14.8 < 40.
    let rule = criterion(&card, "rule_of_40");
    assert_eq!((rule.status, rule.figure.as_str()), (Status::Fail, "14.8"));
    // Margin 7.14 % - 7.69 % = -0.549 pp, shown as -0.5 pp: judged as shown, so flat (watch),
    // not a "-0.5 pp" that fails a 0.5 pp band.
    let trend = criterion(&card, "operating_margin_trend");
    assert_eq!(
        (trend.status, trend.figure.as_str()),
        (Status::Watch, "-0.5 pp")
    );
    assert_eq!(card.status, Status::Fail);
    assert!(card.failed_with(false));
}

#[test]
fn readiness_table_overrides_thresholds() {
    // Rule of 40 is 41.2 (see above): it fails a bar of 45, and 30 % growth fails 35.
    let card = card_for(
        "[readiness]\nmin_rule_of_40 = 45\nmin_revenue_growth_pct = 35\nmin_fiscal_years = 4\n",
        &healthy(),
    );
    assert_eq!(criterion(&card, "rule_of_40").threshold, ">= 45");
    assert_eq!(criterion(&card, "rule_of_40").status, Status::Fail);
    assert_eq!(criterion(&card, "revenue_growth").status, Status::Fail);
    let years = criterion(&card, "fiscal_years_history");
    assert_eq!(
        (years.status, years.threshold.as_str()),
        (Status::Fail, ">= 4 years")
    );
}

#[test]
fn with_overrides_rounds_year_counts_up() {
    let overrides = ReadinessOverrides {
        min_fiscal_years: Some(Decimal::new(25, 1)),
        ..Default::default()
    };
    let thresholds = Thresholds::default().with_overrides(&overrides);
    assert_eq!(thresholds.min_fiscal_years.value, 3);
    assert_eq!(
        thresholds.min_fiscal_years.source,
        ThresholdSource::CompanyFile
    );
    assert_eq!(thresholds.min_revenue_growth_pct.value, 20.0);
    assert_eq!(
        thresholds.min_revenue_growth_pct.source,
        ThresholdSource::Default
    );
}

/// Guards Trust II item 14: `--thresholds` changed nothing when the company file had its own
/// `[readiness]`, so the file being judged lowered its own bar.
#[test]
fn the_thresholds_file_wins_over_the_company_file() {
    // The company lowers both bars; the thresholds file raises the Rule of 40's to 45. Rule of
    // 40 is 41.2 (30 % growth + 13.0/130 = 11.2 % margin, see above): it fails 45. Growth of
    // 30 % passes the company's own 10 %, which nothing on the command line replaced.
    let file = ThresholdsFile {
        min_rule_of_40: Some(45.0),
        ..ThresholdsFile::default()
    };
    let card = card_with(
        "[readiness]\nmin_rule_of_40 = 10\nmin_revenue_growth_pct = 10\n",
        &healthy(),
        &Thresholds::from_file(&file),
    );
    let rule = criterion(&card, "rule_of_40");
    assert_eq!(
        (rule.status, rule.threshold.as_str(), rule.threshold_source),
        (Status::Fail, ">= 45", ThresholdSource::ThresholdsFile)
    );
    let growth = criterion(&card, "revenue_growth");
    assert_eq!(
        (
            growth.status,
            growth.threshold.as_str(),
            growth.threshold_source
        ),
        (Status::Pass, ">= 10%", ThresholdSource::CompanyFile)
    );
    let years = criterion(&card, "fiscal_years_history");
    assert_eq!(years.threshold_source, ThresholdSource::Default);
    assert_eq!(card.thresholds.min_rule_of_40.value, 45.0);

    // `--company readiness.min_rule_of_40=30` is the command line: it wins over the file.
    let overrides = ReadinessOverrides {
        min_rule_of_40: Some(Decimal::from(30)),
        set_on_command_line: vec!["min_rule_of_40".to_string()],
        ..Default::default()
    };
    let thresholds = Thresholds::from_file(&file).with_overrides(&overrides);
    assert_eq!(
        thresholds.min_rule_of_40,
        Sourced {
            value: 30.0,
            source: ThresholdSource::CommandLine
        }
    );
}

#[test]
fn a_flat_margin_is_on_watch() {
    // 2023 margin 10 / 100 = 10.0 %, 2024 margin 12.1 / 120 = 10.08 %: +0.08 pp.
    let periods = r#"
        [[period]]
        label = "2023"
        revenue = 100
        operating_income = 10
        [[period]]
        label = "2024"
        revenue = 120
        operating_income = 12.1
    "#;
    let trend = criterion(&card(periods), "operating_margin_trend").clone();
    assert_eq!(
        (trend.status, trend.figure.as_str()),
        (Status::Watch, "+0.1 pp")
    );
    assert_eq!(
        trend.why,
        "Operating margin went from 10.0% in 2023 to 10.1% in 2024, +0.1 pp (flat)."
    );
}

#[test]
fn quarters_decide_the_margin_trend_when_there_are_four_apart() {
    // 2023-Q4 margin 2 / 50 = 4.0 %, 2024-Q4 margin 6 / 60 = 10.0 %: +6.0 pp, although the
    // years went from 10.0 % to 5.0 %.
    let periods = r#"
        [[period]]
        label = "2023"
        revenue = 200
        operating_income = 20
        [[period]]
        label = "2023-Q4"
        revenue = 50
        operating_income = 2
        [[period]]
        label = "2024"
        revenue = 240
        operating_income = 12
        [[period]]
        label = "2024-Q4"
        revenue = 60
        operating_income = 6
    "#;
    let trend = criterion(&card(periods), "operating_margin_trend").clone();
    assert_eq!(
        (trend.status, trend.figure.as_str()),
        (Status::Pass, "+6.0 pp")
    );
    assert!(
        trend.why.contains("in 2023-Q4") && trend.why.contains("in 2024-Q4"),
        "{}",
        trend.why
    );
}

#[test]
fn a_single_year_leaves_growth_criteria_on_watch() {
    let card = card(&year("2024", 169, 150, 19, 13));
    for id in [
        "revenue_growth",
        "rule_of_40",
        "operating_margin_trend",
        "revenue_per_employee",
        "opex_vs_revenue_growth",
    ] {
        let c = criterion(&card, id);
        assert_eq!(
            (c.status, c.figure.as_str()),
            (Status::Watch, "n/a"),
            "{id}"
        );
    }
    assert_eq!(
        criterion(&card, "revenue_growth").why,
        "No year-over-year revenue growth: 2024: the input's years start at 2024, so there is no earlier year to compare with."
    );
    // 1 year < 3: the history criterion fails.
    let years = criterion(&card, "fiscal_years_history");
    assert_eq!(
        (years.status, years.figure.as_str()),
        (Status::Fail, "1 year")
    );
    assert_eq!(card.failed, 1);
    assert!(card.failed_with(false));
}

#[test]
fn quarters_stand_in_when_no_year_has_growth() {
    // 2024-Q1 over 2023-Q1: (150 - 100) / 100 = 50.0 %.
    let periods = r#"
        [[period]]
        label = "2023-Q1"
        revenue = 100
        headcount_end = 10
        [[period]]
        label = "2024-Q1"
        revenue = 150
        headcount_end = 10
    "#;
    let card = card(periods);
    let growth = criterion(&card, "revenue_growth");
    assert_eq!(
        (growth.status, growth.figure.as_str()),
        (Status::Pass, "50.0%")
    );
    // Revenue per employee: 150 x 4 / 10 = 60 against 100 x 4 / 10 = 40: +50.0 %.
    let rpe = criterion(&card, "revenue_per_employee");
    assert_eq!((rpe.status, rpe.figure.as_str()), (Status::Pass, "+50.0%"));
    assert_eq!(
        rpe.why,
        "Revenue per employee (annualised) went from $40.0k in 2023-Q1 to $60.0k in 2024-Q1, +50.0%."
    );
}

#[test]
fn falling_revenue_per_employee_and_fast_opex_fail() {
    // 2024: revenue 110 over (10 + 20) / 2 = 15 people = 7.33 against 100 / 10 = 10: -26.7 %.
    // Opex 100 / 80 - 1 = 25.0 % against revenue 10.0 %.
    let periods = r#"
        [[period]]
        label = "2023"
        revenue = 100
        headcount_end = 10
        [period.costs]
        staff = 80
        [[period]]
        label = "2024"
        revenue = 110
        headcount_end = 20
        [period.costs]
        staff = 100
    "#;
    let card = card(periods);
    let rpe = criterion(&card, "revenue_per_employee");
    assert_eq!((rpe.status, rpe.figure.as_str()), (Status::Fail, "-26.7%"));
    let opex = criterion(&card, "opex_vs_revenue_growth");
    assert_eq!(
        (opex.status, opex.figure.as_str()),
        (Status::Fail, "25.0% vs 10.0%")
    );
    assert_eq!(
        opex.why,
        "In 2024 operating expenses grew 25.0%, not slower than revenue (10.0%)."
    );
}

#[test]
fn adjusted_figures_need_their_reported_counterpart() {
    let periods = r#"
        [[period]]
        label = "2024"
        revenue = 100
        operating_income = -5
        adjusted_operating_income = 3
        [[period]]
        label = "2025"
        revenue = 120
        adjusted_operating_income = 8
    "#;
    let adjusted = criterion(&card(periods), "adjusted_reconciled").clone();
    assert_eq!(
        (adjusted.status, adjusted.figure.as_str()),
        (Status::Watch, "1 of 2 without")
    );
    assert_eq!(
        adjusted.why,
        "2025 shows adjusted operating income without a reported operating income to \
         reconcile it to."
    );
    let reconciled = r#"
        [[period]]
        label = "2024"
        revenue = 100
        operating_income = -5
        adjusted_operating_income = 3
    "#;
    let adjusted = criterion(&card(reconciled), "adjusted_reconciled").clone();
    assert_eq!(
        (adjusted.status, adjusted.figure.as_str()),
        (Status::Pass, "1 of 1")
    );
}

#[test]
fn data_warnings_are_counted_and_only_watched() {
    // 2022 and 2024 without 2023: one gap warning.
    let periods = r#"
        [[period]]
        label = "2022"
        revenue = 100
        [[period]]
        label = "2024"
        revenue = 120
    "#;
    let warnings = criterion(&card(periods), "data_warnings").clone();
    assert_eq!(
        (warnings.status, warnings.figure.as_str()),
        (Status::Watch, "1 warning")
    );
    assert!(
        warnings
            .why
            .starts_with("The figures raised 1 data warning ("),
        "{}",
        warnings.why
    );
}

/// Guards Trust II item 15: data warnings never failed, so a thousand-fold typo passed unless
/// `--strict`, which fails every watch too.
#[test]
fn fail_on_warnings_fails_an_unacknowledged_warning_and_nothing_else() {
    // 2022 and 2024 without 2023: one gap warning (a watch by default, see above).
    let periods = r#"
        [[period]]
        label = "2022"
        revenue = 100
        [[period]]
        label = "2024"
        revenue = 120
    "#;
    let mut thresholds = Thresholds::default();
    thresholds
        .fail_on_warnings
        .set(true, ThresholdSource::CommandLine);
    let card = card_with("", periods, &thresholds);
    let warnings = criterion(&card, "data_warnings");
    assert_eq!(
        (warnings.status, warnings.figure.as_str()),
        (Status::Fail, "1 warning")
    );
    assert_eq!(warnings.threshold_source, ThresholdSource::CommandLine);
    // Other criteria keep their verdicts: growth 120 over 100 two years apart is n/a, a watch.
    assert_eq!(criterion(&card, "revenue_growth").status, Status::Watch);
    // Acknowledged, the warning no longer fails.
    let acknowledged = card_with(
        "[[acknowledge]]\nkind = \"gap\"\nreason = \"2023 was not audited\"\n",
        periods,
        &thresholds,
    );
    assert_eq!(
        criterion(&acknowledged, "data_warnings").status,
        Status::Pass
    );
}

#[test]
fn formats_by_hand() {
    assert_eq!(against(-0.04, 40.0), "0.0");
    // Issue 12: a Rule of 40 of 39.95 shows the digit that puts it below 40, never "40.0".
    assert_eq!(against(39.95, 40.0), "39.95");
    assert_eq!(against(40.0, 40.0), "40.0");
    assert_eq!(pp(-4.3045), "-4.3 pp");
    assert_eq!(signed_pct(55.195), "+55.2%");
    assert_eq!(whole(Decimal::new(112234128, 2)), "1,122,341");
    assert_eq!(whole(Decimal::new(-1500, 0)), "-1,500");
    assert_eq!(number(17.5), "17.5");
    assert_eq!(number(20.0), "20");
}

#[test]
fn klarna_by_hand() {
    let input = crate::input::klarna_example();
    let metrics = crate::metrics::compute(&input);
    let plan = crate::plan::project(&input, &metrics);
    let card = evaluate(&input, &metrics, plan.as_ref(), &Thresholds::default());
    let got = |id: &str| {
        let c = criterion(&card, id);
        (c.status, c.figure.clone())
    };
    // 2025 growth (3509 - 2811) / 2811 = 698 / 2811 = 24.8 % >= 20 %.
    assert_eq!(got("revenue_growth"), (Status::Pass, "24.8%".into()));
    // 24.83 + (-230 / 3509 = -6.55) = 18.3 < 40.
    assert_eq!(got("rule_of_40"), (Status::Fail, "18.3".into()));
    // No quarter has an operating margin; years: -6.55 % (2025) - (-121 / 2811 = -4.30 %)
    // (2024) = -2.25 pp.
    assert_eq!(
        got("operating_margin_trend"),
        (Status::Fail, "-2.3 pp".into())
    );
    // 3,509m / ((3,422 + 2,831) / 2 = 3,126.5) = 1,122,341.28 against 2,811m / ((4,352 +
    // 3,422) / 2 = 3,887) = 723,179.83: +55.2 %.
    assert_eq!(got("revenue_per_employee"), (Status::Pass, "+55.2%".into()));
    // Opex 2025 809+794+667+486+414+207+306 = 3,683 against 2024 596+495+503+444+328+203+281
    // = 2,850: +29.2 %, faster than revenue's 24.8 %.
    assert_eq!(
        got("opex_vs_revenue_growth"),
        (Status::Fail, "29.2% vs 24.8%".into())
    );
    // 2022, 2023, 2024, 2025.
    assert_eq!(
        got("fiscal_years_history"),
        (Status::Pass, "4 years".into())
    );
    // 2025-Q2 and 2025-Q4 report adjusted operating income (29, 47) and no operating income.
    assert_eq!(
        got("adjusted_reconciled"),
        (Status::Watch, "2 of 2 without".into())
    );
    assert!(criterion(&card, "adjusted_reconciled")
        .why
        .starts_with("2025-Q2, 2025-Q4 show"));
    // Unlisted costs in 2023 (128), 2024 (82) and 2025 (56).
    assert_eq!(got("data_warnings"), (Status::Watch, "3 warnings".into()));
    assert_eq!(
        criterion(&card, "data_warnings").why,
        "The figures raised 3 data warnings (unlisted costs: 3)."
    );
    // The plan: 2,831 people at the end of 2025, 20 % attrition, no hires, target 2,000.
    // 2,831 x 0.8^(18/12) = 2,831 x 0.7155 = 2,025.7 > 2,000; 2,831 x 0.8^(19/12) = 2,831 x
    // 0.7024 = 1,988.4 <= 2,000: month 19.
    assert_eq!(got("plan_target"), (Status::Pass, "month 19".into()));
    assert!(
        criterion(&card, "plan_target").why.starts_with(
            "From 2,831 people at the end of 2025, headcount reaches the target of \
                          2,000 in month 19 (1 year 7 months)."
        ),
        "{}",
        criterion(&card, "plan_target").why
    );
    // Transaction margin dollars 2025: 3,509 - 809 - 794 - 667 = 1,239 >= 0 (issue 16).
    assert_eq!(
        got("kpi.transaction_margin"),
        (Status::Pass, "$1,239M".into())
    );
    // Adjusted operating profit 2025: -230 + 55 + 157 + 83 = 65, the reported 65; the other
    // periods have no total (2024, 2025-Q2, 2025-Q4) or no reported figure (2023). No gains, no
    // item marked recurring and cash-settled, a performance measure with a stated purpose: the
    // six non-GAAP criteria pass.
    for id in [
        "non_gaap_reconciled",
        "non_gaap_consistent",
        "non_gaap_even_handed",
        "non_gaap_recurring_cash",
        "non_gaap_liquidity",
        "non_gaap_purpose",
    ] {
        assert_eq!(got(id), (Status::Pass, "none".into()), "{id}");
    }
    assert_eq!(
        (card.passed, card.watch, card.failed, card.status),
        (11, 2, 3, Status::Fail)
    );
    let json = serde_json::to_value(&card).unwrap();
    assert_eq!(json["status"], "fail");
    assert_eq!(json["criteria"][0]["status"], "pass");
}

/// Issue 12: a Rule of 40 just under the bar fails, and its figure shows the digit that says so.
#[test]
fn a_rule_of_40_just_under_the_bar_never_reads_as_40() {
    // 2024: growth (130 - 100) / 100 = 30 %, margin 12.935 / 130 = 9.95 %: 39.95 points.
    let periods = "[[period]]\nlabel = \"2023\"\nrevenue = 100\n\
                   [[period]]\nlabel = \"2024\"\nrevenue = 130\noperating_income = 12.935\n";
    let card = card(periods);
    let rule = criterion(&card, "rule_of_40");
    assert_eq!(rule.status, Status::Fail);
    assert!(rule.figure.starts_with("39.9"), "{}", rule.figure);
    assert!(rule.why.contains("below 40"), "{}", rule.why);
}

/// Issue 12: a criterion never passes on figures that raised a doubtful-figures warning.
#[test]
fn a_pass_on_doubtful_figures_is_a_watch() {
    let input = crate::input::from_toml(&format!(
        "[company]\nname = \"Acme\"\ncurrency = \"USD\"\nscale = \"thousands\"\n{}",
        healthy()
    ))
    .unwrap();
    let mut metrics = crate::metrics::compute(&input);
    metrics.warnings.push(crate::input::Warning::new(
        Some("2024".to_string()),
        crate::input::WarningKind::MarginOutOfRange,
        "2024: operating margin 176.5% is above 100%".to_string(),
    ));
    let card = evaluate(&input, &metrics, None, &Thresholds::default());
    let growth = criterion(&card, "revenue_growth");
    assert_eq!(growth.status, Status::Watch);
    assert!(growth.why.contains("above 100%"), "{}", growth.why);
    assert_eq!(criterion(&card, "rule_of_40").status, Status::Watch);
}

/// Two unlisted-costs warnings: revenue 100 - staff 95 = 5 against reported 3 (2022) and
/// revenue 130 - staff 120 = 10 against reported 8 (2023). Acknowledged, they pass; half
/// acknowledged, they stay on watch; a stale acknowledgement is a warning of its own.
#[test]
fn acknowledged_warnings_pass_the_data_warnings_criterion() {
    let periods = [year("2022", 100, 95, 3, 10), year("2023", 130, 120, 8, 10)].concat();
    let ack = |extra: &str| {
        format!(
            "[[acknowledge]]\nkind = \"unlisted_costs\"\n{extra}reason = \"D&A is not listed\"\n"
        )
    };
    let got = |extra: &str| {
        let card = card_for(extra, &periods);
        let c = criterion(&card, "data_warnings").clone();
        (c.status, c.figure, c.why)
    };
    assert_eq!(
        got(""),
        (
            Status::Watch,
            "2 warnings".into(),
            "The figures raised 2 data warnings (unlisted costs: 2).".into()
        )
    );
    assert_eq!(
        got(&ack("")),
        (
            Status::Pass,
            "2 warnings, all acknowledged".into(),
            "The figures raised 2 data warnings (unlisted costs: 2), each acknowledged with a \
             reason in the company file."
                .into()
        )
    );
    assert_eq!(
        got(&ack("period = \"2023\"\n")),
        (
            Status::Watch,
            "1 of 2 unacknowledged".into(),
            "The figures raised 2 data warnings (unlisted costs: 2); 1 is acknowledged in the \
             company file, 1 is not."
                .into()
        )
    );
    assert_eq!(
        got(&[ack(""), ack("period = \"2021\"\n")].concat()),
        (
            Status::Watch,
            "1 of 3 unacknowledged".into(),
            "The figures raised 3 data warnings (stale acknowledgements: 1, unlisted costs: 2); 2 \
             are acknowledged in the company file, 1 is not."
                .into()
        )
    );
}

/// Issue 12: a target above today's headcount that hiring never reaches is a watch with the
/// plan's reason, not "reached in month 0".
#[test]
fn an_unreachable_plan_target_is_a_watch() {
    // Monthly retention (1 - 0.15)^(1/12) = e^(ln 0.85 / 12) = e^(-0.013543) = 0.986548, so
    // 1 - r = 0.013452; 100 hires a year are 8.3333 a month, and headcount settles at
    // 8.3333 / 0.013452 = 619.5, below 700.
    let plan = "[plan]\ntarget_headcount = 700\nannual_attrition = 0.15\nhires_per_year = 100\n";
    let periods = "[[period]]\nlabel = \"2024\"\nrevenue = 100\nheadcount_end = 540\n";
    let card = card_for(plan, periods);
    let target = criterion(&card, "plan_target");
    assert_eq!(target.status, Status::Watch);
    assert_eq!(target.name, "Headcount plan reaches its target");
    assert_eq!(target.figure, "not reached");
    assert_eq!(target.threshold, "reaches 700 people");
    assert!(target.why.contains("near 619"), "{}", target.why);
    assert!(
        target
            .why
            .starts_with("The plan does not reach its target: "),
        "{}",
        target.why
    );
}

/// The plan's criterion is there only when the input has a `[plan]`.
#[test]
fn without_a_plan_there_is_no_plan_criterion() {
    let card = card(&healthy());
    assert!(card.criteria.iter().all(|c| c.id != "plan_target"));
}

/// A growth target that hiring outruns attrition to reach passes: 100 people, target 110, 10 %
/// attrition, 60 hires a year. Month 1: 100 x 0.9^(1/12) (= 0.991258) + 5 = 104.13; month 2:
/// 104.13 x 0.991258 + 5 = 108.22; month 3: 108.22 x 0.991258 + 5 = 112.27 >= 110.
#[test]
fn a_reachable_growth_target_passes_in_its_month() {
    let plan = "[plan]\ntarget_headcount = 110\nannual_attrition = 0.1\nhires_per_year = 60\n";
    let periods = "[[period]]\nlabel = \"2024\"\nrevenue = 100\nheadcount_end = 100\n";
    let card = card_for(plan, periods);
    let target = criterion(&card, "plan_target");
    assert_eq!(
        (target.status, target.figure.as_str()),
        (Status::Pass, "month 3")
    );
    assert_eq!(
        target.why,
        "From 100 people at the end of 2024, headcount reaches the target of 110 in month 3."
    );
}

/// Each verdict on a period's figures names the period, so `check` can point at its label.
#[test]
fn criteria_name_the_period_they_judged() {
    let card = card(&healthy());
    let period = |id: &str| criterion(&card, id).period.map(|p| p.to_string());
    assert_eq!(period("revenue_growth").as_deref(), Some("2024"));
    assert_eq!(period("rule_of_40").as_deref(), Some("2024"));
    assert_eq!(period("operating_margin_trend").as_deref(), Some("2024"));
    assert_eq!(period("fiscal_years_history"), None);
    let json = serde_json::to_value(&card).unwrap();
    assert_eq!(json["criteria"][0]["period"], "2024");
    assert!(json["criteria"][5].get("period").is_none());
}

/// Issue 12: opex growth of 24.76% against revenue growth of 24.84% is slower, and the figure
/// shows the digit that says so (one place would read "24.8% vs 24.8%").
#[test]
fn opex_just_slower_than_revenue_passes_and_shows_why() {
    // Revenue 1000 -> 1248.4 (+24.84%), costs 800 -> 998.08 (+24.76%).
    let periods = "[[period]]\nlabel = \"2023\"\nrevenue = 1000\ncosts = { staff = 800 }\n\
                   [[period]]\nlabel = \"2024\"\nrevenue = 1248.4\ncosts = { staff = 998.08 }\n";
    let card = card(periods);
    let opex = criterion(&card, "opex_vs_revenue_growth");
    assert_eq!(opex.status, Status::Pass);
    assert_eq!(opex.figure, "24.76% vs 24.84%");
}

/// Issue 16: the Rule of 40 takes the margin `[readiness]` chooses, and says which.
#[test]
fn the_rule_of_40_says_which_margin_it_took() {
    // The healthy years, with D&A and cash flows in 2024 (TOML keys before its cost table).
    let periods = healthy().replacen(
        "operating_income = 19",
        "operating_income = 19\ndepreciation_amortization = 8\noperating_cash_flow = 30\ncapex = 10",
        1,
    );
    // EBITDA 19 + 8 = 27; 27 / 169 = 15.98 %; 30.0 + 15.98 = 45.98 -> "46.0".
    let scored = card_for("[readiness]\nrule_of_40_margin = \"ebitda\"\n", &periods);
    let rule = criterion(&scored, "rule_of_40");
    assert_eq!(rule.name, "Rule of 40 (EBITDA margin)");
    assert_eq!(rule.figure, "46.0");
    assert!(
        rule.why
            .contains("plus an EBITDA margin of 16.0% makes 46.0"),
        "{}",
        rule.why
    );
    // Free cash flow 30 - 10 = 20; 20 / 169 = 11.83 %; 30.0 + 11.83 = 41.8.
    let scored = card_for("[readiness]\nrule_of_40_margin = \"fcf\"\n", &periods);
    let rule = criterion(&scored, "rule_of_40");
    assert_eq!(rule.name, "Rule of 40 (free-cash-flow margin)");
    assert_eq!(rule.figure, "41.8");
    assert!(
        rule.why.contains("plus a free-cash-flow margin of 11.8%"),
        "{}",
        rule.why
    );
    // The default keeps its name and words.
    let default = card(&healthy());
    let rule = criterion(&default, "rule_of_40");
    assert_eq!(rule.name, "Rule of 40");
    assert!(
        rule.why.contains("plus an operating margin of"),
        "{}",
        rule.why
    );
}

/// Issue 16: a `[[readiness.kpi]]` threshold is a criterion on the KPI's latest value, in the
/// company's scale for money.
#[test]
fn a_kpi_threshold_judges_the_latest_value() {
    let kpi = "[[kpi]]\nkey = \"margin\"\nname = \"Margin dollars\"\nunit = \"money\"\n\
               formula = \"revenue - costs.staff\"\n";
    // 2024: 169 - 150 = 19 (the healthy years have staff costs of 95, 120, 150).
    let scored = card_for(
        &format!("{kpi}[[readiness.kpi]]\nkey = \"margin\"\nmin = 20\n"),
        &healthy(),
    );
    let rule = criterion(&scored, "kpi.margin");
    assert_eq!(rule.name, "Margin dollars (company KPI)");
    assert_eq!(rule.status, Status::Fail);
    assert_eq!(rule.value, Some(19.0));
    assert_eq!(rule.figure, "$19k");
    let scored = card_for(
        &format!("{kpi}[[readiness.kpi]]\nkey = \"margin\"\nmin = 10\nmax = 19\n"),
        &healthy(),
    );
    assert_eq!(criterion(&scored, "kpi.margin").status, Status::Pass);
}

/// Trust II (10): a take rate of 1.38% against a floor of 1.4 read "Take rate was 1.4%, outside
/// the threshold of >= 1.4%"; a floor of 0.014 read ">= 0.0%"; a ratio read as the raw float.
/// A KPI and its threshold follow the Rule of 40's rule: the digit that decides is shown.
#[test]
fn a_kpi_reads_with_the_digit_that_decides_against_its_threshold() {
    let take_rate = |threshold: &str| {
        card_for(
            &format!(
                "[[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
                 formula = \"revenue / values.gmv * 100\"\n[[readiness.kpi]]\nkey = \
                 \"take_rate\"\n{threshold}\n"
            ),
            // 2025: 138 / 10,000 x 100 = 1.38%.
            "[[period]]\nlabel = \"2025\"\nrevenue = 138\n[period.values]\ngmv = 10000\n",
        )
    };
    let scored = take_rate("min = 1.4");
    let rule = criterion(&scored, "kpi.take_rate");
    assert_eq!(rule.status, Status::Fail);
    assert_eq!(rule.figure, "1.38%");
    assert_eq!(rule.threshold, ">= 1.4%");
    assert_eq!(
        rule.why,
        "In 2025 Take rate was 1.38%, outside the threshold of >= 1.4%."
    );
    // 0.014 as written, never rounded to "0.0%"; 1.38 is far above it, so one place.
    let scored = take_rate("min = 0.014");
    let rule = criterion(&scored, "kpi.take_rate");
    assert_eq!((rule.status, rule.figure.as_str()), (Status::Pass, "1.4%"));
    assert_eq!(rule.threshold, ">= 0.014%");
    // A ceiling of 1.37: 1.38 reads "1.4" at one place, which says nothing against 1.37; but
    // "1.4%" beside "<= 1.37%" is above it, as 1.38 is: one place is enough.
    let rule = criterion(&take_rate("max = 1.37"), "kpi.take_rate").clone();
    assert_eq!((rule.status, rule.figure.as_str()), (Status::Fail, "1.4%"));
    // A ceiling of 1.4: "1.4%" would read within it; 1.38 is within, so one place is right,
    // and 1.42 (142 / 10,000) needs two.
    let scored = card_for(
        "[[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
         formula = \"revenue / values.gmv * 100\"\n[[readiness.kpi]]\nkey = \"take_rate\"\n\
         max = 1.4\n",
        "[[period]]\nlabel = \"2025\"\nrevenue = 142\n[period.values]\ngmv = 10000\n",
    );
    let rule = criterion(&scored, "kpi.take_rate");
    assert_eq!((rule.status, rule.figure.as_str()), (Status::Fail, "1.42%"));
    assert_eq!(rule.threshold, "<= 1.4%");
}

/// Trust II (10): the starter file's KPI (`ipobrief init`) read "341.6666666666667" in `check`.
/// Revenue per customer, its latest year 2024: SEK 500M / 1.4M customers = 357.142857..., money
/// per customer in whole units: "SEK 357" as the brief shows it.
#[test]
fn the_starter_kpi_reads_as_the_brief_shows_it() {
    let input = crate::input::from_toml(include_str!("../commands/starter.toml")).unwrap();
    let metrics = crate::metrics::compute(&input);
    let card = evaluate(&input, &metrics, None, &Thresholds::default());
    let rule = criterion(&card, "kpi.revenue_per_customer");
    assert_eq!(rule.figure, "SEK 357");
    assert_eq!(rule.threshold, ">= SEK 300");
    assert!(rule.why.contains("was SEK 357, within"), "{}", rule.why);
}

/// Trust II (11): revenue growth from a year of zero revenue is not meaningful: the criterion
/// is a watch whose figure reads "n/m" (not "n/a"), its value null, its reason the n/m one.
#[test]
fn growth_from_zero_is_not_meaningful_in_the_scorecard() {
    let scored = card(
        "[[period]]\nlabel = \"2024\"\nrevenue = 0\n[[period]]\nlabel = \"2025\"\nrevenue = 100\n",
    );
    let growth = criterion(&scored, "revenue_growth");
    assert_eq!(growth.status, Status::Watch);
    assert_eq!(growth.figure, "n/m");
    assert_eq!(growth.value, None);
    assert_eq!(
        growth.why,
        "No year-over-year revenue growth: 2025: revenue in 2024 is zero, so a percent change is \
         not meaningful (n/m)."
    );
}

/// A KPI gate judges the latest period the input covers: a take rate given for 2023 (1,000 ÷
/// 50,000 × 100 = 2%, above the 1.5% floor) but not for 2024, the latest year, is a watch
/// naming 2024, not a pass on 2023.
#[test]
fn a_kpi_threshold_never_passes_on_an_older_period() {
    let kpi = "[[kpi]]\nkey = \"take_rate\"\nname = \"Take rate\"\nunit = \"pct\"\n\
               formula = \"revenue / values.gmv * 100\"\n\
               [[readiness.kpi]]\nkey = \"take_rate\"\nmin = 1.5\n";
    let periods = "[[period]]\nlabel = \"2023\"\nrevenue = 1000\n[period.values]\ngmv = 50000\n\
                   [[period]]\nlabel = \"2024\"\nrevenue = 1200\n";
    let scored = card_for(kpi, periods);
    let rule = criterion(&scored, "kpi.take_rate");
    assert_eq!(rule.status, Status::Watch);
    assert_eq!(rule.figure, "n/a");
    assert_eq!(rule.period.map(|p| p.to_string()).as_deref(), Some("2024"));
    assert!(
        rule.why.starts_with("2024 has no value of Take rate (")
            && rule
                .why
                .ends_with("the threshold is not judged on 2023 or another older period."),
        "{}",
        rule.why
    );
    // With the 2024 value (1,200 ÷ 60,000 × 100 = 2%) it is judged on 2024 and passes.
    let periods = format!("{periods}[period.values]\ngmv = 60000\n");
    let rule = criterion(&card_for(kpi, &periods), "kpi.take_rate").clone();
    assert_eq!(rule.status, Status::Pass);
    assert_eq!(rule.period.map(|p| p.to_string()).as_deref(), Some("2024"));
}

/// Operating income derived from a partial cost list: 2024 revenue 150 against 100 (growth
/// 50%), costs listed 40, so a derived income of 110 and a margin of 73.3%: a Rule of 40 of
/// 123.3 that would pass is a watch, its figure marked derived; acknowledged, it passes, still
/// marked. A reported operating income of 5 (margin 3.3%, Rule of 40 53.3) is judged as is.
#[test]
fn a_criterion_on_a_derived_operating_income_is_watch_at_best() {
    let periods = "[[period]]\nlabel = \"2023\"\nrevenue = 100\n[period.costs]\nstaff = 40\n\
                   [[period]]\nlabel = \"2024\"\nrevenue = 150\n[period.costs]\nstaff = 40\n";
    let rule = criterion(&card(periods), "rule_of_40").clone();
    assert_eq!(rule.status, Status::Watch);
    assert_eq!(rule.figure, "123.3 (derived)");
    assert!(
        rule.why
            .contains("The operating income of 2024 is not reported but derived")
            && rule
                .why
                .ends_with("give operating_income as reported, or acknowledge the derivation."),
        "{}",
        rule.why
    );
    // The margin trend judges 2023 and 2024, both derived.
    let trend = criterion(&card(periods), "operating_margin_trend").clone();
    assert!(trend.figure.ends_with(" (derived)"), "{}", trend.figure);
    assert!(
        trend.why.contains("of 2023 and 2024 is not reported"),
        "{}",
        trend.why
    );
    let acknowledged = card_for(
        "[[acknowledge]]\nkind = \"derived_operating_income\"\nreason = \"every cost is listed\"\n",
        periods,
    );
    let rule = criterion(&acknowledged, "rule_of_40");
    assert_eq!(rule.status, Status::Pass);
    assert_eq!(rule.figure, "123.3 (derived)");
    assert!(
        rule.why.contains("(acknowledged: every cost is listed)"),
        "{}",
        rule.why
    );
    let reported = periods.replace(
        "label = \"2024\"\nrevenue = 150\n",
        "label = \"2024\"\nrevenue = 150\noperating_income = 5\n",
    );
    let rule = criterion(&card(&reported), "rule_of_40").clone();
    assert_eq!(rule.figure, "53.3");
    assert_eq!(rule.status, Status::Pass);
}
