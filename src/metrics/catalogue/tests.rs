//! Tests over the catalogue as a set (ripgrep's and ruff's habit): keys, names, the fields of
//! `PeriodMetrics`, the docs, and every key the code looks up.

use std::collections::BTreeSet;

use super::{docs, metric, Formula, Unit, CATALOGUE, LINE_CATALOGUE};
use crate::input::klarna_example;

#[test]
fn keys_and_names_are_unique_and_keys_are_snake_case() {
    let keys: BTreeSet<_> = CATALOGUE.iter().map(|m| m.key).collect();
    let names: BTreeSet<_> = CATALOGUE.iter().map(|m| m.name).collect();
    assert_eq!(keys.len(), CATALOGUE.len(), "a key is repeated");
    assert_eq!(names.len(), CATALOGUE.len(), "a name is repeated");
    for key in keys {
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{key} is not snake_case"
        );
    }
}

/// The catalogue and the metric fields of `metrics.json` list the same keys, both ways.
#[test]
fn catalogue_matches_the_serialised_period() {
    let metrics = crate::metrics::compute(&klarna_example());
    let period = serde_json::to_value(&metrics.periods[0]).expect("a period serialises");
    let not_metrics = [
        "label",
        "kind",
        "headcount_start",
        "operating_income_source",
        "cost_lines",
        "kpis",
        "notes",
        "unavailable",
        "not_meaningful",
        "approximations",
    ];
    let fields: BTreeSet<&str> = period
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .filter(|k| !not_metrics.contains(k))
        .collect();
    let keys: BTreeSet<&str> = CATALOGUE.iter().map(|m| m.key).collect();
    assert_eq!(fields, keys);
}

/// Every value the catalogue reads is the value `metrics.json` holds under its key.
#[test]
fn getters_read_the_field_of_their_key() {
    let metrics = crate::metrics::compute(&klarna_example());
    for period in &metrics.periods {
        let json = serde_json::to_value(period).expect("a period serialises");
        for m in CATALOGUE {
            let from_getter = serde_json::to_value(m.value(period)).expect("a value serialises");
            assert_eq!(from_getter, json[m.key], "{} in {}", m.key, period.label);
        }
    }
}

#[test]
fn every_unavailable_key_recorded_on_the_example_is_a_metric() {
    let metrics = crate::metrics::compute(&klarna_example());
    for period in &metrics.periods {
        for key in period.unavailable.0.keys() {
            let line_metric = key
                .strip_prefix("cost_lines.")
                .and_then(|rest| rest.rsplit_once('.'))
                .is_some_and(|(_, k)| LINE_CATALOGUE.iter().any(|l| l.key == k));
            // A company KPI's reason is under kpis.<its key>: KPIs are the company's, not the
            // catalogue's (issue 16).
            let company_kpi = key
                .strip_prefix("kpis.")
                .is_some_and(|k| metrics.kpis.iter().any(|kpi| kpi.key == k));
            assert!(
                metric(key).is_some() || line_metric || company_kpi,
                "{key} is not in the catalogue"
            );
        }
    }
}

/// Exact values are what the unit says: amounts and people never arrive as floats.
#[test]
fn units_match_the_kind_of_value() {
    let metrics = crate::metrics::compute(&klarna_example());
    for period in &metrics.periods {
        for m in CATALOGUE {
            match (m.unit.is_exact(), m.value(period)) {
                (true, Some(super::Number::Float(_))) | (false, Some(super::Number::Exact(_))) => {
                    panic!("{} has the wrong kind of value", m.key)
                }
                _ => {}
            }
        }
    }
    assert!(Unit::Money.is_exact() && !Unit::Pct.is_exact());
}

#[test]
fn input_metrics_say_so() {
    let inputs: Vec<_> = CATALOGUE
        .iter()
        .filter(|m| matches!(m.formula, Formula::Input(_)))
        .map(|m| m.key)
        .collect();
    assert_eq!(
        inputs,
        [
            "revenue",
            "headcount_end",
            "adjusted_operating_income",
            "cost_of_revenue",
            "depreciation_amortization",
            "operating_cash_flow",
            "capex",
            "stock_based_compensation",
            "cash",
            "personnel_cost",
            "ai_fte_equivalent",
            "ai_spend"
        ]
    );
}

/// Every key the code looks up by name is in the catalogue: `known("…")`, `metric("…")`, the
/// site's `value("…")`, the headline's `kpi(period, "…")` and the keys the picks name.
#[test]
fn keys_named_in_the_code_exist() {
    let mut missing = Vec::new();
    let mut seen = 0;
    visit(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .as_path(),
        &mut |text| {
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for call in [
                "known(\"",
                "metric(\"",
                "value(\"",
                "kpi(period,\"",
                "Noted(\"",
                "Metric(\"",
                "gaap_base:Some(\"",
            ] {
                for piece in squeezed.split(call).skip(1) {
                    let key = piece.split('"').next().unwrap_or_default();
                    seen += 1;
                    if metric(key).is_none() {
                        missing.push(key.to_string());
                    }
                }
            }
        },
    );
    // Views read their metrics from the catalogue's picks, so few keys are named in the code.
    assert!(seen > 10, "the scan found only {seen} keys");
    assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
}

fn visit(dir: &std::path::Path, each: &mut dyn FnMut(&str)) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, each);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            each(&std::fs::read_to_string(&path).expect("a source file is readable"));
        }
    }
}

/// docs/metrics.md lists every metric with the catalogue's formula: its region is generated.
/// `IPOBRIEF_BLESS=1 cargo test` rewrites a stale one.
#[test]
fn docs_metrics_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/metrics.md");
    let document = std::fs::read_to_string(&path).expect("docs/metrics.md is readable");
    let fresh = docs::refreshed(&document).expect("docs/metrics.md has the generated markers");
    if fresh != document {
        if std::env::var_os("IPOBRIEF_BLESS").is_some() {
            std::fs::write(&path, fresh).expect("docs/metrics.md is writable");
        } else {
            panic!("docs/metrics.md is stale: run `IPOBRIEF_BLESS=1 cargo test docs_metrics` and review the diff");
        }
    }
    for m in CATALOGUE {
        assert!(
            document.contains(&format!("`{}`", m.key)),
            "{} is not documented",
            m.key
        );
    }
}

/// Every key a pick names (a headline card's change metric, a GAAP base) is a
/// metric of the catalogue, and each view's selection is the one a reader sees.
#[test]
fn picks_name_metrics_of_the_catalogue() {
    use super::picks::HeadlineChange;
    use super::{picked, View};
    for m in CATALOGUE {
        let Some(card) = m.picks.headline else {
            continue;
        };
        if let HeadlineChange::Noted(key) | HeadlineChange::Metric(key) = card.change {
            assert!(metric(key).is_some(), "{}: no change metric {key}", m.key);
        }
    }
    let keys = |view| picked(view).iter().map(|m| m.key).collect::<Vec<_>>();
    assert_eq!(
        keys(View::Headline),
        [
            "revenue",
            "revenue_per_employee",
            "headcount_end",
            "operating_margin_pct",
            "rule_of_40",
            "ai_exposed_pct_of_revenue",
            "gross_margin_pct",
            "ebitda_margin_pct",
            "operating_cash_flow",
            "free_cash_flow",
            "runway_months"
        ]
    );
    assert_eq!(
        keys(View::CompareChart),
        [
            "revenue_growth_yoy_pct",
            "operating_margin_pct",
            "adjusted_operating_margin_pct",
            "opex_pct_of_revenue",
            "headcount_change_yoy_pct",
            "rule_of_40"
        ]
    );
    assert_eq!(
        keys(View::CashMargins),
        ["gross_margin_pct", "ebitda_margin_pct", "fcf_margin_pct"]
    );
    assert_eq!(keys(View::SiteIndex).len(), 6);
    // Ranks within a view are unique, so its order is the catalogue's word, not an accident.
    for view in [
        View::Headline,
        View::Peers,
        View::CompareChart,
        View::SiteIndex,
        View::CashMargins,
    ] {
        let mut ranks: Vec<u8> = CATALOGUE
            .iter()
            .filter_map(|m| m.picks.rank(view))
            .collect();
        let count = ranks.len();
        ranks.sort_unstable();
        ranks.dedup();
        assert_eq!(ranks.len(), count, "{view:?} repeats a rank");
    }
}

/// A key that is not in the catalogue is an error, never another metric in its place.
#[test]
#[should_panic(expected = "`no_such_metric` is not a metric of the catalogue")]
fn an_unknown_key_is_an_error() {
    super::known("no_such_metric");
}
